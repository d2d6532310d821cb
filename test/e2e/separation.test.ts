// Separation of duties end to end (issue 11 item 13), in Chromium through the browser host:
// administrator 王 adds 查阅客户档案 to the 系统管理员 role they hold — the dialog says a
// second administrator must confirm and proposes the change; administrator 赵 sees it on the
// roles page and confirms it; the role then grants it. Screenshots: test-results/screenshots/11NN-*.png.
import { expect, it } from 'vitest';
import { describeInChromium, useE2e } from './support/setup';
import { controlsOf, logInAs, logOut } from './support/ui';

const A = { username: 'admin', displayName: '王建国', password: 'Archive-Admin-2026!' };
const B = { username: 'zhao.admin', displayName: '赵敏', password: 'Second-Admin-2026!' };

describeInChromium('separation of duties', () => {
  const e2e = useE2e({
    name: 'separation',
    firstShot: 1101,
    shotDigits: 4,
    ownShots: /^11\d\d-/,
    async before(e) {
      const setup = await e.api(null, 'archive.setup', { companyName: '华东精密仪器股份有限公司', admin: A });
      const roles = (await e.api(setup.session, 'roles.list', {})) as unknown as { id: string; code: string }[];
      const departments = (await e.api(setup.session, 'departments.list', {})) as unknown as { id: string; code: string }[];
      await e.api(setup.session, 'users.create', {
        username: B.username,
        displayName: B.displayName,
        departmentId: departments.find((d) => d.code === 'general_affairs')!.id,
        roleIds: [roles.find((r) => r.code === 'sysadmin')!.id],
        password: 'Initial-Zhao-4411',
      });
      const b = await e.api(null, 'auth.login', { username: B.username, password: 'Initial-Zhao-4411' });
      await e.api(b.session, 'auth.changePassword', { currentPassword: 'Initial-Zhao-4411', newPassword: B.password });
      await e.api(b.session, 'auth.logout', {});
      await e.api(setup.session, 'auth.logout', {});
    },
  });
  const ui = controlsOf(() => e2e.page);

  it('one administrator proposes giving their own role a customer permission', async () => {
    const page = e2e.page;
    await page.goto(e2e.host.url);
    await logInAs(page, A);
    await page.goto(new URL('#/roles', e2e.host.url).toString());
    const sysadmin = page.locator('[data-role="sysadmin"]');
    await ui.visible(sysadmin);
    await ui.button('编辑权限', sysadmin).click();
    const dialog = ui.dialog();
    await dialog.getByRole('checkbox', { name: /查阅客户档案/ }).check();
    await ui.visible(dialog.getByTestId('role-needs-second'));
    expect(await dialog.getByTestId('role-needs-second').innerText()).toContain('另一位系统管理员');
    await dialog.getByTestId('role-needs-second').scrollIntoViewIfNeeded();
    await e2e.screenshot('role-needs-second', false);
    await ui.button('提交给另一位管理员确认', dialog).click();
    const panel = page.getByTestId('role-changes');
    await ui.visible(panel);
    expect(await panel.innerText()).toContain('待确认');
    expect(await panel.innerText()).toContain(A.displayName);
    await expect.poll(() => ui.button('确认', panel).isDisabled()).toBe(true); // not by the one who proposed it
    expect(await sysadmin.innerText()).not.toContain('查阅客户档案');
    await e2e.screenshot('role-change-proposed');
    await logOut(page);
  });

  it('the other administrator confirms it and the role grants it', async () => {
    const page = e2e.page;
    await page.goto(e2e.host.url);
    await logInAs(page, B);
    await page.goto(new URL('#/roles', e2e.host.url).toString());
    const panel = page.getByTestId('role-changes');
    await ui.visible(panel);
    await ui.button('确认', panel).click();
    await ui.visible(panel.getByText('已确认'));
    await ui.visible(page.locator('[data-role="sysadmin"]').getByText('查阅客户档案'));
    await e2e.screenshot('role-change-confirmed');
    expect(e2e.consoleErrors).toEqual([]);
  });
});
