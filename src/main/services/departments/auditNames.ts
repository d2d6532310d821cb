import { inChunks, type AuditNamer } from '../audit/names';

/** Departments in the audit register: by their name. */
export const departmentAuditNames: AuditNamer = {
  kind: 'department',
  inDetails: true,
  async names(db, ids) {
    const rows = await inChunks(ids, (chunk) => db.selectFrom('departments').select(['id', 'name']).where('id', 'in', chunk).execute());
    return new Map(rows.map((r) => [r.id, r.name]));
  },
};
