// The models that ship with the app (SPEC §2), written from the seeds: 003 appendix 2
// (客户信用评审表), 003 appendix 1 (新增客户信用评审表), 000 (weighted indicators, five
// grades and their measures) and 004 (5C and financial ratios; scales A–C, A–D, AAA–C).
// Where a seed is silent (limits, terms, band edges of the indicators), the figures are
// the company's defaults, editable as a new model version (docs/decisions/0015).
import type { ComputedItem, Crosswalk, GradePolicy, GradeScale, ModelContent, OpinionField, RatedItem, ScoringModel, Text, ValueBand } from './model';

const t = (zh: string, en: string): Text => ({ 'zh-CN': zh, 'en-US': en });
const yuan = (y: number) => y * 100;

function rated(code: string, label: Text, group: string | null, options: [string, number, Text][], weight = 1): RatedItem {
  return { kind: 'rated', code, label, group, weight, options: options.map(([c, points, l]) => ({ code: c, points, label: l })) };
}

function computed(code: ComputedItem['indicator'], label: Text, group: string | null, unit: ComputedItem['unit'], bands: [number | null, number | null, number, Text][], weight = 1): ComputedItem {
  return { kind: 'computed', code, indicator: code, label, group, weight, unit, bands: bands.map(([from, to, points, l]): ValueBand => ({ from, to, points, label: l })) };
}

const opinion = (code: string, label: Text): OpinionField => ({ code, label });

function published(id: string, content: ModelContent): ScoringModel {
  return { ...content, id, version: 1, status: 'published' };
}

// ---------------------------------------------------------------- scales

/** seed 003 appendix 2: 90–100 A, 80–89 B, 60–79 C, below 60 D. */
export const SCALE_REVIEW: GradeScale = {
  code: 'review_abcd',
  label: t('客户信用评审等级（A–D）', 'Periodic review grades (A–D)'),
  grades: [
    { code: 'A', label: t('优秀', 'Excellent'), meaning: t('可增加合作机会', 'More cooperation may be offered') },
    { code: 'B', label: t('良好', 'Good'), meaning: t('一般合作机会', 'Usual cooperation') },
    { code: 'C', label: t('一般', 'Fair'), meaning: t('减少合作机会', 'Reduce cooperation') },
    { code: 'D', label: t('不合格', 'Unacceptable'), meaning: t('谢绝合作', 'Decline cooperation') },
  ],
  bands: [
    { grade: 'A', from: 90, to: 100 },
    { grade: 'B', from: 80, to: 90 },
    { grade: 'C', from: 60, to: 80 },
    { grade: 'D', from: 0, to: 60 },
  ],
};

/** seed 000: ≥90 优秀, 80–89 良好, 60–79 一般, 40–59 较差, <40 差. */
export const SCALE_FIVE_LEVEL: GradeScale = {
  code: 'five_level',
  label: t('用户信用五级', 'Five credit levels'),
  grades: [
    { code: 'excellent', label: t('优秀', 'Excellent'), meaning: t('交易记录良好，无逾期情况，信用状况良好，合作稳定性高，客户反馈优秀', 'Good record, nothing overdue, sound credit, stable cooperation, excellent feedback') },
    { code: 'good', label: t('良好', 'Good'), meaning: t('交易记录较好，逾期次数较少，信用状况较好，合作较稳定，客户反馈较好', 'Fairly good record, few overdue payments, fairly stable cooperation') },
    { code: 'fair', label: t('一般', 'Fair'), meaning: t('交易记录基本正常，有少量逾期情况，信用状况一般', 'Record mostly normal, some overdue payments, average credit') },
    { code: 'poor', label: t('较差', 'Poor'), meaning: t('交易记录存在较多问题，逾期次数较多，信用状况有一定风险', 'Many problems in the record, frequent overdue payments, some credit risk') },
    { code: 'bad', label: t('差', 'Bad'), meaning: t('交易记录严重不良，逾期频繁，信用状况差，合作不稳定', 'Seriously bad record, habitually overdue, poor credit, unstable cooperation') },
  ],
  bands: [
    { grade: 'excellent', from: 90, to: 100 },
    { grade: 'good', from: 80, to: 90 },
    { grade: 'fair', from: 60, to: 80 },
    { grade: 'poor', from: 40, to: 60 },
    { grade: 'bad', from: 0, to: 40 },
  ],
};

