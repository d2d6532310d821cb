// Dunning (催收, issue 12 item 3, seed 003 五(二)) end to end, in a real Chromium through the
// browser host on a fresh encrypted archive: in the last week before a sale is due the
// 客服经理 sees it on the home page and the 催收 page, records a telephone reminder on the
// customer file; once it is overdue (the host's clock moved on) makes the 催款函 and saves the
// PDF (read back with pdftotext); more than 15 days overdue recommends turning the deposit into
// a penalty and suspending cooperation, which the chain (credit head, finance, general manager)
// approves; the file then shows cooperation suspended. Screenshots: test-results/screenshots/13NN-*.png.

import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { beforeAll, expect, it } from 'vitest';
import { creditCodeCheckCharacter } from '../../src/shared/domain/identifiers';
import type { BrowserHost } from '../harness/server';
import { describeInChromium, useE2e } from './support/setup';
import { controlsOf, logInAs, logOut } from './support/ui';

const DAY_MS = 86_400_000;
const COMPANY = '华东精密装备集团有限公司';
const ADMIN = { username: 'admin', displayName: '周管理', password: 'Archive-Admin-2026!' };
const person = (username: string, displayName: string, role: string, department: string) => ({ username, displayName, role, department, initial: `Initial-${username}-4411`, password: `Own-${username}-2026!` });
const SM = person('sunli', '孙丽', 'service_manager', 'business');
const CM = person('sunqi', '孙七', 'credit_manager', 'credit');
const FM = person('zhouba', '周八', 'finance_manager', 'finance');
const GM = person('wujiu', '吴九', 'general_manager', 'management');
const PEOPLE = [SM, CM, FM, GM];
const CUSTOMER = '苏州东方电子有限公司';
const PURPOSE = '应收账款催收';

