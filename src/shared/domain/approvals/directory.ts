// Resolving who may take a step, and whether a condition on the form holds, from the
// directory and the form the caller passes in. Pure: the same inputs give the same people
// in the same order (the directory's order of users).

import type { Assignee, Delegation, Directory, DirectoryUser, FormFacts, SkipReason, StepCondition, StepDefinition, UserId, Day } from './types';

/** 公司领导: the role that the `leadership` assignee stands for. */
export const LEADERSHIP_ROLE = 'leadership';

export function findUser(directory: Directory, userId: UserId): DirectoryUser | undefined {
  return directory.users.find((u) => u.id === userId);
}

function authorDepartment(directory: Directory, authorId: UserId) {
  const author = findUser(directory, authorId);
  return author?.departmentId == null ? undefined : directory.departments.find((d) => d.id === author.departmentId);
}

function matches(assignee: Assignee, user: DirectoryUser, directory: Directory, authorId: UserId): boolean {
  switch (assignee.kind) {
    case 'role':
      if (!user.roles.includes(assignee.role)) return false;
      if (!assignee.sameDepartmentAsAuthor) return true;
      return user.departmentId != null && user.departmentId === findUser(directory, authorId)?.departmentId;
    case 'user':
      return user.id === assignee.userId;
    case 'authorDepartmentHead':
      return authorDepartment(directory, authorId)?.headUserId === user.id;
    case 'departmentHead':
      return directory.departments.some((d) => d.code === assignee.departmentCode && d.headUserId === user.id);
    case 'leadership':
      return user.roles.includes(LEADERSHIP_ROLE);
  }
}

/**
 * The active users any of `assignees` names, each once, in directory order. Exclusions
 * (the author, people who filled another distinct-person step) are the caller's.
 */
export function resolveAssignees(assignees: readonly Assignee[], directory: Directory, authorId: UserId): UserId[] {
  return directory.users.filter((u) => u.active && assignees.some((a) => matches(a, u, directory, authorId))).map((u) => u.id);
}

/** The active administrators, in the directory's order of administrators. */
export function activeAdministrators(directory: Directory): UserId[] {
  return [...new Set(directory.administrators)].filter((id) => findUser(directory, id)?.active === true);
}

function actualFor(condition: StepCondition, form: FormFacts, directory: Directory, authorId: UserId): number | string | null {
  switch (condition.kind) {
    case 'amountAbove':
      return form.amountFen ?? null;
    case 'gradeIn':
      return form.grade ?? null;
    case 'confidentialityIn':
      return form.confidentiality ?? null;
    case 'authorDepartmentKindIn':
      return authorDepartment(directory, authorId)?.kind ?? null;
    case 'authorDepartmentIn':
      return authorDepartment(directory, authorId)?.code ?? null;
  }
}

function holds(condition: StepCondition, actual: number | string | null): boolean {
  // A fact the form does not carry never removes an approval.
  if (actual === null) return true;
  switch (condition.kind) {
    case 'amountAbove':
      return typeof actual === 'number' && actual > condition.fen;
    case 'gradeIn':
      return condition.grades.includes(String(actual));
    case 'confidentialityIn':
      return (condition.levels as readonly string[]).includes(String(actual));
    case 'authorDepartmentKindIn':
      return (condition.kinds as readonly string[]).includes(String(actual));
    case 'authorDepartmentIn':
      return condition.departmentCodes.includes(String(actual));
  }
}

/** The first condition of the step that does not hold, with what the form had; null: the step applies. */
export function skipReasonFor(step: StepDefinition, form: FormFacts, directory: Directory, authorId: UserId): SkipReason | null {
  for (const condition of step.when ?? []) {
    const actual = actualFor(condition, form, directory, authorId);
    if (!holds(condition, actual)) return { condition, actual };
  }
  return null;
}

/** How a delegation from `principalId` to `actorId` stands on `today`. */
export function delegationStanding(
  delegations: readonly Delegation[],
  principalId: UserId,
  actorId: UserId,
  today: Day,
): { standing: 'covers'; delegation: Delegation } | { standing: 'outsideDates'; delegation: Delegation } | { standing: 'none' } {
  const between = delegations.filter((d) => d.fromUserId === principalId && d.toUserId === actorId);
  const covering = between.find((d) => d.fromDay <= today && today <= d.toDay);
  if (covering) return { standing: 'covers', delegation: covering };
  const first = between[0];
  return first ? { standing: 'outsideDates', delegation: first } : { standing: 'none' };
}
