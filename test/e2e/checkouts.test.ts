// Borrowing in Chromium (issue 10), as its people work: a business-department user is
// refused a customer file, asks for two files with a purpose (查阅申请单), the head of
// credit management approves on the chain's page, the archivist lends them at the desk
// (借阅登记簿: the paper originals by their location, and electronic reading), the borrower
// reads them, and the file shows who has it until when.
import type { Locator, Page } from 'playwright-core';
import { beforeAll, expect, it } from 'vitest';
import { simplePdf } from '../../src/main/demo/documents';
import { creditCodeCheckCharacter } from '../../src/shared/domain/identifiers';
import { describeInChromium, useE2e, WAIT } from './support/setup';
import { controlsOf, logInAs, logOut } from './support/ui';

const COMPANY = '华东精密仪器股份有限公司';
const ADMIN = { username: 'admin', displayName: '周管理', password: 'Archive-Admin-2026!' };
const HEAD = { username: 'zhouhui', displayName: '周慧', password: 'Credit-Head-2026!', role: 'credit_manager', department: 'credit' };
const ARCHIVIST = { username: 'liuyang', displayName: '刘洋', password: 'Archivist-Own-2026!', role: 'archivist', department: 'general_affairs' };
const BORROWER = { username: 'zhaomin', displayName: '赵敏', password: 'Borrower-Own-2026!', role: 'account_manager', department: 'business' };
const FILES = ['上海恒远机电有限公司', '杭州明达贸易有限公司'] as const;
const PURPOSE = '拟续签年度框架合同，核对客户履约与回款情况';

