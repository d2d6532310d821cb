import type { Kysely } from 'kysely';
import { ArchiveError } from '../../../shared/contract/errors';
import type { CustomerFile } from '../../../shared/contract/customers';
import { creditFigures, daysBetween, yearsBetween } from '../../../shared/domain/receivables';
import { compiledOnce } from '../../archive/compiled';
import type { DB } from '../../archive/schema';
import { inForce, voidStampOf, type VoidColumns } from '../../../shared/domain/voiding';
import { documentsOfCustomer } from '../documents/queries';

/** The archive or the call's transaction. */
type Db = Kysely<DB>;

/** A qualification expiring within this many days is flagged. */
export const EXPIRY_NOTICE_DAYS = 30;

export function validityOn(validTo: string | null, today: string): 'valid' | 'expiring' | 'expired' | 'open' {
  if (!validTo) return 'open';
  if (validTo < today) return 'expired';
  return daysBetween(today, validTo) <= EXPIRY_NOTICE_DAYS ? 'expiring' : 'valid';
}

// Opening a file runs these same shapes every time: each is built and compiled once
// (see compiledOnce) and bound to the customer's id per open.
const byCustomer = compiledOnce<DB, { id: string }>();

const verificationQuery = byCustomer((db, param) =>
  db
    .selectFrom('customers')
    .innerJoin('users as entered', 'entered.id', 'customers.entered_by')
    .leftJoin('users as verified', 'verified.id', 'customers.verified_by')
    .select([
      'customers.verification',
      'customers.entered_by',
      'customers.entered_at',
      'customers.verified_by',
      'customers.verified_at',
      'entered.display_name as entered_name',
      'verified.display_name as verified_name',
    ])
    .where('customers.id', '=', param('id')),
);

const basicsQuery = byCustomer((db, param) =>
  db
    .selectFrom('customers')
    .innerJoin('departments', 'departments.id', 'customers.department_id')
    .selectAll('customers')
    .select('departments.name as department_name')
    .where('customers.id', '=', param('id')),
);

const contactsQuery = byCustomer((db, param) =>
  db.selectFrom('customer_contacts').selectAll().where('customer_id', '=', param('id')).orderBy('created_at'),
);
const qualificationsQuery = byCustomer((db, param) =>
  db.selectFrom('qualifications').selectAll().where('customer_id', '=', param('id')).orderBy('kind').orderBy('created_at'),
);
const contractsQuery = byCustomer((db, param) =>
  db
    .selectFrom('contracts')
    .innerJoin('departments', 'departments.id', 'contracts.department_id')
    .selectAll('contracts')
    .select('departments.name as department_name')
    .where('customer_id', '=', param('id'))
    .orderBy('signed_on', 'desc'),
);
const transactionsQuery = byCustomer((db, param) =>
  db.selectFrom('transactions').selectAll().where('customer_id', '=', param('id')).orderBy('occurred_on', 'desc').orderBy('id'),
);
const paymentsQuery = byCustomer((db, param) =>
  db.selectFrom('payments').selectAll().where('customer_id', '=', param('id')).orderBy('paid_on', 'desc').orderBy('id'),
);
const eventsQuery = byCustomer((db, param) =>
  db.selectFrom('credit_events').selectAll().where('customer_id', '=', param('id')).orderBy('occurred_on', 'desc'),
);
const feedbackQuery = byCustomer((db, param) =>
  db.selectFrom('feedback').selectAll().where('customer_id', '=', param('id')).orderBy('occurred_on', 'desc'),
);
const reportsQuery = byCustomer((db, param) =>
  db.selectFrom('credit_reports').selectAll().where('customer_id', '=', param('id')).orderBy('issued_on', 'desc'),
);

/** Who entered a customer's key data and who confirmed it. */
export async function verificationOf(db: Db, id: string): Promise<CustomerFile['verification']> {
  const c = await verificationQuery.executeTakeFirst(db, { id });
  if (!c) throw new ArchiveError('NOT_FOUND', 'no such customer');
  return {
    state: c.verification,
    enteredBy: { id: c.entered_by, displayName: c.entered_name },
    enteredAt: c.entered_at,
    verifiedBy: c.verified_by ? { id: c.verified_by, displayName: c.verified_name ?? '' } : null,
    verifiedAt: c.verified_at,
  };
}

