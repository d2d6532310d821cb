// Permissions are the unit the host checks for every call. Roles are data: a role is a
// set of these. Only permissions that some method of the contract needs are listed;
// later features add theirs here.
export const PERMISSIONS = [
  'users.manage', // create, edit, deactivate users; reset passwords
  'roles.manage', // change which permissions a role grants
  'settings.manage', // company name, idle lock, other archive settings
  'audit.read', // read and verify the audit trail
  'customers.read', // search and open customer credit files (every read is recorded with its purpose)
  'customers.write', // register customers and enter their records
  'customers.verify', // confirm another user's entry of a customer's key data (双人核验)
  'customers.import', // import customers, contracts, transactions and payments from files
  'documents.read', // open electronic documents of a customer file
  'documents.write', // add documents and physical items to a customer file
  'calendar.manage', // the company's closed and extra working days; importing a year's official holidays
  'approvals.manage', // edit approval chain definitions, see every delegation, set department heads
  'creditLimits.request', // ask for a customer's credit limit and term to change (授信额度调整)
  'evaluations.manage', // edit scoring models and the crosswalk; consolidate, settle and answer objections (信用经理)
  'evaluations.take_part', // start a credit evaluation, fill one's own review sheet, enter an objection (评审)
  'checkouts.lend', // 档案管理员: lend, take back, recall; the borrowing log; keeps (reads) every file
  'checkouts.policy', // change the loan policy (periods, renewals, reading room per 密级)
  'warnings.manage', // set the warning rules and their thresholds; close warnings (信用经理)
  'warnings.work', // acknowledge warnings and record the work done on them
  'dunning.work', // record reminders, send collection letters, recommend a suspension (催收, 客服经理)
] as const;

export type Permission = (typeof PERMISSIONS)[number];

export function isPermission(value: string): value is Permission {
  return (PERMISSIONS as readonly string[]).includes(value);
}

/** Department kinds matter for borrowing rules (SPEC §4). */
export const DEPARTMENT_KINDS = ['credit', 'business', 'other'] as const;
export type DepartmentKind = (typeof DEPARTMENT_KINDS)[number];

export interface DefaultDepartment {
  code: string;
  name: string; // zh-CN name, stored as data
  kind: DepartmentKind;
  /** Contracts of the department are numbered PREFIX-YEAR-NNNN (seed 001 §2). */
  contractPrefix: string;
}

export const DEFAULT_DEPARTMENTS: readonly DefaultDepartment[] = [
  { code: 'credit', name: '信用管理部门', kind: 'credit', contractPrefix: 'XY' },
  { code: 'business', name: '业务部门', kind: 'business', contractPrefix: 'YW' },
  { code: 'marketing', name: '营销中心', kind: 'business', contractPrefix: 'YX' },
  { code: 'general_affairs', name: '综合部', kind: 'other', contractPrefix: 'ZH' },
  { code: 'finance', name: '计划财务部', kind: 'other', contractPrefix: 'CW' },
  { code: 'legal', name: '法律事务部', kind: 'other', contractPrefix: 'FW' },
  { code: 'management', name: '总经理办公室', kind: 'other', contractPrefix: 'ZB' },
  { code: 'audit', name: '内部审计', kind: 'other', contractPrefix: 'SJ' },
];

export interface DefaultRole {
  code: string;
  name: string; // zh-CN name, stored as data
  permissions: readonly Permission[];
}

/**
 * The default set of SPEC.md "Who uses it". Roles whose work is not built yet grant nothing.
 * A role is named for what its holder does, never like a department (migration 0026 renamed
 * the ones that were).
 */
export const DEFAULT_ROLES: readonly DefaultRole[] = [
  { code: 'sysadmin', name: '系统管理员', permissions: ['users.manage', 'roles.manage', 'settings.manage', 'audit.read', 'calendar.manage', 'approvals.manage', 'checkouts.policy'] },
  // The grants below are also given to archives made before them, by migrations 0020, 0030 and 0040.
  // checkouts.lend (and sysadmin's checkouts.policy) are given to archives made before them by migration 0060.
  { code: 'archivist', name: '档案管理员', permissions: ['customers.read', 'customers.verify', 'documents.read', 'documents.write', 'checkouts.lend'] },
  {
    code: 'credit_manager',
    name: '信用经理',
    permissions: ['customers.read', 'customers.write', 'customers.verify', 'customers.import', 'documents.read', 'documents.write', 'creditLimits.request', 'evaluations.manage', 'evaluations.take_part', 'warnings.manage', 'warnings.work', 'dunning.work'],
  },
  { code: 'account_manager', name: '客户经理', permissions: ['customers.read', 'customers.write', 'documents.read', 'documents.write', 'creditLimits.request', 'evaluations.take_part', 'warnings.work'] },
  { code: 'service_manager', name: '客服经理', permissions: ['customers.read', 'customers.write', 'customers.import', 'documents.read', 'evaluations.take_part', 'warnings.work', 'dunning.work'] },
  // Evaluation grants are given to archives made before them by migration 0050, warning grants by 0080, dunning grants by 0085.
  { code: 'reviewer', name: '评审人', permissions: ['customers.read', 'evaluations.take_part'] },
  { code: 'dept_manager', name: '部门经理', permissions: [] },
  { code: 'legal', name: '法务专员', permissions: [] },
  { code: 'general_affairs_manager', name: '综合部经理', permissions: [] },
  { code: 'finance_manager', name: '计划财务部经理', permissions: [] },
  { code: 'marketing_vp', name: '营销中心副总', permissions: [] },
  { code: 'general_manager', name: '总经理', permissions: [] },
  // Named by the default approval chains (approvals APPROVAL_ROLES); given to archives made before them by migration 0040.
  { code: 'co_department', name: '协办部门', permissions: [] },
  { code: 'leadership', name: '公司领导', permissions: [] },
  { code: 'auditor', name: '内部审计员', permissions: ['audit.read'] },
];

export const SYSADMIN_ROLE = 'sysadmin';
