import type { DocumentsReason } from '../contract/documents';
import type { ActionOf } from './types';

// The texts of the documents domain's codes in Chinese: used by the renderer and the command line.
export const documentsZhCN = {
  reasons: {
    archiveNoTaken: '该档号已被使用。',
    notElectronic: '这份材料只有实物，没有电子文件可以打开。',
  } satisfies Record<DocumentsReason, string>,
  actions: {
    'documents.add': '登记档案材料',
    'documents.open': '查阅档案材料',
  } satisfies Record<ActionOf<'documents'>, string>,
};
