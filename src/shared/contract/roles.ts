import { z } from 'zod';
import { method } from './method';
import { empty, id, permission, role } from './schemas';

// Roles: the sets of permissions users are given.
/** Refusals of roles (`details.reason`). */
export const rolesReasons = z.enum(['sysadminKeeps']);
export type RolesReason = z.infer<typeof rolesReasons>;

export const rolesMethods = {
  'roles.list': method({ input: empty, output: z.array(role), permission: 'users.manage' }),
  'roles.update': method({
    input: z.strictObject({ id, permissions: z.array(permission).max(100) }),
    output: role,
    permission: 'roles.manage',
    writes: true,
  }),
};
