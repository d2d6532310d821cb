import type { ActionOf } from './types';
import type { ApprovalKind, ApprovalRefusal, ChainStatus, DecisionKind, EscalationReason, StepStatus, VoidReason } from '../domain/approvals';
import type { CONDITION_KINDS, DEFINITION_PROBLEMS, STEP_MODES, SUBMISSION_KINDS } from '../domain/approvals';
import type { DELEGATION_STATES } from '../contract/approvals';

// The texts of the approvals domain's codes (refusal reasons, states, kinds), for the
// renderer and the CLI. Complete by type: a new code without its text fails the check.

export interface ApprovalsMessages {
  refusal: Record<ApprovalRefusal, string>;
  kind: Record<ApprovalKind, string>;
  chainStatus: Record<ChainStatus, string>;
  stepStatus: Record<StepStatus, string>;
  decision: Record<DecisionKind, string>;
  submission: Record<(typeof SUBMISSION_KINDS)[number], string>;
  voidReason: Record<VoidReason, string>;
  escalation: Record<EscalationReason, string>;
  stepMode: Record<(typeof STEP_MODES)[number], string>;
  condition: Record<(typeof CONDITION_KINDS)[number], string>;
  definitionProblem: Record<(typeof DEFINITION_PROBLEMS)[number], string>;
  delegationState: Record<(typeof DELEGATION_STATES)[number], string>;
}

export const approvalsZhCN: ApprovalsMessages = {
  refusal: {
    definitionMismatch: '审批流程已更新，此审批单仍按其发起时的版本办理，请刷新后重试',
    definitionInvalid: '审批流程定义有误，无法发起',
    unknownUser: '审批涉及的用户不存在',
    inactiveUser: '该用户已停用，不能办理审批',
    chainClosed: '审批已结束（已通过、已拒绝或已撤回），不能再办理',
    awaitingResubmission: '已退回申请人修改，待其重新提交后再审批',
    notReturned: '只有被退回的申请才能重新提交',
    stepNotActive: '该审批环节已不是当前环节，请刷新后查看',
    notCandidate: '您不是当前环节的审批人',
    notDelegate: '您没有获得该审批人的委托',
    delegationOutsideDates: '委托不在有效期内，今天不能代为审批',
    notYourTurn: '依次审批：还未轮到您，请等待前一位审批人处理',
    ownForm: '不能审批自己提交的申请',
    alreadyDecided: '您已在本环节作出决定',
    samePersonTwoSteps: '同一人不能担任本流程中要求不同人员的两个环节',
    staleContent: '申请内容在您查看后已被修改，请刷新后重新审阅',
    opinionRequired: '请填写审批意见',
    transferTargetNotEligible: '不能转交给该同事（其不能担任本环节审批人）',
    invalidReturnTarget: '只能退回给申请人或此前已同意的环节',
    notAuthor: '只有申请人本人可以撤回或重新提交',
    withdrawAfterDecision: '已有审批人作出决定，不能撤回',
    delegateHoldsOwnSeat: '您本人也是该节点的审批人：请以本人身份审批，受托的席位可转交他人',
  },
  kind: {
    new_customer_review: '新增客户信用评审',
    periodic_review: '客户信用评审',
    credit_limit_change: '授信额度调整',
    checkout: '档案查阅申请',
    destruction: '档案销毁审批',
    dunning_suspension: '保证金转违约金及停止合作',
  },
  chainStatus: { running: '审批中', returned: '已退回', approved: '已通过', rejected: '已拒绝', withdrawn: '已撤回' },
  stepStatus: { waiting: '未开始', active: '进行中', approved: '已同意', rejected: '已拒绝', skipped: '已跳过' },
  decision: { approve: '同意', reject: '拒绝', return: '退回', transfer: '转交' },
  submission: { submit: '提交', resubmit: '重新提交', withdraw: '撤回' },
  voidReason: { contentChanged: '申请内容已修改，此意见作废', returned: '申请被退回，此意见作废' },
  escalation: { noCandidates: '本环节无可用审批人，已转交系统管理员', tooFewCandidates: '本环节审批人不足，已转交系统管理员' },
  stepMode: { sequential: '依次审批', any: '或签（一人同意即可）', all: '会签（须全部同意）', quorum: '多数通过（n 人同意）' },
  condition: {
    amountAbove: '金额高于',
    gradeIn: '信用等级为',
    confidentialityIn: '密级为',
    authorDepartmentKindIn: '申请人部门类型为',
    authorDepartmentIn: '申请人部门为',
  },
  definitionProblem: {
    badVersion: '版本号必须是正整数',
    noSteps: '流程至少需要一个环节',
    duplicateStepId: '环节编号重复',
    noAssignee: '环节没有指定审批人',
    quorumOutOfRange: '多数通过的人数必须是正整数',
    badDeadline: '办理时限必须是正整数个工作日',
    badCondition: '条件不完整（金额须为整数分，选项不能为空）',
  },
  delegationState: { upcoming: '未开始', current: '生效中', past: '已到期', ended: '已结束' },
};

/** The audit actions of the approvals domain. */
export const approvalsActionsZhCN = {
  'approvals.inbox': '查看待我审批',
  'approvals.inboxCount': '查询待审批数',
  'approvals.mine': '查看我发起的',
  'approvals.done': '查看已办',
  'approvals.get': '查看审批单',
  'approvals.decide': '审批',
  'approvals.withdraw': '撤回审批',
  'approvals.colleagues': '查询同事',
  'approvals.delegations.mine': '查看我的委托',
  'approvals.delegations.create': '设置审批委托',
  'approvals.delegations.end': '结束审批委托',
  'approvals.delegations.all': '查看全部委托',
  'approvals.definitions.list': '查看审批流程',
  'approvals.definitions.get': '查看审批流程定义',
  'approvals.definitions.save': '修改审批流程',
  'approvals.definitions.preview': '预览审批流程',
  'approvals.departmentHeads.list': '查看部门负责人',
  'approvals.departmentHeads.set': '设置部门负责人',
} satisfies Record<ActionOf<'approvals'>, string>;
