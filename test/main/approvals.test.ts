import { describe, expect, it } from 'vitest';
import { defaultChain } from '../../src/shared/domain/approvals';
import { approvalWorld } from './approvals-world';
import { fingerprint, useTempDirs } from './helpers';

const temp = useTempDirs();
const DAY = 86_400_000;

describe('approval chains through the host', () => {
  it('answers each refusal with its reason code and writes nothing', async () => {
    const w = await approvalWorld(temp);
    const customerId = await w.customer('上海东方机械有限公司');
    const request = await w.t.ok(w.author.session, 'creditLimits.request', { customerId, limitFen: 500_000_00, termDays: 60, reason: '年度采购量增加' });
    const id = request.chainId;
    const seen = await w.chain(w.manager.session, id);
    expect(seen.chain.currentStepId).toBe('dept_manager');
    const at = { chainId: id, stepId: 'dept_manager', contentHash: seen.contentHash };

    // Your own form.
    await w.refused(w.author.session, 'approvals.decide', { kind: 'approve', ...at, opinion: '同意' }, 'FORBIDDEN', 'ownForm');
    // Not a candidate of the open step.
    await w.refused(w.finance.session, 'approvals.decide', { kind: 'approve', ...at }, 'FORBIDDEN', 'notCandidate');
    // A stale content hash.
    await w.refused(w.manager.session, 'approvals.decide', { ...at, kind: 'approve', contentHash: 'f'.repeat(64) }, 'CONFLICT', 'staleContent');
    // A step that is not the open one.
    await w.refused(w.manager.session, 'approvals.decide', { ...at, kind: 'approve', stepId: 'finance_manager' }, 'CONFLICT', 'stepNotActive');
    // Rejecting needs an opinion.
    await w.refused(w.manager.session, 'approvals.decide', { ...at, kind: 'reject' }, 'CONFLICT', 'opinionRequired');
    // Acting for someone who never delegated.
    await w.refused(w.manager2.session, 'approvals.decide', { ...at, kind: 'approve', onBehalfOf: w.manager.user.id }, 'FORBIDDEN', 'notDelegate');

    // A delegation outside its dates: 周八 hands his approvals to 郑十 from next month.
    await w.t.ok(w.finance.session, 'approvals.delegations.create', { toUserId: w.colleague.user.id, fromDay: '2026-12-01', toDay: '2026-12-10' });
    await w.decide(w.manager.session, id, { kind: 'approve' });
    await w.decide(w.credit.session, id, { kind: 'approve' });
    const atFinance = await w.chain(w.finance.session, id);
    expect(atFinance.chain.currentStepId).toBe('finance_manager');
    await w.refused(
      w.colleague.session,
      'approvals.decide',
      { kind: 'approve', chainId: id, stepId: 'finance_manager', contentHash: atFinance.contentHash, onBehalfOf: w.finance.user.id },
      'FORBIDDEN',
      'delegationOutsideDates',
    );
    // Withdrawn after a decision.
    await w.refused(w.author.session, 'approvals.withdraw', { chainId: id }, 'CONFLICT', 'withdrawAfterDecision');
    // Only the author withdraws.
    await w.refused(w.manager.session, 'approvals.withdraw', { chainId: id }, 'FORBIDDEN', 'notAuthor');
    // One person cannot fill two distinct-person steps: 李四 approved the first, so he cannot take finance even by transfer.
    await w.refused(
      w.finance.session,
      'approvals.decide',
      { kind: 'transfer', chainId: id, stepId: 'finance_manager', contentHash: atFinance.contentHash, toUserId: w.manager.user.id },
      'FORBIDDEN',
      'transferTargetNotEligible',
    );
    // Someone with no part in the chain cannot even see it.
    const before = fingerprint(w.t.dir)['archive.db-wal'];
    expect((await w.t.fail(w.gm.session, 'approvals.get', { id })).code).toBe('FORBIDDEN');
    expect(fingerprint(w.t.dir)['archive.db-wal']).toEqual(before);

    // After all that, the chain is where the two approvals left it.
    const after = await w.chain(w.author.session, id);
    expect(after.timeline.steps.map((s) => [s.stepId, s.status])).toEqual([
      ['dept_manager', 'approved'],
      ['credit_head', 'approved'],
      ['finance_manager', 'active'],
      ['general_manager', 'skipped'],
    ]);
    expect(after.timeline.steps[3]!.skipped).toEqual({ condition: { kind: 'amountAbove', fen: 1_000_000_00 }, actual: 500_000_00 });
    expect(after.actions.withdraw).toEqual({ allowed: false, reason: 'withdrawAfterDecision' });
  });

  it('asks one after another in a sequential step: not your turn until the one before decides; a running chain keeps its version', async () => {
    const w = await approvalWorld(temp);
    const first = await w.t.ok(w.author.session, 'creditLimits.request', { customerId: await w.customer('杭州一号贸易有限公司'), limitFen: 100_000_00, termDays: 30, reason: '首次授信' });

    // The administrator makes the department step 依次 (both department managers, in order).
    const current = await w.t.ok(w.t.admin, 'approvals.definitions.get', { id: 'credit_limit_change' });
    expect(current.definition).toEqual(defaultChain('credit_limit_change'));
    const edited = structuredClone(current.definition);
    edited.steps = edited.steps.map((s) => (s.id === 'dept_manager' ? { ...s, how: { mode: 'sequential' as const } } : s));
    const preview = await w.t.ok(w.t.admin, 'approvals.definitions.preview', { definition: edited, authorId: w.author.user.id, facts: { amountFen: 2_000_000_00 } });
    expect(preview.steps.map((s) => [s.stepId, s.candidates.map((c) => c.displayName)])).toEqual([
      ['dept_manager', ['李四', '李五']],
      ['credit_head', ['孙七']],
      ['finance_manager', ['周八']],
      ['general_manager', ['吴九']],
    ]);
    const saved = await w.t.ok(w.t.admin, 'approvals.definitions.save', { definition: edited });
    expect(saved.definition.version).toBe(2);
    expect(saved.versions.map((v) => [v.version, v.chains])).toEqual([[2, 0], [1, 1]]);
    // Saving over an old version is refused.
    expect((await w.t.fail(w.t.admin, 'approvals.definitions.save', { definition: edited })).details).toMatchObject({ reason: 'definitionMismatch' });
    // Nobody else may edit chains.
    expect((await w.t.fail(w.manager.session, 'approvals.definitions.save', { definition: saved.definition })).code).toBe('FORBIDDEN');

    const second = await w.t.ok(w.author.session, 'creditLimits.request', { customerId: await w.customer('杭州二号贸易有限公司'), limitFen: 100_000_00, termDays: 30, reason: '首次授信' });
    const v2 = await w.chain(w.author.session, second.chainId);
    expect(v2.chain.definitionVersion).toBe(2);
    expect((await w.chain(w.author.session, first.chainId)).chain.definitionVersion).toBe(1);

    const seen = await w.chain(w.manager2.session, second.chainId);
    await w.refused(w.manager2.session, 'approvals.decide', { kind: 'approve', chainId: second.chainId, stepId: 'dept_manager', contentHash: seen.contentHash }, 'FORBIDDEN', 'notYourTurn');
    // 李五 waits in nobody's inbox yet for the sequential chain; both see the v1 chain (any one of them).
    expect((await w.t.ok(w.manager2.session, 'approvals.inbox', {})).rows.map((r) => r.id)).toEqual([first.chainId]);
    await w.decide(w.manager.session, second.chainId, { kind: 'approve' });
    expect((await w.t.ok(w.manager2.session, 'approvals.inbox', {})).rows.map((r) => r.id).sort()).toEqual([first.chainId, second.chainId].sort());
    await w.decide(w.manager2.session, second.chainId, { kind: 'approve' });
    expect((await w.chain(w.author.session, second.chainId)).chain.currentStepId).toBe('credit_head');
  });

  it('records every decision as one audit entry, and keeps the inbox, my requests and done in step', async () => {
    const w = await approvalWorld(temp);
    const { chainId } = await w.t.ok(w.author.session, 'creditLimits.request', { customerId: await w.customer('南京三号实业有限公司'), limitFen: 300_000_00, termDays: 45, reason: '扩大合作' });

    const inbox = await w.t.ok(w.manager.session, 'approvals.inbox', {});
    expect(inbox.total).toBe(1);
    expect(inbox.overdue).toBe(0);
    expect(inbox.rows[0]).toMatchObject({ id: chainId, stepId: 'dept_manager', subject: '南京三号实业有限公司', delegated: false, overdue: false, amountFen: 300_000_00 });
    // The step opened on Monday 2026-11-02 with 3 working days: due Thursday.
    expect(inbox.rows[0]!.deadline).toMatchObject({ day: '2026-11-05', provisional: false });
    expect(await w.t.ok(w.manager.session, 'approvals.inboxCount', {})).toEqual({ total: 1, overdue: 0 });

    // A week later it is overdue.
    w.t.clock.advance(7 * DAY);
    await w.unlockAll();
    expect(await w.t.ok(w.manager.session, 'approvals.inboxCount', {})).toEqual({ total: 1, overdue: 1 });
    expect((await w.t.ok(w.manager.session, 'approvals.inbox', {})).rows[0]!.overdue).toBe(true);

    const decisionsBefore = (await w.audit('approvals.decide')).length;
    await w.decide(w.manager.session, chainId, { kind: 'approve', opinion: '同意' });
    // 孙七 hands the step to a colleague? None in the credit department: transfer is not possible.
    const creditSees = await w.chain(w.credit.session, chainId);
    expect(creditSees.actions.seats[0]!.transfer).toMatchObject({ allowed: false, reason: 'transferTargetNotEligible' });
    await w.decide(w.credit.session, chainId, { kind: 'approve' });
    // 周八 transfers to his colleague 郑十, who approves.
    await w.decide(w.finance.session, chainId, { kind: 'transfer', toUserId: w.colleague.user.id, opinion: '出差，请郑十办理' });
    await w.decide(w.colleague.session, chainId, { kind: 'approve' });

    const entries = await w.audit('approvals.decide', `approval:${chainId}`);
    expect(entries.length - decisionsBefore).toBe(4);
    expect(entries.map((e) => (e.details as { decision: string }).decision)).toEqual(['approve', 'approve', 'transfer', 'approve']);
    expect(entries.map((e) => e.username)).toEqual(['li.si', 'sun.qi', 'zhou.ba', 'zheng.shi']);

    const done = await w.t.ok(w.manager.session, 'approvals.done', {});
    expect(done.rows.map((r) => [r.id, r.decision.kind, r.status])).toEqual([[chainId, 'approve', 'approved']]);
    const mine = await w.t.ok(w.author.session, 'approvals.mine', {});
    expect(mine.rows.map((r) => [r.id, r.status])).toEqual([[chainId, 'approved']]);
    expect((await w.t.ok(w.author.session, 'approvals.mine', { status: 'running' })).total).toBe(0);
    expect((await w.t.ok(w.manager.session, 'approvals.inbox', {})).total).toBe(0);

    const final = await w.chain(w.author.session, chainId);
    const finance = final.timeline.steps.find((s) => s.stepId === 'finance_manager')!;
    expect(finance.seats).toEqual([expect.objectContaining({ userId: w.colleague.user.id, transferredFrom: w.finance.user.id })]);
    expect(finance.decisions.map((d) => d.kind)).toEqual(['transfer', 'approve']);
  });

  it('delegation: the delegate sees the seat in their inbox, decides as "王五 代 张三"; ended, it stops', async () => {
    const w = await approvalWorld(temp);
    const delegation = await w.t.ok(w.manager.session, 'approvals.delegations.create', { toUserId: w.colleague.user.id, fromDay: '2026-11-01', toDay: '2026-11-30' });
    expect(delegation.state).toBe('current');
    // A delegation to oneself, or ending before it starts, is refused.
    expect((await w.t.fail(w.manager.session, 'approvals.delegations.create', { toUserId: w.manager.user.id, fromDay: '2026-11-01', toDay: '2026-11-30' })).code).toBe('VALIDATION');
    expect((await w.t.fail(w.manager.session, 'approvals.delegations.create', { toUserId: w.gm.user.id, fromDay: '2026-11-10', toDay: '2026-11-01' })).code).toBe('VALIDATION');

    const { chainId } = await w.t.ok(w.author.session, 'creditLimits.request', { customerId: await w.customer('苏州四号电子有限公司'), limitFen: 200_000_00, termDays: 30, reason: '新增产品线' });
    const inbox = await w.t.ok(w.colleague.session, 'approvals.inbox', {});
    expect(inbox.rows.map((r) => [r.id, r.principal.displayName, r.delegated])).toEqual([[chainId, '李四', true]]);
    const seen = await w.chain(w.colleague.session, chainId);
    expect(seen.actions.seats.map((s) => [s.principalId, s.approve.allowed])).toEqual([[w.manager.user.id, true]]);

    await w.decide(w.colleague.session, chainId, { kind: 'approve', onBehalfOf: w.manager.user.id });
    const after = await w.chain(w.author.session, chainId);
    const decision = after.timeline.steps[0]!.decisions[0]!;
    expect(decision).toMatchObject({ actorId: w.colleague.user.id, principalId: w.manager.user.id, delegated: true });
    expect(after.people.map((p) => p.displayName)).toEqual(expect.arrayContaining(['郑十', '李四']));

    expect((await w.t.ok(w.manager.session, 'approvals.delegations.mine', {})).given.map((d) => d.to.displayName)).toEqual(['郑十']);
    expect((await w.t.ok(w.t.admin, 'approvals.delegations.all', { includePast: false })).map((d) => d.id)).toEqual([delegation.id]);
    expect((await w.t.fail(w.colleague.session, 'approvals.delegations.end', { id: delegation.id })).code).toBe('FORBIDDEN');
    const ended = await w.t.ok(w.manager.session, 'approvals.delegations.end', { id: delegation.id });
    expect(ended.state).toBe('ended');
    expect((await w.t.fail(w.manager.session, 'approvals.delegations.end', { id: delegation.id })).code).toBe('CONFLICT');

    // Ended, it no longer lets 郑十 act for 李四.
    const { chainId: next } = await w.t.ok(w.author.session, 'creditLimits.request', { customerId: await w.customer('苏州五号电子有限公司'), limitFen: 200_000_00, termDays: 30, reason: '新增产品线' });
    expect((await w.t.ok(w.colleague.session, 'approvals.inbox', {})).total).toBe(0);
    const nextSeen = await w.chain(w.manager.session, next);
    await w.refused(w.colleague.session, 'approvals.decide', { kind: 'approve', chainId: next, stepId: 'dept_manager', contentHash: nextSeen.contentHash, onBehalfOf: w.manager.user.id }, 'FORBIDDEN', 'notDelegate');
  });

  it('department heads are set by the administrator and name the approver of a department-head step', async () => {
    const w = await approvalWorld(temp);
    const heads = await w.t.ok(w.manager.session, 'approvals.departmentHeads.list', {});
    expect(heads.find((h) => h.code === 'credit')!.head).toBeNull();
    expect((await w.t.fail(w.manager.session, 'approvals.departmentHeads.set', { departmentId: w.dir.department('credit'), headUserId: w.credit.user.id })).code).toBe('FORBIDDEN');
    const set = await w.t.ok(w.t.admin, 'approvals.departmentHeads.set', { departmentId: w.dir.department('credit'), headUserId: w.colleague.user.id });
    expect(set.head?.displayName).toBe('郑十');
    const definition = (await w.t.ok(w.t.admin, 'approvals.definitions.get', { id: 'credit_limit_change' })).definition;
    const preview = await w.t.ok(w.t.admin, 'approvals.definitions.preview', { definition, authorId: w.author.user.id, facts: { amountFen: 100 } });
    expect(preview.steps.find((s) => s.stepId === 'credit_head')!.candidates.map((c) => c.displayName)).toEqual(['孙七', '郑十']);
    expect(preview.steps.find((s) => s.stepId === 'general_manager')!.skipped).toEqual({ condition: { kind: 'amountAbove', fen: 1_000_000_00 }, actual: 100 });
  });
});
