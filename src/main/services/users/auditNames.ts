import { inChunks, type AuditNamer } from '../audit/names';

/** Users in the audit register: by the name the archive knows them by. */
export const userAuditNames: AuditNamer = {
  kind: 'user',
  inDetails: true,
  async names(db, ids) {
    const rows = await inChunks(ids, (chunk) => db.selectFrom('users').select(['id', 'display_name']).where('id', 'in', chunk).execute());
    return new Map(rows.map((r) => [r.id, r.display_name]));
  },
};
