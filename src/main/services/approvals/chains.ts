import { createHash } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { APPROVAL_FORBIDDEN_REASONS } from '../../../shared/contract/approvals';
import { ArchiveError } from '../../../shared/contract/errors';
import {
  canonicalJson,
  decide,
  pendingSeats,
  startChain,
  type ApprovalContext,
  type ApprovalDefinition,
  type ApprovalEvent,
  type ApprovalKind,
  type ApprovalRefusal,
  type ApprovalState,
  type Delegation,
  type Directory,
  type FormFacts,
  type JsonValue,
} from '../../../shared/domain/approvals';
import { dayOf } from '../../../shared/domain/receivables';
import { workingDayDeadline, type WorkingCalendar } from '../../../shared/domain/working-days';
import { loadCalendar } from '../calendar/handlers';
import type { DB } from '../../archive/schema';
import type { IdSource } from '../../host/types';
import { approvalFormFor } from './forms';

// Chains as the archive stores them: the engine's state as JSON in approval_chains, with
// the open seats (approval_seats) and the decisions (approval_decisions) written beside it
// on every change, so the inbox, my requests and 已办 are index lookups. Every change goes
// through the engine's `decide`; a refusal throws before anything is written.

type Db = Kysely<DB> | Transaction<DB>;

// ─── The world the engine is told about ──────────────────────────────────────


/** The engine's `deadlineFor`, counted on the calendar. */
export function deadlineCounter(calendar: WorkingCalendar): ApprovalContext['deadlineFor'] {
  return (workingDays, fromDay) => {
    const d = workingDayDeadline(calendar, fromDay, workingDays);
    return { day: d.day, calendarVersion: d.calendarVersion, provisional: d.provisional };
  };
}

/** Users (directory order: by creation), their role codes, departments with heads, administrators. */
export async function loadDirectory(db: Db): Promise<Directory> {
  const [users, roles, departments, admins] = await Promise.all([
    db.selectFrom('users').select(['id', 'display_name', 'department_id', 'active']).orderBy('created_at').orderBy('id').execute(),
    db.selectFrom('user_roles').innerJoin('roles', 'roles.id', 'user_roles.role_id').select(['user_roles.user_id', 'roles.code']).execute(),
    db.selectFrom('departments').select(['id', 'code', 'kind', 'head_user_id']).orderBy('created_at').orderBy('id').execute(),
    // 审批人为空 goes to whoever administers the chains.
    db
      .selectFrom('user_roles')
      .innerJoin('role_permissions', 'role_permissions.role_id', 'user_roles.role_id')
      .innerJoin('users', 'users.id', 'user_roles.user_id')
      .select('users.id')
      .distinct()
      .where('role_permissions.permission', '=', 'approvals.manage')
      .orderBy('users.created_at')
      .orderBy('users.id')
      .execute(),
  ]);
  const rolesOf = new Map<string, string[]>();
  for (const r of roles) rolesOf.set(r.user_id, [...(rolesOf.get(r.user_id) ?? []), r.code]);
  return {
    users: users.map((u) => ({ id: u.id, name: u.display_name, departmentId: u.department_id, roles: rolesOf.get(u.id) ?? [], active: u.active === 1 })),
    departments: departments.map((d) => ({ id: d.id, code: d.code, kind: d.kind, headUserId: d.head_user_id })),
    administrators: admins.map((a) => a.id),
  };
}

/** Delegations not ended early (those past their dates are kept: the engine says "outside its dates"). */
export async function loadDelegations(db: Db): Promise<Delegation[]> {
  const rows = await db.selectFrom('approval_delegations').select(['from_user_id', 'to_user_id', 'from_day', 'to_day']).where('ended_at', 'is', null).orderBy('from_day').execute();
  return rows.map((r) => ({ fromUserId: r.from_user_id, toUserId: r.to_user_id, fromDay: r.from_day, toDay: r.to_day }));
}

export async function approvalContext(db: Db, now: Date): Promise<ApprovalContext> {
  const [directory, delegations, calendar] = await Promise.all([loadDirectory(db), loadDelegations(db), loadCalendar(db)]); // the official calendar under the company's overlay
  return { directory, delegations, today: dayOf(now), deadlineFor: deadlineCounter(calendar) };
}

// ─── Definitions ─────────────────────────────────────────────────────────────

export async function definitionOf(db: Db, id: string, version: number): Promise<ApprovalDefinition> {
  const row = await db.selectFrom('approval_definitions').select('body').where('id', '=', id).where('version', '=', version).executeTakeFirst();
  if (!row) throw new ArchiveError('NOT_FOUND', `no approval chain definition ${id} v${version}`);
  return JSON.parse(row.body) as ApprovalDefinition;
}

/** The definition new chains of a kind start with: its latest version. */
export async function currentDefinition(db: Db, kind: ApprovalKind): Promise<ApprovalDefinition> {
  const row = await db.selectFrom('approval_definitions').select('body').where('kind', '=', kind).orderBy('version', 'desc').limit(1).executeTakeFirst();
  if (!row) throw new ArchiveError('NOT_FOUND', `no approval chain definition for ${kind}`);
  return JSON.parse(row.body) as ApprovalDefinition;
}

