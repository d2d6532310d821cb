import ExcelJS from 'exceljs';
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { contract, type ImportProblem } from '../../src/shared/contract';
import { EXAMPLE_CREDIT_CODE, IMPORT_COLUMNS } from '../../src/main/services/imports/kinds';
import { decodeCsv, readCsv } from '../../src/main/services/imports/files';
import { schemaMaxLength } from '../../src/shared/contract/schemas';
import { parseDay, parseFen } from '../../src/main/services/imports/values';
import { IMPORT_KINDS } from '../../src/shared/domain/customers';
import { addUser, allAudit, creditAuditor, freshArchive, useTempDirs } from './helpers';
import {
  companyName,
  countRows,
  creditCode,
  csvBase64,
  csvText,
  customerRows,
  gbk,
  readArchive,
  withWrongCheck,
  xlsxBase64,
  type Table,
} from './import-files';

const temp = useTempDirs();

describe('reading values', () => {
  it('turns yuan into exact fen, never through floating point', () => {
    const fen = (v: string | number) => parseFen(v);
    expect(fen('0.07')).toEqual({ ok: true, value: 7 });
    expect(fen('1,234.50')).toEqual({ ok: true, value: 123450 });
    expect(fen('12,345.67')).toEqual({ ok: true, value: 1234567 });
    expect(fen('¥12345.6')).toEqual({ ok: true, value: 1234560 });
    expect(fen('￥１２３.４５')).toEqual({ ok: true, value: 12345 });
    expect(fen('RMB 100元')).toEqual({ ok: true, value: 10000 });
    expect(fen('0.10')).toEqual({ ok: true, value: 10 });
    expect(fen('1.100')).toEqual({ ok: true, value: 110 });
    // 0.1 + 0.2 in floating point is 0.30000000000000004: a cell computed so still reads as 30 fen.
    expect(fen(0.1 + 0.2)).toEqual({ ok: true, value: 30 });
    expect(fen(1234.5)).toEqual({ ok: true, value: 123450 });
    expect(fen('9999999999999.99')).toEqual({ ok: true, value: 999999999999999 });
    expect(fen('-5')).toEqual({ ok: false, code: 'amount.negative' });
    expect(fen('(1,000.00)')).toEqual({ ok: false, code: 'amount.negative' });
    expect(fen(-0.01)).toEqual({ ok: false, code: 'amount.negative' });
    expect(fen('1.234')).toEqual({ ok: false, code: 'amount.decimals' });
    expect(fen('12,34.5')).toEqual({ ok: false, code: 'amount.invalid' });
    expect(fen('一百元')).toEqual({ ok: false, code: 'amount.invalid' });
    expect(fen('1e5')).toEqual({ ok: false, code: 'amount.invalid' });
    expect(fen('100000000000000')).toEqual({ ok: false, code: 'amount.tooLarge' });
    expect(fen('  ')).toBeNull();
  });

  it('reads days in the habits of Chinese finance exports and as Excel dates', () => {
    const day = (v: string | number | Date) => parseDay(v);
    for (const text of ['2026-03-05', '2026/3/5', '2026.3.5', '2026年3月5日', '2026年03月05日', '20260305', '2026-03-05 14:30:00', '２０２６－０３－０５']) {
      expect(day(text), text).toEqual({ ok: true, value: '2026-03-05' });
    }
    expect(day(new Date(Date.UTC(2026, 2, 5)))).toEqual({ ok: true, value: '2026-03-05' });
    expect(day(46086)).toEqual({ ok: true, value: '2026-03-05' }); // Excel serial
    for (const bad of ['2026-02-30', '2026-13-01', '05/03/2026', '昨天', '2026-3', '1899-12-31']) {
      expect(day(bad), bad).toEqual({ ok: false, code: 'date.invalid' });
    }
  });

  it('reads a long CSV in slices exactly as one parse would, quoted line breaks across slices included', async () => {
    const rows: string[][] = [['客户名称', '金额(元)', '备注']];
    for (let i = 0; i < 40_000; i++) rows.push([`公司${i}`, `${i}.5`, i % 7 === 0 ? `多行\r\n备注 "引号", ${i}` : `普通${i}`]);
    const sheet = readCsv(Buffer.from(csvText(rows), 'utf8'), (text) => text === '客户名称');
    expect(sheet.header).toEqual(rows[0]);
    const read: { n: number; cells: unknown[] }[] = [];
    let slices = 0;
    for await (const slice of sheet.slices()) {
      read.push(...slice);
      slices++;
    }
    expect(slices).toBeGreaterThan(2);
    expect(read.map((r) => r.cells)).toEqual(rows.slice(1));
    expect(read.map((r) => r.n)).toEqual(rows.slice(1).map((_, i) => i + 2));
    expect(sheet.problems).toEqual([]);
  });

  it('decodes UTF-8 with and without BOM, and GB18030/GBK', () => {
    const text = '客户名称,金额\r\n杭州恒达机械有限公司,1\r\n';
    expect(decodeCsv(Buffer.from(text, 'utf8'))).toBe(text);
    expect(decodeCsv(Buffer.from('\ufeff' + text, 'utf8'))).toBe(text);
    expect(decodeCsv(gbk(text))).toBe(text);
  });
});

