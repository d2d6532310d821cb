import type { HostMethodName } from '../../shared/contract';
import { contract } from '../../shared/contract';
import type { HandlerMap, PartialHandlers } from '../host/handler';
import { approvalsHandlers } from './approvals/handlers';
import { registerApprovalForm } from './approvals/forms';
import { archiveHandlers } from './archive/handlers';
import { auditHandlers } from './audit/handlers';
import { authHandlers } from './auth/handlers';
import { calendarHandlers } from './calendar/handlers';
import { creditLimitForm, creditLimitHandlers } from './creditLimits/handlers';
import { customerHandlers } from './customers/handlers';
import { recordHandlers } from './records/handlers';
import { departmentsHandlers } from './departments/handlers';
import { documentHandlers } from './documents/handlers';
import { dunningHandlers, dunningSuspensionForm } from './dunning/handlers';
import { evaluationForms, evaluationHandlers } from './evaluations/handlers';
import { importHandlers } from './imports/handlers';
import { jobsHandlers } from './jobs/handlers';
import { roleHandlers } from './roles/handlers';
import { settingsHandlers } from './settings/handlers';
import { userHandlers } from './users/handlers';
import { registerAuditNamer } from './audit/names';
import { customerAuditNames } from './customers/auditNames';
import { departmentAuditNames } from './departments/auditNames';
import { documentAuditNames } from './documents/auditNames';
import { evaluationAuditNames } from './evaluations/auditNames';
import { importAuditNames } from './imports/auditNames';
import { roleAuditNames } from './roles/auditNames';
import { userAuditNames } from './users/auditNames';
import { checkoutForm, checkoutHandlers } from './checkouts/handlers';
import { warningsHandlers } from './warnings/handlers';

/**
 * Handlers are registered per domain and merged into one map. A name registered twice,
 * or a host method of the contract without a handler, fails at start.
 */
function mergeHandlers(...groups: PartialHandlers[]): HandlerMap {
  const merged: PartialHandlers = {};
  for (const group of groups) {
    for (const name of Object.keys(group) as HostMethodName[]) {
      if (merged[name]) throw new Error(`handler registered twice: ${name}`);
      (merged as Record<string, unknown>)[name] = group[name];
    }
  }
  const missing = (Object.keys(contract) as (keyof typeof contract)[]).filter(
    (name) => contract[name].handledBy === 'host' && !merged[name as HostMethodName],
  );
  if (missing.length > 0) throw new Error(`no handler for: ${missing.join(', ')}`);
  return merged as HandlerMap;
}

export const handlers: HandlerMap = mergeHandlers(
  archiveHandlers,
  authHandlers,
  userHandlers,
  roleHandlers,
  departmentsHandlers,
  settingsHandlers,
  auditHandlers,
  customerHandlers,
  recordHandlers,
  documentHandlers,
  importHandlers,
  jobsHandlers,
  calendarHandlers,
  approvalsHandlers,
  creditLimitHandlers,
  evaluationHandlers,
  checkoutHandlers,
  warningsHandlers,
  dunningHandlers,
);

// The forms that go through approval chains tell the approvals service what to do on final approval.
registerApprovalForm(creditLimitForm);
for (const form of evaluationForms) registerApprovalForm(form);

// What the audit register calls the objects of its entries: each domain names its own.
registerAuditNamer(userAuditNames);
registerAuditNamer(roleAuditNames);
registerAuditNamer(departmentAuditNames);
registerAuditNamer(customerAuditNames);
registerAuditNamer(documentAuditNames);
registerAuditNamer(importAuditNames);
registerAuditNamer(evaluationAuditNames);
registerApprovalForm(checkoutForm);
registerApprovalForm(dunningSuspensionForm);
