import type { UsersReason } from '../contract/users';
import type { ActionOf } from './types';

// The texts of the users domain's codes in English (the same keys as users.zh-CN.ts, by type).
export const usersEnUS = {
  reasons: {
    usernameTaken: 'This user name is already taken; please choose another.',
    self: 'You cannot deactivate your own account.',
    alreadyInactive: 'This user is already deactivated.',
    lastAdministrator: 'At least one active user must keep the right to manage users; this change would leave the archive unmanaged and was not saved.',
    ownSeparatedGrant: 'This would give you yourself customer, evaluation, approval or audit permissions: another administrator must change your roles.',
  } satisfies Record<UsersReason, string>,
  actions: {
    'users.list': 'User list viewed',
    'users.create': 'User created',
    'users.update': 'User edited',
    'users.resetPassword': 'Password reset',
    'users.deactivate': 'User deactivated',
  } satisfies Record<ActionOf<'users'>, string>,
};
