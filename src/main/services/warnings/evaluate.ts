import type { Insertable, Transaction } from 'kysely';
import { dayOf } from '../../../shared/domain/receivables';
import type { Measure } from '../../../shared/domain/scoring/model';
import {
  RULE_DEFINITIONS,
  WARNING_RULES,
  WARNING_SEVERITIES,
  decide,
  evaluateRules,
  findingKey,
  measuresDue,
  type CloseReason,
  type Evidence,
  type Finding,
  type RuleSettings,
  type WarningEvent,
  type WarningRule,
  type WarningState,
} from '../../../shared/domain/warnings';
import type { DB } from '../../archive/schema';
import type { IdSource } from '../../host/types';
import { loadFacts, type FactsScope } from './facts';

// The rules on the host: evaluated for the customers whose data changed (one call after
// the writes of records, imports, credit limits and evaluations, in their transaction),
// for every customer once a day on first use and after a rule change. What the pure
// rules find is reconciled with the warnings on file through the pure lifecycle: a new
// finding raises a warning, a finding gone clears it (closed: cause cleared), a cause
// back reopens it, a rule turned off closes its warnings.

type Db = Transaction<DB>;

export const severityRank = (s: (typeof WARNING_SEVERITIES)[number]) => WARNING_SEVERITIES.indexOf(s);

export async function loadRules(db: Db): Promise<RuleSettings> {
  const rows = await db.selectFrom('warning_rules').select(['rule', 'enabled', 'threshold']).execute();
  const out = {} as RuleSettings;
  for (const rule of WARNING_RULES) {
    const r = rows.find((x) => x.rule === rule);
    out[rule] = { rule, enabled: r ? r.enabled === 1 : true, threshold: r ? r.threshold : RULE_DEFINITIONS[rule].defaultThreshold };
  }
  return out;
}

interface Stored {
  id: string;
  customer_id: string;
  rule: string;
  subject: string;
  status: WarningState['status'];
  cause_present: number;
  reopened: number;
  measures_taken: string;
  early_review: number;
  close_reason: string | null;
  evidence: string;
  severity: string;
  measures_due: string;
  owner_id: string | null;
}

export function stateOf(w: Pick<Stored, 'status' | 'cause_present' | 'reopened' | 'measures_taken' | 'early_review' | 'close_reason'>): WarningState {
  return {
    status: w.status,
    causePresent: w.cause_present === 1,
    reopened: w.reopened,
    measuresTaken: JSON.parse(w.measures_taken) as Measure[],
    earlyReview: w.early_review === 1,
    closeReason: w.close_reason as CloseReason | null,
  };
}

export interface EvaluationOutcome {
  customers: number;
  raised: number;
  reopened: number;
  cleared: number;
}

export interface HistoryWrite {
  warningId: string;
  kind: WarningEvent['type'];
  state: WarningState;
  by: string | null;
  at: string;
  note?: string | null;
  measures?: readonly Measure[];
  earlyReview?: boolean;
  evidence?: Evidence | null;
}

/** Rows per multi-row insert (well under SQLite's variable limit: 18 columns a warning). */
const BATCH = 500;

function historyRow(ids: IdSource, h: HistoryWrite): Insertable<DB['warning_history']> {
  return {
      id: ids.next(),
      warning_id: h.warningId,
      kind: h.kind,
      status: h.state.status,
      by_user: h.by,
      at: h.at,
      note: h.note ?? null,
      measures: h.measures && h.measures.length > 0 ? JSON.stringify(h.measures) : null,
      early_review: h.earlyReview === undefined ? null : h.earlyReview ? 1 : 0,
      close_reason: h.state.status === 'closed' ? h.state.closeReason : null,
      evidence: h.evidence ? JSON.stringify(h.evidence) : null,
  };
}

export async function writeHistory(db: Db, ids: IdSource, h: HistoryWrite): Promise<void> {
  await db.insertInto('warning_history').values(historyRow(ids, h)).execute();
}

