import { archiveReasons } from './archive';
import { authReasons } from './auth';
import { calendarReasons } from './calendar';
import { approvalsReasons } from './approvals';
import { creditLimitRefusal } from './creditLimits';
import { customersReasons } from './customers';
import { documentsReasons } from './documents';
import { dunningReasons } from './dunning';
import { evaluationsReasons } from './evaluations';
import { checkoutsReasons } from './checkouts';
import { jobsReasons } from './jobs';
import { recordsReasons } from './records';
import { rolesReasons } from './roles';
import { usersReasons } from './users';
import { warningsReasons } from './warnings';

/**
 * Every refusal reason (`details.reason`) the host can give, by the domain that defines
 * it. A reason is a name of its own across domains: the messages tables of the domains
 * are merged with mergeDomains, which refuses a name defined twice.
 */
export const REFUSAL_REASONS = {
  archive: archiveReasons.options,
  auth: authReasons.options,
  users: usersReasons.options,
  roles: rolesReasons.options,
  customers: customersReasons.options,
  records: recordsReasons.options,
  documents: documentsReasons.options,
  jobs: jobsReasons.options,
  calendar: calendarReasons.options,
  approvals: approvalsReasons.options,
  creditLimits: creditLimitRefusal.options,
  evaluations: evaluationsReasons.options,
  checkouts: checkoutsReasons.options,
  warnings: warningsReasons.options,
  dunning: dunningReasons.options,
} as const;

export type RefusalReason = (typeof REFUSAL_REASONS)[keyof typeof REFUSAL_REASONS][number];

const ALL: readonly string[] = Object.values(REFUSAL_REASONS).flat();

export function isRefusalReason(value: unknown): value is RefusalReason {
  return typeof value === 'string' && ALL.includes(value);
}
