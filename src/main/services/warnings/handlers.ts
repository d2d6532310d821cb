import { sql, type Transaction } from 'kysely';
import type { WarningDetail, WarningRow } from '../../../shared/contract/warnings';
import { ArchiveError } from '../../../shared/contract/errors';
import type { Measure } from '../../../shared/domain/scoring/model';
import {
  RULE_DEFINITIONS,
  WARNING_RULES,
  WARNING_SEVERITIES,
  actionsFor,
  decide,
  ruleSettingProblems,
  type CloseReason,
  type Evidence,
  type WarningActor,
  type WarningEvent,
  type WarningRefusalCode,
  type WarningRule,
} from '../../../shared/domain/warnings';
import type { DB } from '../../archive/schema';
import type { Actor, PartialHandlers } from '../../host/handler';
import { evaluateWarnings, refreshWarningState, stateOf, writeHistory } from './evaluate';

// 风险预警 on the host: the open list (an index walk, most severe and oldest first), a
// warning with its history, a customer's warnings, the lifecycle steps of users through
// the pure `decide`, and the rules with their thresholds (a change re-evaluates everyone).

type Db = Transaction<DB>;

const OPEN = sql<boolean>`warnings.status <> 'closed'`;
const CLOSED = sql<boolean>`warnings.status = 'closed'`;

const FORBIDDEN: ReadonlySet<WarningRefusalCode> = new Set(['warning_not_permitted', 'warning_system_only']);
const INVALID: ReadonlySet<WarningRefusalCode> = new Set(['warning_note_required', 'warning_close_reason']);

function refusalError(code: WarningRefusalCode): ArchiveError {
  if (FORBIDDEN.has(code)) return new ArchiveError('FORBIDDEN', `warning: ${code}`, { reason: code });
  if (INVALID.has(code)) return new ArchiveError('VALIDATION', `warning: ${code}`, { reason: code, field: 'note' });
  return new ArchiveError('CONFLICT', `warning: ${code}`, { reason: code });
}

export const actorOf = (actor: Actor): WarningActor => ({ kind: 'user', mayWork: actor.permissions.has('warnings.work'), mayClose: actor.permissions.has('warnings.manage') });

function baseQuery(db: Db) {
  return db
    .selectFrom('warnings')
    .innerJoin('customers', 'customers.id', 'warnings.customer_id')
    .leftJoin('users as owner', 'owner.id', 'warnings.owner_id')
    .select([
      'warnings.id',
      'warnings.customer_id',
      'customers.name as customer_name',
      'customers.grade as customer_grade',
      'warnings.rule',
      'warnings.subject',
      'warnings.severity',
      'warnings.status',
      'warnings.evidence',
      'warnings.measures_due',
      'warnings.owner_id',
      'owner.display_name as owner_name',
      'warnings.raised_at',
      'warnings.updated_at',
      'warnings.closed_at',
      'warnings.close_reason',
      'warnings.reopened',
      'warnings.cause_present',
      'warnings.measures_taken',
      'warnings.early_review',
    ]);
}
type Row = Awaited<ReturnType<ReturnType<typeof baseQuery>['executeTakeFirstOrThrow']>>;

function rowOf(r: Row): WarningRow {
  return {
    id: r.id,
    customer: { id: r.customer_id, name: r.customer_name, grade: r.customer_grade },
    rule: r.rule as WarningRule,
    subject: r.subject,
    severity: r.severity,
    status: r.status,
    evidence: JSON.parse(r.evidence) as Evidence,
    measuresDue: JSON.parse(r.measures_due) as Measure[],
    owner: r.owner_id ? { id: r.owner_id, displayName: r.owner_name ?? '' } : null,
    raisedAt: r.raised_at,
    updatedAt: r.updated_at,
    closedAt: r.closed_at,
    closeReason: r.close_reason as CloseReason | null,
    reopened: r.reopened,
  };
}

async function detailsOf(db: Db, rows: Row[], actor: Actor): Promise<WarningDetail[]> {
  if (rows.length === 0) return [];
  const history = await db
    .selectFrom('warning_history')
    .leftJoin('users', 'users.id', 'warning_history.by_user')
    .selectAll('warning_history')
    .select('users.display_name')
    .where('warning_history.warning_id', 'in', rows.map((r) => r.id))
    .orderBy('warning_history.at')
    .orderBy('warning_history.id')
    .execute();
  const me = actorOf(actor);
  return rows.map((r) => {
    const state = stateOf(r);
    return {
      ...rowOf(r),
      measuresTaken: [...state.measuresTaken],
      earlyReview: state.earlyReview,
      causePresent: state.causePresent,
      history: history
        .filter((h) => h.warning_id === r.id)
        .map((h) => ({
          id: h.id,
          kind: h.kind as WarningEvent['type'],
          status: h.status as WarningDetail['status'],
          by: h.by_user ? { id: h.by_user, displayName: h.display_name ?? '' } : null,
          at: h.at,
          note: h.note,
          measures: h.measures ? (JSON.parse(h.measures) as Measure[]) : [],
          earlyReview: h.early_review === 1,
          closeReason: h.close_reason as CloseReason | null,
          evidence: h.evidence ? (JSON.parse(h.evidence) as Evidence) : null,
        })),
      actions: actionsFor(state, me),
    };
  });
}

