import { describe, expect, it } from 'vitest';
import { contract } from '../../src/shared/contract';
import { approvalsMethods } from '../../src/shared/contract/approvals';
import { archiveMethods } from '../../src/shared/contract/archive';
import { auditMethods } from '../../src/shared/contract/audit';
import { authMethods } from '../../src/shared/contract/auth';
import { calendarMethods } from '../../src/shared/contract/calendar';
import { creditLimitsMethods } from '../../src/shared/contract/creditLimits';
import { customersMethods } from '../../src/shared/contract/customers';
import { departmentsMethods } from '../../src/shared/contract/departments';
import { evaluationsMethods } from '../../src/shared/contract/evaluations';
import { warningsMethods } from '../../src/shared/contract/warnings';
import { dunningMethods } from '../../src/shared/contract/dunning';
import { checkoutsMethods } from '../../src/shared/contract/checkouts';
import { documentsMethods } from '../../src/shared/contract/documents';
import { importsMethods } from '../../src/shared/contract/imports';
import { jobsMethods } from '../../src/shared/contract/jobs';
import { mergeDomains } from '../../src/shared/contract/method';
import { recordsMethods } from '../../src/shared/contract/records';
import { rolesMethods } from '../../src/shared/contract/roles';
import { settingsMethods } from '../../src/shared/contract/settings';
import { shellMethods } from '../../src/shared/contract/shell';
import { usersMethods } from '../../src/shared/contract/users';

const DOMAINS = {
  shell: shellMethods,
  archive: archiveMethods,
  auth: authMethods,
  users: usersMethods,
  roles: rolesMethods,
  departments: departmentsMethods,
  settings: settingsMethods,
  audit: auditMethods,
  customers: customersMethods,
  records: recordsMethods,
  documents: documentsMethods,
  imports: importsMethods,
  jobs: jobsMethods,
  approvals: approvalsMethods,
  creditLimits: creditLimitsMethods,
  calendar: calendarMethods,
  evaluations: evaluationsMethods,
  warnings: warningsMethods,
  dunning: dunningMethods,
  checkouts: checkoutsMethods,
};

describe('the contract', () => {
  it('is the union of the domain files, and each method is named after the domain that defines it', () => {
    const names = Object.entries(DOMAINS).flatMap(([domain, methods]) =>
      Object.keys(methods).map((name) => {
        expect(name.split('.')[0], name).toBe(domain);
        return name;
      }),
    );
    expect(Object.keys(contract).sort()).toEqual(names.sort());
  });

  it('refuses a method name that two domains define, in the type check and at start', () => {
    const again = { 'users.list': usersMethods['users.list'] };
    // @ts-expect-error — 'users.list' is defined by both groups
    expect(() => mergeDomains(usersMethods, again)).toThrow('defined twice: users.list');
    // Distinct names merge, and keep their types.
    const merged = mergeDomains(rolesMethods, settingsMethods);
    expect(Object.keys(merged)).toEqual([...Object.keys(rolesMethods), ...Object.keys(settingsMethods)]);
    expect(merged['settings.update'].permission).toBe('settings.manage');
  });
});
