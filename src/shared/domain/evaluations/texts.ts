// The words of the evaluation lifecycle's codes in both languages, complete by type, and
// the sentences of the review list ("逾期 12 天", "因 涉诉（2026-11-03）提前评审").
import type { Lang, Text } from '../scoring/model';
import type {
  ChainOutcome,
  EvaluationEventType,
  EvaluationHistoryKind,
  EvaluationKind,
  EvaluationRefusalCode,
  EvaluationRole,
  EvaluationStatus,
  MajorCreditEvent,
  ObjectionGround,
  ReviewDueReason,
  ReviewerOrigin,
  RoundSkipReason,
} from './codes';
import type { ReviewDue } from './cycle';

const t = (zh: string, en: string): Text => ({ 'zh-CN': zh, 'en-US': en });

export const EVALUATION_KIND_TEXTS: Record<EvaluationKind, Text> = {
  periodic_review: t('客户信用评审（定期）', 'Periodic credit review'),
  new_customer_review: t('新增客户信用评审', 'New-customer credit review'),
};

export const EVALUATION_STATUS_TEXTS: Record<EvaluationStatus, Text> = {
  draft: t('评审中', 'Being reviewed'),
  in_approval: t('审批中', 'In approval'),
  published: t('公示中', 'Published'),
  objection: t('异议处理中', 'Objection being answered'),
  reopened: t('异议成立，重新评审', 'Reopened by an upheld objection'),
  final: t('已生效', 'Final'),
  rejected: t('审批未通过', 'Rejected in approval'),
  cancelled: t('已撤销', 'Cancelled'),
};

export const EVALUATION_EVENT_TEXTS: Record<EvaluationEventType, Text> = {
  start: t('发起评审', 'Start the review'),
  add_reviewer: t('增加评审人', 'Add a reviewer'),
  remove_reviewer: t('移除评审人', 'Remove a reviewer'),
  save_sheet: t('保存评分表', 'Save the sheet'),
  submit_sheet: t('提交评分表', 'Submit the sheet'),
  return_sheet: t('退回评分表', 'Return a sheet'),
  set_value: t('录入指标数值', 'Enter a value'),
  settle_item: t('裁定分歧项目', 'Settle an item'),
  consolidate: t('汇总评定并送审', 'Consolidate and send for approval'),
  chain_outcome: t('审批结果', 'Approval outcome'),
  enter_objection: t('登记异议', 'Enter an objection'),
  answer_objection: t('答复异议', 'Answer the objection'),
  finalize: t('公示期满，结果生效', 'Close the publication: the result is final'),
  cancel: t('撤销评审', 'Cancel the review'),
  set_attachments: t('选择相关文档附件', 'Choose the attached documents'),
};

export const EVALUATION_ROLE_TEXTS: Record<EvaluationRole, Text> = {
  credit_manager: t('信用管理部门', 'Credit manager'),
  account_manager: t('客户经理', 'Account manager'),
  service_manager: t('客服经理', 'Service manager'),
  system: t('系统', 'System'),
};

export const REVIEWER_ORIGIN_TEXTS: Record<ReviewerOrigin, Text> = {
  account_manager: t('客户经理', 'Account manager'),
  service_manager: t('客服经理', 'Service manager'),
  added: t('信用管理部门增派', 'Added by the credit manager'),
};

export const CHAIN_OUTCOME_TEXTS: Record<ChainOutcome, Text> = {
  approved: t('审批通过', 'Approved'),
  rejected: t('审批未通过', 'Rejected'),
  returned: t('退回修改', 'Returned for revision'),
  withdrawn: t('已撤回', 'Withdrawn'),
};

export const EVALUATION_REFUSAL_TEXTS: Record<EvaluationRefusalCode, Text> = {
  not_started: t('评审尚未发起', 'The review has not been started'),
  already_started: t('评审已经发起', 'The review has already been started'),
  wrong_model: t('评分模型与本次评审所用的版本或类型不符', 'The scoring model is not the version or kind this review uses'),
  wrong_state: t('评审当前所处阶段不允许此操作', 'This cannot be done at the stage the review is in'),
  not_permitted: t('您的角色不能进行此操作', 'Your role cannot do this'),
  not_a_reviewer: t('您不是本次评审的评审人', 'You are not a reviewer of this review'),
  not_account_manager: t('异议须由该客户的客户经理登记', "An objection is entered by the customer's account manager"),
  invalid_input: t('填写的内容格式不正确', 'Something entered is not in the right form'),
  already_reviewer: t('该用户已是评审人', 'This user is already a reviewer'),
  unknown_reviewer: t('该用户不是本次评审的评审人', 'This user is not a reviewer of this review'),
  reviewer_not_removable: t('客户经理和客服经理是必需的评审人，不能移除', 'The account manager and the service manager are required reviewers'),
  sheet_submitted: t('评分表已提交，不能再修改', 'The sheet has been submitted and can no longer change'),
  sheet_not_submitted: t('该评分表尚未提交', 'That sheet has not been submitted'),
  sheet_incomplete: t('评分表中还有项目未评', 'An item on the sheet is not rated yet'),
  unknown_item: t('评分项目不存在', 'No such item'),
  unknown_option: t('所选等级不属于该项目', 'The option chosen is not one of the item'),
  not_a_computed_item: t('该项目由评审人评分，不是计算指标', 'This item is rated by the reviewers, not computed'),
  item_not_reopened: t('异议成立后只能重新评定异议所涉及的项目', 'Only the items of the upheld objection can change'),
  sheets_pending: t('还有评审人未提交评分表', 'Some reviewers have not submitted their sheets'),
  nothing_to_settle: t('评审人在该项目上的分歧未超过一个等级，无需裁定', 'Reviewers do not differ by more than one level on this item'),
  note_required: t('请填写裁定说明', 'Write the note that settles the item'),
  items_unsettled: t('有评审人分歧超过一个等级的项目尚未裁定', 'An item where reviewers differ by more than one level is not settled'),
  scoring_refused: t('评分未能完成', 'The score could not be computed'),
  unknown_grade: t('等级不属于该模型', 'The grade is not one of the model'),
  override_same_grade: t('调整后的等级与计算等级相同', 'The override is the grade the score gives'),
  override_reason_required: t('调整等级须书面说明理由', 'An override needs a written reason'),
  content_changed: t('审批所依据的内容与当前评审内容不一致', 'The approved content differs from the review as it is now'),
  objection_open: t('已有异议正在处理，请先答复', 'An objection is open: answer it first'),
  outside_objection_window: t('已超过异议期限（公示期内，或得知结果后 15 个工作日内）', 'Too late to object (within the publication, or 15 working days of learning of the result)'),
  learned_on_invalid: t('得知日期不能早于公示开始日，也不能晚于今天', 'The day of learning cannot be before the publication began or after today'),
  items_required: t('请列明异议所涉及的项目', 'Name the items objected to'),
  reason_required: t('请填写理由', 'Give the reason'),
  evidence_required: t('请附上证明材料', 'Attach the evidence'),
  unknown_objection: t('异议不存在', 'No such objection'),
  objection_answered: t('该异议已答复', 'The objection has been answered'),
  answer_required: t('请填写答复内容', 'Write the answer'),
  publication_not_over: t('公示期尚未结束', 'The publication period has not ended'),
  duplicate_id: t('编号重复', 'This id is already used'),
};