// ─── Refusals ────────────────────────────────────────────────────────────────

/** The engine's refusal as it crosses the seam: FORBIDDEN or CONFLICT with details.reason. */
export function refusalError(reason: ApprovalRefusal): ArchiveError {
  const forbidden = (APPROVAL_FORBIDDEN_REASONS as readonly string[]).includes(reason);
  return new ArchiveError(forbidden ? 'FORBIDDEN' : 'CONFLICT', `approval refused: ${reason}`, { reason });
}

// ─── Content ─────────────────────────────────────────────────────────────────

/** sha256 of the canonical JSON of the form: what a decision is bound to. */
export function contentHashOf(content: JsonValue): { text: string; hash: string } {
  const text = canonicalJson(content);
  return { text, hash: createHash('sha256').update(text, 'utf8').digest('hex') };
}

// ─── Loading and saving a chain ──────────────────────────────────────────────

export interface LoadedChain {
  id: string;
  kind: ApprovalKind;
  authorId: string;
  subject: string;
  customerId: string | null;
  content: JsonValue;
  definition: ApprovalDefinition;
  state: ApprovalState;
}

export async function loadChain(db: Db, id: string): Promise<LoadedChain> {
  const row = await db
    .selectFrom('approval_chains')
    .innerJoin('approval_definitions', (j) =>
      j.onRef('approval_definitions.id', '=', 'approval_chains.definition_id').onRef('approval_definitions.version', '=', 'approval_chains.definition_version'),
    )
    .select([
      'approval_chains.id',
      'approval_chains.kind',
      'approval_chains.author_id',
      'approval_chains.subject',
      'approval_chains.customer_id',
      'approval_chains.content',
      'approval_chains.state',
      'approval_definitions.body',
    ])
    .where('approval_chains.id', '=', id)
    .executeTakeFirst();
  if (!row) throw new ArchiveError('NOT_FOUND', 'no such approval');
  return {
    id: row.id,
    kind: row.kind as ApprovalKind,
    authorId: row.author_id,
    subject: row.subject,
    customerId: row.customer_id,
    content: JSON.parse(row.content) as JsonValue,
    definition: JSON.parse(row.body) as ApprovalDefinition,
    state: JSON.parse(row.state) as ApprovalState,
  };
}

function stepName(definition: ApprovalDefinition, stepId: string | null): string | null {
  const step = stepId === null ? undefined : definition.steps.find((s) => s.id === stepId);
  return step ? JSON.stringify(step.name) : null;
}

/** Write the state and what is derived from it: the chain row, its open seats, its decisions. */
async function writeState(db: Transaction<DB>, id: string, definition: ApprovalDefinition, state: ApprovalState, now: Date, content?: { text: string; hash: string; amountFen: number | null }): Promise<void> {
  const open = state.status === 'running' && state.currentStepId !== null ? state.steps.find((s) => s.stepId === state.currentStepId) : undefined;
  const at = now.toISOString();
  await db
    .updateTable('approval_chains')
    .set({
      status: state.status,
      current_step_id: state.currentStepId,
      current_step_name: stepName(definition, state.currentStepId),
      deadline: open?.deadline ? JSON.stringify(open.deadline) : null,
      deadline_day: open?.deadline?.day ?? null,
      content_hash: state.contentHash,
      state: JSON.stringify(state),
      updated_at: at,
      closed_at: state.closedAt ?? null,
      ...(content ? { content: content.text, amount_fen: content.amountFen } : {}),
    })
    .where('id', '=', id)
    .execute();

  await db.deleteFrom('approval_seats').where('chain_id', '=', id).execute();
  const seats = pendingSeats(definition, state);
  if (seats.length > 0) {
    await db
      .insertInto('approval_seats')
      .values(seats.map((s) => ({ user_id: s.userId, chain_id: id, step_id: s.stepId, deadline_day: open?.deadline?.day ?? null, opened_at: open?.openedAt ?? at })))
      .onConflict((oc) => oc.doNothing())
      .execute();
  }

  // Decisions only grow, and an earlier one changes only by being voided.
  const stored = await db.selectFrom('approval_decisions').select(['seq', 'voided_reason']).where('chain_id', '=', id).execute();
  const known = new Map(stored.map((r) => [r.seq, r.voided_reason]));
  for (const d of state.decisions) {
    if (!known.has(d.seq)) {
      await db
        .insertInto('approval_decisions')
        .values({
          chain_id: id,
          seq: d.seq,
          step_id: d.stepId,
          step_name: stepName(definition, d.stepId) ?? JSON.stringify({ 'zh-CN': d.stepId, 'en-US': d.stepId }),
          kind: d.kind,
          actor_id: d.actorId,
          principal_id: d.principalId,
          at: d.at,
          opinion: d.opinion,
          content_hash: d.contentHash,
          voided_reason: d.voided?.reason ?? null,
          voided_at: d.voided?.at ?? null,
        })
        .execute();
    } else if (d.voided && known.get(d.seq) === null) {
      await db.updateTable('approval_decisions').set({ voided_reason: d.voided.reason, voided_at: d.voided.at }).where('chain_id', '=', id).where('seq', '=', d.seq).execute();
    }
  }
}

