import { z } from 'zod';
import { method } from './method';
import { empty, id, isoMoment, permission, role, text } from './schemas';

// Roles: the sets of permissions users are given.
/** Refusals of roles (`details.reason`). */
export const rolesReasons = z.enum(['sysadminKeeps', 'secondAdministratorNeeded', 'ownProposal', 'proposalDecided', 'roleChangedSinceProposal']);
export type RolesReason = z.infer<typeof rolesReasons>;

/** A change of a role's permissions waiting for a second administrator (separation of duties). */
export const roleChangeStates = z.enum(['pending', 'confirmed', 'rejected']);
export const roleChange = z.strictObject({
  id,
  roleId: id,
  roleName: z.string(),
  before: z.array(permission),
  after: z.array(permission),
  /** The customer, evaluation, approval or audit permissions the change adds. */
  gains: z.array(permission),
  proposedBy: id,
  proposedByName: z.string(),
  proposedAt: isoMoment,
  state: roleChangeStates,
  decidedBy: id.nullable(),
  decidedByName: z.string().nullable(),
  decidedAt: isoMoment.nullable(),
  /** Why the second administrator refused it. */
  reason: z.string().nullable(),
});
export type RoleChange = z.infer<typeof roleChange>;

export const rolesMethods = {
  'roles.list': method({ input: empty, output: z.array(role), permission: 'users.manage' }),
  'roles.update': method({
    input: z.strictObject({ id, permissions: z.array(permission).max(100) }),
    output: role,
    permission: 'roles.manage',
    writes: true,
  }),
  /** Propose a change for another administrator to confirm (needed when it gives the proposer's own role separated permissions). */
  'roles.proposeChange': method({
    input: z.strictObject({ id, permissions: z.array(permission).max(100) }),
    output: roleChange,
    permission: 'roles.manage',
    writes: true,
  }),
  /** Proposed changes, pending first, then the latest decided. */
  'roles.changes': method({ input: empty, output: z.array(roleChange), permission: 'roles.manage' }),
  'roles.confirmChange': method({
    input: z.strictObject({ id }),
    output: role,
    permission: 'roles.manage',
    writes: true,
  }),
  'roles.rejectChange': method({
    input: z.strictObject({ id, reason: text(200) }),
    output: roleChange,
    permission: 'roles.manage',
    writes: true,
  }),
};
