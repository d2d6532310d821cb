import type { ActionOf } from './types';

// The texts of the departments domain's codes in Chinese: used by the renderer and the command line.
export const departmentsZhCN = {
  actions: {
    'departments.list': '查看部门列表',
  } satisfies Record<ActionOf<'departments'>, string>,
};
