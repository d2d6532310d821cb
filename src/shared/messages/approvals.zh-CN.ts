// 审批流各代码的文字（渲染进程与命令行共用）。键由类型约束，缺一即编译失败。
// Placeholders are i18next style: {{name}}.
import type {
  ApprovalKind,
  ApprovalRefusal,
  ChainStatus,
  DecisionKind,
  EscalationReason,
  StepStatus,
  VoidReason,
} from '../domain/approvals/types';
import type { DefinitionProblemCode } from '../domain/approvals/engine';

export interface ApprovalMessages {
  refusal: Record<ApprovalRefusal, string>;
  chainStatus: Record<ChainStatus, string>;
  stepStatus: Record<StepStatus, string>;
  decision: Record<DecisionKind | 'withdraw' | 'submit' | 'resubmit', string>;
  voided: Record<VoidReason, string>;
  escalation: Record<EscalationReason, string>;
  mode: { sequential: string; any: string; all: string; quorum: string };
  kind: Record<ApprovalKind, string>;
  /** Why a step was skipped: {{actual}} is what the form had, {{expected}} the condition's value(s). */
  skipped: { amountAbove: string; gradeIn: string; confidentialityIn: string; authorDepartmentKindIn: string; authorDepartmentIn: string };
  definitionProblem: Record<DefinitionProblemCode, string>;
  /** "王五 代 张三" */
  onBehalfOf: string;
  overdue: string;
  provisionalDeadline: string;
}

export const approvalMessagesZh: ApprovalMessages = {
  refusal: {
    definitionMismatch: '审批流程定义与该申请发起时的版本不一致',
    definitionInvalid: '审批流程定义不完整，无法发起',
    unknownUser: '找不到该用户',
    inactiveUser: '该用户已停用，不能审批',
    chainClosed: '该审批已结束',
    awaitingResubmission: '已退回发起人，等待重新提交',
    notReturned: '只有被退回的申请才能重新提交',
    stepNotActive: '该审批节点已不是当前节点，请刷新后再处理',
    notCandidate: '您不是该节点的审批人',
    notDelegate: '您没有获得该审批人的委托',
    delegationOutsideDates: '委托不在有效期内',
    notYourTurn: '依次审批：尚未轮到您',
    ownForm: '不能审批自己提交的申请',
    alreadyDecided: '您已在该节点处理过',
    delegateHoldsOwnSeat: '您本人也是该节点的审批人：请以本人身份审批，受托的席位可转交他人',
    samePersonTwoSteps: '您已审批过本流程的其他节点，该节点须由他人审批',
    staleContent: '申请内容已变更，请查看最新内容后再处理',
    opinionRequired: '请填写审批意见',
    transferTargetNotEligible: '该同事不能承接此节点',
    invalidReturnTarget: '只能退回发起人或之前已同意的节点',
    notAuthor: '只有发起人可以执行此操作',
    withdrawAfterDecision: '已有人处理，不能撤回',
  },
  chainStatus: { running: '审批中', returned: '已退回', approved: '已通过', rejected: '已拒绝', withdrawn: '已撤回' },
  stepStatus: { waiting: '待审批', active: '审批中', approved: '已同意', rejected: '已拒绝', skipped: '已跳过' },
  decision: { approve: '同意', reject: '拒绝', return: '退回', transfer: '转交', withdraw: '撤回', submit: '提交', resubmit: '重新提交' },
  voided: { contentChanged: '申请内容已变更，此意见作废', returned: '申请被退回，此意见作废' },
  escalation: { noCandidates: '审批人为空，已转交管理员', tooFewCandidates: '可审批人数不足（{{count}} 人），已转交管理员' },
  mode: { sequential: '依次审批', any: '或签（一人同意即可）', all: '会签（须所有人同意）', quorum: '{{n}} 人同意即可（共 {{m}} 人）' },
  kind: {
    new_customer_review: '新增客户信用评审',
    periodic_review: '客户信用评审',
    credit_limit_change: '授信额度调整',
    checkout: '档案查阅申请',
    destruction: '档案销毁审批',
  },
  skipped: {
    amountAbove: '金额 {{actual}} 未超过 {{expected}}，跳过',
    gradeIn: '等级 {{actual}} 不在 {{expected}} 之列，跳过',
    confidentialityIn: '密级为{{actual}}，不属于{{expected}}，跳过',
    authorDepartmentKindIn: '发起人部门类别为{{actual}}，不属于{{expected}}，跳过',
    authorDepartmentIn: '发起人部门为{{actual}}，不属于{{expected}}，跳过',
  },
  definitionProblem: {
    badVersion: '版本号须为正整数',
    noSteps: '流程至少需要一个节点',
    duplicateStepId: '节点标识重复',
    noAssignee: '节点未指定审批人',
    quorumOutOfRange: '“n 人同意”的人数须为正整数',
    badDeadline: '期限须为正整数个工作日',
    badCondition: '条件不完整：金额须为整数（分），集合不能为空',
  },
  onBehalfOf: '{{actor}} 代 {{principal}}',
  overdue: '已超期',
  provisionalDeadline: '暂定期限：日历尚未包含该年份',
};
