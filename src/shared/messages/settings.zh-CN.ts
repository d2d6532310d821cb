import type { ActionOf } from './types';

// The texts of the settings domain's codes in Chinese: used by the renderer and the command line.
export const settingsZhCN = {
  actions: {
    'settings.get': '查看设置',
    'settings.update': '修改设置',
  } satisfies Record<ActionOf<'settings'>, string>,
};
