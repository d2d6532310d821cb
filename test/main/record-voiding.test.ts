import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { closeArchive } from '../../src/main/archive/archive';
import { creditCodeCheckCharacter } from '../../src/shared/domain/identifiers';
import { csvBase64 } from './import-files';
import { addUser, creditAuditor, directory, freshArchive, openWithRecoveryCode, testHost, useTempDirs, type TestHost } from './helpers';

// 作废 / 红冲 through the host (issue 11 item 11): a record of money or credit entered by
// mistake is voided with a reason, stays in the file with who/when/why, and no longer
// counts; nothing deletes it, not even SQL with the key while the triggers stand.

const temp = useTempDirs();
const PURPOSE = '核对账款';
const MANAGER = { username: 'xinyong', displayName: '周信用', password: 'Credit-Manager-2026!' };

async function world() {
  const t = await freshArchive(temp);
  const { role, department } = await directory(t, t.admin);
  const departments = { credit: department('credit'), business: department('business') };
  const temporary = `${MANAGER.password}-initial`;
  await t.ok(t.admin, 'users.create', {
    username: MANAGER.username,
    displayName: MANAGER.displayName,
    departmentId: departments.credit,
    roleIds: [role('credit_manager')],
    password: temporary,
  });
  const { session } = await t.ok(null, 'auth.login', { username: MANAGER.username, password: temporary });
  await t.ok(session, 'auth.changePassword', { currentPassword: temporary, newPassword: MANAGER.password });
  const body = '91510100MA6C00077';
  const { id: customerId } = await t.ok(session, 'customers.create', {
    kind: 'enterprise',
    name: '成都红冲测试有限公司',
    creditCode: body + creditCodeCheckCharacter(body),
    idNumber: null,
    enterpriseNature: 'private',
    registeredCapitalFen: null,
    legalRepresentative: null,
    personInCharge: null,
    address: null,
    bankName: null,
    bankAccount: null,
    industry: null,
    serviceType: null,
    cooperationStart: null,
    departmentId: departments.business,
    confidentiality: 'normal',
    contacts: [],
  });
  return { t, manager: session, customerId, departments, creditCode: body + creditCodeCheckCharacter(body) };
}

const file = (t: TestHost, session: string, id: string) => t.ok(session, 'customers.get', { id, purpose: PURPOSE });

