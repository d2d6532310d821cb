import { DEFAULT_ROLES } from '../../../shared/domain/permissions';
import { dataEnUS } from '../../../shared/messages/data.en-US';
import { dataZhCN } from '../../../shared/messages/data.zh-CN';
import { inChunks, type AuditNamer } from '../audit/names';

const NAMES = { 'zh-CN': dataZhCN.role, 'en-US': dataEnUS.role } as const;

/** Roles in the audit register: by name; a built-in role not renamed, in the reader's language. */
export const roleAuditNames: AuditNamer = {
  kind: 'role',
  inDetails: true,
  async names(db, ids, language) {
    const rows = await inChunks(ids, (chunk) => db.selectFrom('roles').select(['id', 'code', 'name']).where('id', 'in', chunk).execute());
    return new Map(
      rows.map((r) => {
        const builtIn = DEFAULT_ROLES.find((role) => role.code === r.code && role.name === r.name);
        return [r.id, builtIn ? NAMES[language][builtIn.code as keyof (typeof NAMES)['zh-CN']] ?? r.name : r.name];
      }),
    );
  },
};
