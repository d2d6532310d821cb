import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { creditCodeCheckCharacter } from '../../src/shared/domain/identifiers';
import { csvBase64 } from './import-files';
import { ADMIN, addUser, directory, freshArchive, login, useTempDirs } from './helpers';

// 风险预警 through the host (issue 12): the rules run when the data they read changes (a
// sale, a payment import, a credit event) and once a day at the first login; a warning is
// acknowledged, worked and closed, cleared by the rules when its cause goes and reopened
// when it comes back; the credit manager edits the thresholds; bad input changes nothing.

const temp = useTempDirs();
const PURPOSE = '风险预警处置';
const DAY_MS = 86_400_000;

async function world() {
  // The test clock reads 2026-11-02 (01:00 UTC).
  const t = await freshArchive(temp);
  const dir = await directory(t, t.admin);
  const cm = await addUser(t, t.admin, { username: 'zhou.hui', displayName: '周慧', password: 'Credit-Manager-2026', roles: ['credit_manager'], department: 'credit' });
  const am = await addUser(t, t.admin, { username: 'chen.jie', displayName: '陈杰', password: 'Account-Manager-2026', roles: ['account_manager'], department: 'business' });
  const sm = await addUser(t, t.admin, { username: 'sun.li', displayName: '孙丽', password: 'Service-Manager-2026', roles: ['service_manager'], department: 'business' });
  const auditor = await addUser(t, t.admin, { username: 'wu.qiang', displayName: '吴强', password: 'Auditor-Person-2026', roles: ['auditor'], department: 'audit' });
  let n = 0;
  async function customer(name: string) {
    const body = `9132010000000${String(1000 + n++)}`;
    const creditCode = body + creditCodeCheckCharacter(body);
    const { id } = await t.ok(am.session, 'customers.create', {
      kind: 'enterprise',
      name,
      creditCode,
      idNumber: null,
      enterpriseNature: 'private',
      registeredCapitalFen: null,
      legalRepresentative: null,
      personInCharge: null,
      address: null,
      bankName: null,
      bankAccount: null,
      industry: '制造业',
      serviceType: null,
      cooperationStart: null,
      departmentId: dir.department('business'),
      confidentiality: 'normal',
      contacts: [],
    });
    return { id, creditCode };
  }
  const open = (customerId?: string) => t.ok(cm.session, 'warnings.list', { status: 'open', ...(customerId ? { customerId } : {}) });
  const ofCustomer = (customerId: string) => t.ok(cm.session, 'warnings.ofCustomer', { customerId, purpose: PURPOSE });
  return { t, cm, am, sm, auditor, customer, open, ofCustomer };
}

