import { IMPORT_KINDS, type ImportKind } from '../../../shared/domain/customers';
import { importsEnUS } from '../../../shared/messages/imports.en-US';
import { importsZhCN } from '../../../shared/messages/imports.zh-CN';
import { inChunks, type AuditNamer } from '../audit/names';

const KINDS = { 'zh-CN': importsZhCN.kinds, 'en-US': importsEnUS.kinds } as const;

/**
 * An import in the audit register: what it brought in and from which file. An import has
 * no table of its own; its run's entry (imports.run) records both.
 */
export const importAuditNames: AuditNamer = {
  kind: 'import',
  inDetails: true,
  async names(db, ids, language) {
    const rows = await inChunks(ids, (chunk) =>
      db
        .selectFrom('audit_log')
        .select(['target', 'details'])
        .where('action', '=', 'imports.run')
        .where('outcome', '=', 'ok')
        .where('target', 'in', chunk.map((id) => `import:${id}`))
        .execute(),
    );
    const names = new Map<string, string>();
    for (const row of rows) {
      const details = JSON.parse(row.details) as { kind?: unknown; fileName?: unknown };
      const kind = (IMPORT_KINDS as readonly unknown[]).includes(details.kind) ? KINDS[language][details.kind as ImportKind] : null;
      const fileName = typeof details.fileName === 'string' ? details.fileName : null;
      const name = [kind, fileName].filter((part) => part !== null).join(' · ');
      if (name !== '') names.set(row.target!.slice('import:'.length), name);
    }
    return names;
  },
};
