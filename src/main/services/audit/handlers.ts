import { sql } from 'kysely';
import { AUDIT_EXPORT_MAX, type AuditFilter } from '../../../shared/contract/audit';
import type { PartialHandlers } from '../../host/handler';
import { verifyAudit } from './log';
import { maskAuditEntry } from './mask';
import { nameEntries } from './names';
import { readEntries, registerWorkbook, XLSX_MIME } from './register';
import { auditEnUS } from '../../../shared/messages/audit.en-US';
import { auditZhCN } from '../../../shared/messages/audit.zh-CN';

const FILE_NAMES = { 'zh-CN': auditZhCN.register.fileName, 'en-US': auditEnUS.register.fileName } as const;

function filterOf(input: AuditFilter): AuditFilter {
  return {
    ...(input.userId ? { userId: input.userId } : {}),
    ...(input.action ? { action: input.action } : {}),
    ...(input.from ? { from: input.from } : {}),
    ...(input.to ? { to: input.to } : {}),
  };
}

const localDay = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

export const auditHandlers: PartialHandlers = {
  'audit.list': {
    async run({ db, input, actor }) {
      const { entries: stored, more } = await readEntries(db, filterOf(input), { beforeSeq: input.beforeSeq, limit: input.limit });
      // Credit details only for readers of customers (issue 11 item 5), before anything is named.
      const entries = stored.map((e) => maskAuditEntry(e, actor!.permissions));
      const named = await nameEntries(db, actor!, entries, input.language);
      return { entries: named.entries, names: named.names, nextBeforeSeq: more ? entries[entries.length - 1]!.seq : null };
    },
  },

  'audit.export': {
    async run({ db, input, actor, now, audit }) {
      const filter = filterOf(input);
      const { entries: stored, more } = await readEntries(db, filter, { limit: AUDIT_EXPORT_MAX });
      // The export is masked as the screen is.
      const entries = stored.map((e) => maskAuditEntry(e, actor!.permissions));
      const named = await nameEntries(db, actor!, entries, input.language);
      const names = new Map(Object.entries(named.names));
      // The filter's user is named in the heading even where no entry of theirs is listed.
      const people = await db.selectFrom('users').select(['id', 'display_name']).where('id', 'in', [actor!.userId, ...(filter.userId ? [filter.userId] : [])]).execute();
      for (const person of people) if (!names.has(person.id)) names.set(person.id, person.display_name);
      const bytes = await registerWorkbook({
        language: input.language,
        entries: named.entries,
        nameOf: (id) => names.get(id),
        filter,
        exportedBy: names.get(actor!.userId) ?? actor!.username,
        exportedAt: now,
        truncatedAt: more ? AUDIT_EXPORT_MAX : null,
      });
      const fileName = `${FILE_NAMES[input.language]}-${localDay(now)}.xlsx`;
      audit.details = { filter, language: input.language, rows: entries.length, truncated: more, fileName };
      return { fileName, mime: XLSX_MIME, contentBase64: bytes.toString('base64'), rows: entries.length, truncated: more };
    },
  },

  'audit.print': {
    async run({ input, audit }) {
      audit.details = { filter: filterOf(input), rows: input.rows };
      return null;
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
