// The values of computed items, from the customer's records (weighted model, seed 000),
// the file's qualifications (new-customer review, seed 003 appendix 1) and financial
// statements (5C model, seed 004). A value the archive cannot give is null; the reviewer
// then enters it and it is marked as entered.
import type { QUALIFICATION_KINDS } from '../customers';
import { onTimeFigures, settleSales, yearsBetween, type CreditToApply, type OnTimeFigures, type SaleToSettle } from '../receivables';
import type { Indicator, ScoringModel } from './model';
import type { ItemValue } from './score';

export type IndicatorValues = Partial<Record<Indicator, number | null>>;

export interface CustomerRecords {
  sales: SaleToSettle[];
  /** Payments and returns. */
  credits: CreditToApply[];
  creditEvents: { kind: 'bad_record' | 'litigation' | 'judgment' | 'blacklist' | 'management_change'; occurredOn: string }[];
  feedback: { kind: 'complaint' | 'satisfaction'; occurredOn: string; score: number | null }[];
  /** The first contract or sale; null: none recorded. */
  cooperationSince: string | null;
}

/** The period a review looks at: from `from` to `asOf` (both days, inclusive). */
export interface ReviewPeriod {
  from: string;
  asOf: string;
}

export interface WeightedIndicators {
  values: IndicatorValues;
  onTime: OnTimeFigures;
}

/**
 * The seed-000 indicators of one customer. Linear in its records after one sort of the
 * sales and one of the credits (the year-end round runs it for every customer).
 */
export function weightedIndicators(records: CustomerRecords, period: ReviewPeriod): WeightedIndicators {
  const { from, asOf } = period;
  const onTime = onTimeFigures(settleSales(records.sales, records.credits, asOf), from, asOf);
  let amount = 0;
  let count = 0;
  let firstSale: string | null = null;
  for (const s of records.sales) {
    if (s.occurredOn > asOf) continue;
    if (firstSale === null || s.occurredOn < firstSale) firstSale = s.occurredOn;
    if (s.occurredOn < from) continue;
    amount += s.amountFen;
    count += 1;
  }
  let bad = 0;
  let litigation = 0;
  for (const e of records.creditEvents) {
    if (e.occurredOn < from || e.occurredOn > asOf) continue;
    if (e.kind === 'litigation') litigation += 1;
    else if (e.kind === 'bad_record' || e.kind === 'blacklist' || e.kind === 'judgment') bad += 1;
  }
  let complaints = 0;
  let surveys = 0;
  let satisfaction = 0;
  for (const f of records.feedback) {
    if (f.occurredOn < from || f.occurredOn > asOf) continue;
    if (f.kind === 'complaint') complaints += 1;
    else if (f.score !== null) {
      surveys += 1;
      satisfaction += f.score;
    }
  }
  const since = records.cooperationSince ?? firstSale;
  return {
    onTime,
    values: {
      on_time_rate: onTime.rateByAmount,
      overdue_count: onTime.late.length,
      transaction_amount: amount,
      bad_record_count: bad,
      litigation_count: litigation,
      cooperation_years: since === null ? null : yearsBetween(since, asOf),
      transaction_frequency: count,
      satisfaction: surveys === 0 ? null : satisfaction / surveys,
      complaint_count: complaints,
    },
  };
}

/** A customer's financial statements for one period (年报 / 季报), money in fen. */
export interface FinancialStatement {
  totalAssetsFen: number;
  totalLiabilitiesFen: number;
  currentAssetsFen: number;
  inventoryFen: number;
  currentLiabilitiesFen: number;
  receivablesFen: number;
  equityFen: number;
  revenueFen: number;
  costOfSalesFen: number;
  netProfitFen: number;
  /** Days the revenue and cost of sales cover (365 for a year). */
  periodDays: number;
  /** Balances at the start of the period: given, the turnover and the return use the average of start and end. */
  openingReceivablesFen?: number | null;
  openingInventoryFen?: number | null;
  openingEquityFen?: number | null;
}

/** The seven ratios of seed 004, in the order of the 5C model. */
export const FINANCIAL_RATIOS = ['debt_ratio', 'current_ratio', 'quick_ratio', 'receivables_turnover_days', 'inventory_turnover_days', 'sales_margin', 'return_on_equity'] as const;
export type FinancialRatio = (typeof FINANCIAL_RATIOS)[number];

