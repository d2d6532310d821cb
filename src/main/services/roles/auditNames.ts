import { inChunks, type AuditNamer } from '../audit/names';

/** Roles in the audit register: by their name. */
export const roleAuditNames: AuditNamer = {
  kind: 'role',
  inDetails: true,
  async names(db, ids) {
    const rows = await inChunks(ids, (chunk) => db.selectFrom('roles').select(['id', 'name']).where('id', 'in', chunk).execute());
    return new Map(rows.map((r) => [r.id, r.name]));
  },
};
