import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { officialCalendarCn } from '../../src/shared/domain/calendar-cn';
import { CALENDAR_FILE_FORMAT, calendarFileText, parseCalendarFile, validateOfficialYear } from '../../src/shared/domain/calendar-import';
import {
  addCalendarDays,
  addWorkingDays,
  calendarDayDeadline,
  dayInfo,
  deadline,
  isWorkingDay,
  makeCalendar,
  officialCalendar,
  shiftDay,
  withImportedYears,
  workingDayDeadline,
  workingDaysBetween,
  yearView,
  type OfficialYear,
} from '../../src/shared/domain/working-days';

const cal = officialCalendar;
const range = (from: string, to: string): string[] => {
  const out: string[] = [];
  for (let d = from; d <= to; d = shiftDay(d, 1)) out.push(d);
  return out;
};

describe('the 2026 notice (国务院办公厅, 2025-11-04)', () => {
  const holidays = [
    ['2026-01-01', '2026-01-03'],
    ['2026-02-15', '2026-02-23'],
    ['2026-04-04', '2026-04-06'],
    ['2026-05-01', '2026-05-05'],
    ['2026-06-19', '2026-06-21'],
    ['2026-09-25', '2026-09-27'],
    ['2026-10-01', '2026-10-07'],
  ] as const;
  const makeup = ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'];

  it('rests on every holiday day and works on every make-up day', () => {
    for (const [from, to] of holidays) for (const d of range(from, to)) expect(dayInfo(cal, d)).toMatchObject({ working: false, reason: 'public-holiday' });
    for (const d of makeup) expect(dayInfo(cal, d)).toMatchObject({ working: true, reason: 'makeup-workday' });
    expect(dayInfo(cal, '2026-02-15').holiday).toBe('spring-festival');
    expect(dayInfo(cal, '2026-10-10').holiday).toBe('national-day');
  });

  it('has exactly these special days in 2026 and 2026 is not provisional', () => {
    const view = yearView(cal, 2026);
    const expected = holidays.flatMap(([f, t]) => range(f, t)).length + makeup.length;
    expect(view.specialDays).toHaveLength(expected);
    expect(view.covered).toBe(true);
    expect(view.notices[0]).toMatchObject({ title: '国务院办公厅关于2026年部分节假日安排的通知', issuedOn: '2025-11-04' });
    // 365 days − 104 weekend days − 19 weekday holidays (1/1-2, 2/16-20, 2/23, 4/6, 5/1, 5/4-5, 6/19, 9/25, 10/1-2, 10/5-7) + 6 make-up days
    expect(view.workingDays).toBe(365 - 104 - 19 + 6);
  });

  it('5 working days after 2026-09-28 is 2026-10-10; 3 after 2026-02-13 is 2026-02-25', () => {
    expect(addWorkingDays(cal, '2026-09-28', 5)).toBe('2026-10-10');
    expect(addWorkingDays(cal, '2026-02-13', 3)).toBe('2026-02-25');
  });

  it('explains the deadline: the make-up Saturday counted, the holidays and weekends skipped', () => {
    const d = workingDayDeadline(cal, '2026-02-13', 3);
    expect(d).toMatchObject({ day: '2026-02-25', from: '2026-02-13', length: 3, unit: 'working-days', provisional: false, missingYears: [] });
    expect(d.calendarVersion).toBe('cn-2026.1/company.0');
    expect(d.explanation[0]).toEqual({ code: 'counted-makeup-workday', day: '2026-02-14', holiday: 'spring-festival' });
    expect(d.explanation.filter((e) => e.code === 'skipped-public-holiday').map((e) => e.day)).toEqual(range('2026-02-15', '2026-02-23'));
    expect(d.explanation).toHaveLength(10);
  });
});