export const EVALUATION_HISTORY_TEXTS: Record<EvaluationHistoryKind, Text> = {
  started: t('发起评审', 'Review started'),
  reviewer_added: t('增加评审人', 'Reviewer added'),
  reviewer_removed: t('移除评审人', 'Reviewer removed'),
  sheet_submitted: t('提交评分表', 'Sheet submitted'),
  sheet_returned: t('退回评分表', 'Sheet returned'),
  value_set: t('录入指标数值', 'Value entered'),
  item_settled: t('裁定分歧项目', 'Item settled'),
  consolidated: t('汇总评定', 'Consolidated'),
  approved: t('审批通过', 'Approved'),
  chain_rejected: t('审批未通过', 'Rejected in approval'),
  chain_returned: t('审批退回', 'Returned by the approval chain'),
  chain_withdrawn: t('撤回审批', 'Withdrawn from approval'),
  published: t('开始公示', 'Published'),
  objection_entered: t('登记异议', 'Objection entered'),
  objection_upheld: t('异议成立', 'Objection upheld'),
  objection_rejected: t('异议不成立', 'Objection rejected'),
  reopened: t('重新评审异议项目', 'Objected items reopened'),
  finalized: t('结果生效', 'Result final'),
  cancelled: t('撤销评审', 'Review cancelled'),
  attachments_set: t('选择相关文档附件', 'Attached documents chosen'),
};

export const OBJECTION_GROUND_TEXTS: Record<ObjectionGround, Text> = {
  within_publication: t('公示期内提出', 'Within the publication period'),
  within_learned_period: t('得知结果后 15 个工作日内提出', 'Within 15 working days of learning of the result'),
};

export const MAJOR_CREDIT_EVENT_TEXTS: Record<MajorCreditEvent, Text> = {
  litigation: t('涉诉', 'Litigation'),
  bad_record: t('不良记录', 'Bad record'),
  blacklist: t('列入失信名单', 'Blacklisted'),
  judgment: t('判决', 'Judgment'),
};

export const REVIEW_DUE_REASON_TEXTS: Record<ReviewDueReason, Text> = {
  overdue: t('已逾期', 'Overdue'),
  major_event: t('重大信用事件，提前评审', 'Early review: major credit event'),
  cycle_due: t('评审周期已到', 'Due by the cycle'),
  never_evaluated: t('尚无生效的信用评审', 'No final evaluation yet'),
};

export const ROUND_SKIP_TEXTS: Record<RoundSkipReason, Text> = {
  evaluation_in_progress: t('已有进行中的评审', 'A review is already under way'),
  chosen_twice: t('重复选择', 'Chosen twice'),
  no_account_manager: t('未指定客户经理', 'No account manager'),
  no_service_manager: t('未指定客服经理', 'No service manager'),
};

/** "逾期 12 天（应于 2026-06-01 评审）" / "因涉诉（2026-11-03）提前评审" … */
export function reviewDueText(due: ReviewDue, lang: Lang): string {
  const zh = lang === 'zh-CN';
  switch (due.reason) {
    case 'overdue':
      return zh ? `逾期 ${due.days} 天（应于 ${due.dueOn} 评审）` : `Overdue by ${due.days} day${due.days === 1 ? '' : 's'} (due on ${due.dueOn})`;
    case 'major_event': {
      const event = MAJOR_CREDIT_EVENT_TEXTS[due.event][lang];
      return zh ? `因${event}（${due.day}）提前评审` : `Early review: ${event.toLowerCase()} on ${due.day}`;
    }
    case 'cycle_due':
      return zh ? `评审周期已到（${due.dueOn}）` : `Due by the cycle (${due.dueOn})`;
    case 'never_evaluated':
      return REVIEW_DUE_REASON_TEXTS.never_evaluated[lang];
  }
}
