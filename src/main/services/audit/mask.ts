import type { AuditEntry } from '../../../shared/contract/schemas';
import type { Permission } from '../../../shared/domain/permissions';

// The audit log does not hand out credit information (issue 11 item 5). An entry about a
// customer — its file, records, documents, imports, credit limits, evaluations, approval
// chains, searches — shows its details only to a reader who may read customer files
// (customers.read). Anyone else reading the log (the system administrator, an auditor
// without it) sees who did what to which file, when and why — user, action, outcome,
// target, time, purpose — and of the details only their shape: which fields changed,
// which record was added, voided or removed. Masking is a view: the stored entry, its hash
// and the chain are untouched. One function, applied to each entry by audit.list.

/** Who may see the details of entries about customers. */
export const CUSTOMER_DETAILS_PERMISSION: Permission = 'customers.read';

/** Actions of these domains are about customers whatever their target. */
const CUSTOMER_DOMAINS = new Set(['customers', 'records', 'documents', 'imports', 'creditLimits']);
/** Entries with a target of these kinds are about customers. */
const CUSTOMER_TARGETS = new Set(['customer', 'document', 'import', 'evaluation', 'approval']);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const REF = /^[a-zA-Z]+:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const FIELD = /^[a-zA-Z][a-zA-Z0-9_]{0,40}$/;
const WORD = /^[a-zA-Z_]{1,40}$/;

/** What of the details a masked entry keeps: names and ids, never values. */
const KEPT: Record<string, (value: unknown) => boolean> = {
  changed: (v) => Array.isArray(v) && v.every((f) => typeof f === 'string' && FIELD.test(f)),
  record: (v) => typeof v === 'string' && REF.test(v),
  voided: (v) => typeof v === 'string' && REF.test(v),
  removed: (v) => typeof v === 'string' && REF.test(v),
  customerId: (v) => typeof v === 'string' && UUID.test(v),
  importId: (v) => typeof v === 'string' && UUID.test(v),
  evaluationId: (v) => typeof v === 'string' && UUID.test(v),
  status: (v) => typeof v === 'string' && WORD.test(v),
  // An approval step's decision (approve, return, transfer …) and which step: the what, not the opinion.
  decision: (v) => typeof v === 'string' && WORD.test(v),
  stepId: (v) => typeof v === 'string' && WORD.test(v),
  onBehalfOf: (v) => v === null || (typeof v === 'string' && UUID.test(v)),
  toUserId: (v) => typeof v === 'string' && UUID.test(v),
  verificationReset: (v) => typeof v === 'boolean',
};

export function isAboutCustomers(entry: Pick<AuditEntry, 'action' | 'target' | 'details'>): boolean {
  const domain = entry.action.slice(0, entry.action.indexOf('.'));
  if (CUSTOMER_DOMAINS.has(domain)) return true;
  const kind = entry.target?.slice(0, entry.target.indexOf(':'));
  if (kind && CUSTOMER_TARGETS.has(kind)) return true;
  const details = entry.details;
  return typeof details === 'object' && details !== null && 'customerId' in details;
}

/** The entry as this reader may see it. */
export function maskAuditEntry(entry: AuditEntry, readerPermissions: ReadonlySet<Permission>): AuditEntry {
  if (readerPermissions.has(CUSTOMER_DETAILS_PERMISSION) || !isAboutCustomers(entry)) return entry;
  const details = entry.details;
  const kept: Record<string, unknown> = { masked: true };
  if (typeof details === 'object' && details !== null && !Array.isArray(details)) {
    for (const [key, value] of Object.entries(details as Record<string, unknown>)) {
      if (Object.hasOwn(KEPT, key) && KEPT[key]!(value)) kept[key] = value;
    }
  }
  return { ...entry, details: kept };
}
