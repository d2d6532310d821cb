import { sql, type Kysely } from 'kysely';

// Separation of duties (issue 11 item 13): a change of a role's permissions that one
// administrator may not make alone waits here for a second administrator, who confirms
// (and so applies) or refuses it with a reason. Decided once: a decided row never changes.
// A migration stays as it was written, forever: it imports no application code.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE TABLE role_changes (
    id TEXT PRIMARY KEY,
    role_id TEXT NOT NULL REFERENCES roles (id),
    before TEXT NOT NULL,
    after TEXT NOT NULL,
    proposed_by TEXT NOT NULL REFERENCES users (id),
    proposed_at TEXT NOT NULL,
    state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'confirmed', 'rejected')),
    decided_by TEXT REFERENCES users (id),
    decided_at TEXT,
    reason TEXT,
    CHECK ((state = 'pending') = (decided_by IS NULL AND decided_at IS NULL)),
    CHECK (state <> 'rejected' OR reason IS NOT NULL),
    CHECK (decided_by IS NULL OR decided_by <> proposed_by)
  )`.execute(db);
  await sql`CREATE INDEX role_changes_state ON role_changes (state, proposed_at)`.execute(db);
  await sql`CREATE TRIGGER role_changes_decided_once BEFORE UPDATE ON role_changes
    WHEN OLD.state <> 'pending'
    BEGIN SELECT RAISE(ABORT, 'a decided role change does not change'); END`.execute(db);
  await sql`CREATE TRIGGER role_changes_no_delete BEFORE DELETE ON role_changes
    BEGIN SELECT RAISE(ABORT, 'role changes are kept'); END`.execute(db);
}
