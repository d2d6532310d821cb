import type { ActionOf } from './types';

// The texts of the departments domain's codes in English (the same keys as departments.zh-CN.ts, by type).
export const departmentsEnUS = {
  actions: {
    'departments.list': 'Department list viewed',
  } satisfies Record<ActionOf<'departments'>, string>,
};