async function setUp() {
  const t = await freshArchive(temp);
  const { session, user } = await addUser(t, t.admin, {
    username: 'li.credit',
    displayName: '李信',
    password: 'Credit-Manager-2026',
    roles: ['credit_manager'],
  });
  return Object.assign(t, { session, userId: user.id });
}

type Setup = Awaited<ReturnType<typeof setUp>>;

function file(kind: (typeof IMPORT_KINDS)[number], format: 'csv' | 'xlsx', contentBase64: string, fileName = `${kind}.${format}`) {
  return { kind, format, fileName, contentBase64 };
}

async function run(t: Setup, f: ReturnType<typeof file>): Promise<number> {
  return (await t.ok(t.session, 'imports.run', { ...f, jobId: randomUUID() })).written;
}

async function refused(t: Setup, f: ReturnType<typeof file>): Promise<{ problems: ImportProblem[]; moreProblems: number }> {
  const error = await t.fail(t.session, 'imports.run', { ...f, jobId: randomUUID() });
  expect(error.code).toBe('VALIDATION');
  return error.details as { problems: ImportProblem[]; moreProblems: number };
}

const lastSeq = async (t: Setup) => (await t.ok(t.admin, 'audit.list', { limit: 1 })).entries[0]!.seq;

describe('imports.template', () => {
  it('gives each kind in CSV (UTF-8 with BOM) and XLSX (with column widths); each template imports as it is', async () => {
    const t = await setUp();
    for (const kind of IMPORT_KINDS) {
      const headers = IMPORT_COLUMNS[kind].map((c) => c.header);
      const csv = await t.ok(t.session, 'imports.template', { kind, format: 'csv' });
      const bytes = Buffer.from(csv.contentBase64, 'base64');
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      expect(csv.fileName).toMatch(/\.csv$/);
      expect(bytes.toString('utf8').slice(1).split('\r\n')[0]).toBe(headers.map((h) => `"${h}"`).join(','));

      const xlsx = await t.ok(t.session, 'imports.template', { kind, format: 'xlsx' });
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(Buffer.from(xlsx.contentBase64, 'base64') as unknown as ArrayBuffer);
      const sheet = workbook.worksheets[0]!;
      expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(headers);
      expect(sheet.rowCount).toBe(2);
      headers.forEach((_, i) => expect(sheet.getColumn(i + 1).width).toBeGreaterThanOrEqual(10));

      // The example row is valid: each kind's example refers to the one before it.
      for (const [format, content] of [
        ['xlsx', xlsx.contentBase64],
        ['csv', csv.contentBase64],
      ] as const) {
        const preview = await t.ok(t.session, 'imports.preview', file(kind, format, content));
        expect(preview.problems, `${kind} ${format}`).toEqual([]);
        expect(preview.rows).toBe(1);
        expect(preview.columns).toEqual(headers);
      }
      expect(await run(t, file(kind, 'xlsx', xlsx.contentBase64))).toBe(1);
    }
    expect(
      await readArchive(t, (db) => db.selectFrom('customers').select(['credit_code', 'registered_capital_fen']).execute()),
    ).toEqual([{ credit_code: EXAMPLE_CREDIT_CODE, registered_capital_fen: 500_000_000 }]);
  });
});