/** Everything a customer file holds, with the derived figures, as of `today`. */
export async function customerFileOf(db: Db, id: string, today: string): Promise<CustomerFile> {
  const c = await basicsQuery.executeTakeFirst(db, { id });
  if (!c) throw new ArchiveError('NOT_FOUND', 'no such customer');

  const byId = { id };
  const [verification, contacts, qualifications, contracts, transactions, payments, events, feedback, reports, documents] = await Promise.all([
    verificationOf(db, id),
    contactsQuery.execute(db, byId),
    qualificationsQuery.execute(db, byId),
    contractsQuery.execute(db, byId),
    transactionsQuery.execute(db, byId),
    paymentsQuery.execute(db, byId),
    eventsQuery.execute(db, byId),
    feedbackQuery.execute(db, byId),
    reportsQuery.execute(db, byId),
    documentsOfCustomer(db, id),
  ]);

  // 作废: voided rows stay in the lists, marked; they count for nothing.
  const voidedBy = [...new Set([qualifications, contracts, transactions, payments, events].flatMap((rows: VoidColumns[]) => rows.map((r) => r.voided_by)))].filter(
    (u): u is string => u !== null,
  );
  const names = new Map(
    voidedBy.length === 0 ? [] : (await db.selectFrom('users').select(['id', 'display_name']).where('id', 'in', voidedBy).execute()).map((u) => [u.id, u.display_name]),
  );
  const voided = (r: VoidColumns) => {
    const stamp = voidStampOf(r);
    return stamp && { at: stamp.at, by: { id: stamp.by, displayName: names.get(stamp.by) ?? '' }, reason: stamp.reason };
  };
  const countedContracts = contracts.filter(inForce);
  const sales = transactions.filter((t) => inForce(t) && t.kind === 'sale').map((t) => ({ amountFen: t.amount_fen, occurredOn: t.occurred_on, dueOn: t.due_on }));
  const returns = transactions.filter((t) => inForce(t) && t.kind === 'return').map((t) => ({ amountFen: t.amount_fen, on: t.occurred_on }));
  const paid = payments.filter(inForce).map((p) => ({ amountFen: p.amount_fen, on: p.paid_on }));
  const figures = creditFigures(sales, returns, paid, today);

  return {
    basics: {
      id: c.id,
      kind: c.kind,
      name: c.name,
      creditCode: c.credit_code,
      idNumber: c.id_number,
      enterpriseNature: c.enterprise_nature as CustomerFile['basics']['enterpriseNature'],
      registeredCapitalFen: c.registered_capital_fen,
      legalRepresentative: c.legal_representative,
      personInCharge: c.person_in_charge,
      address: c.address,
      bankName: c.bank_name,
      bankAccount: c.bank_account,
      industry: c.industry,
      serviceType: c.service_type as CustomerFile['basics']['serviceType'],
      cooperationStart: c.cooperation_start,
      departmentId: c.department_id,
      departmentName: c.department_name,
      confidentiality: c.confidentiality,
      grade: c.grade,
      creditLimitFen: c.credit_limit_fen,
      creditTermDays: c.credit_term_days,
      warningState: c.warning_state,
      createdAt: c.created_at,
      updatedAt: c.updated_at,
    },
    verification,
    contacts: contacts.map((r) => ({ id: r.id, createdAt: r.created_at, role: r.role, name: r.name, phone: r.phone, email: r.email })),
    qualifications: qualifications.map((r) => ({
      id: r.id,
      createdAt: r.created_at,
      kind: r.kind as CustomerFile['qualifications'][number]['kind'],
      number: r.number,
      issuer: r.issuer,
      level: r.level,
      validFrom: r.valid_from,
      validTo: r.valid_to,
      validity: validityOn(r.valid_to, today),
      voided: voided(r),
    })),
    contracts: contracts.map((r) => ({
      id: r.id,
      createdAt: r.created_at,
      departmentId: r.department_id,
      departmentName: r.department_name,
      contractNo: r.contract_no,
      title: r.title,
      amountFen: r.amount_fen,
      signedOn: r.signed_on,
      startOn: r.start_on,
      endOn: r.end_on,
      status: r.status,
      voided: voided(r),
    })),
    transactions: transactions.map((r) => ({
      id: r.id,
      createdAt: r.created_at,
      contractId: r.contract_id,
      kind: r.kind,
      docNo: r.doc_no,
      amountFen: r.amount_fen,
      occurredOn: r.occurred_on,
      dueOn: r.due_on,
      voided: voided(r),
    })),
    payments: payments.map((r) => ({ id: r.id, createdAt: r.created_at, contractId: r.contract_id, amountFen: r.amount_fen, paidOn: r.paid_on, ref: r.ref, voided: voided(r) })),
    creditEvents: events.map((r) => ({
      id: r.id,
      createdAt: r.created_at,
      kind: r.kind,
      occurredOn: r.occurred_on,
      title: r.title,
      detail: r.detail,
      amountFen: r.amount_fen,
      source: r.source,
      voided: voided(r),
    })),
    feedback: feedback.map((r) => ({ id: r.id, createdAt: r.created_at, kind: r.kind, occurredOn: r.occurred_on, score: r.score, content: r.content })),
    creditReports: reports.map((r) => ({
      id: r.id,
      createdAt: r.created_at,
      agency: r.agency,
      reportNo: r.report_no,
      issuedOn: r.issued_on,
      rating: r.rating,
      summary: r.summary,
    })),
    documents,
    figures: {
      ...figures,
      yearsOfCooperation: c.cooperation_start ? yearsBetween(c.cooperation_start, today) : null,
      contractCount: countedContracts.length,
      contractAmountFen: countedContracts.reduce((t, r) => t + r.amount_fen, 0),
    },
  };
}
