import { ArchiveError } from '../../../shared/contract/errors';
import type { HostServices, PartialHandlers } from '../../host/handler';
import { currentUserOf, findUserByName } from '../users/queries';
import { finalizeDue } from '../evaluations/handlers';
import { assertStrongPassword } from './password';
import { warningsDaily } from '../warnings/evaluate';

const RECOVERY_THROTTLE_KEY = '\u0000recovery';

/** Open (or check against) the archive with a password; count the failure if it is wrong. */
async function checkedUnlock(
  host: HostServices,
  kind: 'user' | 'recovery',
  name: string,
  secret: string,
): Promise<void> {
  const throttleKey = kind === 'user' ? name : RECOVERY_THROTTLE_KEY;
  host.loginThrottle.check(throttleKey);
  try {
    await host.unlockArchive(kind, name, secret);
  } catch (e) {
    if (e instanceof ArchiveError && (e.code === 'WRONG_PASSWORD' || e.code === 'WRONG_RECOVERY_CODE')) {
      host.loginThrottle.failed(throttleKey);
    }
    throw e;
  }
  host.loginThrottle.succeeded(throttleKey);
}

export const authHandlers: PartialHandlers = {
  'auth.login': {
    prepare: ({ input, host }) => checkedUnlock(host, 'user', input.username, input.password),
    async run({ input, db, host, audit, afterCommit, now }) {
      const found = await findUserByName(db, input.username);
      // The password opened the key slot this name finds: the session is that slot's owner's,
      // never another user's whom the database's (ASCII-only) case folding matches instead.
      if (!found || found.id !== host.slots.ownerOf(input.username)) {
        throw new ArchiveError('WRONG_PASSWORD', 'wrong user name or password');
      }
      if (!found.active) throw new ArchiveError('FORBIDDEN', 'this account has been deactivated', { reason: 'accountInactive' });
      audit.actor = { userId: found.id, username: found.username };
      // The first use of the day: publications over without objection become final (信用评审).
      await finalizeDue(db, now, host.ids);
      // … and the warning rules run over every customer, so that the passing days count (风险预警).
      const warnings = await warningsDaily(db, now, host.ids);
      if (warnings) audit.details = { ...audit.details, warnings: { raised: warnings.raised, reopened: warnings.reopened, cleared: warnings.cleared } };
      const session = host.newSessionToken();
      afterCommit(() => host.openSession(session, found.id, found.username));
      return { session, user: await currentUserOf(db, found.id) };
    },
  },

  'auth.recover': {
    prepare: ({ input, host }) => checkedUnlock(host, 'recovery', '', input.recoveryCode),
    async run({ input, db, host, audit, afterCommit, beforeCommit, now }) {
      const found = await findUserByName(db, input.username);
      if (!found) throw new ArchiveError('NOT_FOUND', 'no such user', { field: 'username' });
      const current = await currentUserOf(db, found.id);
      // As the recovery screen scores it: it knows the user name only.
      assertStrongPassword(input.newPassword, [found.username], ['newPassword']);
      const roles = await db
        .selectFrom('user_roles')
        .innerJoin('role_permissions', 'role_permissions.role_id', 'user_roles.role_id')
        .select('role_permissions.permission')
        .where('user_roles.user_id', '=', found.id)
        .where('role_permissions.permission', '=', 'users.manage')
        .executeTakeFirst();
      if (!roles) {
        throw new ArchiveError('FORBIDDEN', 'the recovery code restores an administrator only', {
          reason: 'recoveryNotAdministrator',
          field: 'username',
        });
      }
      await db
        .updateTable('users')
        .set({ active: 1, must_change_password: 0, updated_at: now.toISOString() })
        .where('id', '=', found.id)
        .execute();
      audit.actor = { userId: found.id, username: found.username };
      audit.target = `user:${found.id}`;
      audit.details = { reactivated: !found.active };
      const archive = host.archive()!;
      beforeCommit(() => host.slots.setUserPassword(archive, found.id, found.username, input.newPassword));
      const session = host.newSessionToken();
      afterCommit(() => {
        host.endSessionsOf(found.id);
        host.openSession(session, found.id, found.username);
      });
      return { session, user: { ...current, mustChangePassword: false } };
    },
  },

  'auth.me': {
    run: ({ db, actor }) => currentUserOf(db, actor!.userId),
  },

  'auth.lock': {
    async run({ host, session, afterCommit }) {
      afterCommit(() => host.lockSession(session!));
      return null;
    },
  },

  'auth.unlock': {
    async prepare({ input, host, session }) {
      const record = host.session(session!)!;
      await checkedUnlock(host, 'user', record.username, input.password);
    },
    async run({ db, actor, host, session, afterCommit }) {
      afterCommit(() => host.unlockSession(session!));
      return currentUserOf(db, actor!.userId);
    },
  },

  'auth.logout': {
    async run({ host, session, afterCommit }) {
      afterCommit(() => host.endSession(session!));
      return null;
    },
  },

  'auth.changePassword': {
    async run({ input, db, actor, host, now, beforeCommit }) {
      const archive = host.archive()!;
      // The current password asked again is a password try like a login: throttled with the
      // user's logins, so a session left open does not let anyone guess at leisure.
      host.loginThrottle.check(actor!.username);
      if (!host.slots.verifyPassword(archive, actor!.username, input.currentPassword)) {
        host.loginThrottle.failed(actor!.username);
        throw new ArchiveError('WRONG_PASSWORD', 'the current password is wrong', { field: 'currentPassword' });
      }
      host.loginThrottle.succeeded(actor!.username);
      if (input.currentPassword === input.newPassword) {
        throw new ArchiveError('VALIDATION', 'the new password must differ from the current one', [
          { path: ['newPassword'], code: 'same_as_current', message: 'same as current password' },
        ]);
      }
      const me = await currentUserOf(db, actor!.userId);
      assertStrongPassword(input.newPassword, [me.username, me.displayName], ['newPassword']);
      await db
        .updateTable('users')
        .set({ must_change_password: 0, updated_at: now.toISOString() })
        .where('id', '=', actor!.userId)
        .execute();
      // Last step before commit: if the slot cannot be written, nothing changes.
      beforeCommit(() => host.slots.setUserPassword(archive, actor!.userId, actor!.username, input.newPassword));
      return null;
    },
  },
};
