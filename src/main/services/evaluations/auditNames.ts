import { inChunks, type AuditNamer } from '../audit/names';

/** Credit evaluations in the audit register: by the customer evaluated, for readers who may read customer files. */
export const evaluationAuditNames: AuditNamer = {
  kind: 'evaluation',
  needs: 'customers.read',
  inDetails: true,
  async names(db, ids) {
    const rows = await inChunks(ids, (chunk) =>
      db
        .selectFrom('evaluations')
        .innerJoin('customers', 'customers.id', 'evaluations.customer_id')
        .select(['evaluations.id as id', 'customers.name as name'])
        .where('evaluations.id', 'in', chunk)
        .execute(),
    );
    return new Map(rows.map((r) => [r.id, r.name]));
  },
};
