import { describe, expect, it } from 'vitest';
import { CREDIT_LIMIT_GM_THRESHOLD_FEN } from '../../src/shared/domain/approvals';
import { approvalWorld } from './approvals-world';
import { fingerprint, useTempDirs } from './helpers';

const temp = useTempDirs();
const PURPOSE = '授信额度调整审核';

describe('credit limit changes (授信额度调整)', () => {
  it('above the threshold: returned, changed and resubmitted, approved step by step (one by a delegate); the limit, term and history change', async () => {
    const w = await approvalWorld(temp);
    const customerId = await w.customer('广州南方重工有限公司');
    // 周八 is away: 郑十 acts for him this month.
    await w.t.ok(w.finance.session, 'approvals.delegations.create', { toUserId: w.colleague.user.id, fromDay: '2026-11-01', toDay: '2026-11-30' });

    const asked = 2_000_000_00;
    expect(asked).toBeGreaterThan(CREDIT_LIMIT_GM_THRESHOLD_FEN);
    const request = await w.t.ok(w.author.session, 'creditLimits.request', { customerId, limitFen: asked, termDays: 90, reason: '年度框架合同签订，采购量翻倍' });
    expect(request).toMatchObject({ status: 'running', limitFen: asked, termDays: 90, before: { limitFen: null, termDays: null }, appliedAt: null });
    const id = request.chainId;
    // Above the threshold the general manager's step applies.
    expect((await w.chain(w.author.session, id)).timeline.steps.map((s) => s.status)).toEqual(['active', 'waiting', 'waiting', 'waiting']);
    // One open request per customer.
    await w.refused(w.author.session, 'creditLimits.request', { customerId, limitFen: 1, termDays: 1, reason: '重复申请' }, 'CONFLICT', 'requestOpen');

    await w.decide(w.manager.session, id, { kind: 'approve', opinion: '同意' });
    // 孙七 returns it to the author with an opinion.
    await w.decide(w.credit.session, id, { kind: 'return', to: { to: 'author' }, opinion: '额度过高，请下调至 150 万元' });
    const returned = await w.chain(w.author.session, id);
    expect(returned.chain.status).toBe('returned');
    expect(returned.actions.resubmit).toEqual({ allowed: true });
    // Approvers wait for the resubmission; only the author resubmits.
    await w.refused(w.credit.session, 'creditLimits.resubmit', { chainId: id, limitFen: 1_500_000_00, termDays: 60, reason: '按意见下调' }, 'FORBIDDEN', 'notAuthor');

    const resubmitted = await w.t.ok(w.author.session, 'creditLimits.resubmit', { chainId: id, limitFen: 1_500_000_00, termDays: 60, reason: '按信用管理部门意见下调' });
    expect(resubmitted).toMatchObject({ status: 'running', limitFen: 1_500_000_00, termDays: 60 });
    const again = await w.chain(w.author.session, id);
    expect(again.contentHash).not.toBe(returned.contentHash);
    expect(again.content).toEqual({ customerId, limitFen: 1_500_000_00, termDays: 60, reason: '按信用管理部门意见下调' });
    const dept = again.timeline.steps[0]!;
    // The earlier approval was on other content: voided, and the chain starts again at the department.
    expect(dept.status).toBe('active');
    expect(dept.decisions.map((d) => [d.kind, d.voided?.reason ?? null])).toEqual([['approve', 'contentChanged']]);
    expect(again.timeline.steps[1]!.decisions.map((d) => [d.kind, d.opinion])).toEqual([['return', '额度过高，请下调至 150 万元']]);
    // A decision on what the approver saw before the change is stale.
    await w.refused(w.manager.session, 'approvals.decide', { kind: 'approve', chainId: id, stepId: 'dept_manager', contentHash: returned.contentHash }, 'CONFLICT', 'staleContent');

    await w.decide(w.manager.session, id, { kind: 'approve', opinion: '同意下调后的额度' });
    await w.decide(w.credit.session, id, { kind: 'approve' });
    await w.decide(w.colleague.session, id, { kind: 'approve', onBehalfOf: w.finance.user.id });
    // Nothing has changed for the customer until the last step.
    expect((await w.t.ok(w.author.session, 'creditLimits.history', { customerId, purpose: PURPOSE })).current).toBeNull();
    await w.decide(w.gm.session, id, { kind: 'approve', opinion: '同意' });

    const done = await w.t.ok(w.author.session, 'creditLimits.get', { chainId: id });
    expect(done.status).toBe('approved');
    expect(done.appliedAt).not.toBeNull();
    const history = await w.t.ok(w.author.session, 'creditLimits.history', { customerId, purpose: PURPOSE });
    expect(history.current).toEqual({ limitFen: 1_500_000_00, termDays: 60, since: '2026-11-02' });
    expect(history.open).toEqual([]);
    expect(history.changes).toHaveLength(1);
    expect(history.changes[0]).toMatchObject({
      chainId: id,
      limitFen: 1_500_000_00,
      termDays: 60,
      previousLimitFen: null,
      previousTermDays: null,
      effectiveOn: '2026-11-02',
      reason: '按信用管理部门意见下调',
      requestedBy: { displayName: '张三' },
    });
    expect(history.changes[0]!.approvals.map((a) => [a.stepId, a.by.displayName, a.onBehalfOf?.displayName ?? null])).toEqual([
      ['dept_manager', '李四', null],
      ['credit_head', '孙七', null],
      ['finance_manager', '郑十', '周八'],
      ['general_manager', '吴九', null],
    ]);
    // The customer list and file carry the current limit and term.
    const list = await w.t.ok(w.author.session, 'customers.search', { text: '南方重工' });
    expect(list.rows.map((r) => [r.creditLimitFen, r.creditTermDays])).toEqual([[1_500_000_00, 60]]);
    const file = await w.t.ok(w.author.session, 'customers.get', { id: customerId, purpose: PURPOSE });
    expect([file.basics.creditLimitFen, file.basics.creditTermDays]).toEqual([1_500_000_00, 60]);
    // The final approval and the change are one audit entry of the decision.
    const last = (await w.audit('approvals.decide', `approval:${id}`)).at(-1)!;
    expect(last.details).toMatchObject({ decision: 'approve', status: 'approved', stepId: 'general_manager' });

    // A second request is rejected: nothing changes.
    const second = await w.t.ok(w.author.session, 'creditLimits.request', { customerId, limitFen: 3_000_000_00, termDays: 120, reason: '再次上调' });
    expect(second.before).toEqual({ limitFen: 1_500_000_00, termDays: 60 });
    await w.decide(w.manager.session, second.chainId, { kind: 'reject', opinion: '上次调整刚生效，暂不同意' });
    expect((await w.t.ok(w.author.session, 'creditLimits.get', { chainId: second.chainId })).status).toBe('rejected');
    const afterReject = await w.t.ok(w.author.session, 'creditLimits.history', { customerId, purpose: PURPOSE });
    expect(afterReject.current).toEqual(history.current);
    expect(afterReject.changes).toEqual(history.changes);
    // A rejected chain takes no more decisions.
    const rejected = await w.chain(w.author.session, second.chainId);
    expect(rejected.actions.withdraw).toEqual({ allowed: false, reason: 'chainClosed' });
  });

  it('a withdrawn request changes nothing; below the threshold the general manager is skipped', async () => {
    const w = await approvalWorld(temp);
    const customerId = await w.customer('深圳北方科技有限公司');
    const request = await w.t.ok(w.author.session, 'creditLimits.request', { customerId, limitFen: 800_000_00, termDays: 30, reason: '新客户首次授信' });
    const seen = await w.chain(w.author.session, request.chainId);
    expect(seen.timeline.steps[3]).toMatchObject({ stepId: 'general_manager', status: 'skipped' });
    expect(seen.actions.withdraw).toEqual({ allowed: true });
    const withdrawn = await w.t.ok(w.author.session, 'approvals.withdraw', { chainId: request.chainId, opinion: '客户暂缓合作' });
    expect(withdrawn.chain.status).toBe('withdrawn');
    expect((await w.t.ok(w.manager.session, 'approvals.inbox', {})).total).toBe(0);
    const history = await w.t.ok(w.author.session, 'creditLimits.history', { customerId, purpose: PURPOSE });
    expect(history).toEqual({ current: null, changes: [], open: [] });
    // A withdrawn chain takes no decision.
    await w.refused(w.manager.session, 'approvals.decide', { kind: 'approve', chainId: request.chainId, stepId: 'dept_manager', contentHash: seen.contentHash }, 'CONFLICT', 'chainClosed');

    // Only those who may ask for a limit do; an unknown customer is not found and nothing is written.
    expect((await w.t.fail(w.manager.session, 'creditLimits.request', { customerId, limitFen: 1, termDays: 1, reason: '越权' })).code).toBe('FORBIDDEN');
    const before = fingerprint(w.t.dir)['archive.db-wal'];
    expect((await w.t.fail(w.author.session, 'creditLimits.request', { customerId: '0190a000-0000-7000-8000-0000000000ff', limitFen: 1, termDays: 1, reason: '无此客户' })).code).toBe('NOT_FOUND');
    expect(fingerprint(w.t.dir)['archive.db-wal']).toEqual(before);
  });
});