/** Keeps customers.warning_state (the list's 预警中 filter) in step with the open warnings. */
export async function refreshWarningState(db: Db, customerIds: readonly string[]): Promise<void> {
  for (let i = 0; i < customerIds.length; i += 500) {
    const chunk = customerIds.slice(i, i + 500);
    const open = new Set(
      (await db.selectFrom('warnings').select('customer_id').distinct().where('customer_id', 'in', chunk).where('status', '<>', 'closed').execute()).map((r) => r.customer_id),
    );
    const toOpen = chunk.filter((c) => open.has(c));
    const toNone = chunk.filter((c) => !open.has(c));
    if (toOpen.length > 0) await db.updateTable('customers').set({ warning_state: 'open' }).where('id', 'in', toOpen).where('warning_state', '<>', 'open').execute();
    if (toNone.length > 0) await db.updateTable('customers').set({ warning_state: 'none' }).where('id', 'in', toNone).where('warning_state', '<>', 'none').execute();
  }
}

function step(state: WarningState | null, event: WarningEvent): WarningState {
  const out = decide(state, event, { kind: 'system' });
  if (!out.ok) throw new Error(`warning lifecycle refused ${event.type}: ${out.refusal}`);
  return out.state;
}

/**
 * Evaluates the rules for the customers named (null: every customer) on the day of `now`
 * and reconciles the warnings on file, in the caller's transaction.
 */
/** Customers per step of an every-customer run: their records are read, judged and let go together. */
const RANGE = 5_000;

export async function evaluateWarnings(db: Db, now: Date, ids: IdSource, customerIds: readonly string[] | null): Promise<EvaluationOutcome> {
  const outcome: EvaluationOutcome = { customers: 0, raised: 0, reopened: 0, cleared: 0 };
  const rules = await loadRules(db);
  if (customerIds !== null) {
    const unique = [...new Set(customerIds)];
    if (unique.length > 0) await evaluateScope(db, now, ids, rules, { ids: unique }, outcome);
    return outcome;
  }
  // Every customer, range by range in id order: memory stays bounded at any archive size.
  const all = (await db.selectFrom('customers').select('id').orderBy('id').execute()).map((c) => c.id);
  for (let i = 0; i < all.length; i += RANGE) {
    await evaluateScope(db, now, ids, rules, { from: all[i]!, to: all[Math.min(all.length, i + RANGE) - 1]! }, outcome);
  }
  return outcome;
}

