// Customer credit files, end to end, in a real Chromium through the browser host on a
// fresh encrypted archive (SPEC §1, issue 3): a credit manager enters a customer by hand
// (a bad credit code is refused under the field), an archivist confirms it (双人核验),
// the credit manager adds a contract, a sale, a payment and a PDF, opens the PDF (with a
// purpose, under a watermark), imports 50 customers from an XLSX with one bad row
// (nothing written, the row named), fixes it and imports again (50 written), and finds a
// customer by two characters of its name. Afterwards no file of the archive holds the
// customers' names, codes or the PDF's text in clear. Screenshots: test-results/screenshots/3NN-*.png.

import ExcelJS from 'exceljs';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { beforeAll, expect, it } from 'vitest';
import { simplePdf } from '../../src/main/demo/documents';
import { creditCodeCheckCharacter } from '../../src/shared/domain/identifiers';
import type { BrowserHost } from '../harness/server';
import { describeInChromium, useE2e, WAIT } from './support/setup';
import { controlsOf, escapeRegExp, logInAs, logOut } from './support/ui';

const COMPANY = '东海岸精密仪器股份有限公司';
const ADMIN = { username: 'admin', displayName: '周管理', password: 'Archive-Admin-2026!' };
const MANAGER = { username: 'chenxin', displayName: '陈信用', initial: 'Initial-Credit-4411', password: 'Credit-Manager-2026!' };
const ARCHIVIST = { username: 'linda', displayName: '林档案', initial: 'Initial-Archive-8812', password: 'Archivist-Own-2026!' };

/** A valid unified social credit code from 17 characters. */
function creditCode(first17: string): string {
  return first17 + creditCodeCheckCharacter(first17);
}
/** The same code with a wrong check character. */
function badCheck(code: string): string {
  const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  const last = code[17]!;
  return code.slice(0, 17) + alphabet[(alphabet.indexOf(last) + 1) % alphabet.length];
}

const CUSTOMER = {
  name: '苏州瑞丰精工科技有限公司',
  code: creditCode('91320505MA1XKQ7T3'),
  bank: '中国建设银行苏州高新区支行',
  account: '32250198863600001234',
  contact: '顾明华',
};
const CONTRACT_TITLE = '精密零部件年度采购合同';
/** Text that exists only inside the PDF: if it is found in a file, the PDF is there in clear. */
const PDF_SECRET = 'QUOKKA-ZEBRA-PDF-7731-SECRET';

const CITIES = ['杭州', '宁波', '温州', '嘉兴', '湖州', '绍兴', '金华', '衢州', '舟山', '台州'];
const WORDS = ['恒通', '瑞祥', '鼎盛', '华联', '永安'];
const TRADES = ['机械制造', '电子科技', '纺织印染', '建材贸易', '物流运输'];
/** The 50 customers of the import: unique names; one has a two-character fragment no other has. */
const IMPORTED = Array.from({ length: 50 }, (_, i) => {
  const trade = TRADES[i % 5]!;
  const name = i === 36 ? '舟山翠微海洋渔业有限公司' : `${CITIES[Math.floor(i / 5)]}${WORDS[i % 5]}${trade}有限公司`;
  return { name, code: creditCode(`91330${String(100 + i).padStart(3, '0')}MA2B${String(1000 + i * 7).padStart(4, '0')}X`), trade };
});
const FRAGMENT = '翠微';
const BAD_INDEX = 17; // data row 18: file row 19 (the header is row 1)

/** A small, valid PDF (one page, Helvetica) whose text is `text`. */
function makePdf(text: string): Buffer {
  return simplePdf(text, ['Credit archive test document']);
}

