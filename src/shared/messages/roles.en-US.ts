import type { RolesReason } from '../contract/roles';
import type { ActionOf } from './types';

// The texts of the roles domain's codes in English (the same keys as roles.zh-CN.ts, by type).
export const rolesEnUS = {
  reasons: {
    sysadminKeeps: 'The system administrator role always keeps user management and role management, so that the archive stays manageable.',
  } satisfies Record<RolesReason, string>,
  actions: {
    'roles.list': 'Role list viewed',
    'roles.update': 'Role permissions changed',
  } satisfies Record<ActionOf<'roles'>, string>,
};
