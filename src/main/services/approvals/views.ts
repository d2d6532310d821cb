import type { Kysely, Transaction } from 'kysely';
import type { ChainDetail, ChainSummary } from '../../../shared/contract/approvals';
import { actionsFor, timeline, type ApprovalContext, type Deadline, type LocalizedText } from '../../../shared/domain/approvals';
import type { DB } from '../../archive/schema';
import type { LoadedChain } from './chains';

// How chains are shown: the list row every list shares, and one chain in full.

type Db = Kysely<DB> | Transaction<DB>;

/** The chain columns a list row needs, with its author's name. */
export function chainRows(db: Db) {
  return db
    .selectFrom('approval_chains as c')
    .innerJoin('users as author', 'author.id', 'c.author_id')
    .select([
      'c.id',
      'c.kind',
      'c.definition_id',
      'c.definition_version',
      'c.name',
      'c.subject',
      'c.customer_id',
      'c.amount_fen',
      'c.author_id',
      'author.display_name as author_name',
      'c.status',
      'c.current_step_id',
      'c.current_step_name',
      'c.deadline',
      'c.deadline_day',
      'c.submitted_at',
      'c.updated_at',
      'c.closed_at',
    ]);
}

type ChainRow = Awaited<ReturnType<ReturnType<typeof chainRows>['execute']>>[number];

export function toSummary(r: ChainRow, today: string): ChainSummary {
  const deadline = r.deadline ? (JSON.parse(r.deadline) as Deadline) : null;
  return {
    id: r.id,
    kind: r.kind as ChainSummary['kind'],
    definitionId: r.definition_id,
    definitionVersion: r.definition_version,
    name: JSON.parse(r.name) as LocalizedText,
    subject: r.subject,
    customerId: r.customer_id,
    amountFen: r.amount_fen,
    author: { id: r.author_id, displayName: r.author_name },
    status: r.status,
    currentStepId: r.current_step_id,
    currentStepName: r.current_step_name ? (JSON.parse(r.current_step_name) as LocalizedText) : null,
    deadline,
    overdue: r.status === 'running' && deadline !== null && today > deadline.day,
    submittedAt: r.submitted_at,
    updatedAt: r.updated_at,
    closedAt: r.closed_at,
  };
}

export async function summaryOf(db: Db, id: string, today: string): Promise<ChainSummary> {
  return toSummary(await chainRows(db).where('c.id', '=', id).executeTakeFirstOrThrow(), today);
}

/** One chain for `userId`: its form, timeline, what they may do now and the people named. */
export async function detailOf(db: Db, chain: LoadedChain, context: ApprovalContext, userId: string): Promise<ChainDetail> {
  const view = timeline(chain.definition, chain.state, context.today);
  const actions = actionsFor(chain.definition, chain.state, { ...context, userId });
  const ids = new Set<string>([chain.state.authorId, userId]);
  for (const step of view.steps) {
    for (const seat of step.seats) {
      ids.add(seat.userId);
      if (seat.transferredFrom) ids.add(seat.transferredFrom);
    }
    for (const d of step.decisions) {
      ids.add(d.actorId);
      ids.add(d.principalId);
      if (d.transferTo) ids.add(d.transferTo);
    }
  }
  for (const seat of actions.seats) {
    ids.add(seat.principalId);
    seat.transfer.targets.forEach((t) => ids.add(t));
  }
  const people = context.directory.users.filter((u) => ids.has(u.id)).map((u) => ({ id: u.id, displayName: u.name }));
  return {
    chain: await summaryOf(db, chain.id, context.today),
    content: chain.content,
    contentHash: chain.state.contentHash,
    facts: chain.state.form,
    timeline: { ...view, filedWith: view.filedWith ?? null },
    actions,
    people,
  };
}
