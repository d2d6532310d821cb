import { z } from 'zod';
import { method } from './method';
import { currentUser, empty, givenPassword, password, recoveryCode, session, username } from './schemas';

// Logging in, locking, recovering, changing one's password.
/** Refusals of auth (`details.reason`). */
export const authReasons = z.enum(['accountInactive', 'mustChangePassword', 'recoveryNotAdministrator', 'passwordTooWeak']);
export type AuthReason = z.infer<typeof authReasons>;

const sessionGrant = z.strictObject({ session, user: currentUser });

export const authMethods = {
  'auth.login': method({
    input: z.strictObject({ username, password: givenPassword }),
    output: sessionGrant,
    access: 'public',
    writes: true,
  }),
  'auth.recover': method({
    input: z.strictObject({ recoveryCode, username, newPassword: password }),
    output: sessionGrant,
    access: 'public',
    writes: true,
  }),
  'auth.me': method({ input: empty, output: currentUser }),
  'auth.lock': method({ input: empty, output: z.null(), writes: true }),
  'auth.unlock': method({
    input: z.strictObject({ password: givenPassword }),
    output: currentUser,
    access: 'locked',
    writes: true,
  }),
  'auth.logout': method({ input: empty, output: z.null(), access: 'locked', writes: true }),
  'auth.changePassword': method({
    input: z.strictObject({ currentPassword: givenPassword, newPassword: password }),
    output: z.null(),
    writes: true,
  }),
};
