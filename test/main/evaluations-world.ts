import { expect } from 'vitest';
import type { Input } from '../../src/shared/contract';
import { creditCodeCheckCharacter } from '../../src/shared/domain/identifiers';
import { addUser, directory, fingerprint, freshArchive, type useTempDirs } from './helpers';

// The people of a credit evaluation (客户经理, 客服经理, 信用经理) and of the periodic-review
// chain, each with their own session, on a fresh archive: the setup of the evaluations
// tests (evaluations.test.ts, evaluations-pdf.test.ts).

export const PURPOSE = '年度客户信用评审';
export const DAY_MS = 86_400_000;

/** The people of a credit evaluation and of the periodic-review chain, on a fresh archive. */
export async function evaluationWorld(temp: ReturnType<typeof useTempDirs>) {
  const t = await freshArchive(temp);
  const dir = await directory(t, t.admin);
  const people: Record<string, { user: { id: string }; session: string; password: string }> = {};
  const person = async (key: string, username: string, displayName: string, roles: string[], department: string) => {
    const password = `${username}-Pass-2026`;
    const made = await addUser(t, t.admin, { username, displayName, password, roles, department });
    people[key] = { ...made, password };
    return people[key]!;
  };
  const am = await person('am', 'zhang.san', '张三', ['account_manager'], 'business');
  const sm = await person('sm', 'sun.li', '孙丽', ['service_manager'], 'business');
  const cm = await person('cm', 'sun.qi', '孙七', ['credit_manager'], 'credit');
  // The periodic chain: 部门经理 (of the author's department), 协办部门, 法律事务, 综合部, 计财部, 营销中心副总, 总经理.
  const chainPeople = [
    await person('dept', 'li.si', '李四', ['dept_manager'], 'credit'),
    await person('co', 'zhou.yi', '周一', ['co_department'], 'marketing'),
    await person('legal', 'zheng.er', '郑二', ['legal'], 'legal'),
    await person('ga', 'wang.san', '王三', ['general_affairs_manager'], 'general_affairs'),
    await person('fin', 'zhou.ba', '周八', ['finance_manager'], 'finance'),
    await person('vp', 'feng.wu', '冯五', ['marketing_vp'], 'marketing'),
    await person('gm', 'wu.jiu', '吴九', ['general_manager'], 'management'),
  ];

  let n = 0;
  async function customer(name: string): Promise<string> {
    const body = `913101150000000${String(10 + n++)}`;
    const created = await t.ok(am.session, 'customers.create', {
      kind: 'enterprise',
      name,
      creditCode: body + creditCodeCheckCharacter(body),
      idNumber: null,
      enterpriseNature: 'private',
      registeredCapitalFen: 10_000_000_00,
      legalRepresentative: '钱一',
      personInCharge: null,
      address: '上海市浦东新区世纪大道 100 号',
      bankName: '招商银行上海分行',
      bankAccount: '6225880212345678',
      industry: '制造业',
      serviceType: 'sales',
      cooperationStart: '2020-11-01',
      departmentId: dir.department('business'),
      confidentiality: 'normal',
      contacts: [],
    });
    return created.id;
  }

  /** The file of the seed-003 example: a ¥1,500,000.00 contract, a year's sale of ¥1,200,000.00 and ¥800,000.00 paid. */
  async function yearOfSales(customerId: string): Promise<void> {
    const contract = await t.ok(am.session, 'records.addContract', {
      customerId,
      departmentId: dir.department('business'),
      contractNo: null,
      title: '年度设备采购合同',
      amountFen: 1_500_000_00,
      signedOn: '2026-01-05',
      startOn: '2026-01-05',
      endOn: '2027-01-04',
      status: 'active',
    });
    await t.ok(am.session, 'records.addTransaction', { customerId, contractId: contract.id, kind: 'sale', docNo: 'FP-0001', amountFen: 1_200_000_00, occurredOn: '2026-03-01', dueOn: '2026-04-01' });
    await t.ok(am.session, 'records.addPayment', { customerId, contractId: contract.id, amountFen: 800_000_00, paidOn: '2026-03-25', ref: 'FP-0001' });
  }

  const act = (session: string, evaluationId: string, action: Input<'evaluations.act'>['action']) => t.ok(session, 'evaluations.act', { evaluationId, action });
  const get = (session: string, evaluationId: string) => t.ok(session, 'evaluations.get', { evaluationId, purpose: PURPOSE });

  /** Every step of the chain approves, in turn. */
  async function approveChain(chainId: string): Promise<void> {
    for (let i = 0; i < 20; i++) {
      const seen = await t.ok(t.admin, 'approvals.get', { id: chainId });
      if (seen.chain.status !== 'running') return;
      const step = seen.chain.currentStepId!;
      const inbox = await Promise.all(chainPeople.map(async (p) => ({ p, rows: (await t.ok(p.session, 'approvals.inbox', {})).rows })));
      const seat = inbox.find((x) => x.rows.some((r) => r.id === chainId));
      if (!seat) throw new Error(`nobody is seated at ${step}`);
      const mine = await t.ok(seat.p.session, 'approvals.get', { id: chainId });
      await t.ok(seat.p.session, 'approvals.decide', { kind: 'approve', chainId, stepId: step, contentHash: mine.contentHash, opinion: '同意' } as Input<'approvals.decide'>);
    }
    throw new Error('the chain did not end');
  }

  /** A call that must be refused with `code` and `reason`, writing nothing at all. */
  async function refused(session: string, method: string, input: unknown, code: string, reason?: string): Promise<void> {
    const before = fingerprint(t.dir);
    const error = await t.fail(session, method, input);
    expect(error.code, `${method} ${reason}`).toBe(code);
    if (reason) expect((error.details as { reason?: string } | undefined)?.reason, `${method} ${reason}`).toBe(reason);
    const after = fingerprint(t.dir);
    expect(Object.keys({ ...before, ...after }).filter((f) => !f.endsWith('-shm') && after[f] !== before[f]), `${method} wrote nothing`).toEqual([]);
  }

  async function later(days: number): Promise<void> {
    t.clock.advance(days * DAY_MS);
    for (const p of Object.values(people)) await t.ok(p.session, 'auth.unlock', { password: p.password });
  }

  return { t, am, sm, cm, chainPeople, customer, yearOfSales, act, get, approveChain, refused, later };
}

/** A seed-003 sheet: 合同执行, 回款速度, 合作情况, 配合程度 rated A–D. */
export const rate = (ratings: string[]) => ({
  contract_execution: ratings[0]!,
  payment_speed: ratings[1]!,
  cooperation: ratings[2]!,
  coordination: ratings[3]!,
});
