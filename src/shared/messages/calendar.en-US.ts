import type { CalendarReason } from '../contract/calendar';
import type { ActionOf } from './types';

// The texts of the calendar domain's codes in English (the same keys as calendar.zh-CN.ts, by type).
export const calendarEnUS = {
  reasons: {
    'already-rest-day': 'This day is a rest day already; it need not be closed.',
    'already-working-day': 'This day is a working day already; it need not be added.',
    'not-in-overlay': 'The company has set nothing for this day; there is nothing to remove.',
  } satisfies Record<CalendarReason, string>,
  actions: {
    'calendar.get': 'Working-day calendar viewed',
    'calendar.setOverlay': 'Company working day changed',
    'calendar.importYear': 'Official holidays imported',
  } satisfies Record<ActionOf<'calendar'>, string>,
};
