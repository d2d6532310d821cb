import type { RolesReason } from '../contract/roles';
import type { ActionOf } from './types';

// The texts of the roles domain's codes in English (the same keys as roles.zh-CN.ts, by type).
export const rolesEnUS = {
  reasons: {
    sysadminKeeps: 'The system administrator role always keeps user management and role management, so that the archive stays manageable.',
    secondAdministratorNeeded: 'This change gives a role you hold customer, evaluation, approval or audit permissions: a second administrator must confirm it. Propose the change; it takes effect once another administrator confirms.',
    ownProposal: 'You cannot confirm a change you proposed; another administrator must confirm it.',
    proposalDecided: 'This proposed change has already been decided by an administrator (confirmed or refused).',
    roleChangedSinceProposal: 'The role’s permissions changed after this was proposed, so it no longer applies. Propose it again from the current permissions.',
  } satisfies Record<RolesReason, string>,
  actions: {
    'roles.list': 'Role list viewed',
    'roles.update': 'Role permissions changed',
    'roles.proposeChange': 'Role change proposed',
    'roles.changes': 'Proposed role changes viewed',
    'roles.confirmChange': 'Role change confirmed',
    'roles.rejectChange': 'Role change refused',
  } satisfies Record<ActionOf<'roles'>, string>,
};