describe('imports of customers', () => {
  for (const format of ['csv', 'xlsx'] as const) {
    it(`a ${format.toUpperCase()} of 50 customers with one bad check character: previewed, refused whole, then written when fixed and found by search`, async () => {
      const t = await setUp();
      const auditor = await creditAuditor(t, t.admin); // before the steps: its own entries come first
      const rows = customerRows(50);
      const good = rows[17]![2] as string;
      rows[17]![2] = withWrongCheck(good); // the 17th customer: row 18 of the file
      if (format === 'xlsx') {
        // As a spreadsheet holds them: capital as a number, a start date as a date.
        rows[6]![3] = 1234567.8;
        rows[6]![4] = new Date(Date.UTC(2020, 0, 31));
      }
      const content = format === 'csv' ? csvBase64(rows) : await xlsxBase64(rows);

      const seqBefore = await lastSeq(t);
      const preview = await t.ok(t.session, 'imports.preview', file('customers', format, content));
      expect(preview.rows).toBe(50);
      expect(preview.problems).toEqual([{ row: 18, column: '统一社会信用代码', code: 'creditCode.checkCharacter', value: withWrongCheck(good) }]);
      expect(preview.moreProblems).toBe(0);
      expect(preview.columns).toEqual(rows[0]);
      expect(preview.sample).toHaveLength(20);
      expect(preview.sample[0]![0]).toBe(companyName(0));
      // A preview writes nothing and is not on record.
      expect(await lastSeq(t)).toBe(seqBefore);

      const details = await refused(t, file('customers', format, content));
      expect(details.problems).toEqual(preview.problems);
      expect(await countRows(t, 'customers')).toBe(0);
      expect(await countRows(t, 'search_grams')).toBe(0);
      expect(await lastSeq(t)).toBe(seqBefore);

      rows[17]![2] = good;
      const fixed = format === 'csv' ? csvBase64(rows) : await xlsxBase64(rows);
      expect(await run(t, file('customers', format, fixed, `客户导入.${format}`))).toBe(50);
      expect(await countRows(t, 'customers')).toBe(50);
      expect(await countRows(t, 'customer_contacts')).toBe(50);

      const audit = (await allAudit(t, auditor)).filter((e) => e.action === 'imports.run');
      expect(audit).toHaveLength(1);
      expect(audit[0]!.details).toMatchObject({ kind: 'customers', fileName: `客户导入.${format}`, rows: 50 });
      const importId = (audit[0]!.details as { importId: string }).importId;
      expect(importId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7/);

      const stored = await readArchive(t, (db) =>
        db.selectFrom('customers').select(['name', 'verification', 'entered_by', 'registered_capital_fen', 'cooperation_start']).orderBy('name').execute(),
      );
      expect(new Set(stored.map((c) => c.verification))).toEqual(new Set(['pending']));
      expect(new Set(stored.map((c) => c.entered_by))).toEqual(new Set([t.userId]));
      const sixth = stored.find((c) => c.name === companyName(5))!;
      expect(sixth.registered_capital_fen).toBe(format === 'xlsx' ? 123456780 : 6000050);
      expect(sixth.cooperation_start).toBe(format === 'xlsx' ? '2020-01-31' : '2021-03-15');

      // Found by two characters from the middle of a Chinese name.
      const name = companyName(23); // 温州华联纺织有限公司
      const found = await t.ok(t.session, 'customers.search', { text: name.slice(2, 4) });
      expect(found.rows.map((r) => r.name)).toContain(name);
      expect(found.rows.every((r) => r.name.includes(name.slice(2, 4)))).toBe(true);
      expect((await t.ok(t.session, 'customers.search', { text: '联系人23' })).rows.map((r) => r.name)).toEqual([name]);

      // The same file again: every row is already in the archive.
      const again = await refused(t, file('customers', format, fixed));
      expect(again.problems).toHaveLength(50);
      expect(new Set(again.problems.map((p) => p.code))).toEqual(new Set(['duplicate.inArchive']));
      expect(await countRows(t, 'customers')).toBe(50);
    });
  }

  it('reports every kind of problem of a row, by row and column, as the form would', async () => {
    const t = await setUp();
    const header = ['客户名称', '客户类型', '统一社会信用代码', '身份证号', '企业性质', '注册资本(元)', '服务类型', '合作开始日期', '所属部门', '密级', '财务联系人', '财务联系电话', '电子邮箱'];
    const rows: Table = [
      header,
      ['甲公司', '企业', creditCode(1), '', '民营企业', '100', '销售类', '2020-01-01', '业务部门', '普通', '张三', '0571-1', 'a@b.cn'],
      ['', '企业', creditCode(2), '', '', '', '', '', '', '', '', '', ''], // row 3: no name
      ['丙公司', '企业', creditCode(1), '', '', '', '', '', '', '', '', '', ''], // row 4: same code as row 2
      ['丁公司', '合伙', creditCode(4), '', '股份', '-1', '咨询', '2020-02-30', '不存在的部门', '绝密', '', '0571-2', 'not-an-email'], // row 5
      ['戊', '个人', '', '110101199003071234', '', '', '', '', '', '', '', '', ''], // row 6: bad ID check
      ['己公司', '企业', '', '', '', '', '', '', '', '', '', '', ''], // row 7: no code
      ['庚公司', '企业', 'ABC', '', '', '', '', '', '计划财务部', '', '', '', ''], // row 8: bad code
    ];
    const { problems } = await t.ok(t.session, 'imports.preview', file('customers', 'csv', csvBase64(rows)));
    const by = (row: number) => problems.filter((p) => p.row === row).map((p) => `${p.column}:${p.code}`).sort();
    expect(by(2)).toEqual([]);
    expect(by(3)).toEqual(['客户名称:required']);
    expect(by(4)).toEqual(['统一社会信用代码:duplicate.inFile']);
    expect(by(5)).toEqual(
      [
        '客户类型:customerKind.invalid',
        '企业性质:enterpriseNature.invalid',
        '注册资本(元):amount.negative',
        '服务类型:serviceType.invalid',
        '合作开始日期:date.invalid',
        '所属部门:department.unknown',
        '密级:confidentiality.invalid',
        '财务联系电话:contact.nameRequired',
        '电子邮箱:contact.nameRequired',
      ].sort(),
    );
    expect(by(6)).toEqual(['身份证号:idNumber.checkCharacter']);
    expect(by(7)).toEqual(['统一社会信用代码:creditCode.required']);
    expect(by(8)).toEqual(['统一社会信用代码:creditCode.length']);
    expect(problems.find((p) => p.row === 5 && p.code === 'amount.negative')!.value).toBe('-1');
  });

  it('a header without a required column is a problem of row 1; a file of no such kind is refused as unreadable', async () => {
    const t = await setUp();
    const noName = await t.ok(t.session, 'imports.preview', file('customers', 'csv', csvBase64([['统一社会信用代码'], [creditCode(1)]])));
    expect(noName.problems).toContainEqual({ row: 1, column: '客户名称', code: 'column.missing', value: null });

    const english = await t.ok(
      t.session,
      'imports.preview',
      file('customers', 'csv', csvBase64([[' Customer Name ', 'Credit Code', 'Department'], ['英文表头公司', creditCode(9), 'business']])),
    );
    expect(english.problems).toEqual([]);

    const stranger = await t.fail(t.session, 'imports.preview', file('customers', 'csv', csvBase64([['颜色', '尺寸'], ['红', 'L']])));
    expect(stranger.code).toBe('VALIDATION');
    const notXlsx = await t.fail(t.session, 'imports.preview', file('customers', 'xlsx', csvBase64(customerRows(2))));
    expect(notXlsx.code).toBe('VALIDATION');
    expect(notXlsx.details).toEqual([{ path: ['contentBase64'], code: 'custom', message: 'import.unreadable' }]);
  });

  it('lists the first 200 problems and counts the rest; a quote never closed is a problem of its row', async () => {
    const t = await setUp();
    const rows = customerRows(250);
    for (const r of rows.slice(1)) r[2] = withWrongCheck(r[2] as string);
    const many = await t.ok(t.session, 'imports.preview', file('customers', 'csv', csvBase64(rows)));
    expect(many.rows).toBe(250);
    expect(many.problems).toHaveLength(200);
    expect(many.moreProblems).toBe(50);
    expect(many.problems[0]).toMatchObject({ row: 2, code: 'creditCode.checkCharacter' });
    expect(many.problems[199]).toMatchObject({ row: 201 });
    const refusal = await refused(t, file('customers', 'csv', csvBase64(rows)));
    expect(refusal.problems).toHaveLength(200);
    expect(refusal.moreProblems).toBe(50);

    const broken = `客户名称,统一社会信用代码\r\n甲公司,${creditCode(1)}\r\n"乙公司,${creditCode(2)}\r\n丙公司,${creditCode(3)}\r\n`;
    const preview = await t.ok(t.session, 'imports.preview', file('customers', 'csv', Buffer.from(broken).toString('base64')));
    expect(preview.problems).toContainEqual({ row: 3, column: null, code: 'file.quotes', value: null });
    await refused(t, file('customers', 'csv', Buffer.from(broken).toString('base64')));
    expect(await countRows(t, 'customers')).toBe(0);
  });

  it('reads a GBK-encoded CSV as finance systems export it', async () => {
    const t = await setUp();
    const rows = customerRows(5, 100);
    const content = gbk(csvText(rows, false)).toString('base64');
    expect(Buffer.from(content, 'base64').includes(Buffer.from(companyName(100), 'utf8'))).toBe(false);
    const preview = await t.ok(t.session, 'imports.preview', file('customers', 'csv', content));
    expect(preview.problems).toEqual([]);
    expect(preview.sample[0]![0]).toBe(companyName(100));
    expect(await run(t, file('customers', 'csv', content))).toBe(5);
    const names = await readArchive(t, (db) => db.selectFrom('customers').select('name').orderBy('name').execute());
    expect(names.map((n) => n.name).sort()).toEqual(rows.slice(1).map((r) => r[0]).sort());
  });

  it("imports hostile cells as plain text, and search finds them exactly: '; DROP TABLE and %_\\", async () => {
    const t = await setUp();
    const hostile = ["'; DROP TABLE customers; --", '%_\\', 'Robert"); DELETE FROM audit_log; --'];
    const rows: Table = [['客户名称', '统一社会信用代码', '地址']];
    hostile.forEach((name, i) => rows.push([name, creditCode(700 + i), name]));
    rows.push(['普通的公司', creditCode(710), '100%_完成']);
    expect(await run(t, file('customers', 'csv', csvBase64(rows)))).toBe(4);
    const stored = await readArchive(t, (db) => db.selectFrom('customers').select(['name', 'address']).execute());
    for (const name of hostile) expect(stored).toContainEqual({ name, address: name });

    const drop = await t.ok(t.session, 'customers.search', { text: "'; DROP TABLE" });
    expect(drop.rows.map((r) => r.name)).toEqual([hostile[0]]);
    const wild = await t.ok(t.session, 'customers.search', { text: '%_\\' });
    expect(wild.rows.map((r) => r.name)).toEqual([hostile[1]]);
    expect(await countRows(t, 'customers')).toBe(4);
    expect(await t.ok(t.admin, 'audit.verify', {})).toMatchObject({ ok: true });
  });
});

