// The codes of risk warnings (风险预警, issue 12, SPEC §5): the rules, severities, states,
// lifecycle events, refusals and close reasons. Every one crosses the seam as a closed
// z.enum of the contract, and has its words in both languages in ./texts.ts.

/** The warning rules (seed 003 五, seed 004 信用监控与预警), each on or off with one threshold. */
export const WARNING_RULES = [
  'credit_event', // 新增涉诉、不良记录、失信名单、法院判决 (重大法律纠纷、被列入失信名单)
  'payment_overdue', // 付款逾期超过信用期限的 X%
  'over_limit', // 应收账款超过信用额度
  'near_limit', // 应收账款达到信用额度的 Y%
  'score_below', // 评分低于预警线
  'grade_downgrade', // 信用等级下调
  'qualification_expiring', // 资质 N 天内到期或已过期
  'volume_anomaly', // 月内业务增减异常（对比本客户近 12 个月）
  'payment_anomaly', // 回款异常（对比本客户近 12 个月）
  'dormant', // 客户流失预警：N 个月无业务
] as const;
export type WarningRule = (typeof WARNING_RULES)[number];

/** Most severe first. */
export const WARNING_SEVERITIES = ['severe', 'high', 'medium', 'low'] as const;
export type WarningSeverity = (typeof WARNING_SEVERITIES)[number];

/** The unit of a rule's threshold. */
export const THRESHOLD_UNITS = ['days', 'percent', 'points', 'ranks', 'months'] as const;
export type ThresholdUnit = (typeof THRESHOLD_UNITS)[number];

export const WARNING_STATUSES = ['raised', 'acknowledged', 'in_work', 'closed'] as const;
export type WarningStatus = (typeof WARNING_STATUSES)[number];
export const OPEN_WARNING_STATUSES = ['raised', 'acknowledged', 'in_work'] as const satisfies readonly WarningStatus[];

/** What happens to a warning: by a user (acknowledge, work, close) or by the rules (the rest). */
export const WARNING_EVENTS = ['raise', 'acknowledge', 'work', 'close', 'cause_gone', 'cause_back', 'rule_off'] as const;
export type WarningEventType = (typeof WARNING_EVENTS)[number];
export const USER_WARNING_ACTIONS = ['acknowledge', 'work', 'close'] as const satisfies readonly WarningEventType[];
export type UserWarningAction = (typeof USER_WARNING_ACTIONS)[number];

/** Why a warning was closed: the first three by the credit manager, the last two by the rules. */
export const CLOSE_REASONS = ['resolved', 'false_alarm', 'risk_accepted', 'cause_cleared', 'rule_disabled'] as const;
export type CloseReason = (typeof CLOSE_REASONS)[number];
export const USER_CLOSE_REASONS = ['resolved', 'false_alarm', 'risk_accepted'] as const satisfies readonly CloseReason[];

/** Why the lifecycle refuses an event. */
export const WARNING_REFUSALS = [
  'warning_not_permitted', // the actor may not do this
  'warning_system_only', // only the rules raise, clear and reopen a warning
  'warning_already_raised', // the warning exists: it is reopened, not raised again
  'warning_not_raised', // no such warning yet
  'warning_wrong_state', // not possible in the warning's state
  'warning_not_acknowledged', // acknowledge it before working or closing it
  'warning_note_required', // working and closing need a note
  'warning_close_reason', // a user closes with one of the user reasons
  'warning_cause_present', // a closed warning reopens only when its cause had gone and came back
] as const;
export type WarningRefusalCode = (typeof WARNING_REFUSALS)[number];

/** The credit-event kinds the credit_event rule watches (the major ones of the evaluations cycle). */
export const WARNED_CREDIT_EVENTS = ['blacklist', 'litigation', 'judgment', 'bad_record'] as const;
export type WarnedCreditEvent = (typeof WARNED_CREDIT_EVENTS)[number];

/** History entries of a warning (its lifecycle events, one per step). */
export const WARNING_HISTORY_KINDS = WARNING_EVENTS;
