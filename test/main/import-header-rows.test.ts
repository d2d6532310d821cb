import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addUser, freshArchive, useTempDirs } from './helpers';
import { creditCode, csvBase64, withWrongCheck } from './import-files';

// Files as finance's ERP exports them: a title (merged across the columns) and a blank
// row above the header. The XLSX is written by another program (openpyxl), with real
// date cells and numbers, and imported through the host as the import page sends it.

const temp = useTempDirs();

const TITLE = '客户档案导出（2026年11月）';
const HEADER = ['客户名称', '统一社会信用代码', '注册资本(元)', '合作开始日期', '所属行业', '业务联系人'];
const CUSTOMERS = [
  { name: '上海浦江电子有限公司', code: creditCode(11, '310000'), capitalYuan: 5_000_000.5, since: [2021, 3, 15], industry: '电子', contact: '王丽' },
  { name: '北京华通科技有限公司', code: creditCode(12, '110000'), capitalYuan: 12_000_000, since: [2019, 11, 1], industry: '软件', contact: '赵强' },
  { name: '安徽江淮物流有限公司', code: creditCode(13, '340100'), capitalYuan: 800_000.25, since: [2024, 1, 31], industry: '物流', contact: '陈杰' },
];

/**
 * The Python that has openpyxl: Debian's python3-openpyxl (installed by .ci/run) belongs
 * to /usr/bin/python3, which another python3 on the PATH may hide.
 */
function pythonWithOpenpyxl(): string {
  for (const python of ['/usr/bin/python3', 'python3']) {
    try {
      execFileSync(python, ['-c', 'import openpyxl'], { stdio: 'ignore' });
      return python;
    } catch {
      // try the next one
    }
  }
  throw new Error('no python3 with openpyxl: install python3-openpyxl');
}

/** An ERP-style workbook written by openpyxl: merged title in row 1, blank row 2, header in row 3. */
function erpWorkbook(path: string): void {
  const script = `
import sys, json, datetime, openpyxl
title, header, customers, path = json.loads(sys.argv[1])
wb = openpyxl.Workbook()
ws = wb.active
ws.title = '客户档案'
ws.cell(row=1, column=1, value=title)
ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(header))
for i, text in enumerate(header, start=1):
    ws.cell(row=3, column=i, value=text)
for r, c in enumerate(customers, start=4):
    ws.cell(row=r, column=1, value=c['name'])
    ws.cell(row=r, column=2, value=c['code'])
    ws.cell(row=r, column=3, value=c['capitalYuan']).number_format = '#,##0.00'
    ws.cell(row=r, column=4, value=datetime.date(*c['since'])).number_format = 'yyyy-mm-dd'
    ws.cell(row=r, column=5, value=c['industry'])
    ws.cell(row=r, column=6, value=c['contact'])
wb.save(path)
`;
  execFileSync(pythonWithOpenpyxl(), ['-c', script, JSON.stringify([TITLE, HEADER, CUSTOMERS, path])]);
}

async function setUp() {
  const t = await freshArchive(temp);
  const { session } = await addUser(t, t.admin, { username: 'li.credit', displayName: '李信', password: 'Credit-Manager-2026', roles: ['credit_manager'] });
  return Object.assign(t, { session });
}

describe('imports of files with a title above the header', () => {
  it('reads an openpyxl workbook from its header row (merged title, blank row), with its dates and numbers', async () => {
    const t = await setUp();
    const path = join(temp.make(), '客户档案导出.xlsx');
    erpWorkbook(path);
    const f = { kind: 'customers' as const, format: 'xlsx' as const, fileName: '客户档案导出.xlsx', contentBase64: readFileSync(path).toString('base64') };

    const preview = await t.ok(t.session, 'imports.preview', f);
    expect(preview).toMatchObject({ headerRow: 3, rows: 3, problems: [], moreProblems: 0, columns: HEADER });
    expect(preview.sample[0]).toEqual(['上海浦江电子有限公司', CUSTOMERS[0]!.code, '5000000.5', '2021-03-15', '电子', '王丽']);

    expect((await t.ok(t.session, 'imports.run', { ...f, jobId: randomUUID() })).written).toBe(3);
    const listed = await t.ok(t.session, 'customers.search', { offset: 0, limit: 10 });
    // The imported customers are in pinyin order too: 安徽, 北京, 上海.
    expect(listed.rows.map((r) => r.name)).toEqual(['安徽江淮物流有限公司', '北京华通科技有限公司', '上海浦江电子有限公司']);
    const file = await t.ok(t.session, 'customers.get', { id: listed.rows[2]!.id, purpose: '核对导入' });
    expect(file.basics).toMatchObject({ creditCode: CUSTOMERS[0]!.code, registeredCapitalFen: 500_000_050, cooperationStart: '2021-03-15', industry: '电子' });
    expect(file.contacts).toEqual([expect.objectContaining({ role: 'business', name: '王丽' })]);
  });

  it('reads a CSV below its title and blank row, and reports problems by the rows of the file', async () => {
    const t = await setUp();
    const rows = [
      [TITLE, '', '', '', '', ''],
      ['', '', '', '', '', ''],
      HEADER,
      ['南京紫金仪器有限公司', creditCode(21, '320100'), '1,000,000.00', '2022/06/01', '仪器', '周慧'],
      ['苏州园林建筑有限公司', withWrongCheck(creditCode(22, '320500')), '2000000', '2023-01-09', '建筑', '孙丽'],
    ];
    const f = { kind: 'customers' as const, format: 'csv' as const, fileName: '客户档案导出.csv', contentBase64: csvBase64(rows) };
    const preview = await t.ok(t.session, 'imports.preview', f);
    expect(preview.headerRow).toBe(3);
    expect(preview.rows).toBe(2);
    expect(preview.problems).toEqual([expect.objectContaining({ row: 5, column: '统一社会信用代码', code: 'creditCode.checkCharacter' })]);

    // Without the bad row it imports; a header-only problem is reported on the header's row.
    const good = { ...f, contentBase64: csvBase64(rows.slice(0, 4)) };
    expect((await t.ok(t.session, 'imports.run', { ...good, jobId: randomUUID() })).written).toBe(1);
    const noName = { ...f, contentBase64: csvBase64([rows[0]!, rows[1]!, HEADER.slice(1), rows[3]!.slice(1)]) };
    expect((await t.ok(t.session, 'imports.preview', noName)).problems).toContainEqual(expect.objectContaining({ row: 3, column: '客户名称', code: 'column.missing' }));
  });

  it('still reads a file whose header is on the first row as row 1', async () => {
    const t = await setUp();
    const f = { kind: 'customers' as const, format: 'csv' as const, fileName: 'c.csv', contentBase64: csvBase64([HEADER, ['杭州西湖茶业有限公司', creditCode(31), '', '', '', '']]) };
    expect(await t.ok(t.session, 'imports.preview', f)).toMatchObject({ headerRow: 1, rows: 1, problems: [] });
  });
});
