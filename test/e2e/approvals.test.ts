// Approval chains end to end (issue 8), in a real Chromium through the browser host on a
// fresh encrypted archive: an account manager asks for a credit limit above the general
// manager's threshold; the department manager approves, credit management returns it with
// an opinion; the author lowers the amount and resubmits, and the earlier approval shows
// voided; every step approves again, finance through a delegate ("郑十 代 周八"); the customer
// file shows the new limit, term and history; a second request is rejected and changes
// nothing. Screenshots: test-results/screenshots/8NN-*.png.

import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { creditCodeCheckCharacter } from '../../src/shared/domain/identifiers';
import { startBrowserHost, type BrowserHost } from '../harness/server';

const CHROMIUM = '/usr/bin/chromium';
const haveChromium = existsSync(CHROMIUM);
const onCI = process.env.CI === 'true';
const SHOTS = resolve(import.meta.dirname, '../../test-results/screenshots');
const WAIT = 20_000;

const ADMIN = { username: 'admin', displayName: '周管理', password: 'Archive-Admin-2026!' };
const person = (username: string, displayName: string, role: string, department: string) => ({
  username,
  displayName,
  role,
  department,
  initial: `Initial-${username}-4411`,
  password: `Own-${username}-2026!`,
});
const AUTHOR = person('zhangsan', '张三', 'account_manager', 'business');
const MANAGER = person('lisi', '李四', 'dept_manager', 'business');
const CREDIT = person('sunqi', '孙七', 'credit_manager', 'credit');
const FINANCE = person('zhouba', '周八', 'finance_manager', 'finance');
const DELEGATE = person('zhengshi', '郑十', 'reviewer', 'finance');
const GM = person('wujiu', '吴九', 'general_manager', 'management');
const PEOPLE = [AUTHOR, MANAGER, CREDIT, FINANCE, DELEGATE, GM];
const CUSTOMER = '上海恒远智能装备有限公司';

