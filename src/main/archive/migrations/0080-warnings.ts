import { sql, type Kysely } from 'kysely';

// 风险预警 (issue 12): the warning rules with the credit manager's thresholds, the warnings
// the rules raise (one per customer, rule and subject, with their evidence and the
// measures due) and the history of each (raised, acknowledged, worked, closed, reopened).
// The day the rules last ran over every customer makes the daily run happen once.
// A migration stays as it was written, forever: it imports no application code.

const RULES: [string, number][] = [
  ['credit_event', 365],
  ['payment_overdue', 50],
  ['over_limit', 100],
  ['near_limit', 90],
  ['score_below', 60],
  ['grade_downgrade', 1],
  ['qualification_expiring', 30],
  ['volume_anomaly', 50],
  ['payment_anomaly', 50],
  ['dormant', 6],
];

const NEW_GRANTS: Record<string, string[]> = {
  credit_manager: ['warnings.manage', 'warnings.work'],
  account_manager: ['warnings.work'],
  service_manager: ['warnings.work'],
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE TABLE warning_rules (
    rule TEXT PRIMARY KEY,
    position INTEGER NOT NULL,
    enabled INTEGER NOT NULL CHECK (enabled IN (0, 1)),
    threshold INTEGER NOT NULL,
    updated_at TEXT,
    updated_by TEXT REFERENCES users (id)
  )`.execute(db);
  for (const [i, [rule, threshold]] of RULES.entries()) {
    await db.insertInto('warning_rules').values({ rule, position: i, enabled: 1, threshold, updated_at: null, updated_by: null }).execute();
  }

  await sql`CREATE TABLE warning_runs (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    last_day TEXT
  )`.execute(db);
  await sql`INSERT INTO warning_runs (id, last_day) VALUES (1, NULL)`.execute(db);

  await sql`CREATE TABLE warnings (
    id TEXT PRIMARY KEY,
    customer_id TEXT NOT NULL REFERENCES customers (id),
    rule TEXT NOT NULL,
    subject TEXT NOT NULL,
    severity TEXT NOT NULL CHECK (severity IN ('severe', 'high', 'medium', 'low')),
    severity_rank INTEGER NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('raised', 'acknowledged', 'in_work', 'closed')),
    cause_present INTEGER NOT NULL CHECK (cause_present IN (0, 1)),
    reopened INTEGER NOT NULL DEFAULT 0,
    measures_taken TEXT NOT NULL DEFAULT '[]',
    early_review INTEGER NOT NULL DEFAULT 0,
    close_reason TEXT,
    evidence TEXT NOT NULL,
    measures_due TEXT NOT NULL,
    owner_id TEXT REFERENCES users (id),
    raised_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    closed_at TEXT,
    UNIQUE (customer_id, rule, subject),
    CHECK ((status = 'closed') = (close_reason IS NOT NULL))
  )`.execute(db);
  // The open list is an index walk: most severe first, the oldest first.
  await sql`CREATE INDEX warnings_open ON warnings (severity_rank, raised_at, id) WHERE status <> 'closed'`.execute(db);
  await sql`CREATE INDEX warnings_open_owner ON warnings (owner_id, severity_rank, raised_at, id) WHERE status <> 'closed'`.execute(db);

  // The open warnings by severity, kept by triggers: the list's counts are four rows, not a
  // walk over every open warning.
  await sql`CREATE TABLE warning_open_counts (
    severity_rank INTEGER PRIMARY KEY,
    n INTEGER NOT NULL CHECK (n >= 0)
  )`.execute(db);
  await sql`INSERT INTO warning_open_counts (severity_rank, n) VALUES (0, 0), (1, 0), (2, 0), (3, 0)`.execute(db);
  await sql`CREATE TRIGGER warnings_count_insert AFTER INSERT ON warnings WHEN NEW.status <> 'closed'
    BEGIN UPDATE warning_open_counts SET n = n + 1 WHERE severity_rank = NEW.severity_rank; END`.execute(db);
  await sql`CREATE TRIGGER warnings_count_leave AFTER UPDATE OF status, severity_rank ON warnings WHEN OLD.status <> 'closed'
    BEGIN UPDATE warning_open_counts SET n = n - 1 WHERE severity_rank = OLD.severity_rank; END`.execute(db);
  await sql`CREATE TRIGGER warnings_count_enter AFTER UPDATE OF status, severity_rank ON warnings WHEN NEW.status <> 'closed'
    BEGIN UPDATE warning_open_counts SET n = n + 1 WHERE severity_rank = NEW.severity_rank; END`.execute(db);

  await sql`CREATE TABLE warning_history (
    id TEXT PRIMARY KEY,
    warning_id TEXT NOT NULL REFERENCES warnings (id),
    kind TEXT NOT NULL,
    status TEXT NOT NULL,
    by_user TEXT REFERENCES users (id),
    at TEXT NOT NULL,
    note TEXT,
    measures TEXT,
    early_review INTEGER,
    close_reason TEXT,
    evidence TEXT
  )`.execute(db);
  await sql`CREATE INDEX warning_history_warning ON warning_history (warning_id, at)`.execute(db);
  await sql`CREATE TRIGGER warning_history_kept BEFORE DELETE ON warning_history
    BEGIN SELECT RAISE(ABORT, 'the history of a warning is kept'); END`.execute(db);
  await sql`CREATE TRIGGER warning_history_final BEFORE UPDATE ON warning_history
    BEGIN SELECT RAISE(ABORT, 'the history of a warning never changes'); END`.execute(db);
  await sql`CREATE TRIGGER warnings_kept BEFORE DELETE ON warnings
    BEGIN SELECT RAISE(ABORT, 'a warning is closed, never deleted'); END`.execute(db);

  for (const [code, permissions] of Object.entries(NEW_GRANTS)) {
    const role = await db.selectFrom('roles').select('id').where('code', '=', code).executeTakeFirst();
    if (!role) continue;
    for (const permission of permissions) {
      await db.insertInto('role_permissions').values({ role_id: role.id, permission }).onConflict((oc) => oc.doNothing()).execute();
    }
  }
}