describe('earlier years', () => {
  it('2025: Sunday 1-26 and Saturday 2-8 were worked; Spring Festival 1-28…2-4', () => {
    expect(isWorkingDay(cal, '2025-01-26')).toBe(true);
    expect(isWorkingDay(cal, '2025-02-08')).toBe(true);
    for (const d of range('2025-01-28', '2025-02-04')) expect(isWorkingDay(cal, d)).toBe(false);
    expect(isWorkingDay(cal, '2025-02-05')).toBe(true);
  });

  it('2024: Spring Festival 2-10…2-17, with Sundays 2-4 and 2-18 worked', () => {
    for (const d of range('2024-02-10', '2024-02-17')) expect(dayInfo(cal, d).reason).toBe('public-holiday');
    expect(dayInfo(cal, '2024-02-04').reason).toBe('makeup-workday');
    expect(dayInfo(cal, '2024-02-18').reason).toBe('makeup-workday');
    expect(isWorkingDay(cal, '2024-02-09')).toBe(true); // 除夕 was a working day in 2024
  });

  it('2020: the Spring Festival extension rested through 2-2 and cancelled the 2-1 make-up Saturday', () => {
    for (const d of range('2020-01-24', '2020-02-02')) expect(isWorkingDay(cal, d)).toBe(false);
    expect(isWorkingDay(cal, '2020-01-19')).toBe(true);
    expect(isWorkingDay(cal, '2020-02-03')).toBe(true);
    expect(yearView(cal, 2020).notices.map((n) => n.title)).toContain('国务院办公厅关于延长2020年春节假期的通知');
  });

  it('2019 Labour Day after the adjustment of 2019-03-22: 5-1…5-4 off, Sundays 4-28 and 5-5 worked', () => {
    for (const d of range('2019-05-01', '2019-05-04')) expect(isWorkingDay(cal, d)).toBe(false);
    expect(isWorkingDay(cal, '2019-04-28')).toBe(true);
    expect(isWorkingDay(cal, '2019-05-05')).toBe(true);
  });

  it('2015: Victory Day 9-3…9-5 off and Sunday 9-6 worked; a New Year period reaching into December', () => {
    expect(dayInfo(cal, '2015-09-04')).toMatchObject({ working: false, holiday: 'victory-day-70th' });
    expect(isWorkingDay(cal, '2015-09-06')).toBe(true);
    expect(dayInfo(cal, '2018-12-31')).toMatchObject({ working: false, holiday: 'new-year' }); // from the 2019 notice
    expect(isWorkingDay(cal, '2018-12-29')).toBe(true);
  });

  it('every shipped year passes the importer’s checks and has its notices', () => {
    expect(officialCalendar.coveredYears).toEqual(range('2007-01-01', '2026-01-01').filter((d) => d.endsWith('-01-01')).map((d) => Number(d.slice(0, 4))));
    for (const y of officialCalendarCn.years) {
      const r = validateOfficialYear(y);
      expect(r, String(y.year)).toEqual({ ok: true, year: y });
      expect(y.notices.length).toBeGreaterThan(0);
      for (const n of y.notices) expect(n.issuedOn < `${y.year}-12-31`).toBe(true);
    }
  });
});

describe('the company overlay', () => {
  const withClosedDay = makeCalendar(officialCalendarCn, {
    revision: 3,
    days: [
      { day: '2026-03-06', kind: 'closed', note: '公司年会' },
      { day: '2026-03-14', kind: 'working', note: '盘点' },
    ],
  });

  it('a closed day is skipped and a company working Saturday counts, and the version names both', () => {
    expect(addWorkingDays(cal, '2026-03-04', 2)).toBe('2026-03-06');
    const d = workingDayDeadline(withClosedDay, '2026-03-04', 2);
    expect(d.day).toBe('2026-03-09');
    expect(d.explanation).toContainEqual({ code: 'skipped-company-closed', day: '2026-03-06', note: '公司年会' });
    expect(d.calendarVersion).toBe('cn-2026.1/company.3');
    expect(addWorkingDays(withClosedDay, '2026-03-13', 1)).toBe('2026-03-14');
  });

  it('a closed day over a make-up day wins, and keeps the festival it fell in', () => {
    const c = makeCalendar(officialCalendarCn, { revision: 1, days: [{ day: '2026-02-28', kind: 'closed', note: '' }] });
    expect(dayInfo(c, '2026-02-28')).toMatchObject({ working: false, reason: 'company-closed', holiday: 'spring-festival' });
  });
});

describe('calendar-day periods (民法典 Art. 201, 203)', () => {
  it('counts from the next day and moves a rest-day end to the next working day', () => {
    expect(addCalendarDays(cal, '2026-03-02', 10)).toBe('2026-03-12');
    // 2026-09-21 + 10 = 10-01, National Day: the deadline moves past the holiday and the weekend, to Thursday 10-08.
    const d = calendarDayDeadline(cal, '2026-09-21', 10);
    expect(d).toMatchObject({ day: '2026-10-08', nominalEnd: '2026-10-01', unit: 'calendar-days', provisional: false });
    expect(d.explanation[0]).toEqual({ code: 'nominal-end-on-rest-day', day: '2026-10-01', holiday: 'national-day' });
    // A plain Sunday end moves to Monday.
    expect(addCalendarDays(cal, '2026-03-01', 7)).toBe('2026-03-09');
    // A make-up Saturday is a working day: a period may end on it.
    expect(addCalendarDays(cal, '2026-09-30', 10)).toBe('2026-10-10');
  });

  it('deadline() dispatches on the unit kept as data', () => {
    expect(deadline(cal, '2026-09-28', 5, 'working-days').day).toBe('2026-10-10');
    expect(deadline(cal, '2026-09-21', 10, 'calendar-days').day).toBe('2026-10-08');
  });
});

