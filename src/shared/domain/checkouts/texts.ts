// The words of every borrowing code, in both languages; complete by type.
import type {
  ApprovalOutcome,
  ChainRoute,
  CheckoutChainStep,
  DueDateStepKind,
  ItemCondition,
  LoanAction,
  LoanEventType,
  LoanKind,
  LoanRefusal,
  LoanState,
  LostResolution,
  PolicyProblem,
  ReadGrant,
  ReadRefusal,
  ReminderKind,
  ReminderRecipient,
  RenewalState,
  RequestProblem,
} from './codes';
import type { LoanActorRole } from './loan';

export const CHECKOUT_LANGS = ['zh-CN', 'en-US'] as const;
export type CheckoutLang = (typeof CHECKOUT_LANGS)[number];

export interface CheckoutTexts {
  loanKinds: Record<LoanKind, string>;
  loanStates: Record<LoanState, string>;
  loanEvents: Record<LoanEventType, string>;
  approvalOutcomes: Record<ApprovalOutcome, string>;
  renewalStates: Record<RenewalState, string>;
  itemConditions: Record<ItemCondition, string>;
  lostResolutions: Record<LostResolution, string>;
  loanActions: Record<LoanAction, string>;
  loanRefusals: Record<LoanRefusal, string>;
  readRefusals: Record<ReadRefusal, string>;
  readGrants: Record<ReadGrant, string>;
  requestProblems: Record<RequestProblem, string>;
  policyProblems: Record<PolicyProblem, string>;
  chainRoutes: Record<ChainRoute, string>;
  chainSteps: Record<CheckoutChainStep, string>;
  reminderKinds: Record<ReminderKind, string>;
  reminderRecipients: Record<ReminderRecipient, string>;
  dueDateSteps: Record<DueDateStepKind, string>;
  actorRoles: Record<LoanActorRole, string>;
}

