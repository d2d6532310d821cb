import type { QUALIFICATION_KINDS } from '../../../shared/domain/customers';
import type { ItemValue } from '../../../shared/domain/scoring';
import { admissionIndicators, financialRatios, itemValues, weightedIndicators, type FinancialStatement, type IndicatorValues, type ScoringModel } from '../../../shared/domain/scoring';
import type { FinancialStatementsTable } from '../../archive/schema';
import { formatFen } from '../../../shared/domain/money';
import { yearsBetween } from '../../../shared/domain/receivables';
import type { Db } from './store';

// What an evaluation takes from the customer file when it starts: the header of the
// paper form (seed 003), the values of the model's archive-computed items (the weighted
// model's from the customer's sales and payments through 核销 / settleSales, the
// new-customer model's from the qualifications), and the average monthly sales the
// limit rules apply to. A value the archive lacks stays null: the reviewer enters it.
// Voided records (作废) count for nothing here.

/** One year back from `asOf` (both inclusive). */
export function reviewPeriod(asOf: string): { from: string; asOf: string } {
  const y = Number(asOf.slice(0, 4)) - 1;
  const d = new Date(Date.UTC(y, Number(asOf.slice(5, 7)) - 1, Number(asOf.slice(8, 10)) + 1));
  return { from: d.toISOString().slice(0, 10), asOf };
}

const DAY_MS = 86_400_000;

/** A stored statement as the pure ratios take it (equity = assets − liabilities; the period's days inclusive). */
export function statementOfRow(r: FinancialStatementsTable): FinancialStatement & { equityFen: number } {
  return {
    totalAssetsFen: r.total_assets_fen,
    totalLiabilitiesFen: r.total_liabilities_fen,
    currentAssetsFen: r.current_assets_fen,
    inventoryFen: r.inventory_fen,
    currentLiabilitiesFen: r.current_liabilities_fen,
    receivablesFen: r.receivables_fen,
    equityFen: r.total_assets_fen - r.total_liabilities_fen,
    revenueFen: r.revenue_fen,
    costOfSalesFen: r.cost_of_sales_fen,
    netProfitFen: r.net_profit_fen,
    periodDays: Math.round((Date.parse(r.period_end) - Date.parse(r.period_start)) / DAY_MS) + 1,
    openingReceivablesFen: r.opening_receivables_fen,
    openingInventoryFen: r.opening_inventory_fen,
    openingEquityFen: r.opening_equity_fen,
  };
}

export interface FromFile {
  header: Record<string, string | null>;
  values: Record<string, ItemValue | null>;
  limitBase: { averageMonthlySalesFen: number };
}