describe('years the calendar does not have', () => {
  it('a deadline in 2027 counts Monday to Friday and is provisional, naming the year to import', () => {
    const d = workingDayDeadline(cal, '2026-12-28', 10);
    // 12-29, 12-30, 12-31, then Mon–Fri 2027: 1-1 (Fri) 1-4 … 1-8, 1-11
    expect(d.day).toBe('2027-01-11');
    expect(d).toMatchObject({ provisional: true, missingYears: [2027] });
    expect(d.explanation[0]).toEqual({ code: 'year-not-in-calendar', day: '2027-01-01' });
    expect(dayInfo(cal, '2027-01-01')).toMatchObject({ working: true, reason: 'workday', provisional: true });
  });

  it('importing the year makes the same deadline final, with a new calendar version', () => {
    const y2027: OfficialYear = {
      year: 2027,
      notices: [{ title: '国务院办公厅关于2027年部分节假日安排的通知', issuedOn: '2026-11-10' }],
      holidays: [{ holiday: 'new-year', from: '2027-01-01', to: '2027-01-03' }],
      makeupWorkdays: [],
    };
    const c = makeCalendar(withImportedYears(officialCalendarCn, [y2027]), { revision: 2, days: [] });
    const d = workingDayDeadline(c, '2026-12-28', 10);
    expect(d).toMatchObject({ day: '2027-01-12', provisional: false, missingYears: [] });
    expect(d.calendarVersion).toBe('cn-2026.1+2027.2026-11-10/company.2');
    expect(c.coveredYears.at(-1)).toBe(2027);
  });
});

describe('the calendar file', () => {
  const good = {
    format: CALENDAR_FILE_FORMAT,
    year: 2027,
    notices: [{ title: '国务院办公厅关于2027年部分节假日安排的通知', number: '国办发明电〔2026〕9号', issuedOn: '2026-11-10' }],
    holidays: [
      { holiday: 'spring-festival', from: '2027-02-05', to: '2027-02-13' },
      { holiday: 'new-year', from: '2027-01-01', to: '2027-01-03' },
    ],
    makeupWorkdays: [{ day: '2027-02-20', holiday: 'spring-festival' }],
  };

  it('reads a good file, sorted, and writes it back the same', () => {
    const r = parseCalendarFile(JSON.stringify(good));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.year.holidays.map((h) => h.holiday)).toEqual(['new-year', 'spring-festival']);
    expect(parseCalendarFile(calendarFileText(r.year))).toEqual(r);
  });

  it.each([
    ['not json', '{', [{ code: 'not-json', at: '' }]],
    ['an array', '[]', [{ code: 'not-an-object', at: '' }]],
    ['no format', JSON.stringify({ ...good, format: undefined }), [{ code: 'format-unknown', at: 'format' }]],
    ['a bad year', JSON.stringify({ ...good, year: '2027' }), null],
    ['no notice', JSON.stringify({ ...good, notices: [] }), [{ code: 'notices-missing', at: 'notices' }]],
    ['a bad notice date', JSON.stringify({ ...good, notices: [{ title: 'x', issuedOn: '2026-11-31' }] }), [{ code: 'notice-date-invalid', at: 'notices[0].issuedOn' }]],
    ['an unknown festival', JSON.stringify({ ...good, holidays: [{ holiday: '春节', from: '2027-02-05', to: '2027-02-13' }] }), [{ code: 'holiday-unknown', at: 'holidays[0].holiday' }]],
    ['a reversed period', JSON.stringify({ ...good, holidays: [{ holiday: 'new-year', from: '2027-01-03', to: '2027-01-01' }] }), [{ code: 'period-reversed', at: 'holidays[0]' }]],
    ['a day of another year', JSON.stringify({ ...good, holidays: [{ holiday: 'new-year', from: '2028-01-01', to: '2028-01-01' }] }), [{ code: 'day-outside-year', at: 'holidays[0]' }]],
    ['overlapping periods', JSON.stringify({ ...good, holidays: [...good.holidays, { holiday: 'qingming', from: '2027-02-13', to: '2027-02-14' }] }), [{ code: 'periods-overlap', at: 'holidays[2]' }]],
    ['a weekday make-up day', JSON.stringify({ ...good, makeupWorkdays: [{ day: '2027-02-22', holiday: 'spring-festival' }] }), [{ code: 'makeup-not-weekend', at: 'makeupWorkdays[0].day' }]],
    ['a make-up day inside a holiday', JSON.stringify({ ...good, makeupWorkdays: [{ day: '2027-02-06', holiday: 'spring-festival' }] }), [{ code: 'makeup-on-holiday', at: 'makeupWorkdays[0].day' }]],
    ['a make-up day twice', JSON.stringify({ ...good, makeupWorkdays: [good.makeupWorkdays[0], good.makeupWorkdays[0]] }), [{ code: 'makeup-duplicate', at: 'makeupWorkdays[1].day' }]],
  ])('refuses %s with its code', (_name, text, problems) => {
    const r = parseCalendarFile(text);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    if (problems) expect(r.problems).toEqual(problems);
    else expect(r.problems.map((p) => p.code)).toContain('year-invalid');
  });
});

