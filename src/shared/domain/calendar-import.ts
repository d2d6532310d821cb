// Importing one year of the official calendar from a file the administrator prepared from the
// State Council notice (format: docs/decisions/0013-working-day-calendar.md). Pure: the text
// in, the year or the list of problems out. Problems are codes, translated elsewhere.
import {
  HOLIDAY_CODES,
  isDay,
  isWeekend,
  type HolidayCode,
  type HolidayPeriod,
  type MakeupWorkday,
  type OfficialNotice,
  type OfficialYear,
} from './working-days';

export const CALENDAR_FILE_FORMAT = 'credit-archive/official-holidays/1';

export const CALENDAR_IMPORT_PROBLEMS = [
  'not-json',
  'not-an-object',
  'format-unknown',
  'year-invalid',
  'notices-missing',
  'notice-title-missing',
  'notice-date-invalid',
  'holidays-missing',
  'holiday-unknown',
  'day-invalid',
  'period-reversed',
  /** Days belong to the year, or to the December before it (a New Year period may start there). */
  'day-outside-year',
  'periods-overlap',
  'makeup-not-weekend',
  'makeup-on-holiday',
  'makeup-duplicate',
] as const;
export type CalendarImportProblemCode = (typeof CALENDAR_IMPORT_PROBLEMS)[number];

export interface CalendarImportProblem {
  code: CalendarImportProblemCode;
  /** Where in the file: 'year', 'holidays[2].from', … */
  at: string;
}

export type CalendarImportResult = { ok: true; year: OfficialYear } | { ok: false; problems: CalendarImportProblem[] };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isHoliday = (v: unknown): v is HolidayCode => typeof v === 'string' && (HOLIDAY_CODES as readonly string[]).includes(v);

/** Parses and checks a calendar file's text. */
export function parseCalendarFile(text: string): CalendarImportResult {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return { ok: false, problems: [{ code: 'not-json', at: '' }] };
  }
  return validateOfficialYear(data, true);
}

/**
 * Checks one year of official data (a parsed file, or the shipped data in tests).
 * With `requireFormat`, the object must name CALENDAR_FILE_FORMAT.
 */
export function validateOfficialYear(data: unknown, requireFormat = false): CalendarImportResult {
  const problems: CalendarImportProblem[] = [];
  const problem = (code: CalendarImportProblemCode, at: string) => problems.push({ code, at });
  if (!isObject(data)) return { ok: false, problems: [{ code: 'not-an-object', at: '' }] };
  if (requireFormat && data.format !== CALENDAR_FILE_FORMAT) problem('format-unknown', 'format');

  const year = data.year;
  const validYear = typeof year === 'number' && Number.isInteger(year) && year >= 1999 && year <= 2999;
  if (!validYear) problem('year-invalid', 'year');
  const inYear = (day: string) => validYear && (day.slice(0, 4) === String(year) || day.slice(0, 7) === `${Number(year) - 1}-12`);

  const notices: OfficialNotice[] = [];
  if (!Array.isArray(data.notices) || data.notices.length === 0) problem('notices-missing', 'notices');
  else
    data.notices.forEach((n: unknown, i) => {
      const at = `notices[${i}]`;
      if (!isObject(n) || typeof n.title !== 'string' || n.title.trim() === '') return problem('notice-title-missing', `${at}.title`);
      if (!isDay(n.issuedOn)) return problem('notice-date-invalid', `${at}.issuedOn`);
      const notice: OfficialNotice = { title: n.title.trim(), issuedOn: n.issuedOn };
      if (typeof n.number === 'string' && n.number.trim() !== '') notice.number = n.number.trim();
      notices.push(notice);
    });

  const holidays: HolidayPeriod[] = [];
  if (!Array.isArray(data.holidays) || data.holidays.length === 0) problem('holidays-missing', 'holidays');
  else
    data.holidays.forEach((p: unknown, i) => {
      const at = `holidays[${i}]`;
      if (!isObject(p) || !isHoliday(p.holiday)) return problem('holiday-unknown', `${at}.holiday`);
      if (!isDay(p.from)) return problem('day-invalid', `${at}.from`);
      if (!isDay(p.to)) return problem('day-invalid', `${at}.to`);
      if (p.to < p.from) return problem('period-reversed', at);
      if (!inYear(p.from) || !inYear(p.to)) return problem('day-outside-year', at);
      holidays.push({ holiday: p.holiday, from: p.from, to: p.to });
    });
  const sorted = holidays.map((p, i) => ({ p, i })).sort((a, b) => a.p.from.localeCompare(b.p.from));
  sorted.forEach((cur, k) => {
    const prev = sorted[k - 1];
    if (prev && cur.p.from <= prev.p.to) problem('periods-overlap', `holidays[${cur.i}]`);
  });

  const makeupWorkdays: MakeupWorkday[] = [];
  const seen = new Set<string>();
  if (data.makeupWorkdays !== undefined && !Array.isArray(data.makeupWorkdays)) problem('day-invalid', 'makeupWorkdays');
  else
    ((data.makeupWorkdays as unknown[] | undefined) ?? []).forEach((m: unknown, i) => {
      const at = `makeupWorkdays[${i}]`;
      if (!isObject(m) || !isHoliday(m.holiday)) return problem('holiday-unknown', `${at}.holiday`);
      if (!isDay(m.day)) return problem('day-invalid', `${at}.day`);
      if (!inYear(m.day)) return problem('day-outside-year', `${at}.day`);
      if (!isWeekend(m.day)) return problem('makeup-not-weekend', `${at}.day`);
      if (holidays.some((p) => p.from <= (m.day as string) && (m.day as string) <= p.to)) return problem('makeup-on-holiday', `${at}.day`);
      if (seen.has(m.day)) return problem('makeup-duplicate', `${at}.day`);
      seen.add(m.day);
      makeupWorkdays.push({ day: m.day, holiday: m.holiday });
    });

  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    year: {
      year: year as number,
      notices,
      holidays: [...holidays].sort((a, b) => a.from.localeCompare(b.from)),
      makeupWorkdays: [...makeupWorkdays].sort((a, b) => a.day.localeCompare(b.day)),
    },
  };
}

/** The file for one year, as the importer reads it (to export a year, or to write a sample). */
export function calendarFileText(year: OfficialYear): string {
  return `${JSON.stringify({ format: CALENDAR_FILE_FORMAT, ...year }, null, 2)}\n`;
}
