// The default approval chains (seed 003 appendices 1 and 2, SPEC §3, §4, §6) and the role
// codes they name. Roles are referenced by stable code; `APPROVAL_ROLES` lists every role
// a default chain needs with its Chinese name, so a migration can create the ones an
// archive does not have yet (today: co_department and leadership).

import { LEADERSHIP_ROLE } from './directory';
import type { ApprovalDefinition, Assignee, LocalizedText, StepDefinition } from './types';

export interface ApprovalRole {
  code: string;
  name: string; // zh-CN, stored as data like DEFAULT_ROLES
}

export const APPROVAL_ROLES: readonly ApprovalRole[] = [
  { code: 'dept_manager', name: '部门经理' },
  { code: 'co_department', name: '协办部门' },
  { code: 'legal', name: '法务专员' },
  { code: 'general_affairs_manager', name: '综合部经理' },
  { code: 'finance_manager', name: '计划财务部经理' },
  { code: 'marketing_vp', name: '营销中心副总' },
  { code: 'general_manager', name: '总经理' },
  { code: 'credit_manager', name: '信用经理' },
  { code: LEADERSHIP_ROLE, name: '公司领导' },
];

/** The department whose head approves checkouts and destruction, and where checkouts are filed (备案). */
export const CREDIT_DEPARTMENT_CODE = 'credit';

/** Above this requested limit (fen) a credit-limit change also needs the general manager: ¥1,000,000.00. */
export const CREDIT_LIMIT_GM_THRESHOLD_FEN = 1_000_000_00;

const DEFAULT_DEADLINE_WORKING_DAYS = 3;

const role = (code: string, sameDepartmentAsAuthor = false): Assignee => (sameDepartmentAsAuthor ? { kind: 'role', role: code, sameDepartmentAsAuthor } : { kind: 'role', role: code });

function step(id: string, name: LocalizedText, who: Assignee[], extra: Partial<StepDefinition> = {}): StepDefinition {
  return { id, name, who, how: { mode: 'any' }, deadlineWorkingDays: DEFAULT_DEADLINE_WORKING_DAYS, opinionRequired: true, distinctPerson: true, ...extra };
}

const deptManager = step('dept_manager', { 'zh-CN': '部门经理', 'en-US': 'Department manager' }, [role('dept_manager', true)]);
const legal = step('legal', { 'zh-CN': '法律事务', 'en-US': 'Legal affairs' }, [role('legal')]);
const generalAffairs = step('general_affairs_manager', { 'zh-CN': '综合部经理', 'en-US': 'General affairs manager' }, [role('general_affairs_manager')]);
const finance = step('finance_manager', { 'zh-CN': '计划财务部经理', 'en-US': 'Planning and finance manager' }, [role('finance_manager')]);
const marketingVp = step('marketing_vp', { 'zh-CN': '营销中心副总', 'en-US': 'Marketing vice president' }, [role('marketing_vp')]);
const generalManager = step('general_manager', { 'zh-CN': '总经理', 'en-US': 'General manager' }, [role('general_manager')]);
const creditHead = step('credit_head', { 'zh-CN': '信用管理部门负责人', 'en-US': 'Head of credit management' }, [{ kind: 'departmentHead', departmentCode: CREDIT_DEPARTMENT_CODE }]);

export const DEFAULT_CHAINS: readonly ApprovalDefinition[] = [
  {
    id: 'new_customer_review',
    version: 1,
    kind: 'new_customer_review',
    name: { 'zh-CN': '新增客户信用评审', 'en-US': 'New customer credit review' },
    steps: [deptManager, legal, generalAffairs, finance, marketingVp, generalManager],
  },
  {
    id: 'periodic_review',
    version: 1,
    kind: 'periodic_review',
    name: { 'zh-CN': '客户信用评审', 'en-US': 'Periodic customer credit review' },
    steps: [
      deptManager,
      // 协办部门: each co-operating department gives its view (会签).
      step('co_department', { 'zh-CN': '协办部门', 'en-US': 'Co-operating departments' }, [role('co_department')], { how: { mode: 'all' } }),
      legal,
      generalAffairs,
      { ...finance, name: { 'zh-CN': '计划财务部', 'en-US': 'Planning and finance' } },
      marketingVp,
      generalManager,
    ],
  },
  {
    id: 'credit_limit_change',
    version: 1,
    kind: 'credit_limit_change',
    name: { 'zh-CN': '授信额度调整', 'en-US': 'Credit limit change' },
    steps: [
      { ...deptManager, opinionRequired: false },
      { ...creditHead, who: [{ kind: 'departmentHead', departmentCode: CREDIT_DEPARTMENT_CODE }, role('credit_manager')], opinionRequired: false },
      { ...finance, opinionRequired: false },
      { ...generalManager, when: [{ kind: 'amountAbove', fen: CREDIT_LIMIT_GM_THRESHOLD_FEN }] },
    ],
  },
  {
    id: 'checkout',
    version: 1,
    kind: 'checkout',
    name: { 'zh-CN': '档案查阅申请', 'en-US': 'File checkout request' },
    steps: [
      // SPEC §4: a business department's request goes to the head of credit management…
      { ...creditHead, opinionRequired: false, when: [{ kind: 'authorDepartmentKindIn', kinds: ['business'] }] },
      // …any other department's to a company leader, and is filed with credit management.
      step('leadership', { 'zh-CN': '公司领导', 'en-US': 'Company leadership' }, [{ kind: 'leadership' }], {
        opinionRequired: false,
        when: [{ kind: 'authorDepartmentKindIn', kinds: ['other'] }],
      }),
      // 机密 files also need the higher approver.
      { ...generalManager, opinionRequired: false, when: [{ kind: 'confidentialityIn', levels: ['confidential'] }] },
    ],
    fileWithDepartment: CREDIT_DEPARTMENT_CODE,
  },
  {
    id: 'destruction',
    version: 1,
    kind: 'destruction',
    name: { 'zh-CN': '档案销毁审批', 'en-US': 'Destruction approval' },
    steps: [creditHead, generalAffairs, generalManager],
  },
  {
    // seed 003 五(二)4: more than 15 days overdue, the 客服经理 recommends that the deposit
    // becomes a penalty and cooperation stops; credit management, finance (the deposit) and
    // the general manager decide.
    id: 'dunning_suspension',
    version: 1,
    kind: 'dunning_suspension',
    name: { 'zh-CN': '保证金转违约金及停止合作', 'en-US': 'Deposit to penalty and suspension' },
    steps: [creditHead, finance, generalManager],
  },
];

/** The default chain of a kind. */
export function defaultChain(kind: ApprovalDefinition['kind']): ApprovalDefinition {
  const found = DEFAULT_CHAINS.find((d) => d.kind === kind);
  if (!found) throw new Error(`no default approval chain for ${kind}`);
  return found;
}
