// Credit evaluations (信用评审) end to end (issue 9), in a real Chromium through the browser
// host on a fresh encrypted archive: the 客服经理 starts a periodic review from the customer
// file; the 客户经理 and the 客服经理 each fill their own sheet (neither sees the other's
// before submitting); the credit manager settles the item they differ on and consolidates;
// the chain approves; the result is published; the 客户经理 objects for the customer to one
// item with evidence from the file; the credit manager upholds it; the item is rated again,
// decided again and published again; after the publication period (the host's clock moved
// on) the file shows the new grade, limit, term and measures. A new customer goes through
// the new-customer review (its qualifications ticked from the file, a document of the file
// attached) and is admitted with the starting limit.
// Screenshots: test-results/screenshots/4NN-*.png.

import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, expect, it } from 'vitest';
import { simplePdf } from '../../src/main/demo/documents';
import { creditCodeCheckCharacter } from '../../src/shared/domain/identifiers';
import type { BrowserHost } from '../harness/server';
import { describeInChromium, SHOTS, useE2e } from './support/setup';
import { controlsOf, logInAs, logOut } from './support/ui';

const DAY_MS = 86_400_000;
const COMPANY = '华东精密装备集团有限公司';
const ADMIN = { username: 'admin', displayName: '周管理', password: 'Archive-Admin-2026!' };
const person = (username: string, displayName: string, role: string, department: string) => ({ username, displayName, role, department, initial: `Initial-${username}-4411`, password: `Own-${username}-2026!` });
const AM = person('zhangsan', '张三', 'account_manager', 'business');
const SM = person('sunli', '孙丽', 'service_manager', 'business');
const CM = person('sunqi', '孙七', 'credit_manager', 'credit');
/** The approvers of the two review chains (seed 003: 部门经理 … 总经理). */
const APPROVERS = [
  person('lisi', '李四', 'dept_manager', 'credit'),
  person('zhouyi', '周一', 'co_department', 'marketing'),
  person('zhenger', '郑二', 'legal', 'legal'),
  person('wangsan', '王三', 'general_affairs_manager', 'general_affairs'),
  person('zhouba', '周八', 'finance_manager', 'finance'),
  person('fengwu', '冯五', 'marketing_vp', 'marketing'),
  person('wujiu', '吴九', 'general_manager', 'management'),
];
const PEOPLE = [AM, SM, CM, ...APPROVERS];
const PERIODIC = '广州南方重工有限公司';
const NEWCOMER = '深圳前海新材料科技有限公司';
const PURPOSE = '年度客户信用评审';