/** The admission decision of the new-customer review. */
export const SCALE_ADMISSION: GradeScale = {
  code: 'admission',
  label: t('新客户准入', 'New-customer admission'),
  grades: [
    { code: 'admit', label: t('准入', 'Admit'), meaning: t('按起始信用额度和期限准入', 'Admit with the starting limit and term') },
    { code: 'conditional', label: t('有条件准入', 'Admit on conditions'), meaning: t('须提供担保，按较低起始额度准入', 'Admit with a guarantee and a lower starting limit') },
    { code: 'decline', label: t('不予准入', 'Decline'), meaning: t('不予赊销，仅可现款交易', 'No credit: cash only') },
  ],
  bands: [
    { grade: 'admit', from: 70, to: 100 },
    { grade: 'conditional', from: 50, to: 70 },
    { grade: 'decline', from: 0, to: 50 },
  ],
};

/** seed 004 variant 2: A, B, C. */
export const SCALE_ABC: GradeScale = {
  code: 'abc',
  label: t('信用三级（A–C）', 'Three grades (A–C)'),
  grades: [
    { code: 'A', label: t('A 级', 'Grade A'), meaning: t('信用状况优秀，可给予较高的信用额度和较长的信用期限', 'Excellent credit: a higher limit and a longer term') },
    { code: 'B', label: t('B 级', 'Grade B'), meaning: t('信用状况良好，给予适中的信用额度和信用期限', 'Good credit: a moderate limit and term') },
    { code: 'C', label: t('C 级', 'Grade C'), meaning: t('信用状况一般或存在一定风险，给予较低的信用额度和较短的信用期限，或要求提供担保', 'Average or risky: a lower limit and a shorter term, or a guarantee') },
  ],
  bands: [
    { grade: 'A', from: 80, to: 100 },
    { grade: 'B', from: 60, to: 80 },
    { grade: 'C', from: 0, to: 60 },
  ],
};

/** seed 004 variant 4: A, B, C, D. */
export const SCALE_ABCD: GradeScale = {
  code: 'abcd',
  label: t('信用四级（A–D）', 'Four grades (A–D)'),
  grades: [
    { code: 'A', label: t('A 级', 'Grade A'), meaning: t('信用优秀，偿债能力强，交易风险小', 'Excellent credit, strong solvency, small risk') },
    { code: 'B', label: t('B 级', 'Grade B'), meaning: t('信用良好，偿债能力较强，交易风险较小', 'Good credit, fairly strong solvency, fairly small risk') },
    { code: 'C', label: t('C 级', 'Grade C'), meaning: t('信用一般，偿债能力一般，交易风险较大', 'Average credit and solvency, fairly large risk') },
    { code: 'D', label: t('D 级', 'Grade D'), meaning: t('信用较差，偿债能力差，交易风险大', 'Poor credit, weak solvency, large risk') },
  ],
  bands: [
    { grade: 'A', from: 85, to: 100 },
    { grade: 'B', from: 70, to: 85 },
    { grade: 'C', from: 55, to: 70 },
    { grade: 'D', from: 0, to: 55 },
  ],
};

/** seed 004 variant 5: AAA, AA, A, B, C. */
export const SCALE_AAA: GradeScale = {
  code: 'aaa',
  label: t('信用五级（AAA–C）', 'Five grades (AAA–C)'),
  grades: [
    { code: 'AAA', label: t('AAA 级', 'AAA'), meaning: t('信用极好，偿债能力强，交易风险极低', 'Outstanding credit, strong solvency, very low risk') },
    { code: 'AA', label: t('AA 级', 'AA'), meaning: t('信用优良，偿债能力较强，交易风险低', 'Very good credit, fairly strong solvency, low risk') },
    { code: 'A', label: t('A 级', 'A'), meaning: t('信用较好，偿债能力一般，交易风险可控', 'Good credit, average solvency, controllable risk') },
    { code: 'B', label: t('B 级', 'B'), meaning: t('信用一般，偿债能力较弱，交易风险较高', 'Average credit, weak solvency, high risk') },
    { code: 'C', label: t('C 级', 'C'), meaning: t('信用差，偿债能力差，交易风险高', 'Poor credit and solvency, high risk') },
  ],
  bands: [
    { grade: 'AAA', from: 90, to: 100 },
    { grade: 'AA', from: 80, to: 90 },
    { grade: 'A', from: 70, to: 80 },
    { grade: 'B', from: 60, to: 70 },
    { grade: 'C', from: 0, to: 60 },
  ],
};

