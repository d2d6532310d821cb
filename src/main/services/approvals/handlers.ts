import { sql, type Kysely, type Transaction } from 'kysely';
import type { DelegationDto, ApprovalDefinitionDto } from '../../../shared/contract/approvals';
import { ArchiveError, type FieldIssue } from '../../../shared/contract/errors';
import { previewChain, validateDefinition, type ApprovalDefinition, type ApprovalEvent, type LocalizedText } from '../../../shared/domain/approvals';
import { dayOf } from '../../../shared/domain/receivables';
import type { DB } from '../../archive/schema';
import type { Actor, PartialHandlers } from '../../host/handler';
import { applyEvent, approvalContext, definitionOf, loadChain, loadDelegations, mayView, type LoadedChain } from './chains';
import { chainRows, detailOf, toSummary } from './views';

type Db = Kysely<DB> | Transaction<DB>;

function caller(actor: Actor | null): Actor {
  if (!actor) throw new ArchiveError('UNAUTHENTICATED', 'not logged in');
  return actor;
}

/** The chain, if the caller may see it (FORBIDDEN otherwise, NOT_FOUND when there is none). */
export async function visibleChain(db: Db, id: string, actor: Actor): Promise<LoadedChain> {
  const chain = await loadChain(db, id);
  const delegations = await loadDelegations(db);
  if (!mayView(chain, actor.userId, delegations, actor.permissions.has('approvals.manage'))) {
    throw new ArchiveError('FORBIDDEN', 'this approval is not yours to see');
  }
  return chain;
}

/** Users who delegated to `userId` for `today` (not ended early). */
async function principalsOf(db: Db, userId: string, today: string): Promise<string[]> {
  const rows = await db
    .selectFrom('approval_delegations')
    .select('from_user_id')
    .where('to_user_id', '=', userId)
    .where('ended_at', 'is', null)
    .where('from_day', '<=', today)
    .where('to_day', '>=', today)
    .execute();
  return [...new Set(rows.map((r) => r.from_user_id))];
}

/** The seats waiting for `userId` or those they act for today; a delegate never sees their own form. */
function waitingSeats(db: Db, userId: string, principals: string[]) {
  return db
    .selectFrom('approval_seats as s')
    .innerJoin('approval_chains as w', 'w.id', 's.chain_id')
    .where((eb) =>
      principals.length === 0
        ? eb('s.user_id', '=', userId)
        : eb.or([eb('s.user_id', '=', userId), eb.and([eb('s.user_id', 'in', principals), eb('w.author_id', '<>', userId)])]),
    );
}

function delegationState(r: { from_day: string; to_day: string; ended_at: string | null }, today: string): DelegationDto['state'] {
  if (r.ended_at) return 'ended';
  if (today < r.from_day) return 'upcoming';
  if (today > r.to_day) return 'past';
  return 'current';
}

function delegationRows(db: Db) {
  return db
    .selectFrom('approval_delegations as d')
    .innerJoin('users as f', 'f.id', 'd.from_user_id')
    .innerJoin('users as t', 't.id', 'd.to_user_id')
    .select(['d.id', 'd.from_user_id', 'f.display_name as from_name', 'd.to_user_id', 't.display_name as to_name', 'd.from_day', 'd.to_day', 'd.created_at', 'd.ended_at'])
    .orderBy('d.from_day', 'desc')
    .orderBy('d.id', 'desc');
}

type DelegationRow = Awaited<ReturnType<ReturnType<typeof delegationRows>['execute']>>[number];

function toDelegation(r: DelegationRow, today: string): DelegationDto {
  return {
    id: r.id,
    from: { id: r.from_user_id, displayName: r.from_name },
    to: { id: r.to_user_id, displayName: r.to_name },
    fromDay: r.from_day,
    toDay: r.to_day,
    state: delegationState(r, today),
    createdAt: r.created_at,
    endedAt: r.ended_at,
  };
}

function problemsAsIssues(definition: ApprovalDefinition): FieldIssue[] {
  return validateDefinition(definition).map((p) => {
    const index = p.stepId === null ? -1 : definition.steps.findIndex((s) => s.id === p.stepId);
    return { path: index < 0 ? ['definition'] : ['definition', 'steps', index], code: p.problem, message: p.problem };
  });
}

