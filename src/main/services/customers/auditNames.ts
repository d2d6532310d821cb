import { inChunks, type AuditNamer } from '../audit/names';

/** Customers in the audit register: by name, for readers who may read customer files. */
export const customerAuditNames: AuditNamer = {
  kind: 'customer',
  needs: 'customers.read',
  inDetails: true,
  async names(db, ids) {
    const rows = await inChunks(ids, (chunk) => db.selectFrom('customers').select(['id', 'name']).where('id', 'in', chunk).execute());
    return new Map(rows.map((r) => [r.id, r.name]));
  },
};
