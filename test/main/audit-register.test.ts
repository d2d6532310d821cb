import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { closeArchive } from '../../src/main/archive/archive';
import type { AuditEntry } from '../../src/shared/contract';
import { detailsInWords, purposeInWords, targetInWords } from '../../src/shared/messages/auditWords';
import { addUser, allAudit, freshArchive, FrozenClock, openWithRecoveryCode, testHost, useTempDirs } from './helpers';
import { companyName, customerRows, xlsxBase64 } from './import-files';

// Issue 11 item 12: the audit log reads like a register. People by name, the object by
// what it is (a customer's name only for a reader who may read customers), the purpose
// as the code the reader chose and shown in each language, the filtered list exported to
// XLSX, and the export itself on record.

const temp = useTempDirs();

async function world() {
  const t = await freshArchive(temp, new FrozenClock('2026-11-02T01:00:00.000Z'));
  const li = await addUser(t, t.admin, { username: 'li.credit', displayName: '李信用', password: 'Credit-Pass-2026', roles: ['credit_manager'] });
  const zhao = await addUser(t, t.admin, { username: 'zhao.audit', displayName: '赵审计', password: 'Auditor-Pass-2026', roles: ['auditor'] });
  // An internal auditor who may also read customer files (archivist): sees customers' names.
  const sun = await addUser(t, t.admin, { username: 'sun.check', displayName: '孙稽核', password: 'Checker-Pass-2026', roles: ['auditor', 'archivist'] });
  await t.ok(li.session, 'imports.run', { kind: 'customers', format: 'xlsx', fileName: '客户导入.xlsx', contentBase64: await xlsxBase64(customerRows(3)), jobId: randomUUID() });
  const found = await t.ok(li.session, 'customers.search', { text: companyName(1) });
  const customerId = found.rows[0]!.id;
  await t.ok(li.session, 'customers.get', { id: customerId, purpose: 'creditApproval' });
  t.clock.advance(60_000);
  await t.ok(li.session, 'customers.get', { id: customerId, purpose: '年审核对营业执照' });
  return { t, li, zhao, sun, customerId };
}

const last = (entries: AuditEntry[], action: string) => entries.filter((e) => e.action === action).at(-1)!;

