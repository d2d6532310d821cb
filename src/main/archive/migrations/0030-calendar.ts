import { sql, type Kysely } from 'kysely';

// The working-day calendar's stored side: the company overlay (closed days, extra working
// days) with its revision, and the official years the administrator imported from a file.
// The shipped official data is code (src/shared/domain/calendar-cn.ts), not rows.
// Grants calendar.manage to the system administrator role.
// A migration stays as it was written, forever: it imports no application code.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE TABLE calendar_overlay (
    day TEXT PRIMARY KEY CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    kind TEXT NOT NULL CHECK (kind IN ('closed', 'working')),
    note TEXT NOT NULL,
    set_by TEXT NOT NULL REFERENCES users (id),
    set_at TEXT NOT NULL
  ) WITHOUT ROWID`.execute(db);

  // One row: goes up by one with every change of the overlay; part of the calendar version.
  await sql`CREATE TABLE calendar_revision (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    overlay_revision INTEGER NOT NULL CHECK (overlay_revision >= 0)
  )`.execute(db);
  await sql`INSERT INTO calendar_revision (id, overlay_revision) VALUES (1, 0)`.execute(db);

  await sql`CREATE TABLE calendar_years (
    year INTEGER PRIMARY KEY,
    data TEXT NOT NULL,
    imported_by TEXT NOT NULL REFERENCES users (id),
    imported_at TEXT NOT NULL
  )`.execute(db);

  const role = await db.selectFrom('roles').select('id').where('code', '=', 'sysadmin').executeTakeFirst();
  if (role) {
    await db.insertInto('role_permissions').values({ role_id: role.id, permission: 'calendar.manage' }).onConflict((oc) => oc.doNothing()).execute();
  }
}
