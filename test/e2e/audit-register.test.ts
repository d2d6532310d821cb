// The audit log as a register (issue 11 item 12), in Chromium through the browser host:
// a credit manager reads a customer's file with a chosen and a typed purpose; an auditor
// who may read customers sees the register with people and objects by name, the purposes
// and details in words, filters it, exports it to XLSX (read back with openpyxl) and
// prints it; the same register in English; an auditor who may not read customers sees
// which kind of object, not which customer. Screenshots: test-results/screenshots/48N-*.png.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { afterAll, expect, it } from 'vitest';
import { companyName, csvBase64, customerRows } from '../main/import-files';
import { describeInChromium, useE2e } from './support/setup';
import { controlsOf, logInAs, logOut } from './support/ui';

const COMPANY = '华东精密仪器股份有限公司';
const ADMIN = { username: 'admin', displayName: '王建国', password: 'Archive-Admin-2026!' };
const MANAGER = { username: 'li.credit', displayName: '李信用', initial: 'Credit-First-2026', password: 'Credit-Pass-2026' };
const CHECKER = { username: 'sun.check', displayName: '孙稽核', initial: 'Checker-First-2026', password: 'Checker-Pass-2026' };
const AUDITOR = { username: 'zhao.audit', displayName: '赵审计', initial: 'Auditor-First-2026', password: 'Auditor-Pass-2026' };
const CUSTOMER = companyName(1);