describe('the audit register', () => {
  it('names people by display name and objects by what they are, as far as the reader may know them', async () => {
    const { t, li, zhao, sun, customerId } = await world();
    const bySun = await allAudit(t, sun.session);

    const read = last(bySun, 'customers.get');
    expect(read).toMatchObject({ userId: li.user.id, username: 'li.credit', displayName: '李信用', target: `customer:${customerId}`, targetName: companyName(1) });
    expect(targetInWords('zh-CN', read)).toBe(`客户 ${companyName(1)}`);

    const imported = last(bySun, 'imports.run');
    expect(imported.targetName).toBe('客户 · 客户导入.xlsx');
    expect(targetInWords('zh-CN', imported)).toBe('导入 客户 · 客户导入.xlsx');
    const importedEn = (await t.ok(sun.session, 'audit.list', { action: 'imports.run', language: 'en-US' })).entries[0]!;
    expect(targetInWords('en-US', importedEn)).toBe('Import Customers · 客户导入.xlsx');

    const created = bySun.find((e) => e.action === 'users.create' && e.target === `user:${li.user.id}`)!;
    expect(created).toMatchObject({ displayName: '王建国', targetName: '李信用' });
    // The details in words, with the ids they carry named (department and role).
    const page = await t.ok(sun.session, 'audit.list', { action: 'users.create' });
    const createdLi = page.entries.find((e) => e.target === `user:${li.user.id}`)!;
    expect(detailsInWords('zh-CN', createdLi, (id) => page.names[id])).toBe('用户名：li.credit；部门：信用管理部门；角色：信用经理');
    // Built-in roles and departments (stored in Chinese) named in the language asked.
    const pageEn = await t.ok(sun.session, 'audit.list', { action: 'users.create', language: 'en-US' });
    const createdLiEn = pageEn.entries.find((e) => e.target === `user:${li.user.id}`)!;
    expect(detailsInWords('en-US', createdLiEn, (id) => pageEn.names[id])).toBe('User name: li.credit; Department: Credit management; Roles: Credit manager');

    // An auditor who may not read customers sees that a customer was read, by whom and why, not which.
    const byZhao = await allAudit(t, zhao.session);
    const readSeen = last(byZhao, 'customers.get');
    expect(readSeen).toMatchObject({ displayName: '李信用', targetName: null });
    expect(targetInWords('zh-CN', readSeen)).toBe(`客户 ${customerId.slice(0, 8)}…`);
    expect(JSON.stringify((await t.ok(zhao.session, 'audit.list', { action: 'customers.get' })).names)).not.toContain(companyName(1));
  });

  it('stores a chosen purpose as its code and shows it in each language; a typed purpose as typed', async () => {
    const { t, sun } = await world();
    const reads = (await t.ok(sun.session, 'audit.list', { action: 'customers.get' })).entries;
    expect(reads.map((e) => e.purpose)).toEqual(['年审核对营业执照', 'creditApproval']);
    expect(reads.map((e) => purposeInWords('zh-CN', e.purpose))).toEqual(['年审核对营业执照', '授信审批']);
    expect(reads.map((e) => purposeInWords('en-US', e.purpose))).toEqual(['年审核对营业执照', 'Credit approval']);
    expect(reads.map((e) => e.purposeAsWritten)).toEqual([null, null]);
  });

  it('reads the purposes an older window stored as text as their codes, keeping the text the entry recorded', async () => {
    const { t, li, customerId } = await world();
    // The window before codes sent the chosen option's text in its screen's language.
    await t.ok(li.session, 'customers.get', { id: customerId, purpose: '信用评审' });
    await t.ok(li.session, 'customers.get', { id: customerId, purpose: 'Receivables collection' });
    // Back to the archive as that release left it: migration 0095 not yet run.
    await t.host.close();
    const archive = await openWithRecoveryCode(t.dir, t.recoveryCode);
    try {
      archive.sqlite.exec(`DROP TABLE audit_purpose_codes; DELETE FROM kysely_migration WHERE name = '0095-audit-purpose-codes'`);
    } finally {
      await closeArchive(archive);
    }
    const reopened = testHost(t.dir, t.clock);
    temp.track(reopened.host);
    const session = (await reopened.ok(null, 'auth.login', { username: 'sun.check', password: 'Checker-Pass-2026' })).session;
    const reads = (await reopened.ok(session, 'audit.list', { action: 'customers.get' })).entries;
    expect(reads.map((e) => [e.purpose, e.purposeAsWritten])).toEqual([
      ['collection', 'Receivables collection'],
      ['creditReview', '信用评审'],
      ['年审核对营业执照', null],
      ['creditApproval', null],
    ]);
    expect(reads.map((e) => purposeInWords('zh-CN', e.purpose))).toEqual(['应收账款催收', '信用评审', '年审核对营业执照', '授信审批']);
    // The chain still holds: nothing in it was rewritten.
    expect((await reopened.ok(session, 'audit.verify', {})).ok).toBe(true);
  });

  it('exports the filtered register to XLSX in the reader’s language, and the export is on record', async () => {
    const { t, sun } = await world();
    const out = await t.ok(sun.session, 'audit.export', { action: 'customers.get', language: 'zh-CN' });
    expect(out).toMatchObject({ fileName: '审计日志-2026-11-02.xlsx', rows: 2, truncated: false });
    const path = join(temp.make(), out.fileName);
    writeFileSync(path, Buffer.from(out.contentBase64, 'base64'));
    const script = `
import sys, json, openpyxl
ws = openpyxl.load_workbook(sys.argv[1]).active
print(json.dumps([[c for c in row] for row in ws.iter_rows(values_only=True)], ensure_ascii=False, default=str))
`;
    const rows = JSON.parse(execFileSync('/usr/bin/python3', ['-c', script, path], { encoding: 'utf8' })) as (string | number | null)[][];
    expect(rows[0]![0]).toBe('审计日志登记簿');
    expect(rows[1]![0]).toBe('筛选条件：操作：查阅客户档案');
    expect(rows[2]![0]).toMatch(/^导出人：孙稽核　导出时间：2026-11-02 \d\d:\d\d:\d\d　共 2 条$/);
    const header = rows.findIndex((r) => r[0] === '序号');
    expect(rows[header]).toEqual(['序号', '时间', '用户', '操作', '结果', '对象', '用途', '详情']);
    const data = rows.slice(header + 1);
    expect(data).toHaveLength(2);
    expect(data.map((r) => [r[2], r[3], r[4], r[5], r[6]])).toEqual([
      ['李信用（li.credit）', '查阅客户档案', '成功', `客户 ${companyName(1)}`, '年审核对营业执照'],
      ['李信用（li.credit）', '查阅客户档案', '成功', `客户 ${companyName(1)}`, '授信审批'],
    ]);
    expect(String(data[0]![7])).toBe(`名称：${companyName(1)}`);

    // The export is an entry of its own kind: who, which filter, how many rows.
    const exported = (await t.ok(sun.session, 'audit.list', { action: 'audit.export' })).entries;
    expect(exported).toHaveLength(1);
    expect(exported[0]).toMatchObject({
      displayName: '孙稽核',
      outcome: 'ok',
      details: { filter: { action: 'customers.get' }, language: 'zh-CN', rows: 2, truncated: false, fileName: '审计日志-2026-11-02.xlsx' },
    });
    expect(detailsInWords('zh-CN', exported[0]!)).toContain('筛选条件：（操作：查阅客户档案）');

    // In English, the same rows in English words; names stay as the archive holds them.
    const en = await t.ok(sun.session, 'audit.export', { action: 'customers.get', language: 'en-US' });
    expect(en.fileName).toBe('Audit log-2026-11-02.xlsx');
    writeFileSync(path, Buffer.from(en.contentBase64, 'base64'));
    const enRows = JSON.parse(execFileSync('/usr/bin/python3', ['-c', script, path], { encoding: 'utf8' })) as (string | number | null)[][];
    const enHeader = enRows.findIndex((r) => r[0] === 'No.');
    expect(enRows.slice(enHeader + 1).map((r) => [r[2], r[3], r[6]])).toEqual([
      ['李信用 (li.credit)', 'Customer file read', '年审核对营业执照'],
      ['李信用 (li.credit)', 'Customer file read', 'Credit approval'],
    ]);
  });

  it('records a printed register like an export', async () => {
    const { t, zhao, li } = await world();
    await t.ok(zhao.session, 'audit.print', { userId: li.user.id, rows: 7 });
    const printed = (await t.ok(zhao.session, 'audit.list', { action: 'audit.print' })).entries;
    expect(printed).toHaveLength(1);
    expect(printed[0]).toMatchObject({ displayName: '赵审计', details: { filter: { userId: li.user.id }, rows: 7 } });
    const names = (await t.ok(zhao.session, 'audit.list', { action: 'audit.print' })).names;
    expect(detailsInWords('zh-CN', printed[0]!, (id) => names[id])).toBe('筛选条件：（用户：李信用）；行数：7');
  });
});