export const CHECKOUT_TEXTS_ZH_CN = {
  loanKinds: { physical: '实物借阅', electronic: '电子查阅' } satisfies Record<LoanKind, string>,
  loanStates: {
    requested: '待审批',
    approved: '已批准',
    rejected: '已驳回',
    withdrawn: '已撤回',
    lent: '已借出',
    renewed: '已续借',
    overdue: '已逾期',
    returned: '已归还',
    lost: '遗失待处理',
  } satisfies Record<LoanState, string>,
  loanEvents: {
    approvalOutcome: '审批结果',
    lend: '借出',
    return: '归还',
    resolveLost: '遗失处理',
    renewalRequested: '申请续借',
    renewalOutcome: '续借审批结果',
    recall: '催还',
  } satisfies Record<LoanEventType, string>,
  approvalOutcomes: { approved: '批准', rejected: '驳回', withdrawn: '撤回' } satisfies Record<ApprovalOutcome, string>,
  renewalStates: { pending: '续借待审批', approved: '续借已批准', rejected: '续借已驳回', withdrawn: '续借已撤回' } satisfies Record<RenewalState, string>,
  itemConditions: { complete: '完好', missing: '缺失', damaged: '损坏' } satisfies Record<ItemCondition, string>,
  lostResolutions: { found: '已找回', writtenOff: '确认遗失并核销' } satisfies Record<LostResolution, string>,
  loanActions: {
    decideRequest: '审批查阅申请',
    withdrawRequest: '撤回查阅申请',
    lend: '借出',
    return: '登记归还',
    resolveLost: '处理遗失',
    requestRenewal: '申请续借',
    decideRenewal: '审批续借',
    withdrawRenewal: '撤回续借申请',
    recall: '催还',
  } satisfies Record<LoanAction, string>,
  loanRefusals: {
    loanClosed: '该借阅已结束，不能再办理',
    notRequested: '该申请已不在待审批状态',
    notApproved: '申请尚未批准，不能借出',
    notLent: '档案未借出',
    notLost: '该借阅没有缺失的物品',
    notBorrower: '只有借阅人本人可以办理',
    notArchivist: '只有档案管理员可以办理',
    notApprover: '您不是当前的审批人',
    loanOverdue: '借阅已逾期，请先归还',
    recalled: '档案管理员已催还，不能续借',
    renewalLimitReached: '续借次数已用完',
    renewalPending: '已有续借申请在审批中',
    noRenewalPending: '没有待审批的续借申请',
    periodInvalid: '借阅期限须为不少于 1 的整数个工作日',
    periodTooLong: '借阅期限超过了该档案允许的最长期限',
    itemsRequired: '实物借阅须登记借出的物品及其存放位置',
    noPhysicalPart: '该借阅仅为电子查阅，没有实物可借出',
    itemNotRequested: '该物品不在申请查阅的文件之内',
    itemDuplicated: '同一物品登记了两次',
    locationRequired: '须填写物品的存放位置',
    itemNotOut: '该物品未借出或已登记归还',
    itemNotMissing: '该物品没有登记为缺失',
    noteRequired: '缺失或损坏的物品须填写说明',
    noItems: '请至少登记一件物品',
  } satisfies Record<LoanRefusal, string>,
  readRefusals: {
    needsLoan: '查阅该客户档案需先提交查阅申请并经批准借出',
    notBorrower: '该借阅属于其他人',
    loanNotLent: '查阅申请尚未借出',
    loanReturned: '该借阅已归还，查阅已结束',
    loanLost: '该借阅有缺失物品待处理，暂停查阅',
    loanOverdue: '已超过归还日期，查阅已结束',
    documentNotLent: '该文件不在借阅范围之内',
    notElectronic: '该借阅为实物借阅，不含电子查阅',
  } satisfies Record<ReadRefusal, string>,
  readGrants: { creditDepartment: '信用管理部门可查阅全部档案', archiveKeeper: '档案管理员保管全部档案', loan: '依借阅查阅' } satisfies Record<ReadGrant, string>,
  requestProblems: {
    noFiles: '请至少选择一个客户档案',
    fileDuplicated: '同一客户档案选择了两次',
    purposeMissing: '请填写查阅用途',
    purposeTooLong: '查阅用途过长',
    periodInvalid: '借阅期限须为不少于 1 的整数个工作日',
    periodTooLong: '借阅期限超过了该密级和借阅方式允许的最长期限',
    noKinds: '请选择实物借阅或电子查阅',
    noDocumentsChosen: '请至少选择一份文件，或选择整个档案',
    documentDuplicated: '同一文件选择了两次',
    readingRoomOnly: '该档案的实物只能在阅档室查阅',
    printNeedsElectronic: '打印只适用于电子查阅',
    exportNeedsElectronic: '导出只适用于电子查阅',
    electronicNotNeeded: '信用管理部门可直接查阅电子档案，无需申请',
  } satisfies Record<RequestProblem, string>,
  policyProblems: {
    termsMissing: '缺少该密级和借阅方式的借阅规则',
    termsDuplicated: '该密级和借阅方式的借阅规则重复',
    maxDaysInvalid: '最长借阅期限须为不少于 1 的整数个工作日',
    renewalsInvalid: '续借次数须为不小于 0 的整数',
  } satisfies Record<PolicyProblem, string>,
  chainRoutes: {
    creditHead: '业务部门：信用管理部门负责人审批',
    leadership: '其他部门：公司分管领导审批，并在信用管理部门备案',
    none: '信用管理部门：无需部门审批',
  } satisfies Record<ChainRoute, string>,
  chainSteps: { credit_head: '信用管理部门负责人', leadership: '公司领导', general_manager: '总经理' } satisfies Record<CheckoutChainStep, string>,
  reminderKinds: {
    dueSoon: '借阅即将到期',
    overdue: '借阅已逾期',
    overdueEscalated: '借阅逾期未还，已通知档案管理员和部门负责人',
    recalled: '档案管理员催还',
  } satisfies Record<ReminderKind, string>,
  reminderRecipients: { borrower: '借阅人', archivist: '档案管理员', departmentHead: '借阅人所在部门负责人' } satisfies Record<ReminderRecipient, string>,
  dueDateSteps: { lent: '借出', renewal: '续借' } satisfies Record<DueDateStepKind, string>,
  actorRoles: { archivist: '档案管理员', approver: '审批人' } satisfies Record<LoanActorRole, string>,
} satisfies CheckoutTexts;

