import type { Kysely, Transaction } from 'kysely';
import type { SaleDunningView } from '../../../shared/contract/dunning';
import { ArchiveError } from '../../../shared/contract/errors';
import {
  DEFAULT_COLLECTION_LETTER,
  fillLetter,
  LETTER_FIELDS,
  letterValues,
  refuseDunningStep,
  saleDunning,
  unknownPlaceholders,
  type DunningRecord,
  type DunningStepKind,
  type SuspensionChainStatus,
} from '../../../shared/domain/dunning';
import { dayOf, settleSales } from '../../../shared/domain/receivables';
import type { DB } from '../../archive/schema';
import type { Actor, PartialHandlers } from '../../host/handler';
import { startApproval } from '../approvals/chains';
import { readableAmong } from '../checkouts/access';
import { readSettings } from '../settings/handlers';
import { pdfFileName } from '../../pdf';
import { letterPdf } from './letter-pdf';
import { createHash } from 'node:crypto';
import type { ApprovalForm } from '../approvals/forms';

// 催收 (seed 003 五(二)): where each sale's payment and dunning stand, derived at every call
// from the sales, payments and returns in force (作废 ones count for nothing) and the steps
// recorded; recording a step is refused with the pure rule's reason when it is not open.

type Db = Kysely<DB> | Transaction<DB>;

const SUSPENSION = 'dunning_suspension';
const LETTER = 'collection_letter';

function caller(actor: Actor | null): Actor {
  if (!actor) throw new ArchiveError('UNAUTHENTICATED', 'not logged in');
  return actor;
}

const CHAIN_STATUS: Record<string, SuspensionChainStatus> = { running: 'open', returned: 'open', approved: 'approved', rejected: 'rejected', withdrawn: 'rejected' };

/** The customer's sales with their dunning on `today`: open ones oldest due first, then paid ones newest first. */
export async function customerSalesDunning(db: Db, customerId: string, today: string): Promise<SaleDunningView[]> {
  const [sales, payments, returns, contracts, steps] = await Promise.all([
    db.selectFrom('transactions').select(['id', 'contract_id', 'doc_no', 'amount_fen', 'occurred_on', 'due_on']).where('customer_id', '=', customerId).where('kind', '=', 'sale').where('voided_at', 'is', null).execute(),
    db.selectFrom('payments').select(['id', 'contract_id', 'ref', 'amount_fen', 'paid_on']).where('customer_id', '=', customerId).where('voided_at', 'is', null).execute(),
    db.selectFrom('transactions').select(['id', 'contract_id', 'doc_no', 'amount_fen', 'occurred_on']).where('customer_id', '=', customerId).where('kind', '=', 'return').where('voided_at', 'is', null).execute(),
    db.selectFrom('contracts').select(['id', 'contract_no']).where('customer_id', '=', customerId).execute(),
    db
      .selectFrom('dunning_steps as d')
      .innerJoin('users as u', 'u.id', 'd.by_user')
      .leftJoin('approval_chains as c', 'c.id', 'd.chain_id')
      .select(['d.id', 'd.sale_id', 'd.kind', 'd.done_on', 'd.channel', 'd.note', 'd.chain_id', 'd.at', 'd.by_user', 'u.display_name', 'c.status as chain_status'])
      .where('d.customer_id', '=', customerId)
      .orderBy('d.at')
      .execute(),
  ]);
  const settled = settleSales(
    sales.map((s) => ({ id: s.id, contractId: s.contract_id, docNo: s.doc_no, amountFen: s.amount_fen, occurredOn: s.occurred_on, dueOn: s.due_on })),
    [
      ...payments.map((p) => ({ id: p.id, contractId: p.contract_id, ref: p.ref, amountFen: p.amount_fen, on: p.paid_on })),
      ...returns.map((r) => ({ id: r.id, contractId: r.contract_id, ref: r.doc_no, amountFen: r.amount_fen, on: r.occurred_on })),
    ],
    today,
  );
  const contractNo = new Map(contracts.map((c) => [c.id, c.contract_no]));
  const bySale = new Map<string, typeof steps>();
  for (const s of steps) bySale.set(s.sale_id, [...(bySale.get(s.sale_id) ?? []), s]);
  const views = settled.sales.map((row): SaleDunningView => {
    const recorded = bySale.get(row.sale.id) ?? [];
    const records: (DunningRecord & { row: (typeof steps)[number] })[] = recorded.map((r) => ({
      kind: r.kind,
      on: r.done_on,
      channel: r.channel,
      chain: r.chain_status ? CHAIN_STATUS[r.chain_status] : null,
      row: r,
    }));
    const d = saleDunning(
      { saleId: row.sale.id, docNo: row.sale.docNo, contractId: row.sale.contractId, amountFen: row.sale.amountFen, occurredOn: row.sale.occurredOn, dueOn: row.sale.dueOn, leftFen: row.leftFen, settledOn: row.settledOn },
      records,
      today,
    );
    return {
      saleId: row.sale.id,
      docNo: row.sale.docNo,
      contractNo: row.sale.contractId ? (contractNo.get(row.sale.contractId) ?? null) : null,
      occurredOn: row.sale.occurredOn,
      dueOn: row.sale.dueOn,
      amountFen: row.sale.amountFen,
      balanceFen: d.balanceFen,
      state: d.state,
      daysOverdue: d.daysOverdue,
      due: d.due,
      steps: d.steps.map((step) => {
        const r = step.record ? (step.record as (typeof records)[number]).row : null;
        return {
          kind: step.kind,
          opensOn: step.opensOn,
          status: step.status,
          record: r
            ? {
                id: r.id,
                on: r.done_on,
                by: { id: r.by_user, displayName: r.display_name },
                channel: r.channel,
                note: r.note,
                chainId: r.chain_id,
                chainStatus: r.chain_status ?? null,
                at: r.at,
              }
            : null,
        };
      }),
    };
  });
  const open = views.filter((v) => v.state !== 'paid').sort((a, b) => ((a.dueOn ?? '9999') < (b.dueOn ?? '9999') ? -1 : (a.dueOn ?? '9999') > (b.dueOn ?? '9999') ? 1 : 0));
  const paid = views.filter((v) => v.state === 'paid').sort((a, b) => (a.occurredOn < b.occurredOn ? 1 : a.occurredOn > b.occurredOn ? -1 : 0));
  return [...open, ...paid];
}

