// Reminders and overdue days, derived from the dates whenever asked (issue 10 item 5): a
// day on which nobody opened the app loses nothing, since each reminder says since when it
// has been due and stays due until the loan comes back.
import { addWorkingDays, isWorkingDay, shiftDay, workingDaysBetween, type WorkingCalendar } from '../working-days';
import type { ReminderKind, ReminderRecipient } from './codes';
import { isOut, type Loan } from './loan';

/** The borrower is reminded this many working days before the due date. */
export const DUE_SOON_WORKING_DAYS = 2;
/** At this many working days overdue the archivist and the department head are told too. */
export const ESCALATION_WORKING_DAYS = 3;

export interface Reminder {
  /** Stable for one loan, kind and day: the host marks it seen by this key. */
  key: string;
  loanId: string;
  kind: ReminderKind;
  recipients: ReminderRecipient[];
  /** The first day it was due. */
  since: string;
  dueDate: string;
}

export interface OverdueDays {
  /** Calendar days after the due date (0 if not overdue). */
  calendarDays: number;
  /** Working days after the due date: what the escalation counts. */
  workingDays: number;
}

type LoanDates = Pick<Loan, 'id' | 'state' | 'dueDate' | 'recalls'>;

/** How far past its due date a loan that is out is on `today`. */
export function daysOverdue(loan: Pick<Loan, 'state' | 'dueDate'>, today: string, calendar: WorkingCalendar): OverdueDays {
  if (!isOut(loan.state) || loan.dueDate === null || today <= loan.dueDate) return { calendarDays: 0, workingDays: 0 };
  const calendarDays = Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${loan.dueDate}T00:00:00Z`)) / 86_400_000);
  return { calendarDays, workingDays: workingDaysBetween(calendar, loan.dueDate, today) };
}

/** The working day n working days before `day` (n ≥ 1): the x with n working days in (x, day]. */
export function workingDaysBefore(calendar: WorkingCalendar, day: string, n: number): string {
  // Walk back over n working days ending at `day` (day counts if it is one), then to the
  // working day before them, so a reminder before a holiday falls before the holiday.
  let counted = 0;
  let cursor = day;
  for (let guard = 0; guard < 3660 + n * 7; guard++) {
    if (isWorkingDay(calendar, cursor)) {
      if (counted === n) return cursor;
      counted++;
    }
    cursor = shiftDay(cursor, -1);
  }
  throw new RangeError('no working day found: the calendar closes every day');
}

/** The reminders due on `today` for a loan: none unless it is out. */
export function remindersDue(loan: LoanDates, today: string, calendar: WorkingCalendar): Reminder[] {
  if (!isOut(loan.state) || loan.dueDate === null) return [];
  const due = loan.dueDate;
  const make = (kind: ReminderKind, recipients: ReminderRecipient[], since: string): Reminder => ({ key: `${loan.id}:${kind}:${since}`, loanId: loan.id, kind, recipients, since, dueDate: due });
  const out: Reminder[] = [];
  for (const r of loan.recalls) {
    if (r.day <= today) out.push(make('recalled', ['borrower'], r.day));
  }
  if (today <= due) {
    const since = workingDaysBefore(calendar, due, DUE_SOON_WORKING_DAYS);
    if (today >= since) out.push(make('dueSoon', ['borrower'], since));
    return out;
  }
  out.push(make('overdue', ['borrower'], shiftDay(due, 1)));
  if (workingDaysBetween(calendar, due, today) >= ESCALATION_WORKING_DAYS) {
    out.push(make('overdueEscalated', ['borrower', 'archivist', 'departmentHead'], addWorkingDays(calendar, due, ESCALATION_WORKING_DAYS)));
  }
  return out;
}
