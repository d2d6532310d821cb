import type { CalendarReason } from '../contract/calendar';
import type { ActionOf } from './types';

// The texts of the calendar domain's codes in Chinese: used by the renderer and the command line.
export const calendarZhCN = {
  reasons: {
    'already-rest-day': '这一天本来就是休息日，无需设为公司停工日。',
    'already-working-day': '这一天本来就是工作日，无需设为公司加班工作日。',
    'not-in-overlay': '这一天没有公司自定的安排，无可删除。',
  } satisfies Record<CalendarReason, string>,
  actions: {
    'calendar.get': '查看工作日历',
    'calendar.setOverlay': '修改公司工作日',
    'calendar.importYear': '导入法定节假日安排',
  } satisfies Record<ActionOf<'calendar'>, string>,
};
