import type { ArchiveReason } from '../contract/archive';
import type { ActionOf } from './types';

// The texts of the archive domain's codes in Chinese: used by the renderer and the command line.
export const archiveZhCN = {
  reasons: {
    keySlotsMissing: '此文件夹中有一个档案数据库，但没有它的密钥文件（keyslots.json）。程序不会改动它，请选择其他文件夹，或从备份恢复密钥文件。',
  } satisfies Record<ArchiveReason, string>,
  actions: {
    'archive.status': '查询档案状态',
    'archive.setup': '初始化档案',
    'archive.check': '检查档案完整性',
    'archive.chooseFolder': '选择档案文件夹',
  } satisfies Record<ActionOf<'archive'>, string>,
};
