import { expect } from 'vitest';
import type { Input, Output } from '../../src/shared/contract';
import { creditCodeCheckCharacter } from '../../src/shared/domain/identifiers';
import { ADMIN, addUser, allAudit, directory, fingerprint, freshArchive, type useTempDirs } from './helpers';

// The people of the credit-limit chain, each with their own session, on a fresh archive:
//   张三 account manager (business) writes requests;
//   李四 and 李五 department managers (business);
//   孙七 credit manager (credit department);
//   周八 planning and finance manager, 郑十 a finance colleague (no approval role);
//   吴九 general manager.

export type World = Awaited<ReturnType<typeof approvalWorld>>;

export async function approvalWorld(temp: ReturnType<typeof useTempDirs>) {
  const t = await freshArchive(temp);
  const dir = await directory(t, t.admin);
  const person = (username: string, displayName: string, roles: string[], department: string) =>
    addUser(t, t.admin, { username, displayName, password: `${username}-Pass-2026`, roles, department });
  const author = await person('zhang.san', '张三', ['account_manager'], 'business');
  const manager = await person('li.si', '李四', ['dept_manager'], 'business');
  const manager2 = await person('li.wu', '李五', ['dept_manager'], 'business');
  const credit = await person('sun.qi', '孙七', ['credit_manager'], 'credit');
  const finance = await person('zhou.ba', '周八', ['finance_manager'], 'finance');
  const colleague = await person('zheng.shi', '郑十', ['reviewer'], 'finance');
  const gm = await person('wu.jiu', '吴九', ['general_manager'], 'management');

  let n = 0;
  async function customer(name: string): Promise<string> {
    const body = `913101150000000${String(10 + n++)}`;
    const created = await t.ok(author.session, 'customers.create', {
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

  async function chain(session: string, id: string): Promise<Output<'approvals.get'>> {
    return t.ok(session, 'approvals.get', { id });
  }

  /** Decide as `session` on what it sees now (the open step and its content hash). */
  async function decide(session: string, chainId: string, decision: DecisionSpec): Promise<Output<'approvals.decide'>> {
    const seen = await chain(session, chainId);
    return t.ok(session, 'approvals.decide', { chainId, stepId: seen.chain.currentStepId!, contentHash: seen.contentHash, ...decision } as Input<'approvals.decide'>);
  }

  /** A call that must be refused with `code` and `reason`, writing nothing at all. */
  async function refused(session: string, method: string, input: unknown, code: string, reason: string): Promise<void> {
    const before = fingerprint(t.dir);
    const error = await t.fail(session, method, input);
    expect(error.code, `${method} ${reason}`).toBe(code);
    expect((error.details as { reason?: string } | undefined)?.reason, `${method} ${reason}`).toBe(reason);
    // The database, its write-ahead log and the key slots are byte for byte the same (the
    // WAL index, -shm, is shared memory that a read transaction may touch: not content).
    const after = fingerprint(t.dir);
    const changed = Object.keys({ ...before, ...after }).filter((f) => !f.endsWith('-shm') && after[f] !== before[f]);
    expect(changed, `${method} ${reason} wrote nothing`).toEqual([]);
  }

  const audit = async (action: string, target?: string) => (await allAudit(t, t.admin)).filter((e) => e.action === action && e.outcome === 'ok' && (target === undefined || e.target === target));

  /** After the clock moved on, every idle session is locked: unlock them all. */
  async function unlockAll(): Promise<void> {
    for (const [p, username] of [[author, 'zhang.san'], [manager, 'li.si'], [manager2, 'li.wu'], [credit, 'sun.qi'], [finance, 'zhou.ba'], [colleague, 'zheng.shi'], [gm, 'wu.jiu']] as const) {
      await t.ok(p.session, 'auth.unlock', { password: `${username}-Pass-2026` });
    }
    await t.ok(t.admin, 'auth.unlock', { password: ADMIN.password });
  }

  return { t, dir, unlockAll, author, manager, manager2, credit, finance, colleague, gm, customer, chain, decide, refused, audit };
}

type DecisionSpec =
  | { kind: 'approve' | 'reject'; opinion?: string; onBehalfOf?: string }
  | { kind: 'return'; to: { to: 'author' } | { to: 'step'; stepId: string }; opinion: string; onBehalfOf?: string }
  | { kind: 'transfer'; toUserId: string; opinion?: string; onBehalfOf?: string };