export const DEFAULT_SCALES: GradeScale[] = [SCALE_REVIEW, SCALE_FIVE_LEVEL, SCALE_ADMISSION, SCALE_ABC, SCALE_ABCD, SCALE_AAA];

// ---------------------------------------------------------------- policies

const months = (m: number, percent = 100, capFen: number | null = null) => ({ kind: 'monthly_sales' as const, months: m, percent, capFen });
const fixed = (fen: number) => ({ kind: 'fixed' as const, fen });
const none = { kind: 'none' as const };

function policy(limit: GradePolicy['limit'], termDays: number, start: GradePolicy['start'], measures: GradePolicy['measures'], reviewCycleMonths: number): GradePolicy {
  return { limit, termDays, start, measures, reviewCycleMonths };
}

// ---------------------------------------------------------------- (a) 客户信用评审表

const level = (a: string, b: string, c: string, d: string, ae: string, be: string, ce: string, de: string): [string, number, Text][] => [
  ['A', 25, t(a, ae)],
  ['B', 20, t(b, be)],
  ['C', 15, t(c, ce)],
  ['D', 10, t(d, de)],
];

export const PERIODIC_REVIEW_MODEL: ScoringModel = published('periodic_review', {
  kind: 'periodic_review',
  name: t('客户信用评审表', 'Periodic customer credit review'),
  scoreMax: 100,
  groups: {},
  items: [
    rated('contract_execution', t('合同执行', 'Contract execution'), null, level('合同执行顺利', '较少争议', '经常出现争议', '合同执行困难', 'Contracts run smoothly', 'Few disputes', 'Frequent disputes', 'Contracts are hard to execute')),
    rated('payment_speed', t('回款速度', 'Payment speed'), null, level('提前支付', '按照合同支付', '慢于合同约定', '拖延时间不予支付', 'Pays early', 'Pays as the contract says', 'Slower than the contract', 'Delays and withholds payment')),
    rated('cooperation', t('合作情况', 'Cooperation'), null, level('合作期 5 年以上', '合作期 3–5 年', '合作期 1–3 年', '合作期不足 1 年', 'Over 5 years of cooperation', '3–5 years of cooperation', '1–3 years of cooperation', 'Under 1 year of cooperation')),
    rated(
      'coordination',
      t('配合程度', 'Co-operativeness'),
      null,
      level('沟通良好能主动配合我司工作', '可以沟通并能配合我司工作', '可以沟通但经常不配合我司工作', '无法沟通又经常不配合我司工作', 'Communicates well and co-operates actively', 'Can communicate and co-operates', 'Communicates but often does not co-operate', 'Cannot communicate and often does not co-operate'),
    ),
  ],
  scale: SCALE_REVIEW,
  policies: {
    A: policy(months(3), 90, { limit: fixed(yuan(200_000)), termDays: 30 }, ['more_cooperation', 'priority_treatment', 'raise_limit'], 6),
    B: policy(months(2), 60, { limit: fixed(yuan(100_000)), termDays: 30 }, ['usual_cooperation', 'normal_cooperation', 'regular_contact'], 6),
    C: policy(months(1), 30, { limit: fixed(yuan(50_000)), termDays: 15 }, ['less_cooperation', 'close_monitoring', 'risk_notice'], 6),
    D: policy(none, 0, { limit: none, termDays: 0 }, ['decline_cooperation', 'cash_only'], 3),
  },
  header: ['record_no', 'review_date', 'customer_name', 'service_manager', 'account_manager', 'service_type', 'contract_no', 'contract_amount', 'contract_years', 'payment_summary', 'received_total'],
  opinions: [
    opinion('market_department', t('市场部评审意见', 'Market department')),
    opinion('department_manager', t('部门经理评审意见', 'Department manager')),
    opinion('cooperating_department', t('协办部门评审意见', 'Cooperating department')),
    opinion('legal', t('法律事务审批', 'Legal affairs')),
    opinion('general_affairs', t('综合部经理审批', 'General affairs manager')),
    opinion('finance', t('计财部评审意见', 'Planning and finance')),
    opinion('leadership', t('公司领导评审意见', 'Company leadership')),
    opinion('marketing_vp', t('营销中心副总意见', 'Vice president, marketing')),
    opinion('general_manager', t('总经理意见', 'General manager')),
    opinion('remarks', t('备注', 'Remarks')),
  ],
});

