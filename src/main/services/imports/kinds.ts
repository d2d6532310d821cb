import type { ImportKind } from '../../../shared/domain/customers';
import {
  CONFIDENTIALITY_LEVELS,
  CONTRACT_STATUSES,
  CUSTOMER_KINDS,
  ENTERPRISE_NATURES,
  SERVICE_TYPES,
  TRANSACTION_KINDS,
} from '../../../shared/domain/customers';
import { creditCodeCheckCharacter } from '../../../shared/domain/identifiers';
import { labelKey, labelTable } from './values';

// What each kind of import file holds: its columns, defined once. The templates, the
// preview and the run all read these. Headers are matched after folding (labelKey), in
// Chinese as the templates have them or by an English alias.

export interface ImportColumn {
  /** The field the checker reads. */
  key: string;
  /** 表头 as the template has it. */
  header: string;
  /** Other spellings finance systems use, English included. */
  aliases: readonly string[];
  /** A row without a value here is refused. (Some columns are required only with others: see the checker.) */
  required: boolean;
  /** The template's example value. */
  example: string;
  /** Column width in the XLSX template (characters). */
  width: number;
}

function column(key: string, header: string, example: string, options: { aliases?: string[]; required?: boolean; width?: number } = {}): ImportColumn {
  return {
    key,
    header,
    aliases: [key, ...(options.aliases ?? [])],
    required: options.required ?? false,
    example,
    width: options.width ?? Math.max(10, Math.min(40, Math.max(shownWidth(header), shownWidth(example)) + 2)),
  };
}

/** How wide a text shows in a spreadsheet: Chinese characters take two columns. */
function shownWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += ch.charCodeAt(0) > 0x2e7f ? 2 : 1;
  return width;
}

/** The example customer of every template: a valid credit code, so the templates import as they are. */
const EXAMPLE_CODE_BODY = '91330100MA2B3C4D5';
export const EXAMPLE_CREDIT_CODE = EXAMPLE_CODE_BODY + creditCodeCheckCharacter(EXAMPLE_CODE_BODY);
const EXAMPLE_CUSTOMER = '杭州恒达精密机械有限公司';
const EXAMPLE_CONTRACT = 'YW-2026-0001';

const customerRef = column('creditCode', '统一社会信用代码', EXAMPLE_CREDIT_CODE, {
  aliases: ['信用代码', '社会信用代码', '客户代码', 'creditcode', 'uscc', 'unifiedsocialcreditcode', 'credit_code'],
  required: true,
  width: 24,
});

export const IMPORT_COLUMNS: Record<ImportKind, readonly ImportColumn[]> = {
  customers: [
    column('name', '客户名称', EXAMPLE_CUSTOMER, { aliases: ['名称', '客户', '单位名称', '企业名称', 'customername', 'customer'], required: true, width: 30 }),
    column('kind', '客户类型', '企业', { aliases: ['类型', 'customertype', 'type'] }),
    { ...customerRef, required: false },
    column('idNumber', '身份证号', '', { aliases: ['身份证号码', '公民身份号码', 'idnumber', 'id_number', 'idcard'], width: 22 }),
    column('enterpriseNature', '企业性质', '民营企业', { aliases: ['enterprisenature', 'nature', 'ownership'] }),
    column('registeredCapital', '注册资本(元)', '5,000,000.00', { aliases: ['注册资本', 'registeredcapital', 'registered_capital', 'registeredcapital(yuan)'] }),
    column('legalRepresentative', '法定代表人', '陈志明', { aliases: ['法人代表', '法人', 'legalrepresentative'] }),
    column('personInCharge', '负责人', '刘芳', { aliases: ['personincharge', 'manager'] }),
    column('address', '地址', '浙江省杭州市西湖区文三路 90 号', { aliases: ['注册地址', '经营地址', 'address'], width: 36 }),
    column('bankName', '开户银行', '中国工商银行杭州西湖支行', { aliases: ['开户行', 'bank', 'bankname'], width: 26 }),
    column('bankAccount', '银行账号', '1202021109900012345', { aliases: ['账号', '银行帐号', 'bankaccount', 'account'], width: 24 }),
    column('industry', '所属行业', '机械制造', { aliases: ['行业', 'industry'] }),
    column('serviceType', '服务类型', '销售类', { aliases: ['servicetype'] }),
    column('cooperationStart', '合作开始日期', '2021-03-15', { aliases: ['合作开始时间', '合作日期', 'cooperationstart', 'since'] }),
    column('department', '所属部门', '业务部门', { aliases: ['部门', 'department'] }),
    column('confidentiality', '密级', '普通', { aliases: ['confidentiality', 'classification'] }),
    column('financeContact', '财务联系人', '王丽', { aliases: ['financecontact'] }),
    column('financePhone', '财务联系电话', '0571-88886666', { aliases: ['财务电话', 'financephone'], width: 16 }),
    column('businessContact', '业务联系人', '赵强', { aliases: ['联系人', 'businesscontact', 'contact'] }),
    column('businessPhone', '业务联系电话', '13800138000', { aliases: ['业务电话', '联系电话', 'businessphone', 'phone'], width: 16 }),
    column('email', '电子邮箱', 'finance@hengda.example.cn', { aliases: ['邮箱', '电子邮件', 'email', 'e-mail', 'mail'], width: 28 }),
  ],
  contracts: [
    column('contractNo', '合同编号', EXAMPLE_CONTRACT, { aliases: ['合同号', 'contractno', 'contractnumber', 'contract_no'], required: true, width: 18 }),
    { ...customerRef, required: false },
    column('customerName', '客户名称', EXAMPLE_CUSTOMER, { aliases: ['客户', 'customername', 'customer'], width: 30 }),
    column('title', '合同名称', '数控机床年度采购合同', { aliases: ['合同标题', 'title', 'contracttitle', 'contractname'], required: true, width: 30 }),
    column('amount', '合同金额(元)', '1,250,000.00', { aliases: ['合同金额', '金额', 'amount', 'contractamount'], required: true, width: 16 }),
    column('signedOn', '签订日期', '2026-01-15', { aliases: ['签约日期', 'signedon', 'signed', 'signdate'], required: true }),
    column('startOn', '开始日期', '2026-02-01', { aliases: ['起始日期', 'starton', 'start', 'startdate'] }),
    column('endOn', '结束日期', '2026-12-31', { aliases: ['终止日期', '截止日期', 'endon', 'end', 'enddate'] }),
    column('status', '状态', '执行中', { aliases: ['合同状态', 'status'] }),
    column('department', '所属部门', '业务部门', { aliases: ['部门', 'department'] }),
  ],
  transactions: [
    customerRef,
    column('docNo', '单据号', 'XS-20260301-0001', { aliases: ['单据编号', '发票号', 'docno', 'documentno', 'doc_no', 'invoiceno'], width: 20 }),
    column('kind', '类型', '销售', { aliases: ['交易类型', '业务类型', 'kind', 'type'], required: true }),
    column('amount', '金额(元)', '86,500.00', { aliases: ['金额', '交易金额', 'amount'], required: true, width: 14 }),
    column('occurredOn', '发生日期', '2026-03-01', { aliases: ['交易日期', '日期', 'occurredon', 'date'], required: true }),
    column('dueOn', '到期日期', '2026-04-30', { aliases: ['应收日期', '应付日期', 'dueon', 'duedate', 'due'] }),
    column('contractNo', '合同编号', EXAMPLE_CONTRACT, { aliases: ['合同号', 'contractno', 'contract_no'], width: 18 }),
  ],
  payments: [
    customerRef,
    column('amount', '金额(元)', '50,000.00', { aliases: ['金额', '付款金额', '回款金额', 'amount'], required: true, width: 14 }),
    column('paidOn', '付款日期', '2026-04-20', { aliases: ['回款日期', '收款日期', '日期', 'paidon', 'date'], required: true }),
    column('ref', '凭证号', 'SK-20260420-0007', { aliases: ['凭证编号', '收款凭证号', 'ref', 'reference', 'voucherno'], width: 20 }),
    column('contractNo', '合同编号', EXAMPLE_CONTRACT, { aliases: ['合同号', 'contractno', 'contract_no'], width: 18 }),
  ],
};

