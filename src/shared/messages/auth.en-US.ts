import type { AuthReason } from '../contract/auth';
import type { ActionOf } from './types';

// The texts of the auth domain's codes in English (the same keys as auth.zh-CN.ts, by type).
export const authEnUS = {
  reasons: {
    accountInactive: 'This account has been deactivated; please contact your administrator.',
    mustChangePassword: 'Please first replace the password your administrator set for you.',
    recoveryNotAdministrator: 'The recovery code restores a system administrator only; this user is not one.',
    passwordTooWeak: 'This password is too easy to guess; choose a stronger one (a longer phrase, no names, user names or repeated characters).',
  } satisfies Record<AuthReason, string>,
  actions: {
    'auth.login': 'Sign in',
    'auth.recover': 'Recovery-code unlock',
    'auth.me': 'Current user',
    'auth.lock': 'Session locked',
    'auth.unlock': 'Session unlocked',
    'auth.logout': 'Sign out',
    'auth.changePassword': 'Password changed',
    'auth.failures_not_itemised': 'Sign-in failures not itemised',
    'auth.failures_unreadable': 'Pending password failures that could not be read',
  } satisfies Record<ActionOf<'auth'>, string>,
};