// ---------------------------------------------------------------- (b) 新增客户信用评审表

const held = (points: number): [number | null, number | null, number, Text][] => [
  [null, 1, 0, t('无或已过期', 'None or expired')],
  [1, null, points, t('有效', 'Valid')],
];

export const NEW_CUSTOMER_MODEL: ScoringModel = published('new_customer', {
  kind: 'new_customer',
  name: t('新增客户信用评审表', 'New-customer credit review'),
  scoreMax: 100,
  groups: { qualifications: t('资质', 'Qualifications'), risk: t('交易风险特征', 'Transaction risk') },
  items: [
    computed('qualification_business_licence', t('营业执照', 'Business licence'), 'qualifications', 'flag', held(10)),
    computed('qualification_tax_registration', t('税务登记', 'Tax registration'), 'qualifications', 'flag', held(5)),
    computed('qualification_organisation_code', t('组织代码证', 'Organisation code'), 'qualifications', 'flag', held(5)),
    computed('qualification_special_permit', t('特殊行业许可证', 'Special-industry permit'), 'qualifications', 'flag', held(5)),
    computed('qualification_iso9000', t('ISO9000 认证', 'ISO 9000'), 'qualifications', 'flag', held(5)),
    computed('qualification_iso20000', t('ISO20000 认证', 'ISO 20000'), 'qualifications', 'flag', held(5)),
    computed('qualification_bank_credit_level', t('银行信用级别', 'Bank credit level'), 'qualifications', 'flag', held(5)),
    computed('qualification_tax_credit_level', t('纳税信用级别', 'Tax credit level'), 'qualifications', 'flag', held(5)),
    computed('years_in_business', t('经营年限', 'Years in business'), 'risk', 'years', [
      [null, 1, 0, t('不足 1 年', 'Under 1 year')],
      [1, 3, 4, t('1–3 年', '1–3 years')],
      [3, 5, 8, t('3–5 年', '3–5 years')],
      [5, 10, 12, t('5–10 年', '5–10 years')],
      [10, null, 15, t('10 年以上', '10 years or more')],
    ]),
    rated('payment_capability', t('付款能力', 'Payment capability'), 'risk', [
      ['strong', 15, t('强：资金充足，付款有保障', 'Strong: ample funds, payment assured')],
      ['fair', 11, t('较强：资金较充足', 'Fairly strong: adequate funds')],
      ['average', 6, t('一般：资金偶有紧张', 'Average: funds sometimes tight')],
      ['weak', 0, t('弱：资金紧张，付款无保障', 'Weak: funds tight, payment not assured')],
    ]),
    rated('related_business', t('关联业务', 'Related business'), 'risk', [
      ['sound', 10, t('有关联业务且往来良好', 'Related business in good standing')],
      ['none', 7, t('无关联业务', 'No related business')],
      ['risky', 0, t('关联方存在风险', 'A related party carries risk')],
    ]),
    computed('bad_record_count', t('不良记录', 'Bad records'), 'risk', 'count', [
      [null, 1, 15, t('无不良记录', 'No bad record')],
      [1, 2, 5, t('有 1 条不良记录', 'One bad record')],
      [2, null, 0, t('有 2 条及以上不良记录', 'Two or more bad records')],
    ]),
  ],
  scale: SCALE_ADMISSION,
  policies: {
    admit: policy(fixed(yuan(200_000)), 60, { limit: fixed(yuan(100_000)), termDays: 30 }, ['normal_cooperation', 'regular_contact', 'close_monitoring'], 6),
    conditional: policy(fixed(yuan(50_000)), 30, { limit: fixed(yuan(30_000)), termDays: 15 }, ['require_guarantee', 'close_monitoring', 'risk_notice'], 3),
    decline: policy(none, 0, { limit: none, termDays: 0 }, ['decline_cooperation', 'cash_only'], 3),
  },
  header: ['record_no', 'review_date', 'customer_name', 'enterprise_nature', 'registered_capital', 'bank_account', 'legal_representative', 'person_in_charge', 'finance_contact', 'business_contact', 'service_type', 'business_content'],
  opinions: [
    opinion('account_manager', t('客户经理意见', 'Account manager')),
    opinion('service_manager', t('客服经理意见', 'Service manager')),
    opinion('department_manager', t('部门经理审批', 'Department manager')),
    opinion('legal', t('法律事务审批', 'Legal affairs')),
    opinion('general_affairs', t('综合部经理审批', 'General affairs manager')),
    opinion('finance', t('计财部经理审批', 'Planning and finance manager')),
    opinion('marketing_vp', t('营销中心副总审批', 'Vice president, marketing')),
    opinion('general_manager', t('总经理审批', 'General manager')),
  ],
});