/** What a header names, per kind: folded header or alias -> column. */
const HEADER_LOOKUP: Record<ImportKind, Map<string, ImportColumn>> = Object.fromEntries(
  (Object.keys(IMPORT_COLUMNS) as ImportKind[]).map((kind) => {
    const lookup = new Map<string, ImportColumn>();
    for (const col of IMPORT_COLUMNS[kind]) {
      for (const spelling of [col.header, ...col.aliases]) {
        const key = labelKey(spelling);
        if (!lookup.has(key)) lookup.set(key, col);
      }
    }
    return [kind, lookup];
  }),
) as Record<ImportKind, Map<string, ImportColumn>>;

export function columnNamed(kind: ImportKind, header: string): ImportColumn | undefined {
  return HEADER_LOOKUP[kind].get(labelKey(header));
}

// Labels of the coded lists, as people write them in a spreadsheet.
export const CUSTOMER_KIND_LABELS = labelTable<(typeof CUSTOMER_KINDS)[number]>({
  enterprise: ['企业', '单位', '公司', '法人', 'company'],
  individual: ['个人', '自然人', 'person'],
});
export const ENTERPRISE_NATURE_LABELS = labelTable<(typeof ENTERPRISE_NATURES)[number]>({
  state_owned: ['国有企业', '国企', '国有', '国有控股'],
  private: ['民营企业', '民营', '私营企业', '私营'],
  foreign: ['外资企业', '外资', '外商独资', '外商独资企业'],
  joint_venture: ['合资企业', '合资', '中外合资', '中外合资企业'],
  collective: ['集体企业', '集体'],
  individual_business: ['个体工商户', '个体户', '个体'],
  public_institution: ['事业单位'],
  other: ['其他', '其它'],
});
export const SERVICE_TYPE_LABELS = labelTable<(typeof SERVICE_TYPES)[number]>({
  sales: ['销售类', '销售'],
  leasing: ['租赁类', '租赁'],
  integration: ['系统集成', '集成'],
  operations: ['服务运营', '运营', '运维'],
});
export const CONFIDENTIALITY_LABELS = labelTable<(typeof CONFIDENTIALITY_LEVELS)[number]>({
  normal: ['普通', '公开', '一般'],
  secret: ['秘密', '内部'],
  confidential: ['机密'],
});
export const CONTRACT_STATUS_LABELS = labelTable<(typeof CONTRACT_STATUSES)[number]>({
  active: ['执行中', '履行中', '生效', '有效', '进行中'],
  completed: ['已完成', '完成', '履行完毕', '已履行'],
  terminated: ['已终止', '终止', '解除', '已解除'],
});
export const TRANSACTION_KIND_LABELS = labelTable<(typeof TRANSACTION_KINDS)[number]>({
  sale: ['销售', '销货', '发货', '赊销'],
  return: ['退货', '销售退回', '退回'],
});
