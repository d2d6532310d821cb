import type { Kysely, Transaction } from 'kysely';
import type { CreditLimitChange, CreditLimitRequest } from '../../../shared/contract/creditLimits';
import { ArchiveError } from '../../../shared/contract/errors';
import { countingBallots, type LocalizedText } from '../../../shared/domain/approvals';
import { dayOf } from '../../../shared/domain/receivables';
import type { DB } from '../../archive/schema';
import type { Actor, PartialHandlers } from '../../host/handler';
import { loadChain, resubmitApproval, startApproval, type LoadedChain } from '../approvals/chains';
import { warningsChanged } from '../warnings/evaluate';
import type { ApprovalForm, ApprovedChain } from '../approvals/forms';
import type { IdSource } from '../../host/types';
import { visibleChain } from '../approvals/handlers';

// 授信额度调整: a request for a customer's new credit limit and term goes through the
// credit-limit chain; on its final approval (in the same transaction) the customer's
// limit and term change and a history row says from when, why and by whose approval.

type Db = Kysely<DB> | Transaction<DB>;

const KIND = 'credit_limit_change';

interface RequestContent {
  [key: string]: string | number;
  customerId: string;
  limitFen: number;
  termDays: number;
  reason: string;
}

function caller(actor: Actor | null): Actor {
  if (!actor) throw new ArchiveError('UNAUTHENTICATED', 'not logged in');
  return actor;
}

function requestRows(db: Db) {
  return db
    .selectFrom('credit_limit_requests as r')
    .innerJoin('approval_chains as c', 'c.id', 'r.chain_id')
    .innerJoin('customers as k', 'k.id', 'r.customer_id')
    .innerJoin('users as u', 'u.id', 'r.requested_by')
    .select([
      'r.chain_id',
      'r.customer_id',
      'k.name as customer_name',
      'r.before_limit_fen',
      'r.before_term_days',
      'r.limit_fen',
      'r.term_days',
      'r.reason',
      'c.status',
      'r.requested_by',
      'u.display_name as requested_name',
      'r.requested_at',
      'r.applied_at',
    ]);
}

type RequestRow = Awaited<ReturnType<ReturnType<typeof requestRows>['execute']>>[number];

function toRequest(r: RequestRow): CreditLimitRequest {
  return {
    chainId: r.chain_id,
    customer: { id: r.customer_id, name: r.customer_name },
    before: { limitFen: r.before_limit_fen, termDays: r.before_term_days },
    limitFen: r.limit_fen,
    termDays: r.term_days,
    reason: r.reason,
    status: r.status,
    requestedBy: { id: r.requested_by, displayName: r.requested_name },
    requestedAt: r.requested_at,
    appliedAt: r.applied_at,
  };
}

async function requestOf(db: Db, chainId: string): Promise<CreditLimitRequest> {
  const row = await requestRows(db).where('r.chain_id', '=', chainId).executeTakeFirst();
  if (!row) throw new ArchiveError('NOT_FOUND', 'no such credit limit request');
  return toRequest(row);
}

async function customerOf(db: Db, id: string) {
  const c = await db.selectFrom('customers').select(['id', 'name', 'credit_limit_fen', 'credit_term_days']).where('id', '=', id).executeTakeFirst();
  if (!c) throw new ArchiveError('NOT_FOUND', 'no such customer');
  return c;
}

function creditChain(chain: LoadedChain): LoadedChain {
  if (chain.kind !== KIND) throw new ArchiveError('CONFLICT', 'this approval is not a credit limit request', { reason: 'notCreditLimitChain' });
  return chain;
}

export interface LimitChange {
  customerId: string;
  /** The chain whose final approval made the change (one change per chain). */
  chain: ApprovedChain;
  limitFen: number;
  termDays: number;
  reason: string;
  requestedBy: string;
}