/** a × times / b to two decimals (half away from zero); null where the divisor is zero or negative. */
const ratio = (a: number, b: number, times = 1): number | null => {
  if (!(b > 0)) return null;
  const v = (a * times) / b;
  return Math.sign(v) * Math.round(Math.abs(v) * 100 + 1e-9) / 100;
};
const average = (closing: number, opening: number | null | undefined) => (opening === null || opening === undefined ? closing : (closing + opening) / 2);

/**
 * seed 004's ratios, each to two decimals; null where the divisor is zero or negative
 * (the reviewer enters the value):
 * 资产负债率 = 负债总额 / 资产总额 × 100%; 流动比率 = 流动资产 / 流动负债;
 * 速动比率 = (流动资产 − 存货) / 流动负债; 应收账款周转天数 = 期间天数 × 平均应收账款 / 营业收入;
 * 存货周转天数 = 期间天数 × 平均存货 / 营业成本; 销售利润率 = 净利润 / 营业收入 × 100%;
 * 净资产收益率 = 净利润 / 平均净资产 × 100% (平均: start and end of the period when the start is given).
 */
export function financialRatios(s: FinancialStatement): Record<FinancialRatio, number | null> {
  return {
    debt_ratio: ratio(s.totalLiabilitiesFen, s.totalAssetsFen, 100),
    current_ratio: ratio(s.currentAssetsFen, s.currentLiabilitiesFen),
    quick_ratio: ratio(s.currentAssetsFen - s.inventoryFen, s.currentLiabilitiesFen),
    receivables_turnover_days: ratio(average(s.receivablesFen, s.openingReceivablesFen) * s.periodDays, s.revenueFen),
    inventory_turnover_days: ratio(average(s.inventoryFen, s.openingInventoryFen) * s.periodDays, s.costOfSalesFen),
    sales_margin: ratio(s.netProfitFen, s.revenueFen, 100),
    return_on_equity: ratio(s.netProfitFen, average(s.equityFen, s.openingEquityFen), 100),
  };
}

export interface HeldQualification {
  kind: (typeof QUALIFICATION_KINDS)[number];
  validFrom: string | null;
  validTo: string | null;
}

/** 1 for each kind the file holds valid on `asOf`, else 0; the years in business; the bad records on file. */
export function admissionIndicators(qualifications: HeldQualification[], foundedOn: string | null, badRecordCount: number, asOf: string): IndicatorValues {
  const held = new Set(qualifications.filter((q) => (q.validFrom === null || q.validFrom <= asOf) && (q.validTo === null || q.validTo >= asOf)).map((q) => q.kind));
  const flag = (kind: HeldQualification['kind']) => (held.has(kind) ? 1 : 0);
  return {
    qualification_business_licence: flag('business_licence'),
    qualification_tax_registration: flag('tax_registration'),
    qualification_organisation_code: flag('organisation_code'),
    qualification_special_permit: flag('special_permit'),
    qualification_iso9000: flag('iso9000'),
    qualification_iso20000: flag('iso20000'),
    qualification_bank_credit_level: flag('bank_credit_level'),
    qualification_tax_credit_level: flag('tax_credit_level'),
    years_in_business: foundedOn === null ? null : yearsBetween(foundedOn, asOf),
    bad_record_count: badRecordCount,
  };
}

/**
 * The values of a model's computed items: the archive's where it has one, else what the
 * reviewer entered (marked so), else null (the form asks for it).
 */
export function itemValues(model: ScoringModel, archive: IndicatorValues, entered: Record<string, number>): Record<string, ItemValue | null> {
  const values: Record<string, ItemValue | null> = {};
  for (const item of model.items) {
    if (item.kind !== 'computed') continue;
    const fromArchive = archive[item.indicator];
    if (fromArchive !== undefined && fromArchive !== null) values[item.code] = { value: fromArchive, source: 'archive' };
    else if (entered[item.code] !== undefined) values[item.code] = { value: entered[item.code]!, source: 'entered' };
    else values[item.code] = null;
  }
  return values;
}
