import type { ArchiveReason } from '../contract/archive';
import type { ActionOf } from './types';

// The texts of the archive domain's codes in English (the same keys as archive.zh-CN.ts, by type).
export const archiveEnUS = {
  reasons: {
    keySlotsMissing: 'This folder holds an archive database without its key file (keyslots.json). It is left untouched: choose another folder, or restore the key file from a backup.',
  } satisfies Record<ArchiveReason, string>,
  actions: {
    'archive.status': 'Archive status',
    'archive.setup': 'Archive set up',
    'archive.check': 'Archive integrity check',
    'archive.chooseFolder': 'Archive folder chosen',
  } satisfies Record<ActionOf<'archive'>, string>,
};