describeInChromium('audit register e2e', () => {
  const e2e = useE2e({
    name: 'audit-register',
    firstShot: 481,
    shotDigits: 3,
    ownShots: /^4[89]\d-/,
    context: { acceptDownloads: true },
    async before({ api }) {
      const setup = await api(null, 'archive.setup', { companyName: COMPANY, admin: ADMIN });
      const roles = (await api(setup.session, 'roles.list', {})) as unknown as { id: string; code: string }[];
      const departments = (await api(setup.session, 'departments.list', {})) as unknown as { id: string; code: string }[];
      const roleId = (code: string) => roles.find((r) => r.code === code)!.id;
      const credit = departments.find((d) => d.code === 'credit')!.id;
      for (const [person, codes] of [
        [MANAGER, ['credit_manager']],
        [CHECKER, ['auditor', 'archivist']],
        [AUDITOR, ['auditor']],
      ] as const) {
        await api(setup.session, 'users.create', { username: person.username, displayName: person.displayName, departmentId: credit, roleIds: codes.map(roleId), password: person.initial });
        const grant = await api(null, 'auth.login', { username: person.username, password: person.initial });
        await api(grant.session, 'auth.changePassword', { currentPassword: person.initial, newPassword: person.password });
        if (person === MANAGER) {
          await api(grant.session, 'imports.run', { kind: 'customers', format: 'csv', fileName: '客户导入.csv', contentBase64: csvBase64(customerRows(3)), jobId: randomUUID() });
        }
        await api(grant.session, 'auth.logout', {});
      }
      await api(setup.session, 'auth.logout', {});
    },
  });
  const { consoleErrors, screenshot } = e2e;
  const page = (): Page => e2e.page;
  const { visible, button, field } = controlsOf(page);
  /** Pick an action in the filter (its options show the action's code beside its name). */
  const chooseAction = async (name: string) => {
    await field('操作').and(page().locator('input')).click();
    await page().getByRole('option', { name: new RegExp(`^${name}`) }).click();
  };
  const downloads = mkdtempSync(join(tmpdir(), 'audit-register-downloads-'));
  afterAll(() => rmSync(downloads, { recursive: true, force: true }));
  /** The register's rows of an action (by its name in the action column). */
  const row = (action: string) =>
    page()
      .getByTestId('audit-table')
      .locator('tbody tr')
      .filter({ has: page().locator('td:nth-child(4)', { hasText: new RegExp(`^${action}$`) }) });

  /** Open a customer's file from the list with a purpose, as the credit manager does. */
  const openFile = async (purpose: { choose: string } | { type: string }) => {
    await page().getByRole('link', { name: '客户档案' }).click();
    await page().getByTestId('customer-search').fill(CUSTOMER);
    const listed = page().locator(`[data-testid="customer-row"][data-name="${CUSTOMER}"]`);
    await visible(listed);
    await listed.click();
    const ask = page().getByTestId('purpose-dialog');
    await visible(ask.getByText('查阅用途'));
    if ('choose' in purpose) await ask.getByText(purpose.choose, { exact: true }).click();
    else {
      await ask.getByText('其他…', { exact: true }).click();
      await ask.getByLabel(/^请填写用途/).fill(purpose.type);
    }
    await button('确认并查阅', ask).click();
    await visible(page().getByTestId('customer-name'));
  };

  it('a credit manager reads a file for a chosen purpose and for a typed one', async () => {
    await page().goto(e2e.host.url);
    await logInAs(page(), MANAGER);
    await openFile({ choose: '授信审批' });
    expect(await page().getByTestId('reading-purpose').innerText()).toContain('授信审批');
    await openFile({ type: '年审核对营业执照' });
    expect(await page().getByTestId('reading-purpose').innerText()).toContain('年审核对营业执照');
    await logOut(page());
  });

  it('shows the register to an auditor who may read customers: people, objects, purposes and details in words', async () => {
    await logInAs(page(), CHECKER);
    await page().getByRole('link', { name: '审计日志' }).click();
    await visible(page().getByTestId('audit-table'));
    const reads = row('查阅客户档案');
    await visible(reads);
    expect(await reads.count()).toBe(2);
    const chosen = reads.nth(1);
    expect(await chosen.innerText()).toContain('李信用');
    expect(await chosen.innerText()).toContain('li.credit');
    expect(await chosen.innerText()).toContain(`客户 ${CUSTOMER}`);
    expect(await chosen.innerText()).toContain('用途：授信审批');
    expect(await chosen.innerText()).toContain(`名称：${CUSTOMER}`);
    expect(await reads.nth(0).innerText()).toContain('用途：年审核对营业执照');
    expect(await row('导入数据').innerText()).toContain('导入 客户 · 客户导入.csv');
    const created = row('创建用户').filter({ hasText: '用户 李信用' });
    expect(await created.innerText()).toContain('用户名：li.credit；部门：信用管理部门；角色：信用经理');
    expect(await created.innerText()).toContain('王建国');
    // Nothing of the JSON the host wrote is shown.
    expect(await page().getByTestId('audit-table').innerText()).not.toMatch(/[{}"]/);
    await screenshot('register');
  });

  /** Pick one day of the date range: `monthsBack` months before this one, the given day of the month. */
  const pickDay = async (monthsBack: number, day: number) => {
    await page().getByLabel('日期范围').click();
    const dropdown = page().locator('.mantine-Popover-dropdown').filter({ visible: true });
    for (let i = 0; i < monthsBack; i++) await dropdown.locator('button[data-direction="previous"]').first().click();
    const cell = dropdown.locator('button:not([data-outside])', { hasText: new RegExp(`^${day}$`) }).first();
    await cell.click();
    await cell.click(); // the same day ends the range
  };

  it('filters the register by day and by action', async () => {
    // A day long before any entry: nothing.
    await pickDay(2, 15);
    await visible(page().getByText('没有符合条件的记录'));
    await button('清除筛选').click();
    // The calendar keeps showing the month it was left on: open the page afresh before picking today.
    await page().getByRole('link', { name: '首页' }).click();
    await page().getByRole('link', { name: '审计日志' }).click();
    await visible(page().getByTestId('audit-table'));
    // Today in the page's time zone (the entries were written today): all of them again.
    await pickDay(0, await page().evaluate(() => new Date().getDate()));
    await visible(page().getByTestId('audit-table'));
    expect(await page().getByTestId('audit-table').locator('tbody tr').count()).toBeGreaterThan(15);
    await button('清除筛选').click();

    await chooseAction('查阅客户档案');
    await visible(page().getByText('已显示全部 2 条记录'));
    expect(await page().getByTestId('audit-table').locator('tbody tr').count()).toBe(2);
    await screenshot('register-filtered');
  });

  it('exports the filtered register to XLSX, and the export is on record', async () => {
    const download = page().waitForEvent('download');
    await button('导出 XLSX').click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^审计日志-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const path = join(downloads, file.suggestedFilename());
    await file.saveAs(path);
    await visible(page().getByText(/共 2 条记录，已保存为/));
    await screenshot('register-exported');

    const script = `
import sys, json, openpyxl
ws = openpyxl.load_workbook(sys.argv[1]).active
print(json.dumps([list(r) for r in ws.iter_rows(values_only=True)], ensure_ascii=False, default=str))
`;
    const sheet = JSON.parse(execFileSync('/usr/bin/python3', ['-c', script, path], { encoding: 'utf8' })) as (string | number | null)[][];
    expect(sheet[0]![0]).toBe('审计日志登记簿');
    expect(sheet[1]![0]).toBe('筛选条件：操作：查阅客户档案');
    expect(String(sheet[2]![0])).toContain('导出人：孙稽核');
    const header = sheet.findIndex((r) => r[0] === '序号');
    const rows = sheet.slice(header + 1);
    expect(rows.map((r) => [r[2], r[3], r[5], r[6]])).toEqual([
      ['李信用（li.credit）', '查阅客户档案', `客户 ${CUSTOMER}`, '年审核对营业执照'],
      ['李信用（li.credit）', '查阅客户档案', `客户 ${CUSTOMER}`, '授信审批'],
    ]);

    await button('清除筛选').click();
    const exported = row('导出审计日志');
    await visible(exported);
    expect(await exported.innerText()).toContain('孙稽核');
    expect(await exported.innerText()).toContain('筛选条件：（操作：查阅客户档案）；语言：简体中文；行数：2');
  });

  it('prints the filtered register with a print layout, and the printout is on record', async () => {
    await chooseAction('查阅客户档案');
    await visible(page().getByText('已显示全部 2 条记录'));
    // The window's print dialog cannot be answered here: count the calls instead.
    await page().evaluate(() => {
      const w = globalThis as unknown as { printed: number; print: () => void };
      w.printed = 0;
      w.print = () => {
        w.printed += 1;
      };
    });
    await button('打印').click();
    const area = page().getByTestId('audit-print-area');
    await area.waitFor({ state: 'attached' });
    await page().waitForFunction(() => (globalThis as unknown as { printed: number }).printed === 1);
    expect(await area.isVisible()).toBe(false); // on screen the register stays as it was
    await page().emulateMedia({ media: 'print' });
    expect(await area.isVisible()).toBe(true);
    expect(await page().getByTestId('audit-table').isVisible()).toBe(false);
    expect(await area.innerText()).toContain('筛选条件：操作：查阅客户档案');
    expect(await area.innerText()).toMatch(/打印人：孙稽核　打印时间：\d{4}-\d{2}-\d{2} \d\d:\d\d:\d\d　共 2 条/);
    expect(await area.locator('tbody tr').count()).toBe(2);
    await screenshot('register-print');
    await page().emulateMedia({ media: 'screen' });
    await page().evaluate(() => (globalThis as unknown as EventTarget).dispatchEvent(new Event('afterprint')));
    await area.waitFor({ state: 'detached' });
    await button('清除筛选').click();
    await visible(row('打印审计日志'));
    expect(await row('打印审计日志').innerText()).toContain('行数：2');
  });

  it('shows the same register in English: purposes and words in the reader’s language', async () => {
    await page().getByText('English', { exact: true }).filter({ visible: true }).click();
    await visible(page().getByRole('heading', { name: 'Audit log' }));
    const reads = row('Customer file read');
    await visible(reads);
    expect(await reads.nth(1).innerText()).toContain('Purpose: Credit approval');
    expect(await reads.nth(1).innerText()).toContain(`Customer ${CUSTOMER}`);
    expect(await reads.nth(0).innerText()).toContain('Purpose: 年审核对营业执照');
    expect(await row('Data imported').innerText()).toContain('Import Customers · 客户导入.csv');
    // Built-in roles and departments, stored in Chinese, in the reader's language (this reader may not list roles).
    const created = row('User created').filter({ hasText: 'User 李信用' });
    expect(await created.innerText()).toContain('User name: li.credit; Department: Credit management; Roles: Credit manager');
    await screenshot('register-en');
    await page().getByText('简体中文', { exact: true }).filter({ visible: true }).click();
    await visible(page().getByRole('heading', { name: '审计日志' }));
    await logOut(page());
  });

  it('shows an auditor who may not read customers which kind of object, not which customer', async () => {
    await logInAs(page(), AUDITOR);
    await page().getByRole('link', { name: '审计日志' }).click();
    const reads = row('查阅客户档案');
    await visible(reads);
    expect(await reads.nth(1).innerText()).toContain('李信用');
    expect(await reads.nth(1).innerText()).toContain('用途：授信审批');
    expect(await reads.nth(1).innerText()).toMatch(/客户 [0-9a-f]{8}…/);
    expect(await page().getByTestId('audit-table').innerText()).not.toContain(`客户 ${CUSTOMER}`);
    await screenshot('register-no-customers');
    expect(consoleErrors).toEqual([]);
  });
});
