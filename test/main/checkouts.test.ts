import { describe, expect, it } from 'vitest';
import { contract, type HostMethodName, type Input, type Output } from '../../src/shared/contract';
import { LOAN_STANDS_IN } from '../../src/main/services/checkouts/access';
import { creditCodeCheckCharacter } from '../../src/shared/domain/identifiers';
import { SEAM_MESSAGES, refusalText } from '../../src/shared/messages';
import { ADMIN, addUser, allAudit, directory, fingerprint, freshArchive, FrozenClock, useTempDirs, creditAuditor } from './helpers';
import { HOST_METHODS, SAMPLE_PDF_BASE64, validInputs } from './samples';

// Borrowing through the host (issue 10): who may read, the request and its chain, lending,
// renewal, return, overdue and reminders, the borrowing log, on the 2026 calendar.

const temp = useTempDirs();
const PURPOSE = '核对合同履约情况';
const DAY_MS = 86_400_000;

/** The methods that read a customer's credit information, straight from the contract. */
const READS = HOST_METHODS.filter((m) => contract[m].readsCustomer !== null);
const READS_ONE = READS.filter((m) => {
  const r = contract[m].readsCustomer!;
  return r.via === 'customer' || r.via === 'document' || r.via === 'evaluation';
});

async function world(start = '2026-09-28T02:00:00.000Z') {
  const clock = new FrozenClock(start);
  const t = await freshArchive(temp, clock);
  const dir = await directory(t, t.admin);
  const people: { session: string; username: string; password: string }[] = [];
  const person = async (username: string, displayName: string, roles: string[], department: string) => {
    const password = `${username}-Pass-2026`;
    const made = await addUser(t, t.admin, { username, displayName, password, roles, department });
    const p = { ...made, username, password };
    people.push(p);
    return p;
  };
  const creditHead = await person('zhou.hui', '周慧', ['credit_manager'], 'credit');
  const archivist = await person('liu.yang', '刘洋', ['archivist'], 'general_affairs');
  const borrower = await person('chen.jie', '陈杰', ['account_manager'], 'business');
  const businessHead = await person('zheng.wei', '郑伟', ['dept_manager'], 'business');
  const colleague = await person('zhao.min', '赵敏', ['account_manager'], 'business');
  const financeUser = await person('huang.lei', '黄磊', ['finance_manager'], 'finance');
  const leader = await person('song.hua', '宋华', ['leadership'], 'management');
  const gm = await person('liang.ming', '梁明', ['general_manager'], 'management');
  await t.ok(t.admin, 'approvals.departmentHeads.set', { departmentId: dir.department('credit'), headUserId: creditHead.user.id });
  await t.ok(t.admin, 'approvals.departmentHeads.set', { departmentId: dir.department('business'), headUserId: businessHead.user.id });

  let n = 0;
  async function customer(name: string, confidentiality: 'normal' | 'secret' | 'confidential' = 'normal', by: { session: string } = creditHead): Promise<string> {
    const body = `913101150000000${String(10 + n++)}`;
    const created = await t.ok(by.session, 'customers.create', {
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
      confidentiality,
      contacts: [],
    });
    return created.id;
  }
  async function documents(customerId: string) {
    const electronic = await t.ok(creditHead.session, 'documents.add', {
      customerId,
      category: 'contract',
      title: '购销合同',
      archiveNo: null,
      retention: '30y',
      confidentiality: 'normal',
      file: { name: '购销合同.pdf', mime: 'application/pdf', contentBase64: SAMPLE_PDF_BASE64 },
      location: null,
    });
    const paper = await t.ok(creditHead.session, 'documents.add', {
      customerId,
      category: 'contract',
      title: '保证合同原件',
      archiveNo: null,
      retention: '30y',
      confidentiality: 'normal',
      file: null,
      location: { cabinet: 'A01', shelf: '3', box: '12' },
    });
    return { electronic: electronic.id, paper: paper.id };
  }

  async function decide(session: string, chainId: string, kind: 'approve' | 'reject' = 'approve'): Promise<Output<'approvals.decide'>> {
    const seen = await t.ok(session, 'approvals.get', { id: chainId });
    return t.ok(session, 'approvals.decide', { chainId, stepId: seen.chain.currentStepId!, contentHash: seen.contentHash, kind, ...(kind === 'reject' ? { opinion: '用途不明确' } : {}) } as Input<'approvals.decide'>);
  }

  /** Days later (at the same hour): every idle session is unlocked again. */
  async function later(days: number): Promise<void> {
    clock.advance(days * DAY_MS);
    for (const p of people) await t.ok(p.session, 'auth.unlock', { password: p.password });
    await t.ok(t.admin, 'auth.unlock', { password: ADMIN.password });
  }
  /** Move the clock to a day (at 10:00 in the archive's day). */
  async function on(day: string): Promise<void> {
    const target = Date.parse(`${day}T02:00:00.000Z`);
    const days = Math.round((target - clock.now().getTime()) / DAY_MS);
    if (days !== 0) await later(days);
  }

  /** A request by `who`, approved through its chain by `approvers` in turn, lent by the archivist. */
  async function lent(who: { session: string }, files: Input<'checkouts.request'>['files'], extra: Partial<Input<'checkouts.request'>> = {}, approvers: { session: string }[] = [creditHead]) {
    const request = await t.ok(who.session, 'checkouts.request', { files, purpose: PURPOSE, periodWorkingDays: 5, ...extra });
    for (const a of approvers) await decide(a.session, request.chainId);
    const loans: Output<'checkouts.lend'>[] = [];
    for (const loan of request.loans) {
      const f = files.find((x) => x.customerId === loan.customer.id)!;
      const items = f.kinds.includes('physical') ? (paperOf.get(loan.customer.id) ?? []).map((documentId) => ({ documentId })) : [];
      loans.push(await t.ok(archivist.session, 'checkouts.lend', { loanId: loan.id, items }));
    }
    return { request, loans };
  }
  const paperOf = new Map<string, string[]>();

  async function refused(session: string, method: string, input: unknown, code: string, reason?: string): Promise<void> {
    const before = fingerprint(t.dir);
    const error = await t.fail(session, method, input);
    expect(error.code, `${method} ${reason}`).toBe(code);
    if (reason) expect((error.details as { reason?: string } | undefined)?.reason, `${method}`).toBe(reason);
    const after = fingerprint(t.dir);
    if (code !== 'FORBIDDEN') {
      const changed = Object.keys({ ...before, ...after }).filter((f) => !f.endsWith('-shm') && after[f] !== before[f]);
      expect(changed, `${method} ${reason} wrote nothing`).toEqual([]);
    }
  }

  return { t, clock, dir, creditHead, archivist, borrower, businessHead, colleague, financeUser, leader, gm, customer, documents, decide, later, on, lent, paperOf, refused };
}