async function evaluateScope(db: Db, now: Date, ids: IdSource, rules: RuleSettings, scope: FactsScope, outcome: EvaluationOutcome): Promise<void> {
  const today = dayOf(now);
  const at = now.toISOString();
  const unique = 'ids' in scope ? scope.ids : null;
  const facts = await loadFacts(db, scope);
  const stored = new Map<string, Stored[]>();
  const rows: Stored[] = [];
  for (let i = 0; unique === null ? i === 0 : i < unique.length; i += 500) {
    let q = db
      .selectFrom('warnings')
      .select(['id', 'customer_id', 'rule', 'subject', 'status', 'cause_present', 'reopened', 'measures_taken', 'early_review', 'close_reason', 'evidence', 'severity', 'measures_due', 'owner_id']);
    if (unique !== null) q = q.where('customer_id', 'in', unique.slice(i, i + 500));
    else if (!('ids' in scope)) q = q.where('customer_id', '>=', scope.from).where('customer_id', '<=', scope.to);
    for (const r of await q.execute()) rows.push(r);
  }
  for (const w of rows) {
    const list = stored.get(w.customer_id);
    if (list) list.push(w);
    else stored.set(w.customer_id, [w]);
  }

  const changed: string[] = [];
  // New warnings and their first history rows go in batches (a first run raises thousands).
  const newWarnings: Insertable<DB['warnings']>[] = [];
  const newHistory: Insertable<DB['warning_history']>[] = [];
  const flush = async () => {
    if (newWarnings.length > 0) await db.insertInto('warnings').values(newWarnings.splice(0)).execute();
    if (newHistory.length > 0) await db.insertInto('warning_history').values(newHistory.splice(0)).execute();
  };
  const update = async (w: Stored, state: WarningState, fields: { evidence?: Evidence; finding?: Finding; due?: readonly Measure[]; owner?: string | null }) => {
    await db
      .updateTable('warnings')
      .set({
        status: state.status,
        cause_present: state.causePresent ? 1 : 0,
        reopened: state.reopened,
        close_reason: state.status === 'closed' ? state.closeReason : null,
        closed_at: state.status === 'closed' ? (w.status === 'closed' ? undefined : at) : null,
        updated_at: at,
        ...(fields.finding ? { evidence: JSON.stringify(fields.finding.evidence), severity: fields.finding.severity, severity_rank: severityRank(fields.finding.severity) } : {}),
        ...(fields.due ? { measures_due: JSON.stringify(fields.due) } : {}),
        ...(fields.owner !== undefined ? { owner_id: fields.owner } : {}),
      })
      .where('id', '=', w.id)
      .execute();
  };

  for (const [customerId, c] of facts) {
    // Each customer's records are let go once judged (an every-customer run holds millions).
    facts.delete(customerId);
    outcome.customers += 1;
    const findings = evaluateRules(c.facts, rules, today);
    const mine = stored.get(customerId) ?? [];
    if (findings.length === 0 && mine.length === 0) {
      if (c.warningState === 'open') changed.push(customerId);
      continue;
    }
    const due = measuresDue(c.facts.grade?.rank ?? null);
    const dueJson = JSON.stringify(due);
    const byKey = new Map(mine.map((w) => [findingKey({ rule: w.rule as WarningRule, subject: w.subject }), w]));
    for (const f of findings) {
      const w = byKey.get(findingKey(f));
      byKey.delete(findingKey(f));
      if (!w) {
        const state = step(null, { type: 'raise' });
        const id = ids.next();
        newWarnings.push({
            id,
            customer_id: customerId,
            rule: f.rule,
            subject: f.subject,
            severity: f.severity,
            severity_rank: severityRank(f.severity),
            status: state.status,
            cause_present: 1,
            close_reason: null,
            evidence: JSON.stringify(f.evidence),
            measures_due: dueJson,
            owner_id: c.ownerId,
            raised_at: at,
            updated_at: at,
            closed_at: null,
        });
        newHistory.push(historyRow(ids, { warningId: id, kind: 'raise', state, by: null, at, evidence: f.evidence }));
        if (newWarnings.length >= BATCH) await flush();
        outcome.raised += 1;
        continue;
      }
      const state = stateOf(w);
      const evidenceJson = JSON.stringify(f.evidence);
      if (!state.causePresent) {
        const next = step(state, { type: 'cause_back' });
        await update(w, next, { finding: f, due, owner: c.ownerId });
        await writeHistory(db, ids, { warningId: w.id, kind: 'cause_back', state: next, by: null, at, evidence: f.evidence });
        if (next.status !== 'closed') outcome.reopened += 1;
      } else if (evidenceJson !== w.evidence || w.severity !== f.severity || w.measures_due !== dueJson || w.owner_id !== c.ownerId) {
        // The same cause with new figures (more days late, another amount): the evidence follows.
        await update(w, state, { finding: f, due, owner: c.ownerId });
      }
    }
    // Causes no longer found: cleared (an open warning closes), or a rule turned off.
    for (const w of byKey.values()) {
      const state = stateOf(w);
      if (!state.causePresent) continue;
      const off = !rules[w.rule as WarningRule]?.enabled;
      const event: WarningEvent = off && state.status !== 'closed' ? { type: 'rule_off' } : { type: 'cause_gone' };
      const next = step(state, event);
      await update(w, next, {});
      await writeHistory(db, ids, { warningId: w.id, kind: event.type, state: next, by: null, at });
      if (state.status !== 'closed') outcome.cleared += 1;
    }
    // The list's 预警中 follows the open warnings.
    changed.push(customerId);
  }
  await flush();
  await refreshWarningState(db, changed);
}

/** Beyond this many customers touched, the whole archive is evaluated instead. */
const WHOLE_RUN_FROM = 20_000;

/** After a write that changes what the rules read: the customers it touched, in the same transaction. */
export async function warningsChanged(db: Db, now: Date, ids: IdSource, customerIds: readonly string[]): Promise<EvaluationOutcome> {
  // A file that touched most of the archive: range by range is cheaper than lists of ids.
  if (customerIds.length > WHOLE_RUN_FROM) return evaluateWarnings(db, now, ids, null);
  return evaluateWarnings(db, now, ids, customerIds);
}

/** Once a day on first use (login): every customer, so that the passing days count (overdue, expiry, lapsing). */
export async function warningsDaily(db: Db, now: Date, ids: IdSource): Promise<EvaluationOutcome | null> {
  const today = dayOf(now);
  const run = await db.selectFrom('warning_runs').select('last_day').where('id', '=', 1).executeTakeFirst();
  if (run?.last_day && run.last_day >= today) return null;
  const outcome = await evaluateWarnings(db, now, ids, null);
  await db.updateTable('warning_runs').set({ last_day: today }).where('id', '=', 1).execute();
  return outcome;
}
