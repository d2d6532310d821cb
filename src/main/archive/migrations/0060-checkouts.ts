import { sql, type Kysely } from 'kysely';

// 借阅与查阅 (issue 10): the loan policy as versioned data, the checkout requests (查阅申请单)
// that go through the checkout chain, one loan per requested customer file with the rules'
// whole loan as JSON beside the columns the reading check, the log and the overdue list
// need, the renewal chains of a loan, and the grants of the two borrowing permissions.
// A migration stays as it was written, forever: it imports no application code, so the
// default policy (version 1) is written out here as it was on the day it was written.

const NEW_GRANTS: Record<string, string[]> = {
  archivist: ['checkouts.lend'],
  sysadmin: ['checkouts.policy'],
};

/** SPEC §4: 普通 ≤ 10 working days, 秘密 ≤ 7, 机密 ≤ 5; one renewal; 机密 physical items in the reading room. */
const DEFAULT_TERMS = [
  { confidentiality: 'normal', kind: 'physical', maxWorkingDays: 10, renewals: 1, readingRoomOnly: false },
  { confidentiality: 'normal', kind: 'electronic', maxWorkingDays: 10, renewals: 1, readingRoomOnly: false },
  { confidentiality: 'secret', kind: 'physical', maxWorkingDays: 7, renewals: 1, readingRoomOnly: false },
  { confidentiality: 'secret', kind: 'electronic', maxWorkingDays: 7, renewals: 1, readingRoomOnly: false },
  { confidentiality: 'confidential', kind: 'physical', maxWorkingDays: 5, renewals: 1, readingRoomOnly: true },
  { confidentiality: 'confidential', kind: 'electronic', maxWorkingDays: 5, renewals: 1, readingRoomOnly: false },
];

const STORED = `('requested', 'approved', 'rejected', 'withdrawn', 'lent', 'renewed', 'returned', 'lost')`;
const HAS_DUE = `('lent', 'renewed', 'returned', 'lost')`;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  // Each change of the policy is a new version; the one in force is the highest.
  await sql`CREATE TABLE loan_policies (
    version INTEGER PRIMARY KEY CHECK (version >= 1),
    terms TEXT NOT NULL CHECK (json_valid(terms) AND json_type(terms) = 'array'),
    set_by TEXT REFERENCES users (id),
    set_at TEXT
  )`.execute(db);
  await sql`INSERT INTO loan_policies (version, terms, set_by, set_at) VALUES (1, ${JSON.stringify(DEFAULT_TERMS)}, NULL, NULL)`.execute(db);

  // 查阅申请单: one per chain; its status is the chain's.
  await sql`CREATE TABLE checkout_requests (
    id TEXT PRIMARY KEY,
    chain_id TEXT NOT NULL UNIQUE REFERENCES approval_chains (id),
    requester_id TEXT NOT NULL REFERENCES users (id),
    department_id TEXT NOT NULL REFERENCES departments (id),
    purpose TEXT NOT NULL CHECK (length(trim(purpose)) > 0),
    period_working_days INTEGER NOT NULL CHECK (period_working_days >= 1),
    reading_room INTEGER NOT NULL CHECK (reading_room IN (0, 1)),
    print INTEGER NOT NULL CHECK (print IN (0, 1)),
    export INTEGER NOT NULL CHECK (export IN (0, 1)),
    requested_at TEXT NOT NULL
  )`.execute(db);
  await sql`CREATE INDEX checkout_requests_requester ON checkout_requests (requester_id, requested_at)`.execute(db);

  // One loan per customer file of a request. body: the loan as the pure rules keep it
  // (terms copied at lending, items, renewals, recalls); the columns are what is looked up.
  await sql.raw(`CREATE TABLE loans (
    id TEXT PRIMARY KEY,
    request_id TEXT NOT NULL REFERENCES checkout_requests (id),
    borrower_id TEXT NOT NULL REFERENCES users (id),
    department_id TEXT NOT NULL REFERENCES departments (id),
    customer_id TEXT NOT NULL REFERENCES customers (id),
    state TEXT NOT NULL CHECK (state IN ${STORED}),
    due_date TEXT,
    requested_at TEXT NOT NULL,
    requested_day TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    body TEXT NOT NULL CHECK (json_valid(body)),
    UNIQUE (request_id, customer_id),
    CHECK ((state IN ${HAS_DUE}) = (due_date IS NOT NULL))
  )`).execute(db);
  // The reading check: a reader's loans of one customer (issue 10: ≤ 1 ms per open).
  await sql`CREATE INDEX loans_reader ON loans (borrower_id, customer_id, state)`.execute(db);
  // The borrowing log, newest first, and its filters. The state and due date ride along,
  // so a filtered page and its count are found on an index, never in the rows (whose
  // bodies are large).
  await sql`CREATE INDEX loans_log ON loans (requested_at DESC, id DESC, state, due_date)`.execute(db);
  await sql`CREATE INDEX loans_state ON loans (state, requested_at DESC, id DESC, due_date)`.execute(db);
  await sql`CREATE INDEX loans_borrower ON loans (borrower_id, requested_at DESC, id DESC, state, due_date)`.execute(db);
  await sql`CREATE INDEX loans_department ON loans (department_id, requested_at DESC, id DESC, state, due_date)`.execute(db);
  await sql`CREATE INDEX loans_customer ON loans (customer_id, requested_at DESC, id DESC, state, due_date)`.execute(db);
  await sql`CREATE INDEX loans_department_state ON loans (department_id, state, due_date)`.execute(db);
  await sql`CREATE INDEX loans_request ON loans (request_id)`.execute(db);
  // Out and past due: the overdue list and the reminders.
  await sql`CREATE INDEX loans_out_due ON loans (state, due_date, id)`.execute(db);

  // 续借: each renewal goes through its own chain; seq is its place in the loan's renewals.
  await sql`CREATE TABLE loan_renewal_chains (
    chain_id TEXT PRIMARY KEY REFERENCES approval_chains (id),
    loan_id TEXT NOT NULL REFERENCES loans (id),
    seq INTEGER NOT NULL CHECK (seq >= 0),
    UNIQUE (loan_id, seq)
  )`.execute(db);

  // An archive made before this migration gets the grants; a new one gets them from the
  // default roles at setup (the roles table is still empty here).
  for (const [code, permissions] of Object.entries(NEW_GRANTS)) {
    const role = await db.selectFrom('roles').select('id').where('code', '=', code).executeTakeFirst();
    if (!role) continue;
    for (const permission of permissions) {
      await db.insertInto('role_permissions').values({ role_id: role.id, permission }).onConflict((oc) => oc.doNothing()).execute();
    }
  }
}