/** The import file: 50 customers, as finance would fill in the template. */
async function makeXlsx(withBadRow: boolean): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('客户');
  sheet.addRow(['客户名称', '客户类型', '统一社会信用代码', '所属行业', '业务联系人', '业务联系电话', '合作开始日期']);
  IMPORTED.forEach((customer, i) => {
    const code = withBadRow && i === BAD_INDEX ? badCheck(customer.code) : customer.code;
    sheet.addRow([customer.name, '企业', code, customer.trade, `联系人${i + 1}`, `1380013${String(8000 + i)}`, '2023-05-01']);
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function daysAgo(days: number): string {
  const date = new Date(Date.now() - days * 86_400_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

function filesIn(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...filesIn(path));
    else out.push(path);
  }
  return out;
}

/** Which of the texts each file holds in clear, UTF-8 or UTF-16LE, as "file: text (encoding)". */
function clearTextIn(dir: string, texts: string[]): string[] {
  const found: string[] = [];
  for (const file of filesIn(dir)) {
    const content = readFileSync(file);
    for (const text of texts) {
      for (const encoding of ['utf8', 'utf16le'] as const) {
        if (content.includes(Buffer.from(text, encoding))) found.push(`${relative(dir, file)}: ${text} (${encoding})`);
      }
    }
  }
  return found;
}

describeInChromium('customer credit files e2e', () => {
  // The archive and two people, set up through the host's calls: the screens for that
  // are the foundation's e2e. Each person then chooses their own password.
  const e2e = useE2e({
    name: 'customers',
    firstShot: 301,
    shotDigits: 3,
    ownShots: /^3\d\d-/,
    context: { acceptDownloads: true },
    async before({ api }) {
      const setup = await api(null, 'archive.setup', { companyName: COMPANY, admin: ADMIN });
      const roles = (await api(setup.session, 'roles.list', {})) as unknown as { id: string; code: string }[];
      const departments = (await api(setup.session, 'departments.list', {})) as unknown as { id: string; code: string }[];
      const roleId = (code: string) => roles.find((r) => r.code === code)!.id;
      const departmentId = (code: string) => departments.find((d) => d.code === code)!.id;
      for (const [person, role, department] of [
        [MANAGER, 'credit_manager', 'credit'],
        [ARCHIVIST, 'archivist', 'general_affairs'],
      ] as const) {
        await api(setup.session, 'users.create', {
          username: person.username,
          displayName: person.displayName,
          departmentId: departmentId(department),
          roleIds: [roleId(role)],
          password: person.initial,
        });
        const grant = await api(null, 'auth.login', { username: person.username, password: person.initial });
        await api(grant.session, 'auth.changePassword', { currentPassword: person.initial, newPassword: person.password });
        await api(grant.session, 'auth.logout', {});
      }
      await api(setup.session, 'auth.logout', {});
    },
  });
  let dir: string;
  let host: BrowserHost;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const { consoleErrors, screenshot } = e2e;
  const { visible, button, dialog, field, choose, day } = controlsOf(() => page);
  const escape = escapeRegExp;
  const closeDialog = async (scope: Locator) => scope.waitFor({ state: 'hidden', timeout: WAIT });
  const login = (user: { username: string; password: string }) => logInAs(page, user);
  const logout = () => logOut(page);
  const customerRow = (name: string) => page.locator(`[data-testid="customer-row"][data-name="${name}"]`);
  /** Open a customer's file from the list: the purpose is asked first. */
  const openFile = async (name: string, purpose: { choose: string } | { type: string }) => {
    await page.getByRole('link', { name: '客户档案' }).click();
    await page.getByTestId('customer-search').fill(name);
    await visible(customerRow(name));
    await customerRow(name).click();
    const ask = page.getByTestId('purpose-dialog');
    await visible(ask.getByText('查阅用途'));
    if ('choose' in purpose) await ask.getByText(purpose.choose, { exact: true }).click();
    else {
      await ask.getByText('其他…', { exact: true }).click();
      await field('请填写用途', ask).fill(purpose.type);
    }
    await button('确认并查阅', ask).click();
    await visible(page.getByTestId('customer-name'));
    expect(await page.getByTestId('customer-name').innerText()).toBe(name);
  };
  /** Wait until the list says how many customers it shows. */
  const total = (text: string) => page.locator('[data-testid="customer-total"]', { hasText: new RegExp(`^${escape(text)}$`) }).waitFor({ timeout: WAIT });
  const tab = (name: string) => page.getByRole('tab', { name: new RegExp(`^${escape(name)}`) });

  beforeAll(() => {
    ({ dir, host, browser, context, page } = e2e);
  });

  it('shows the credit manager the customer files and the import, with an empty list', async () => {
    await page.goto(host.url);
    await login(MANAGER);
    const nav = (await page.locator('[data-testid="main-nav"] a').allInnerTexts()).map((text) => text.trim());
    expect(nav).toEqual(['首页', '客户档案', '风险预警', '审批', '评审到期', '催收', '借阅', '数据导入', '评分模型', '我的账户']);
    await screenshot('home-credit-manager');

    await page.getByRole('link', { name: '客户档案' }).click();
    await visible(page.getByText('档案中还没有客户'));
    await screenshot('customers-empty');
  });

  it('refuses a bad credit code under the field, then creates the customer', async () => {
    await page.getByTestId('create-customer').click();
    const form = dialog();
    await visible(form.getByText('新建客户').first());
    await field('客户名称', form).fill(CUSTOMER.name);
    await field('统一社会信用代码', form).fill(badCheck(CUSTOMER.code));
    // Checked as it is typed, before anything is sent.
    await visible(form.getByText('统一社会信用代码校验位不正确'));
    await choose('企业性质', '民营企业', form);
    await field('注册资本（元）', form).fill('5,000,000.00');
    await field('法定代表人', form).fill('沈国梁');
    await field('所属行业', form).fill('精密制造');
    await field('开户银行', form).fill(CUSTOMER.bank);
    await field('银行账号', form).fill(CUSTOMER.account);
    await day('合作开始日期', '2021-03-15', form);
    await button('添加联系人', form).click();
    await field('姓名', form).fill(CUSTOMER.contact);
    await field('电话', form).fill('0512-66881234');
    await button('创建客户', form).click();
    // Refused: the dialog stays, the message is under the field.
    await visible(form.getByText('统一社会信用代码校验位不正确'));
    await screenshot('customer-form-bad-code', false);

    await field('统一社会信用代码', form).fill(CUSTOMER.code);
    await visible(form.getByLabel('校验位正确'));
    expect(await form.getByText('统一社会信用代码校验位不正确').count()).toBe(0);
    await screenshot('customer-form-good-code', false);
    await button('创建客户', form).click();
    await closeDialog(form);

    await visible(customerRow(CUSTOMER.name));
    expect(await customerRow(CUSTOMER.name).innerText()).toContain(CUSTOMER.code);
    expect(await customerRow(CUSTOMER.name).innerText()).toContain('待核验');
    expect(await page.getByTestId('customer-total').innerText()).toBe('共 1 位客户');
    await screenshot('customers-one');
  });

  it('asks the purpose every time a file is opened, and does not let the one who entered it confirm it', async () => {
    await customerRow(CUSTOMER.name).click();
    const ask = page.getByTestId('purpose-dialog');
    await visible(ask.getByText('查阅用途'));
    await button('确认并查阅', ask).click();
    await visible(ask.getByText('请选择或填写用途'));
    await ask.getByText('其他…', { exact: true }).click();
    await field('请填写用途', ask).fill('查');
    await button('确认并查阅', ask).click();
    await visible(ask.getByText('请填写用途，至少 2 个字'));
    await ask.getByText('授信审批', { exact: true }).click();
    await screenshot('purpose', false);
    await button('确认并查阅', ask).click();

    await visible(page.getByTestId('customer-name'));
    expect(await page.getByTestId('reading-purpose').innerText()).toContain('授信审批');
    expect(await page.getByTestId('basics').innerText()).toContain('¥5,000,000.00');
    expect(await page.getByTestId('entered-by').innerText()).toContain(MANAGER.displayName);
    expect(await page.getByTestId('verified-by').innerText()).toContain('尚未核验');
    await visible(page.getByTestId('verify-same-user'));
    // The one who entered it cannot confirm it: the button is there, disabled, and says why.
    expect(await page.getByTestId('verify-customer').isDisabled()).toBe(true);
    expect(await page.getByTestId('verify-customer').getAttribute('data-refusal')).toBe('sameUser');
    await screenshot('file-basics-pending');

    await tab('联系人').click();
    await visible(page.getByTestId('contacts').getByText(CUSTOMER.contact));
  });

  it('lets the archivist confirm the key data (双人核验), showing who entered and who confirmed', async () => {
    await logout();
    await login(ARCHIVIST);
    const nav = (await page.locator('[data-testid="main-nav"] a').allInnerTexts()).map((text) => text.trim());
    expect(nav).toEqual(['首页', '客户档案', '风险预警', '审批', '借阅', '我的账户']);
    await openFile(CUSTOMER.name, { type: '档案入库核验' });
    await page.getByTestId('verify-customer').click();
    const confirm = dialog();
    await visible(confirm.getByText('确认核验关键信息'));
    expect(await confirm.innerText()).toContain(CUSTOMER.account);
    await screenshot('verify-confirm', false);
    await page.getByTestId('verify-confirm').click();
    await closeDialog(confirm);
    await visible(page.getByTestId('verification-panel').getByText('已核验'));
    expect(await page.getByTestId('entered-by').innerText()).toContain(MANAGER.displayName);
    expect(await page.getByTestId('verified-by').innerText()).toContain(ARCHIVIST.displayName);
    expect(await page.getByTestId('file-verification-badge').innerText()).toBe('已核验');
    await screenshot('file-verified');
  });

  it('lets the credit manager add a contract, a sale and a payment, with money exact to the fen', async () => {
    await logout();
    await login(MANAGER);
    await openFile(CUSTOMER.name, { choose: '合同签订' });
    expect(await page.getByTestId('customer-code').innerText()).toBe(CUSTOMER.code);

    await tab('合同').click();
    await visible(page.getByText('暂无记录'));
    await page.getByTestId('add-contract').click();
    let form = page.getByTestId('record-form-contract');
    await visible(form.getByText('添加合同').first());
    await field('合同名称', form).fill(CONTRACT_TITLE);
    await field('合同金额（元）', form).fill('1,250,000.555');
    await day('签订日期', daysAgo(60), form);
    await day('开始日期', daysAgo(50), form);
    await day('结束日期', daysAgo(55), form);
    await page.getByTestId('record-form-submit').click();
    await visible(form.getByText('金额最多保留两位小数（到分）'));
    await visible(form.getByText('结束日期不能早于开始日期'));
    await screenshot('contract-form-errors', false);
    await field('合同金额（元）', form).fill('1,250,000.50');
    await day('结束日期', daysAgo(-300), form);
    await page.getByTestId('record-form-submit').click();
    await closeDialog(form);
    const contracts = page.getByTestId('contracts');
    await visible(contracts.getByText(CONTRACT_TITLE));
    expect(await contracts.innerText()).toContain('¥1,250,000.50');
    expect(await contracts.innerText()).toMatch(/[A-Z]+-\d{4}-\d{4}/); // numbered per department
    await screenshot('contracts');

    await tab('交易与付款').click();
    await page.getByTestId('add-transaction').click();
    form = page.getByTestId('record-form-transaction');
    await visible(form.getByText('添加交易').first());
    await field('单据号', form).fill('XS-2026-0301');
    await field('金额（元）', form).fill('86,500.00');
    await field('关联合同', form).click();
    await page.getByRole('option', { name: new RegExp(CONTRACT_TITLE) }).click();
    await day('发生日期', daysAgo(40), form);
    await day('到期日期', daysAgo(10), form);
    await page.getByTestId('record-form-submit').click();
    await closeDialog(form);
    await visible(page.getByTestId('transactions').getByText('¥86,500.00'));

    await page.getByTestId('add-payment').click();
    form = page.getByTestId('record-form-payment');
    await visible(form.getByText('添加付款').first());
    await field('付款金额（元）', form).fill('30000.1');
    await day('付款日期', daysAgo(5), form);
    await field('凭证号', form).fill('SK-2026-0420');
    await page.getByTestId('record-form-submit').click();
    await closeDialog(form);
    await visible(page.getByTestId('payments').getByText('¥30,000.10'));
    await screenshot('trade');

    await tab('信用指标').click();
    await visible(page.getByTestId('figures'));
    // 86,500.00 sold, 30,000.10 paid: 56,499.90 receivable, all of it overdue (due 10 days ago).
    expect(await page.getByTestId('figure-receivable').innerText()).toContain('¥56,499.90');
    expect(await page.getByTestId('figure-overdue').innerText()).toContain('¥56,499.90');
    expect(await page.getByTestId('ageing-buckets').innerText()).toContain('¥56,499.90');
    await screenshot('figures');
  });

  it('adds a qualification, a credit event, feedback and a credit report, removes a feedback note after confirmation and voids a credit event with its reason', async () => {
    await tab('资质').click();
    await page.getByTestId('add-qualification').click();
    let form = page.getByTestId('record-form-qualification');
    await visible(form.getByText('添加资质').first());
    await choose('资质类别', '营业执照', form);
    await field('证书编号', form).fill('913205050001234');
    await field('发证机关', form).fill('苏州市市场监督管理局');
    await day('有效期起', daysAgo(700), form);
    await day('有效期至', daysAgo(-10), form);
    await screenshot('qualification-form', false);
    await page.getByTestId('record-form-submit').click();
    await closeDialog(form);
    const qualifications = page.getByTestId('qualifications');
    await visible(qualifications.getByText('苏州市市场监督管理局'));
    // Expiring within 30 days.
    expect(await qualifications.getByTestId('validity-badge').innerText()).toBe('即将到期');
    await screenshot('qualifications');

    await tab('信用事件').click();
    await page.getByTestId('add-creditEvent').click();
    form = page.getByTestId('record-form-creditEvent');
    await choose('事件类型', '涉诉', form);
    await day('发生日期', daysAgo(20), form);
    await field('事件概要', form).fill('买卖合同纠纷一审立案');
    await field('详细情况', form).fill('原告为供应商，诉请支付货款及违约金。');
    await field('涉及金额（元）', form).fill('120,000');
    await field('信息来源', form).fill('中国裁判文书网');
    await page.getByTestId('record-form-submit').click();
    await closeDialog(form);
    await visible(page.getByTestId('credit-events').getByText('买卖合同纠纷一审立案'));
    expect(await page.getByTestId('credit-events').innerText()).toContain('¥120,000.00');
    await screenshot('credit-events');

    await tab('客户反馈').click();
    await page.getByTestId('add-feedback').click();
    form = page.getByTestId('record-form-feedback');
    await choose('反馈类型', '满意度调查', form);
    await day('日期', daysAgo(3), form);
    await page.getByTestId('record-form-submit').click();
    // A satisfaction survey needs its score.
    await visible(form.getByText('此项为必填项'));
    await choose('满意度评分', '4', form);
    await field('内容', form).fill('交付及时，沟通顺畅。');
    await page.getByTestId('record-form-submit').click();
    await closeDialog(form);
    const feedback = page.getByTestId('feedback');
    await visible(feedback.getByText('交付及时，沟通顺畅。'));
    expect(await feedback.innerText()).toContain('★★★★☆');

    await tab('第三方报告').click();
    await page.getByTestId('add-creditReport').click();
    form = page.getByTestId('record-form-creditReport');
    await field('报告机构', form).fill('中国人民银行征信中心');
    await day('出具日期', daysAgo(30), form);
    await field('评级结果', form).fill('AA');
    await field('摘要', form).fill('无不良信贷记录。');
    await page.getByTestId('record-form-submit').click();
    await closeDialog(form);
    await visible(page.getByTestId('credit-reports').getByText('中国人民银行征信中心'));
    await screenshot('credit-reports');

    // Removing is confirmed first, and then the record is gone.
    await tab('客户反馈').click();
    await feedback.getByRole('button', { name: '删除' }).click();
    const confirm = dialog();
    await visible(confirm.getByText('删除记录'));
    await screenshot('remove-confirm', false);
    await page.getByTestId('confirm-remove').click();
    await visible(feedback.getByText('暂无记录'));

    // A credit event is never removed: it is voided (作废) with a reason, and stays, struck through.
    await tab('信用事件').click();
    const events = page.getByTestId('credit-events');
    expect(await events.getByRole('button', { name: '删除' }).count()).toBe(0);
    await events.getByTestId('void-record').click();
    const voiding = dialog();
    await visible(voiding.getByText('作废记录'));
    await page.getByTestId('confirm-void').click();
    await visible(voiding.getByText('请填写作废原因。'));
    await page.getByTestId('void-reason').fill('登记错客户，该诉讼属于另一家同名企业');
    expect(await voiding.getByText('请填写作废原因。').count()).toBe(0);
    await screenshot('void-dialog', false);
    await page.getByTestId('confirm-void').click();
    await closeDialog(voiding);
    const note = events.getByTestId('void-note');
    await visible(note);
    expect(await note.innerText()).toMatch(/^已作废：.+，\d{4}-\d{2}-\d{2} \d{2}:\d{2}，原因：登记错客户，该诉讼属于另一家同名企业$/);
    // The row stays in the file, struck through, and can no longer be voided.
    expect(await events.getByText('买卖合同纠纷一审立案').isVisible()).toBe(true);
    expect(await events.locator('tr[data-voided="true"] td').first().getAttribute('style')).toContain('line-through');
    expect(await events.getByTestId('void-record').count()).toBe(0);
    expect(await events.getByText('已作废', { exact: true }).isVisible()).toBe(true);
    await screenshot('credit-event-voided');
  });

  it('adds a PDF and shows it inside the app under a watermark of the reader and the time', async () => {
    await tab('档案材料').click();
    await visible(page.getByText('暂无档案材料'));
    await page.getByTestId('add-document').click();
    const form = page.getByTestId('document-form');
    await visible(form.getByText('登记档案材料'));
    await field('题名', form).fill('2026 年度客户信用审批表');
    await choose('材料类别', '客户信用审批表', form);
    await form.locator('input[type="file"]').setInputFiles({ name: '信用审批表.pdf', mimeType: 'application/pdf', buffer: makePdf(PDF_SECRET) });
    await field('柜', form).fill('A3');
    await field('架', form).fill('2');
    await field('盒', form).fill('17');
    await screenshot('document-form', false);
    await page.getByTestId('document-form-submit').click();
    await closeDialog(form);
    const table = page.getByTestId('documents-table');
    await visible(table.getByText('2026 年度客户信用审批表'));
    expect(await table.innerText()).toContain('信用审批表.pdf');
    expect(await table.innerText()).toContain('A3 柜 / 2 架 / 17 盒');
    await screenshot('documents');

    await page.getByTestId('open-document').click();
    const ask = page.getByTestId('purpose-dialog');
    await visible(ask.getByText('查阅对象：2026 年度客户信用审批表'));
    await ask.getByText('信用评审', { exact: true }).click();
    await button('确认并查阅', ask).click();
    const viewer = page.getByTestId('document-viewer');
    await visible(viewer.getByTestId('pdf-rendered'));
    const watermark = viewer.getByTestId('watermark');
    const mark = (await watermark.getAttribute('aria-label')) ?? '';
    expect(mark).toMatch(new RegExp(`^${MANAGER.displayName} \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2} 查阅$`));
    // The watermark is drawn over the page, many times.
    expect(await watermark.getByText(mark).count()).toBeGreaterThan(4);
    // pdf.js drew the page: the canvas holds dark pixels (the text).
    const inked = await viewer.locator('canvas[data-page="1"]').evaluate((element) => {
      type Canvas = { width: number; height: number; getContext(kind: '2d'): { getImageData(x: number, y: number, w: number, h: number): { data: ArrayLike<number> } } };
      const canvas = element as unknown as Canvas;
      const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
      let dark = 0;
      for (let i = 0; i < data.length; i += 4) if (data[i]! < 100 && data[i + 3]! > 200) dark += 1;
      return dark;
    });
    expect(inked).toBeGreaterThan(200);
    await screenshot('document-viewer', false);
    await viewer.getByRole('button', { name: '关闭' }).click();
    await viewer.waitFor({ state: 'hidden', timeout: WAIT });
  });

  it('imports 50 customers from an XLSX: one bad row writes nothing and is named; fixed, all 50 are written', async () => {
    await page.getByRole('link', { name: '数据导入' }).click();
    await visible(page.getByRole('heading', { name: '数据导入' }));
    const download = page.waitForEvent('download');
    await page.getByTestId('template-xlsx').click();
    expect((await download).suggestedFilename()).toMatch(/\.xlsx$/);
    await screenshot('import');

    const input = page.locator('input[type="file"]');
    await input.setInputFiles({ name: '客户导入.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: await makeXlsx(true) });
    const problems = page.getByTestId('import-problems');
    await visible(problems);
    expect(await page.getByTestId('import-rows').innerText()).toBe('50');
    expect(await page.getByTestId('import-problem-count').innerText()).toBe('1');
    const bad = problems.locator(`[data-row="${BAD_INDEX + 2}"]`);
    await visible(bad);
    expect(await bad.innerText()).toContain('统一社会信用代码校验位不正确');
    expect(await bad.innerText()).toContain(badCheck(IMPORTED[BAD_INDEX]!.code));
    expect(await page.getByTestId('import-problems-alert').innerText()).toContain('所有数据均未写入');
    expect(await page.getByTestId('import-run').isDisabled()).toBe(true);
    await screenshot('import-problems');

    // Nothing of the file is in the archive.
    await page.getByRole('link', { name: '客户档案' }).click();
    await visible(customerRow(CUSTOMER.name));
    expect(await page.getByTestId('customer-total').innerText()).toBe('共 1 位客户');

    await page.getByRole('link', { name: '数据导入' }).click();
    await page
      .locator('input[type="file"]')
      .setInputFiles({ name: '客户导入（已修正）.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: await makeXlsx(false) });
    await visible(page.getByTestId('import-ready'));
    expect(await page.getByTestId('import-ready').innerText()).toContain('检查通过：50 行数据可以导入');
    await screenshot('import-ready');
    await page.getByTestId('import-run').click();
    await visible(page.getByTestId('import-done'));
    expect(await page.getByTestId('import-done').innerText()).toContain('已导入 50 行');
    await screenshot('import-done');
  });

  it('finds a customer by two characters of its Chinese name, among all 51', async () => {
    await page.getByRole('link', { name: '客户档案' }).click();
    await total('共 51 位客户');
    await visible(page.getByTestId('customer-row'));
    // In pinyin order, as a Chinese reader expects: 杭州 (hang) first, not by code point.
    const shown = await page.getByTestId('customer-row').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-name') ?? ''));
    expect(shown[0]).toMatch(/^杭州/);
    expect(shown).toEqual([...shown].sort(new Intl.Collator('zh-CN').compare));
    await screenshot('customers-list');

    await page.getByTestId('customer-search').fill(FRAGMENT);
    await total('找到 1 位客户');
    await visible(customerRow('舟山翠微海洋渔业有限公司'));
    expect(await page.getByTestId('customer-row').count()).toBe(1);
    expect(await customerRow('舟山翠微海洋渔业有限公司').getByTestId('search-match').innerText()).toBe('名称匹配');
    await screenshot('customers-search');

    // A search says which field matched: here a contact's name.
    await page.getByTestId('customer-search').fill('联系人37');
    // The count reads the same as before: wait for the new result's badge.
    await visible(customerRow('舟山翠微海洋渔业有限公司').locator('[data-testid="search-match"][data-matched="contact"]'));
    await total('找到 1 位客户');
    expect(await customerRow('舟山翠微海洋渔业有限公司').getByTestId('search-match').innerText()).toBe('联系人匹配');
    await screenshot('customers-search-contact');

    await page.getByTestId('customer-search').fill('宁波');
    await total('找到 5 位客户');

    // Filters: the one verified customer.
    await page.getByTestId('customer-search').fill('');
    await choose('核验状态', '已核验');
    await total('找到 1 位客户');
    await visible(customerRow(CUSTOMER.name));
    await screenshot('customers-filtered');
  });

  it('reads in English too', async () => {
    await page.getByText('English').filter({ visible: true }).click();
    await openFileEnglish();
    await screenshot('file-en');
    await tab('Figures').click();
    await visible(page.getByTestId('figures'));
    expect(await page.getByTestId('figure-receivable').innerText()).toContain('¥56,499.90');
    await screenshot('figures-en');
    await page.getByRole('link', { name: 'Data import' }).click();
    await visible(page.getByRole('heading', { name: 'Data import' }));
    await screenshot('import-en');
    await page.getByText('简体中文').filter({ visible: true }).click();
    await visible(page.getByRole('link', { name: '客户档案' }));

    async function openFileEnglish() {
      await page.getByRole('link', { name: 'Customer files' }).click();
      await page.getByTestId('customer-search').fill(CUSTOMER.name);
      await visible(customerRow(CUSTOMER.name));
      await customerRow(CUSTOMER.name).click();
      const ask = page.getByTestId('purpose-dialog');
      await visible(ask.getByText('Purpose of reading'));
      await ask.getByText('Audit', { exact: true }).click();
      await button('Confirm and read', ask).click();
      await visible(page.getByTestId('customer-name'));
    }
  });

  it('asks for a new verification when the key data changes', async () => {
    await openFile(CUSTOMER.name, { choose: '信用评审' });
    expect(await page.getByTestId('file-verification-badge').innerText()).toBe('已核验');
    await page.getByTestId('edit-basics').click();
    const form = dialog();
    await visible(form.getByText(`编辑客户：${CUSTOMER.name}`));
    await field('地址', form).fill('江苏省苏州市高新区珠江路 88 号');
    await field('银行账号', form).fill('32250198863600009999');
    await screenshot('customer-edit', false);
    await page.getByTestId('customer-form-submit').click();
    await closeDialog(form);
    await visible(page.getByText('已保存。关键信息有变动，需要重新核验。'));
    await visible(page.getByTestId('file-verification-badge').getByText('待核验'));
    expect(await page.getByTestId('basics').innerText()).toContain('32250198863600009999');
    expect(await page.getByTestId('verified-by').innerText()).toContain('尚未核验');
  });

  it('raised no error in the page', () => {
    expect(consoleErrors).toEqual([]);
  });

  it('leaves no customer name, credit code or PDF text in clear in any file of the archive', async () => {
    await context.close();
    await browser.close();
    await e2e.closeHost();

    const secrets = [
      CUSTOMER.name,
      CUSTOMER.code,
      CUSTOMER.account,
      CUSTOMER.contact,
      CONTRACT_TITLE,
      PDF_SECRET,
      ...IMPORTED.flatMap((customer) => [customer.name, customer.code]),
    ];
    // The detector works: the same texts written in clear are found.
    const probe = mkdtempSync(join(tmpdir(), 'credit-archive-probe-'));
    try {
      writeFileSync(join(probe, 'utf8.txt'), Buffer.from(`…${CUSTOMER.name}…`, 'utf8'));
      writeFileSync(join(probe, 'utf16.txt'), Buffer.from(`…${PDF_SECRET}…`, 'utf16le'));
      expect(clearTextIn(probe, [CUSTOMER.name, PDF_SECRET]).sort()).toEqual([`utf16.txt: ${PDF_SECRET} (utf16le)`, `utf8.txt: ${CUSTOMER.name} (utf8)`]);
    } finally {
      rmSync(probe, { recursive: true, force: true });
    }

    expect(filesIn(dir).length).toBeGreaterThan(0);
    expect(clearTextIn(dir, secrets)).toEqual([]);
  });
});