async function versionsOf(db: Db, id: string) {
  const rows = await db
    .selectFrom('approval_definitions as v')
    .leftJoin('users as u', 'u.id', 'v.saved_by')
    .select((eb) => [
      'v.version',
      'v.saved_at',
      'v.saved_by',
      'u.display_name',
      eb
        .selectFrom('approval_chains as c')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('c.definition_id', '=', 'v.id')
        .whereRef('c.definition_version', '=', 'v.version')
        .as('chains'),
    ])
    .where('v.id', '=', id)
    .orderBy('v.version', 'desc')
    .execute();
  return rows.map((r) => ({
    version: r.version,
    savedAt: r.saved_at,
    savedBy: r.saved_by ? { id: r.saved_by, displayName: r.display_name ?? '' } : null,
    chains: Number(r.chains ?? 0),
  }));
}

async function departmentHeadOf(db: Db, departmentId: string) {
  const r = await db
    .selectFrom('departments as d')
    .leftJoin('users as h', 'h.id', 'd.head_user_id')
    .select(['d.id', 'd.code', 'd.name', 'd.head_user_id', 'h.display_name'])
    .where('d.id', '=', departmentId)
    .executeTakeFirst();
  if (!r) throw new ArchiveError('NOT_FOUND', 'no such department');
  return { departmentId: r.id, code: r.code, name: r.name, head: r.head_user_id ? { id: r.head_user_id, displayName: r.display_name ?? '' } : null };
}

