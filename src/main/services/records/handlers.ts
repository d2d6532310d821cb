import { sql, type Transaction } from 'kysely';
import { ArchiveError } from '../../../shared/contract/errors';
import { decideVoid, voidStampOf, type RecordKind } from '../../../shared/domain/voiding';
import type { DB } from '../../archive/schema';
import type { PartialHandlers } from '../../host/handler';
import { reindexCustomer } from '../customers/grams';
import { assertCustomer, assertDepartment } from '../customers/handlers';
import { warningsChanged } from '../warnings/evaluate';

// The records of a customer file: contacts, qualifications, contracts (numbered per
// department), transactions, payments, credit events, feedback, third-party reports.

/**
 * The next contract number of a department for a year: PREFIX-YEAR-NNNN (seed 001 §2:
 * all contracts are numbered by department).
 */
export async function nextContractNo(db: Transaction<DB>, departmentId: string, year: string): Promise<string> {
  const dept = await db.selectFrom('departments').select(['code', 'contract_prefix']).where('id', '=', departmentId).executeTakeFirstOrThrow();
  const prefix = `${dept.contract_prefix ?? dept.code.toUpperCase()}-${year}-`;
  const last = await db
    .selectFrom('contracts')
    .select('contract_no')
    .where('contract_no', '>=', prefix)
    .where('contract_no', '<', `${prefix}\uffff`)
    // Longer numbers are larger (…-9999 before …-10000), then by text.
    .orderBy((eb) => eb.fn('length', ['contract_no']), 'desc')
    .orderBy('contract_no', 'desc')
    .limit(sql.lit(1))
    .executeTakeFirst();
  const n = last ? Number(/(\d+)$/.exec(last.contract_no)?.[1] ?? 0) + 1 : 1;
  return `${prefix}${String(n).padStart(4, '0')}`;
}

async function assertContractOf(db: Transaction<DB>, contractId: string | null, customerId: string): Promise<void> {
  if (!contractId) return;
  const found = await db.selectFrom('contracts').select(['customer_id', 'voided_at']).where('id', '=', contractId).executeTakeFirst();
  if (!found || found.customer_id !== customerId) {
    throw new ArchiveError('NOT_FOUND', 'no such contract of this customer', { field: 'contractId' });
  }
  if (found.voided_at !== null) throw new ArchiveError('CONFLICT', 'this contract is voided', { reason: 'contractVoided', field: 'contractId' });
}

const TABLE_OF = {
  contact: 'customer_contacts',
  qualification: 'qualifications',
  contract: 'contracts',
  transaction: 'transactions',
  payment: 'payments',
  creditEvent: 'credit_events',
  feedback: 'feedback',
  creditReport: 'credit_reports',
} as const satisfies Record<RecordKind, keyof DB>;

/** The records the warning rules read: voiding one re-evaluates the customer's warnings. */
const WARNED_KINDS: ReadonlySet<RecordKind> = new Set(['transaction', 'payment', 'creditEvent', 'qualification']);

