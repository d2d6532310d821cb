import { IconCalendarEvent } from '@tabler/icons-react';
import type { Feature } from '../../app/contributions';
import { CalendarPage } from './CalendarPage';

/** The working-day calendar (工作日历) that approval deadlines count on, for the administrator. */
export const calendarFeature: Feature = {
  id: 'calendar',
  pages: [
    {
      id: 'calendar',
      path: '/calendar',
      icon: IconCalendarEvent,
      label: (t) => t('nav.calendar'),
      needs: ['calendar.get', 'calendar.setOverlay', 'calendar.importYear'],
      component: CalendarPage,
      order: 58,
    },
  ],
};