async function detailOf(db: Db, id: string, actor: Actor): Promise<WarningDetail> {
  const row = await baseQuery(db).where('warnings.id', '=', id).executeTakeFirst();
  if (!row) throw new ArchiveError('NOT_FOUND', 'no such warning');
  return (await detailsOf(db, [row], actor))[0]!;
}

async function rulesOf(db: Db) {
  const rows = await db.selectFrom('warning_rules').leftJoin('users', 'users.id', 'warning_rules.updated_by').select(['warning_rules.rule', 'warning_rules.enabled', 'warning_rules.threshold', 'warning_rules.updated_at', 'warning_rules.updated_by', 'users.display_name']).orderBy('position').execute();
  return WARNING_RULES.map((rule) => {
    const r = rows.find((x) => x.rule === rule);
    const d = RULE_DEFINITIONS[rule];
    return {
      rule,
      enabled: r ? r.enabled === 1 : true,
      threshold: r ? r.threshold : d.defaultThreshold,
      unit: d.unit,
      min: d.min,
      max: d.max,
      defaultThreshold: d.defaultThreshold,
      severity: d.severity,
      updatedAt: r?.updated_at ?? null,
      updatedBy: r?.updated_by ? { id: r.updated_by, displayName: r.display_name ?? '' } : null,
    };
  });
}

