import { PERMISSIONS, type Permission } from './permissions';

// Separation of duties (SPEC §8, issue 11 item 13): the people who run the archive
// (users and roles) are not the people who read and judge credit. An administrator may not,
// alone, give a role they hold — or themselves, through a role — a permission on customer
// files (customers, documents, credit limits), evaluations, approvals or the audit trail:
// another administrator confirms that change (roles.proposeChange → roles.confirmChange).

/** The domains whose permissions an administrator never grants to themselves alone. */
export const SEPARATED_DOMAINS = ['customers', 'documents', 'creditLimits', 'evaluations', 'approvals', 'audit'] as const;

export const SEPARATED_PERMISSIONS: readonly Permission[] = PERMISSIONS.filter((p) =>
  (SEPARATED_DOMAINS as readonly string[]).includes(p.slice(0, p.indexOf('.'))),
);

export function isSeparated(permission: Permission): boolean {
  return SEPARATED_PERMISSIONS.includes(permission);
}

/** The separated permissions `after` grants that `before` did not, sorted. */
export function separatedGains(before: readonly Permission[], after: readonly Permission[]): Permission[] {
  const had = new Set(before);
  return [...new Set(after)].filter((p) => isSeparated(p) && !had.has(p)).sort();
}

/**
 * Whether one administrator's change of a role needs a second administrator: it gives a role
 * the acting administrator holds a separated permission it did not grant. The permissions
 * it would add, or none.
 */
export function roleChangeNeedsSecond(change: {
  actorHoldsRole: boolean;
  before: readonly Permission[];
  after: readonly Permission[];
}): Permission[] {
  return change.actorHoldsRole ? separatedGains(change.before, change.after) : [];
}

/**
 * Whether a change of a user's roles needs another administrator: the actor changes their own
 * roles so that they gain a separated permission. The permissions gained, or none.
 */
export function ownRolesChangeNeedsSecond(change: {
  self: boolean;
  before: readonly Permission[];
  after: readonly Permission[];
}): Permission[] {
  return change.self ? separatedGains(change.before, change.after) : [];
}