describe('imports of contracts, transactions and payments', () => {
  async function withCustomers(t: Setup, n = 3): Promise<string[]> {
    expect(await run(t, file('customers', 'csv', csvBase64(customerRows(n))))).toBe(n);
    return Array.from({ length: n }, (_, i) => creditCode(i));
  }

  it('finds the customer by credit code (or name), and reports unknown customers, bad amounts and dates, and duplicates', async () => {
    const t = await setUp();
    const [a, b] = (await withCustomers(t)) as [string, string];
    const header = ['合同编号', '统一社会信用代码', '客户名称', '合同名称', '合同金额(元)', '签订日期', '开始日期', '结束日期', '状态', '所属部门'];
    const contracts: Table = [
      header,
      ['HT-001', a, '', '设备采购合同', '1,250,000.00', '2026/1/15', '2026-02-01', '2026-12-31', '执行中', ''],
      ['HT-002', '', companyName(1), '维保服务合同', '0', '2026年2月1日', '', '', '已完成', '营销中心'],
      ['HT-003', creditCode(999), '', '未知客户', '10', '2026-01-01', '', '', '', ''], // row 4
      ['HT-004', withWrongCheck(b), '', '校验码错', '10', '2026-01-01', '', '', '', ''], // row 5
      ['HT-005', a, '', '金额为负', '-100.00', '2026-01-01', '', '', '', ''], // row 6
      ['HT-006', a, '', '日期不对', '100', '2026-02-30', '2026-03-01', '2026-02-01', '', ''], // row 7
      ['HT-001', b, '', '重复编号', '100', '2026-01-01', '', '', '', ''], // row 8
      ['HT-008', '', '不存在的公司', '名称不对', '100', '2026-01-01', '', '', '作废', '无此部门'], // row 9
    ];
    const preview = await t.ok(t.session, 'imports.preview', file('contracts', 'csv', csvBase64(contracts)));
    expect(preview.problems.map((p) => [p.row, p.column, p.code])).toEqual([
      [4, '统一社会信用代码', 'customer.unknown'],
      [5, '统一社会信用代码', 'creditCode.checkCharacter'],
      [6, '合同金额(元)', 'amount.negative'],
      [7, '签订日期', 'date.invalid'],
      [7, '结束日期', 'date.order'],
      [8, '合同编号', 'duplicate.inFile'],
      [9, '客户名称', 'customer.unknown'],
      [9, '状态', 'contractStatus.invalid'],
      [9, '所属部门', 'department.unknown'],
    ]);
    await refused(t, file('contracts', 'csv', csvBase64(contracts)));
    expect(await countRows(t, 'contracts')).toBe(0);

    expect(await run(t, file('contracts', 'csv', csvBase64(contracts.slice(0, 3))))).toBe(2);
    const stored = await readArchive(t, (db) =>
      db
        .selectFrom('contracts')
        .innerJoin('departments', 'departments.id', 'contracts.department_id')
        .select(['contract_no', 'amount_fen', 'signed_on', 'status', 'departments.code as department', 'import_id'])
        .orderBy('contract_no')
        .execute(),
    );
    expect(stored.map(({ import_id: _i, ...c }) => c)).toEqual([
      { contract_no: 'HT-001', amount_fen: 125000000, signed_on: '2026-01-15', status: 'active', department: 'business' },
      { contract_no: 'HT-002', amount_fen: 0, signed_on: '2026-02-01', status: 'completed', department: 'marketing' },
    ]);
    expect(stored[0]!.import_id).toMatch(/^[0-9a-f-]{36}$/);
    expect(stored[0]!.import_id).toBe(stored[1]!.import_id);

    const again = await refused(t, file('contracts', 'xlsx', await xlsxBase64(contracts.slice(0, 2))));
    expect(again.problems).toEqual([{ row: 2, column: '合同编号', code: 'duplicate.inArchive', value: 'HT-001' }]);
  });

  it('transactions: exact fen, contracts of the right customer, dates in order, document numbers once', async () => {
    const t = await setUp();
    const [a, b] = (await withCustomers(t)) as [string, string];
    await run(t, file('contracts', 'csv', csvBase64([['合同编号', '统一社会信用代码', '合同名称', '合同金额(元)', '签订日期'], ['HT-A', a, '甲合同', '100', '2026-01-01'], ['HT-B', b, '乙合同', '100', '2026-01-01']])));
    const header = ['统一社会信用代码', '单据号', '类型', '金额(元)', '发生日期', '到期日期', '合同编号'];
    const tx: Table = [
      header,
      [a, 'XS-1', '销售', '0.07', '2026-03-01', '2026-04-30', 'HT-A'],
      [a, 'XS-2', '销售', '1,234.50', '2026/3/5', '', ''],
      [b, 'TH-1', '退货', '¥12345.6', '2026年3月6日', '', 'HT-B'],
      [b, 'XS-1', '销售', '50', '2026-03-07', '2026-04-07', ''], // same number, other customer: fine
    ];
    const bad: Table = [
      header,
      [a, 'XS-9', '销售', '-5', '2026-03-01', '', ''], // row 2
      [a, 'XS-10', '销售', '100', '2026-03-32', '', ''], // row 3
      [a, 'XS-11', '销售', '0', '2026-03-01', '2026-02-01', ''], // row 4
      [a, 'XS-12', '赠送', '1.005', '2026-03-01', '', 'HT-B'], // row 5
      [a, 'XS-13', '销售', '100', '2026-03-01', '', 'HT-X'], // row 6
      [creditCode(555), 'XS-14', '销售', '100', '2026-03-01', '', ''], // row 7
      [a, 'XS-15', '销售', '100', '2026-03-01', '', ''],
      [a, 'XS-15', '销售', '100', '2026-03-02', '', ''], // row 9
      ['', 'XS-16', '', '', '', '', ''], // row 10
    ];
    const preview = await t.ok(t.session, 'imports.preview', file('transactions', 'csv', csvBase64(bad)));
    expect(preview.problems.map((p) => [p.row, p.column, p.code])).toEqual([
      [2, '金额(元)', 'amount.negative'],
      [3, '发生日期', 'date.invalid'],
      [4, '金额(元)', 'amount.zero'],
      [4, '到期日期', 'date.order'],
      [5, '类型', 'transactionKind.invalid'],
      [5, '金额(元)', 'amount.decimals'],
      [5, '合同编号', 'contract.otherCustomer'],
      [6, '合同编号', 'contract.unknown'],
      [7, '统一社会信用代码', 'customer.unknown'],
      [9, '单据号', 'duplicate.inFile'],
      [10, '统一社会信用代码', 'required'],
      [10, '类型', 'required'],
      [10, '金额(元)', 'required'],
      [10, '发生日期', 'required'],
    ]);

    expect(await run(t, file('transactions', 'xlsx', await xlsxBase64(tx)))).toBe(4);
    const stored = await readArchive(t, (db) =>
      db.selectFrom('transactions').select(['doc_no', 'kind', 'amount_fen', 'occurred_on', 'due_on', 'contract_id']).orderBy('occurred_on').execute(),
    );
    expect(stored.map((s) => [s.doc_no, s.kind, s.amount_fen, s.occurred_on, s.due_on, s.contract_id !== null])).toEqual([
      ['XS-1', 'sale', 7, '2026-03-01', '2026-04-30', true],
      ['XS-2', 'sale', 123450, '2026-03-05', null, false],
      ['TH-1', 'return', 1234560, '2026-03-06', null, true],
      ['XS-1', 'sale', 5000, '2026-03-07', '2026-04-07', false],
    ]);
    const again = await refused(t, file('transactions', 'csv', csvBase64(tx.slice(0, 3))));
    expect(again.problems.map((p) => [p.row, p.code, p.value])).toEqual([
      [2, 'duplicate.inArchive', 'XS-1'],
      [3, 'duplicate.inArchive', 'XS-2'],
    ]);
    expect(await countRows(t, 'transactions')).toBe(4);

    // Payments: the same customer lookup and amount rules.
    const payments: Table = [
      ['统一社会信用代码', '金额(元)', '付款日期', '凭证号', '合同编号'],
      [a, '1,234.57', '2026-04-01', 'SK-1', 'HT-A'],
      [b, '0.01', '20260402', 'SK-1', ''],
    ];
    expect(await run(t, file('payments', 'csv', csvBase64(payments)))).toBe(2);
    const paid = await readArchive(t, (db) => db.selectFrom('payments').select(['amount_fen', 'paid_on', 'ref']).orderBy('paid_on').execute());
    expect(paid).toEqual([
      { amount_fen: 123457, paid_on: '2026-04-01', ref: 'SK-1' },
      { amount_fen: 1, paid_on: '2026-04-02', ref: 'SK-1' },
    ]);
    const badPayments = await refused(t, file('payments', 'csv', csvBase64([payments[0]!, [a, '-1', '2026-04-01', 'SK-1', ''], [withWrongCheck(a), '5', '2026-04-01', '', '']])));
    expect(badPayments.problems.map((p) => [p.row, p.column, p.code])).toEqual([
      [2, '金额(元)', 'amount.negative'],
      [2, '凭证号', 'duplicate.inArchive'],
      [3, '统一社会信用代码', 'creditCode.checkCharacter'],
    ]);
  });

  it('the row checks agree with the forms: what the import accepts, the record methods accept', async () => {
    const t = await setUp();
    const [a] = (await withCustomers(t, 1)) as [string];
    const customerId = (await t.ok(t.session, 'customers.search', { text: a })).rows[0]!.id;
    const tx: Table = [
      ['统一社会信用代码', '单据号', '类型', '金额(元)', '发生日期', '到期日期'],
      [a, 'X'.repeat(60), '销售', '0.01', '2026-03-01', '2026-03-01'],
      [a, '', '退货', '9,999,999,999,999.99', '1900-01-01', ''],
    ];
    expect(await run(t, file('transactions', 'csv', csvBase64(tx)))).toBe(2);
    const stored = await readArchive(t, (db) => db.selectFrom('transactions').selectAll().execute());
    for (const s of stored) {
      const input = { customerId, contractId: s.contract_id, kind: s.kind, docNo: s.doc_no, amountFen: s.amount_fen, occurredOn: s.occurred_on, dueOn: s.due_on };
      expect(contract['records.addTransaction'].input.safeParse(input).success).toBe(true);
    }
    // And what the form refuses, the import refuses too.
    const form = contract['records.addTransaction'].input;
    const base = { customerId, contractId: null, kind: 'sale', docNo: null, amountFen: 100, occurredOn: '2026-03-01', dueOn: null };
    for (const [cells, change] of [
      [[a, 'X'.repeat(61), '销售', '1', '2026-03-01', ''], { docNo: 'X'.repeat(61) }],
      [[a, '', '销售', '0', '2026-03-01', ''], { amountFen: 0 }],
      [[a, '', '销售', '1', '2026-03-02', '2026-03-01'], { occurredOn: '2026-03-02', dueOn: '2026-03-01' }],
    ] as const) {
      expect(form.safeParse({ ...base, ...change }).success).toBe(false);
      const p = await t.ok(t.session, 'imports.preview', file('transactions', 'csv', csvBase64([tx[0]!, [...cells]])));
      expect(p.problems.length, JSON.stringify(change)).toBeGreaterThan(0);
    }
  });
  it('takes its length bounds from the contract: at the bound a value is written, one over it is too long', async () => {
    const t = await setUp();
    const [a] = (await withCustomers(t, 1)) as [string];
    const max = (method: 'records.addContract' | 'records.addPayment', field: string) => schemaMaxLength(contract[method].input, field)!;
    const noMax = max('records.addContract', 'contractNo');
    const titleMax = max('records.addContract', 'title');
    const refMax = max('records.addPayment', 'ref');
    expect([noMax, titleMax, refMax].every((n) => Number.isInteger(n) && n > 0)).toBe(true);

    const contracts = (no: string, title: string): Table => [
      ['合同编号', '统一社会信用代码', '合同名称', '合同金额(元)', '签订日期'],
      [no, a, title, '100', '2026-01-01'],
    ];
    const tooLong = await refused(t, file('contracts', 'csv', csvBase64(contracts('N'.repeat(noMax + 1), '名'.repeat(titleMax + 1)))));
    expect(tooLong.problems.map((p) => [p.row, p.column, p.code])).toEqual([
      [2, '合同编号', 'text.tooLong'],
      [2, '合同名称', 'text.tooLong'],
    ]);
    expect(await run(t, file('contracts', 'csv', csvBase64(contracts('N'.repeat(noMax), '名'.repeat(titleMax)))))).toBe(1);

    const payments = (ref: string): Table => [
      ['统一社会信用代码', '金额(元)', '付款日期', '凭证号'],
      [a, '1', '2026-04-01', ref],
    ];
    const refTooLong = await refused(t, file('payments', 'csv', csvBase64(payments('R'.repeat(refMax + 1)))));
    expect(refTooLong.problems.map((p) => [p.row, p.column, p.code])).toEqual([[2, '凭证号', 'text.tooLong']]);
    expect(await run(t, file('payments', 'csv', csvBase64(payments('R'.repeat(refMax)))))).toBe(1);
  });
});

