// The words of the scoring codes in both languages, and the sentences an explanation
// reads as. Item, option, band and grade labels are in the model data itself.
import { pointsText, type NextGrade, type PointsLoss } from './explain';
import type { HeaderField, Lang, Measure, Text } from './model';
import type { PreviewOutcome, ScoringRefusalCode } from './score';
import type { CrosswalkProblemCode, ModelProblemCode } from './validate';

const t = (zh: string, en: string): Text => ({ 'zh-CN': zh, 'en-US': en });

export const MEASURE_TEXTS: Record<Measure, Text> = {
  priority_treatment: t('优先待遇：在产品供应、价格优惠、服务支持等方面给予优先考虑', 'Priority treatment in supply, pricing and service support'),
  raise_limit: t('根据业务发展情况，适当提高信用额度', 'Raise the credit limit as the business grows'),
  deepen_cooperation: t('积极寻求深度合作机会，共同开拓市场', 'Seek deeper cooperation and develop the market together'),
  normal_cooperation: t('按照公司标准流程开展正常业务往来', 'Normal business under the standard procedures'),
  regular_contact: t('保持定期沟通，了解其需求和意见', 'Keep in regular contact to learn their needs and views'),
  close_monitoring: t('加强对交易行为的监控，关注信用状况变化', 'Monitor transactions more closely and watch the credit standing'),
  risk_notice: t('发现潜在风险时及时发出风险提示', 'Send a risk notice as soon as a potential risk appears'),
  restrict_volume: t('限制交易额度和交易频率', 'Restrict the transaction volume and frequency'),
  stronger_collection: t('加大对逾期款项的催收力度', 'Step up the collection of overdue amounts'),
  shorter_review: t('缩短信用评估周期，及时调整管理措施', 'Review the credit more often and adjust the measures promptly'),
  suspend_cooperation: t('暂停业务合作，直至信用状况改善', 'Suspend cooperation until the credit standing improves'),
  legal_recovery: t('对恶意拖欠款项者通过法律手段追讨欠款', 'Recover debts by legal means from wilful defaulters'),
  share_information: t('在公司内部及相关行业适当共享信用信息', 'Share the credit information within the company and the trade'),
  more_cooperation: t('可增加合作机会', 'More cooperation may be offered'),
  usual_cooperation: t('一般合作机会', 'Usual cooperation'),
  less_cooperation: t('减少合作机会', 'Reduce cooperation'),
  decline_cooperation: t('谢绝合作', 'Decline cooperation'),
  cash_only: t('原则上不给予信用额度，采用现款交易', 'No credit in principle: cash on delivery'),
  require_guarantee: t('要求提供担保措施', 'Require a guarantee'),
};

export const HEADER_FIELD_TEXTS: Record<HeaderField, Text> = {
  record_no: t('记录编号', 'Record no.'),
  review_date: t('评审日期', 'Review date'),
  customer_name: t('客户名称', 'Customer'),
  enterprise_nature: t('企业性质', 'Nature of the enterprise'),
  registered_capital: t('注册资金', 'Registered capital'),
  bank_account: t('开户银行 / 帐号', 'Bank / account'),
  legal_representative: t('法人代表', 'Legal representative'),
  person_in_charge: t('负责人', 'Person in charge'),
  finance_contact: t('财务联系人 / 电话', 'Finance contact / phone'),
  business_contact: t('业务联系人 / 电话', 'Business contact / phone'),
  service_manager: t('客服经理', 'Service manager'),
  account_manager: t('客户经理', 'Account manager'),
  service_type: t('服务类型', 'Service type'),
  business_content: t('业务内容', 'Business'),
  contract_no: t('合同号', 'Contract no.'),
  contract_amount: t('合同金额', 'Contract amount'),
  contract_years: t('合同年限', 'Contract term (years)'),
  payment_summary: t('付款基本情况', 'Payment record'),
  received_total: t('累计已收款额', 'Received to date'),
};

