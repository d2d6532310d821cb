// The collection letter (催款函) is a template the administrator edits: plain text with
// placeholders such as {{客户名称}}. The product ships DEFAULT_COLLECTION_LETTER; the
// administrator's edits are kept in the archive, every version. Filling it is pure, so the editor can preview a letter and the host can refuse a template
// that names a field that does not exist.

import { formatFen } from '../money';

/** The fields a letter may name, by their placeholder (the Chinese name the administrator types). */
export const LETTER_FIELDS = ['客户名称', '客户编号', '单据号', '合同号', '销售日期', '应付日期', '销售金额', '未付金额', '逾期天数', '发函日期', '公司名称', '经办人'] as const;
export type LetterField = (typeof LETTER_FIELDS)[number];

export type LetterValues = Record<LetterField, string>;

export interface LetterFacts {
  customerName: string;
  customerCode: string;
  docNo: string | null;
  contractNo: string | null;
  occurredOn: string;
  dueOn: string;
  amountFen: number;
  balanceFen: number;
  daysOverdue: number;
  today: string;
  companyName: string;
  clerk: string;
}

/** Money in a letter reads ¥1,234.50 (a letter is Chinese whatever the screen's language). */
const yuan = (fen: number): string => formatFen(fen, 'zh-CN');

export function letterValues(f: LetterFacts): LetterValues {
  return {
    客户名称: f.customerName,
    客户编号: f.customerCode,
    单据号: f.docNo ?? '',
    合同号: f.contractNo ?? '',
    销售日期: f.occurredOn,
    应付日期: f.dueOn,
    销售金额: yuan(f.amountFen),
    未付金额: yuan(f.balanceFen),
    逾期天数: String(f.daysOverdue),
    发函日期: f.today,
    公司名称: f.companyName,
    经办人: f.clerk,
  };
}

const PLACEHOLDER = /\{\{\s*([^{}]+?)\s*\}\}/g;

/** The placeholders of a template that are not fields (an empty list: the template is good). */
export function unknownPlaceholders(template: string): string[] {
  const unknown = new Set<string>();
  for (const m of template.matchAll(PLACEHOLDER)) if (!(LETTER_FIELDS as readonly string[]).includes(m[1]!)) unknown.add(m[1]!);
  return [...unknown];
}

/** The letter's text: every placeholder replaced by its value. */
export function fillLetter(template: string, values: LetterValues): string {
  return template.replace(PLACEHOLDER, (whole, name: string) => ((LETTER_FIELDS as readonly string[]).includes(name) ? values[name as LetterField] : whole));
}

/** The letter the product ships with, until the administrator saves another. */
export const DEFAULT_COLLECTION_LETTER = `催款函

{{客户名称}}（客户编号 {{客户编号}}）：

贵方于 {{销售日期}} 发生的业务（单据号 {{单据号}}，合同号 {{合同号}}），金额 {{销售金额}}，约定付款日期为 {{应付日期}}。截至 {{发函日期}}，尚有 {{未付金额}} 未付，已逾期 {{逾期天数}} 天。

请贵方收到本函后尽快安排付款。如逾期超过十五天，依合同约定，贵方保证金将转为违约金，我方将停止合作。如已付款，请忽略本函并告知我方核对。

此致

{{公司名称}}
经办人：{{经办人}}
{{发函日期}}
`;