async function saleOf(db: Db, saleId: string) {
  const sale = await db.selectFrom('transactions').select(['id', 'customer_id', 'kind', 'voided_at']).where('id', '=', saleId).executeTakeFirst();
  if (!sale) throw new ArchiveError('NOT_FOUND', 'no such sale');
  if (sale.kind !== 'sale' || sale.voided_at !== null) throw new ArchiveError('CONFLICT', 'only a sale in force is dunned', { reason: 'notASale' });
  return sale;
}

/** The sale's dunning now, refusing `kind` with the rule's reason when it may not be recorded. */
async function openStep(db: Db, saleId: string, kind: DunningStepKind, today: string): Promise<{ customerId: string; view: SaleDunningView }> {
  const sale = await saleOf(db, saleId);
  const view = (await customerSalesDunning(db, sale.customer_id, today)).find((v) => v.saleId === saleId)!;
  const refusal = refuseDunningStep(
    { saleId, state: view.state, balanceFen: view.balanceFen, daysOverdue: view.daysOverdue, due: view.due, steps: view.steps.map((s) => ({ kind: s.kind, opensOn: s.opensOn, status: s.status, record: null })) },
    kind,
  );
  if (refusal) throw new ArchiveError('CONFLICT', `this dunning step cannot be recorded: ${refusal}`, { reason: refusal });
  return { customerId: sale.customer_id, view };
}

async function viewOf(db: Db, customerId: string, saleId: string, today: string): Promise<SaleDunningView> {
  return (await customerSalesDunning(db, customerId, today)).find((v) => v.saleId === saleId)!;
}