export const warningsHandlers: PartialHandlers = {
  'warnings.list': {
    async run({ input, db, audit }) {
      // The page's ids first, walking the warnings' own (partial) index in list order; then
      // their customers and owners for those ids only.
      let page = db.selectFrom('warnings').select('warnings.id');
      let count = db.selectFrom('warnings').select(['warnings.severity_rank', (eb) => eb.fn.countAll<number>().as('n')]);
      // Written as the partial indexes say it (a literal, not a parameter), so that they serve.
      const status = input.status === 'open' ? OPEN : CLOSED;
      page = page.where(status);
      count = count.where(status);
      if (input.rule) {
        page = page.where('warnings.rule', '=', input.rule);
        count = count.where('warnings.rule', '=', input.rule);
      }
      if (input.ownerId) {
        page = page.where('warnings.owner_id', '=', input.ownerId);
        count = count.where('warnings.owner_id', '=', input.ownerId);
      }
      if (input.customerId) {
        page = page.where('warnings.customer_id', '=', input.customerId);
        count = count.where('warnings.customer_id', '=', input.customerId);
      }
      if (input.severity) page = page.where('warnings.severity_rank', '=', WARNING_SEVERITIES.indexOf(input.severity));
      page = input.status === 'open' ? page.orderBy('warnings.severity_rank').orderBy('warnings.raised_at').orderBy('warnings.id') : page.orderBy('warnings.closed_at', 'desc').orderBy('warnings.id');
      const ids = (await page.limit(input.limit).offset(input.offset).execute()).map((r) => r.id);
      // Unfiltered open warnings: the counts the triggers keep; filtered ones: counted.
      const unfiltered = input.status === 'open' && !input.rule && !input.ownerId && !input.customerId;
      const counts = unfiltered
        ? await db.selectFrom('warning_open_counts').select(['severity_rank', 'n']).execute()
        : await count.groupBy('warnings.severity_rank').execute();
      const found = ids.length > 0 ? await baseQuery(db).where('warnings.id', 'in', ids).execute() : [];
      const byId = new Map(found.map((r) => [r.id, r]));
      const rows = ids.map((id) => byId.get(id)!);
      const bySeverity = { severe: 0, high: 0, medium: 0, low: 0 };
      for (const c of counts) bySeverity[WARNING_SEVERITIES[c.severity_rank]!] = Number(c.n);
      const total = input.severity ? bySeverity[input.severity] : Object.values(bySeverity).reduce((a, b) => a + b, 0);
      audit.details = { status: input.status, severity: input.severity ?? null, rule: input.rule ?? null, ownerId: input.ownerId ?? null, customerId: input.customerId ?? null, results: total };
      return { rows: rows.map(rowOf), total, bySeverity };
    },
  },

  'warnings.get': {
    async run({ input, db, actor, audit }) {
      const d = await detailOf(db, input.warningId, actor!);
      audit.target = `customer:${d.customer.id}`;
      audit.details = { warning: d.id, rule: d.rule };
      return d;
    },
  },

  'warnings.ofCustomer': {
    async run({ input, db, actor, audit }) {
      const customer = await db.selectFrom('customers').select('id').where('id', '=', input.customerId).executeTakeFirst();
      if (!customer) throw new ArchiveError('NOT_FOUND', 'no such customer');
      const rows = await baseQuery(db)
        .where('warnings.customer_id', '=', input.customerId)
        .orderBy((eb) => eb.case().when('warnings.status', '=', 'closed').then(1).else(0).end())
        .orderBy('warnings.severity_rank')
        .orderBy('warnings.raised_at', 'desc')
        .execute();
      audit.target = `customer:${customer.id}`;
      audit.details = { results: rows.length };
      return detailsOf(db, rows, actor!);
    },
  },

  'warnings.act': {
    async run({ input, db, actor, now, host, audit }) {
      const row = await baseQuery(db).where('warnings.id', '=', input.warningId).executeTakeFirst();
      if (!row) throw new ArchiveError('NOT_FOUND', 'no such warning');
      const a = input.action;
      const event: WarningEvent =
        a.type === 'acknowledge' ? { type: 'acknowledge', ...(a.note ? { note: a.note } : {}) } : a.type === 'work' ? { type: 'work', note: a.note, measures: a.measures, earlyReview: a.earlyReview } : { type: 'close', reason: a.reason, note: a.note };
      const state = stateOf(row);
      const out = decide(state, event, actorOf(actor!));
      if (!out.ok) throw refusalError(out.refusal);
      const at = now.toISOString();
      await db
        .updateTable('warnings')
        .set({
          status: out.state.status,
          measures_taken: JSON.stringify(out.state.measuresTaken),
          early_review: out.state.earlyReview ? 1 : 0,
          close_reason: out.state.status === 'closed' ? out.state.closeReason : null,
          closed_at: out.state.status === 'closed' ? at : null,
          updated_at: at,
        })
        .where('id', '=', row.id)
        .execute();
      await writeHistory(db, host.ids, {
        warningId: row.id,
        kind: event.type,
        state: out.state,
        by: actor!.userId,
        at,
        note: a.type === 'acknowledge' ? a.note : a.note,
        ...(a.type === 'work' ? { measures: a.measures, earlyReview: a.earlyReview } : {}),
      });
      await refreshWarningState(db, [row.customer_id]);
      audit.target = `warning:${row.id}`;
      audit.details = { customer: row.customer_id, rule: row.rule, action: a.type, status: out.state.status, ...(a.type === 'close' ? { reason: a.reason } : {}), ...(a.type === 'work' ? { measures: a.measures, earlyReview: a.earlyReview } : {}) };
      return detailOf(db, row.id, actor!);
    },
  },

  'warnings.rules': {
    async run({ db }) {
      return rulesOf(db);
    },
  },

  'warnings.setRules': {
    async run({ input, db, actor, now, host, audit }) {
      const seen = new Set<string>();
      for (const r of input.rules) {
        if (seen.has(r.rule)) throw new ArchiveError('VALIDATION', `rule ${r.rule} listed twice`, { reason: 'ruleListedTwice', field: r.rule });
        seen.add(r.rule);
      }
      const problems = ruleSettingProblems(input.rules);
      if (problems.length > 0) {
        const p = problems[0]!;
        throw new ArchiveError('VALIDATION', `threshold of ${p.rule} outside ${p.min}–${p.max}`, { reason: 'thresholdOutOfRange', field: p.rule, min: p.min, max: p.max });
      }
      const before = await rulesOf(db);
      const at = now.toISOString();
      const changes: Record<string, { enabled: boolean; threshold: number }> = {};
      for (const r of input.rules) {
        const was = before.find((b) => b.rule === r.rule)!;
        if (was.enabled === r.enabled && was.threshold === r.threshold) continue;
        changes[r.rule] = { enabled: r.enabled, threshold: r.threshold };
        await db.updateTable('warning_rules').set({ enabled: r.enabled ? 1 : 0, threshold: r.threshold, updated_at: at, updated_by: actor!.userId }).where('rule', '=', r.rule).execute();
      }
      const changed = Object.keys(changes).length > 0;
      const outcome = changed ? await evaluateWarnings(db, now, host.ids, null) : null;
      audit.details = { changes, ...(outcome ? { raised: outcome.raised, reopened: outcome.reopened, cleared: outcome.cleared } : {}) };
      return rulesOf(db);
    },
  },
};