export const recordHandlers: PartialHandlers = {
  'records.addContact': {
    async run({ db, input, now, audit, host }) {
      await assertCustomer(db, input.customerId);
      const id = host.ids.next();
      await db
        .insertInto('customer_contacts')
        .values({ id, customer_id: input.customerId, role: input.role, name: input.name, phone: input.phone, email: input.email, created_at: now.toISOString() })
        .execute();
      await reindexCustomer(db, input.customerId);
      audit.target = `customer:${input.customerId}`;
      audit.details = { record: `contact:${id}`, role: input.role, name: input.name };
      return { id };
    },
  },

  'records.addQualification': {
    async run({ db, input, now, audit, host }) {
      await assertCustomer(db, input.customerId);
      const id = host.ids.next();
      await db
        .insertInto('qualifications')
        .values({
          id,
          customer_id: input.customerId,
          kind: input.kind,
          number: input.number,
          issuer: input.issuer,
          level: input.level,
          valid_from: input.validFrom,
          valid_to: input.validTo,
          created_at: now.toISOString(),
        })
        .execute();
      audit.target = `customer:${input.customerId}`;
      audit.details = { record: `qualification:${id}`, kind: input.kind, validTo: input.validTo };
      // The warning rules read this record: evaluated again for the customer, in this transaction.
      await warningsChanged(db, now, host.ids, [input.customerId]);
      return { id };
    },
  },

  'records.addContract': {
    async run({ db, input, now, audit, host }) {
      await assertCustomer(db, input.customerId);
      await assertDepartment(db, input.departmentId);
      const contractNo = input.contractNo ?? (await nextContractNo(db, input.departmentId, input.signedOn.slice(0, 4)));
      const taken = await db.selectFrom('contracts').select('id').where('contract_no', '=', contractNo).executeTakeFirst();
      if (taken) throw new ArchiveError('CONFLICT', 'this contract number is taken', { reason: 'contractNoTaken', field: 'contractNo' });
      const id = host.ids.next();
      await db
        .insertInto('contracts')
        .values({
          id,
          customer_id: input.customerId,
          department_id: input.departmentId,
          contract_no: contractNo,
          title: input.title,
          amount_fen: input.amountFen,
          signed_on: input.signedOn,
          start_on: input.startOn,
          end_on: input.endOn,
          status: input.status,
          import_id: null,
          created_at: now.toISOString(),
        })
        .execute();
      audit.target = `customer:${input.customerId}`;
      audit.details = { record: `contract:${id}`, contractNo, amountFen: input.amountFen };
      return { id, contractNo };
    },
  },

  'records.addTransaction': {
    async run({ db, input, now, audit, host }) {
      await assertCustomer(db, input.customerId);
      await assertContractOf(db, input.contractId, input.customerId);
      const id = host.ids.next();
      await db
        .insertInto('transactions')
        .values({
          id,
          customer_id: input.customerId,
          contract_id: input.contractId,
          kind: input.kind,
          doc_no: input.docNo,
          amount_fen: input.amountFen,
          occurred_on: input.occurredOn,
          due_on: input.dueOn,
          import_id: null,
          created_at: now.toISOString(),
        })
        .execute();
      audit.target = `customer:${input.customerId}`;
      audit.details = { record: `transaction:${id}`, kind: input.kind, amountFen: input.amountFen, occurredOn: input.occurredOn };
      // The warning rules read this record: evaluated again for the customer, in this transaction.
      await warningsChanged(db, now, host.ids, [input.customerId]);
      return { id };
    },
  },

  'records.addPayment': {
    async run({ db, input, now, audit, host }) {
      await assertCustomer(db, input.customerId);
      await assertContractOf(db, input.contractId, input.customerId);
      const id = host.ids.next();
      await db
        .insertInto('payments')
        .values({
          id,
          customer_id: input.customerId,
          contract_id: input.contractId,
          amount_fen: input.amountFen,
          paid_on: input.paidOn,
          ref: input.ref,
          import_id: null,
          created_at: now.toISOString(),
        })
        .execute();
      audit.target = `customer:${input.customerId}`;
      audit.details = { record: `payment:${id}`, amountFen: input.amountFen, paidOn: input.paidOn };
      // The warning rules read this record: evaluated again for the customer, in this transaction.
      await warningsChanged(db, now, host.ids, [input.customerId]);
      return { id };
    },
  },

  'records.addCreditEvent': {
    async run({ db, input, now, audit, host }) {
      await assertCustomer(db, input.customerId);
      const id = host.ids.next();
      await db
        .insertInto('credit_events')
        .values({
          id,
          customer_id: input.customerId,
          kind: input.kind,
          occurred_on: input.occurredOn,
          title: input.title,
          detail: input.detail,
          amount_fen: input.amountFen,
          source: input.source,
          created_at: now.toISOString(),
        })
        .execute();
      audit.target = `customer:${input.customerId}`;
      audit.details = { record: `creditEvent:${id}`, kind: input.kind, occurredOn: input.occurredOn };
      // The warning rules read this record: evaluated again for the customer, in this transaction.
      await warningsChanged(db, now, host.ids, [input.customerId]);
      return { id };
    },
  },

  'records.addFeedback': {
    async run({ db, input, now, audit, host }) {
      await assertCustomer(db, input.customerId);
      const id = host.ids.next();
      await db
        .insertInto('feedback')
        .values({
          id,
          customer_id: input.customerId,
          kind: input.kind,
          occurred_on: input.occurredOn,
          score: input.score,
          content: input.content,
          created_at: now.toISOString(),
        })
        .execute();
      audit.target = `customer:${input.customerId}`;
      audit.details = { record: `feedback:${id}`, kind: input.kind, score: input.score };
      return { id };
    },
  },

  'records.addCreditReport': {
    async run({ db, input, now, audit, host }) {
      await assertCustomer(db, input.customerId);
      const id = host.ids.next();
      await db
        .insertInto('credit_reports')
        .values({
          id,
          customer_id: input.customerId,
          agency: input.agency,
          report_no: input.reportNo,
          issued_on: input.issuedOn,
          rating: input.rating,
          summary: input.summary,
          created_at: now.toISOString(),
        })
        .execute();
      audit.target = `customer:${input.customerId}`;
      audit.details = { record: `creditReport:${id}`, agency: input.agency, rating: input.rating };
      return { id };
    },
  },

  'records.remove': {
    async run({ db, input, audit }) {
      const table = TABLE_OF[input.kind];
      const row = await db.selectFrom(table).selectAll().where('id', '=', input.id).executeTakeFirst();
      if (!row) throw new ArchiveError('NOT_FOUND', 'no such record');
      await db.deleteFrom(table).where('id', '=', input.id).execute();
      if (input.kind === 'contact') await reindexCustomer(db, row.customer_id);
      // What was removed stays on record in the audit log.
      audit.target = `customer:${row.customer_id}`;
      audit.details = { removed: `${input.kind}:${input.id}`, record: row };
      return null;
    },
  },

  'records.void': {
    async run({ db, input, audit, actor, now, host }) {
      const table = TABLE_OF[input.kind];
      const row = await db.selectFrom(table).select(['id', 'customer_id', 'voided_at', 'voided_by', 'void_reason']).where('id', '=', input.id).executeTakeFirst();
      if (!row) throw new ArchiveError('NOT_FOUND', 'no such record');
      const decision = decideVoid(input.kind, voidStampOf(row), { reason: input.reason, by: actor!.userId, at: now.toISOString() });
      if (!decision.ok) {
        if (decision.refusal === 'alreadyVoided') throw new ArchiveError('CONFLICT', 'this record is already voided', { reason: 'alreadyVoided' });
        throw new ArchiveError('VALIDATION', decision.refusal, { field: 'reason' });
      }
      if (input.kind === 'contract') {
        // A voided contract leaves nothing in force that still refers to it.
        const used = await db
          .selectFrom('transactions')
          .select('id')
          .where('contract_id', '=', input.id)
          .where('voided_at', 'is', null)
          .union(db.selectFrom('payments').select('id').where('contract_id', '=', input.id).where('voided_at', 'is', null))
          .limit(sql.lit(1))
          .executeTakeFirst();
        if (used) throw new ArchiveError('CONFLICT', 'transactions or payments in force refer to this contract', { reason: 'contractHasRecords' });
      }
      const { stamp } = decision;
      await db.updateTable(table).set({ voided_at: stamp.at, voided_by: stamp.by, void_reason: stamp.reason }).where('id', '=', input.id).execute();
      audit.target = `customer:${row.customer_id}`;
      audit.details = { voided: `${input.kind}:${input.id}`, reason: stamp.reason };
      if (WARNED_KINDS.has(input.kind)) await warningsChanged(db, now, host.ids, [row.customer_id]);
      return null;
    },
  },
};
