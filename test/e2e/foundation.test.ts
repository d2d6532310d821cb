// The foundation, end to end, as people use it: in a real Chromium, through the browser
// host, on a fresh encrypted archive. Setup wizard → recovery code → admin creates an
// auditor → log out → the auditor logs in, must change the password, sees only what the
// role permits → lock → unlock. Screenshots of every screen go to
// test-results/screenshots/ (look at them: they are how "looks finished" is checked).

import type { Page } from 'playwright-core';
import { beforeAll, expect, it } from 'vitest';
import type { BrowserHost } from '../harness/server';
import { describeInChromium, useE2e, WAIT } from './support/setup';
import { controlsOf } from './support/ui';

const COMPANY = '华信精密仪器股份有限公司';
const ADMIN = { username: 'admin', displayName: '王建国', password: 'Archive-Admin-2026!' };
const AUDITOR = { username: 'lishen', displayName: '李审计', initial: 'Initial-Pass-8842', password: 'Auditor-Own-Pass-31' };

describeInChromium('foundation e2e', () => {
  const e2e = useE2e({ name: 'foundation', firstShot: 1, shotDigits: 2, ownShots: /^\d\d-.*\.png$/, context: { viewport: { width: 1366, height: 860 } }, clock: true });
  let host: BrowserHost;
  let page: Page;
  let recoveryCode = '';
  const { consoleErrors, screenshot } = e2e;
  const { visible, button, dialog, field } = controlsOf(() => page);
  const navLabels = async () => (await page.locator('[data-testid="main-nav"] a').allInnerTexts()).map((text) => text.trim());

  beforeAll(() => {
    ({ host, page } = e2e);
  });

  it('sets up a new archive with the wizard and shows the recovery code once', async () => {
    await page.goto(host.url);
    await visible(page.getByRole('heading', { name: '首次设置' }));
    expect(await page.getByTestId('archive-dir').innerText()).toBe(host.dir);
    // The browser host cannot change the folder: the button is not offered.
    expect(await page.getByRole('button', { name: '选择其他文件夹' }).count()).toBe(0);
    await screenshot('setup-folder');

    await button('下一步').click();
    // The step refuses to continue without a company name, in Chinese.
    await button('下一步').click();
    await visible(page.getByText('此项为必填项'));
    await field('单位名称').fill(COMPANY);
    await screenshot('setup-company');
    await button('下一步').click();

    await field('用户名').fill(ADMIN.username);
    await field('姓名').fill(ADMIN.displayName);
    await field('密码').fill('short');
    await field('确认密码').fill('different');
    await button('创建档案').click();
    await visible(page.getByText('至少需要 10 个字符'));
    await visible(page.getByText('两次输入的密码不一致'));
    await field('密码').fill(ADMIN.password);
    await field('确认密码').fill(ADMIN.password);
    await visible(page.getByText(/密码强度：/));
    await screenshot('setup-admin');
    await button('创建档案').click();

    const code = page.getByTestId('recovery-code');
    await visible(code);
    recoveryCode = await code.innerText();
    expect(recoveryCode).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){7}$/);
    const finish = button('进入系统');
    expect(await finish.isDisabled()).toBe(true);
    await screenshot('setup-recovery-code');
    await page.getByLabel('我已将恢复码妥善保存').check();
    expect(await finish.isDisabled()).toBe(false);
    await finish.click();

    await visible(page.getByTestId('home-greeting'));
    expect(await page.getByTestId('home-greeting').innerText()).toContain(ADMIN.displayName);
    expect(await page.getByTestId('company-name').innerText()).toBe(COMPANY);
    expect(await navLabels()).toEqual(['首页', '审批', '借阅', '用户管理', '角色与权限', '审计日志', '审批流程', '工作日历', '系统设置', '我的账户']);
    expect(await page.getByTestId('current-user-roles').innerText()).toContain('系统管理员');
    await screenshot('home-admin');
  });

  it('lets the administrator create a user with the auditor role', async () => {
    await page.getByRole('link', { name: '用户管理' }).click();
    await visible(page.getByTestId('users-table'));
    await screenshot('users');

    await page.getByTestId('create-user').click();
    const form = dialog();
    await visible(form.getByText('新建用户'));
    await field('用户名', form).fill(AUDITOR.username);
    await field('姓名', form).fill(AUDITOR.displayName);
    await field('部门', form).click();
    await page.getByRole('option', { name: '内部审计' }).click();
    await field('角色', form).click();
    await page.getByRole('option', { name: '内部审计员' }).click();
    await field('初始密码', form).fill(AUDITOR.initial);
    await form.getByText('初始密码').first().click(); // close the role list
    await screenshot('user-create', false); // a dialog: the viewport is the picture
    await button('新建用户', form).click();
    await form.waitFor({ state: 'hidden', timeout: WAIT });

    const row = page.locator(`[data-username="${AUDITOR.username}"]`);
    await visible(row);
    expect(await row.innerText()).toContain('内部审计');
    expect(await row.innerText()).toContain('待修改密码');
    await screenshot('users-created');
  });

  it('shows roles, the audit log with a verified chain, settings and the account page', async () => {
    await page.getByRole('link', { name: '角色与权限' }).click();
    const auditorRole = page.locator('[data-role="auditor"]');
    await visible(auditorRole);
    expect(await auditorRole.innerText()).toContain('审计日志');
    expect(await auditorRole.innerText()).toContain('1 名成员');
    await screenshot('roles');

    await page.getByRole('link', { name: '审计日志' }).click();
    await visible(page.getByTestId('audit-table'));
    expect(await page.getByTestId('audit-table').innerText()).toContain('创建用户');
    await page.getByTestId('verify-chain').click();
    await visible(page.getByTestId('verify-result'));
    expect(await page.getByTestId('verify-result').innerText()).toMatch(/日志链完整：已校验 \d+ 条记录/);
    await screenshot('audit-verified');

    await page.getByRole('link', { name: '系统设置' }).click();
    await visible(field('自动锁定时间（分钟）'));
    expect(await field('单位名称').inputValue()).toBe(COMPANY);
    await screenshot('settings');

    await page.getByRole('link', { name: '我的账户' }).click();
    await visible(page.getByRole('heading', { name: '修改密码' }));
    await screenshot('account');
  });

  it('logs out, and says so when a password is wrong', async () => {
    await page.getByTestId('user-menu').click();
    await page.getByRole('menuitem', { name: '退出登录' }).click();
    await visible(page.getByText('您已安全退出。'));
    await screenshot('login');

    await field('用户名').fill(AUDITOR.username);
    await field('密码').fill('not-the-password');
    await button('登录').click();
    const error = page.getByTestId('login-error');
    await visible(error);
    expect(await error.innerText()).toContain('用户名或密码不正确');
    await screenshot('login-wrong-password');
  });

  it('makes repeated wrong passwords wait, with a countdown', async () => {
    // The host lets three wrong tries pass, then each further try must wait longer.
    const before = Number((await page.getByTestId('login-error').getAttribute('data-attempt')) ?? '0');
    for (let attempt = 1; attempt <= 4; attempt += 1) {
      await field('用户名').fill('nobody');
      await field('密码').fill(`wrong-${attempt}`);
      await button('登录').click();
      await visible(page.locator(`[data-testid="login-error"][data-attempt="${before + attempt}"]`));
    }
    const error = page.getByTestId('login-error');
    expect(await error.innerText()).toMatch(/连续多次输入错误，为保护档案安全，请在 \d+ 秒后重试。/);
    await visible(page.getByRole('button', { name: /请等待 \d+ 秒/ }));
    await screenshot('login-rate-limited');
    // When the wait is over, the form can be used again.
    await visible(button('登录'));
  });

  it('makes the new user choose a password, then shows only what the role permits', async () => {
    await field('用户名').fill(AUDITOR.username);
    await field('密码').fill(AUDITOR.initial);
    await button('登录').click();

    await visible(page.getByRole('heading', { name: '请设置您自己的密码' }));
    await screenshot('forced-password-change');
    await field('当前密码').fill(AUDITOR.initial);
    await field('新密码').fill(AUDITOR.password);
    await field('确认新密码').fill(AUDITOR.password);
    await button('修改密码').click();

    await visible(page.getByTestId('home-greeting'));
    expect(await navLabels()).toEqual(['首页', '审批', '借阅', '审计日志', '我的账户']);
    expect(await page.getByTestId('current-user-name').innerText()).toBe(AUDITOR.displayName);
    expect(await page.getByTestId('current-user-roles').innerText()).toContain('内部审计员');
    await screenshot('home-auditor');

    // A page the role does not permit is not reachable by its address either.
    await page.goto(`${host.url}#/users`);
    await visible(page.getByTestId('home-greeting'));
    expect(new URL(page.url()).hash).toBe('#/');

    await page.getByRole('link', { name: '审计日志' }).click();
    await visible(page.getByTestId('audit-table'));
    await screenshot('audit-auditor');
  });

  it('locks and unlocks', async () => {
    await page.getByTestId('lock-button').click();
    await visible(page.getByRole('heading', { name: '会话已锁定' }));
    await field('密码').fill('wrong-password-1');
    await button('解锁').click();
    await visible(page.getByTestId('unlock-error'));
    expect(await page.getByTestId('unlock-error').innerText()).toContain('用户名或密码不正确');
    await screenshot('locked');

    await field('密码').fill(AUDITOR.password);
    await button('解锁').click();
    // Back where the user was.
    await visible(page.getByTestId('audit-table'));
    expect(new URL(page.url()).hash).toBe('#/audit');
    await screenshot('unlocked');
  });

  it('switches the whole interface to English', async () => {
    await page.getByRole('link', { name: '首页' }).click();
    await page.getByText('English').filter({ visible: true }).click();
    await visible(page.getByRole('link', { name: 'Audit log' }));
    expect(await navLabels()).toEqual(['Home', 'Approvals', 'Borrowing', 'Audit log', 'My account']);
    expect(await page.getByTestId('current-user-roles').innerText()).toContain('Internal auditor');
    await screenshot('home-auditor-en');
    await page.getByRole('link', { name: 'Audit log' }).click();
    await visible(page.getByTestId('audit-table'));
    expect(await page.getByTestId('audit-table').innerText()).toContain('Password changed');
    await screenshot('audit-auditor-en');
    await page.getByText('简体中文').filter({ visible: true }).click();
    await visible(page.getByRole('link', { name: '审计日志' }));
  });

  it('locks itself after the idle time of the settings', async () => {
    await page.getByRole('link', { name: '首页' }).click();
    await visible(page.getByTestId('home-greeting'));
    await page.clock.fastForward('16:00'); // the default is 15 minutes
    await visible(page.getByText('由于长时间未操作，会话已自动锁定。'));
    await screenshot('idle-locked');
    await field('密码').fill(AUDITOR.password);
    await button('解锁').click();
    await visible(page.getByTestId('home-greeting'));
  });

  it('lets a lost administrator password be replaced with the recovery code', async () => {
    await page.getByTestId('user-menu').click();
    await page.getByRole('menuitem', { name: '退出登录' }).click();
    await page.getByRole('button', { name: /使用恢复码解锁/ }).click();
    await visible(page.getByRole('heading', { name: '使用恢复码解锁' }));
    await field('恢复码').fill(recoveryCode.toLowerCase()); // as people type it: case and dashes do not matter
    await field('管理员用户名').fill(ADMIN.username);
    await field('新密码').fill('Recovered-Admin-2026!');
    await field('确认新密码').fill('Recovered-Admin-2026!');
    await screenshot('recover');
    await button('设置新密码并登录').click();
    await visible(page.getByTestId('home-greeting'));
    expect(await page.getByTestId('current-user-name').innerText()).toBe(ADMIN.displayName);
  });

  it('lets the administrator edit a role and deactivate a user', async () => {
    await page.getByRole('link', { name: '角色与权限' }).click();
    await page.locator('[data-role="archivist"]').getByRole('button', { name: '编辑权限' }).click();
    await visible(dialog().getByText('编辑角色权限：档案管理员'));
    await dialog().getByLabel('审计日志').check();
    await screenshot('role-edit', false); // a dialog: the viewport is the picture
    await button('保存', dialog()).click();
    await dialog().waitFor({ state: 'hidden', timeout: WAIT });
    await visible(page.locator('[data-role="archivist"]').getByText('查阅审计日志并校验日志链的完整性'));

    await page.getByRole('link', { name: '用户管理' }).click();
    const row = page.locator(`[data-username="${AUDITOR.username}"]`);
    await row.getByRole('button', { name: '更多操作' }).click();
    await page.getByRole('menuitem', { name: '停用' }).click();
    await visible(dialog().getByText(`停用用户 ${AUDITOR.displayName}`));
    await screenshot('user-deactivate', false); // a dialog: the viewport is the picture
    await button('停用用户', dialog()).click();
    await dialog().waitFor({ state: 'hidden', timeout: WAIT });
    await visible(row.getByText('已停用'));
    await screenshot('users-deactivated');
  });

  it('raised no error in the page', () => {
    expect(consoleErrors).toEqual([]);
  });
});
