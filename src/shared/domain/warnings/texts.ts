// The words of the warning codes in both languages, complete by type, and the sentence a
// warning's evidence reads as ("逾期 95 天，超过信用期限 30 天的 50%（15 天）").
import { formatFen } from '../money';
import type { Lang, Text } from '../scoring/model';
import type { CloseReason, ThresholdUnit, WarnedCreditEvent, WarningEventType, WarningRefusalCode, WarningRule, WarningSeverity, WarningStatus } from './codes';
import type { Evidence } from './rules';

const t = (zh: string, en: string): Text => ({ 'zh-CN': zh, 'en-US': en });

export const WARNING_RULE_TEXTS: Record<WarningRule, Text> = {
  credit_event: t('新增涉诉、不良记录或失信名单', 'New litigation, bad record or blacklist entry'),
  payment_overdue: t('付款逾期超过信用期限的比例', 'Payment overdue beyond a share of the credit term'),
  over_limit: t('应收账款超过信用额度', 'Receivables over the credit limit'),
  near_limit: t('应收账款接近信用额度', 'Receivables near the credit limit'),
  score_below: t('评分低于预警线', 'Score below the warning line'),
  grade_downgrade: t('信用等级下调', 'Grade downgraded'),
  qualification_expiring: t('资质即将到期或已过期', 'Qualification expiring or expired'),
  volume_anomaly: t('月内业务增减异常', 'Monthly business volume anomaly'),
  payment_anomaly: t('回款异常', 'Payment anomaly'),
  dormant: t('客户流失预警（长期无业务）', 'Customer lapsing (no business)'),
};

/** What the threshold of each rule means, for the settings form. */
export const WARNING_THRESHOLD_TEXTS: Record<WarningRule, Text> = {
  credit_event: t('事件发生后多少天内视为新增', 'Days after the event during which it counts as new'),
  payment_overdue: t('逾期天数超过信用期限的百分比', 'Days late beyond this percentage of the credit term'),
  over_limit: t('应收账款超过信用额度的百分比', 'Receivables above this percentage of the limit'),
  near_limit: t('应收账款达到信用额度的百分比', 'Receivables at this percentage of the limit'),
  score_below: t('预警线（百分制分数）', 'Warning line (points out of 100)'),
  grade_downgrade: t('下调的等级数（按等级对照）', 'Grades down (on the crosswalk)'),
  qualification_expiring: t('到期前多少天预警', 'Days before expiry'),
  volume_anomaly: t('与近 12 个月月均相比的增减百分比', 'Change against the monthly average of the last 12 months, in percent'),
  payment_anomaly: t('与近 12 个月月均相比的增减百分比', 'Change against the monthly average of the last 12 months, in percent'),
  dormant: t('连续无业务的月数', 'Months without business'),
};

export const THRESHOLD_UNIT_TEXTS: Record<ThresholdUnit, Text> = {
  days: t('天', 'days'),
  percent: t('%', '%'),
  points: t('分', 'points'),
  ranks: t('级', 'grades'),
  months: t('个月', 'months'),
};

export const WARNING_SEVERITY_TEXTS: Record<WarningSeverity, Text> = {
  severe: t('严重', 'Severe'),
  high: t('较高', 'High'),
  medium: t('中等', 'Medium'),
  low: t('提示', 'Low'),
};

export const WARNING_STATUS_TEXTS: Record<WarningStatus, Text> = {
  raised: t('待确认', 'Raised'),
  acknowledged: t('已确认', 'Acknowledged'),
  in_work: t('处置中', 'Being worked'),
  closed: t('已关闭', 'Closed'),
};

export const WARNING_EVENT_TEXTS: Record<WarningEventType, Text> = {
  raise: t('发出预警', 'Warning raised'),
  acknowledge: t('确认预警', 'Acknowledged'),
  work: t('记录处置', 'Worked'),
  close: t('关闭预警', 'Closed'),
  cause_gone: t('预警原因已消除', 'Cause cleared'),
  cause_back: t('预警原因再次出现，重新预警', 'Cause came back: reopened'),
  rule_off: t('预警规则已停用', 'Rule turned off'),
};

export const CLOSE_REASON_TEXTS: Record<CloseReason, Text> = {
  resolved: t('风险已化解', 'Risk resolved'),
  false_alarm: t('误报', 'False alarm'),
  risk_accepted: t('风险已知悉并接受', 'Risk known and accepted'),
  cause_cleared: t('预警原因已消除', 'Cause cleared'),
  rule_disabled: t('预警规则已停用', 'Rule turned off'),
};

export const WARNING_REFUSAL_TEXTS: Record<WarningRefusalCode, Text> = {
  warning_not_permitted: t('您无权进行此项预警处置', 'You may not do this with the warning'),
  warning_system_only: t('预警只能由预警规则发出、消除或重新发出', 'Only the rules raise, clear or reopen a warning'),
  warning_already_raised: t('该预警已存在', 'This warning exists already'),
  warning_not_raised: t('该预警不存在', 'No such warning'),
  warning_wrong_state: t('预警当前的状态不允许此操作', 'Not possible in the warning’s state'),
  warning_not_acknowledged: t('请先确认该预警', 'Acknowledge the warning first'),
  warning_note_required: t('请填写处置说明', 'Write a note'),
  warning_close_reason: t('请选择关闭原因：风险已化解、误报或风险已知悉并接受', 'Choose a reason: resolved, false alarm or risk accepted'),
  warning_cause_present: t('预警原因仍然存在', 'The cause is still present'),
};