/**
 * A customer's limit and term change, with a history row that says from when, why and by
 * whose approval: the one path every limit change takes (a limit request's approval, a
 * credit evaluation becoming final).
 */
export async function applyLimitChange(db: Transaction<DB>, change: LimitChange, now: Date, ids: IdSource): Promise<void> {
  const customer = await customerOf(db, change.customerId);
  const at = now.toISOString();
  const day = dayOf(now);
  const { chain } = change;
  const ballots = chain.definition.steps.flatMap((step) =>
    countingBallots(chain.state, step.id)
      .filter((b) => b.kind === 'approve')
      .map((b) => ({ stepId: step.id, stepName: step.name, actorId: b.actorId, principalId: b.principalId, at: b.at })),
  );
  await db
    .updateTable('customers')
    .set({ credit_limit_fen: change.limitFen, credit_term_days: change.termDays, credit_limit_since: day, updated_at: at })
    .where('id', '=', change.customerId)
    .execute();
  await db
    .insertInto('credit_limit_history')
    .values({
      id: ids.next(),
      customer_id: change.customerId,
      chain_id: chain.id,
      limit_fen: change.limitFen,
      term_days: change.termDays,
      previous_limit_fen: customer.credit_limit_fen,
      previous_term_days: customer.credit_term_days,
      effective_on: day,
      effective_at: at,
      reason: change.reason,
      requested_by: change.requestedBy,
      approvals: JSON.stringify(ballots),
    })
    .execute();
}

/** What the credit-limit chain needs of the approvals service: the change takes effect on final approval. */
export const creditLimitForm: ApprovalForm = {
  kind: KIND,
  async onApproved(db, chain, now, ids) {
    const request = await db.selectFrom('credit_limit_requests').selectAll().where('chain_id', '=', chain.id).executeTakeFirst();
    if (!request) throw new ArchiveError('INTERNAL', 'an approved credit limit chain without its request');
    await applyLimitChange(
      db,
      { customerId: request.customer_id, chain, limitFen: request.limit_fen, termDays: request.term_days, reason: request.reason, requestedBy: request.requested_by },
      now,
      ids,
    );
    await db.updateTable('credit_limit_requests').set({ applied_at: now.toISOString() }).where('chain_id', '=', chain.id).execute();
    // A new limit and term: the warning rules (overdue share of the term, limit used) look again.
    await warningsChanged(db, now, ids, [request.customer_id]);
  },
};

interface StoredApproval {
  stepId: string;
  stepName: LocalizedText;
  actorId: string;
  principalId: string;
  at: string;
}

