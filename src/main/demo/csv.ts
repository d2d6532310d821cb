// Demo data as finance's CSV exports: the import templates' headers (IMPORT_COLUMNS),
// money in yuan with two decimals, days as YYYY-MM-DD, labels in Chinese.

import { ENTERPRISE_NATURE_ZH, SERVICE_TYPE_ZH, type ImportKind } from '../../shared/domain/customers';
import { IMPORT_COLUMNS } from '../services/imports/kinds';
import type { DemoContract, DemoCustomer, DemoPayment, DemoTransaction } from './generate';

export const DEPARTMENT_NAMES = { business: '业务部门', marketing: '营销中心' } as const;

const NATURE_LABELS: Record<string, string> = ENTERPRISE_NATURE_ZH;
const SERVICE_LABELS: Record<string, string> = SERVICE_TYPE_ZH;
const CONFIDENTIALITY_LABELS: Record<string, string> = { normal: '普通', secret: '秘密', confidential: '机密' };
const STATUS_LABELS: Record<string, string> = { active: '执行中', completed: '已完成', terminated: '已终止' };

/** Fen as yuan with two decimals, exactly (no floating point). */
export function yuanText(fen: number): string {
  const s = String(fen).padStart(3, '0');
  return `${s.slice(0, -2)}.${s.slice(-2)}`;
}

function quoted(value: string | null): string {
  if (value === null) return '';
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** A CSV file of one import kind: the template's header texts for the given column keys. */
export class CsvFile {
  private readonly lines: string[] = [];
  private readonly keys: readonly string[];
  constructor(
    readonly kind: ImportKind,
    keys: readonly string[],
  ) {
    const columns = IMPORT_COLUMNS[kind];
    this.keys = keys;
    const header = keys.map((k) => {
      const col = columns.find((c) => c.key === k);
      if (!col) throw new Error(`no column ${k} in a ${kind} file`);
      return col.header;
    });
    this.lines.push(header.map(quoted).join(','));
  }
  add(row: Record<string, string | null>): void {
    this.lines.push(this.keys.map((k) => quoted(row[k] ?? null)).join(','));
  }
  get rows(): number {
    return this.lines.length - 1;
  }
  /** The file's bytes, base64 as imports.run takes them (UTF-8 with a BOM, as Excel saves CSV). */
  base64(): string {
    return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(this.lines.join('\r\n') + '\r\n', 'utf8')]).toString('base64');
  }
}

export function customersCsv(customers: readonly DemoCustomer[]): CsvFile {
  const file = new CsvFile('customers', [
    'name',
    'kind',
    'creditCode',
    'idNumber',
    'enterpriseNature',
    'registeredCapital',
    'legalRepresentative',
    'personInCharge',
    'address',
    'bankName',
    'bankAccount',
    'industry',
    'serviceType',
    'cooperationStart',
    'department',
    'confidentiality',
    'financeContact',
    'financePhone',
    'businessContact',
    'businessPhone',
    'email',
  ]);
  for (const c of customers) {
    const finance = c.contacts.find((x) => x.role === 'finance');
    const business = c.contacts.find((x) => x.role === 'business');
    file.add({
      name: c.name,
      kind: c.kind === 'enterprise' ? '企业' : '个人',
      creditCode: c.creditCode,
      idNumber: c.idNumber,
      enterpriseNature: c.enterpriseNature ? NATURE_LABELS[c.enterpriseNature]! : null,
      registeredCapital: c.registeredCapitalFen === null ? null : yuanText(c.registeredCapitalFen),
      legalRepresentative: c.legalRepresentative,
      personInCharge: c.personInCharge,
      address: c.address,
      bankName: c.bankName,
      bankAccount: c.bankAccount,
      industry: c.industry,
      serviceType: SERVICE_LABELS[c.serviceType]!,
      cooperationStart: c.cooperationStart,
      department: DEPARTMENT_NAMES[c.department],
      confidentiality: CONFIDENTIALITY_LABELS[c.confidentiality]!,
      financeContact: finance?.name ?? null,
      financePhone: finance?.phone ?? null,
      businessContact: business?.name ?? null,
      businessPhone: business?.phone ?? null,
      email: finance?.email ?? business?.email ?? null,
    });
  }
  return file;
}

/** 合同台账: contracts by credit code (or ID number) of their customer. */
export function contractsCsv(contracts: readonly DemoContract[], customers: readonly DemoCustomer[]): CsvFile {
  const file = new CsvFile('contracts', ['contractNo', 'creditCode', 'customerName', 'title', 'amount', 'signedOn', 'startOn', 'endOn', 'status', 'department']);
  for (const k of contracts) {
    const c = customers[k.customerIndex]!;
    file.add({
      contractNo: k.contractNo,
      creditCode: c.creditCode ?? c.idNumber,
      customerName: c.name,
      title: k.title,
      amount: yuanText(k.amountFen),
      signedOn: k.signedOn,
      startOn: k.startOn,
      endOn: k.endOn,
      status: STATUS_LABELS[k.status]!,
      department: DEPARTMENT_NAMES[k.department],
    });
  }
  return file;
}

const TRANSACTION_KEYS = ['creditCode', 'docNo', 'kind', 'amount', 'occurredOn', 'dueOn', 'contractNo'] as const;
const PAYMENT_KEYS = ['creditCode', 'amount', 'paidOn', 'ref', 'contractNo'] as const;

/** 销售明细: sales and returns (rows added with transactionRow). */
export function transactionsFile(): CsvFile {
  return new CsvFile('transactions', TRANSACTION_KEYS);
}

/** 回款明细: payments received (rows added with paymentRow). */
export function paymentsFile(): CsvFile {
  return new CsvFile('payments', PAYMENT_KEYS);
}

export function transactionRow(t: DemoTransaction, c: DemoCustomer): Record<string, string | null> {
  return {
    creditCode: c.creditCode ?? c.idNumber,
    docNo: t.docNo,
    kind: t.kind === 'sale' ? '销售' : '退货',
    amount: yuanText(t.amountFen),
    occurredOn: t.occurredOn,
    dueOn: t.dueOn,
    contractNo: t.contractNo,
  };
}

export function paymentRow(p: DemoPayment, c: DemoCustomer): Record<string, string | null> {
  return { creditCode: c.creditCode ?? c.idNumber, amount: yuanText(p.amountFen), paidOn: p.paidOn, ref: p.ref, contractNo: p.contractNo };
}

export function transactionsCsv(rows: readonly DemoTransaction[], customers: readonly DemoCustomer[]): CsvFile {
  const file = transactionsFile();
  for (const t of rows) file.add(transactionRow(t, customers[t.customerIndex]!));
  return file;
}