// ---------------------------------------------------------------- (c) weighted indicators

export const WEIGHTED_MODEL: ScoringModel = published('weighted_indicators', {
  kind: 'weighted_indicators',
  name: t('用户信用等级评定（加权指标）', 'Weighted credit indicators'),
  scoreMax: 100,
  groups: {
    transactions: t('交易记录', 'Transaction record'),
    credit: t('信用状况', 'Credit status'),
    stability: t('合作稳定性', 'Cooperation stability'),
    feedback: t('客户反馈', 'Customer feedback'),
  },
  items: [
    computed('on_time_rate', t('按时付款率', 'On-time payment rate'), 'transactions', 'percent', [
      [95, null, 100, t('95% 及以上按时付款', '95% or more paid on time')],
      [85, 95, 80, t('85%–95% 按时付款', '85–95% paid on time')],
      [70, 85, 60, t('70%–85% 按时付款', '70–85% paid on time')],
      [50, 70, 30, t('50%–70% 按时付款', '50–70% paid on time')],
      [null, 50, 0, t('按时付款不足 50%', 'Under 50% paid on time')],
    ], 25),
    computed('overdue_count', t('逾期次数', 'Overdue payments'), 'transactions', 'count', [
      [null, 1, 100, t('无逾期', 'Nothing overdue')],
      [1, 3, 70, t('逾期 1–2 次', '1–2 overdue')],
      [3, 6, 40, t('逾期 3–5 次', '3–5 overdue')],
      [6, null, 0, t('逾期 6 次及以上', '6 or more overdue')],
    ], 15),
    computed('transaction_amount', t('交易金额', 'Transaction amount'), 'transactions', 'fen', [
      [yuan(1_000_000), null, 100, t('100 万元及以上', '¥1,000,000 or more')],
      [yuan(200_000), yuan(1_000_000), 80, t('20 万–100 万元', '¥200,000–1,000,000')],
      [yuan(50_000), yuan(200_000), 60, t('5 万–20 万元', '¥50,000–200,000')],
      [null, yuan(50_000), 40, t('不足 5 万元', 'Under ¥50,000')],
    ], 10),
    computed('bad_record_count', t('不良信用记录', 'Bad credit records'), 'credit', 'count', [
      [null, 1, 100, t('无不良记录', 'No bad record')],
      [1, 2, 40, t('有 1 条不良记录', 'One bad record')],
      [2, null, 0, t('有 2 条及以上不良记录', 'Two or more bad records')],
    ], 15),
    computed('litigation_count', t('涉诉情况', 'Litigation'), 'credit', 'count', [
      [null, 1, 100, t('无涉诉', 'No litigation')],
      [1, 2, 40, t('涉诉 1 起', 'One lawsuit')],
      [2, null, 0, t('涉诉 2 起及以上', 'Two or more lawsuits')],
    ], 10),
    computed('cooperation_years', t('合作持续时间', 'Years of cooperation'), 'stability', 'years', [
      [5, null, 100, t('合作 5 年以上', 'Over 5 years')],
      [3, 5, 80, t('合作 3–5 年', '3–5 years')],
      [1, 3, 60, t('合作 1–3 年', '1–3 years')],
      [null, 1, 30, t('合作不足 1 年', 'Under 1 year')],
    ], 10),
    computed('transaction_frequency', t('合作频率', 'Frequency of business'), 'stability', 'count', [
      [24, null, 100, t('期内交易 24 笔及以上', '24 or more sales in the period')],
      [12, 24, 80, t('期内交易 12–23 笔', '12–23 sales in the period')],
      [4, 12, 60, t('期内交易 4–11 笔', '4–11 sales in the period')],
      [null, 4, 30, t('期内交易不足 4 笔', 'Under 4 sales in the period')],
    ], 5),
    computed('satisfaction', t('用户满意度', 'Satisfaction'), 'feedback', 'score', [
      [4.5, null, 100, t('非常满意（4.5 分及以上）', 'Very satisfied (4.5 or more)')],
      [3.5, 4.5, 80, t('满意（3.5–4.5 分）', 'Satisfied (3.5–4.5)')],
      [2.5, 3.5, 60, t('一般（2.5–3.5 分）', 'Neutral (2.5–3.5)')],
      [null, 2.5, 20, t('不满意（低于 2.5 分）', 'Dissatisfied (under 2.5)')],
    ], 5),
    computed('complaint_count', t('投诉情况', 'Complaints'), 'feedback', 'count', [
      [null, 1, 100, t('无投诉', 'No complaint')],
      [1, 2, 70, t('投诉 1 次', 'One complaint')],
      [2, 4, 40, t('投诉 2–3 次', '2–3 complaints')],
      [4, null, 0, t('投诉 4 次及以上', '4 or more complaints')],
    ], 5),
  ],
  scale: SCALE_FIVE_LEVEL,
  policies: {
    excellent: policy(months(3), 90, { limit: fixed(yuan(200_000)), termDays: 30 }, ['priority_treatment', 'raise_limit', 'deepen_cooperation'], 6),
    good: policy(months(2), 60, { limit: fixed(yuan(100_000)), termDays: 30 }, ['normal_cooperation', 'regular_contact'], 6),
    fair: policy(months(1), 30, { limit: fixed(yuan(50_000)), termDays: 15 }, ['close_monitoring', 'risk_notice'], 6),
    poor: policy(months(1, 50), 15, { limit: fixed(yuan(20_000)), termDays: 15 }, ['restrict_volume', 'stronger_collection', 'shorter_review'], 3),
    bad: policy(none, 0, { limit: none, termDays: 0 }, ['suspend_cooperation', 'legal_recovery', 'share_information'], 3),
  },
  header: ['record_no', 'review_date', 'customer_name', 'service_manager', 'account_manager', 'service_type'],
  opinions: [opinion('credit_manager', t('信用管理部门意见', 'Credit management'))],
});