async function currentTemplate(db: Db) {
  return db
    .selectFrom('dunning_templates as t')
    .innerJoin('users as u', 'u.id', 't.saved_by')
    .select(['t.body', 't.version', 't.saved_at', 't.saved_by', 'u.display_name'])
    .where('t.code', '=', LETTER)
    .orderBy('t.version', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** What the suspension's chain does on final approval: the customer's cooperation stops from that day. */
export const dunningSuspensionForm: ApprovalForm = {
  kind: SUSPENSION,
  async onApproved(db, chain, now) {
    const step = await db.selectFrom('dunning_steps').select(['customer_id']).where('chain_id', '=', chain.id).executeTakeFirst();
    if (!step) throw new ArchiveError('INTERNAL', 'an approved suspension chain without its recommendation');
    await db.updateTable('customers').set({ cooperation_suspended_on: dayOf(now), cooperation_suspended_by_chain: chain.id, updated_at: now.toISOString() }).where('id', '=', step.customer_id).execute();
  },
};

export const dunningHandlers: PartialHandlers = {
  'dunning.sales': {
    async run({ input, db, now, audit }) {
      const customer = await db.selectFrom('customers').select(['id', 'cooperation_suspended_on', 'cooperation_suspended_by_chain']).where('id', '=', input.customerId).executeTakeFirst();
      if (!customer) throw new ArchiveError('NOT_FOUND', 'no such customer');
      audit.target = `customer:${customer.id}`;
      const suspended = customer.cooperation_suspended_on && customer.cooperation_suspended_by_chain ? { on: customer.cooperation_suspended_on, chainId: customer.cooperation_suspended_by_chain } : null;
      return { sales: await customerSalesDunning(db, customer.id, dayOf(now)), cooperationSuspended: suspended };
    },
  },

  'dunning.work': {
    async run({ db, actor, now }) {
      const me = caller(actor);
      const today = dayOf(now);
      // Candidates: customers with a sale in force due within the reminder week or before,
      // served by the caller (客服经理) — the credit manager (evaluations.manage) sees every customer's.
      let q = db
        .selectFrom('transactions as t')
        .innerJoin('customers as c', 'c.id', 't.customer_id')
        .select(['c.id', 'c.name', 'c.sort_key'])
        .distinct()
        .where('t.kind', '=', 'sale')
        .where('t.voided_at', 'is', null)
        .where('t.due_on', 'is not', null)
        .where('t.due_on', '<=', dayOf(new Date(now.getTime() + 6 * 86_400_000)));
      // A customer without a 客服经理 yet is everyone's to dun.
      if (!me.permissions.has('evaluations.manage')) q = q.where((eb) => eb.or([eb('c.service_manager_id', '=', me.userId), eb('c.service_manager_id', 'is', null)]));
      const candidates = await q.orderBy('c.sort_key').execute();
      // Only files the caller may read (seed 000 查询权限): names and balances are credit information.
      const readable = await readableAmong(db, me, candidates.map((c) => c.id), now);
      const customers = readable === null ? candidates : candidates.filter((c) => readable.has(c.id));
      const items = [];
      const counts = { reminder: 0, letter: 0, suspension: 0 };
      for (const c of customers) {
        for (const sale of await customerSalesDunning(db, c.id, today)) {
          for (const kind of sale.due) {
            counts[kind] += 1;
            items.push({ customer: { id: c.id, name: c.name }, saleId: sale.saleId, docNo: sale.docNo, dueOn: sale.dueOn!, balanceFen: sale.balanceFen, daysOverdue: sale.daysOverdue, kind });
          }
        }
      }
      return { items, counts };
    },
  },

  'dunning.recordReminder': {
    async run({ input, db, actor, now, audit, host }) {
      const me = caller(actor);
      const today = dayOf(now);
      const { customerId } = await openStep(db, input.saleId, 'reminder', today);
      await db
        .insertInto('dunning_steps')
        .values({ id: host.ids.next(), customer_id: customerId, sale_id: input.saleId, kind: 'reminder', done_on: today, channel: input.channel, note: input.note, chain_id: null, by_user: me.userId, at: now.toISOString() })
        .execute();
      audit.target = `customer:${customerId}`;
      audit.details = { saleId: input.saleId, channel: input.channel };
      return viewOf(db, customerId, input.saleId, today);
    },
  },

  'dunning.letter': {
    async run({ input, db, actor, now, audit, host }) {
      const me = caller(actor);
      const today = dayOf(now);
      const sale = await saleOf(db, input.saleId);
      let view = await viewOf(db, sale.customer_id, input.saleId, today);
      const letterStep = view.steps.find((s) => s.kind === 'letter');
      // The first letter records the step; printing it again later is allowed and logged.
      if (letterStep?.status !== 'done') {
        await openStep(db, input.saleId, 'letter', today);
        await db
          .insertInto('dunning_steps')
          .values({ id: host.ids.next(), customer_id: sale.customer_id, sale_id: input.saleId, kind: 'letter', done_on: today, channel: null, note: null, chain_id: null, by_user: me.userId, at: now.toISOString() })
          .execute();
        view = await viewOf(db, sale.customer_id, input.saleId, today);
      }
      const [customer, company, clerk, template] = await Promise.all([
        db.selectFrom('customers').select(['name', 'credit_code', 'id_number']).where('id', '=', sale.customer_id).executeTakeFirstOrThrow(),
        readSettings(db),
        db.selectFrom('users').select('display_name').where('id', '=', me.userId).executeTakeFirstOrThrow(),
        currentTemplate(db),
      ]);
      if (!host.pdfFont) throw new ArchiveError('INTERNAL', 'the font the PDFs embed is missing');
      const text = fillLetter(
        template?.body ?? DEFAULT_COLLECTION_LETTER,
        letterValues({
          customerName: customer.name,
          customerCode: customer.credit_code ?? customer.id_number ?? '',
          docNo: view.docNo,
          contractNo: view.contractNo,
          occurredOn: view.occurredOn,
          dueOn: view.dueOn!,
          amountFen: view.amountFen,
          balanceFen: view.balanceFen,
          daysOverdue: view.daysOverdue,
          today,
          companyName: company.companyName,
          clerk: clerk.display_name,
        }),
      );
      const { bytes, pages } = await letterPdf({ fontPath: host.pdfFont, text, customerName: customer.name, printedBy: clerk.display_name, now });
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      audit.target = `customer:${sale.customer_id}`;
      audit.details = { saleId: input.saleId, balanceFen: view.balanceFen, daysOverdue: view.daysOverdue, pages, bytes: bytes.length, sha256 };
      return { sale: view, text, fileName: pdfFileName(['催款函', customer.name, view.docNo ?? today]), mime: 'application/pdf' as const, contentBase64: bytes.toString('base64'), pages };
    },
  },

  'dunning.recommendSuspension': {
    async run({ input, db, actor, now, audit, host }) {
      const me = caller(actor);
      const today = dayOf(now);
      const { customerId, view } = await openStep(db, input.saleId, 'suspension', today);
      const customer = await db.selectFrom('customers').select(['id', 'name', 'department_id', 'confidentiality']).where('id', '=', customerId).executeTakeFirstOrThrow();
      const chain = await startApproval(
        db,
        {
          kind: SUSPENSION,
          authorId: me.userId,
          content: { customerId, customerName: customer.name, saleId: input.saleId, docNo: view.docNo, contractNo: view.contractNo, dueOn: view.dueOn, amountFen: view.amountFen, balanceFen: view.balanceFen, daysOverdue: view.daysOverdue, reason: input.reason },
          facts: { amountFen: view.balanceFen },
          subject: customer.name,
          customerId,
          async writeForm(chainId) {
            await db
              .insertInto('dunning_steps')
              .values({ id: host.ids.next(), customer_id: customerId, sale_id: input.saleId, kind: 'suspension', done_on: today, channel: null, note: input.reason, chain_id: chainId, by_user: me.userId, at: now.toISOString() })
              .execute();
          },
        },
        now,
        host.ids,
      );
      audit.target = `approval:${chain.id}`;
      audit.details = { customerId, saleId: input.saleId, balanceFen: view.balanceFen, daysOverdue: view.daysOverdue };
      return { sale: await viewOf(db, customerId, input.saleId, today), chainId: chain.id };
    },
  },

  'dunning.template': {
    async run({ db }) {
      const t = await currentTemplate(db);
      return {
        text: t?.body ?? DEFAULT_COLLECTION_LETTER,
        savedAt: t?.saved_at ?? null,
        savedBy: t ? { id: t.saved_by, displayName: t.display_name } : null,
        fields: [...LETTER_FIELDS],
      };
    },
  },

  'dunning.setTemplate': {
    async run({ input, db, actor, now, audit }) {
      const me = caller(actor);
      const unknown = unknownPlaceholders(input.text);
      if (unknown.length > 0) throw new ArchiveError('VALIDATION', `unknown placeholders: ${unknown.join(', ')}`, { reason: 'unknownPlaceholder', placeholders: unknown });
      const last = await currentTemplate(db);
      const version = (last?.version ?? 0) + 1;
      await db.insertInto('dunning_templates').values({ code: LETTER, version, body: input.text, saved_at: now.toISOString(), saved_by: me.userId }).execute();
      audit.details = { template: LETTER, version };
      return null;
    },
  },
};