function dayOffset(days: number): string {
  const date = new Date(Date.now() + days * DAY_MS);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

describeInChromium('dunning e2e', () => {
  let customerId = '';
  const e2e = useE2e({
    name: 'dunning',
    firstShot: 1301,
    shotDigits: 4,
    ownShots: /^13\d\d-/,
    hostClock: true,
    async before({ api }) {
      const setup = await api(null, 'archive.setup', { companyName: COMPANY, admin: ADMIN });
      const roles = (await api(setup.session, 'roles.list', {})) as unknown as { id: string; code: string }[];
      const departments = (await api(setup.session, 'departments.list', {})) as unknown as { id: string; code: string }[];
      const departmentId = (code: string) => departments.find((d) => d.code === code)!.id;
      const ids: Record<string, string> = {};
      for (const p of PEOPLE) {
        const user = await api(setup.session, 'users.create', { username: p.username, displayName: p.displayName, departmentId: departmentId(p.department), roleIds: [roles.find((r) => r.code === p.role)!.id], password: p.initial });
        ids[p.username] = user.id as string;
        const grant = await api(null, 'auth.login', { username: p.username, password: p.initial });
        await api(grant.session, 'auth.changePassword', { currentPassword: p.initial, newPassword: p.password });
        await api(grant.session, 'auth.logout', {});
      }
      // 孙七 heads the credit-management department: the first step of the suspension chain.
      await api(setup.session, 'approvals.departmentHeads.set', { departmentId: departmentId('credit'), headUserId: ids[CM.username] });
      await api(setup.session, 'auth.logout', {});

      const sm = await api(null, 'auth.login', { username: SM.username, password: SM.password });
      const body = '91440500000000012';
      const created = await api(sm.session, 'customers.create', {
        kind: 'enterprise',
        name: CUSTOMER,
        creditCode: body + creditCodeCheckCharacter(body),
        idNumber: null,
        enterpriseNature: 'private',
        registeredCapitalFen: 20_000_000_00,
        legalRepresentative: '钱一',
        personInCharge: null,
        address: '苏州市工业园区星湖街 328 号',
        bankName: '中国银行苏州分行',
        bankAccount: '6216610200012345',
        industry: '电子元器件',
        serviceType: 'sales',
        cooperationStart: '2021-05-01',
        departmentId: departmentId('business'),
        confidentiality: 'normal',
        contacts: [{ role: 'finance', name: '王会计', phone: '0512-66668888', email: null }],
      });
      customerId = created.id as string;
      const contract = await api(sm.session, 'records.addContract', { customerId, departmentId: departmentId('business'), contractNo: null, title: '年度元器件供货合同', amountFen: 800_000_00, signedOn: dayOffset(-120), startOn: dayOffset(-120), endOn: dayOffset(245), status: 'active' });
      // FP-2611 is due in 3 days with ¥60,000.00 still open; FP-2612 is due in two months.
      await api(sm.session, 'records.addTransaction', { customerId, contractId: contract.id, kind: 'sale', docNo: 'FP-2611', amountFen: 100_000_00, occurredOn: dayOffset(-27), dueOn: dayOffset(3) });
      await api(sm.session, 'records.addPayment', { customerId, contractId: contract.id, amountFen: 40_000_00, paidOn: dayOffset(-10), ref: 'FP-2611' });
      await api(sm.session, 'records.addTransaction', { customerId, contractId: contract.id, kind: 'sale', docNo: 'FP-2612', amountFen: 50_000_00, occurredOn: dayOffset(-2), dueOn: dayOffset(58) });
      await api(sm.session, 'auth.logout', {});
    },
  });
  let host: BrowserHost;
  let page: Page;
  const { consoleErrors } = e2e;
  const screenshot = async (name: string, fullPage = true) => {
    await expect.poll(() => page.locator('.mantine-Notification-root').count(), { timeout: 15_000 }).toBe(0);
    await e2e.screenshot(name, fullPage);
  };
  const { visible, button, dialog, field } = controlsOf(() => page);
  const sale = (docNo: string) => page.locator(`[data-testid="dunning-sale"][data-doc="${docNo}"]`);
  const step = (docNo: string, kind: string) => sale(docNo).locator(`[data-testid="dunning-step"][data-kind="${kind}"]`);

  const openTab = async () => {
    await page.getByRole('link', { name: '客户档案' }).click();
    await page.getByTestId('customer-search').fill('东方电子');
    const row = page.locator(`[data-testid="customer-row"][data-name="${CUSTOMER}"]`);
    await visible(row);
    await row.click();
    const ask = page.getByTestId('purpose-dialog');
    await visible(ask.getByText('查阅用途'));
    await ask.getByText('其他…', { exact: true }).click();
    await field('请填写用途', ask).fill(PURPOSE);
    await button('确认并查阅', ask).click();
    await visible(page.getByTestId('customer-name'));
    await page.getByRole('tab', { name: /^回款与催收/ }).click();
    await visible(page.getByTestId('dunning-tab'));
  };

  beforeAll(() => {
    ({ host, page } = e2e);
  });

  it('shows the 客服经理 the reminder due on the home page and the 催收 page, and records a telephone reminder on the file', async () => {
    await page.goto(host.url);
    await logInAs(page, SM);
    await visible(page.getByTestId('home-dunning-count').getByText('待办：提醒 1，催款函 0，停止合作建议 0'));
    await screenshot('home-dunning-card');
    await page.getByRole('link', { name: /^催收/ }).click();
    await visible(page.getByTestId('dunning-work-item'));
    expect(await page.getByTestId('dunning-work-item').count()).toBe(1);
    await visible(page.getByTestId('dunning-work').getByText(CUSTOMER));
    await screenshot('dunning-work-page');

    await openTab();
    await visible(sale('FP-2611').getByText('即将到期'));
    expect(await page.getByTestId('dunning-balance').innerText()).toBe('¥110,000.00');
    expect(await page.getByTestId('dunning-overdue').innerText()).toBe('¥0.00');
    // Before the due date there is no letter to make.
    await expect.poll(() => sale('FP-2611').getByTestId('make-letter').isDisabled()).toBe(true);
    await screenshot('file-tab-due-soon');
    await sale('FP-2611').getByTestId('record-reminder').click();
    await visible(dialog().getByTestId('reminder-channel'));
    await dialog().getByText('电话', { exact: true }).click();
    await dialog().getByTestId('reminder-note').fill('已电话提醒对方财务王会计，答复到期前付清');
    await screenshot('reminder-dialog', false);
    await dialog().getByTestId('reminder-save').click();
    await dialog().waitFor({ state: 'hidden' });
    await visible(step('FP-2611', 'reminder').getByText('已完成'));
    await visible(step('FP-2611', 'reminder').getByText(/孙丽 · 电话/));
    await screenshot('file-tab-reminded');
    await logOut(page);
  });

  it('once overdue makes the 催款函 as a PDF the 客服经理 saves, with the customer, the amount and the due date', async () => {
    e2e.advanceHost(8 * DAY_MS); // 5 days overdue
    await logInAs(page, SM);
    await openTab();
    await visible(sale('FP-2611').getByText('逾期 5 天'));
    expect(await page.getByTestId('dunning-overdue').innerText()).toBe('¥60,000.00');
    await visible(step('FP-2611', 'letter').getByText('待办'));
    await screenshot('file-tab-overdue');
    await sale('FP-2611').getByTestId('make-letter').click();
    await visible(dialog().getByTestId('letter-text'));
    expect(await dialog().getByTestId('letter-text').innerText()).toContain('已逾期 5 天');
    await screenshot('letter-preview', false);
    const [download] = await Promise.all([page.waitForEvent('download'), dialog().getByTestId('letter-save').click()]);
    expect(download.suggestedFilename()).toBe(`催款函-${CUSTOMER}-FP-2611.pdf`);
    const file = await download.path();
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    for (const words of [CUSTOMER, '¥60,000.00', dayOffset(3), '已逾期 5 天', '经办人：孙丽', COMPANY]) expect(text).toContain(words);
    expect(readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
    await button('关闭', dialog()).click();
    await visible(step('FP-2611', 'letter').getByText('已完成'));
    await logOut(page);
  });

  it('more than 15 days overdue sends the suspension recommendation through its chain; the file shows cooperation suspended', async () => {
    e2e.advanceHost(11 * DAY_MS); // 16 days overdue
    await logInAs(page, SM);
    await visible(page.getByTestId('home-dunning-count').getByText('待办：提醒 0，催款函 0，停止合作建议 1'));
    await openTab();
    await visible(sale('FP-2611').getByText('逾期 16 天'));
    await sale('FP-2611').getByTestId('recommend-suspension').click();
    await visible(dialog().getByTestId('suspension-reason'));
    await dialog().getByTestId('suspension-submit').click();
    await visible(dialog().getByText('请填写建议理由'));
    await dialog().getByTestId('suspension-reason').fill('到期前电话提醒、逾期后发出催款函，客户仍未付款，且无明确还款计划');
    await screenshot('suspension-dialog', false);
    await dialog().getByTestId('suspension-submit').click();
    await visible(page.getByTestId('suspension-content').getByText('逾期 16 天'));
    await visible(page.getByTestId('suspension-content').getByText('FP-2611 / YW-', { exact: false }));
    await screenshot('suspension-chain');
    await logOut(page);

    for (const p of [CM, FM, GM]) {
      const s = await e2e.api(null, 'auth.login', { username: p.username, password: p.password });
      const inbox = (await e2e.api(s.session, 'approvals.inbox', {})) as unknown as { rows: { id: string }[] };
      expect(inbox.rows).toHaveLength(1);
      const seen = (await e2e.api(s.session, 'approvals.get', { id: inbox.rows[0]!.id })) as unknown as { chain: { currentStepId: string }; contentHash: string };
      await e2e.api(s.session, 'approvals.decide', { kind: 'approve', chainId: inbox.rows[0]!.id, stepId: seen.chain.currentStepId, contentHash: seen.contentHash, opinion: `同意（${p.displayName}）` });
      await e2e.api(s.session, 'auth.logout', {});
    }

    await logInAs(page, SM);
    await openTab();
    await visible(page.getByTestId('cooperation-suspended'));
    await visible(step('FP-2611', 'suspension').getByText('已完成'));
    await screenshot('file-tab-suspended');
    await logOut(page);
    expect(customerId).not.toBe('');
    expect(consoleErrors).toEqual([]);
  });
});