// ---------------------------------------------------------------- (d) 5C and financial ratios

const fiveC = (code: string, label: Text, a: Text, b: Text, c: Text, d: Text): RatedItem =>
  rated(code, label, 'five_c', [
    ['A', 10, a],
    ['B', 7, b],
    ['C', 4, c],
    ['D', 0, d],
  ]);

/** The policies of the 5C model under each of seed 004's scales. */
export const FIVE_C_POLICIES: Record<'aaa' | 'abcd' | 'abc', Record<string, GradePolicy>> = {
  aaa: {
    AAA: policy(months(3), 90, { limit: fixed(yuan(200_000)), termDays: 30 }, ['priority_treatment', 'raise_limit'], 6),
    AA: policy(months(2), 60, { limit: fixed(yuan(100_000)), termDays: 30 }, ['normal_cooperation', 'regular_contact'], 6),
    A: policy(months(1), 45, { limit: fixed(yuan(50_000)), termDays: 30 }, ['normal_cooperation', 'close_monitoring'], 6),
    B: policy(months(1, 50), 30, { limit: fixed(yuan(20_000)), termDays: 15 }, ['close_monitoring', 'risk_notice', 'require_guarantee'], 3),
    C: policy(none, 0, { limit: none, termDays: 0 }, ['cash_only', 'suspend_cooperation'], 3),
  },
  abcd: {
    A: policy(months(3), 90, { limit: fixed(yuan(200_000)), termDays: 30 }, ['priority_treatment', 'raise_limit'], 6),
    B: policy(months(2), 60, { limit: fixed(yuan(100_000)), termDays: 30 }, ['normal_cooperation', 'regular_contact'], 6),
    C: policy(months(1), 30, { limit: fixed(yuan(30_000)), termDays: 15 }, ['close_monitoring', 'risk_notice', 'require_guarantee'], 3),
    D: policy(none, 0, { limit: none, termDays: 0 }, ['cash_only'], 3),
  },
  abc: {
    A: policy(months(3), 90, { limit: fixed(yuan(200_000)), termDays: 30 }, ['priority_treatment', 'raise_limit'], 6),
    B: policy(months(2), 60, { limit: fixed(yuan(100_000)), termDays: 30 }, ['normal_cooperation', 'regular_contact'], 6),
    C: policy(months(1, 50), 15, { limit: fixed(yuan(20_000)), termDays: 15 }, ['close_monitoring', 'require_guarantee'], 3),
  },
};