describe('progress and cancel', () => {
  it('a run shows its phases to its owner only, and a cancelled run writes nothing', async () => {
    const t = await setUp();
    const codes = Array.from({ length: 40 }, (_, i) => creditCode(i));
    expect(await run(t, file('customers', 'csv', csvBase64(customerRows(40))))).toBe(40);
    const other = await addUser(t, t.admin, { username: 'zhou.credit', displayName: '周信', password: 'Credit-Manager-2027', roles: ['credit_manager'] });

    const rows: Table = [['统一社会信用代码', '单据号', '类型', '金额(元)', '发生日期', '到期日期']];
    for (let i = 0; i < 120_000; i++) {
      rows.push([codes[i % 40]!, `XS-${i}`, '销售', `${(i % 997) + 1}.${String(i % 100).padStart(2, '0')}`, '2026-03-01', '2026-04-30']);
    }
    const jobId = randomUUID();
    const seqBefore = await lastSeq(t);
    const running = t.host.call(t.session, 'imports.run', { ...file('transactions', 'csv', csvBase64(rows)), jobId });

    const phases = new Set<string>();
    let progress: { phase: string; done: number; total: number } | null = null;
    for (let i = 0; i < 2000; i++) {
      progress = await t.ok(t.session, 'jobs.progress', { jobId });
      if (progress) phases.add(progress.phase);
      if (progress?.phase === 'writing' && progress.done > 0) break;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    expect(progress).toMatchObject({ phase: 'writing', total: 120_000 });
    expect(progress!.done).toBeGreaterThan(0);
    expect(progress!.done).toBeLessThan(120_000);
    expect(phases.has('checking')).toBe(true);
    // Another user can neither see nor cancel it.
    expect(await t.ok(other.session, 'jobs.progress', { jobId })).toBeNull();
    expect((await t.fail(other.session, 'jobs.cancel', { jobId })).code).toBe('NOT_FOUND');

    expect(await t.ok(t.session, 'jobs.cancel', { jobId })).toBeNull();
    const outcome = await running;
    expect(outcome).toMatchObject({ ok: false, error: { code: 'CONFLICT', details: { reason: 'cancelled' } } });
    expect(await t.ok(t.session, 'jobs.progress', { jobId })).toMatchObject({ phase: 'cancelled' });
    expect(await countRows(t, 'transactions')).toBe(0);
    expect(await lastSeq(t)).toBe(seqBefore);

    // The archive carries on: a new run writes, and its job ends done.
    const small = randomUUID();
    expect((await t.ok(t.session, 'imports.run', { ...file('transactions', 'csv', csvBase64(rows.slice(0, 11))), jobId: small })).written).toBe(10);
    expect(await t.ok(t.session, 'jobs.progress', { jobId: small })).toEqual({ phase: 'done', done: 10, total: 10 });
    // A job id is used once.
    expect((await t.fail(t.session, 'imports.run', { ...file('transactions', 'csv', csvBase64(rows.slice(0, 2))), jobId: small })).code).toBe('CONFLICT');
    expect(await countRows(t, 'transactions')).toBe(10);
    expect(await t.ok(t.admin, 'archive.check', {})).toMatchObject({ integrity: { ok: true }, audit: { ok: true } });
  });
});

describe('search among many imported customers', () => {
  it('lists a credit-code prefix shared by hundreds of customers in code order, page by page', async () => {
    const t = await setUp();
    expect(await run(t, file('customers', 'csv', csvBase64(customerRows(700, 0, '440300'))))).toBe(700);
    await run(t, file('customers', 'csv', csvBase64(customerRows(20, 1000, '310101'))));
    const prefix = creditCode(0, '440300').slice(0, 8); // 91440300: all 700, none of the others
    const first = await t.ok(t.session, 'customers.search', { text: prefix, offset: 0, limit: 200 });
    const second = await t.ok(t.session, 'customers.search', { text: prefix, offset: 200, limit: 200 });
    expect(first.total).toBe(700);
    const codes = [...first.rows, ...second.rows].map((r) => r.creditCode!);
    expect(codes).toEqual([...codes].sort());
    expect(new Set(codes).size).toBe(400);
    expect(codes.every((c) => c.startsWith(prefix))).toBe(true);
    // A prefix shared by few is listed in pinyin order, like any other search (here the
    // order of ICU's Chinese collation, which agrees with the stored key on these names).
    const few = await t.ok(t.session, 'customers.search', { text: creditCode(1000, '310101').slice(0, 8), offset: 0, limit: 50 });
    expect(few.total).toBe(20);
    const pinyinOrder = new Intl.Collator('zh-CN', { numeric: true });
    expect(few.rows.map((r) => r.name)).toEqual(few.rows.map((r) => r.name).sort(pinyinOrder.compare));
  });
});
