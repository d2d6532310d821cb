import type { ActionOf } from './types';

// The texts of the settings domain's codes in English (the same keys as settings.zh-CN.ts, by type).
export const settingsEnUS = {
  actions: {
    'settings.get': 'Settings viewed',
    'settings.update': 'Settings changed',
  } satisfies Record<ActionOf<'settings'>, string>,
};
