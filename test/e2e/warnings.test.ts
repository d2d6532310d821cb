// Risk warnings end to end (issue 12), in a real Chromium through the browser host on a
// fresh encrypted archive: a customer is put on the 失信名单 and has a sale long overdue;
// the rules raise a severe and a high warning; the credit manager sees them on the warnings
// page, most severe first, acknowledges and works the severe one, sees the red badges and
// the figures in the file's header and the warnings tab, and edits a threshold.
// Screenshots: test-results/screenshots/12NN-*.png.

import { expect, it } from 'vitest';
import { creditCodeCheckCharacter } from '../../src/shared/domain/identifiers';
import { describeInChromium, useE2e } from './support/setup';
import { controlsOf, logInAs } from './support/ui';

const ADMIN = { username: 'admin', displayName: '周管理', password: 'Archive-Admin-2026!' };
const CREDIT = { username: 'zhouhui', displayName: '周慧', initial: 'Initial-Credit-4411', password: 'Credit-Manager-2026!' };
const AM = { username: 'chenjie', displayName: '陈杰', initial: 'Initial-Account-4411', password: 'Account-Manager-2026!' };
const CUSTOMER = '苏州恒信精密机械有限公司';

function day(offset: number): string {
  const d = new Date(Date.now() + offset * 86_400_000);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

describeInChromium('risk warnings e2e', () => {
  const e2e = useE2e({
    name: 'warnings',
    firstShot: 1201,
    shotDigits: 4,
    ownShots: /^12\d\d-/,
    async before({ api }) {
      const setup = await api(null, 'archive.setup', { companyName: '华东精密仪器股份有限公司', admin: ADMIN });
      const roles = (await api(setup.session, 'roles.list', {})) as unknown as { id: string; code: string }[];
      const departments = (await api(setup.session, 'departments.list', {})) as unknown as { id: string; code: string }[];
      const sessions: Record<string, string> = {};
      for (const [person, role, dept] of [
        [CREDIT, 'credit_manager', 'credit'],
        [AM, 'account_manager', 'business'],
      ] as const) {
        await api(setup.session, 'users.create', {
          username: person.username,
          displayName: person.displayName,
          departmentId: departments.find((d) => d.code === dept)!.id,
          roleIds: [roles.find((r) => r.code === role)!.id],
          password: person.initial,
        });
        const grant = await api(null, 'auth.login', { username: person.username, password: person.initial });
        await api(grant.session, 'auth.changePassword', { currentPassword: person.initial, newPassword: person.password });
        sessions[person.username] = grant.session;
      }
      const body = '91320505MA1XKQ8T3';
      const customer = await api(sessions[AM.username]!, 'customers.create', {
        kind: 'enterprise',
        name: CUSTOMER,
        creditCode: body + creditCodeCheckCharacter(body),
        idNumber: null,
        enterpriseNature: 'private',
        registeredCapitalFen: 50_000_000_00,
        legalRepresentative: '顾明华',
        personInCharge: null,
        address: '江苏省苏州市高新区科技城 88 号',
        bankName: null,
        bankAccount: null,
        industry: '机械制造',
        serviceType: 'sales',
        cooperationStart: '2019-03-01',
        departmentId: departments.find((d) => d.code === 'business')!.id,
        confidentiality: 'normal',
        contacts: [],
      });
      const cm = sessions[CREDIT.username]!;
      const customerId = customer.id as string;
      await api(cm, 'records.addTransaction', { customerId, contractId: null, kind: 'sale', docNo: 'XS-2026-0815', amountFen: 1_378_068_63, occurredOn: day(-130), dueOn: day(-100) });
      await api(cm, 'records.addTransaction', { customerId, contractId: null, kind: 'sale', docNo: 'XS-2026-1102', amountFen: 86_400_00, occurredOn: day(-20), dueOn: day(10) });
      await api(cm, 'records.addCreditEvent', { customerId, kind: 'blacklist', occurredOn: day(-12), title: '被列入失信被执行人名单', detail: '执行法院：苏州市中级人民法院', amountFen: null, source: '中国执行信息公开网' });
      await api(cm, 'records.addCreditEvent', { customerId, kind: 'litigation', occurredOn: day(-40), title: '买卖合同纠纷（我司起诉追讨货款）', detail: null, amountFen: 2_600_000_00, source: '法律事务部' });
      await api(cm, 'records.addQualification', { customerId, kind: 'business_licence', number: '320500000123456', issuer: '苏州市市场监督管理局', level: null, validFrom: '2016-01-01', validTo: day(20) });
    },
  });
  const ui = controlsOf(() => e2e.page);

  it('lists the warnings most severe first; the severe one is acknowledged and worked', async () => {
    const page = e2e.page;
    await page.goto(e2e.host.url);
    await logInAs(page, CREDIT);
    await page.getByRole('link', { name: '风险预警' }).first().click();
    await ui.visible(page.getByTestId('warnings-table'));
    const rows = page.getByTestId('warning-row');
    await expect.poll(() => rows.count()).toBe(4);
    expect(await rows.nth(0).innerText()).toContain('严重');
    expect(await rows.nth(2).innerText()).toContain('较高');
    expect(await rows.nth(2).innerText()).toContain('¥1,378,068.63');
    await e2e.screenshot('warnings-list');

    await rows.nth(0).click();
    const drawer = page.getByTestId('warning-view');
    await ui.visible(drawer);
    await ui.visible(drawer.getByText('加强对交易行为的监控', { exact: false }));
    await e2e.screenshot('warning-raised');
    await page.getByTestId('warning-acknowledge').click();
    await expect.poll(() => page.getByTestId('warning-status').innerText()).toBe('已确认');
    await page.getByTestId('warning-work').click();
    await page.getByTestId('work-note').fill('已通知业务部门暂停发货，法律事务部准备申请强制执行');
    await page.getByTestId('work-save').click();
    await expect.poll(() => page.getByTestId('warning-status').innerText()).toBe('处置中');
    await ui.visible(page.getByTestId('warning-history').getByText('已通知业务部门暂停发货', { exact: false }));
    await e2e.screenshot('warning-worked');
    await page.keyboard.press('Escape');
  });

  it('the customer file shows the red badges and the figures above the tabs, and its warnings tab', async () => {
    const page = e2e.page;
    await page.getByTestId('warning-row').nth(2).click();
    await page.getByRole('button', { name: '打开客户档案' }).click();
    const ask = page.getByTestId('purpose-dialog');
    await ui.visible(ask.getByText('查阅用途'));
    await ask.getByText('其他…', { exact: true }).click();
    await ui.field('请填写用途', ask).fill('风险预警处置');
    await ui.button('确认并查阅', ask).click();
    await ui.visible(page.getByTestId('customer-name'));
    await ui.visible(page.getByTestId('file-warning-badges'));
    await expect.poll(() => page.getByTestId('file-warning-badge').count()).toBe(4);
    expect(await page.getByTestId('file-overdue').innerText()).toContain('¥1,378,068.63');
    expect(await page.getByTestId('file-receivable').innerText()).toContain('¥1,464,468.63');
    await e2e.screenshot('file-header');
    await page.getByRole('tab', { name: /风险预警/ }).click();
    await ui.visible(page.getByTestId('warnings-tab'));
    await e2e.screenshot('file-warnings-tab');
  });

  it('the credit manager edits a threshold on the rules tab', async () => {
    const page = e2e.page;
    await page.getByRole('link', { name: '风险预警' }).first().click();
    await page.getByTestId('tab-rules').click();
    await ui.visible(page.getByTestId('rules-panel'));
    await page.getByTestId('threshold-qualification_expiring').fill('10');
    await page.getByTestId('rules-save').click();
    await ui.visible(page.getByText('预警规则已保存', { exact: false }));
    await e2e.screenshot('rules');
    await page.getByTestId('tab-open').click();
    await expect.poll(() => page.getByTestId('warning-row').count()).toBe(3);
    expect(e2e.consoleErrors).toEqual([]);
  });
});