export const CHECKOUT_TEXTS_EN_US = {
  loanKinds: { physical: 'Physical items', electronic: 'Electronic reading' } satisfies Record<LoanKind, string>,
  loanStates: {
    requested: 'Awaiting approval',
    approved: 'Approved',
    rejected: 'Rejected',
    withdrawn: 'Withdrawn',
    lent: 'Lent',
    renewed: 'Renewed',
    overdue: 'Overdue',
    returned: 'Returned',
    lost: 'Lost, to be settled',
  } satisfies Record<LoanState, string>,
  loanEvents: {
    approvalOutcome: 'Approval outcome',
    lend: 'Lent',
    return: 'Returned',
    resolveLost: 'Lost items settled',
    renewalRequested: 'Renewal requested',
    renewalOutcome: 'Renewal outcome',
    recall: 'Recalled',
  } satisfies Record<LoanEventType, string>,
  approvalOutcomes: { approved: 'Approved', rejected: 'Rejected', withdrawn: 'Withdrawn' } satisfies Record<ApprovalOutcome, string>,
  renewalStates: { pending: 'Renewal awaiting approval', approved: 'Renewal approved', rejected: 'Renewal rejected', withdrawn: 'Renewal withdrawn' } satisfies Record<RenewalState, string>,
  itemConditions: { complete: 'Complete', missing: 'Missing', damaged: 'Damaged' } satisfies Record<ItemCondition, string>,
  lostResolutions: { found: 'Found', writtenOff: 'Written off as lost' } satisfies Record<LostResolution, string>,
  loanActions: {
    decideRequest: 'Decide the request',
    withdrawRequest: 'Withdraw the request',
    lend: 'Lend',
    return: 'Record the return',
    resolveLost: 'Settle lost items',
    requestRenewal: 'Ask to renew',
    decideRenewal: 'Decide the renewal',
    withdrawRenewal: 'Withdraw the renewal',
    recall: 'Recall',
  } satisfies Record<LoanAction, string>,
  loanRefusals: {
    loanClosed: 'This loan has ended; nothing more can be done with it',
    notRequested: 'This request is no longer awaiting approval',
    notApproved: 'The request is not approved yet, so it cannot be lent',
    notLent: 'The file is not lent',
    notLost: 'This loan has no missing item',
    notBorrower: 'Only the borrower can do this',
    notArchivist: 'Only an archivist can do this',
    notApprover: 'You are not the current approver',
    loanOverdue: 'The loan is overdue; return it first',
    recalled: 'The archivist has recalled the file, so it cannot be renewed',
    renewalLimitReached: 'No renewals are left',
    renewalPending: 'A renewal is already awaiting approval',
    noRenewalPending: 'No renewal is awaiting approval',
    periodInvalid: 'The period must be a whole number of working days, at least 1',
    periodTooLong: 'The period is longer than this file may be lent for',
    itemsRequired: 'A physical loan records the items handed out and where they were kept',
    noPhysicalPart: 'This loan is electronic reading only; there are no items to hand out',
    itemNotRequested: 'This item is not among the documents requested',
    itemDuplicated: 'The same item is listed twice',
    locationRequired: 'Give the place the item is kept',
    itemNotOut: 'This item is not out, or its return is already recorded',
    itemNotMissing: 'This item is not recorded as missing',
    noteRequired: 'Describe what is missing or damaged',
    noItems: 'List at least one item',
  } satisfies Record<LoanRefusal, string>,
  readRefusals: {
    needsLoan: 'To read this customer file, request it and have it lent to you',
    notBorrower: 'This loan belongs to someone else',
    loanNotLent: 'The request has not been lent yet',
    loanReturned: 'The loan was returned; reading has ended',
    loanLost: 'Reading is suspended while a missing item is settled',
    loanOverdue: 'The due date has passed; reading has ended',
    documentNotLent: 'This document is not part of the loan',
    notElectronic: 'This loan is for physical items, without electronic reading',
  } satisfies Record<ReadRefusal, string>,
  readGrants: { creditDepartment: 'The credit-management department reads every file', archiveKeeper: 'The archivist keeps every file', loan: 'Read through a loan' } satisfies Record<ReadGrant, string>,
  requestProblems: {
    noFiles: 'Choose at least one customer file',
    fileDuplicated: 'The same customer file is chosen twice',
    purposeMissing: 'Give the purpose of the request',
    purposeTooLong: 'The purpose is too long',
    periodInvalid: 'The period must be a whole number of working days, at least 1',
    periodTooLong: 'The period is longer than allowed for this confidentiality level and kind of loan',
    noKinds: 'Choose physical items or electronic reading',
    noDocumentsChosen: 'Choose at least one document, or the whole file',
    documentDuplicated: 'The same document is chosen twice',
    readingRoomOnly: 'The physical items of this file are read in the reading room only',
    printNeedsElectronic: 'Printing applies to electronic reading only',
    exportNeedsElectronic: 'Exporting applies to electronic reading only',
    electronicNotNeeded: 'The credit-management department reads electronic files without a request',
  } satisfies Record<RequestProblem, string>,
  policyProblems: {
    termsMissing: 'The terms for this confidentiality level and kind of loan are missing',
    termsDuplicated: 'The terms for this confidentiality level and kind of loan are given twice',
    maxDaysInvalid: 'The longest period must be a whole number of working days, at least 1',
    renewalsInvalid: 'The number of renewals must be a whole number, at least 0',
  } satisfies Record<PolicyProblem, string>,
  chainRoutes: {
    creditHead: 'Business department: approved by the head of credit management',
    leadership: 'Other department: approved by company leadership and recorded with credit management',
    none: 'Credit management: no department approval needed',
  } satisfies Record<ChainRoute, string>,
  chainSteps: { credit_head: 'Head of credit management', leadership: 'Company leadership', general_manager: 'General manager' } satisfies Record<CheckoutChainStep, string>,
  reminderKinds: {
    dueSoon: 'Loan due soon',
    overdue: 'Loan overdue',
    overdueEscalated: 'Loan still overdue: the archivist and the department head are told',
    recalled: 'Recalled by the archivist',
  } satisfies Record<ReminderKind, string>,
  reminderRecipients: { borrower: 'Borrower', archivist: 'Archivist', departmentHead: "Head of the borrower's department" } satisfies Record<ReminderRecipient, string>,
  dueDateSteps: { lent: 'Lent', renewal: 'Renewal' } satisfies Record<DueDateStepKind, string>,
  actorRoles: { archivist: 'Archivist', approver: 'Approver' } satisfies Record<LoanActorRole, string>,
} satisfies CheckoutTexts;

export const CHECKOUT_TEXTS: Record<CheckoutLang, CheckoutTexts> = { 'zh-CN': CHECKOUT_TEXTS_ZH_CN, 'en-US': CHECKOUT_TEXTS_EN_US };
