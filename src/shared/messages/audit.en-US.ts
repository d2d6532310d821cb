import type { AuditTargetKind, ChainBreak } from '../contract/audit';
import type { ActionOf } from './types';

// The texts of the audit domain's codes in English (the same keys as audit.zh-CN.ts, by type).
export const auditEnUS = {
  actions: {
    'audit.list': 'Audit log read',
    'audit.actions': 'Audit actions listed',
    'audit.recordExport': 'Export saved',
    'audit.verify': 'Audit chain verified',
  } satisfies Record<ActionOf<'audit'>, string>,
  targets: {
    user: 'User',
    role: 'Role',
    department: 'Department',
    customer: 'Customer',
    document: 'Document',
    import: 'Import',
    calendar: 'Working-day calendar',
    approval: 'Approval',
    'approval-definition': 'Approval chain',
    evaluation: 'Credit evaluation',
    'scoring-model': 'Scoring model',
    warning: 'Risk warning',
    delegation: 'Approval delegation',
  } satisfies Record<AuditTargetKind, string>,
  chainBreaks: {
    hash: 'content does not match its hash',
    link: 'link to the previous entry is broken',
    gap: 'numbering has a gap; entries may have been deleted',
    cut: 'the log is shorter than the head kept outside the archive; the newest entries were deleted or rewritten',
    headMissing: 'the head file kept outside the archive is missing; the newest entries cannot be vouched for',
    headInvalid: 'the head file kept outside the archive is damaged or forged',
  } satisfies Record<ChainBreak, string>,
};
