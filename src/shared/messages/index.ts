import type { AuditAction, AuditTargetKind, ChainBreak, ErrorBody, ErrorCode, ImportProblemCode, JobPhase, RefusalReason } from '../contract';
import { isRefusalReason } from '../contract/reasons';
import { mergeDomains } from '../contract/method';
import type { ValidityState } from '../contract/records';
import { archiveEnUS } from './archive.en-US';
import { archiveZhCN } from './archive.zh-CN';
import { auditEnUS } from './audit.en-US';
import { auditZhCN } from './audit.zh-CN';
import { authEnUS } from './auth.en-US';
import { authZhCN } from './auth.zh-CN';
import { approvalsActionsEnUS, approvalsEnUS } from './approvals.en-US';
import { approvalsActionsZhCN, approvalsZhCN } from './approvals.zh-CN';
import { calendarEnUS } from './calendar.en-US';
import { checkoutsActionsEnUS, checkoutsEnUS } from './checkouts.en-US';
import { checkoutsActionsZhCN, checkoutsZhCN } from './checkouts.zh-CN';
import { creditLimitsActionsEnUS, creditLimitsEnUS } from './creditLimits.en-US';
import { creditLimitsActionsZhCN, creditLimitsZhCN } from './creditLimits.zh-CN';
import { calendarZhCN } from './calendar.zh-CN';
import { customersEnUS } from './customers.en-US';
import { customersZhCN } from './customers.zh-CN';
import { departmentsEnUS } from './departments.en-US';
import { departmentsZhCN } from './departments.zh-CN';
import { documentsEnUS } from './documents.en-US';
import { documentsZhCN } from './documents.zh-CN';
import { dunningActionsEnUS, dunningEnUS } from './dunning.en-US';
import { dunningActionsZhCN, dunningZhCN } from './dunning.zh-CN';
import { evaluationsActionsEnUS, evaluationsEnUS } from './evaluations.en-US';
import { evaluationsActionsZhCN, evaluationsZhCN } from './evaluations.zh-CN';
import { errorsEnUS } from './errors.en-US';
import { errorsZhCN } from './errors.zh-CN';
import { importsEnUS } from './imports.en-US';
import { importsZhCN } from './imports.zh-CN';
import { jobsEnUS } from './jobs.en-US';
import { jobsZhCN } from './jobs.zh-CN';
import { recordsEnUS } from './records.en-US';
import { recordsZhCN } from './records.zh-CN';
import { rolesEnUS } from './roles.en-US';
import { rolesZhCN } from './roles.zh-CN';
import { settingsEnUS } from './settings.en-US';
import { settingsZhCN } from './settings.zh-CN';
import { usersEnUS } from './users.en-US';
import { usersZhCN } from './users.zh-CN';
import { warningsActionsEnUS, warningsEnUS } from './warnings.en-US';
import { warningsActionsZhCN, warningsZhCN } from './warnings.zh-CN';

// The texts of every code that crosses the seam, in both languages: one table, merged
// from the domains' files (`<domain>.<language>.ts`). The renderer puts them into its
// translations; the command line reads them directly.

export const LANGUAGES = ['zh-CN', 'en-US'] as const;
export type Language = (typeof LANGUAGES)[number];

export interface SeamMessages {
  errors: Record<ErrorCode, string>;
  reasons: Record<RefusalReason, string>;
  actions: Record<AuditAction, string>;
  auditTargets: Record<AuditTargetKind, string>;
  chainBreaks: Record<ChainBreak, string>;
  importProblems: Record<ImportProblemCode, string>;
  jobPhases: Record<JobPhase, string>;
  validity: Record<ValidityState, string>;
}