describe('who may read (seed 000 查询权限)', () => {
  it('every method that reads credit information declares it, so the host checks it', () => {
    // A method that reads credit information (asks a purpose, or logs a search) must say
    // whose: a new one without `readsCustomer` fails here before it can leak a file.
    const undeclared = HOST_METHODS.filter((m) => (contract[m].readsCredit || contract[m].logsRead) && contract[m].readsCustomer === null);
    expect(undeclared).toEqual([]);
    expect(READS_ONE.length).toBeGreaterThanOrEqual(8);
  });

  it('a business-department user without a loan is refused every read; with one, reads only the lent file, only until its due date', async () => {
    const w = await world();
    const { t, borrower } = w;
    const lentFile = await w.customer('上海甲方机电有限公司');
    const otherFile = await w.customer('杭州乙方贸易有限公司');
    const docs = await w.documents(lentFile);
    const otherDocs = await w.documents(otherFile);
    const assistant = await addUser(t, t.admin, { username: 'wu.bang', displayName: '吴帮', password: 'wu.bang-Pass-2026', roles: ['service_manager'], department: 'business' });
    const evaluation = await t.ok(assistant.session, 'evaluations.start', { customerId: lentFile, modelId: 'periodic_review', accountManagerId: w.colleague.user.id, serviceManagerId: assistant.user.id });
    const otherEvaluation = await t.ok(assistant.session, 'evaluations.start', { customerId: otherFile, modelId: 'periodic_review', accountManagerId: w.colleague.user.id, serviceManagerId: assistant.user.id });
    const samplesFor = (customerId: string, documentId: string, evaluationId: string) =>
      validInputs({ userId: borrower.user.id, departmentId: w.dir.department('business'), roleId: w.dir.role('account_manager'), customerId, documentId, evaluationId });
    const onLent = samplesFor(lentFile, docs.electronic, evaluation.evaluation.id);
    const onOther = samplesFor(otherFile, otherDocs.electronic, otherEvaluation.evaluation.id);
    const me = await t.ok(borrower.session, 'auth.me', {});
    const holds = (m: HostMethodName) => contract[m].permission === null || me.permissions.includes(contract[m].permission!) || LOAN_STANDS_IN.has(contract[m].permission!);

    const refusals = async (samples: ReturnType<typeof validInputs>, methods = READS.filter((m) => contract[m].readsCustomer!.via !== 'search')) => {
      const out: Record<string, string> = {};
      for (const m of methods) {
        const r = await t.host.call(borrower.session, m, samples[m]);
        out[m] = r.ok ? 'ok' : `${r.error.code}${(r.error.details as { reason?: string } | undefined)?.reason ? `:${(r.error.details as { reason: string }).reason}` : ''}`;
      }
      return out;
    };
    const expectEach = (got: Record<string, string>, want: (m: HostMethodName) => string) => {
      for (const m of Object.keys(got) as HostMethodName[]) expect(got[m], m).toBe(want(m));
    };

    // No loan: FORBIDDEN from each, with the reason "needs a loan" wherever the role would otherwise do.
    expectEach(await refusals(onLent), (m) => (holds(m) ? 'FORBIDDEN:needsLoan' : 'FORBIDDEN'));
    expect(refusalText('zh-CN', { code: 'FORBIDDEN', details: { reason: 'needsLoan' } })).toBe(SEAM_MESSAGES['zh-CN'].reasons.needsLoan);
    expect(SEAM_MESSAGES['zh-CN'].reasons.needsLoan).toContain('查阅申请');
    // Each refusal is on record as denied, with the file it was about.
    const denied = (await allAudit(t, await creditAuditor(t, t.admin))).filter((e) => e.outcome === 'denied' && e.userId === borrower.user.id && e.action === 'customers.get');
    expect(denied.at(-1)).toMatchObject({ target: `customer:${lentFile}`, details: { reason: 'needsLoan' } });

    // A loan of one file, electronic reading with printing (not exporting), 5 working days from 2026-09-28.
    const { loans } = await w.lent(borrower, [{ customerId: lentFile, documentIds: null, kinds: ['electronic'] }], { print: true });
    expect(loans[0]!.dueDate).toBe('2026-10-10');
    const withLoan = (m: HostMethodName) => {
      const r = contract[m].readsCustomer!;
      if (r.via === 'many') return 'FORBIDDEN:needsLoan';
      if (!holds(m)) return 'FORBIDDEN';
      if (r.via !== 'search' && r.use === 'export') return 'FORBIDDEN:exportNotGranted';
      return 'ok';
    };
    expectEach(await refusals(onLent), withLoan);
    // …and only that file.
    expectEach(await refusals(onOther), (m) => (holds(m) ? 'FORBIDDEN:needsLoan' : 'FORBIDDEN'));
    // The file reads as it does for the credit department; the print is recorded as a print.
    const file = await t.ok(borrower.session, 'customers.get', { id: lentFile, purpose: PURPOSE });
    expect(file.basics.name).toBe('上海甲方机电有限公司');
    const printed = (await allAudit(t, await creditAuditor(t, t.admin))).filter((e) => e.action === 'checkouts.print' && e.outcome === 'ok');
    expect(printed.at(-1)).toMatchObject({ userId: borrower.user.id, target: `customer:${lentFile}`, purpose: onLent['checkouts.print'].purpose });

    // The search finds both files, but shows credit details only of the lent one.
    const found = await t.ok(borrower.session, 'customers.search', {});
    const row = (id: string) => found.rows.find((r) => r.id === id)!;
    expect(row(lentFile).restricted).toBeUndefined();
    expect(row(otherFile)).toMatchObject({ restricted: true, grade: null, creditLimitFen: null });
    await w.refused(borrower.session, 'customers.search', { grade: 'A' }, 'FORBIDDEN', 'criteriaNeedCreditDepartment');

    // The due date is the last day of reading…
    await w.on('2026-10-10');
    expectEach(await refusals(onLent), withLoan);
    // …and the next day it is over, in every method at once.
    await w.on('2026-10-11');
    expectEach(await refusals(onLent), (m) => (contract[m].readsCustomer!.via === 'many' ? 'FORBIDDEN:needsLoan' : holds(m) ? 'FORBIDDEN:loanOverdue' : 'FORBIDDEN'));
    expect(SEAM_MESSAGES['zh-CN'].reasons.loanOverdue).toContain('归还日期');

    // The credit department and the archivist read every file without a loan.
    for (const reader of [w.creditHead, w.archivist]) {
      expect((await t.ok(reader.session, 'customers.get', { id: otherFile, purpose: PURPOSE })).basics.id).toBe(otherFile);
      expect((await t.ok(reader.session, 'documents.open', { id: otherDocs.electronic, purpose: PURPOSE })).document.id).toBe(otherDocs.electronic);
    }
  });

  it('a loan of physical items only, or of chosen documents, opens no more than that', async () => {
    const w = await world();
    const { t, borrower } = w;
    const a = await w.customer('上海甲方机电有限公司');
    const b = await w.customer('杭州乙方贸易有限公司');
    const docsA = await w.documents(a);
    const docsB = await w.documents(b);
    w.paperOf.set(a, [docsA.paper]);
    const extra = await t.ok(w.creditHead.session, 'documents.add', {
      customerId: b,
      category: 'contract',
      title: '补充协议',
      archiveNo: null,
      retention: '30y',
      confidentiality: 'normal',
      file: { name: '补充协议.pdf', mime: 'application/pdf', contentBase64: SAMPLE_PDF_BASE64 },
      location: null,
    });
    await w.lent(borrower, [
      { customerId: a, documentIds: null, kinds: ['physical'] },
      { customerId: b, documentIds: [docsB.electronic], kinds: ['electronic'] },
    ]);
    await w.refused(borrower.session, 'customers.get', { id: a, purpose: PURPOSE }, 'FORBIDDEN', 'loanPhysicalOnly');
    await w.refused(borrower.session, 'documents.open', { id: docsA.electronic, purpose: PURPOSE }, 'FORBIDDEN', 'loanPhysicalOnly');
    expect((await t.ok(borrower.session, 'documents.open', { id: docsB.electronic, purpose: PURPOSE })).watermark.reader).toBeTruthy();
    await w.refused(borrower.session, 'documents.open', { id: extra.id, purpose: PURPOSE }, 'FORBIDDEN', 'documentNotLent');
    // Someone else of the department has no loan of it.
    await w.refused(w.colleague.session, 'documents.open', { id: docsB.electronic, purpose: PURPOSE }, 'FORBIDDEN', 'needsLoan');
  });

  it('a user of another department without the read permission reads the file lent to them, and nothing else', async () => {
    const w = await world();
    const { t } = w;
    const a = await w.customer('上海甲方机电有限公司');
    await w.refused(w.financeUser.session, 'customers.get', { id: a, purpose: PURPOSE }, 'FORBIDDEN');
    await w.lent(w.financeUser, [{ customerId: a, documentIds: null, kinds: ['electronic'] }], {}, [w.leader]);
    expect((await t.ok(w.financeUser.session, 'customers.get', { id: a, purpose: PURPOSE })).basics.id).toBe(a);
    // A search needs the permission itself.
    await w.refused(w.financeUser.session, 'customers.search', {}, 'FORBIDDEN');
  });
  it('whoever works on the customer reads it without a loan: its 客户经理, a credit-limit request\'s author, not a checkout\'s approver', async () => {
    const w = await world();
    const { t } = w;
    const a = await w.customer('上海甲方机电有限公司');
    await w.refused(w.borrower.session, 'customers.get', { id: a, purpose: PURPOSE }, 'FORBIDDEN', 'needsLoan');
    await t.ok(w.borrower.session, 'creditLimits.request', { customerId: a, limitFen: 500_000_00, termDays: 60, reason: '新签年度框架合同' });
    expect((await t.ok(w.borrower.session, 'customers.get', { id: a, purpose: PURPOSE })).basics.id).toBe(a);
    expect((await t.ok(w.borrower.session, 'customers.search', {})).rows.find((r) => r.id === a)!.restricted).toBeUndefined();
    // A colleague of the same department is not working on it.
    await w.refused(w.colleague.session, 'customers.get', { id: a, purpose: PURPOSE }, 'FORBIDDEN', 'needsLoan');
    // The 客户经理 who entered a customer reads its file; the colleague does not.
    const own = await w.customer('苏州丁方实业有限公司', 'normal', w.colleague);
    expect((await t.ok(w.colleague.session, 'customers.get', { id: own, purpose: PURPOSE })).basics.name).toBe('苏州丁方实业有限公司');
    await w.refused(w.borrower.session, 'customers.get', { id: own, purpose: PURPOSE }, 'FORBIDDEN', 'needsLoan');
    // Deciding a checkout of a file is not work on it: the general manager approves a 机密
    // request and reads nothing for it.
    const secret = await w.customer('南京丙方科技有限公司', 'confidential');
    const request = await t.ok(w.colleague.session, 'checkouts.request', { files: [{ customerId: secret, documentIds: null, kinds: ['electronic'] }], purpose: PURPOSE, periodWorkingDays: 5 });
    await w.decide(w.creditHead.session, request.chainId);
    await w.decide(w.gm.session, request.chainId);
    await w.refused(w.gm.session, 'customers.get', { id: secret, purpose: PURPOSE }, 'FORBIDDEN');
    await w.refused(w.colleague.session, 'customers.get', { id: secret, purpose: PURPOSE }, 'FORBIDDEN', 'loanNotLent');
  });
});