async function afterChange(db: Transaction<DB>, id: string, kind: ApprovalKind, definition: ApprovalDefinition, before: ApprovalState['status'] | null, state: ApprovalState, now: Date, ids: IdSource): Promise<void> {
  if (state.status === 'approved' && before !== 'approved') {
    const form = approvalFormFor(kind);
    if (!form) throw new ArchiveError('INTERNAL', `no form domain registered for ${kind}`);
    await form.onApproved(db, { id, definition, state }, now, ids);
  } else if ((state.status === 'rejected' || state.status === 'returned' || state.status === 'withdrawn') && before !== state.status) {
    await approvalFormFor(kind)?.onStopped?.(db, { id, definition, state }, state.status, now, ids);
  }
}

export interface StartSpec {
  kind: ApprovalKind;
  authorId: string;
  /** The form as its domain defines it; hashed as canonical JSON. */
  content: JsonValue;
  facts: FormFacts;
  /** What the lists show the chain is about (the customer's name …). */
  subject: string;
  customerId: string | null;
  /** Writes the form's own rows once the chain row exists (before any final approval takes effect). */
  writeForm(chainId: string): Promise<void>;
}

/** Start a chain (提交) with the latest definition of its kind. */
export async function startApproval(db: Transaction<DB>, spec: StartSpec, now: Date, ids: IdSource): Promise<LoadedChain> {
  const definition = await currentDefinition(db, spec.kind);
  const context = await approvalContext(db, now);
  const content = contentHashOf(spec.content);
  const result = startChain(definition, { authorId: spec.authorId, form: spec.facts, contentHash: content.hash, at: now.toISOString() }, context);
  if (!result.ok) throw refusalError(result.reason);
  const id = ids.next();
  const at = now.toISOString();
  await db
    .insertInto('approval_chains')
    .values({
      id,
      kind: spec.kind,
      definition_id: definition.id,
      definition_version: definition.version,
      name: JSON.stringify(definition.name),
      author_id: spec.authorId,
      subject: spec.subject,
      customer_id: spec.customerId,
      amount_fen: spec.facts.amountFen ?? null,
      status: result.state.status,
      content: content.text,
      content_hash: content.hash,
      state: JSON.stringify(result.state),
      submitted_at: at,
      updated_at: at,
    })
    .execute();
  await writeState(db, id, definition, result.state, now);
  await spec.writeForm(id);
  await afterChange(db, id, spec.kind, definition, null, result.state, now, ids);
  return { id, kind: spec.kind, authorId: spec.authorId, subject: spec.subject, customerId: spec.customerId, content: spec.content, definition, state: result.state };
}

/**
 * Apply an event to a stored chain through the engine. A refusal throws before anything is
 * written; otherwise the new state, its seats and decisions are written, and a final
 * approval lets the form take effect, all in the caller's transaction.
 */
export async function applyEvent(
  db: Transaction<DB>,
  chain: LoadedChain,
  event: ApprovalEvent,
  now: Date,
  ids: IdSource,
  changed?: { content: JsonValue; amountFen: number | null },
): Promise<LoadedChain> {
  const context = await approvalContext(db, now);
  const result = decide(chain.definition, chain.state, event, context);
  if (!result.ok) throw refusalError(result.reason);
  const content = changed ? { ...contentHashOf(changed.content), amountFen: changed.amountFen } : undefined;
  await writeState(db, chain.id, chain.definition, result.state, now, content);
  await afterChange(db, chain.id, chain.kind, chain.definition, chain.state.status, result.state, now, ids);
  return { ...chain, content: changed?.content ?? chain.content, state: result.state };
}

/** The author resubmits a returned form, possibly changed (through the form's own domain). */
export async function resubmitApproval(
  db: Transaction<DB>,
  chain: LoadedChain,
  spec: { actorId: string; content: JsonValue; facts: FormFacts },
  now: Date,
  ids: IdSource,
): Promise<LoadedChain> {
  const { hash } = contentHashOf(spec.content);
  return applyEvent(db, chain, { type: 'resubmit', actorId: spec.actorId, form: spec.facts, contentHash: hash, at: now.toISOString() }, now, ids, {
    content: spec.content,
    amountFen: spec.facts.amountFen ?? null,
  });
}

/**
 * May this user see the chain: its author, anyone seated or deciding at any step, someone
 * they delegated to, and whoever administers the chains.
 */
export function mayView(chain: LoadedChain, userId: string, delegations: readonly Delegation[], manages: boolean): boolean {
  if (manages) return true;
  const involved = new Set<string>([chain.state.authorId]);
  for (const s of chain.state.steps) for (const seat of s.seats) involved.add(seat.userId);
  for (const d of chain.state.decisions) {
    involved.add(d.actorId);
    involved.add(d.principalId);
  }
  if (involved.has(userId)) return true;
  return delegations.some((d) => d.toUserId === userId && involved.has(d.fromUserId));
}