const zhCN = {
  errors: errorsZhCN,
  reasons: mergeDomains(
    archiveZhCN.reasons,
    authZhCN.reasons,
    usersZhCN.reasons,
    rolesZhCN.reasons,
    customersZhCN.reasons,
    recordsZhCN.reasons,
    documentsZhCN.reasons,
    jobsZhCN.reasons,
    calendarZhCN.reasons,
    approvalsZhCN.refusal,
    { delegationOverlaps: '已有一项委托给这位同事的审批委托覆盖了其中部分日期', delegationOver: '该委托已经结束' },
    creditLimitsZhCN.refusal,
    evaluationsZhCN.refusal,
    checkoutsZhCN.refusal,
    warningsZhCN.refusal,
    dunningZhCN.refusal,
  ),
  actions: mergeDomains(
    archiveZhCN.actions,
    authZhCN.actions,
    usersZhCN.actions,
    rolesZhCN.actions,
    departmentsZhCN.actions,
    settingsZhCN.actions,
    auditZhCN.actions,
    customersZhCN.actions,
    recordsZhCN.actions,
    documentsZhCN.actions,
    importsZhCN.actions,
    jobsZhCN.actions,
    calendarZhCN.actions,
    approvalsActionsZhCN,
    creditLimitsActionsZhCN,
    evaluationsActionsZhCN,
    checkoutsActionsZhCN,
    warningsActionsZhCN,
    dunningActionsZhCN,
  ),
  auditTargets: auditZhCN.targets,
  chainBreaks: auditZhCN.chainBreaks,
  importProblems: importsZhCN.problems,
  jobPhases: jobsZhCN.phases,
  validity: recordsZhCN.validity,
} satisfies SeamMessages;

const enUS = {
  errors: errorsEnUS,
  reasons: mergeDomains(
    archiveEnUS.reasons,
    authEnUS.reasons,
    usersEnUS.reasons,
    rolesEnUS.reasons,
    customersEnUS.reasons,
    recordsEnUS.reasons,
    documentsEnUS.reasons,
    jobsEnUS.reasons,
    calendarEnUS.reasons,
    approvalsEnUS.refusal,
    { delegationOverlaps: 'A delegation to this colleague already covers some of these days', delegationOver: 'This delegation is over already' },
    creditLimitsEnUS.refusal,
    evaluationsEnUS.refusal,
    checkoutsEnUS.refusal,
    warningsEnUS.refusal,
    dunningEnUS.refusal,
  ),
  actions: mergeDomains(
    archiveEnUS.actions,
    authEnUS.actions,
    usersEnUS.actions,
    rolesEnUS.actions,
    departmentsEnUS.actions,
    settingsEnUS.actions,
    auditEnUS.actions,
    customersEnUS.actions,
    recordsEnUS.actions,
    documentsEnUS.actions,
    importsEnUS.actions,
    jobsEnUS.actions,
    calendarEnUS.actions,
    approvalsActionsEnUS,
    creditLimitsActionsEnUS,
    evaluationsActionsEnUS,
    checkoutsActionsEnUS,
    warningsActionsEnUS,
    dunningActionsEnUS,
  ),
  auditTargets: auditEnUS.targets,
  chainBreaks: auditEnUS.chainBreaks,
  importProblems: importsEnUS.problems,
  jobPhases: jobsEnUS.phases,
  validity: recordsEnUS.validity,
} satisfies SeamMessages;

export const SEAM_MESSAGES: Record<Language, SeamMessages> = { 'zh-CN': zhCN, 'en-US': enUS };

/** The reason a refusal gives, if it is one of the contract's. */
export function reasonOf(details: unknown): RefusalReason | null {
  if (!details || typeof details !== 'object' || Array.isArray(details)) return null;
  const reason = (details as { reason?: unknown }).reason;
  return isRefusalReason(reason) ? reason : null;
}

/** A refusal as one sentence: its reason's text where it gives one, else its code's. */
export function refusalText(language: Language, error: Pick<ErrorBody, 'code' | 'details'>): string {
  const messages = SEAM_MESSAGES[language];
  const reason = reasonOf(error.details);
  return reason ? messages.reasons[reason] : messages.errors[error.code];
}