describeInChromium('borrowing', () => {
  const e2e = useE2e({
    name: 'checkouts',
    firstShot: 701,
    shotDigits: 3,
    ownShots: /^7\d\d-/,
    async before({ api }) {
      const setup = await api(null, 'archive.setup', { companyName: COMPANY, admin: ADMIN });
      const roles = (await api(setup.session, 'roles.list', {})) as unknown as { id: string; code: string }[];
      const departments = (await api(setup.session, 'departments.list', {})) as unknown as { id: string; code: string }[];
      const departmentId = (code: string) => departments.find((d) => d.code === code)!.id;
      const sessions: Record<string, string> = {};
      for (const p of [HEAD, ARCHIVIST, BORROWER]) {
        const user = await api(setup.session, 'users.create', { username: p.username, displayName: p.displayName, departmentId: departmentId(p.department), roleIds: [roles.find((r) => r.code === p.role)!.id], password: `${p.password}-first` });
        const grant = await api(null, 'auth.login', { username: p.username, password: `${p.password}-first` });
        await api(grant.session, 'auth.changePassword', { currentPassword: `${p.password}-first`, newPassword: p.password });
        sessions[p.username] = grant.session;
        if (p === HEAD) await api(setup.session, 'approvals.departmentHeads.set', { departmentId: departmentId('credit'), headUserId: user.id as string });
      }
      // The credit department registers the two files, each with a contract scan and its paper original.
      for (const [i, name] of FILES.entries()) {
        const body = `91310115MA1H00${String(10 + i)}X`.slice(0, 17);
        const created = await api(sessions.zhouhui!, 'customers.create', {
          kind: 'enterprise',
          name,
          creditCode: body + creditCodeCheckCharacter(body),
          idNumber: null,
          enterpriseNature: 'private',
          registeredCapitalFen: 10_000_000_00,
          legalRepresentative: '钱一',
          personInCharge: null,
          address: '上海市浦东新区世纪大道 100 号',
          bankName: '招商银行上海分行',
          bankAccount: '6225880212345678',
          industry: '制造业',
          serviceType: 'sales',
          cooperationStart: '2020-11-01',
          departmentId: departmentId('business'),
          confidentiality: 'normal',
          contacts: [],
        });
        await api(sessions.zhouhui!, 'documents.add', {
          customerId: created.id,
          category: 'contract',
          title: '年度购销合同',
          archiveNo: null,
          retention: '30y',
          confidentiality: 'normal',
          file: { name: '年度购销合同.pdf', mime: 'application/pdf', contentBase64: simplePdf('年度购销合同', ['甲方：华东精密仪器股份有限公司']).toString('base64') },
          location: { cabinet: 'A01', shelf: String(3 + i), box: '012' },
        });
      }
      for (const s of [...Object.values(sessions), setup.session]) await api(s, 'auth.logout', {});
    },
  });
  let page: Page;
  const { consoleErrors, screenshot } = e2e;
  const { visible, button, field } = controlsOf(() => page);
  const login = (user: { username: string; password: string }) => logInAs(page, user);
  const logout = () => logOut(page);
  const row = (scope: Locator, customer: string) => scope.locator(`[data-testid="loan-row"][data-customer="${customer}"]`);
  const openFile = async (name: string) => {
    await page.getByRole('link', { name: '客户档案' }).click();
    await page.getByTestId('customer-search').fill(name.slice(2, 6));
    const r = page.locator(`[data-testid="customer-row"][data-name="${name}"]`);
    await visible(r);
    await r.click();
    const ask = page.getByTestId('purpose-dialog');
    await visible(ask.getByText('查阅用途'));
    await ask.getByText('其他…', { exact: true }).click();
    await field('请填写用途', ask).fill('核对合同履约情况');
    await button('确认并查阅', ask).click();
  };

  beforeAll(() => {
    page = e2e.page;
  });

  it('refuses the borrower a file outside a loan, saying a checkout request is needed', async () => {
    await page.goto(e2e.host.url);
    await login(BORROWER);
    await openFile(FILES[0]);
    const refused = page.getByTestId('read-refused');
    await visible(refused.getByText('查阅该客户档案需先提交查阅申请并经批准借出'));
    expect(await refused.getAttribute('data-reason')).toBe('needsLoan');
    await visible(refused.getByTestId('read-refused-request'));
    await screenshot('file-needs-loan');
  });

  it('lets the borrower ask for two files with a purpose (查阅申请单)', async () => {
    await page.locator('[data-page="checkouts"]').click();
    await visible(page.getByText('您还没有借阅'));
    await screenshot('my-loans-empty');
    await page.getByTestId('checkout-request').click();
    const form = page.getByTestId('checkout-request-form');
    await visible(form.getByText('查阅申请单'));
    const files = form.getByTestId('request-files');
    for (const name of FILES) {
      await files.fill(name.slice(2, 6));
      await page.getByRole('option', { name }).click();
    }
    await files.blur();
    await page.locator('.mantine-MultiSelect-dropdown').waitFor({ state: 'hidden', timeout: WAIT });
    await form.getByTestId('request-kind-physical').check();
    await form.getByTestId('request-purpose').fill(PURPOSE);
    await form.getByTestId('request-print').check();
    await screenshot('request-form', false);
    await form.getByTestId('checkout-request-submit').click();
    await form.waitFor({ state: 'hidden', timeout: WAIT });
    const mine = page.getByTestId('my-loans');
    await visible(mine);
    for (const name of FILES) expect(await row(mine, name).getAttribute('data-state')).toBe('requested');
    await screenshot('my-loans-requested');
    await logout();
  });

  it('lets the head of credit management approve it on its chain page, seeing what is asked', async () => {
    await login(HEAD);
    await page.locator('[data-page="approvals"]').click();
    await visible(page.getByTestId('inbox-list'));
    await page.getByTestId('inbox-list').getByTestId('open-chain').first().click();
    await visible(page.getByTestId('checkout-form'));
    expect(await page.getByTestId('checkout-form').innerText()).toContain(PURPOSE);
    expect(await page.getByTestId('checkout-form-file').count()).toBe(2);
    await screenshot('chain-checkout-form');
    await page.getByTestId('seat-actions').first().getByTestId('action-approve').click();
    const dialog = page.getByRole('dialog');
    await visible(dialog.getByTestId('decision-submit'));
    await dialog.getByTestId('decision-submit').click();
    await dialog.waitFor({ state: 'hidden', timeout: WAIT });
    await logout();
  });

  it('lets the archivist lend both: the paper originals by their location, and electronic reading', async () => {
    await login(ARCHIVIST);
    await page.locator('[data-page="checkouts"]').click();
    await page.getByTestId('tab-log').click();
    const log = page.getByTestId('loan-log');
    await visible(log);
    await screenshot('log-approved');
    // The paper original is handed out from where it is kept.
    await row(log, FILES[0]).getByTestId('loan-lend').click();
    let dialog = page.getByTestId('lend-dialog');
    await visible(dialog.getByText('A01 / 3 / 012', { exact: false }));
    await screenshot('lend-physical', false);
    await dialog.getByTestId('lend-confirm').click();
    await dialog.waitFor({ state: 'hidden', timeout: WAIT });
    await row(log, FILES[1]).getByTestId('loan-lend').click();
    dialog = page.getByTestId('lend-dialog');
    await dialog.getByTestId('lend-confirm').click();
    await dialog.waitFor({ state: 'hidden', timeout: WAIT });
    await page.locator(`[data-testid="loan-row"][data-state="lent"]`).nth(1).waitFor({ timeout: WAIT });
    for (const name of FILES) expect(await row(log, name).getAttribute('data-state')).toBe('lent');
    await screenshot('log-lent');
    await logout();
  });

  it('lets the borrower read the lent files, and shows who has each until when', async () => {
    await login(BORROWER);
    await openFile(FILES[1]);
    await visible(page.getByTestId('customer-name'));
    await page.getByRole('tab', { name: /^借阅/ }).click();
    await visible(page.getByTestId('file-loan-now'));
    expect(await page.getByTestId('file-loan-now').innerText()).toContain(BORROWER.displayName);
    await screenshot('file-lent-electronic');
    await openFile(FILES[0]);
    await visible(page.getByTestId('customer-name'));
    await page.locator('[data-page="checkouts"]').click();
    const mine = page.getByTestId('my-loans');
    await visible(mine);
    expect(await row(mine, FILES[1]).getByTestId('loan-due').innerText()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await screenshot('my-loans-lent');
    await logout();
    expect(consoleErrors).toEqual([]);
  });
});
