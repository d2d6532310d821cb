import { describe, expect, it } from 'vitest';
import { approvalDefinitionSchema, APPROVAL_ROLES, CREDIT_LIMIT_GM_THRESHOLD_FEN, DEFAULT_CHAINS, defaultChain, LEADERSHIP_ROLE, timeline, validateDefinition } from '../../src/shared/domain/approvals';
import type { Assignee } from '../../src/shared/domain/approvals';
import { DEFAULT_ROLES } from '../../src/shared/domain/permissions';
import { ballot, context, directory, run, started } from './approvals/fixture';

const rolesOf = (who: readonly Assignee[]) => who.flatMap((a) => (a.kind === 'role' ? [a.role] : a.kind === 'leadership' ? [LEADERSHIP_ROLE] : []));

describe('the default chains (seed 003, SPEC §3–§6)', () => {
  it.each(DEFAULT_CHAINS.map((d) => [d.id, d] as const))('%s is a valid definition whose roles are all listed', (_id, d) => {
    expect(validateDefinition(d)).toEqual([]);
    expect(approvalDefinitionSchema.parse(structuredClone(d))).toEqual(d);
    const listed = new Set(APPROVAL_ROLES.map((r) => r.code));
    for (const step of d.steps) for (const code of rolesOf(step.who)) expect(listed.has(code)).toBe(true);
  });

  it('the definition schema refuses extra fields and unknown kinds of step', () => {
    const d = structuredClone(defaultChain('checkout')) as unknown as { steps: Record<string, unknown>[] };
    expect(approvalDefinitionSchema.safeParse({ ...d, extra: 1 }).success).toBe(false);
    expect(approvalDefinitionSchema.safeParse({ ...d, steps: [{ ...d.steps[0], how: { mode: 'quorum', n: 0 } }] }).success).toBe(false);
    expect(approvalDefinitionSchema.safeParse({ ...d, steps: [{ ...d.steps[0], who: [{ kind: 'everyone' }] }] }).success).toBe(false);
  });

  it('names only roles the archive has by default, under the same names', () => {
    for (const r of APPROVAL_ROLES) expect(DEFAULT_ROLES.find((x) => x.code === r.code)?.name, r.code).toBe(r.name);
  });

  it('new-customer and periodic review follow seed 003 in order', () => {
    expect(defaultChain('new_customer_review').steps.map((s) => s.name['zh-CN'])).toEqual(['部门经理', '法律事务', '综合部经理', '计划财务部经理', '营销中心副总', '总经理']);
    expect(defaultChain('periodic_review').steps.map((s) => s.name['zh-CN'])).toEqual(['部门经理', '协办部门', '法律事务', '综合部经理', '计划财务部', '营销中心副总', '总经理']);
  });

  it('a credit-limit change needs the general manager only above the threshold', () => {
    const def = defaultChain('credit_limit_change');
    const walk = (amountFen: number) =>
      run(def, started(def, { amountFen }, context()), [ballot('approve', 'bob', 'dept_manager'), ballot('approve', 'gina', 'credit_head'), ballot('approve', 'erin', 'finance_manager')]);
    const small = walk(CREDIT_LIMIT_GM_THRESHOLD_FEN);
    expect(small.status).toBe('approved');
    expect(small.steps.map((s) => s.status)).toEqual(['approved', 'approved', 'approved', 'skipped']);
    const large = walk(CREDIT_LIMIT_GM_THRESHOLD_FEN + 1);
    expect(large.currentStepId).toBe('general_manager');
    expect(run(def, large, [ballot('approve', 'frank', 'general_manager')]).status).toBe('approved');
  });

  it('a checkout from a business department goes to the head of credit management', () => {
    const def = defaultChain('checkout');
    const s = started(def, { confidentiality: 'normal' });
    expect(timeline(def, s).steps.map((x) => [x.stepId, x.status])).toEqual([
      ['credit_head', 'active'],
      ['leadership', 'skipped'],
      ['general_manager', 'skipped'],
    ]);
    const done = run(def, s, [ballot('approve', 'gina', 'credit_head')]);
    expect(done.status).toBe('approved');
    expect(done.filedWith).toMatchObject({ departmentCode: 'credit', departmentId: 'd-credit' });
  });

  it('a checkout from another department goes to company leadership and is filed with credit management; 机密 also needs the general manager', () => {
    const def = defaultChain('checkout');
    // dave works in legal (an "other" department); frank is the only leader and the general manager.
    const ctx = context({ directory: { ...directory, users: [...directory.users, { id: 'vp', name: '冯二', departmentId: 'd-gm', roles: ['leadership', 'marketing_vp'], active: true }] } });
    const s = started(def, { confidentiality: 'confidential' }, ctx, 'dave');
    expect(s.steps.map((x) => x.status)).toEqual(['skipped', 'active', 'waiting']);
    expect(s.steps[1]?.seats.map((x) => x.userId)).toEqual(['frank', 'vp']);
    const afterLeader = run(def, s, [ballot('approve', 'vp', 'leadership')], ctx);
    expect(afterLeader.currentStepId).toBe('general_manager');
    const done = run(def, afterLeader, [ballot('approve', 'frank', 'general_manager')], ctx);
    expect(done.status).toBe('approved');
    expect(done.filedWith?.departmentCode).toBe('credit');
  });

  it('the whole new-customer review runs with six different people', () => {
    const def = defaultChain('new_customer_review');
    const users = [
      ...directory.users,
      { id: 'ga', name: '综合', departmentId: null, roles: ['general_affairs_manager'], active: true },
      { id: 'mvp', name: '营销', departmentId: null, roles: ['marketing_vp'], active: true },
    ];
    const ctx = context({ directory: { ...directory, users } });
    const s = run(
      def,
      started(def, {}, ctx),
      [
        ballot('approve', 'bob', 'dept_manager'),
        ballot('approve', 'dave', 'legal'),
        ballot('approve', 'ga', 'general_affairs_manager'),
        ballot('approve', 'erin', 'finance_manager'),
        ballot('approve', 'mvp', 'marketing_vp'),
        ballot('approve', 'frank', 'general_manager'),
      ],
      ctx,
    );
    expect(s.status).toBe('approved');
    expect(new Set(s.decisions.map((d) => d.actorId)).size).toBe(6);
  });
});
