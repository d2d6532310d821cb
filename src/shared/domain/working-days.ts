// The working-day calendar (SPEC §2, issue 8 item 7): China's official public holidays and
// make-up working days (调休), a company overlay of closed days and extra working days, and
// the periods counted on it — 民法典 Art. 201 (a period counts from the next day) and
// Art. 203 (a deadline on a rest day moves to the next working day). Shared by approvals,
// publication/objection periods, loans and dunning. Days are 'YYYY-MM-DD'; all arithmetic is
// on UTC day numbers, so no local time zone can shift a day.
import { officialCalendarCn } from './calendar-cn';

// ---------------------------------------------------------------------------------------
// Data shapes

/** The festivals of the official notices; the text for each is translated elsewhere. */
export const HOLIDAY_CODES = [
  'new-year', // 元旦
  'spring-festival', // 春节
  'qingming', // 清明节
  'labour-day', // 劳动节
  'dragon-boat', // 端午节
  'mid-autumn', // 中秋节
  'national-day', // 国庆节
  'national-day-mid-autumn', // 国庆节、中秋节 given as one period
  'victory-day-70th', // 2015: 抗日战争暨世界反法西斯战争胜利70周年纪念日
] as const;
export type HolidayCode = (typeof HOLIDAY_CODES)[number];

export interface OfficialNotice {
  /** The notice's title as published, e.g. 国务院办公厅关于2026年部分节假日安排的通知. */
  title: string;
  /** Its document number (发文字号), e.g. 国办发明电〔2024〕12号, where known. */
  number?: string;
  /** The date the notice bears (成文日期). */
  issuedOn: string;
}

export interface HolidayPeriod {
  holiday: HolidayCode;
  /** First and last day off, inclusive; weekends inside the period are part of it. */
  from: string;
  to: string;
}

export interface MakeupWorkday {
  /** A Saturday or Sunday that is worked (上班) to make a holiday longer. */
  day: string;
  holiday: HolidayCode;
}

/** One year of the official calendar. Its days may reach into the December before. */
export interface OfficialYear {
  year: number;
  notices: readonly OfficialNotice[];
  holidays: readonly HolidayPeriod[];
  makeupWorkdays: readonly MakeupWorkday[];
}

export interface OfficialCalendarData {
  /** The version of the shipped data set, e.g. 'cn-2026.1'. */
  version: string;
  years: readonly OfficialYear[];
}

export const OVERLAY_DAY_KINDS = ['closed', 'working'] as const;
export type OverlayDayKind = (typeof OVERLAY_DAY_KINDS)[number];

/** A company's own day: closed on a working day, or working on a rest day. */
export interface OverlayDay {
  day: string;
  kind: OverlayDayKind;
  note: string;
}

export interface CompanyOverlay {
  /** Goes up by one with every change the administrator makes. */
  revision: number;
  days: readonly OverlayDay[];
}

/** Why a day is a working day or a rest day. */
export const DAY_REASONS = [
  'workday', // Monday to Friday, nothing special
  'weekend',
  'public-holiday',
  'makeup-workday', // 调休: a weekend day worked
  'company-closed',
  'company-workday',
] as const;
export type DayReason = (typeof DAY_REASONS)[number];

export interface DayInfo {
  day: string;
  working: boolean;
  reason: DayReason;
  holiday?: HolidayCode;
  /** The administrator's note on a company day. */
  note?: string;
  /** The day's year is not in the official calendar: it was judged Monday to Friday. */
  provisional: boolean;
}

interface DayEntry {
  working: boolean;
  reason: DayReason;
  holiday?: HolidayCode;
  note?: string;
}

export interface WorkingCalendar {
  /** Names the official data (with any imported years) and the overlay revision. */
  version: string;
  officialVersion: string;
  overlayRevision: number;
  /** Years the official calendar has, ascending. Other years count Monday to Friday. */
  coveredYears: readonly number[];
  /** The official years the calendar was built from (for the year view and for export). */
  officialYears: readonly OfficialYear[];
  overlay: CompanyOverlay;
  readonly entries: ReadonlyMap<string, DayEntry>;
}