describe('properties', () => {
  const day = fc.integer({ min: 0, max: 365 * 22 }).map((n) => shiftDay('2006-06-01', n));
  const count = fc.integer({ min: 1, max: 60 });
  const overlay = fc
    .uniqueArray(fc.integer({ min: 0, max: 365 * 22 }), { maxLength: 40 })
    .map((ns) => makeCalendar(officialCalendarCn, { revision: ns.length, days: ns.map((n) => ({ day: shiftDay('2006-06-01', n), kind: 'closed' as const, note: '' })) }));

  it('the result is a working day after fromDay, with exactly n working days in (from, result]', () => {
    fc.assert(
      fc.property(overlay, day, count, (c, from, n) => {
        const d = workingDayDeadline(c, from, n);
        expect(d.day > from).toBe(true);
        expect(isWorkingDay(c, d.day)).toBe(true);
        expect(workingDaysBetween(c, from, d.day)).toBe(n);
        expect(workingDaysBetween(c, from, shiftDay(d.day, -1))).toBe(n - 1);
      }),
    );
  });

  it('is monotonic in n', () => {
    fc.assert(fc.property(day, count, count, (from, a, b) => {
      const [lo, hi] = a <= b ? [a, b] : [b, a];
      expect(addWorkingDays(cal, from, lo) <= addWorkingDays(cal, from, hi)).toBe(true);
      if (lo < hi) expect(addWorkingDays(cal, from, lo) < addWorkingDays(cal, from, hi)).toBe(true);
    }));
  });

  it('never returns an overlay closed day', () => {
    fc.assert(
      fc.property(overlay, day, count, (c, from, n) => {
        const result = addWorkingDays(c, from, n);
        expect(c.overlay.days.some((o) => o.day === result)).toBe(false);
        const end = addCalendarDays(c, from, n);
        expect(c.overlay.days.some((o) => o.day === end)).toBe(false);
      }),
    );
  });

  it('is provisional exactly when (from, result] leaves the covered years', () => {
    fc.assert(
      fc.property(day, count, fc.constantFrom('working-days' as const, 'calendar-days' as const), (from, n, unit) => {
        const d = deadline(cal, from, n, unit);
        const leaves = range(shiftDay(from, 1), d.day).some((x) => !cal.coveredYears.includes(Number(x.slice(0, 4))));
        expect(d.provisional).toBe(leaves);
      }),
    );
  });

  it('a calendar-day deadline is the first working day on or after from + n', () => {
    fc.assert(
      fc.property(overlay, day, count, (c, from, n) => {
        const d = calendarDayDeadline(c, from, n);
        expect(isWorkingDay(c, d.day)).toBe(true);
        expect(range(shiftDay(from, n), shiftDay(d.day, -1)).every((x) => !isWorkingDay(c, x))).toBe(true);
      }),
    );
  });
});

describe('bad arguments', () => {
  it('refuses a day that is not a day, and a length below 1', () => {
    expect(() => addWorkingDays(cal, '2026-02-30', 1)).toThrow(RangeError);
    expect(() => addWorkingDays(cal, '2026-09-28', 0)).toThrow(RangeError);
    expect(() => addCalendarDays(cal, '2026-09-28', 1.5)).toThrow(RangeError);
  });
});
