import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { creditCodeCheckCharacter } from '../../src/shared/domain/identifiers';
import type { Input } from '../../src/shared/contract';
import { creditAuditor, setUpArchive, tempDir, testHost, type TestHost } from './helpers';

/** A valid credit code made from a 17-character body. */
function code(body17: string): string {
  return body17 + creditCodeCheckCharacter(body17);
}

const CREDIT_MANAGER = { username: 'xinyong', displayName: '周信用', password: 'Credit-Manager-2026!' };
const ARCHIVIST = { username: 'dangan', displayName: '吴档案', password: 'Archivist-Pass-2026!' };

interface World {
  t: TestHost;
  admin: string;
  manager: string;
  archivist: string;
  departments: Record<string, string>;
  cleanup: () => void;
}

async function userWithRole(t: TestHost, admin: string, who: typeof CREDIT_MANAGER, roleCode: string, deptCode: string) {
  const roles = await t.ok(admin, 'roles.list', {});
  const departments = await t.ok(admin, 'departments.list', {});
  const temporary = `${who.password}-initial`;
  await t.ok(admin, 'users.create', {
    username: who.username,
    displayName: who.displayName,
    departmentId: departments.find((d) => d.code === deptCode)!.id,
    roleIds: [roles.find((r) => r.code === roleCode)!.id],
    password: temporary,
  });
  const { session } = await t.ok(null, 'auth.login', { username: who.username, password: temporary });
  await t.ok(session, 'auth.changePassword', { currentPassword: temporary, newPassword: who.password });
  return session;
}

function enterprise(world: World, name: string, creditCode: string, extra: Partial<Input<'customers.create'>> = {}): Input<'customers.create'> {
  return {
    kind: 'enterprise',
    name,
    creditCode,
    idNumber: null,
    enterpriseNature: 'private',
    registeredCapitalFen: 1_000_000_00,
    legalRepresentative: '张三',
    personInCharge: null,
    address: '上海市浦东新区世纪大道 100 号',
    bankName: '招商银行上海分行',
    bankAccount: '6225880212345678',
    industry: '制造业',
    serviceType: 'sales',
    cooperationStart: '2020-11-01',
    departmentId: world.departments.business!,
    confidentiality: 'normal',
    contacts: [],
    ...extra,
  };
}