// ---------------------------------------------------------------------------------------
// Days

const DAY_MS = 86_400_000;
const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar day written 'YYYY-MM-DD' (no 2026-02-30). */
export function isDay(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = DAY_PATTERN.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}

function requireDay(day: string, what: string): void {
  if (!isDay(day)) throw new RangeError(`${what} is not a YYYY-MM-DD day: ${String(day)}`);
}

function toNumber(day: string): number {
  return Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10))) / DAY_MS;
}

function fromNumber(n: number): string {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

/** The day n calendar days after `day` (n may be negative). */
export function shiftDay(day: string, n: number): string {
  return fromNumber(toNumber(day) + n);
}

/** 0 Sunday … 6 Saturday. */
function weekday(day: string): number {
  return new Date(toNumber(day) * DAY_MS).getUTCDay();
}

export function isWeekend(day: string): boolean {
  const w = weekday(day);
  return w === 0 || w === 6;
}

function yearOf(day: string): number {
  return Number(day.slice(0, 4));
}

// ---------------------------------------------------------------------------------------
// Building a calendar

/**
 * Official data with the years the administrator imported: an imported year replaces the
 * shipped year of the same number. The version lists each imported year with the date of its
 * last notice, so two archives that imported the same list agree on the version.
 */
export function withImportedYears(official: OfficialCalendarData, imported: readonly OfficialYear[]): OfficialCalendarData {
  if (imported.length === 0) return official;
  const byYear = new Map(official.years.map((y) => [y.year, y]));
  const sorted = [...imported].sort((a, b) => a.year - b.year);
  for (const y of sorted) byYear.set(y.year, y);
  const suffix = sorted.map((y) => `+${y.year}.${lastNoticeDate(y)}`).join('');
  return { version: `${official.version}${suffix}`, years: [...byYear.values()].sort((a, b) => a.year - b.year) };
}

function lastNoticeDate(year: OfficialYear): string {
  return year.notices.map((n) => n.issuedOn).sort().at(-1) ?? 'undated';
}

export const EMPTY_OVERLAY: CompanyOverlay = { revision: 0, days: [] };

/** The official calendar with the company overlay merged over it (the overlay wins). */
export function makeCalendar(official: OfficialCalendarData, overlay: CompanyOverlay = EMPTY_OVERLAY): WorkingCalendar {
  const entries = new Map<string, DayEntry>();
  const years = [...official.years].sort((a, b) => a.year - b.year);
  for (const y of years) {
    for (const p of y.holidays) {
      for (let n = toNumber(p.from); n <= toNumber(p.to); n++) {
        entries.set(fromNumber(n), { working: false, reason: 'public-holiday', holiday: p.holiday });
      }
    }
    for (const m of y.makeupWorkdays) entries.set(m.day, { working: true, reason: 'makeup-workday', holiday: m.holiday });
  }
  for (const o of overlay.days) {
    const under = entries.get(o.day);
    entries.set(o.day, {
      working: o.kind === 'working',
      reason: o.kind === 'working' ? 'company-workday' : 'company-closed',
      holiday: under?.holiday,
      note: o.note,
    });
  }
  return {
    version: `${official.version}/company.${overlay.revision}`,
    officialVersion: official.version,
    overlayRevision: overlay.revision,
    coveredYears: years.map((y) => y.year),
    officialYears: years,
    overlay,
    entries,
  };
}

/** The calendar shipped with the app: 2007–2026 from the State Council notices, no overlay. */
export const officialCalendar: WorkingCalendar = makeCalendar(officialCalendarCn);

// ---------------------------------------------------------------------------------------
// Asking about days

export function isCoveredYear(calendar: WorkingCalendar, year: number): boolean {
  return calendar.coveredYears.includes(year);
}

export function dayInfo(calendar: WorkingCalendar, day: string): DayInfo {
  requireDay(day, 'day');
  const provisional = !isCoveredYear(calendar, yearOf(day));
  const entry = calendar.entries.get(day);
  if (entry) return { day, ...entry, provisional };
  const weekend = isWeekend(day);
  return { day, working: !weekend, reason: weekend ? 'weekend' : 'workday', provisional };
}

export function isWorkingDay(calendar: WorkingCalendar, day: string): boolean {
  return dayInfo(calendar, day).working;
}

/** The years from `from` to `to` (inclusive) that the calendar does not have. */
export function missingYears(calendar: WorkingCalendar, from: string, to: string): number[] {
  const out: number[] = [];
  for (let y = yearOf(from); y <= yearOf(to); y++) if (!isCoveredYear(calendar, y)) out.push(y);
  return out;
}

/** Working days in (from, to]: `from` itself never counts (Art. 201). */
export function workingDaysBetween(calendar: WorkingCalendar, from: string, to: string): number {
  requireDay(from, 'from');
  requireDay(to, 'to');
  let count = 0;
  for (let n = toNumber(from) + 1; n <= toNumber(to); n++) if (isWorkingDay(calendar, fromNumber(n))) count++;
  return count;
}

// ---------------------------------------------------------------------------------------
// Periods and deadlines

/** How a deadline was reached, day by day where the day was not an ordinary weekday. */
export const DEADLINE_EXPLANATION_CODES = [
  'skipped-weekend',
  'skipped-public-holiday',
  'skipped-company-closed',
  'counted-makeup-workday',
  'counted-company-workday',
  /** A calendar-day period ended on this rest day; the deadline moved on (Art. 203). */
  'nominal-end-on-rest-day',
  /** This year is not in the calendar: it was counted Monday to Friday. */
  'year-not-in-calendar',
] as const;
export type DeadlineExplanationCode = (typeof DEADLINE_EXPLANATION_CODES)[number];

export interface DeadlineExplanation {
  code: DeadlineExplanationCode;
  /** The day concerned; for 'year-not-in-calendar', 1 January of that year. */
  day: string;
  holiday?: HolidayCode;
  note?: string;
}

export const PERIOD_UNITS = ['working-days', 'calendar-days'] as const;
export type PeriodUnit = (typeof PERIOD_UNITS)[number];

export interface Deadline {
  /** The last day of the period. */
  day: string;
  /** The day the period was counted from (not itself counted). */
  from: string;
  length: number;
  unit: PeriodUnit;
  calendarVersion: string;
  /** Counted (partly) through a year the calendar does not have. */
  provisional: boolean;
  /** Those years, so the administrator can be told to import them. */
  missingYears: number[];
  /** For calendar days: from + length, before a rest-day end moved on. */
  nominalEnd?: string;
  explanation: DeadlineExplanation[];
}

const SKIP_CODE: Partial<Record<DayReason, DeadlineExplanationCode>> = {
  weekend: 'skipped-weekend',
  'public-holiday': 'skipped-public-holiday',
  'company-closed': 'skipped-company-closed',
};
const COUNT_CODE: Partial<Record<DayReason, DeadlineExplanationCode>> = {
  'makeup-workday': 'counted-makeup-workday',
  'company-workday': 'counted-company-workday',
};

function explain(info: DayInfo): DeadlineExplanation | null {
  const code = info.working ? COUNT_CODE[info.reason] : SKIP_CODE[info.reason];
  if (!code) return null;
  const e: DeadlineExplanation = { code, day: info.day };
  if (info.holiday) e.holiday = info.holiday;
  if (info.note) e.note = info.note;
  return e;
}

function requireLength(n: number, min: number): void {
  if (!Number.isInteger(n) || n < min) throw new RangeError(`period length must be an integer ≥ ${min}: ${n}`);
}

// Ten years of days: far beyond any period, and a stop should an overlay close everything.
const SEARCH_LIMIT_DAYS = 3660;

function finish(calendar: WorkingCalendar, d: Omit<Deadline, 'calendarVersion' | 'provisional' | 'missingYears'>): Deadline {
  const missing = missingYears(calendar, shiftDay(d.from, 1), d.day);
  const explanation = [
    ...missing.map((y): DeadlineExplanation => ({ code: 'year-not-in-calendar', day: `${y}-01-01` })),
    ...d.explanation,
  ];
  return { ...d, explanation, calendarVersion: calendar.version, provisional: missing.length > 0, missingYears: missing };
}

/** The n-th working day after `fromDay`, with how it was reached. n ≥ 1. */
export function workingDayDeadline(calendar: WorkingCalendar, fromDay: string, n: number): Deadline {
  requireDay(fromDay, 'fromDay');
  requireLength(n, 1);
  const explanation: DeadlineExplanation[] = [];
  let counted = 0;
  let cursor = toNumber(fromDay);
  for (let guard = 0; counted < n; guard++) {
    if (guard > SEARCH_LIMIT_DAYS + n * 7) throw new RangeError('no working day found: the calendar closes every day');
    cursor++;
    const info = dayInfo(calendar, fromNumber(cursor));
    if (info.working) counted++;
    const e = explain(info);
    if (e) explanation.push(e);
  }
  return finish(calendar, { day: fromNumber(cursor), from: fromDay, length: n, unit: 'working-days', explanation });
}

/** The n-th working day after `fromDay` (issue 8: `addWorkingDays(calendar, fromDay, n)`). */
export function addWorkingDays(calendar: WorkingCalendar, fromDay: string, n: number): string {
  return workingDayDeadline(calendar, fromDay, n).day;
}

/**
 * A period of n calendar days counted from the day after `fromDay` (Art. 201): it ends on
 * fromDay + n; if that is a rest day, on the next working day after it (Art. 203). n ≥ 1.
 */
export function calendarDayDeadline(calendar: WorkingCalendar, fromDay: string, n: number): Deadline {
  requireDay(fromDay, 'fromDay');
  requireLength(n, 1);
  const nominalEnd = shiftDay(fromDay, n);
  const explanation: DeadlineExplanation[] = [];
  let cursor = toNumber(nominalEnd);
  let info = dayInfo(calendar, nominalEnd);
  if (!info.working) {
    explanation.push({ code: 'nominal-end-on-rest-day', day: nominalEnd, ...(info.holiday ? { holiday: info.holiday } : {}) });
    for (let guard = 0; !info.working; guard++) {
      if (guard > SEARCH_LIMIT_DAYS) throw new RangeError('no working day found: the calendar closes every day');
      const e = explain(info);
      if (e) explanation.push(e);
      cursor++;
      info = dayInfo(calendar, fromNumber(cursor));
    }
    const e = explain(info);
    if (e) explanation.push(e);
  }
  return finish(calendar, { day: fromNumber(cursor), from: fromDay, length: n, unit: 'calendar-days', nominalEnd, explanation });
}

/** The last day of an n-calendar-day period from `fromDay`, moved off a rest day. */
export function addCalendarDays(calendar: WorkingCalendar, fromDay: string, n: number): string {
  return calendarDayDeadline(calendar, fromDay, n).day;
}

/** A period in either unit, for callers that keep the unit as data (a policy, a chain step). */
export function deadline(calendar: WorkingCalendar, fromDay: string, length: number, unit: PeriodUnit): Deadline {
  return unit === 'working-days' ? workingDayDeadline(calendar, fromDay, length) : calendarDayDeadline(calendar, fromDay, length);
}

// ---------------------------------------------------------------------------------------
// The year view

export interface YearView {
  year: number;
  covered: boolean;
  notices: readonly OfficialNotice[];
  /** Every day of the year that is not an ordinary weekday or weekend. */
  specialDays: DayInfo[];
  workingDays: number;
}

export function yearView(calendar: WorkingCalendar, year: number): YearView {
  if (!Number.isInteger(year) || year < 1900 || year > 2999) throw new RangeError(`not a year: ${year}`);
  const first = `${year}-01-01`;
  const days = toNumber(`${year + 1}-01-01`) - toNumber(first);
  const specialDays: DayInfo[] = [];
  let workingDays = 0;
  for (let i = 0; i < days; i++) {
    const info = dayInfo(calendar, shiftDay(first, i));
    if (info.working) workingDays++;
    if (info.reason !== 'workday' && info.reason !== 'weekend') specialDays.push(info);
  }
  const official = calendar.officialYears.find((y) => y.year === year);
  return { year, covered: isCoveredYear(calendar, year), notices: official?.notices ?? [], specialDays, workingDays };
}