export const approvalsHandlers: PartialHandlers = {
  'approvals.inbox': {
    async run({ input, db, actor, now }) {
      const me = caller(actor);
      const today = dayOf(now);
      const principals = await principalsOf(db, me.userId, today);
      const counts = await waitingSeats(db, me.userId, principals)
        .select((eb) => [eb.fn.countAll<number>().as('total'), eb.fn.sum<number>(sql`CASE WHEN s.deadline_day < ${today} THEN 1 ELSE 0 END`).as('overdue')])
        .where('w.status', '=', 'running')
        .executeTakeFirstOrThrow();
      const seats = await waitingSeats(db, me.userId, principals)
        .innerJoin('users as p', 'p.id', 's.user_id')
        .select(['s.chain_id', 's.step_id', 's.user_id', 'p.display_name as principal_name'])
        .where('w.status', '=', 'running')
        .orderBy(sql`s.deadline_day IS NULL`)
        .orderBy('s.deadline_day')
        .orderBy('s.opened_at')
        .orderBy('s.chain_id')
        .limit(input.limit)
        .offset(input.offset)
        .execute();
      const chains = seats.length === 0 ? [] : await chainRows(db).where('c.id', 'in', [...new Set(seats.map((s) => s.chain_id))]).execute();
      const byId = new Map(chains.map((c) => [c.id, c]));
      return {
        total: Number(counts.total),
        overdue: Number(counts.overdue ?? 0),
        rows: seats.map((s) => ({
          ...toSummary(byId.get(s.chain_id)!, today),
          stepId: s.step_id,
          principal: { id: s.user_id, displayName: s.principal_name },
          delegated: s.user_id !== me.userId,
        })),
      };
    },
  },

  'approvals.inboxCount': {
    async run({ db, actor, now }) {
      const me = caller(actor);
      const today = dayOf(now);
      const principals = await principalsOf(db, me.userId, today);
      const counts = await waitingSeats(db, me.userId, principals)
        .select((eb) => [eb.fn.countAll<number>().as('total'), eb.fn.sum<number>(sql`CASE WHEN s.deadline_day < ${today} THEN 1 ELSE 0 END`).as('overdue')])
        .where('w.status', '=', 'running')
        .executeTakeFirstOrThrow();
      return { total: Number(counts.total), overdue: Number(counts.overdue ?? 0) };
    },
  },

  'approvals.mine': {
    async run({ input, db, actor, now }) {
      const me = caller(actor);
      const today = dayOf(now);
      let count = db.selectFrom('approval_chains').select((eb) => eb.fn.countAll<number>().as('n')).where('author_id', '=', me.userId);
      let rows = chainRows(db).where('c.author_id', '=', me.userId);
      if (input.status) {
        count = count.where('status', '=', input.status);
        rows = rows.where('c.status', '=', input.status);
      }
      const [total, page] = await Promise.all([
        count.executeTakeFirstOrThrow(),
        rows.orderBy('c.submitted_at', 'desc').orderBy('c.id', 'desc').limit(input.limit).offset(input.offset).execute(),
      ]);
      return { total: Number(total.n), rows: page.map((r) => toSummary(r, today)) };
    },
  },

  'approvals.done': {
    async run({ input, db, actor, now }) {
      const me = caller(actor);
      const today = dayOf(now);
      const [total, decisions] = await Promise.all([
        db.selectFrom('approval_decisions').select((eb) => eb.fn.countAll<number>().as('n')).where('actor_id', '=', me.userId).executeTakeFirstOrThrow(),
        db
          .selectFrom('approval_decisions as d')
          .innerJoin('users as p', 'p.id', 'd.principal_id')
          .select(['d.chain_id', 'd.seq', 'd.step_id', 'd.step_name', 'd.kind', 'd.at', 'd.opinion', 'd.principal_id', 'p.display_name as principal_name', 'd.voided_reason'])
          .where('d.actor_id', '=', me.userId)
          .orderBy('d.at', 'desc')
          .orderBy('d.seq', 'desc')
          .limit(input.limit)
          .offset(input.offset)
          .execute(),
      ]);
      const chains = decisions.length === 0 ? [] : await chainRows(db).where('c.id', 'in', [...new Set(decisions.map((d) => d.chain_id))]).execute();
      const byId = new Map(chains.map((c) => [c.id, c]));
      return {
        total: Number(total.n),
        rows: decisions.map((d) => ({
          ...toSummary(byId.get(d.chain_id)!, today),
          decision: {
            seq: d.seq,
            stepId: d.step_id,
            stepName: JSON.parse(d.step_name) as LocalizedText,
            kind: d.kind,
            at: d.at,
            opinion: d.opinion,
            principal: { id: d.principal_id, displayName: d.principal_name },
            delegated: d.principal_id !== me.userId,
            voided: (d.voided_reason as 'contentChanged' | 'returned' | null) ?? null,
          },
        })),
      };
    },
  },

  'approvals.get': {
    async run({ input, db, actor, now }) {
      const me = caller(actor);
      const chain = await visibleChain(db, input.id, me);
      return detailOf(db, chain, await approvalContext(db, now), me.userId);
    },
  },

  'approvals.decide': {
    async run({ input, db, actor, now, audit, host }) {
      const me = caller(actor);
      const chain = await loadChain(db, input.chainId);
      const base = { actorId: me.userId, onBehalfOf: input.onBehalfOf, stepId: input.stepId, contentHash: input.contentHash, opinion: input.opinion, at: now.toISOString() };
      const event: ApprovalEvent =
        input.kind === 'return'
          ? { type: 'return', to: input.to, ...base }
          : input.kind === 'transfer'
            ? { type: 'transfer', toUserId: input.toUserId, ...base }
            : { type: input.kind, ...base };
      const next = await applyEvent(db, chain, event, now, host.ids);
      audit.target = `approval:${chain.id}`;
      audit.details = {
        kind: chain.kind,
        decision: input.kind,
        stepId: input.stepId,
        onBehalfOf: input.onBehalfOf ?? null,
        contentHash: input.contentHash,
        status: next.state.status,
        ...(input.kind === 'transfer' ? { toUserId: input.toUserId } : {}),
        ...(input.kind === 'return' ? { returnTo: input.to } : {}),
      };
      return detailOf(db, next, await approvalContext(db, now), me.userId);
    },
  },

  'approvals.withdraw': {
    async run({ input, db, actor, now, audit, host }) {
      const me = caller(actor);
      const chain = await loadChain(db, input.chainId);
      const next = await applyEvent(db, chain, { type: 'withdraw', actorId: me.userId, at: now.toISOString(), opinion: input.opinion }, now, host.ids);
      audit.target = `approval:${chain.id}`;
      audit.details = { kind: chain.kind, status: next.state.status };
      return detailOf(db, next, await approvalContext(db, now), me.userId);
    },
  },

  'approvals.colleagues': {
    async run({ db }) {
      const rows = await db
        .selectFrom('users')
        .innerJoin('departments', 'departments.id', 'users.department_id')
        .select(['users.id', 'users.display_name', 'users.department_id', 'departments.name as department_name'])
        .where('users.active', '=', 1)
        .orderBy('departments.created_at')
        .orderBy('users.display_name')
        .execute();
      return rows.map((r) => ({ id: r.id, displayName: r.display_name, departmentId: r.department_id, departmentName: r.department_name }));
    },
  },

  'approvals.delegations.mine': {
    async run({ db, actor, now }) {
      const me = caller(actor);
      const today = dayOf(now);
      const [given, received] = await Promise.all([
        delegationRows(db).where('d.from_user_id', '=', me.userId).execute(),
        delegationRows(db).where('d.to_user_id', '=', me.userId).execute(),
      ]);
      return { given: given.map((r) => toDelegation(r, today)), received: received.map((r) => toDelegation(r, today)) };
    },
  },

  'approvals.delegations.create': {
    async run({ input, db, actor, now, audit, host }) {
      const me = caller(actor);
      const today = dayOf(now);
      const issues: FieldIssue[] = [];
      if (input.toUserId === me.userId) issues.push({ path: ['toUserId'], code: 'custom', message: 'delegation.self' });
      if (input.toDay < input.fromDay) issues.push({ path: ['toDay'], code: 'custom', message: 'delegation.endBeforeStart' });
      if (input.toDay < today) issues.push({ path: ['toDay'], code: 'custom', message: 'delegation.inPast' });
      if (issues.length > 0) throw new ArchiveError('VALIDATION', 'the delegation is not valid', issues);
      const to = await db.selectFrom('users').select(['id', 'active']).where('id', '=', input.toUserId).executeTakeFirst();
      if (!to || to.active !== 1) throw new ArchiveError('NOT_FOUND', 'no such active user');
      const overlapping = await db
        .selectFrom('approval_delegations')
        .select('id')
        .where('from_user_id', '=', me.userId)
        .where('to_user_id', '=', input.toUserId)
        .where('ended_at', 'is', null)
        .where('from_day', '<=', input.toDay)
        .where('to_day', '>=', input.fromDay)
        .executeTakeFirst();
      if (overlapping) throw new ArchiveError('CONFLICT', 'a delegation to this colleague already covers some of these days', { reason: 'delegationOverlaps' });
      const id = host.ids.next();
      await db
        .insertInto('approval_delegations')
        .values({ id, from_user_id: me.userId, to_user_id: input.toUserId, from_day: input.fromDay, to_day: input.toDay, created_at: now.toISOString(), created_by: me.userId })
        .execute();
      audit.target = `delegation:${id}`;
      audit.details = { toUserId: input.toUserId, fromDay: input.fromDay, toDay: input.toDay };
      return toDelegation(await delegationRows(db).where('d.id', '=', id).executeTakeFirstOrThrow(), today);
    },
  },

  'approvals.delegations.end': {
    async run({ input, db, actor, now, audit }) {
      const me = caller(actor);
      const today = dayOf(now);
      const row = await delegationRows(db).where('d.id', '=', input.id).executeTakeFirst();
      if (!row) throw new ArchiveError('NOT_FOUND', 'no such delegation');
      if (row.from_user_id !== me.userId && !me.permissions.has('approvals.manage')) throw new ArchiveError('FORBIDDEN', 'only who gave a delegation ends it');
      const state = delegationState(row, today);
      if (state === 'ended' || state === 'past') throw new ArchiveError('CONFLICT', 'this delegation is over already', { reason: 'delegationOver' });
      await db.updateTable('approval_delegations').set({ ended_at: now.toISOString(), ended_by: me.userId }).where('id', '=', input.id).execute();
      audit.target = `delegation:${input.id}`;
      return toDelegation(await delegationRows(db).where('d.id', '=', input.id).executeTakeFirstOrThrow(), today);
    },
  },

  'approvals.delegations.all': {
    async run({ input, db, now }) {
      const today = dayOf(now);
      let q = delegationRows(db);
      if (!input.includePast) q = q.where('d.ended_at', 'is', null).where('d.to_day', '>=', today);
      return (await q.execute()).map((r) => toDelegation(r, today));
    },
  },

  'approvals.definitions.list': {
    async run({ db }) {
      const latest = await db
        .selectFrom('approval_definitions as v')
        .leftJoin('users as u', 'u.id', 'v.saved_by')
        .select(['v.id', 'v.kind', 'v.version', 'v.body', 'v.saved_at', 'v.saved_by', 'u.display_name'])
        .where((eb) => eb('v.version', '=', eb.selectFrom('approval_definitions as w').select((e) => e.fn.max('w.version').as('m')).whereRef('w.id', '=', 'v.id')))
        .orderBy('v.id')
        .execute();
      const open = await db
        .selectFrom('approval_chains')
        .select(['definition_id', (eb) => eb.fn.countAll<number>().as('n')])
        .where('status', 'in', ['running', 'returned'])
        .groupBy('definition_id')
        .execute();
      const openBy = new Map(open.map((o) => [o.definition_id, Number(o.n)]));
      return latest.map((r) => {
        const d = JSON.parse(r.body) as ApprovalDefinition;
        return {
          id: r.id,
          kind: d.kind,
          name: d.name,
          version: r.version,
          stepCount: d.steps.length,
          savedAt: r.saved_at,
          savedBy: r.saved_by ? { id: r.saved_by, displayName: r.display_name ?? '' } : null,
          openChains: openBy.get(r.id) ?? 0,
        };
      });
    },
  },

  'approvals.definitions.get': {
    async run({ input, db }) {
      const versions = await versionsOf(db, input.id);
      if (versions.length === 0) throw new ArchiveError('NOT_FOUND', 'no such approval chain');
      const definition = await definitionOf(db, input.id, input.version ?? versions[0]!.version);
      return { definition: definition as ApprovalDefinitionDto, versions, problems: validateDefinition(definition) };
    },
  },

  'approvals.definitions.save': {
    async run({ input, db, actor, now, audit }) {
      const me = caller(actor);
      const versions = await versionsOf(db, input.definition.id);
      const latest = versions[0];
      if (!latest) throw new ArchiveError('NOT_FOUND', 'no such approval chain');
      const stored = await definitionOf(db, input.definition.id, latest.version);
      if (stored.kind !== input.definition.kind) {
        throw new ArchiveError('VALIDATION', 'a chain keeps its kind', [{ path: ['definition', 'kind'], code: 'custom', message: 'definition.kindChanged' }]);
      }
      if (input.definition.version !== latest.version) {
        throw new ArchiveError('CONFLICT', 'the chain was changed since it was opened', { reason: 'definitionMismatch', latestVersion: latest.version });
      }
      const next: ApprovalDefinition = { ...(input.definition as ApprovalDefinition), version: latest.version + 1 };
      const issues = problemsAsIssues(next);
      if (issues.length > 0) throw new ArchiveError('VALIDATION', 'the chain definition has problems', issues);
      await db
        .insertInto('approval_definitions')
        .values({ id: next.id, version: next.version, kind: next.kind, body: JSON.stringify(next), saved_at: now.toISOString(), saved_by: me.userId })
        .execute();
      audit.target = `approval-definition:${next.id}`;
      audit.details = { version: next.version, previous: latest.version, steps: next.steps.map((s) => s.id) };
      return { definition: next as ApprovalDefinitionDto, versions: await versionsOf(db, next.id), problems: [] };
    },
  },

  'approvals.definitions.preview': {
    async run({ input, db, now }) {
      const definition = input.definition as ApprovalDefinition;
      const problems = validateDefinition(definition);
      const context = await approvalContext(db, now);
      if (!context.directory.users.some((u) => u.id === input.authorId)) throw new ArchiveError('NOT_FOUND', 'no such user');
      const names = new Map(context.directory.users.map((u) => [u.id, u.name]));
      const steps = previewChain(definition, { authorId: input.authorId, form: input.facts }, context).map((p, i) => ({
        stepId: p.stepId,
        name: definition.steps[i]!.name,
        how: definition.steps[i]!.how,
        skipped: p.skipped ?? null,
        candidates: p.candidates.map((id) => ({ id, displayName: names.get(id) ?? '' })),
        escalation: p.escalation ?? null,
        deadlineWorkingDays: p.deadlineWorkingDays,
      }));
      return { steps, problems };
    },
  },

  'approvals.departmentHeads.list': {
    async run({ db }) {
      const rows = await db.selectFrom('departments').select('id').orderBy('created_at').orderBy('id').execute();
      return Promise.all(rows.map((r) => departmentHeadOf(db, r.id)));
    },
  },

  'approvals.departmentHeads.set': {
    async run({ input, db, audit }) {
      await departmentHeadOf(db, input.departmentId);
      if (input.headUserId !== null) {
        const user = await db.selectFrom('users').select(['id', 'active']).where('id', '=', input.headUserId).executeTakeFirst();
        if (!user || user.active !== 1) throw new ArchiveError('NOT_FOUND', 'no such active user');
      }
      await db.updateTable('departments').set({ head_user_id: input.headUserId }).where('id', '=', input.departmentId).execute();
      audit.target = `department:${input.departmentId}`;
      audit.details = { headUserId: input.headUserId };
      return departmentHeadOf(db, input.departmentId);
    },
  },
};