export async function fromFile(
  db: Db,
  model: ScoringModel,
  customerId: string,
  asOf: string,
  managers: { accountManager: string; serviceManager: string },
  recordNo: string,
): Promise<FromFile> {
  const period = reviewPeriod(asOf);
  const [customer, contacts, contracts, sales, payments, returns, events, feedback, qualifications, people] = await Promise.all([
    db.selectFrom('customers').selectAll().where('id', '=', customerId).executeTakeFirstOrThrow(),
    db.selectFrom('customer_contacts').select(['role', 'name', 'phone']).where('customer_id', '=', customerId).orderBy('created_at').execute(),
    db.selectFrom('contracts').select(['contract_no', 'amount_fen', 'signed_on', 'start_on', 'end_on', 'status']).where('customer_id', '=', customerId).where('voided_at', 'is', null).orderBy('signed_on', 'desc').execute(),
    db.selectFrom('transactions').select(['id', 'contract_id', 'doc_no', 'amount_fen', 'occurred_on', 'due_on']).where('customer_id', '=', customerId).where('voided_at', 'is', null).where('kind', '=', 'sale').execute(),
    db.selectFrom('payments').select(['id', 'contract_id', 'ref', 'amount_fen', 'paid_on']).where('customer_id', '=', customerId).where('voided_at', 'is', null).execute(),
    db.selectFrom('transactions').select(['id', 'contract_id', 'doc_no', 'amount_fen', 'occurred_on']).where('customer_id', '=', customerId).where('voided_at', 'is', null).where('kind', '=', 'return').execute(),
    db.selectFrom('credit_events').select(['kind', 'occurred_on']).where('customer_id', '=', customerId).where('voided_at', 'is', null).execute(),
    db.selectFrom('feedback').select(['kind', 'occurred_on', 'score']).where('customer_id', '=', customerId).execute(),
    db.selectFrom('qualifications').select(['kind', 'valid_from', 'valid_to']).where('customer_id', '=', customerId).where('voided_at', 'is', null).execute(),
    db.selectFrom('users').select(['id', 'display_name']).where('id', 'in', [managers.accountManager, managers.serviceManager]).execute(),
  ]);
  const name = (id: string) => people.find((p) => p.id === id)?.display_name ?? null;
  const money = (fen: number) => formatFen(fen, 'zh-CN');

  const cooperationSince = [...contracts.map((c) => c.signed_on), ...sales.map((s) => s.occurred_on)].sort()[0] ?? null;
  const weighted = weightedIndicators(
    {
      sales: sales.map((s) => ({ id: s.id, contractId: s.contract_id, docNo: s.doc_no, amountFen: s.amount_fen, occurredOn: s.occurred_on, dueOn: s.due_on })),
      credits: [
        ...payments.map((p) => ({ id: p.id, contractId: p.contract_id, ref: p.ref, amountFen: p.amount_fen, on: p.paid_on })),
        ...returns.map((r) => ({ id: r.id, contractId: r.contract_id, ref: r.doc_no, amountFen: r.amount_fen, on: r.occurred_on })),
      ],
      creditEvents: events.map((e) => ({ kind: e.kind, occurredOn: e.occurred_on })),
      feedback: feedback.map((f) => ({ kind: f.kind, occurredOn: f.occurred_on, score: f.score })),
      cooperationSince,
    },
    period,
  );
  const badOnFile = events.filter((e) => e.kind === 'bad_record' || e.kind === 'blacklist' || e.kind === 'judgment').length;
  const admission = admissionIndicators(
    qualifications.map((q) => ({ kind: q.kind as (typeof QUALIFICATION_KINDS)[number], validFrom: q.valid_from, validTo: q.valid_to })),
    null,
    badOnFile,
    asOf,
  );
  // The 5C model's ratios: from the latest statement of a period ended by the review day (the latest entered of it).
  const statement =
    model.kind === 'five_c'
      ? await db.selectFrom('financial_statements').selectAll().where('customer_id', '=', customerId).where('period_end', '<=', asOf).orderBy('period_end', 'desc').orderBy('entered_at', 'desc').limit(1).executeTakeFirst()
      : undefined;
  const archive: IndicatorValues =
    model.kind === 'new_customer' ? admission : model.kind === 'five_c' ? (statement ? financialRatios(statementOfRow(statement)) : {}) : { ...weighted.values };
  const values = itemValues(model, archive, {});

  let salesInPeriod = 0;
  for (const s of sales) if (s.occurred_on >= period.from && s.occurred_on <= asOf) salesInPeriod += s.amount_fen;

  const contract = contracts.find((c) => c.status === 'active') ?? contracts[0];
  const contact = (role: string) => {
    const c = contacts.find((x) => x.role === role);
    return c ? [c.name, c.phone].filter(Boolean).join(' ') : null;
  };
  const received = payments.reduce((sum, p) => sum + p.amount_fen, 0);
  const onTime = weighted.onTime;
  const header: Record<string, string | null> = {
    record_no: recordNo,
    review_date: asOf,
    customer_name: customer.name,
    enterprise_nature: customer.enterprise_nature,
    registered_capital: customer.registered_capital_fen === null ? null : money(customer.registered_capital_fen),
    bank_account: [customer.bank_name, customer.bank_account].filter(Boolean).join(' ') || null,
    legal_representative: customer.legal_representative,
    person_in_charge: customer.person_in_charge,
    finance_contact: contact('finance'),
    business_contact: contact('business'),
    service_manager: name(managers.serviceManager),
    account_manager: name(managers.accountManager),
    service_type: customer.service_type,
    business_content: customer.industry,
    contract_no: contract?.contract_no ?? null,
    contract_amount: contract ? money(contract.amount_fen) : null,
    contract_years: contract && contract.start_on && contract.end_on ? String(Math.max(1, Math.round(yearsBetween(contract.start_on, contract.end_on)))) : null,
    payment_summary:
      onTime.rateByAmount === null
        ? null
        : `近一年按时付款率 ${onTime.rateByAmount.toFixed(1)}%（按金额），逾期 ${onTime.late.length} 笔`,
    received_total: money(received),
  };
  const wanted = new Set<string>(model.header);
  for (const key of Object.keys(header)) if (!wanted.has(key)) delete header[key];
  return { header, values, limitBase: { averageMonthlySalesFen: Math.floor(salesInPeriod / 12) } };
}
