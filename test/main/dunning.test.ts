import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { approvalWorld } from './approvals-world';
import { addUser, useTempDirs } from './helpers';

const temp = useTempDirs();
const DAY = 86_400_000;
const PURPOSE = '催收';

/** The text of a PDF as poppler's pdftotext reads it (a program other than ours). */
function pdfText(base64: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'letter-'));
  try {
    const file = join(dir, 'letter.pdf');
    writeFileSync(file, Buffer.from(base64, 'base64'));
    return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// The clock of the approval world starts on 2026-11-02 (Monday).
describe('dunning (催收) through the host', () => {
  it('walks one overdue sale through reminder, collection letter and the suspension chain; payments settle it', async () => {
    const w = await approvalWorld(temp);
    // 钱二 is the 客服经理 of the credit-management department, who reads every file; 冯三, a
    // 客服经理 of a business department, neither entered nor serves this customer.
    const service = await addUser(w.t, w.t.admin, { username: 'qian.er', displayName: '钱二', password: 'qian.er-Pass-2026', roles: ['service_manager'], department: 'credit' });
    const outsider = await addUser(w.t, w.t.admin, { username: 'feng.san', displayName: '冯三', password: 'feng.san-Pass-2026', roles: ['service_manager'], department: 'business' });
    const heads = await w.t.ok(w.t.admin, 'approvals.departmentHeads.list', {});
    await w.t.ok(w.t.admin, 'approvals.departmentHeads.set', { departmentId: heads.find((h) => h.code === 'credit')!.departmentId, headUserId: w.credit.user.id });
    const customerId = await w.customer('苏州东方电子有限公司');
    const contract = await w.t.ok(w.author.session, 'records.addContract', {
      customerId, contractNo: null, title: '年度供货合同', amountFen: 500_000_00, signedOn: '2026-09-01', startOn: '2026-09-01', endOn: '2027-08-31', status: 'active', departmentId: w.dir.department('business'),
    });
    // Two sales: FP-1 due 2026-11-05 (this week), FP-2 due 2026-12-31 (later).
    const s1 = await w.t.ok(w.author.session, 'records.addTransaction', { customerId, contractId: contract.id, kind: 'sale', docNo: 'FP-1', amountFen: 100_000_00, occurredOn: '2026-10-06', dueOn: '2026-11-05' });
    await w.t.ok(w.author.session, 'records.addTransaction', { customerId, contractId: contract.id, kind: 'sale', docNo: 'FP-2', amountFen: 50_000_00, occurredOn: '2026-11-01', dueOn: '2026-12-31' });
    await w.t.ok(w.author.session, 'records.addPayment', { customerId, contractId: contract.id, amountFen: 40_000_00, paidOn: '2026-10-20', ref: 'FP-1' });

    const sales = async () => (await w.t.ok(service.session, 'dunning.sales', { customerId, purpose: PURPOSE })).sales;
    expect((await w.t.ok(service.session, 'dunning.sales', { customerId, purpose: PURPOSE })).cooperationSuspended).toBeNull();
    const initial = await sales();
    let first = initial[0];
    const second = initial[1];
    expect(first).toMatchObject({ saleId: s1.id, docNo: 'FP-1', contractNo: contract.contractNo, balanceFen: 60_000_00, state: 'due_soon', daysOverdue: 0, due: ['reminder'] });
    expect(second).toMatchObject({ docNo: 'FP-2', state: 'open', due: [] });
    // A letter before the due date is refused with the rule's reason, and nothing is written.
    await w.refused(service.session, 'dunning.letter', { saleId: s1.id }, 'CONFLICT', 'step_not_open');
    expect((await w.t.ok(w.credit.session, 'dunning.work', {})).counts).toEqual({ reminder: 1, letter: 0, suspension: 0 });
    // Names and balances are credit information: a 客服经理 who may not read the file sees no work on it.
    expect(await w.t.ok(outsider.session, 'dunning.work', {})).toEqual({ items: [], counts: { reminder: 0, letter: 0, suspension: 0 } });
    expect((await w.t.fail(outsider.session, 'dunning.sales', { customerId, purpose: PURPOSE })).details).toMatchObject({ reason: 'needsLoan' });

    const reminded = await w.t.ok(service.session, 'dunning.recordReminder', { saleId: s1.id, channel: 'phone', note: '已电话提醒对方财务' });
    expect(reminded.steps[0]).toMatchObject({ kind: 'reminder', status: 'done', record: { on: '2026-11-02', by: { displayName: '钱二' }, channel: 'phone', note: '已电话提醒对方财务' } });
    await w.refused(service.session, 'dunning.recordReminder', { saleId: s1.id, channel: 'fax', note: null }, 'CONFLICT', 'step_done');

    // Nobody opens the app until 2026-11-10: the letter is due (5 days overdue), not lost.
    w.t.clock.advance(8 * DAY);
    await w.unlockAll();
    await w.t.ok(service.session, 'auth.unlock', { password: 'qian.er-Pass-2026' });
    [first] = await sales();
    expect(first).toMatchObject({ state: 'overdue', daysOverdue: 5, due: ['letter'] });
    const letter = await w.t.ok(service.session, 'dunning.letter', { saleId: s1.id });
    expect(letter.text).toContain('苏州东方电子有限公司');
    expect(letter.text).toContain('尚有 ¥60,000.00 未付，已逾期 5 天');
    expect(letter.text).toContain('约定付款日期为 2026-11-05');
    expect(letter.text).toContain('经办人：钱二');
    expect(letter).toMatchObject({ mime: 'application/pdf', pages: 1, fileName: '催款函-苏州东方电子有限公司-FP-1.pdf' });
    const printed = pdfText(letter.contentBase64).replace(/\s+/g, ' ');
    for (const words of ['苏州东方电子有限公司', '¥60,000.00', '2026-11-05', '已逾期 5 天', '经办人：钱二']) expect(printed).toContain(words);
    expect(letter.sale.steps[1]).toMatchObject({ kind: 'letter', status: 'done', record: { on: '2026-11-10' } });
    // Printing it again is allowed, and logged again; the step stays as first recorded.
    const again = await w.t.ok(service.session, 'dunning.letter', { saleId: s1.id });
    expect(again.sale.steps[1]!.record!.id).toBe(letter.sale.steps[1]!.record!.id);
    expect(await w.audit('dunning.letter', `customer:${customerId}`)).toHaveLength(2);
    // Not yet more than 15 days overdue: no suspension.
    await w.refused(service.session, 'dunning.recommendSuspension', { saleId: s1.id, reason: '逾期' }, 'CONFLICT', 'step_not_open');

    // 2026-11-21: 16 days overdue — the suspension is recommended and goes through its chain.
    w.t.clock.advance(11 * DAY);
    await w.unlockAll();
    await w.t.ok(service.session, 'auth.unlock', { password: 'qian.er-Pass-2026' });
    expect((await w.t.ok(service.session, 'dunning.work', {})).items.map((i) => [i.docNo, i.kind, i.daysOverdue])).toEqual([['FP-1', 'suspension', 16]]);
    const recommended = await w.t.ok(service.session, 'dunning.recommendSuspension', { saleId: s1.id, reason: '逾期超过十五天，多次催收未果' });
    expect(recommended.sale.steps[2]).toMatchObject({ kind: 'suspension', status: 'in_approval', record: { chainId: recommended.chainId, chainStatus: 'running' } });
    await w.refused(service.session, 'dunning.recommendSuspension', { saleId: s1.id, reason: '再次建议' }, 'CONFLICT', 'suspension_in_approval');
    const chain = await w.chain(w.credit.session, recommended.chainId);
    expect(chain.timeline.steps.map((s) => s.stepId)).toEqual(['credit_head', 'finance_manager', 'general_manager']);
    await w.decide(w.credit.session, recommended.chainId, { kind: 'approve', opinion: '同意' });
    await w.decide(w.finance.session, recommended.chainId, { kind: 'approve', opinion: '保证金转为违约金' });
    await w.decide(w.gm.session, recommended.chainId, { kind: 'approve', opinion: '同意停止合作' });
    [first] = await sales();
    expect(first!.steps[2]).toMatchObject({ status: 'done', record: { chainStatus: 'approved' } });
    expect((await w.t.ok(service.session, 'dunning.sales', { customerId, purpose: PURPOSE })).cooperationSuspended).toEqual({ on: '2026-11-21', chainId: recommended.chainId });

    // The customer pays the balance: the sale is paid, nothing is due any more.
    await w.t.ok(w.author.session, 'records.addPayment', { customerId, contractId: contract.id, amountFen: 60_000_00, paidOn: '2026-11-21', ref: 'FP-1' });
    [first] = (await sales()).filter((s) => s.docNo === 'FP-1');
    expect(first).toMatchObject({ state: 'paid', balanceFen: 0, daysOverdue: 0, due: [] });
    await w.refused(service.session, 'dunning.recordReminder', { saleId: s1.id, channel: 'phone', note: null }, 'CONFLICT', 'sale_settled');
  });

  it('the template is the administrator’s: an unknown field is refused with its name, a good one is used for the next letter', async () => {
    const w = await approvalWorld(temp);
    const shipped = await w.t.ok(w.credit.session, 'dunning.template', {});
    expect(shipped.savedAt).toBeNull();
    expect(shipped.fields).toContain('未付金额');
    const error = await w.t.fail(w.t.admin, 'dunning.setTemplate', { text: '致 {{客户名称}}：请于 {{付款期限}} 前付清 {{未付金额}}。' });
    expect(error).toMatchObject({ code: 'VALIDATION', details: { reason: 'unknownPlaceholder', placeholders: ['付款期限'] } });
    // Only the administrator (settings.manage) saves it.
    expect((await w.t.fail(w.credit.session, 'dunning.setTemplate', { text: '致 {{客户名称}}：请尽快付清 {{未付金额}}，谢谢。' })).code).toBe('FORBIDDEN');
    await w.t.ok(w.t.admin, 'dunning.setTemplate', { text: '致 {{客户名称}}：请尽快付清 {{未付金额}}，谢谢。' });
    const saved = await w.t.ok(w.credit.session, 'dunning.template', {});
    expect(saved).toMatchObject({ text: '致 {{客户名称}}：请尽快付清 {{未付金额}}，谢谢。', savedBy: { displayName: '王建国' } });

    const customerId = await w.customer('无锡北方机械有限公司');
    const sale = await w.t.ok(w.author.session, 'records.addTransaction', { customerId, contractId: null, kind: 'sale', docNo: 'FP-9', amountFen: 12_345_67, occurredOn: '2026-09-01', dueOn: '2026-10-01' });
    const letter = await w.t.ok(w.credit.session, 'dunning.letter', { saleId: sale.id });
    expect(letter.text).toBe('致 无锡北方机械有限公司：请尽快付清 ¥12,345.67，谢谢。');
  });
});
