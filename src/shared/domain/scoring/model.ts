// Scoring models as data (SPEC §2). A model is versioned and never changes once
// published: an evaluation keeps the model version it used, and an edit makes a new one.

/** A label in both languages. Models are data, so their wording travels with them. */
export interface Text {
  'zh-CN': string;
  'en-US': string;
}
export type Lang = keyof Text;
export const LANGS = ['zh-CN', 'en-US'] as const satisfies readonly Lang[];

export const MODEL_KINDS = ['periodic_review', 'new_customer', 'weighted_indicators', 'five_c'] as const;
export type ModelKind = (typeof MODEL_KINDS)[number];

export const MODEL_STATUSES = ['draft', 'published'] as const;
export type ModelStatus = (typeof MODEL_STATUSES)[number];

/**
 * What an item computed from the archive is computed from. `qualification_*` is 1 when
 * the file holds a valid qualification of that kind on the day of the review, else 0.
 */
export const INDICATORS = [
  'on_time_rate', // 按时付款率 (by amount, %)
  'overdue_count', // 逾期次数
  'transaction_amount', // 交易金额 (fen, in the period)
  'bad_record_count', // 不良记录
  'litigation_count', // 涉诉
  'cooperation_years', // 合作年限
  'transaction_frequency', // 合作频率 (sales in the period)
  'satisfaction', // 满意度 (average survey score 1–5)
  'complaint_count', // 投诉
  'years_in_business', // 经营年限
  'qualification_business_licence',
  'qualification_tax_registration',
  'qualification_organisation_code',
  'qualification_special_permit',
  'qualification_iso9000',
  'qualification_iso20000',
  'qualification_bank_credit_level',
  'qualification_tax_credit_level',
  'debt_ratio', // 资产负债率 (%)
  'current_ratio', // 流动比率
  'quick_ratio', // 速动比率
  'receivables_turnover_days', // 应收账款周转天数
  'inventory_turnover_days', // 存货周转天数
  'sales_margin', // 销售利润率 (%)
  'return_on_equity', // 净资产收益率 (%)
] as const;
export type Indicator = (typeof INDICATORS)[number];

/** The measures of a grade (seed 000 用户信用管理措施; seed 003 合作机会; seed 004 现款/担保). */
export const MEASURES = [
  'priority_treatment', // 优先待遇
  'raise_limit', // 增加信用额度
  'deepen_cooperation', // 合作拓展
  'normal_cooperation', // 正常业务合作
  'regular_contact', // 定期沟通
  'close_monitoring', // 适度监控
  'risk_notice', // 风险提示
  'restrict_volume', // 限制交易
  'stronger_collection', // 加强催收
  'shorter_review', // 定期评估（缩短评估周期）
  'suspend_cooperation', // 暂停合作
  'legal_recovery', // 法律追讨
  'share_information', // 信息共享
  'more_cooperation', // 增加合作机会
  'usual_cooperation', // 一般合作机会
  'less_cooperation', // 减少合作机会
  'decline_cooperation', // 谢绝合作
  'cash_only', // 现款交易
  'require_guarantee', // 要求提供担保
] as const;
export type Measure = (typeof MEASURES)[number];

/** The header of a paper form (seed 003), filled from the file. */
export const HEADER_FIELDS = [
  'record_no', // 记录编号
  'review_date', // 评审日期
  'customer_name', // 客户名称
  'enterprise_nature', // 企业性质
  'registered_capital', // 注册资金
  'bank_account', // 开户银行 / 帐号
  'legal_representative', // 法人代表
  'person_in_charge', // 负责人
  'finance_contact', // 财务联系人 / 电话
  'business_contact', // 业务联系人 / 电话
  'service_manager', // 客服经理
  'account_manager', // 客户经理
  'service_type', // 服务类型
  'business_content', // 业务内容
  'contract_no', // 合同号
  'contract_amount', // 合同金额
  'contract_years', // 合同年限
  'payment_summary', // 付款基本情况
  'received_total', // 累计已收款额
] as const;
export type HeaderField = (typeof HEADER_FIELDS)[number];

export interface RatingOption {
  code: string;
  points: number;
  /** The seed's wording of the level, e.g. 慢于合同约定. */
  label: Text;
}

export interface ValueBand {
  /** Inclusive lower bound; null: no lower bound. */
  from: number | null;
  /** Exclusive upper bound; null: no upper bound. */
  to: number | null;
  points: number;
  label: Text;
}

interface ItemBase {
  code: string;
  label: Text;
  /** A whole number ≥ 1: how much the item counts beside the others. */
  weight: number;
  /** The group the item belongs to on the form (交易记录, 信用状况 …); null: none. */
  group: string | null;
}

/** Rated by each reviewer: options best first. */
export interface RatedItem extends ItemBase {
  kind: 'rated';
  options: RatingOption[];
}

/** Computed from the archive, or entered by the reviewer (and marked so) where the data is missing. */
export interface ComputedItem extends ItemBase {
  kind: 'computed';
  indicator: Indicator;
  /** How the value is shown: percent, count, fen, years, ratio, days, score, flag. */
  unit: 'percent' | 'count' | 'fen' | 'years' | 'ratio' | 'days' | 'score' | 'flag';
  bands: ValueBand[];
}

export type ScoringItem = RatedItem | ComputedItem;

export interface Grade {
  code: string;
  label: Text;
  /** What the grade means for cooperation (增加合作机会 …). */
  meaning: Text;
}

/** A score band [from, to) on the exact score; the band ending at the scale's top includes it. */
export interface GradeBand {
  grade: string;
  from: number;
  to: number;
}

export interface GradeScale {
  code: string;
  label: Text;
  /** Best first. */
  grades: Grade[];
  bands: GradeBand[];
}

export type CreditLimitRule =
  | { kind: 'none' } // 不给予信用额度, 现款交易
  | { kind: 'fixed'; fen: number }
  /** percent % of the average monthly sales × months, at most capFen (null: no cap). */
  | { kind: 'monthly_sales'; months: number; percent: number; capFen: number | null };

export interface GradePolicy {
  limit: CreditLimitRule;
  /** 信用期限 */
  termDays: number;
  /** A new customer's starting (lower) limit and term. */
  start: { limit: CreditLimitRule; termDays: number };
  measures: Measure[];
  /** Months until the next review: 6 by default, 12 at most, shorter for poor grades. */
  reviewCycleMonths: number;
}

export interface OpinionField {
  code: string;
  label: Text;
}

export interface ModelContent {
  kind: ModelKind;
  name: Text;
  /** The top of the score (100). */
  scoreMax: number;
  items: ScoringItem[];
  /** Group labels by code (交易记录 …). */
  groups: Record<string, Text>;
  scale: GradeScale;
  policies: Record<string, GradePolicy>;
  header: HeaderField[];
  opinions: OpinionField[];
}

export interface ScoringModel extends ModelContent {
  /** Stable across versions, e.g. 'periodic_review'. */
  id: string;
  version: number;
  status: ModelStatus;
}

/** Places every grade of every scale on one common order: rank 1 is the best. */
export interface Crosswalk {
  version: number;
  /** The label of each common rank, best first: ranks run 1..ranks.length. */
  ranks: Text[];
  entries: { scale: string; grade: string; rank: number }[];
}

export const REVIEW_CYCLE_DEFAULT_MONTHS = 6;
export const REVIEW_CYCLE_MAX_MONTHS = 12;

export function itemMax(item: ScoringItem): number {
  let max = 0;
  if (item.kind === 'rated') for (const o of item.options) max = Math.max(max, o.points);
  else for (const b of item.bands) max = Math.max(max, b.points);
  return max;
}