describe('the checkout request and its chain', () => {
  it('goes to the head of credit management from a business department; to leadership, filed with credit, from any other; 机密 also to the general manager', async () => {
    const w = await world();
    const { t } = w;
    const normal = await w.customer('上海甲方机电有限公司');
    const secret = await w.customer('南京丙方科技有限公司', 'confidential');
    const files = (customerId: string) => [{ customerId, documentIds: null, kinds: ['electronic' as const] }];
    const stepsOf = async (session: string, chainId: string) => (await t.ok(session, 'approvals.get', { id: chainId })).timeline.steps.filter((s) => s.status !== 'skipped').map((s) => s.stepId);

    const business = await t.ok(w.borrower.session, 'checkouts.request', { files: files(normal), purpose: PURPOSE, periodWorkingDays: 5 });
    expect(business.loans.map((l) => [l.state, l.confidentiality])).toEqual([['requested', 'normal']]);
    expect(await stepsOf(w.borrower.session, business.chainId)).toEqual(['credit_head']);
    const other = await t.ok(w.financeUser.session, 'checkouts.request', { files: files(normal), purpose: PURPOSE, periodWorkingDays: 5 });
    expect(await stepsOf(w.financeUser.session, other.chainId)).toEqual(['leadership']);
    const top = await t.ok(w.borrower.session, 'checkouts.request', { files: files(secret), purpose: PURPOSE, periodWorkingDays: 5 });
    expect(await stepsOf(w.borrower.session, top.chainId)).toEqual(['credit_head', 'general_manager']);

    // Only the approver of the open step decides; the outcome lands on each loan.
    await w.decide(w.creditHead.session, top.chainId);
    expect((await t.ok(w.borrower.session, 'checkouts.get', { requestId: top.id })).loans[0]!.state).toBe('requested');
    await w.decide(w.gm.session, top.chainId);
    expect((await t.ok(w.borrower.session, 'checkouts.get', { requestId: top.id })).loans[0]!.state).toBe('approved');
    await w.decide(w.leader.session, other.chainId, 'reject');
    expect((await t.ok(w.financeUser.session, 'checkouts.get', { requestId: other.id })).loans[0]!.state).toBe('rejected');
    await t.ok(w.borrower.session, 'approvals.withdraw', { chainId: business.chainId, opinion: '不再需要' });
    // Approved by leadership, the request of another department is filed (备案) with credit management.
    const filed = await t.ok(w.financeUser.session, 'checkouts.request', { files: files(normal), purpose: PURPOSE, periodWorkingDays: 5 });
    await w.decide(w.leader.session, filed.chainId);
    expect((await t.ok(w.financeUser.session, 'approvals.get', { id: filed.chainId })).timeline.filedWith).toMatchObject({ departmentCode: 'credit' });
    expect((await t.ok(w.financeUser.session, 'checkouts.get', { requestId: filed.id })).loans[0]!.state).toBe('approved');
    expect((await t.ok(w.borrower.session, 'checkouts.get', { requestId: business.id })).loans[0]!.state).toBe('withdrawn');
  });

  it('refuses a request that breaks the policy, with every problem, and writes nothing', async () => {
    const w = await world();
    const secret = await w.customer('南京丙方科技有限公司', 'confidential');
    const normal = await w.customer('上海甲方机电有限公司');
    await w.refused(w.borrower.session, 'checkouts.request', { files: [{ customerId: secret, documentIds: null, kinds: ['electronic'] }], purpose: PURPOSE, periodWorkingDays: 6 }, 'VALIDATION', 'periodTooLong');
    await w.refused(w.borrower.session, 'checkouts.request', { files: [{ customerId: secret, documentIds: null, kinds: ['physical'] }], purpose: PURPOSE, periodWorkingDays: 5 }, 'VALIDATION', 'readingRoomOnly');
    await w.refused(w.borrower.session, 'checkouts.request', { files: [{ customerId: normal, documentIds: null, kinds: ['physical'] }], purpose: PURPOSE, periodWorkingDays: 5, export: true }, 'VALIDATION', 'exportNeedsElectronic');
    await w.refused(w.borrower.session, 'checkouts.request', { files: [{ customerId: normal, documentIds: null, kinds: ['electronic'] }], purpose: '   ', periodWorkingDays: 5 }, 'VALIDATION');
    const docs = await w.documents(secret);
    await w.refused(w.borrower.session, 'checkouts.request', { files: [{ customerId: normal, documentIds: [docs.electronic], kinds: ['electronic'] }], purpose: PURPOSE, periodWorkingDays: 5 }, 'VALIDATION', 'documentNotInFile');
    const error = await w.t.fail(w.borrower.session, 'checkouts.request', { files: [{ customerId: secret, documentIds: null, kinds: ['physical', 'electronic'] }], purpose: PURPOSE, periodWorkingDays: 9 });
    expect((error.details as { problems: { code: string }[] }).problems.map((p) => p.code).sort()).toEqual(['periodTooLong', 'periodTooLong', 'readingRoomOnly']);
    expect(SEAM_MESSAGES['en-US'].reasons.readingRoomOnly).toBeTruthy();
  });
});