describe('voiding records of money and credit (作废)', () => {
  it('voids a payment with its reason: the receivable comes back, the row stays, marked, and the void is on record', async () => {
    const { t, manager, customerId } = await world();
    const auditor = await creditAuditor(t, t.admin); // before the steps: its own entries come first
    await t.ok(manager, 'records.addTransaction', { customerId, contractId: null, kind: 'sale', docNo: 'XS-001', amountFen: 80_000_00, occurredOn: '2026-09-01', dueOn: '2026-10-01' });
    const { id: paymentId } = await t.ok(manager, 'records.addPayment', { customerId, contractId: null, amountFen: 50_000_00, paidOn: '2026-09-20', ref: 'HK-001' });
    const before = await file(t, manager, customerId);
    expect(before.figures).toMatchObject({ salesFen: 80_000_00, paidFen: 50_000_00, receivableFen: 30_000_00 });

    await t.ok(manager, 'records.void', { kind: 'payment', id: paymentId, reason: '  回款重复登记，银行流水只有一笔  ' });
    const after = await file(t, manager, customerId);
    expect(after.figures).toMatchObject({ salesFen: 80_000_00, paidFen: 0, receivableFen: 80_000_00, overdueFen: 80_000_00 });
    expect(after.payments).toEqual([
      expect.objectContaining({
        id: paymentId,
        amountFen: 50_000_00,
        voided: { at: t.clock.now().toISOString(), by: { id: expect.any(String), displayName: '周信用' }, reason: '回款重复登记，银行流水只有一笔' },
      }),
    ]);
    expect(after.transactions[0]!.voided).toBeNull();

    const log = await t.ok(auditor, 'audit.list', { action: 'records.void', limit: 5 });
    expect(log.entries).toHaveLength(1);
    expect(log.entries[0]!).toMatchObject({ target: `customer:${customerId}`, details: { voided: `payment:${paymentId}`, reason: '回款重复登记，银行流水只有一笔' } });

    // Voiding is final: not twice, not removed instead.
    expect(await t.fail(manager, 'records.void', { kind: 'payment', id: paymentId, reason: '再次作废' })).toMatchObject({ code: 'CONFLICT', details: { reason: 'alreadyVoided' } });
    expect((await t.fail(manager, 'records.remove', { kind: 'payment', id: paymentId })).code).toBe('VALIDATION');
    expect((await file(t, manager, customerId)).payments).toHaveLength(1);
  });

  it('refuses a void without a reason with a translated VALIDATION, and changes nothing', async () => {
    const { t, manager, customerId } = await world();
    const { id } = await t.ok(manager, 'records.addCreditEvent', { customerId, kind: 'litigation', occurredOn: '2026-09-01', title: '买卖合同纠纷', detail: null, amountFen: null, source: null });
    const auditBefore = (await t.ok(t.admin, 'audit.list', { limit: 500 })).entries.length;
    for (const reason of ['', '   ']) {
      const error = await t.fail(manager, 'records.void', { kind: 'creditEvent', id, reason });
      expect(error.code).toBe('VALIDATION');
      expect(error.details).toEqual([expect.objectContaining({ path: ['reason'] })]);
      expect(error.message).not.toBe('');
    }
    expect(await t.fail(manager, 'records.void', { kind: 'creditEvent', id: '01900000-0000-7000-8000-000000000000', reason: '录入错误' })).toMatchObject({ code: 'NOT_FOUND' });
    expect((await file(t, manager, customerId)).creditEvents[0]!.voided).toBeNull();
    // Refusals write nothing but the reads: no records.void entry.
    const entries = (await t.ok(t.admin, 'audit.list', { limit: 500 })).entries;
    expect(entries.filter((e) => e.action === 'records.void')).toEqual([]);
    expect(entries.length).toBeGreaterThanOrEqual(auditBefore);
  });

  it('voids a contract only once nothing in force refers to it; its number stays taken and is no longer found', async () => {
    const { t, manager, customerId, departments } = await world();
    const contract = await t.ok(manager, 'records.addContract', { customerId, departmentId: departments.business, contractNo: 'YW-2026-0900', title: '设备供货', amountFen: 90_000_00, signedOn: '2026-03-01', startOn: null, endOn: null, status: 'active' });
    const { id: saleId } = await t.ok(manager, 'records.addTransaction', { customerId, contractId: contract.id, kind: 'sale', docNo: null, amountFen: 10_000_00, occurredOn: '2026-04-01', dueOn: null });
    expect(await t.fail(manager, 'records.void', { kind: 'contract', id: contract.id, reason: '合同未签署' })).toMatchObject({ code: 'CONFLICT', details: { reason: 'contractHasRecords' } });
    await t.ok(manager, 'records.void', { kind: 'transaction', id: saleId, reason: '随合同作废' });
    await t.ok(manager, 'records.void', { kind: 'contract', id: contract.id, reason: '合同未签署' });
    const f = await file(t, manager, customerId);
    expect(f.figures).toMatchObject({ contractCount: 0, contractAmountFen: 0, salesFen: 0 });
    expect(f.contracts.map((c) => c.voided?.reason)).toEqual(['合同未签署']);
    // Nothing new refers to a voided contract; its number is not given again.
    expect(await t.fail(manager, 'records.addPayment', { customerId, contractId: contract.id, amountFen: 1_00, paidOn: '2026-05-01', ref: null })).toMatchObject({ code: 'CONFLICT', details: { reason: 'contractVoided' } });
    expect(await t.fail(manager, 'records.addContract', { customerId, departmentId: departments.business, contractNo: 'YW-2026-0900', title: '重号', amountFen: 1, signedOn: '2026-03-01', startOn: null, endOn: null, status: 'active' })).toMatchObject({ code: 'CONFLICT' });
    expect((await t.ok(manager, 'customers.search', { text: 'YW-2026-0900', offset: 0, limit: 5 })).total).toBe(0);
  });

  it("frees a voided payment's voucher number for the corrected import, and refuses an import against a voided contract", async () => {
    const { t, manager, customerId, departments, creditCode } = await world();
    const contract = await t.ok(manager, 'records.addContract', { customerId, departmentId: departments.business, contractNo: 'YW-2026-0901', title: '维保', amountFen: 1_000_00, signedOn: '2026-03-01', startOn: null, endOn: null, status: 'active' });
    const header = ['统一社会信用代码', '金额(元)', '付款日期', '凭证号', '合同编号'];
    const payments = (rows: string[][]) => ({ kind: 'payments' as const, format: 'csv' as const, fileName: '回款明细.csv', contentBase64: csvBase64([header, ...rows]) });
    const first = payments([[creditCode, '5000.00', '2026-09-20', 'HK-777', '']]);
    expect((await t.ok(manager, 'imports.run', { ...first, jobId: randomUUID() })).written).toBe(1);
    expect((await t.ok(manager, 'imports.preview', first)).problems.map((p) => p.code)).toEqual(['duplicate.inArchive']);
    const [wrong] = (await file(t, manager, customerId)).payments;
    await t.ok(manager, 'records.void', { kind: 'payment', id: wrong!.id, reason: '金额录错，应为 500 元' });
    const corrected = payments([[creditCode, '500.00', '2026-09-20', 'HK-777', '']]);
    expect((await t.ok(manager, 'imports.preview', corrected)).problems).toEqual([]);
    expect((await t.ok(manager, 'imports.run', { ...corrected, jobId: randomUUID() })).written).toBe(1);
    expect((await file(t, manager, customerId)).figures.paidFen).toBe(500_00);

    await t.ok(manager, 'records.void', { kind: 'contract', id: contract.id, reason: '合同作废' });
    const against = await t.ok(manager, 'imports.preview', payments([[creditCode, '1.00', '2026-09-21', 'HK-778', 'YW-2026-0901']]));
    expect(against.problems.map((p) => [p.column, p.code])).toEqual([['合同编号', 'contract.voided']]);
  });

  it('keeps voided sales, payments and contracts out of what an evaluation takes from the file', async () => {
    const { t, customerId, departments } = await world();
    const am = await addUser(t, t.admin, { username: 'zhang.san', displayName: '张三', password: 'zhang.san-Pass-2026', roles: ['account_manager'], department: 'business' });
    const sm = await addUser(t, t.admin, { username: 'sun.li', displayName: '孙丽', password: 'sun.li-Pass-2026', roles: ['service_manager'], department: 'business' });
    const contract = (contractNo: string, amountFen: number) =>
      t.ok(am.session, 'records.addContract', { customerId, departmentId: departments.business, contractNo, title: '设备采购', amountFen, signedOn: '2026-01-05', startOn: null, endOn: null, status: 'active' });
    const kept = await contract('YW-2026-0100', 600_000_00);
    const wrong = await contract('YW-2026-0101', 9_000_000_00);
    await t.ok(am.session, 'records.addTransaction', { customerId, contractId: kept.id, kind: 'sale', docNo: 'FP-1', amountFen: 120_000_00, occurredOn: '2026-03-01', dueOn: '2026-04-01' });
    const bigSale = await t.ok(am.session, 'records.addTransaction', { customerId, contractId: null, kind: 'sale', docNo: 'FP-2', amountFen: 1_200_000_00, occurredOn: '2026-03-02', dueOn: '2026-04-02' });
    await t.ok(am.session, 'records.addPayment', { customerId, contractId: kept.id, amountFen: 100_000_00, paidOn: '2026-03-25', ref: 'HK-1' });
    const doubled = await t.ok(am.session, 'records.addPayment', { customerId, contractId: kept.id, amountFen: 100_000_00, paidOn: '2026-03-25', ref: 'HK-1b' });
    await t.ok(am.session, 'records.void', { kind: 'transaction', id: bigSale.id, reason: '金额多录一个零' });
    await t.ok(am.session, 'records.void', { kind: 'payment', id: doubled.id, reason: '重复登记' });
    await t.ok(am.session, 'records.void', { kind: 'contract', id: wrong.id, reason: '合同未生效' });

    const started = await t.ok(sm.session, 'evaluations.start', { customerId, modelId: 'periodic_review', accountManagerId: am.user.id, serviceManagerId: sm.user.id });
    expect(started.evaluation.limitBase).toEqual({ averageMonthlySalesFen: 10_000_00 });
    expect(started.header).toMatchObject({ received_total: '¥100,000.00', contract_no: 'YW-2026-0100', contract_amount: '¥600,000.00' });
  });

  it('refuses deleting a payment with SQL and the key: the trigger stands', async () => {
    const { t, manager, customerId } = await world();
    const { id: paymentId } = await t.ok(manager, 'records.addPayment', { customerId, contractId: null, amountFen: 5_00, paidOn: '2026-09-20', ref: null });
    await t.host.close();
    const open = await openWithRecoveryCode(t.dir, t.recoveryCode);
    try {
      await expect(sql`DELETE FROM payments WHERE id = ${paymentId}`.execute(open.db)).rejects.toThrow(/voided, never deleted/);
      await expect(sql`UPDATE payments SET voided_at = '2026-11-02T00:00:00.000Z' WHERE id = ${paymentId}`.execute(open.db)).rejects.toThrow(/time, its user and a reason/);
    } finally {
      await closeArchive(open);
    }
    const again = testHost(t.dir, t.clock);
    temp.track(again.host);
    const session = (await again.ok(null, 'auth.login', { username: MANAGER.username, password: MANAGER.password })).session;
    const f = await file(again, session, customerId);
    expect(f.payments.map((p) => [p.id, p.voided])).toEqual([[paymentId, null]]);
  });
});
