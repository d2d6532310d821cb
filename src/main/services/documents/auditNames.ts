import { inChunks, type AuditNamer } from '../audit/names';

/** Documents in the audit register: title and archive number, for readers who may read customer files. */
export const documentAuditNames: AuditNamer = {
  kind: 'document',
  needs: 'customers.read',
  inDetails: false,
  async names(db, ids) {
    const rows = await inChunks(ids, (chunk) =>
      db.selectFrom('documents').select(['id', 'title', 'archive_no']).where('id', 'in', chunk).execute(),
    );
    return new Map(rows.map((r) => [r.id, `${r.title} ${r.archive_no}`]));
  },
};