describe('due dates on the 2026 calendar', () => {
  it('a 5-working-day loan lent on 2026-09-28 is due on 2026-10-10, a make-up Saturday, and says how', async () => {
    const w = await world('2026-09-28T02:00:00.000Z');
    const a = await w.customer('上海甲方机电有限公司');
    const { loans } = await w.lent(w.borrower, [{ customerId: a, documentIds: null, kinds: ['electronic'] }]);
    const loan = loans[0]!;
    expect(loan).toMatchObject({ state: 'lent', dueDate: '2026-10-10', lentAt: '2026-09-28T02:00:00.000Z', lentBy: { displayName: '刘洋' } });
    const explained = loan.dueDateExplanation!;
    expect(explained.terms).toMatchObject({ policyVersion: 1, maxWorkingDays: 10, renewals: 1, kinds: ['electronic'] });
    expect(explained.steps).toHaveLength(1);
    expect(explained.steps[0]).toMatchObject({ kind: 'lent', requestedWorkingDays: 5, workingDays: 5, deadline: { from: '2026-09-28', day: '2026-10-10', length: 5 } });
    const codes = explained.steps[0]!.deadline.explanation.map((e) => `${e.code}:${e.day}`);
    expect(codes).toContain('counted-makeup-workday:2026-10-10');
    expect(codes).toContain('skipped-public-holiday:2026-10-01');
    expect(explained.steps[0]!.deadline.calendarVersion).toBeTruthy();
  });

  it('a policy change after lending leaves the due date as it was; a renewal counts from the old due date', async () => {
    const w = await world('2026-09-28T02:00:00.000Z');
    const { t } = w;
    const a = await w.customer('上海甲方机电有限公司');
    const { loans } = await w.lent(w.borrower, [{ customerId: a, documentIds: null, kinds: ['electronic'] }]);
    const policy = await t.ok(t.admin, 'checkouts.policy', {});
    const stricter = policy.terms.map((l) => ({ ...l, maxWorkingDays: Math.min(l.maxWorkingDays, 3) }));
    expect((await t.ok(t.admin, 'checkouts.setPolicy', { terms: stricter })).version).toBe(2);
    await w.refused(w.borrower.session, 'checkouts.setPolicy', { terms: stricter }, 'FORBIDDEN');
    await w.refused(t.admin, 'checkouts.setPolicy', { terms: stricter.slice(1) }, 'VALIDATION', 'termsMissing');
    const after = await t.ok(w.borrower.session, 'checkouts.loan', { loanId: loans[0]!.id });
    expect(after.dueDate).toBe('2026-10-10');
    expect(after.dueDateExplanation!.terms.policyVersion).toBe(1);

    // The renewal is asked on 10-09 and approved on 10-12, after the old due date: it still
    // counts 5 working days from 2026-10-10, a Saturday worked (the terms copied allow up to 10).
    await w.on('2026-10-09');
    const asked = await t.ok(w.borrower.session, 'checkouts.renew', { loanId: loans[0]!.id, workingDays: 5 });
    expect(asked.renewals.map((r) => r.state)).toEqual(['pending']);
    await w.on('2026-10-12');
    await w.decide(w.creditHead.session, asked.renewals[0]!.chainId!);
    const renewed = await t.ok(w.borrower.session, 'checkouts.loan', { loanId: loans[0]!.id });
    expect(renewed).toMatchObject({ state: 'renewed', dueDate: '2026-10-16' });
    expect(renewed.dueDateExplanation!.steps.map((s) => [s.kind, s.deadline.from, s.deadline.day])).toEqual([
      ['lent', '2026-09-28', '2026-10-10'],
      ['renewal', '2026-10-10', '2026-10-16'],
    ]);
    // A new loan lent now gets the stricter terms.
    const b = await w.customer('杭州乙方贸易有限公司');
    await w.refused(w.borrower.session, 'checkouts.request', { files: [{ customerId: b, documentIds: null, kinds: ['electronic'] }], purpose: PURPOSE, periodWorkingDays: 5 }, 'VALIDATION', 'periodTooLong');
  });
});