export const MODEL_PROBLEM_TEXTS: Record<ModelProblemCode, Text> = {
  score_max_invalid: t('满分须为正整数', 'The top score must be a positive whole number'),
  no_items: t('模型至少要有一个评分项目', 'A model needs at least one item'),
  duplicate_item: t('评分项目代码重复', 'Two items have the same code'),
  weight_invalid: t('权重须为不小于 1 的整数', 'A weight must be a whole number of at least 1'),
  unknown_group: t('评分项目所属的分组不存在', 'The item belongs to a group that does not exist'),
  label_missing: t('名称须同时填写中文和英文', 'A label needs both its Chinese and its English text'),
  no_options: t('评分项目至少要有一个等级', 'A rated item needs at least one option'),
  duplicate_option: t('等级代码重复', 'Two options have the same code'),
  points_invalid: t('分值须为不小于 0 的整数', 'Points must be a whole number of at least 0'),
  options_not_best_first: t('等级须从高分到低分排列', 'Options must go from the most points to the fewest'),
  item_max_zero: t('评分项目的最高分不能为 0', 'An item cannot have 0 as its most points'),
  no_value_bands: t('计算项目至少要有一个取值区间', 'A computed item needs at least one value band'),
  value_bands_overlap: t('取值区间有重叠', 'Value bands overlap'),
  value_bands_gap: t('取值区间之间有空缺', 'There is a gap between value bands'),
  value_bands_open_ended: t('取值区间须覆盖全部数值（最低区间无下限，最高区间无上限）', 'Value bands must cover every value (the lowest without a lower bound, the highest without an upper one)'),
  no_grades: t('等级表至少要有一个等级', 'A scale needs at least one grade'),
  duplicate_grade: t('等级重复', 'A grade appears twice'),
  grade_without_band: t('等级没有分数区间', 'A grade has no score band'),
  band_of_unknown_grade: t('分数区间属于不存在的等级', 'A score band belongs to a grade that does not exist'),
  grade_band_bound_invalid: t('分数区间的上下限须为整数且下限小于上限', 'A score band needs whole-number bounds, the lower below the upper'),
  grade_bands_overlap: t('分数区间有重叠', 'Score bands overlap'),
  grade_bands_gap: t('分数区间之间有空缺', 'There is a gap between score bands'),
  grade_bands_not_covering: t('分数区间须从 0 分覆盖到满分', 'Score bands must cover 0 to the top score'),
  grade_bands_out_of_order: t('较好的等级须对应较高的分数区间', 'A better grade must have a higher score band'),
  policy_missing: t('等级缺少信用政策', 'A grade has no credit policy'),
  policy_of_unknown_grade: t('信用政策属于不存在的等级', 'A credit policy belongs to a grade that does not exist'),
  limit_invalid: t('信用额度规则无效', 'The credit limit rule is not valid'),
  term_invalid: t('信用期限须为 0 至 365 天', 'The credit term must be 0 to 365 days'),
  start_above_regular: t('新客户的起始额度或期限不能高于正常额度或期限', "A new customer's starting limit or term cannot exceed the regular one"),
  unknown_measure: t('管理措施不存在', 'Unknown measure'),
  review_cycle_invalid: t('评审周期须为 1 至 12 个月', 'The review cycle must be 1 to 12 months'),
  review_cycle_longer_for_worse_grade: t('较差等级的评审周期不能长于较好等级', 'A worse grade cannot have a longer review cycle than a better one'),
};

export const CROSSWALK_PROBLEM_TEXTS: Record<CrosswalkProblemCode, Text> = {
  rank_invalid: t('统一序位须为 1 至序位总数的整数', 'A common rank must be a whole number from 1 to the number of ranks'),
  grade_missing: t('有等级未放入对照表', 'A grade is missing from the crosswalk'),
  grade_unknown: t('对照表中的等级不存在', 'The crosswalk names a grade that does not exist'),
  grade_repeated: t('等级在对照表中出现两次', 'A grade appears twice in the crosswalk'),
  order_contradicts_scale: t('对照表的顺序与等级表本身的顺序相反', "The crosswalk contradicts the scale's own order"),
};

export const SCORING_REFUSAL_TEXTS: Record<ScoringRefusalCode, Text> = {
  no_reviewer: t('至少需要一位评审人的评分表', "At least one reviewer's sheet is needed"),
  duplicate_reviewer: t('同一评审人只能填写一张评分表', 'A reviewer fills one sheet only'),
  not_rated: t('评分表中有项目未评', 'An item on a sheet is not rated'),
  unknown_option: t('所选等级不属于该项目', 'The option chosen is not one of the item'),
  value_missing: t('档案中没有该项数据，请由评审人录入', 'The archive has no value for this item: the reviewer enters it'),
  value_invalid: t('录入的数值无效', 'The value entered is not a number'),
  no_band_for_value: t('该数值不在任何取值区间内', 'The value falls in no band'),
  no_grade_for_score: t('该分数不在任何等级区间内', 'The score falls in no grade band'),
};

const reasonJoin: Text = t('：', ': ');

/** "回款速度 15/25：慢于合同约定" */
export function lossText(loss: PointsLoss, lang: Lang): string {
  return `${loss.label[lang]} ${pointsText(loss.points)}/${loss.max}${reasonJoin[lang]}${loss.reason[lang]}`;
}

/** "距 A 级优秀还差 +1.5 分" */
export function nextGradeText(next: NextGrade, lang: Lang): string {
  return lang === 'zh-CN' ? `距 ${next.grade.code} 级${next.grade.label['zh-CN']}还差 +${next.neededText} 分` : `To reach ${next.grade.code} (${next.grade.label['en-US']}): +${next.neededText} points`;
}

/** "原 78.0 B → 新 71.0 C" */
export function previewText(preview: Extract<PreviewOutcome, { ok: true }>, lang: Lang): string {
  const [was, now] = lang === 'zh-CN' ? ['原', '新'] : ['old', 'new'];
  return `${was} v${preview.old.modelVersion} ${preview.old.scoreText} ${preview.old.grade.code} → ${now} v${preview.new.modelVersion} ${preview.new.scoreText} ${preview.new.grade.code}`;
}

export const SOURCE_TEXTS: Record<'archive' | 'entered', Text> = {
  archive: t('取自档案', 'From the archive'),
  entered: t('评审人录入', 'Entered by the reviewer'),
};

export const SETTLE_TEXT: Text = t('评审人意见相差超过一个等级，请信用经理裁定并记录说明', 'Reviewers differ by more than one level: the credit manager settles it with a note');
