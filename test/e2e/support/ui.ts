// How the e2e suites find things on the screen and log in, as a person would: by role,
// label and visible text.

import type { Locator, Page } from 'playwright-core';
import { WAIT } from './setup';

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export interface Controls {
  visible(locator: Locator): Promise<void>;
  button(name: string | RegExp, scope?: Page | Locator): Locator;
  dialog(): Locator;
  /** A form field by its label; required fields carry a trailing asterisk in their name. */
  field(label: string, scope?: Page | Locator): Locator;
  /** Pick an option of a Select by its label. */
  choose(label: string, option: string, scope?: Page | Locator): Promise<void>;
  /** Type a day into a date field and leave it. */
  day(label: string, value: string, scope: Page | Locator): Promise<void>;
}

/** The controls of a page (the page is looked up on each use: it exists once the suite has started). */
export function controlsOf(getPage: () => Page): Controls {
  const field = (label: string, scope: Page | Locator = getPage()) => scope.getByLabel(new RegExp(`^${escapeRegExp(label)}( \\*)?$`));
  return {
    visible: (locator) => locator.first().waitFor({ state: 'visible', timeout: WAIT }),
    button: (name, scope = getPage()) => scope.getByRole('button', { name, exact: typeof name === 'string' }),
    dialog: () => getPage().getByRole('dialog'),
    field,
    async choose(label, option, scope = getPage()) {
      // A Select's input, not its (labelled) list of options.
      await field(label, scope).and(getPage().locator('input')).click();
      await getPage().getByRole('option', { name: option, exact: true }).click();
    },
    async day(label, value, scope) {
      await field(label, scope).fill(value);
      await field(label, scope).press('Tab');
    },
  };
}

/** Log in on the login screen as a user, and wait for the home page. */
export async function logInAs(page: Page, user: { username: string; password: string }): Promise<void> {
  const ui = controlsOf(() => page);
  await ui.visible(page.getByRole('heading', { name: '登录' }));
  await ui.field('用户名').fill(user.username);
  await ui.field('密码').fill(user.password);
  await ui.button('登录').click();
  await ui.visible(page.getByTestId('home-greeting'));
}

/** Log out through the user menu, and wait for the goodbye. */
export async function logOut(page: Page): Promise<void> {
  await page.getByTestId('user-menu').click();
  await page.getByRole('menuitem', { name: '退出登录' }).click();
  await controlsOf(() => page).visible(page.getByText('您已安全退出。'));
}