function today(offsetDays = 0): string {
  const date = new Date(Date.now() + offsetDays * 86_400_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

if (!haveChromium && onCI) {
  describe('approvals e2e', () => {
    it('needs Chromium on CI', () => {
      throw new Error(`${CHROMIUM} is missing: CI must run the e2e suite (apt-get install chromium fonts-noto-cjk)`);
    });
  });
}

describe.skipIf(!haveChromium)('approval chains e2e (Chromium via the browser host)', () => {
  let dir: string;
  let host: BrowserHost;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const consoleErrors: string[] = [];

  let shot = 800;
  const screenshot = async (name: string, fullPage = true) => {
    shot += 1;
    // Toasts of earlier steps close by themselves: the picture shows the screen, not them.
    await expect.poll(() => page.locator('.mantine-Notification-root').count(), { timeout: 10_000 }).toBe(0);
    await page.waitForTimeout(400);
    await page.screenshot({ path: join(SHOTS, `${shot}-${name}.png`), fullPage });
  };
  const visible = (locator: Locator) => locator.first().waitFor({ state: 'visible', timeout: WAIT });
  const button = (name: string | RegExp, scope: Page | Locator = page) => scope.getByRole('button', { name, exact: typeof name === 'string' });
  const escape = (label: string) => label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const field = (label: string, scope: Page | Locator = page) => scope.getByLabel(new RegExp(`^${escape(label)}( \\*)?$`));

  const api = async (session: string | null, method: string, input: unknown) => {
    const token = new URL(host.url).searchParams.get('token') ?? '';
    const response = await fetch(new URL('/api/call', host.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-archive-token': token },
      body: JSON.stringify({ session, method, input }),
    });
    const envelope = (await response.json()) as { ok: boolean; value?: unknown; error?: unknown };
    if (!envelope.ok) throw new Error(`${method}: ${JSON.stringify(envelope.error)}`);
    return envelope.value as Record<string, unknown> & { session: string };
  };

  const login = async (user: { username: string; password: string }) => {
    await visible(page.getByRole('heading', { name: '登录' }));
    await field('用户名').fill(user.username);
    await field('密码').fill(user.password);
    await button('登录').click();
    await visible(page.getByTestId('home-greeting'));
  };
  const logout = async () => {
    await page.getByTestId('user-menu').click();
    await page.getByRole('menuitem', { name: '退出登录' }).click();
    await visible(page.getByText('您已安全退出。'));
  };
  const openInbox = async () => {
    await page.locator('[data-page="approvals"]').click();
    await visible(page.getByTestId('tab-inbox'));
  };
  /** Open the one chain waiting in the inbox. */
  const openWaiting = async () => {
    await openInbox();
    await visible(page.getByTestId('inbox-list'));
    await page.getByTestId('inbox-list').getByTestId('open-chain').first().click();
    await visible(page.getByTestId('chain-timeline'));
  };
  /** Decide in the first seat the user holds on the open chain. */
  const decide = async (kind: 'approve' | 'reject' | 'return', opinion: string | null, beforeSubmit?: (dialog: Locator) => Promise<void>) => {
    await page.getByTestId('seat-actions').first().getByTestId(`action-${kind}`).click();
    const dialog = page.getByRole('dialog');
    await visible(dialog.getByTestId('decision-submit'));
    if (opinion !== null) await dialog.getByTestId('decision-opinion').fill(opinion);
    if (beforeSubmit) await beforeSubmit(dialog);
    await dialog.getByTestId('decision-submit').click();
    await dialog.waitFor({ state: 'hidden', timeout: WAIT });
  };
  const openCustomerFile = async () => {
    await page.getByRole('link', { name: '客户档案' }).click();
    await page.getByTestId('customer-search').fill('恒远');
    const row = page.locator(`[data-testid="customer-row"][data-name="${CUSTOMER}"]`);
    await visible(row);
    await row.click();
    const ask = page.getByTestId('purpose-dialog');
    await visible(ask.getByText('查阅用途'));
    await ask.getByText('其他…', { exact: true }).click();
    await field('请填写用途', ask).fill('授信额度调整');
    await button('确认并查阅', ask).click();
    await visible(page.getByTestId('customer-name'));
  };
  const requestLimit = async (yuan: string, days: string, reason: string) => {
    await page.getByTestId('request-credit-limit').click();
    const form = page.getByRole('dialog');
    await form.getByTestId('limit-input').fill(yuan);
    await form.getByTestId('term-input').fill(days);
    await form.getByTestId('reason-input').fill(reason);
    await form.getByTestId('credit-limit-submit').click();
    await visible(page.getByTestId('chain-timeline'));
  };

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    for (const name of readdirSync(SHOTS)) if (/^8\d\d-/.test(name)) rmSync(join(SHOTS, name));
    dir = mkdtempSync(join(tmpdir(), 'credit-archive-e2e-approvals-'));
    host = await startBrowserHost({ dir, port: 0 });

    // The archive and its people through the host's own calls (the user screens have their own e2e).
    const setup = await api(null, 'archive.setup', { companyName: '东海岸精密仪器股份有限公司', admin: ADMIN });
    const roles = (await api(setup.session, 'roles.list', {})) as unknown as { id: string; code: string }[];
    const departments = (await api(setup.session, 'departments.list', {})) as unknown as { id: string; code: string }[];
    const departmentId = (code: string) => departments.find((d) => d.code === code)!.id;
    for (const p of PEOPLE) {
      await api(setup.session, 'users.create', {
        username: p.username,
        displayName: p.displayName,
        departmentId: departmentId(p.department),
        roleIds: [roles.find((r) => r.code === p.role)!.id],
        password: p.initial,
      });
      const grant = await api(null, 'auth.login', { username: p.username, password: p.initial });
      await api(grant.session, 'auth.changePassword', { currentPassword: p.initial, newPassword: p.password });
      if (p === AUTHOR) {
        const body = '91310115MA1H7QXK0';
        await api(grant.session, 'customers.create', {
          kind: 'enterprise',
          name: CUSTOMER,
          creditCode: body + creditCodeCheckCharacter(body),
          idNumber: null,
          enterpriseNature: 'private',
          registeredCapitalFen: 50_000_000_00,
          legalRepresentative: '钱立新',
          personInCharge: null,
          address: '上海市浦东新区张江路 88 号',
          bankName: '招商银行上海张江支行',
          bankAccount: '6225880212345678',
          industry: '智能装备',
          serviceType: 'sales',
          cooperationStart: '2021-03-01',
          departmentId: departmentId('business'),
          confidentiality: 'normal',
          contacts: [],
        });
      }
      await api(grant.session, 'auth.logout', {});
    }
    await api(setup.session, 'auth.logout', {});

    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
    });
    context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    page = await context.newPage();
    page.setDefaultTimeout(WAIT);
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => consoleErrors.push(String(error)));
    await page.goto(host.url);
  });

  afterEach(async ({ task }) => {
    if (task.result?.state === 'fail' && page && !page.isClosed()) {
      const failures = resolve(SHOTS, '../failures');
      mkdirSync(failures, { recursive: true });
      await page.screenshot({ path: join(failures, `approvals-${task.name.replace(/[^\p{L}\p{N}]+/gu, '-').slice(0, 60)}.png`) }).catch(() => undefined);
    }
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await host?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('shows the administrator the calendar and the credit-limit chain with its preview', async () => {
    await login(ADMIN);
    await page.locator('[data-page="calendar"]').click();
    await visible(page.getByTestId('calendar-grid'));
    // The year shown is this year (2026): 10-01 is National Day, 10-10 (a Saturday) a make-up working day.
    expect(await page.getByTestId('calendar-year').innerText()).toBe(`${today().slice(0, 4)} 年`);
    expect(await page.locator('[data-day="2026-10-01"]').getAttribute('data-reason')).toBe('public-holiday');
    expect(await page.locator('[data-day="2026-10-10"]').getAttribute('data-reason')).toBe('makeup-workday');
    await page.locator(`[data-day="${today(0).slice(0, 4)}-03-06"]`).click();
    await page.getByTestId('calendar-note').fill('公司年会');
    await page.getByTestId('calendar-day-save').click();
    await visible(page.getByTestId('company-days').getByText('公司年会'));
    await screenshot('calendar');

    await page.locator('[data-page="approval-definitions"]').click();
    await page.getByTestId('definition-credit_limit_change').click();
    await visible(page.getByTestId('definition-editor').getByText('授信额度调整').first());
    await page.getByTestId('preview-author').click();
    await page.getByRole('option', { name: /^张三/ }).click();
    await page.getByTestId('preview-amount').fill('2,000,000.00');
    await page.getByTestId('run-preview').click();
    const preview = page.getByTestId('preview-result');
    await visible(preview);
    for (const name of ['李四', '孙七', '周八', '吴九']) await visible(preview.getByText(name));
    await page.mouse.wheel(0, -10_000);
    await screenshot('chain-editor', false);
    await preview.scrollIntoViewIfNeeded();
    await screenshot('chain-preview', false);
    await logout();
  });

  it('lets the finance manager delegate approvals to a colleague in 我的账户', async () => {
    await login(FINANCE);
    await page.getByTestId('user-menu').click();
    await page.getByRole('menuitem', { name: '我的账户' }).click();
    const section = page.getByTestId('delegation-section');
    await visible(section);
    await section.getByTestId('delegate-to').click();
    await page.getByRole('option', { name: /^郑十/ }).click();
    // The days as the host counts them (its clock, not the browser's time zone).
    await field('开始日期', section).fill(today(0));
    await field('开始日期', section).press('Tab');
    await field('结束日期', section).fill(today(30));
    await field('结束日期', section).press('Tab');
    await section.getByTestId('delegate-create').click();
    await visible(section.getByTestId('delegations-given').getByText('郑十'));
    await visible(section.getByTestId('delegations-given').getByText('生效中'));
    await screenshot('delegation');
    await logout();
  });

  it('takes a request above the threshold through approve, return, resubmit (voiding the approval) and every step, one by a delegate', async () => {
    await login(AUTHOR);
    await openCustomerFile();
    expect(await page.getByTestId('file-credit-limit').innerText()).toContain('未核定');
    await requestLimit('2,000,000.00', '60', '年度订单增长，申请提高授信额度');
    await visible(page.getByTestId('requested-limit').getByText('¥2,000,000.00'));
    await visible(page.getByTestId('timeline-step-general_manager'));
    await logout();

    await login(MANAGER);
    await visible(page.getByTestId('nav-inbox-count').getByText('1'));
    await openInbox();
    await visible(page.getByTestId('inbox-list').getByText(CUSTOMER));
    await screenshot('inbox');
    await openWaiting();
    await page.getByTestId('seat-actions').first().getByTestId('action-approve').click();
    await visible(page.getByRole('dialog').getByTestId('decision-submit'));
    await page.getByRole('dialog').getByTestId('decision-opinion').fill('同意，客户回款良好');
    await screenshot('decision-dialog', false);
    await page.getByRole('dialog').getByTestId('decision-submit').click();
    await page.getByRole('dialog').waitFor({ state: 'hidden' });
    await visible(page.getByTestId('step-status-dept_manager').getByText('已同意'));
    await logout();

    await login(CREDIT);
    await openWaiting();
    await decide('return', '额度过高，请下调至 150 万元', async (dialog) => {
      await dialog.getByTestId('decision-kind').getByText('退回').click();
      await dialog.getByTestId('return-target').click();
      await page.getByRole('option', { name: /^申请人/ }).click();
    });
    await visible(page.getByTestId('chain-status').getByText('已退回'));
    await logout();

    await login(AUTHOR);
    await page.locator('[data-page="approvals"]').click();
    await page.getByTestId('tab-mine').click();
    await visible(page.getByTestId('mine-list').getByText('已退回'));
    await page.getByTestId('mine-list').getByTestId('open-chain').first().click();
    await visible(page.getByText('额度过高，请下调至 150 万元'));
    await page.getByTestId('edit-resubmit').click();
    const form = page.getByRole('dialog');
    await form.getByTestId('limit-input').fill('1,500,000.00');
    await form.getByTestId('term-input').fill('45');
    await form.getByTestId('credit-limit-submit').click();
    await form.waitFor({ state: 'hidden' });
    await visible(page.getByTestId('requested-limit').getByText('¥1,500,000.00'));
    // The department manager's approval was of the earlier content: shown struck through, with why.
    const voided = page.getByTestId('timeline-step-dept_manager').getByTestId('decision-voided');
    await visible(voided);
    expect(await voided.getByTestId('void-reason').innerText()).toMatch(/作废/);
    expect(await voided.getByTestId('decider').evaluate((el) => el.ownerDocument.defaultView!.getComputedStyle(el.parentElement!).textDecorationLine)).toContain('line-through');
    await logout();

    await login(MANAGER);
    await openWaiting();
    await decide('approve', '同意下调后的额度');
    await logout();
    await login(CREDIT);
    await openWaiting();
    await decide('approve', null);
    await logout();

    // 周八 delegated to 郑十: the seat waits in 郑十's inbox, marked as for 周八.
    await login(DELEGATE);
    await openInbox();
    await visible(page.getByTestId('inbox-delegated').getByText('代 周八 审批'));
    await openWaiting();
    await visible(page.getByTestId('seat-actions').getByText(/代 周八/));
    await decide('approve', '代周八审核，同意');
    await visible(page.getByTestId('timeline-step-finance_manager').getByText('郑十 代 周八'));
    await logout();

    await login(GM);
    await openWaiting();
    // The general manager's step asks for an opinion: without one, nothing is sent.
    await page.getByTestId('seat-actions').first().getByTestId('action-approve').click();
    await page.getByRole('dialog').getByTestId('decision-submit').click();
    await visible(page.getByRole('dialog').getByTestId('decision-problem').getByText('请填写审批意见'));
    await page.getByRole('dialog').getByTestId('decision-opinion').fill('同意');
    await page.getByRole('dialog').getByTestId('decision-submit').click();
    await page.getByRole('dialog').waitFor({ state: 'hidden' });
    await visible(page.getByTestId('chain-status').getByText('已通过'));
    await screenshot('timeline');
    await logout();
  });

  it('shows the new limit, term and history in the customer file; a rejected second request changes nothing', async () => {
    await login(AUTHOR);
    await openCustomerFile();
    expect(await page.getByTestId('file-credit-limit').innerText()).toContain('¥1,500,000.00');
    expect(await page.getByTestId('file-credit-term').innerText()).toContain('45 天');
    await page.getByRole('tab', { name: /^授信额度/ }).click();
    const history = page.getByTestId('credit-limit-history');
    await visible(history);
    expect(await history.getByTestId('credit-limit-change').count()).toBe(1);
    const row = history.getByTestId('credit-limit-change').first();
    await visible(row.getByText('¥1,500,000.00'));
    await visible(row.getByText('年度订单增长，申请提高授信额度'));
    await visible(row.getByText(/郑十 代 周八/));
    await visible(row.getByText(/吴九/));
    await screenshot('customer-credit-limit');

    await requestLimit('3,000,000.00', '90', '新项目追加采购');
    await logout();
    await login(MANAGER);
    await openWaiting();
    await decide('reject', '上次调整刚生效，暂不同意', async (dialog) => {
      await dialog.getByTestId('decision-kind').getByText('拒绝').click();
    });
    await visible(page.getByTestId('chain-status').getByText('已拒绝'));
    await logout();

    await login(AUTHOR);
    await openCustomerFile();
    expect(await page.getByTestId('file-credit-limit').innerText()).toContain('¥1,500,000.00');
    expect(await page.getByTestId('file-credit-term').innerText()).toContain('45 天');
    await page.getByRole('tab', { name: /^授信额度/ }).click();
    await visible(page.getByTestId('credit-limit-history'));
    expect(await page.getByTestId('credit-limit-change').count()).toBe(1);
    await page.getByRole('link', { name: '客户档案' }).click();
    await visible(page.getByTestId('credit-limit-cell').getByText('¥1,500,000.00'));
    await logout();

    expect(consoleErrors).toEqual([]);
  });
});