export const FIVE_C_MODEL: ScoringModel = published('five_c', {
  kind: 'five_c',
  name: t('5C 与财务比率评估', '5C and financial ratios'),
  scoreMax: 100,
  groups: { five_c: t('5C 要素', 'The five Cs'), ratios: t('财务比率', 'Financial ratios') },
  items: [
    fiveC('character', t('品质', 'Character'), t('信誉好，经营理念稳健', 'Good reputation, sound business ethics'), t('信誉较好', 'Fairly good reputation'), t('信誉一般', 'Average reputation'), t('信誉差，有失信行为', 'Poor reputation, broken promises')),
    fiveC('capacity', t('能力', 'Capacity'), t('经营、管理和偿债能力强', 'Strong operations, management and solvency'), t('能力较强', 'Fairly strong'), t('能力一般', 'Average'), t('能力弱', 'Weak')),
    fiveC('capital', t('资本', 'Capital'), t('财务实力雄厚，净资产充足', 'Strong finances, ample net assets'), t('财务实力较强', 'Fairly strong finances'), t('财务实力一般', 'Average finances'), t('财务实力弱', 'Weak finances')),
    fiveC('collateral', t('抵押', 'Collateral'), t('抵押物或担保充足', 'Ample collateral or guarantee'), t('有部分抵押或担保', 'Some collateral or guarantee'), t('抵押或担保不足', 'Insufficient collateral'), t('无抵押无担保', 'No collateral, no guarantee')),
    fiveC('conditions', t('条件', 'Conditions'), t('经济环境和行业前景良好', 'Good economy and industry outlook'), t('环境较好', 'Fairly good conditions'), t('环境一般', 'Average conditions'), t('环境不利', 'Adverse conditions')),
    computed('debt_ratio', t('资产负债率', 'Debt ratio'), 'ratios', 'percent', [
      [null, 40, 8, t('低于 40%', 'Under 40%')],
      [40, 60, 6, t('40%–60%', '40–60%')],
      [60, 70, 4, t('60%–70%', '60–70%')],
      [70, 85, 2, t('70%–85%', '70–85%')],
      [85, null, 0, t('85% 及以上', '85% or more')],
    ]),
    computed('current_ratio', t('流动比率', 'Current ratio'), 'ratios', 'ratio', [
      [2, null, 8, t('2 及以上', '2 or more')],
      [1.5, 2, 6, t('1.5–2', '1.5–2')],
      [1, 1.5, 3, t('1–1.5', '1–1.5')],
      [null, 1, 0, t('低于 1', 'Under 1')],
    ]),
    computed('quick_ratio', t('速动比率', 'Quick ratio'), 'ratios', 'ratio', [
      [1, null, 6, t('1 及以上', '1 or more')],
      [0.8, 1, 4, t('0.8–1', '0.8–1')],
      [0.5, 0.8, 2, t('0.5–0.8', '0.5–0.8')],
      [null, 0.5, 0, t('低于 0.5', 'Under 0.5')],
    ]),
    computed('receivables_turnover_days', t('应收账款周转天数', 'Receivables turnover days'), 'ratios', 'days', [
      [null, 45, 8, t('少于 45 天', 'Under 45 days')],
      [45, 90, 6, t('45–90 天', '45–90 days')],
      [90, 180, 3, t('90–180 天', '90–180 days')],
      [180, null, 0, t('180 天及以上', '180 days or more')],
    ]),
    computed('inventory_turnover_days', t('存货周转天数', 'Inventory turnover days'), 'ratios', 'days', [
      [null, 60, 6, t('少于 60 天', 'Under 60 days')],
      [60, 120, 4, t('60–120 天', '60–120 days')],
      [120, 240, 2, t('120–240 天', '120–240 days')],
      [240, null, 0, t('240 天及以上', '240 days or more')],
    ]),
    computed('sales_margin', t('销售利润率', 'Sales margin'), 'ratios', 'percent', [
      [10, null, 7, t('10% 及以上', '10% or more')],
      [5, 10, 5, t('5%–10%', '5–10%')],
      [0, 5, 2, t('0–5%', '0–5%')],
      [null, 0, 0, t('亏损', 'Loss')],
    ]),
    computed('return_on_equity', t('净资产收益率', 'Return on equity'), 'ratios', 'percent', [
      [15, null, 7, t('15% 及以上', '15% or more')],
      [8, 15, 5, t('8%–15%', '8–15%')],
      [0, 8, 2, t('0–8%', '0–8%')],
      [null, 0, 0, t('为负', 'Negative')],
    ]),
  ],
  scale: SCALE_AAA,
  policies: FIVE_C_POLICIES.aaa,
  header: ['record_no', 'review_date', 'customer_name', 'enterprise_nature', 'registered_capital', 'account_manager'],
  opinions: [opinion('finance', t('财务部门意见', 'Finance')), opinion('risk', t('风险管理部门意见', 'Risk management'))],
});