export const creditLimitHandlers: PartialHandlers = {
  'creditLimits.request': {
    async run({ input, db, actor, now, audit, host }) {
      const me = caller(actor);
      const customer = await customerOf(db, input.customerId);
      const open = await db
        .selectFrom('approval_chains')
        .select('id')
        .where('customer_id', '=', input.customerId)
        .where('kind', '=', KIND)
        .where('status', 'in', ['running', 'returned'])
        .executeTakeFirst();
      if (open) throw new ArchiveError('CONFLICT', 'this customer has a credit limit request in progress', { reason: 'requestOpen', chainId: open.id });
      const content: RequestContent = { customerId: input.customerId, limitFen: input.limitFen, termDays: input.termDays, reason: input.reason };
      const at = now.toISOString();
      const chain = await startApproval(
        db,
        {
          kind: KIND,
          authorId: me.userId,
          content,
          facts: { amountFen: input.limitFen },
          subject: customer.name,
          customerId: customer.id,
          async writeForm(chainId) {
            await db
              .insertInto('credit_limit_requests')
              .values({
                chain_id: chainId,
                customer_id: customer.id,
                limit_fen: input.limitFen,
                term_days: input.termDays,
                reason: input.reason,
                before_limit_fen: customer.credit_limit_fen,
                before_term_days: customer.credit_term_days,
                requested_by: me.userId,
                requested_at: at,
              })
              .execute();
          },
        },
        now,
        host.ids,
      );
      audit.target = `approval:${chain.id}`;
      audit.details = { customerId: customer.id, limitFen: input.limitFen, termDays: input.termDays, status: chain.state.status };
      return requestOf(db, chain.id);
    },
  },

  'creditLimits.resubmit': {
    async run({ input, db, actor, now, audit, host }) {
      const me = caller(actor);
      const chain = creditChain(await loadChain(db, input.chainId));
      const customerId = (chain.content as RequestContent).customerId;
      const customer = await customerOf(db, customerId);
      const content: RequestContent = { customerId, limitFen: input.limitFen, termDays: input.termDays, reason: input.reason };
      // The engine refuses anyone but the author, and a form that is not returned; only then the request changes.
      const next = await resubmitApproval(db, chain, { actorId: me.userId, content, facts: { amountFen: input.limitFen } }, now, host.ids);
      await db
        .updateTable('credit_limit_requests')
        .set({
          limit_fen: input.limitFen,
          term_days: input.termDays,
          reason: input.reason,
          before_limit_fen: customer.credit_limit_fen,
          before_term_days: customer.credit_term_days,
        })
        .where('chain_id', '=', chain.id)
        .execute();
      audit.target = `approval:${chain.id}`;
      audit.details = { customerId, limitFen: input.limitFen, termDays: input.termDays, status: next.state.status };
      return requestOf(db, chain.id);
    },
  },

  'creditLimits.get': {
    async run({ input, db, actor }) {
      creditChain(await visibleChain(db, input.chainId, caller(actor)));
      return requestOf(db, input.chainId);
    },
  },

  'creditLimits.history': {
    async run({ input, db, audit }) {
      const customer = await db
        .selectFrom('customers')
        .select(['id', 'credit_limit_fen', 'credit_term_days', 'credit_limit_since'])
        .where('id', '=', input.customerId)
        .executeTakeFirst();
      if (!customer) throw new ArchiveError('NOT_FOUND', 'no such customer');
      audit.target = `customer:${customer.id}`;
      const [history, open, users] = await Promise.all([
        db
          .selectFrom('credit_limit_history as h')
          .innerJoin('users as u', 'u.id', 'h.requested_by')
          .selectAll('h')
          .select('u.display_name as requested_name')
          .where('h.customer_id', '=', customer.id)
          .orderBy('h.effective_at', 'desc')
          .execute(),
        requestRows(db).where('r.customer_id', '=', customer.id).where('c.status', 'in', ['running', 'returned']).orderBy('r.requested_at', 'desc').execute(),
        db.selectFrom('users').select(['id', 'display_name']).execute(),
      ]);
      const name = new Map(users.map((u) => [u.id, u.display_name]));
      const person = (id: string) => ({ id, displayName: name.get(id) ?? '' });
      const changes: CreditLimitChange[] = history.map((h) => ({
        id: h.id,
        limitFen: h.limit_fen,
        termDays: h.term_days,
        previousLimitFen: h.previous_limit_fen,
        previousTermDays: h.previous_term_days,
        effectiveOn: h.effective_on,
        effectiveAt: h.effective_at,
        reason: h.reason,
        chainId: h.chain_id,
        requestedBy: { id: h.requested_by, displayName: h.requested_name },
        approvals: (JSON.parse(h.approvals) as StoredApproval[]).map((a) => ({
          stepId: a.stepId,
          stepName: a.stepName,
          by: person(a.actorId),
          onBehalfOf: a.actorId === a.principalId ? null : person(a.principalId),
          at: a.at,
        })),
      }));
      const current =
        customer.credit_limit_fen === null || customer.credit_term_days === null || customer.credit_limit_since === null
          ? null
          : { limitFen: customer.credit_limit_fen, termDays: customer.credit_term_days, since: customer.credit_limit_since };
      return { current, changes, open: open.map(toRequest) };
    },
  },
};
