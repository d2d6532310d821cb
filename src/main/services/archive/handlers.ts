import { randomBytes } from 'node:crypto';
import { ArchiveError } from '../../../shared/contract/errors';
import { DEFAULT_DEPARTMENTS, DEFAULT_ROLES, SYSADMIN_ROLE } from '../../../shared/domain/permissions';
import { isInitialized } from '../../archive/archive';
import { appliedMigrations } from '../../archive/migrate';
import { MIGRATION_NAMES } from '../../archive/migrations';
import { verifyAudit } from '../audit/log';
import type { PartialHandlers } from '../../host/handler';
import { writeSettings } from '../settings/handlers';
import { assertStrongPassword } from '../auth/password';
import { currentUserOf, findUserByName } from '../users/queries';

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** 160 random bits as 32 Crockford base32 characters, shown in groups of four. */
export function newRecoveryCode(): string {
  const bytes = randomBytes(20);
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += CROCKFORD[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return out.match(/.{4}/g)!.join('-');
}

export const archiveHandlers: PartialHandlers = {
  'archive.status': {
    withoutArchive: async ({ host }) => ({ initialized: isInitialized(host.dir), dir: host.dir }),
  },

  'archive.check': {
    async run({ host, audit }) {
      const sqlite = host.archive()!.sqlite;
      const applied = appliedMigrations(sqlite);
      const schemaOk = applied.length === MIGRATION_NAMES.length && applied.every((n, i) => n === MIGRATION_NAMES[i]);
      const problems = (sqlite.pragma('integrity_check') as { integrity_check: string }[])
        .map((r) => r.integrity_check)
        .filter((line) => line !== 'ok');
      const fk = sqlite.pragma('foreign_key_check') as unknown[];
      if (fk.length > 0) problems.push(`${fk.length} foreign key violation(s)`);
      const chain = verifyAudit(host.archive()!);
      const result = {
        schema: { ok: schemaOk, applied, expected: MIGRATION_NAMES },
        integrity: { ok: problems.length === 0, problems: problems.slice(0, 20) },
        audit: chain,
      };
      audit.details = { schema: schemaOk, integrity: problems.length === 0, audit: chain.ok, firstBad: chain.firstBad, head: chain.head };
      return result;
    },
  },

  'archive.setup': {
    async prepare({ input, host, now }) {
      // The names the wizard counts as guessable too (SetupWizard's PasswordStrength).
      assertStrongPassword(input.admin.password, [input.admin.username, input.admin.displayName, input.companyName], ['admin', 'password']);
      const at = now.toISOString();
      const adminId = host.ids.next();
      const recoveryCode = newRecoveryCode();
      await host.createArchive({
        admin: { userId: adminId, username: input.admin.username, password: input.admin.password },
        recoveryCode,
        async seed(db, archiveId) {
          await db.transaction().execute(async (trx) => {
            await trx.insertInto('meta').values([
              { key: 'archive_id', value: archiveId },
              { key: 'created_at', value: at },
            ]).execute();
            await writeSettings(trx, { companyName: input.companyName, idleLockMinutes: 15 });
            const departmentIds = new Map<string, string>();
            for (const d of DEFAULT_DEPARTMENTS) {
              const id = host.ids.next();
              departmentIds.set(d.code, id);
              await trx
                .insertInto('departments')
                .values({ id, code: d.code, name: d.name, kind: d.kind, contract_prefix: d.contractPrefix, created_at: at })
                .execute();
            }
            let sysadminRoleId = '';
            for (const r of DEFAULT_ROLES) {
              const id = host.ids.next();
              if (r.code === SYSADMIN_ROLE) sysadminRoleId = id;
              await trx.insertInto('roles').values({ id, code: r.code, name: r.name, builtin: 1, created_at: at }).execute();
              for (const permission of r.permissions) {
                await trx.insertInto('role_permissions').values({ role_id: id, permission }).execute();
              }
            }
            await trx.insertInto('users').values({
              id: adminId,
              username: input.admin.username,
              display_name: input.admin.displayName,
              department_id: departmentIds.get('management')!,
              active: 1,
              must_change_password: 0,
              created_at: at,
              updated_at: at,
            }).execute();
            await trx.insertInto('user_roles').values({ user_id: adminId, role_id: sysadminRoleId }).execute();
          });
        },
      });
      return recoveryCode;
    },
    async run({ input, db, host, afterCommit, audit, prepared }) {
      const admin = await findUserByName(db, input.admin.username);
      if (!admin) throw new ArchiveError('INTERNAL', 'setup did not create the administrator');
      const user = await currentUserOf(db, admin.id);
      audit.actor = { userId: admin.id, username: admin.username };
      audit.target = `user:${admin.id}`;
      const session = host.newSessionToken();
      afterCommit(() => host.openSession(session, admin.id, admin.username));
      return { recoveryCode: prepared as string, session, user };
    },
  },

  'archive.chooseFolder': {
    async run({ input, host, audit }) {
      audit.details = { from: host.archive()!.dir, to: input.dir };
      return null;
    },
  },
};