export const WARNED_EVENT_TEXTS: Record<WarnedCreditEvent, Text> = {
  blacklist: t('失信名单', 'Defaulter blacklist'),
  litigation: t('涉诉', 'Litigation'),
  judgment: t('法院判决', 'Court judgment'),
  bad_record: t('不良记录', 'Bad record'),
};

const QUALIFICATION_TEXTS: Record<string, Text> = {
  business_licence: t('营业执照', 'Business licence'),
  tax_registration: t('税务登记证', 'Tax registration'),
  organisation_code: t('组织机构代码证', 'Organisation code'),
  special_permit: t('特殊行业许可证', 'Special-industry permit'),
  iso9000: t('ISO 9000 认证', 'ISO 9000'),
  iso20000: t('ISO 20000 认证', 'ISO 20000'),
  bank_credit_level: t('银行信用等级', 'Bank credit level'),
  tax_credit_level: t('纳税信用等级', 'Tax credit level'),
};

const pct = (n: number | null) => (n === null ? '—' : `${n}%`);

/** The evidence as one sentence: the figure against its threshold, the sales or the event. */
export function evidenceText(e: Evidence, lang: Lang): string {
  const zh = lang === 'zh-CN';
  const money = (fen: number) => formatFen(fen, lang);
  switch (e.rule) {
    case 'credit_event': {
      const kind = WARNED_EVENT_TEXTS[e.kind][lang];
      const amount = e.amountFen !== null ? (zh ? `，涉及金额 ${money(e.amountFen)}` : `, amount ${money(e.amountFen)}`) : '';
      return zh ? `${e.occurredOn} ${kind}：${e.title}${amount}` : `${e.occurredOn} ${kind}: ${e.title}${amount}`;
    }
    case 'payment_overdue': {
      const worst = e.sales[0]!;
      const doc = worst.docNo ?? '';
      return zh
        ? `${e.count} 笔销售逾期超过信用期限 ${e.termDays} 天的 ${e.threshold}%（${e.allowedDays} 天），逾期金额 ${money(e.overdueFen)}；最久一笔 ${doc} 于 ${worst.dueOn} 到期，已逾期 ${worst.daysLate} 天`
        : `${e.count} sale(s) overdue beyond ${e.threshold}% of the ${e.termDays}-day term (${e.allowedDays} days), ${money(e.overdueFen)} overdue; the oldest, ${doc}, was due ${worst.dueOn}, ${worst.daysLate} days ago`;
    }
    case 'over_limit':
    case 'near_limit':
      return zh
        ? `应收账款 ${money(e.receivableFen)}，信用额度 ${money(e.limitFen)}，已用 ${pct(e.usedPercent)}（预警线 ${e.threshold}%）`
        : `Receivables ${money(e.receivableFen)} against a limit of ${money(e.limitFen)}: ${pct(e.usedPercent)} used (line ${e.threshold}%)`;
    case 'score_below':
      return zh ? `最近一次评审得分 ${e.score}（折合 ${e.points} 分），低于预警线 ${e.threshold} 分` : `Last score ${e.score} (${e.points} of 100), below the line of ${e.threshold}`;
    case 'grade_downgrade':
      return zh ? `${e.since} 信用等级由 ${e.from} 调为 ${e.to}（下调 ${e.toRank - e.fromRank} 级）` : `On ${e.since} the grade went from ${e.from} to ${e.to} (${e.toRank - e.fromRank} down)`;
    case 'qualification_expiring': {
      const kind = QUALIFICATION_TEXTS[e.kind]?.[lang] ?? e.kind;
      if (e.expired) return zh ? `${kind} 已于 ${e.validTo} 过期 ${-e.daysLeft} 天` : `${kind} expired on ${e.validTo}, ${-e.daysLeft} days ago`;
      return zh ? `${kind} 将于 ${e.validTo} 到期，还有 ${e.daysLeft} 天（提前 ${e.threshold} 天预警）` : `${kind} expires on ${e.validTo}, in ${e.daysLeft} days (warned ${e.threshold} days ahead)`;
    }
    case 'volume_anomaly':
    case 'payment_anomaly': {
      const what = e.rule === 'volume_anomaly' ? (zh ? '销售额' : 'sales') : zh ? '回款额' : 'payments';
      const sign = e.changePercent > 0 ? '+' : '';
      return zh
        ? `${e.month} ${what} ${money(e.monthFen)}，近 12 个月月均 ${money(e.averageFen)}，变动 ${sign}${e.changePercent}%（预警线 ±${e.threshold}%）`
        : `${e.month} ${what} ${money(e.monthFen)} against a monthly average of ${money(e.averageFen)}: ${sign}${e.changePercent}% (line ±${e.threshold}%)`;
    }
    case 'dormant':
      return zh ? `最后一笔业务在 ${e.lastSaleOn}，已 ${e.months} 个月无业务（预警线 ${e.threshold} 个月）` : `Last business on ${e.lastSaleOn}, ${e.months} months ago (line ${e.threshold} months)`;
  }
}
