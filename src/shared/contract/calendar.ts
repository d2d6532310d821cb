import { z } from 'zod';
import { CALENDAR_IMPORT_PROBLEMS } from '../domain/calendar-import';
import { DAY_REASONS, HOLIDAY_CODES, OVERLAY_DAY_KINDS } from '../domain/working-days';
import { method } from './method';
import { isoDay, text } from './schemas';

// The working-day calendar (issue 8 item 7): the year view, the company overlay, importing
// a year of the official list. Counting rules live in src/shared/domain/working-days.ts.

export const holidayCode = z.enum(HOLIDAY_CODES);
export const calendarImportProblem = z.strictObject({ code: z.enum(CALENDAR_IMPORT_PROBLEMS), at: z.string() });

/** Why a change of the overlay is refused (CONFLICT / NOT_FOUND details.reason). */
export const CALENDAR_REFUSALS = ['already-rest-day', 'already-working-day', 'not-in-overlay'] as const;
/** Refusals of the calendar (`details.reason`). */
export const calendarReasons = z.enum(CALENDAR_REFUSALS);
export type CalendarReason = z.infer<typeof calendarReasons>;
export type CalendarRefusal = (typeof CALENDAR_REFUSALS)[number];

const dayInfo = z.strictObject({
  day: isoDay,
  working: z.boolean(),
  reason: z.enum(DAY_REASONS),
  holiday: holidayCode.optional(),
  note: z.string().optional(),
  provisional: z.boolean(),
});

const notice = z.strictObject({ title: z.string(), number: z.string().optional(), issuedOn: isoDay });

export const calendarView = z.strictObject({
  version: z.string(),
  officialVersion: z.string(),
  overlayRevision: z.number().int(),
  coveredYears: z.array(z.number().int()),
  /** Years imported by the administrator (the rest are shipped with the app). */
  importedYears: z.array(z.number().int()),
  year: z.strictObject({
    year: z.number().int(),
    covered: z.boolean(),
    notices: z.array(notice),
    specialDays: z.array(dayInfo),
    workingDays: z.number().int(),
  }),
  /** The overlay's days in that year, with who set them. */
  overlay: z.array(
    z.strictObject({ day: isoDay, kind: z.enum(OVERLAY_DAY_KINDS), note: z.string(), setBy: z.string(), setAt: z.string() }),
  ),
});
export type CalendarView = z.output<typeof calendarView>;

const year = z.number().int().min(1900).max(2999);

export const calendarMethods = {
  'calendar.get': method({ input: z.strictObject({ year }), output: calendarView }),
  'calendar.setOverlay': method({
    /** `kind: 'none'` removes the company's entry for the day; the note says why, either way. */
    input: z.strictObject({ day: isoDay, kind: z.enum([...OVERLAY_DAY_KINDS, 'none']), note: text(200) }),
    output: calendarView,
    permission: 'calendar.manage',
    writes: true,
  }),
  'calendar.importYear': method({
    /** The file's text (format: docs/decisions/0013-working-day-calendar.md). */
    input: z.strictObject({ text: z.string().max(200_000) }),
    output: calendarView,
    permission: 'calendar.manage',
    writes: true,
  }),
};
