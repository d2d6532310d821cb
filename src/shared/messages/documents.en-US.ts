import type { DocumentsReason } from '../contract/documents';
import type { ActionOf } from './types';

// The texts of the documents domain's codes in English (the same keys as documents.zh-CN.ts, by type).
export const documentsEnUS = {
  reasons: {
    archiveNoTaken: 'This archive number is already taken.',
    notElectronic: 'This document is a physical item only: there is no electronic file to open.',
  } satisfies Record<DocumentsReason, string>,
  actions: {
    'documents.add': 'Document registered',
    'documents.open': 'Document read',
  } satisfies Record<ActionOf<'documents'>, string>,
};
