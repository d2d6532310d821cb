import { z } from 'zod';
import { method } from './method';
import { displayName, empty, id, password, user, username } from './schemas';

// User accounts.
/** Refusals of users (`details.reason`). */
export const usersReasons = z.enum(['usernameTaken', 'self', 'alreadyInactive', 'lastAdministrator', 'ownSeparatedGrant']);
export type UsersReason = z.infer<typeof usersReasons>;

const roleIds = z.array(id).min(1).max(20);

export const usersMethods = {
  'users.list': method({ input: empty, output: z.array(user), permission: 'users.manage' }),
  'users.create': method({
    input: z.strictObject({ username, displayName, departmentId: id, roleIds, password }),
    output: user,
    permission: 'users.manage',
    writes: true,
  }),
  'users.update': method({
    input: z.strictObject({ id, displayName, departmentId: id, roleIds }),
    output: user,
    permission: 'users.manage',
    writes: true,
  }),
  'users.resetPassword': method({
    input: z.strictObject({ id, newPassword: password }),
    output: user,
    permission: 'users.manage',
    writes: true,
  }),
  'users.deactivate': method({
    input: z.strictObject({ id, rotateKey: z.boolean().default(true) }), // rotating is the default
    output: user,
    permission: 'users.manage',
    writes: true,
  }),
};