/** The alternative scales of seed 004 for the 5C model, each with its policies. */
export const FIVE_C_SCALES: Record<'aaa' | 'abcd' | 'abc', GradeScale> = { aaa: SCALE_AAA, abcd: SCALE_ABCD, abc: SCALE_ABC };

export const DEFAULT_MODELS: ScoringModel[] = [PERIODIC_REVIEW_MODEL, NEW_CUSTOMER_MODEL, WEIGHTED_MODEL, FIVE_C_MODEL];

/** Every grade of the default scales on seed 000's five levels. */
export const DEFAULT_CROSSWALK: Crosswalk = {
  version: 1,
  ranks: [t('优秀', 'Excellent'), t('良好', 'Good'), t('一般', 'Fair'), t('较差', 'Poor'), t('差', 'Bad')],
  entries: [
    ...(['excellent', 'good', 'fair', 'poor', 'bad'] as const).map((grade, i) => ({ scale: 'five_level', grade, rank: i + 1 })),
    { scale: 'review_abcd', grade: 'A', rank: 1 },
    { scale: 'review_abcd', grade: 'B', rank: 2 },
    { scale: 'review_abcd', grade: 'C', rank: 3 },
    { scale: 'review_abcd', grade: 'D', rank: 5 },
    { scale: 'admission', grade: 'admit', rank: 2 },
    { scale: 'admission', grade: 'conditional', rank: 4 },
    { scale: 'admission', grade: 'decline', rank: 5 },
    { scale: 'abc', grade: 'A', rank: 1 },
    { scale: 'abc', grade: 'B', rank: 2 },
    { scale: 'abc', grade: 'C', rank: 4 },
    { scale: 'abcd', grade: 'A', rank: 1 },
    { scale: 'abcd', grade: 'B', rank: 2 },
    { scale: 'abcd', grade: 'C', rank: 3 },
    { scale: 'abcd', grade: 'D', rank: 4 },
    ...(['AAA', 'AA', 'A', 'B', 'C'] as const).map((grade, i) => ({ scale: 'aaa', grade, rank: i + 1 })),
  ],
};
