import { readableAmong, readerOf } from '../checkouts/access';
import type { Transaction } from 'kysely';
import { ArchiveError } from '../../../shared/contract/errors';
import { pinyinSortKey } from '../../../shared/domain/pinyin';
import { dayOf } from '../../../shared/domain/receivables';
import { changedKeyFields, verifyRefusal, type KeyData } from '../../../shared/domain/verification';
import type { DB } from '../../archive/schema';
import type { CallContext, PartialHandlers } from '../../host/handler';
import { customerFileOf, verificationOf } from './file';
import { reindexCustomer } from './grams';
import { searchCustomers } from './search';

/** The key data of 双人核验 of a customer row (shared/domain/verification). */
function keyDataOf(row: { name: string; credit_code: string | null; id_number: string | null; bank_name: string | null; bank_account: string | null }): KeyData {
  return { name: row.name, creditCode: row.credit_code, idNumber: row.id_number, bankName: row.bank_name, bankAccount: row.bank_account };
}

export async function assertCustomer(db: Transaction<DB>, id: string): Promise<{ id: string; department_id: string }> {
  const found = await db.selectFrom('customers').select(['id', 'department_id']).where('id', '=', id).executeTakeFirst();
  if (!found) throw new ArchiveError('NOT_FOUND', 'no such customer', { field: 'customerId' });
  return found;
}

export async function assertDepartment(db: Transaction<DB>, id: string, field = 'departmentId'): Promise<void> {
  const found = await db.selectFrom('departments').select('id').where('id', '=', id).executeTakeFirst();
  if (!found) throw new ArchiveError('NOT_FOUND', 'no such department', { field });
}

/** A credit code or ID number already in the archive is a CONFLICT naming the field. */
async function assertUniqueIdentifiers(
  db: Transaction<DB>,
  v: { creditCode: string | null; idNumber: string | null },
  exceptId?: string,
): Promise<void> {
  for (const [field, column, value] of [
    ['creditCode', 'credit_code', v.creditCode],
    ['idNumber', 'id_number', v.idNumber],
  ] as const) {
    if (!value) continue;
    let q = db.selectFrom('customers').select(['id', 'name']).where(column, '=', value);
    if (exceptId) q = q.where('id', '!=', exceptId);
    const other = await q.executeTakeFirst();
    if (other) throw new ArchiveError('CONFLICT', `this ${field} is already in the archive`, {
        reason: field === 'creditCode' ? 'creditCodeTaken' : 'idNumberTaken',
        field,
        customerId: other.id,
      });
  }
}

function columnsOf(input: CallContext<'customers.create'>['input'] | CallContext<'customers.update'>['input']) {
  return {
    kind: input.kind,
    name: input.name,
    credit_code: input.kind === 'enterprise' ? input.creditCode : null,
    id_number: input.kind === 'individual' ? input.idNumber : null,
    enterprise_nature: input.enterpriseNature,
    registered_capital_fen: input.registeredCapitalFen,
    legal_representative: input.legalRepresentative,
    person_in_charge: input.personInCharge,
    address: input.address,
    bank_name: input.bankName,
    bank_account: input.bankAccount,
    industry: input.industry,
    service_type: input.serviceType,
    cooperation_start: input.cooperationStart,
    department_id: input.departmentId,
    confidentiality: input.confidentiality,
  };
}