describe('the whole story through the host', () => {
  it('request → approve → lend → renew once → return damaged; the other goes overdue, reminds, escalates, and the log shows every state', async () => {
    const w = await world('2026-11-02T02:00:00.000Z');
    const { t, borrower, archivist } = w;
    const a = await w.customer('上海甲方机电有限公司');
    const b = await w.customer('杭州乙方贸易有限公司');
    const third = await w.customer('南京丙方科技有限公司');
    const docsA = await w.documents(a);
    await w.documents(b);
    w.paperOf.set(a, [docsA.paper]);

    // Refused first; then two files asked for, with a purpose.
    await w.refused(borrower.session, 'customers.get', { id: b, purpose: PURPOSE }, 'FORBIDDEN', 'needsLoan');
    const request = await t.ok(borrower.session, 'checkouts.request', {
      files: [
        { customerId: a, documentIds: null, kinds: ['physical'] },
        { customerId: b, documentIds: null, kinds: ['electronic'] },
      ],
      purpose: PURPOSE,
      periodWorkingDays: 5,
    });
    expect(request.loans.map((l) => [l.customer.name, l.state])).toEqual([
      ['上海甲方机电有限公司', 'requested'],
      ['杭州乙方贸易有限公司', 'requested'],
    ]);
    // Not lent before it is approved, and only by the archivist.
    await w.refused(archivist.session, 'checkouts.lend', { loanId: request.loans[1]!.id, items: [] }, 'CONFLICT', 'notApproved');
    await w.decide(w.creditHead.session, request.chainId);
    await w.refused(borrower.session, 'checkouts.lend', { loanId: request.loans[1]!.id, items: [] }, 'FORBIDDEN');
    await w.refused(archivist.session, 'checkouts.lend', { loanId: request.loans[0]!.id, items: [] }, 'VALIDATION', 'itemsRequired');
    const physical = await t.ok(archivist.session, 'checkouts.lend', { loanId: request.loans[0]!.id, items: [{ documentId: docsA.paper }] });
    expect(physical.items).toMatchObject([{ documentId: docsA.paper, location: 'A01 / 3 / 12', condition: null, title: '保证合同原件' }]);
    const electronic = await t.ok(archivist.session, 'checkouts.lend', { loanId: request.loans[1]!.id, items: [] });
    expect([physical.dueDate, electronic.dueDate]).toEqual(['2026-11-09', '2026-11-09']);

    // The borrower reads the electronic file, not the physical one, not a third customer.
    expect((await t.ok(borrower.session, 'customers.get', { id: b, purpose: PURPOSE })).basics.id).toBe(b);
    await w.refused(borrower.session, 'customers.get', { id: a, purpose: PURPOSE }, 'FORBIDDEN', 'loanPhysicalOnly');
    await w.refused(borrower.session, 'customers.get', { id: third, purpose: PURPOSE }, 'FORBIDDEN', 'needsLoan');

    // Renewal once (approved), not twice; someone else cannot ask.
    await w.refused(w.colleague.session, 'checkouts.renew', { loanId: physical.id, workingDays: 3 }, 'FORBIDDEN', 'notBorrower');
    const asked = await t.ok(borrower.session, 'checkouts.renew', { loanId: physical.id, workingDays: 3 });
    await w.refused(borrower.session, 'checkouts.renew', { loanId: physical.id, workingDays: 3 }, 'CONFLICT', 'renewalPending');
    await w.decide(w.creditHead.session, asked.renewals[0]!.chainId!);
    const renewed = await t.ok(borrower.session, 'checkouts.loan', { loanId: physical.id });
    expect(renewed).toMatchObject({ state: 'renewed', dueDate: '2026-11-12' });
    expect(renewed.actions.find((x) => x.action === 'requestRenewal')).toEqual({ action: 'requestRenewal', allowed: false, reason: 'renewalLimitReached' });
    await w.refused(borrower.session, 'checkouts.renew', { loanId: physical.id, workingDays: 3 }, 'CONFLICT', 'renewalLimitReached');

    // Reminders: two working days before the due date of the electronic loan.
    await w.on('2026-11-05');
    const soon = await t.ok(borrower.session, 'checkouts.reminders', {});
    expect(soon.map((r) => [r.kind, r.as, r.customer.name, r.since])).toEqual([['dueSoon', 'borrower', '杭州乙方贸易有限公司', '2026-11-05']]);

    // The physical file comes back with its item damaged.
    await w.refused(archivist.session, 'checkouts.return', { loanId: physical.id, items: [{ documentId: docsA.paper, condition: 'damaged', note: '' }] }, 'VALIDATION', 'noteRequired');
    const back = await t.ok(archivist.session, 'checkouts.return', { loanId: physical.id, items: [{ documentId: docsA.paper, condition: 'damaged', note: '封面撕裂' }] });
    expect(back).toMatchObject({ state: 'returned', items: [{ condition: 'damaged', note: '封面撕裂' }] });

    // The electronic one goes overdue when the clock moves; reading stops at once.
    await w.on('2026-11-10');
    await w.refused(borrower.session, 'customers.get', { id: b, purpose: PURPOSE }, 'FORBIDDEN', 'loanOverdue');
    const overdue = await t.ok(archivist.session, 'checkouts.overdue', {});
    expect(overdue.total).toBe(1);
    expect(overdue.rows.map((l) => [l.customer.name, l.state, l.overdue.calendarDays])).toEqual([['杭州乙方贸易有限公司', 'overdue', 1]]);
    expect((await t.ok(borrower.session, 'checkouts.reminders', {})).map((r) => r.kind)).toEqual(['overdue']);
    expect(await t.ok(archivist.session, 'checkouts.reminders', {})).toEqual([]);
    // A day on which nobody opened the app loses nothing: three working days later the
    // archivist and the borrower's department head are told too.
    await w.on('2026-11-12');
    expect((await t.ok(archivist.session, 'checkouts.reminders', {})).map((r) => [r.kind, r.as, r.since])).toEqual([['overdueEscalated', 'archivist', '2026-11-12']]);
    expect((await t.ok(w.businessHead.session, 'checkouts.reminders', {})).map((r) => [r.kind, r.as])).toEqual([['overdueEscalated', 'departmentHead']]);
    expect((await t.ok(borrower.session, 'checkouts.reminders', {})).map((r) => r.kind).sort()).toEqual(['overdue', 'overdueEscalated']);
    await w.refused(borrower.session, 'checkouts.renew', { loanId: electronic.id, workingDays: 3 }, 'CONFLICT', 'loanOverdue');
    const recalled = await t.ok(archivist.session, 'checkouts.recall', { loanId: electronic.id, note: '请尽快归还' });
    expect(recalled.recalls.map((r) => r.by.displayName)).toEqual(['刘洋']);

    // The log shows every state: filter by state, borrower, customer, dates.
    const log = await t.ok(archivist.session, 'checkouts.log', {});
    expect(log.rows.map((l) => [l.customer.name, l.state]).sort()).toEqual([
      ['上海甲方机电有限公司', 'returned'],
      ['杭州乙方贸易有限公司', 'overdue'],
    ]);
    expect((await t.ok(archivist.session, 'checkouts.log', { states: ['overdue'] })).rows.map((l) => l.id)).toEqual([electronic.id]);
    expect((await t.ok(archivist.session, 'checkouts.log', { states: ['lent', 'renewed'] })).total).toBe(0);
    expect((await t.ok(archivist.session, 'checkouts.log', { customerId: a })).rows.map((l) => l.id)).toEqual([physical.id]);
    expect((await t.ok(archivist.session, 'checkouts.log', { borrowerId: w.colleague.user.id })).total).toBe(0);
    expect((await t.ok(archivist.session, 'checkouts.log', { departmentId: w.dir.department('business'), from: '2026-11-02', to: '2026-11-02' })).total).toBe(2);
    expect((await t.ok(archivist.session, 'checkouts.log', { from: '2026-11-03' })).total).toBe(0);
    await w.refused(borrower.session, 'checkouts.log', {}, 'FORBIDDEN');
    // The borrower's own list; the file's loans.
    expect((await t.ok(borrower.session, 'checkouts.mine', {})).map((l) => l.state)).toEqual(['overdue', 'returned']);
    expect((await t.ok(w.creditHead.session, 'checkouts.ofCustomer', { customerId: b })).map((l) => [l.borrower.displayName, l.dueDate])).toEqual([['陈杰', '2026-11-09']]);
    await w.refused(w.colleague.session, 'checkouts.loan', { loanId: electronic.id }, 'FORBIDDEN', 'notYourLoan');

    // Returned at last: reading is over for good, and the audit trail tells the story.
    const closed = await t.ok(archivist.session, 'checkouts.return', { loanId: electronic.id, items: [] });
    expect(closed.state).toBe('returned');
    await w.refused(borrower.session, 'customers.get', { id: b, purpose: PURPOSE }, 'FORBIDDEN', 'loanReturned');
    const actions = (await allAudit(t, await creditAuditor(t, t.admin))).filter((e) => e.action.startsWith('checkouts.') && e.outcome === 'ok').map((e) => e.action);
    expect(actions).toEqual(['checkouts.request', 'checkouts.lend', 'checkouts.lend', 'checkouts.renew', 'checkouts.return', 'checkouts.recall', 'checkouts.return']);
  });

  it('a missing item leaves the loan lost until it is settled', async () => {
    const w = await world('2026-11-02T02:00:00.000Z');
    const { t, archivist } = w;
    const a = await w.customer('上海甲方机电有限公司');
    const docs = await w.documents(a);
    w.paperOf.set(a, [docs.paper]);
    const { loans } = await w.lent(w.borrower, [{ customerId: a, documentIds: null, kinds: ['physical'] }]);
    const lost = await t.ok(archivist.session, 'checkouts.return', { loanId: loans[0]!.id, items: [{ documentId: docs.paper, condition: 'missing', note: '借阅人称已遗失' }] });
    expect(lost.state).toBe('lost');
    expect((await t.ok(archivist.session, 'checkouts.log', { states: ['lost'] })).total).toBe(1);
    const settled = await t.ok(archivist.session, 'checkouts.resolveLost', { loanId: loans[0]!.id, items: [{ documentId: docs.paper, resolution: 'found', note: '在会议室找到' }] });
    expect(settled).toMatchObject({ state: 'returned', items: [{ condition: 'missing', resolution: 'found' }] });
  });
});
