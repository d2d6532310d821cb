import { DEFAULT_DEPARTMENTS } from '../../../shared/domain/permissions';
import { dataEnUS } from '../../../shared/messages/data.en-US';
import { dataZhCN } from '../../../shared/messages/data.zh-CN';
import { inChunks, type AuditNamer } from '../audit/names';

const NAMES = { 'zh-CN': dataZhCN.department, 'en-US': dataEnUS.department } as const;

/** Departments in the audit register: by name; a built-in department not renamed, in the reader's language. */
export const departmentAuditNames: AuditNamer = {
  kind: 'department',
  inDetails: true,
  async names(db, ids, language) {
    const rows = await inChunks(ids, (chunk) => db.selectFrom('departments').select(['id', 'code', 'name']).where('id', 'in', chunk).execute());
    return new Map(
      rows.map((r) => {
        const builtIn = DEFAULT_DEPARTMENTS.find((department) => department.code === r.code && department.name === r.name);
        return [r.id, builtIn ? NAMES[language][builtIn.code as keyof (typeof NAMES)['zh-CN']] ?? r.name : r.name];
      }),
    );
  },
};