export const customerHandlers: PartialHandlers = {
  'customers.search': {
    async run({ db, input, audit, actor, now }) {
      // Outside the credit department a search finds files to ask for, not their credit
      // details (seed 000 查询权限): those need a loan, and a search by them is refused.
      const restricted = actor ? await readerOf(db, actor).then((r) => r.departmentKind !== 'credit' && !r.keepsArchive) : false;
      if (restricted && (input.grade !== undefined || input.gradeScale !== undefined || input.ungraded === true || input.warningState !== undefined)) {
        throw new ArchiveError('FORBIDDEN', 'searching by grade or warning is for the credit department', { reason: 'criteriaNeedCreditDepartment' });
      }
      const found = await searchCustomers(db, input);
      const readable = restricted && actor ? await readableAmong(db, actor, found.rows.map((r) => r.id), now) : null;
      const result = readable === null ? found : { ...found, rows: found.rows.map((r) => (readable.has(r.id) ? r : { ...r, grade: null, creditLimitFen: null, creditTermDays: null, warningState: 'none' as const, restricted: true as const })) };
      const { offset: _offset, limit: _limit, ...criteria } = input;
      audit.details = { criteria, results: result.total };
      return result;
    },
  },

  'customers.facets': {
    async run({ db }) {
      const [industries, grades] = await Promise.all([
        db.selectFrom('customers').select('industry').distinct().where('industry', 'is not', null).orderBy('industry').execute(),
        db.selectFrom('customers').select(['grade', 'grade_scale']).distinct().where('grade', 'is not', null).orderBy('grade_scale').orderBy('grade').execute(),
      ]);
      return {
        industries: industries.map((r) => r.industry!),
        grades: [...new Set(grades.map((r) => r.grade!))].sort(),
        gradeScales: grades.map((r) => ({ scale: r.grade_scale, grade: r.grade! })),
      };
    },
  },

  'customers.get': {
    async run({ db, input, now, audit }) {
      const file = await customerFileOf(db, input.id, dayOf(now));
      audit.target = `customer:${input.id}`;
      audit.details = { name: file.basics.name };
      return file;
    },
  },

  'customers.create': {
    async run({ db, input, actor, now, audit, host }) {
      await assertDepartment(db, input.departmentId);
      await assertUniqueIdentifiers(db, input);
      const id = host.ids.next();
      const at = now.toISOString();
      await db
        .insertInto('customers')
        .values({
          id,
          ...columnsOf(input),
          grade: null,
          warning_state: 'none',
          verification: 'pending',
          search_text: '',
          sort_key: pinyinSortKey(input.name),
          entered_by: actor!.userId,
          entered_at: at,
          verified_by: null,
          verified_at: null,
          created_at: at,
          updated_at: at,
        })
        .execute();
      if (input.contacts.length > 0) {
        await db
          .insertInto('customer_contacts')
          .values(input.contacts.map((c) => ({ id: host.ids.next(), customer_id: id, role: c.role, name: c.name, phone: c.phone, email: c.email, created_at: at })))
          .execute();
      }
      await reindexCustomer(db, id);
      audit.target = `customer:${id}`;
      audit.details = { name: input.name, creditCode: input.creditCode, idNumber: input.idNumber };
      return { id };
    },
  },

  'customers.update': {
    async run({ db, input, actor, now, audit }) {
      const before = await db.selectFrom('customers').selectAll().where('id', '=', input.id).executeTakeFirst();
      if (!before) throw new ArchiveError('NOT_FOUND', 'no such customer');
      await assertDepartment(db, input.departmentId);
      await assertUniqueIdentifiers(db, input, input.id);
      const after = columnsOf(input);
      const keyChanged = changedKeyFields(keyDataOf(before), keyDataOf(after));
      // Changed key data must be confirmed again by a second user.
      const verification = keyChanged.length > 0 ? 'pending' : before.verification;
      await db
        .updateTable('customers')
        .set({
          ...after,
          verification,
          // Whoever changes key data is who entered it now: someone else must confirm it.
          ...(keyChanged.length > 0 ? { entered_by: actor!.userId, verified_by: null, verified_at: null, entered_at: now.toISOString() } : {}),
          updated_at: now.toISOString(),
        })
        .where('id', '=', input.id)
        .execute();
      if (before.name !== after.name) await reindexCustomer(db, input.id);
      const changed = (Object.keys(after) as (keyof typeof after)[]).filter((k) => before[k] !== after[k]);
      audit.target = `customer:${input.id}`;
      audit.details = {
        changed,
        before: Object.fromEntries(changed.map((k) => [k, before[k]])),
        after: Object.fromEntries(changed.map((k) => [k, after[k]])),
        verificationReset: keyChanged.length > 0 && before.verification === 'verified',
      };
      return { id: input.id, verification };
    },
  },

  'customers.verify': {
    async run({ db, input, actor, now, audit }) {
      const c = await db.selectFrom('customers').select(['id', 'entered_by', 'verification']).where('id', '=', input.id).executeTakeFirst();
      if (!c) throw new ArchiveError('NOT_FOUND', 'no such customer');
      const refusal = verifyRefusal({ verification: c.verification, enteredBy: c.entered_by }, actor!.userId);
      if (refusal === 'alreadyVerified') throw new ArchiveError('CONFLICT', 'already verified', { reason: refusal });
      if (refusal === 'sameUser') throw new ArchiveError('FORBIDDEN', 'the key data must be confirmed by a second person', { reason: refusal });
      const at = now.toISOString();
      await db.updateTable('customers').set({ verification: 'verified', verified_by: actor!.userId, verified_at: at }).where('id', '=', input.id).execute();
      audit.target = `customer:${input.id}`;
      return verificationOf(db, input.id);
    },
  },
};
