import { sql } from 'kysely';
import type { AuditEntry } from '../../../shared/contract/schemas';
import type { PartialHandlers } from '../../host/handler';
import { verifyAudit } from './log';
import { maskAuditEntry } from './mask';

export const auditHandlers: PartialHandlers = {
  'audit.list': {
    async run({ db, input, actor }) {
      let q = db
        .selectFrom('audit_log')
        .select(['seq', 'at', 'user_id', 'username', 'action', 'outcome', 'target', 'purpose', 'details', 'hash'])
        .orderBy('seq', 'desc')
        .limit(input.limit + 1);
      if (input.userId) q = q.where('user_id', '=', input.userId);
      if (input.action) q = q.where('action', '=', input.action);
      if (input.from) q = q.where('at', '>=', new Date(input.from).toISOString());
      if (input.to) q = q.where('at', '<', new Date(input.to).toISOString());
      if (input.beforeSeq) q = q.where('seq', '<', input.beforeSeq);
      const rows = await q.execute();
      const page = rows.slice(0, input.limit);
      const entries: AuditEntry[] = page.map((r) => maskAuditEntry({
        seq: r.seq,
        at: r.at,
        userId: r.user_id,
        username: r.username,
        action: r.action,
        outcome: r.outcome,
        target: r.target,
        purpose: r.purpose,
        details: JSON.parse(r.details) as unknown,
        hash: r.hash,
      }, actor!.permissions));
      return { entries, nextBeforeSeq: rows.length > input.limit ? page[page.length - 1]!.seq : null };
    },
  },

  'audit.actions': {
    async run({ db }) {
      const rows = await db.selectFrom('audit_log').select(sql<string>`DISTINCT action`.as('action')).orderBy('action').execute();
      return rows.map((r) => r.action);
    },
  },

  'audit.recordExport': {
    async run({ input, audit }) {
      audit.details = { fileName: input.fileName, mimeType: input.mimeType, bytes: input.bytes };
      return null;
    },
  },

  'audit.verify': {
    async run({ host, audit }) {
      const verdict = verifyAudit(host.archive()!);
      audit.details = { ok: verdict.ok, checked: verdict.checked, firstBad: verdict.firstBad, head: verdict.head };
      return verdict;
    },
  },
};