describe('risk warnings through the host', () => {
  it('an overdue sale raises a warning; importing the payments that clear it closes it with the reason; it reopens when a sale is overdue again', async () => {
    const { t, cm, sm, customer, open, ofCustomer } = await world();
    const c = await customer('南京逾期测试有限公司');
    // Sold 2026-08-01 on 30 days: due 2026-08-31, 63 days late on 2026-11-02 (beyond 50 % of the term).
    await t.ok(sm.session, 'records.addTransaction', { customerId: c.id, contractId: null, kind: 'sale', docNo: 'XS-0801', amountFen: 120_000_00, occurredOn: '2026-08-01', dueOn: '2026-08-31' });
    await t.ok(sm.session, 'records.addTransaction', { customerId: c.id, contractId: null, kind: 'sale', docNo: 'XS-0820', amountFen: 30_000_00, occurredOn: '2026-08-20', dueOn: '2026-09-19' });

    const listed = await open(c.id);
    expect(listed.rows.map((r) => [r.rule, r.severity, r.status])).toEqual([['payment_overdue', 'high', 'raised']]);
    const [w] = listed.rows;
    expect(w!.evidence).toMatchObject({ rule: 'payment_overdue', overdueFen: 150_000_00, count: 2, termDays: 30, threshold: 50 });
    expect(w!.evidence.rule === 'payment_overdue' && w!.evidence.sales.map((s) => [s.docNo, s.daysLate])).toEqual([
      ['XS-0801', 63],
      ['XS-0820', 44],
    ]);
    expect(w!.measuresDue).toEqual(['close_monitoring', 'risk_notice']);
    expect(w!.owner?.displayName).toBe('陈杰');
    // The list's 预警中 filter finds the customer.
    const flagged = await t.ok(cm.session, 'customers.search', { warningState: 'open' });
    expect(flagged.rows.map((r) => r.id)).toEqual([c.id]);

    // Acknowledged and worked by the credit manager.
    await t.ok(cm.session, 'warnings.act', { warningId: w!.id, action: { type: 'acknowledge', note: null } });
    const worked = await t.ok(cm.session, 'warnings.act', { warningId: w!.id, action: { type: 'work', note: '已电话催收，客户承诺本周付清', measures: ['stronger_collection'], earlyReview: false } });
    expect(worked).toMatchObject({ status: 'in_work', measuresTaken: ['stronger_collection'] });

    // Finance's payments export clears both sales.
    const payments = [
      ['统一社会信用代码', '金额(元)', '付款日期', '凭证号', '合同编号'],
      [c.creditCode, '120,000.00', '2026-11-01', 'XS-0801', ''],
      [c.creditCode, '30,000.00', '2026-11-01', 'XS-0820', ''],
    ];
    await t.ok(sm.session, 'imports.run', { kind: 'payments', format: 'csv', fileName: '回款.csv', contentBase64: csvBase64(payments), jobId: randomUUID() });
    expect((await open(c.id)).rows).toEqual([]);
    const [closed] = await ofCustomer(c.id);
    expect(closed).toMatchObject({ status: 'closed', closeReason: 'cause_cleared', causePresent: false });
    expect(closed!.history.map((h) => [h.kind, h.status, h.by?.displayName ?? null])).toEqual([
      ['raise', 'raised', null],
      ['acknowledge', 'acknowledged', '周慧'],
      ['work', 'in_work', '周慧'],
      ['cause_gone', 'closed', null],
    ]);
    expect((await t.ok(cm.session, 'customers.search', { warningState: 'open' })).rows).toEqual([]);

    // A new sale overdue again: the same warning reopens, its history kept.
    await t.ok(sm.session, 'records.addTransaction', { customerId: c.id, contractId: null, kind: 'sale', docNo: 'XS-0905', amountFen: 8_000_00, occurredOn: '2026-09-05', dueOn: '2026-10-05' });
    const [again] = await ofCustomer(c.id);
    expect(again).toMatchObject({ id: w!.id, status: 'raised', reopened: 1, causePresent: true });
    expect(again!.evidence).toMatchObject({ overdueFen: 8_000_00, count: 1 });
    expect(again!.history.at(-1)).toMatchObject({ kind: 'cause_back', status: 'raised', by: null });
  });

  it('a new blacklist entry raises a severe warning and puts the customer on the early-review list', async () => {
    const { t, cm, customer, open } = await world();
    const c = await customer('苏州失信测试有限公司');
    const other = await customer('无锡正常经营有限公司');
    const before = await t.ok(cm.session, 'evaluations.due', { horizonDays: 0 });
    expect(before.find((d) => d.customer.id === c.id)?.reasons.map((r) => r.reason)).toEqual(['never_evaluated']);

    await t.ok(cm.session, 'records.addCreditEvent', { customerId: c.id, kind: 'blacklist', occurredOn: '2026-10-28', title: '被列入失信被执行人名单', detail: null, amountFen: 2_600_000_00, source: '中国执行信息公开网' });
    const listed = await open();
    expect(listed.rows.map((r) => [r.customer.name, r.rule, r.severity])).toEqual([['苏州失信测试有限公司', 'credit_event', 'severe']]);
    expect(listed.bySeverity).toEqual({ severe: 1, high: 0, medium: 0, low: 0 });
    expect(listed.rows[0]!.evidence).toMatchObject({ rule: 'credit_event', kind: 'blacklist', occurredOn: '2026-10-28', amountFen: 2_600_000_00 });
    // The severe filter finds it; the medium one nothing.
    expect((await t.ok(cm.session, 'warnings.list', { severity: 'severe' })).total).toBe(1);
    expect((await t.ok(cm.session, 'warnings.list', { severity: 'medium' })).total).toBe(0);

    const due = await t.ok(cm.session, 'evaluations.due', { horizonDays: 0 });
    expect(due.find((d) => d.customer.id === c.id)?.reasons[0]).toEqual({ reason: 'major_event', event: 'blacklist', day: '2026-10-28' });
    expect(due.find((d) => d.customer.id === other.id)?.reasons.map((r) => r.reason)).toEqual(['never_evaluated']);
    // Sorted first: an early review comes before the customers merely never evaluated.
    expect(due[0]!.customer.id).toBe(c.id);
  });

  it('the credit manager edits the thresholds; a rule turned off closes its warnings; everyone is evaluated again', async () => {
    const { t, cm, sm, customer, open, ofCustomer } = await world();
    const c = await customer('常州阈值测试有限公司');
    // 20 days late on a 30-day term: beyond 50 %, not beyond 100 %.
    await t.ok(sm.session, 'records.addTransaction', { customerId: c.id, contractId: null, kind: 'sale', docNo: 'XS-1', amountFen: 5_000_00, occurredOn: '2026-09-13', dueOn: '2026-10-13' });
    expect((await open(c.id)).rows.map((r) => r.rule)).toEqual(['payment_overdue']);

    const rules = await t.ok(cm.session, 'warnings.setRules', { rules: [{ rule: 'payment_overdue', enabled: true, threshold: 100 }] });
    expect(rules.find((r) => r.rule === 'payment_overdue')).toMatchObject({ threshold: 100, unit: 'percent', updatedBy: { displayName: '周慧' } });
    expect((await open(c.id)).rows).toEqual([]);
    expect((await ofCustomer(c.id))[0]).toMatchObject({ status: 'closed', closeReason: 'cause_cleared' });

    // Back to 60 %: the warning comes back (20 > 18 days), then the rule is turned off.
    await t.ok(cm.session, 'warnings.setRules', { rules: [{ rule: 'payment_overdue', enabled: true, threshold: 60 }] });
    expect((await open(c.id)).rows.map((r) => [r.rule, r.reopened])).toEqual([['payment_overdue', 1]]);
    await t.ok(cm.session, 'warnings.setRules', { rules: [{ rule: 'payment_overdue', enabled: false, threshold: 60 }] });
    expect((await ofCustomer(c.id))[0]).toMatchObject({ status: 'closed', closeReason: 'rule_disabled' });
    expect((await t.ok(cm.session, 'warnings.rules', {})).find((r) => r.rule === 'payment_overdue')).toMatchObject({ enabled: false, threshold: 60 });
  });

  it('once a day at the first login the passing days count: a sale falling overdue raises its warning', async () => {
    const { t, cm, sm, customer, open } = await world();
    const c = await customer('镇江日结测试有限公司');
    // Due 2026-11-01 on 30 days: one day late today (2026-11-02), beyond 50 % from the 16th day.
    await t.ok(sm.session, 'records.addTransaction', { customerId: c.id, contractId: null, kind: 'sale', docNo: 'XS-2', amountFen: 9_000_00, occurredOn: '2026-10-02', dueOn: '2026-11-01' });
    expect((await open(c.id)).rows).toEqual([]);
    // 2026-11-16: 15 days late, exactly 50 % of the term: not yet (the idle sessions locked meanwhile).
    t.clock.advance(14 * DAY_MS);
    await expect(open(c.id)).rejects.toThrow(/LOCKED/);
    const first = await login(t, 'zhou.hui', 'Credit-Manager-2026');
    expect((await t.ok(first, 'warnings.list', { customerId: c.id })).rows).toEqual([]);
    // 2026-11-17: 16 days late.
    t.clock.advance(DAY_MS);
    const session = await login(t, 'zhou.hui', 'Credit-Manager-2026');
    const after = await t.ok(session, 'warnings.list', { customerId: c.id });
    expect(after.rows.map((r) => [r.rule, r.evidence.rule === 'payment_overdue' ? r.evidence.sales[0]!.daysLate : null])).toEqual([['payment_overdue', 16]]);
    // A second login the same day does not run it again: one login of today carries the run.
    const admin = await login(t, 'admin', ADMIN.password);
    const entries = await t.ok(admin, 'audit.list', { action: 'auth.login', from: t.clock.now().toISOString().slice(0, 10) + 'T00:00:00.000Z', limit: 10 });
    expect(entries.entries).toHaveLength(2);
    expect(entries.entries.filter((e) => (e.details as { warnings?: unknown } | null)?.warnings !== undefined)).toHaveLength(1);
    void cm;
  });

  it('refuses bad input and steps out of turn, and nothing changes', async () => {
    const { t, cm, am, sm, auditor, customer, ofCustomer } = await world();
    const c = await customer('扬州拒绝测试有限公司');
    await t.ok(cm.session, 'records.addCreditEvent', { customerId: c.id, kind: 'litigation', occurredOn: '2026-10-30', title: '买卖合同纠纷一审', detail: null, amountFen: 800_000_00, source: '裁判文书网' });
    const [w] = await ofCustomer(c.id);
    const rulesBefore = await t.ok(cm.session, 'warnings.rules', {});

    const outOfRange = await t.fail(cm.session, 'warnings.setRules', { rules: [{ rule: 'payment_overdue', enabled: true, threshold: 30 }, { rule: 'dormant', enabled: true, threshold: 0 }] });
    expect(outOfRange).toMatchObject({ code: 'VALIDATION', details: { reason: 'thresholdOutOfRange', field: 'dormant', min: 1, max: 60 } });
    const twice = await t.fail(cm.session, 'warnings.setRules', { rules: [{ rule: 'dormant', enabled: true, threshold: 3 }, { rule: 'dormant', enabled: false, threshold: 3 }] });
    expect(twice).toMatchObject({ code: 'VALIDATION', details: { reason: 'ruleListedTwice' } });
    expect((await t.fail(cm.session, 'warnings.setRules', { rules: [{ rule: 'no_such_rule', enabled: true, threshold: 3 }] })).code).toBe('VALIDATION');
    expect((await t.fail(am.session, 'warnings.setRules', { rules: [{ rule: 'dormant', enabled: true, threshold: 3 }] })).code).toBe('FORBIDDEN');
    expect(await t.ok(cm.session, 'warnings.rules', {})).toEqual(rulesBefore);

    // Working or closing before it is acknowledged; a blank note; closing by the account manager; a rules-only reason.
    expect(await t.fail(cm.session, 'warnings.act', { warningId: w!.id, action: { type: 'work', note: '催收', measures: [], earlyReview: false } })).toMatchObject({ code: 'CONFLICT', details: { reason: 'warning_not_acknowledged' } });
    expect(await t.fail(cm.session, 'warnings.act', { warningId: w!.id, action: { type: 'close', reason: 'resolved', note: '已和解' } })).toMatchObject({ code: 'CONFLICT', details: { reason: 'warning_not_acknowledged' } });
    await t.ok(am.session, 'warnings.act', { warningId: w!.id, action: { type: 'acknowledge', note: '已知悉' } });
    expect((await t.fail(am.session, 'warnings.act', { warningId: w!.id, action: { type: 'work', note: '   ', measures: [], earlyReview: false } })).code).toBe('VALIDATION');
    expect(await t.fail(am.session, 'warnings.act', { warningId: w!.id, action: { type: 'close', reason: 'resolved', note: '已和解' } })).toMatchObject({ code: 'FORBIDDEN', details: { reason: 'warning_not_permitted' } });
    expect((await t.fail(cm.session, 'warnings.act', { warningId: w!.id, action: { type: 'close', reason: 'cause_cleared', note: '已和解' } })).code).toBe('VALIDATION');
    expect((await t.fail(cm.session, 'warnings.act', { warningId: w!.id, action: { type: 'acknowledge', note: null } })).details).toMatchObject({ reason: 'warning_wrong_state' });
    expect((await t.fail(auditor.session, 'warnings.list', {})).code).toBe('FORBIDDEN');
    expect((await t.fail(sm.session, 'warnings.act', { warningId: '01900000-0000-7000-8000-0000deadbeef', action: { type: 'acknowledge', note: null } })).code).toBe('NOT_FOUND');

    const [after] = await ofCustomer(c.id);
    expect(after!.status).toBe('acknowledged');
    expect(after!.history.map((h) => h.kind)).toEqual(['raise', 'acknowledge']);
    // What the credit manager may do now: work and close; acknowledge no more.
    expect(after!.actions.map((a) => [a.action, a.allowed])).toEqual([
      ['acknowledge', false],
      ['work', true],
      ['close', true],
    ]);
    const closed = await t.ok(cm.session, 'warnings.act', { warningId: w!.id, action: { type: 'close', reason: 'risk_accepted', note: '诉讼金额已计提坏账准备' } });
    expect(closed).toMatchObject({ status: 'closed', closeReason: 'risk_accepted' });
    // Closed by hand while the cause stands: a later evaluation does not reopen it.
    await t.ok(cm.session, 'records.addTransaction', { customerId: c.id, contractId: null, kind: 'sale', docNo: 'XS-3', amountFen: 1_00, occurredOn: '2026-11-01', dueOn: '2026-12-01' });
    expect((await ofCustomer(c.id))[0]).toMatchObject({ status: 'closed', closeReason: 'risk_accepted' });
  });
});