function dayOffset(days: number): string {
  const date = new Date(Date.now() + days * DAY_MS);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

describeInChromium('credit evaluations e2e', () => {
  const customers: Record<string, string> = {};
  const e2e = useE2e({
    name: 'evaluations',
    firstShot: 401,
    shotDigits: 3,
    ownShots: /^4[0-4]\d-/,
    hostClock: true,
    async before({ api }) {
      const setup = await api(null, 'archive.setup', { companyName: COMPANY, admin: ADMIN });
      const roles = (await api(setup.session, 'roles.list', {})) as unknown as { id: string; code: string }[];
      const departments = (await api(setup.session, 'departments.list', {})) as unknown as { id: string; code: string }[];
      const departmentId = (code: string) => departments.find((d) => d.code === code)!.id;
      for (const p of PEOPLE) {
        await api(setup.session, 'users.create', { username: p.username, displayName: p.displayName, departmentId: departmentId(p.department), roleIds: [roles.find((r) => r.code === p.role)!.id], password: p.initial });
        const grant = await api(null, 'auth.login', { username: p.username, password: p.initial });
        await api(grant.session, 'auth.changePassword', { currentPassword: p.initial, newPassword: p.password });
        await api(grant.session, 'auth.logout', {});
      }
      await api(setup.session, 'auth.logout', {});

      // The 客户经理 enters both customers: one with a year of business, one new with its qualifications.
      const am = await api(null, 'auth.login', { username: AM.username, password: AM.password });
      // The 客服经理 keeps the periodic customer's file (seed 003: 客服经理 updates the credit
      // files and starts the year-end review), so reads it without a loan; the 客户经理 enters
      // the new customer.
      const sm = await api(null, 'auth.login', { username: SM.username, password: SM.password });
      let n = 0;
      const create = async (session: string, name: string, cooperationStart: string | null) => {
        const body = `9144030000000${String(1000 + n++)}`;
        const created = await api(session, 'customers.create', {
          kind: 'enterprise',
          name,
          creditCode: body + creditCodeCheckCharacter(body),
          idNumber: null,
          enterpriseNature: 'private',
          registeredCapitalFen: 50_000_000_00,
          legalRepresentative: '钱一',
          personInCharge: '赵六',
          address: '广州市南沙区港前大道 88 号',
          bankName: '招商银行广州分行',
          bankAccount: '6225880212345678',
          industry: '重型机械制造',
          serviceType: 'sales',
          cooperationStart,
          departmentId: departmentId('business'),
          confidentiality: 'normal',
          contacts: [
            { role: 'finance', name: '林财务', phone: '020-88886666', email: null },
            { role: 'business', name: '黄业务', phone: '13800138000', email: null },
          ],
        });
        return created.id as string;
      };
      customers[PERIODIC] = await create(sm.session, PERIODIC, '2019-03-01');
      const contract = await api(am.session, 'records.addContract', {
        customerId: customers[PERIODIC],
        departmentId: departmentId('business'),
        contractNo: null,
        title: '年度设备采购合同',
        amountFen: 1_500_000_00,
        signedOn: dayOffset(-200),
        startOn: dayOffset(-200),
        endOn: dayOffset(165),
        status: 'active',
      });
      await api(am.session, 'records.addTransaction', { customerId: customers[PERIODIC], contractId: contract.id, kind: 'sale', docNo: 'FP-0001', amountFen: 1_200_000_00, occurredOn: dayOffset(-90), dueOn: dayOffset(-60) });
      await api(am.session, 'records.addPayment', { customerId: customers[PERIODIC], contractId: contract.id, amountFen: 800_000_00, paidOn: dayOffset(-65), ref: 'FP-0001' });
      const pdf = (title: string) => ({ name: `${title}.pdf`, mime: 'application/pdf', contentBase64: simplePdf(title, ['Credit review evidence']).toString('base64') });
      await api(am.session, 'documents.add', { customerId: customers[PERIODIC], category: 'contract', title: '客户配合情况说明及往来函件', archiveNo: null, retention: '30y', confidentiality: 'normal', file: pdf('cooperation'), location: null });

      customers[NEWCOMER] = await create(am.session, NEWCOMER, null);
      for (const [kind, number] of [
        ['business_licence', '91440300MA5F00001X'],
        ['tax_registration', '440300MA5F00001'],
        ['organisation_code', 'MA5F0000-1'],
        ['iso9000', 'ISO9001-2025-0088'],
      ] as const) {
        await api(am.session, 'records.addQualification', { customerId: customers[NEWCOMER], kind, number, issuer: '深圳市市场监督管理局', level: null, validFrom: dayOffset(-400), validTo: dayOffset(700) });
      }
      await api(am.session, 'documents.add', { customerId: customers[NEWCOMER], category: 'credit_application', title: '营业执照副本（复印件）', archiveNo: null, retention: '30y', confidentiality: 'normal', file: pdf('licence'), location: null });
      await api(am.session, 'auth.logout', {});
      await api(sm.session, 'auth.logout', {});
    },
  });
  let host: BrowserHost;
  let page: Page;
  const { consoleErrors } = e2e;
  /** A picture from the top of the page, once the notifications of earlier steps have closed. */
  const screenshot = async (name: string, fullPage = true) => {
    await expect.poll(() => page.locator('.mantine-Notification-root').count(), { timeout: 15_000 }).toBe(0);
    if (fullPage) await page.evaluate('window.scrollTo(0, 0)');
    await e2e.screenshot(name, fullPage);
  };
  const { visible, button, dialog, field } = controlsOf(() => page);
  const login = (user: { username: string; password: string }) => logInAs(page, user);
  const logout = () => logOut(page);

  /** Open a customer's file (with the purpose) and its 信用评审 tab. */
  const openTab = async (name: string) => {
    await page.getByRole('link', { name: '客户档案' }).click();
    await page.getByTestId('customer-search').fill(name.slice(0, 4));
    const row = page.locator(`[data-testid="customer-row"][data-name="${name}"]`);
    await visible(row);
    await row.click();
    const ask = page.getByTestId('purpose-dialog');
    await visible(ask.getByText('查阅用途'));
    await ask.getByText('其他…', { exact: true }).click();
    await field('请填写用途', ask).fill(PURPOSE);
    await button('确认并查阅', ask).click();
    await visible(page.getByTestId('customer-name'));
    await page.getByRole('tab', { name: /^信用评审/ }).click();
    await visible(page.getByTestId('evaluations-tab'));
  };
  /** Open the evaluation under way from the tab. */
  const openEvaluation = async (name: string) => {
    await openTab(name);
    await page.getByTestId('open-evaluation').getByRole('button', { name: '打开' }).click();
    await visible(page.getByTestId('evaluation-page'));
  };
  const status = (text: string) => visible(page.getByTestId('evaluation-status').getByText(text, { exact: true }));
  const rate = async (ratings: Record<string, string>) => {
    for (const [item, option] of Object.entries(ratings)) await page.getByTestId(`option-${item}-${option}`).click();
  };
  const submitSheet = async () => {
    await page.getByTestId('sheet-submit').click();
    await visible(dialog().getByTestId('sheet-submit-confirm'));
    await dialog().getByTestId('sheet-submit-confirm').click();
    await dialog().waitFor({ state: 'hidden' });
    await page.getByTestId('own-sheet').waitFor({ state: 'hidden' });
  };
  const choose = async (testId: string, option: RegExp) => {
    await page.getByTestId(testId).click();
    await page.getByRole('option', { name: option }).click();
  };

  /** Every seat of the running chains approves in turn, through the approvers' own sessions. */
  const approveEverything = async () => {
    const sessions = new Map<string, string>();
    const sessionOf = async (p: (typeof APPROVERS)[number]) => {
      if (!sessions.has(p.username)) sessions.set(p.username, (await e2e.api(null, 'auth.login', { username: p.username, password: p.password })).session);
      return sessions.get(p.username)!;
    };
    for (let round = 0; round < 30; round++) {
      let decided = false;
      for (const p of APPROVERS) {
        const session = await sessionOf(p);
        const inbox = (await e2e.api(session, 'approvals.inbox', {})) as unknown as { rows: { id: string }[] };
        for (const row of inbox.rows) {
          const seen = (await e2e.api(session, 'approvals.get', { id: row.id })) as unknown as { chain: { currentStepId: string }; contentHash: string };
          await e2e.api(session, 'approvals.decide', { kind: 'approve', chainId: row.id, stepId: seen.chain.currentStepId, contentHash: seen.contentHash, opinion: `同意（${p.displayName}）` });
          decided = true;
        }
      }
      if (!decided) break;
    }
    for (const session of sessions.values()) await e2e.api(session, 'auth.logout', {});
  };

  beforeAll(() => {
    ({ host, page } = e2e);
  });

  it('lets the 客服经理 start a periodic review from the customer file, with the seed-003 header filled from the file', async () => {
    await page.goto(host.url);
    await login(SM);
    await openTab(PERIODIC);
    await visible(page.getByText('暂无信用评审'));
    await screenshot('file-tab-empty');

    await page.getByTestId('start-periodic-review').click();
    await visible(dialog().getByTestId('start-model'));
    await choose('start-account-manager', /^张三/);
    await choose('start-service-manager', /^孙丽/);
    await screenshot('start-dialog', false);
    await dialog().getByTestId('start-submit').click();
    await visible(page.getByTestId('evaluation-page'));
    await status('评审中');
    const header = page.getByTestId('paper-header');
    for (const [field, text] of [
      ['customer_name', PERIODIC],
      ['account_manager', '张三'],
      ['service_manager', '孙丽'],
      ['contract_amount', '¥1,500,000.00'],
      ['received_total', '¥800,000.00'],
      ['review_date', dayOffset(0)],
    ] as const) {
      expect(await header.getByTestId(`header-${field}`).innerText()).toContain(text);
    }
    expect(await header.getByTestId('header-record_no').innerText()).toMatch(/^PJ-\d{8}-/);
    await visible(page.getByTestId('own-sheet'));
    await screenshot('evaluation-started');
    await logout();
  });

  it('has the 客户经理 and the 客服经理 each fill their own sheet, neither seeing the other before submitting', async () => {
    await login(AM);
    await openEvaluation(PERIODIC);
    await visible(page.getByTestId('private-notice').getByText(/孙丽/));
    await rate({ contract_execution: 'A', payment_speed: 'B', cooperation: 'C', coordination: 'D' });
    await page.getByTestId('sheet-opinion').fill('回款略慢，配合度有待提高');
    // The live total by the shared scoring: 25 + 20 + 15 + 10.
    await visible(page.getByTestId('live-total').getByText(/^70\.0/));
    await screenshot('sheet-account-manager');
    await submitSheet();
    // Submitted: his own row; the 客服经理's sheet is still hers alone.
    await visible(page.locator('[data-testid="sheet-row"][data-reviewer="张三"]'));
    await visible(page.locator('[data-testid="sheet-row-hidden"][data-reviewer="孙丽"]').getByText('尚未提交（提交前不可见）'));
    await logout();

    await login(SM);
    await openEvaluation(PERIODIC);
    // She sees that 张三 has submitted, never what he rated.
    await visible(page.locator('[data-testid="sheet-row-hidden"][data-reviewer="张三"]').getByText('已提交（您提交自己的评分表后可见）'));
    expect(await page.getByTestId('evaluation-page').innerText()).not.toContain('回款略慢');
    await rate({ contract_execution: 'A', payment_speed: 'A', cooperation: 'B', coordination: 'B' });
    await page.getByTestId('sheet-opinion').fill('合作稳定，沟通顺畅');
    await visible(page.getByTestId('live-total').getByText(/^90\.0/));
    await screenshot('sheet-service-manager-private');
    await submitSheet();
    // Every sheet is in: both rows, the average 80.0 → B 良好.
    await visible(page.locator('[data-testid="sheet-row"][data-reviewer="张三"]'));
    await visible(page.getByTestId('grid-average').getByText('80.0 分'));
    await visible(page.getByTestId('grid-average').getByText(/判定级别：B 良好/));
    await screenshot('sheets-all-in');
    await logout();
  });

  it('has the credit manager settle the item the reviewers differ on and consolidate; the chain approves and the result is published', async () => {
    await login(CM);
    await openEvaluation(PERIODIC);
    const explanation = page.getByTestId('explanation');
    await visible(explanation);
    // 配合程度 D against B: more than one level apart; consolidation waits for the note.
    await visible(page.getByTestId('explain-coordination').getByText('相差 2 个等级'));
    await visible(page.getByTestId('consolidate-refusal').getByText(/尚未裁定/));
    await visible(page.getByTestId('biggest-losses').getByText(/配合程度 15\/25/));
    await visible(page.getByTestId('next-grade').getByText('距 A 级优秀还差 +10.0 分'));
    await screenshot('explanation-to-settle');
    await page.getByTestId('settle-coordination').click();
    await dialog().getByTestId('settle-note').fill('客服经理日常接触较多，以其意见为准');
    await dialog().getByTestId('settle-submit').click();
    await dialog().waitFor({ state: 'hidden' });
    await visible(page.getByTestId('settlement-note'));
    // An override needs its written reason before it can be sent; it then shows as an override.
    await page.getByTestId('override-switch').click();
    await page.getByTestId('override-grade').click();
    await page.getByRole('option', { name: 'C 一般' }).click();
    await expect.poll(() => page.getByTestId('consolidate').isDisabled()).toBe(true);
    await page.getByTestId('override-reason').fill('客户近期涉诉，从严评定');
    await page.getByTestId('consolidate').click();
    await status('审批中');
    await visible(page.getByTestId('decision-grade').getByText(/^C 一般/));
    await visible(page.getByTestId('override-shown').getByText(/计算等级 B 良好.*调整为 C 一般.*客户近期涉诉，从严评定/));
    await visible(page.getByTestId('chain-status'));
    await screenshot('consolidated-in-approval');
    // The chain's page shows the evaluation's decision and leads back to the form.
    await page.getByTestId('open-chain').click();
    await visible(page.getByTestId('evaluation-approval-form'));
    await visible(page.getByTestId('chain-timeline'));
    await screenshot('chain-page');
    await logout();

    await approveEverything();

    await login(CM);
    await openEvaluation(PERIODIC);
    await status('公示中');
    await visible(page.getByTestId('publication-open'));
    // The departments' opinions of the paper form, from the chain.
    await visible(page.getByTestId('opinions').getByText(/同意（吴九）/));
    await screenshot('published');
    await logout();
  });

  it('takes an objection on one item from the 客户经理, upholds it, rates the item again and decides again', async () => {
    await login(AM);
    await openEvaluation(PERIODIC);
    await status('公示中');
    await page.getByTestId('enter-objection').click();
    const form = dialog();
    await visible(form.getByTestId('objection-items'));
    await form.getByTestId('objection-item-coordination').click();
    await form.getByTestId('objection-reasons').fill('客户一直主动配合我司工作，往来函件可证；配合程度评为 D 有误');
    await form.getByText(/客户配合情况说明及往来函件/).click();
    await screenshot('objection-form', false);
    await form.getByTestId('objection-submit').click();
    await form.waitFor({ state: 'hidden' });
    await status('异议处理中');
    await visible(page.getByTestId('objection-deadline').getByText(/请于 \d{4}-\d\d-\d\d 前答复/));
    await logout();

    // Five weeks on the host's clock: the credit manager's 15 working days are over, and the page says so.
    e2e.advanceHost(35 * DAY_MS);
    await login(CM);
    await openEvaluation(PERIODIC);
    await visible(page.getByTestId('objection').getByText('客户配合情况说明及往来函件'));
    await visible(page.getByTestId('objection-overdue').getByText(/答复已逾期/));
    await screenshot('objection-to-answer');
    await page.getByTestId('answer-objection').click();
    await dialog().getByTestId('verdict-upheld').click();
    await dialog().getByTestId('answer-text').fill('经核实往来函件，配合程度重新评审');
    await dialog().getByTestId('answer-submit').click();
    await dialog().waitFor({ state: 'hidden' });
    await status('异议成立，重新评审');
    await visible(page.getByTestId('reopened-notice').getByText(/配合程度/));
    await visible(page.getByTestId('objection').getByText(/逾期答复/));
    await logout();

    for (const reviewer of [AM, SM]) {
      await login(reviewer);
      await openEvaluation(PERIODIC);
      await visible(page.getByTestId('own-sheet'));
      // Only the reopened item can change.
      expect(await page.getByTestId('option-payment_speed-A').isDisabled()).toBe(true);
      await rate({ coordination: 'A' });
      if (reviewer === AM) await screenshot('reopened-sheet');
      await submitSheet();
      await logout();
    }

    await login(CM);
    await openEvaluation(PERIODIC);
    // 张三 A, B, C, A = 85; 孙丽 A, A, B, A = 95: 90.0 → A 优秀.
    await visible(page.getByTestId('explain-score').getByText(/^90\.0 · A 优秀/));
    await page.getByTestId('consolidate').click();
    await status('审批中');
    await logout();
    await approveEverything();
    await login(CM);
    await openEvaluation(PERIODIC);
    await status('公示中');
    await visible(page.locator('[data-testid="decision"][data-round="2"]'));
    await screenshot('decided-again');

    // The form as a PDF, laid out like the paper 评审表: read back with pdftotext (a program other than ours).
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-pdf').click()]);
    expect(download.suggestedFilename()).toMatch(/^客户信用评审表-广州南方重工有限公司-.+\.pdf$/);
    const pdfFile = await download.path();
    const printed = execFileSync('pdftotext', ['-layout', pdfFile, '-'], { encoding: 'utf8' }).replace(/[ \t]+/g, ' ');
    for (const words of ['客户信用评审表', PERIODIC, '张三', '孙丽', '90.0', '回款略慢，配合度有待提高', '合作稳定，沟通顺畅', '同意（吴九）', '经核实往来函件，配合程度重新评审']) expect(printed).toContain(words);
    execFileSync('pdftoppm', ['-png', '-r', '70', '-f', '1', '-l', '1', pdfFile, join(SHOTS, '449-evaluation-pdf-page')]);
    await logout();
  });

  it('after the publication period shows the new grade, limit, term and measures on the customer file', async () => {
    // Past the 5 working days of publication on the host's clock; the first use of the day makes it final.
    e2e.advanceHost(15 * DAY_MS);
    await login(CM);
    await openTab(PERIODIC);
    await visible(page.getByTestId('file-grade').getByText(/^A 优秀/));
    // A: three months of the average monthly sales (¥100,000.00), 90 days.
    expect(await page.getByTestId('file-limit').innerText()).toBe('¥300,000.00');
    expect(await page.getByTestId('file-term').innerText()).toBe('90 天');
    await visible(page.getByTestId('file-measures').getByText('可增加合作机会'));
    await visible(page.locator('[data-testid="evaluation-row"][data-status="final"]').getByText('90.0'));
    await screenshot('file-tab-final');
    await page.getByTestId('open-evaluation-row').first().click();
    await visible(page.getByTestId('final-result'));
    await visible(page.getByTestId('evaluation-history').getByText('异议成立'));
    await screenshot('evaluation-final');
    await logout();
  });

  it('takes a new customer through the new-customer review and admits it with the starting limit', async () => {
    await login(AM);
    await openTab(NEWCOMER);
    await visible(page.getByText('该客户尚无生效的信用评审结果。'));
    // A periodic review is the 客服经理's to start: the refusal in the user's words, nothing started.
    await page.getByTestId('start-periodic-review').click();
    await choose('start-account-manager', /^张三/);
    await choose('start-service-manager', /^孙丽/);
    await dialog().getByTestId('start-submit').click();
    await visible(dialog().getByTestId('start-problem').getByText('您的角色不能进行此操作'));
    await screenshot('start-refused', false);
    await dialog().getByRole('button', { name: '取消' }).click();
    await dialog().waitFor({ state: 'hidden' });
    await page.getByTestId('start-new-customer-review').click();
    await visible(dialog().getByTestId('start-model'));
    await choose('start-account-manager', /^张三/);
    await choose('start-service-manager', /^孙丽/);
    await dialog().getByTestId('start-submit').click();
    await visible(page.getByTestId('evaluation-page'));
    // The qualification checklist ticked from the file's qualifications.
    const checklist = page.getByTestId('qualification-checklist');
    await visible(checklist);
    expect(await checklist.locator('[data-testid="qualification-business_licence"]').getAttribute('data-held')).toBe('yes');
    expect(await checklist.locator('[data-testid="qualification-special_permit"]').getAttribute('data-held')).toBe('no');
    // 经营年限 is not in the file: the reviewer enters it (marked as entered).
    await page.getByLabel('录入 经营年限').fill('8');
    await page.getByTestId('value-years_in_business').getByRole('button', { name: '录入' }).click();
    await visible(page.getByTestId('value-years_in_business').getByText('评审人录入'));
    // 相关文档附件: chosen from the file's documents.
    await page.getByTestId('attachments').getByRole('checkbox', { name: '营业执照副本（复印件）' }).check();
    await page.getByTestId('attachments-save').click();
    await expect.poll(() => page.getByTestId('attachments-save').isDisabled()).toBe(true);
    await rate({ payment_capability: 'strong', related_business: 'none' });
    await page.getByTestId('sheet-opinion').fill('资质齐全，经营稳定，建议准入');
    // 10 + 5 + 5 + 5 (qualifications) + 12 (8 years) + 15 + 7 + 15 (no bad record) = 74.
    await visible(page.getByTestId('live-total').getByText(/^74\.0/));
    await screenshot('new-customer-form');
    await submitSheet();
    await logout();

    await login(SM);
    await openEvaluation(NEWCOMER);
    await rate({ payment_capability: 'strong', related_business: 'none' });
    await page.getByTestId('sheet-opinion').fill('同意准入，按起始额度合作');
    await submitSheet();
    await logout();

    await login(CM);
    await openEvaluation(NEWCOMER);
    await visible(page.getByTestId('explain-score').getByText(/^74\.0 · 准入/));
    await page.getByTestId('consolidate').click();
    await status('审批中');
    await visible(page.getByTestId('decision-limit').getByText('¥100,000.00'));
    await logout();
    await approveEverything();
    e2e.advanceHost(15 * DAY_MS);
    await login(CM);
    await openTab(NEWCOMER);
    await visible(page.getByTestId('file-grade').getByText(/^准入/));
    expect(await page.getByTestId('file-limit').innerText()).toBe('¥100,000.00');
    expect(await page.getByTestId('file-term').innerText()).toBe('30 天');
    await screenshot('new-customer-admitted');
    await page.getByTestId('open-evaluation-row').first().click();
    await visible(page.getByTestId('final-result'));
    await visible(page.getByTestId('attachments').getByText('营业执照副本（复印件）'));
    await visible(page.getByTestId('opinions').getByText(/资质齐全，经营稳定，建议准入/));
    await screenshot('new-customer-final');
    await logout();
  });

  it('logged no error in the page', () => {
    expect(consoleErrors.filter((e) => !/favicon/.test(e))).toEqual([]);
  });
});

