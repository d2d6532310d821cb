import type { Kysely, Transaction } from 'kysely';
import { ArchiveError } from '../../../shared/contract/errors';
import type { CalendarView } from '../../../shared/contract/calendar';
import { officialCalendarCn } from '../../../shared/domain/calendar-cn';
import { parseCalendarFile } from '../../../shared/domain/calendar-import';
import {
  dayInfo,
  makeCalendar,
  withImportedYears,
  yearView,
  type OfficialYear,
  type WorkingCalendar,
} from '../../../shared/domain/working-days';
import type { DB } from '../../archive/schema';
import type { PartialHandlers } from '../../host/handler';

type Db = Kysely<DB> | Transaction<DB>;

/**
 * The archive's calendar: the shipped official data, the years imported over it, and the
 * company overlay. Approvals, evaluations and loans count their deadlines on this.
 */
export async function loadCalendar(db: Db): Promise<WorkingCalendar> {
  const [years, overlay, revision] = await Promise.all([
    db.selectFrom('calendar_years').select('data').orderBy('year').execute(),
    db.selectFrom('calendar_overlay').select(['day', 'kind', 'note']).orderBy('day').execute(),
    db.selectFrom('calendar_revision').select('overlay_revision').where('id', '=', 1).executeTakeFirstOrThrow(),
  ]);
  const imported = years.map((r) => JSON.parse(r.data) as OfficialYear);
  return makeCalendar(withImportedYears(officialCalendarCn, imported), { revision: revision.overlay_revision, days: overlay });
}

async function view(db: Db, year: number): Promise<CalendarView> {
  const calendar = await loadCalendar(db);
  const [imported, overlay] = await Promise.all([
    db.selectFrom('calendar_years').select('year').orderBy('year').execute(),
    db
      .selectFrom('calendar_overlay')
      .innerJoin('users', 'users.id', 'calendar_overlay.set_by')
      .select(['day', 'kind', 'note', 'users.display_name as setBy', 'set_at as setAt'])
      .where('day', '>=', `${year}-01-01`)
      .where('day', '<=', `${year}-12-31`)
      .orderBy('day')
      .execute(),
  ]);
  const y = yearView(calendar, year);
  return {
    version: calendar.version,
    officialVersion: calendar.officialVersion,
    overlayRevision: calendar.overlayRevision,
    coveredYears: [...calendar.coveredYears],
    importedYears: imported.map((r) => r.year),
    year: { ...y, notices: [...y.notices] },
    overlay,
  };
}

async function bumpRevision(db: Transaction<DB>): Promise<void> {
  await db.updateTable('calendar_revision').set((eb) => ({ overlay_revision: eb('overlay_revision', '+', 1) })).where('id', '=', 1).execute();
}

export const calendarHandlers: PartialHandlers = {
  'calendar.get': {
    run: ({ db, input }) => view(db, input.year),
  },
  'calendar.setOverlay': {
    async run({ db, input, actor, now, audit }) {
      const year = Number(input.day.slice(0, 4));
      const before = await db.selectFrom('calendar_overlay').select(['kind', 'note']).where('day', '=', input.day).executeTakeFirst();
      audit.target = `calendar:${input.day}`;
      if (input.kind === 'none') {
        if (!before) throw new ArchiveError('NOT_FOUND', `${input.day} is not a company day`, { reason: 'not-in-overlay' });
        await db.deleteFrom('calendar_overlay').where('day', '=', input.day).execute();
        audit.details = { day: input.day, note: input.note, before };
      } else {
        // Compared with the calendar without this day's own entry: a no-op change is refused.
        const calendar = await loadCalendar(db);
        const underneath = makeCalendar(
          { version: calendar.officialVersion, years: calendar.officialYears },
          { revision: 0, days: calendar.overlay.days.filter((d) => d.day !== input.day) },
        );
        const official = dayInfo(underneath, input.day);
        if (input.kind === 'closed' && !official.working) throw new ArchiveError('CONFLICT', `${input.day} is already a rest day`, { reason: 'already-rest-day' });
        if (input.kind === 'working' && official.working) throw new ArchiveError('CONFLICT', `${input.day} is already a working day`, { reason: 'already-working-day' });
        const row = { day: input.day, kind: input.kind, note: input.note, set_by: actor!.userId, set_at: now.toISOString() };
        await db
          .insertInto('calendar_overlay')
          .values(row)
          .onConflict((oc) => oc.column('day').doUpdateSet({ kind: row.kind, note: row.note, set_by: row.set_by, set_at: row.set_at }))
          .execute();
        audit.details = { day: input.day, kind: input.kind, note: input.note, before: before ?? null };
      }
      await bumpRevision(db);
      return view(db, year);
    },
  },
  'calendar.importYear': {
    async run({ db, input, actor, now, audit }) {
      const parsed = parseCalendarFile(input.text);
      if (!parsed.ok) throw new ArchiveError('VALIDATION', 'the calendar file has problems', { calendarProblems: parsed.problems });
      const { year } = parsed;
      const before = await db.selectFrom('calendar_years').select('data').where('year', '=', year.year).executeTakeFirst();
      const data = JSON.stringify(year);
      await db
        .insertInto('calendar_years')
        .values({ year: year.year, data, imported_by: actor!.userId, imported_at: now.toISOString() })
        .onConflict((oc) => oc.column('year').doUpdateSet({ data, imported_by: actor!.userId, imported_at: now.toISOString() }))
        .execute();
      audit.target = `calendar:${year.year}`;
      audit.details = { year: year.year, imported: year, replaced: before ? (JSON.parse(before.data) as unknown) : null };
      return view(db, year.year);
    },
  },
};
