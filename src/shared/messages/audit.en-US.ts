import type { AuditTargetKind, ChainBreak } from '../contract/audit';
import type { ActionOf } from './types';

// The texts of the audit domain's codes in English (the same keys as audit.zh-CN.ts, by type).
export const auditEnUS = {
  actions: {
    'audit.list': 'Audit log read',
    'audit.actions': 'Audit actions listed',
    'audit.verify': 'Audit chain verified',
  } satisfies Record<ActionOf<'audit'>, string>,
  targets: {
    user: 'User',
    role: 'Role',
    department: 'Department',
    customer: 'Customer',
    document: 'Document',
    import: 'Import',
  } satisfies Record<AuditTargetKind, string>,
  chainBreaks: {
    hash: 'content does not match its hash',
    link: 'link to the previous entry is broken',
    gap: 'numbering has a gap; entries may have been deleted',
  } satisfies Record<ChainBreak, string>,
};