describe('customer credit files', () => {
  let w: World;
  beforeEach(async () => {
    const { dir, cleanup } = tempDir();
    const t = testHost(dir);
    const { session: admin } = await setUpArchive(t);
    const manager = await userWithRole(t, admin, CREDIT_MANAGER, 'credit_manager', 'credit');
    const archivist = await userWithRole(t, admin, ARCHIVIST, 'archivist', 'credit');
    const departments = Object.fromEntries((await t.ok(admin, 'departments.list', {})).map((d) => [d.code, d.id]));
    w = { t, admin, manager, archivist, departments, cleanup };
  });
  afterEach(async () => {
    await w.t.host.close();
    w.cleanup();
  });

  it('refuses a bad credit code with the field named, and writes nothing', async () => {
    const bad = code('91310000MA1FL0000').slice(0, 17) + (code('91310000MA1FL0000').endsWith('0') ? '1' : '0');
    const error = await w.t.fail(w.manager, 'customers.create', enterprise(w, '上海坏码贸易有限公司', bad));
    expect(error.code).toBe('VALIDATION');
    expect(error.details).toEqual([expect.objectContaining({ path: ['creditCode'], message: 'creditCode.checkCharacter' })]);
    const { total } = await w.t.ok(w.manager, 'customers.search', { offset: 0, limit: 10 });
    expect(total).toBe(0);
    // An individual needs a valid ID number instead.
    const noId = await w.t.fail(w.manager, 'customers.create', { ...enterprise(w, '李四', null as unknown as string), kind: 'individual', idNumber: '110105194912310021' });
    expect(noId.details).toEqual([expect.objectContaining({ path: ['idNumber'], message: 'idNumber.checkCharacter' })]);
  });

  it('needs a second person to confirm the key data (双人核验), and again after it changes', async () => {
    const cc = code('91310000MA1FL0001');
    const { id } = await w.t.ok(w.manager, 'customers.create', enterprise(w, '上海核验机械有限公司', cc));
    const file = await w.t.ok(w.manager, 'customers.get', { id, purpose: '录入后核对' });
    expect(file.verification).toMatchObject({ state: 'pending', enteredBy: { displayName: '周信用' }, verifiedBy: null });

    const self = await w.t.fail(w.manager, 'customers.verify', { id });
    expect(self).toMatchObject({ code: 'FORBIDDEN', details: { reason: 'sameUser' } });

    const verified = await w.t.ok(w.archivist, 'customers.verify', { id });
    expect(verified).toMatchObject({ state: 'verified', enteredBy: { displayName: '周信用' }, verifiedBy: { displayName: '吴档案' } });

    // A change of anything but key data keeps the confirmation; a new bank account needs a new one.
    const { contacts: _c, ...basics } = enterprise(w, '上海核验机械有限公司', cc);
    expect((await w.t.ok(w.manager, 'customers.update', { id, ...basics, address: '上海市闵行区' })).verification).toBe('verified');
    expect((await w.t.ok(w.manager, 'customers.update', { id, ...basics, bankAccount: '6225880299999999' })).verification).toBe('pending');
    const again = await w.t.ok(w.manager, 'customers.get', { id, purpose: '核对' });
    expect(again.verification.verifiedBy).toBeNull();

    // Whoever changes the key data counts as its author: a second credit manager who
    // corrects the account cannot confirm the correction; the first one can.
    const second = await userWithRole(w.t, w.admin, { username: 'xinyong2', displayName: '郑信用', password: 'Credit-Manager-2-2026!' }, 'credit_manager', 'credit');
    expect((await w.t.ok(second, 'customers.update', { id, ...basics, bankAccount: '6225880211111111' })).verification).toBe('pending');
    expect(await w.t.fail(second, 'customers.verify', { id })).toMatchObject({ code: 'FORBIDDEN', details: { reason: 'sameUser' } });
    expect(await w.t.ok(w.manager, 'customers.verify', { id })).toMatchObject({ enteredBy: { displayName: '郑信用' }, verifiedBy: { displayName: '周信用' } });
  });

  it('keeps credit codes unique across the archive', async () => {
    const cc = code('91440300MA5D00001');
    await w.t.ok(w.manager, 'customers.create', enterprise(w, '深圳一号有限公司', cc));
    const dup = await w.t.fail(w.manager, 'customers.create', enterprise(w, '深圳二号有限公司', cc.toLowerCase()));
    expect(dup).toMatchObject({ code: 'CONFLICT', details: { field: 'creditCode' } });
  });

  it('records every read with its purpose, and every search with its criteria and count', async () => {
    const auditor = await creditAuditor(w.t, w.admin); // before the steps: its own entries come first
    const { id } = await w.t.ok(w.manager, 'customers.create', enterprise(w, '杭州读取记录有限公司', code('91330100MA2B00001')));
    expect((await w.t.fail(w.manager, 'customers.get', { id })).code).toBe('VALIDATION');
    await w.t.ok(w.manager, 'customers.get', { id, purpose: '授信审批' });
    await w.t.ok(w.manager, 'customers.search', { text: '读取', offset: 0, limit: 20 });
    const log = await w.t.ok(auditor, 'audit.list', { limit: 10 });
    const [search, read] = log.entries;
    expect(search).toMatchObject({ action: 'customers.search', username: 'xinyong', details: { criteria: { text: '读取' }, results: 1 } });
    expect(read).toMatchObject({ action: 'customers.get', username: 'xinyong', purpose: '授信审批', target: `customer:${id}` });
  });

  it('finds a customer by any part of its name, code, contract number, contact or phone', async () => {
    const a = await w.t.ok(w.manager, 'customers.create', enterprise(w, '南京紫金山精密仪器有限公司', code('91320100MA1X00001'), {
      contacts: [{ role: 'finance', name: '欧阳娜娜', phone: '025-84561234', email: null }],
    }));
    await w.t.ok(w.manager, 'customers.create', enterprise(w, '苏州园林建筑工程有限公司', code('91320500MA1X00002')));
    const contract = await w.t.ok(w.manager, 'records.addContract', {
      customerId: a.id,
      departmentId: w.departments.business!,
      contractNo: null,
      title: '精密仪器采购',
      amountFen: 50_000_00,
      signedOn: '2026-02-01',
      startOn: null,
      endOn: null,
      status: 'active',
    });
    const names = async (text: string) => (await w.t.ok(w.manager, 'customers.search', { text, offset: 0, limit: 50 })).rows.map((r) => r.name);
    expect(await names('紫金')).toEqual(['南京紫金山精密仪器有限公司']);
    expect(await names('精密仪器')).toEqual(['南京紫金山精密仪器有限公司']);
    expect(await names('有限公司')).toEqual(['南京紫金山精密仪器有限公司', '苏州园林建筑工程有限公司']);
    expect(await names('园')).toEqual(['苏州园林建筑工程有限公司']);
    expect(await names('91320')).toHaveLength(2);
    expect(await names('91320500')).toEqual(['苏州园林建筑工程有限公司']);
    expect(await names(contract.contractNo)).toEqual(['南京紫金山精密仪器有限公司']);
    expect(await names(contract.contractNo.toLowerCase())).toEqual(['南京紫金山精密仪器有限公司']);
    expect(await names('欧阳')).toEqual(['南京紫金山精密仪器有限公司']);
    expect(await names('025-8456')).toEqual(['南京紫金山精密仪器有限公司']);
    expect(await names('紫金园')).toEqual([]); // both fragments exist, the text does not
    expect(await names('北京')).toEqual([]);

    // Each result says which of its texts matched.
    await w.t.ok(w.manager, 'documents.add', {
      customerId: a.id,
      category: 'capability',
      title: '履约能力证明',
      archiveNo: null,
      retention: '10y',
      confidentiality: 'normal',
      file: null,
      location: { cabinet: 'A', shelf: '1', box: '3' },
    });
    const matched = async (text: string) =>
      (await w.t.ok(w.manager, 'customers.search', { text, offset: 0, limit: 50 })).rows.map((r) => [r.name, r.matched]);
    expect(await matched('紫金')).toEqual([['南京紫金山精密仪器有限公司', 'name']]);
    expect(await matched('园')).toEqual([['苏州园林建筑工程有限公司', 'name']]);
    expect(await matched('91320500')).toEqual([['苏州园林建筑工程有限公司', 'code']]);
    expect(await matched(contract.contractNo.toLowerCase())).toEqual([['南京紫金山精密仪器有限公司', 'contractNumber']]);
    expect(await matched('欧阳')).toEqual([['南京紫金山精密仪器有限公司', 'contact']]);
    expect(await matched('025-8456')).toEqual([['南京紫金山精密仪器有限公司', 'contact']]);
    expect(await matched('履约能力')).toEqual([['南京紫金山精密仪器有限公司', 'documentTitle']]);
    expect((await w.t.ok(w.manager, 'customers.search', { offset: 0, limit: 50 })).rows.map((r) => r.matched)).toEqual([null, null]);
  });

  it('lists customers in pinyin order, as a Chinese reader expects, whether entered, renamed or imported', async () => {
    const names = ['上海浦江电子有限公司', '北京华通科技有限公司', '重庆山城建材有限公司', '安徽江淮物流有限公司'];
    const ids: string[] = [];
    for (const [i, name] of names.entries()) {
      ids.push((await w.t.ok(w.manager, 'customers.create', enterprise(w, name, code(`91110000MA0200${String(i).padStart(3, '0')}`)))).id);
    }
    const listed = async (input: Partial<Input<'customers.search'>> = {}) =>
      (await w.t.ok(w.manager, 'customers.search', { offset: 0, limit: 50, ...input })).rows.map((r) => r.name);
    const expected = ['安徽江淮物流有限公司', '北京华通科技有限公司', '重庆山城建材有限公司', '上海浦江电子有限公司'];
    expect(await listed()).toEqual(expected);
    expect(await listed({ text: '有限公司' })).toEqual(expected); // through the fragment index
    expect(await listed({ industry: '制造业' })).toEqual(expected); // through a filter's index
    // Renamed, a customer moves to its new place: 上海 → 阿坝 (a ba) comes first.
    const { contacts: _c, ...basics } = enterprise(w, '阿坝高原牧业有限公司', code('91110000MA0200000'));
    await w.t.ok(w.manager, 'customers.update', { id: ids[0]!, ...basics });
    expect((await listed({ text: '有限公司' }))[0]).toBe('阿坝高原牧业有限公司');
    expect((await listed())[0]).toBe('阿坝高原牧业有限公司');
  });

  it('treats hostile text as text: it is stored, found exactly, and harms nothing', async () => {
    await w.t.ok(w.manager, 'customers.create', enterprise(w, "'; DROP TABLE customers; --", code('91110000MA0100001')));
    await w.t.ok(w.manager, 'customers.create', enterprise(w, '百分%_\\下划线公司', code('91110000MA0100002')));
    await w.t.ok(w.manager, 'customers.create', enterprise(w, '普通百货有限公司', code('91110000MA0100003')));
    const names = async (text: string) => (await w.t.ok(w.manager, 'customers.search', { text, offset: 0, limit: 50 })).rows.map((r) => r.name);
    expect(await names("'; DROP TABLE")).toEqual(["'; DROP TABLE customers; --"]);
    expect(await names('%_\\')).toEqual(['百分%_\\下划线公司']);
    expect(await names('%')).toEqual(['百分%_\\下划线公司']);
    expect(await names('_')).toEqual(['百分%_\\下划线公司']);
    expect((await w.t.ok(w.manager, 'customers.search', { offset: 0, limit: 50 })).total).toBe(3);
    expect(await w.t.ok(w.admin, 'archive.check', {})).toMatchObject({ integrity: { ok: true }, audit: { ok: true } });
  });

  it('filters by industry, department and verification, in list order, in pages', async () => {
    for (let i = 0; i < 12; i++) {
      await w.t.ok(w.manager, 'customers.create', enterprise(w, `测试客户${String(i).padStart(2, '0')}有限公司`, code(`91110000MA01000${String(i).padStart(2, '0')}`), {
        industry: i % 2 ? '批发零售' : '制造业',
        departmentId: i < 4 ? w.departments.marketing! : w.departments.business!,
      }));
    }
    const page = await w.t.ok(w.manager, 'customers.search', { industry: '批发零售', offset: 2, limit: 3 });
    expect(page.total).toBe(6);
    expect(page.rows.map((r) => r.name)).toEqual(['测试客户05有限公司', '测试客户07有限公司', '测试客户09有限公司']);
    const marketing = await w.t.ok(w.manager, 'customers.search', { departmentId: w.departments.marketing!, text: '测试', offset: 0, limit: 50 });
    expect(marketing.total).toBe(4);
    expect((await w.t.ok(w.manager, 'customers.search', { verification: 'verified', offset: 0, limit: 5 })).total).toBe(0);
    expect(await w.t.ok(w.manager, 'customers.facets', {})).toEqual({ industries: ['制造业', '批发零售'], grades: [], gradeScales: [] });
  });

  it('numbers contracts per department and derives the figures of the file', async () => {
    const auditor = await creditAuditor(w.t, w.admin); // before the steps: its own entries come first
    const { id } = await w.t.ok(w.manager, 'customers.create', enterprise(w, '成都数字账款有限公司', code('91510100MA6C00001')));
    const add = (departmentId: string, signedOn: string) =>
      w.t.ok(w.manager, 'records.addContract', { customerId: id, departmentId, contractNo: null, title: '服务合同', amountFen: 10_000_00, signedOn, startOn: null, endOn: null, status: 'active' });
    expect((await add(w.departments.business!, '2026-01-05')).contractNo).toBe('YW-2026-0001');
    expect((await add(w.departments.business!, '2026-03-05')).contractNo).toBe('YW-2026-0002');
    expect((await add(w.departments.marketing!, '2026-03-05')).contractNo).toBe('YX-2026-0001');
    const taken = await w.t.fail(w.manager, 'records.addContract', {
      customerId: id, departmentId: w.departments.business!, contractNo: 'YW-2026-0001', title: '重复', amountFen: 1, signedOn: '2026-04-01', startOn: null, endOn: null, status: 'active',
    });
    expect(taken).toMatchObject({ code: 'CONFLICT', details: { field: 'contractNo' } });

    const sale = (amountFen: number, occurredOn: string, dueOn: string) =>
      w.t.ok(w.manager, 'records.addTransaction', { customerId: id, contractId: null, kind: 'sale', docNo: null, amountFen, occurredOn, dueOn });
    await sale(100_000_00, '2026-06-01', '2026-07-01'); // paid on time
    await sale(50_000_00, '2026-08-01', '2026-08-31'); // paid late
    await sale(30_000_00, '2026-10-01', '2026-10-31'); // open, overdue
    await w.t.ok(w.manager, 'records.addPayment', { customerId: id, contractId: null, amountFen: 100_000_00, paidOn: '2026-06-28', ref: null });
    await w.t.ok(w.manager, 'records.addPayment', { customerId: id, contractId: null, amountFen: 50_000_00, paidOn: '2026-09-15', ref: null });
    await w.t.ok(w.manager, 'records.addQualification', { customerId: id, kind: 'business_licence', number: 'L-1', issuer: '成都市市场监督管理局', level: null, validFrom: '2020-01-01', validTo: '2026-11-20' });
    await w.t.ok(w.manager, 'records.addCreditEvent', { customerId: id, kind: 'litigation', occurredOn: '2026-09-01', title: '合同纠纷', detail: null, amountFen: null, source: null });
    await w.t.ok(w.manager, 'records.addFeedback', { customerId: id, kind: 'complaint', occurredOn: '2026-09-02', score: null, content: '发票延误' });
    await w.t.ok(w.manager, 'records.addCreditReport', { customerId: id, agency: '大公国际', reportNo: null, issuedOn: '2026-05-01', rating: 'A', summary: null });

    const file = await w.t.ok(w.manager, 'customers.get', { id, purpose: '季度账款分析' });
    // The frozen clock says 2026-11-02.
    expect(file.figures).toMatchObject({
      salesFen: 180_000_00,
      paidFen: 150_000_00,
      receivableFen: 30_000_00,
      ageing: { d0_30: 0, d31_60: 30_000_00, d61_90: 0, over90: 0 },
      onTimeRate: 1 / 3,
      overdueCount: 2,
      overdueFen: 30_000_00,
      yearsOfCooperation: 6,
      contractCount: 3,
      contractAmountFen: 30_000_00,
    });
    expect(file.qualifications[0]).toMatchObject({ kind: 'business_licence', validity: 'expiring' });
    expect(file.creditEvents).toHaveLength(1);
    expect(file.feedback).toHaveLength(1);
    expect(file.creditReports).toHaveLength(1);

    // A contract is never removed, and not voided while transactions in force refer to it; a
    // feedback entry is removed, and the removal is on record.
    const used = file.contracts[0]!;
    await w.t.ok(w.manager, 'records.addTransaction', { customerId: id, contractId: used.id, kind: 'return', docNo: null, amountFen: 1_00, occurredOn: '2026-10-02', dueOn: null });
    expect((await w.t.fail(w.manager, 'records.remove', { kind: 'contract', id: used.id })).code).toBe('VALIDATION');
    expect(await w.t.fail(w.manager, 'records.void', { kind: 'contract', id: used.id, reason: '录入错误' })).toMatchObject({ code: 'CONFLICT', details: { reason: 'contractHasRecords' } });
    await w.t.ok(w.manager, 'records.remove', { kind: 'feedback', id: file.feedback[0]!.id });
    const log = await w.t.ok(auditor, 'audit.list', { action: 'records.remove', limit: 5 });
    expect(log.entries[0]!.details).toMatchObject({ removed: `feedback:${file.feedback[0]!.id}`, record: { content: '发票延误' } });
  });

  it('lets only roles with the read permission read', async () => {
    const { id } = await w.t.ok(w.manager, 'customers.create', enterprise(w, '重庆权限测试有限公司', code('91500000MA5U00001')));
    // The administrator manages users, not credit files.
    expect((await w.t.fail(w.admin, 'customers.get', { id, purpose: '好奇' })).code).toBe('FORBIDDEN');
    expect((await w.t.fail(w.admin, 'customers.search', { text: '重庆', offset: 0, limit: 5 })).code).toBe('FORBIDDEN');
  });
});
