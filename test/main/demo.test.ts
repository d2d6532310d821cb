import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CustomerFile } from '../../src/shared/contract';
import { APPROVAL_ROLES } from '../../src/shared/domain/approvals/defaults';
import { creditCodeProblem, idNumberProblem } from '../../src/shared/domain/identifiers';
import { dayOf } from '../../src/shared/domain/receivables';
import { shiftDay } from '../../src/shared/domain/working-days';
import { orgCodeCheckCharacter, planDemo } from '../../src/main/demo/generate';
import { DEMO_USERS, loadDemo } from '../../src/main/demo/load';
import { allAudit, testHost, useTempDirs } from './helpers';

const ROOT = join(import.meta.dirname, '..', '..');
const PASSWORD = 'Demo-Archive-Pass-2026';

describe('demo data', () => {
  const temp = useTempDirs();

  it('is the same for the same seed and day, and different for another seed', () => {
    const a = planDemo({ seed: 11, customers: 40, today: '2026-11-02' });
    const b = planDemo({ seed: 11, customers: 40, today: '2026-11-02' });
    const c = planDemo({ seed: 12, customers: 40, today: '2026-11-02' });
    const strip = (p: typeof a) => JSON.stringify(p.customers.map(({ city: _c, district: _d, trade: _t, ...rest }) => rest));
    expect(strip(a)).toBe(strip(b));
    expect(strip(a)).not.toBe(strip(c));
  });

  it('makes valid identifiers whose division code is the customer’s district', () => {
    const plan = planDemo({ seed: 5, customers: 500, today: '2026-11-02' });
    expect(plan.customers.filter((c) => c.kind === 'individual').length).toBeGreaterThan(10);
    for (const c of plan.customers) {
      if (c.kind === 'enterprise') {
        expect(creditCodeProblem(c.creditCode!), c.creditCode!).toBeNull();
        expect(c.creditCode!.slice(2, 8)).toBe(c.district.code);
        // The organisation code inside carries its own GB 11714 check character.
        expect(orgCodeCheckCharacter(c.creditCode!.slice(8, 16))).toBe(c.creditCode![16]);
        expect(c.name.startsWith(c.city.name) || c.name.includes(`（${c.city.name}）`)).toBe(true);
      } else {
        expect(idNumberProblem(c.idNumber!), c.idNumber!).toBeNull();
        expect(c.idNumber!.slice(0, 6)).toBe(c.district.code);
      }
      expect(c.address).toContain(`${c.city.name}市${c.district.name}`);
    }
    expect(new Set(plan.customers.map((c) => c.creditCode ?? c.idNumber)).size).toBe(500);
    // Contracts are numbered per department and year, without gaps, in order of signing.
    const byKey = new Map<string, number[]>();
    for (const k of plan.contracts) {
      const m = /^(YW|YX)-(\d{4})-(\d{4})$/.exec(k.contractNo);
      expect(m, k.contractNo).not.toBeNull();
      expect(m![1]).toBe(k.department === 'business' ? 'YW' : 'YX');
      expect(m![2]).toBe(k.signedOn.slice(0, 4));
      byKey.set(`${m![1]}-${m![2]}`, [...(byKey.get(`${m![1]}-${m![2]}`) ?? []), Number(m![3])]);
    }
    for (const seqs of byKey.values()) expect(seqs).toEqual(seqs.map((_, i) => i + 1));
  });

  it('loads a small archive through the host that a user can search and read', async () => {
    const dir = temp.make();
    const t = testHost(dir);
    temp.track(t.host);
    const today = dayOf(t.clock.now());
    const plan = planDemo({ seed: 20260101, customers: 30, today });
    const lines: string[] = [];
    const result = await loadDemo({
      host: t.host,
      clock: t.clock,
      plan,
      admin: { username: 'admin', displayName: '王建国' },
      password: PASSWORD,
      companyName: '华东精密仪器股份有限公司',
      log: (line) => lines.push(line),
    });
    expect(result.recoveryCode).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){7}$/);
    expect(result.counts.customers).toBe(30);
    expect(result.counts.transactions).toBe(30 * 30);
    expect(result.counts.contracts).toBe(plan.contracts.length);
    expect(result.counts.payments).toBeGreaterThan(600);
    expect(lines.some((l) => l.includes('销售明细_') && l.includes('rows/s'))).toBe(true);

    // Every demo user logs in with the one password.
    for (const u of DEMO_USERS) await t.ok(null, 'auth.login', { username: u.username, password: PASSWORD });
    const manager = result.sessions.zhouhui!;

    // Found by a two-character fragment of the name (the trade name after the city).
    const company = plan.customers.find((c) => c.kind === 'enterprise' && c.name.startsWith(c.city.name))!;
    const fragment = company.name.slice(company.city.name.length, company.city.name.length + 2);
    const byName = await t.ok(manager, 'customers.search', { text: fragment });
    expect(byName.rows.map((r) => r.name)).toContain(company.name);
    // By the start of the credit code, and by contract number.
    const byCode = await t.ok(manager, 'customers.search', { text: company.creditCode!.slice(0, 12) });
    expect(byCode.rows.map((r) => r.creditCode)).toContain(company.creditCode);
    const contract = company.contracts[0]!;
    const byContract = await t.ok(manager, 'customers.search', { text: contract.contractNo });
    expect(byContract.rows.map((r) => r.name)).toEqual([company.name]);
    const person = plan.customers.find((c) => c.kind === 'individual')!;
    const byId = await t.ok(manager, 'customers.search', { text: person.idNumber! });
    expect(byId.rows.map((r) => r.name)).toEqual([person.name]);

    // Every file, opened with a purpose as a user opens it.
    const all = await t.ok(manager, 'customers.search', { limit: 100 });
    expect(all.total).toBe(30);
    const files: CustomerFile[] = [];
    for (const row of all.rows) files.push(await t.ok(manager, 'customers.get', { id: row.id, purpose: '演示数据核对' }));

    for (const f of files) {
      if (f.basics.kind === 'enterprise') expect(creditCodeProblem(f.basics.creditCode!)).toBeNull();
      else expect(idNumberProblem(f.basics.idNumber!)).toBeNull();
      expect(f.contacts.length).toBeGreaterThan(0);
      for (const k of f.contracts) expect(k.contractNo.slice(0, 2)).toBe(k.departmentName === '业务部门' ? 'YW' : 'YX');
    }
    const withSales = files.filter((f) => f.transactions.length > 0);
    expect(withSales.length).toBeGreaterThan(25);
    expect(files.every((f) => f.transactions.every((x) => x.kind === 'return' || (x.dueOn !== null && x.dueOn > x.occurredOn)))).toBe(true);
    // Most pay on time; some are overdue.
    const overdue = files.filter((f) => f.figures.overdueFen > 0);
    expect(overdue.length).toBeGreaterThan(0);
    expect(overdue.length).toBeLessThan(15);
    const punctual = files.filter((f) => (f.figures.onTimeRate ?? 0) >= 0.9);
    expect(punctual.length).toBeGreaterThan(10);
    // Credit events: litigation, a blacklist entry; qualifications expiring and expired.
    const events = files.flatMap((f) => f.creditEvents);
    expect(events.some((e) => e.kind === 'litigation')).toBe(true);
    expect(events.some((e) => e.kind === 'blacklist')).toBe(true);
    const qualifications = files.flatMap((f) => f.qualifications);
    expect(qualifications.some((q) => q.validity === 'expiring')).toBe(true);
    expect(qualifications.some((q) => q.validity === 'expired')).toBe(true);
    expect(files.some((f) => f.feedback.length > 0)).toBe(true);
    // 风险预警: the blacklisted, sued and overdue customers are warned through the same rules, the most severe first.
    const warned = await t.ok(manager, 'warnings.list', { limit: 200 });
    const recentlyListed = files.filter((f) => f.creditEvents.some((e) => (e.kind === 'blacklist' || e.kind === 'litigation') && e.occurredOn <= today && e.occurredOn >= shiftDay(today, -365)));
    expect(recentlyListed.length).toBeGreaterThan(0);
    for (const f of recentlyListed) expect(warned.rows.some((r) => r.customer.id === f.basics.id && r.rule === 'credit_event' && r.severity === 'severe'), f.basics.name).toBe(true);
    expect(warned.rows[0]!.severity).toBe('severe');
    expect(warned.rows.some((r) => r.rule === 'payment_overdue' && overdue.some((f) => f.basics.id === r.customer.id))).toBe(true);
    const flagged = await t.ok(manager, 'customers.search', { warningState: 'open', limit: 100 });
    for (const f of recentlyListed) expect(flagged.rows.map((r) => r.id)).toContain(f.basics.id);
    // Documents to try the viewer with: licence scans and signed contracts, opened with the reader's watermark.
    const documents = files.flatMap((f) => f.documents).filter((d) => d.electronic);
    expect(result.counts.documents).toBe(documents.length);
    for (const mime of ['application/pdf', 'image/png']) {
      const meta = documents.find((d) => d.electronic!.mime === mime)!;
      const opened = await t.ok(manager, 'documents.open', { id: meta.id, purpose: '查看演示文档' });
      expect(opened.watermark.reader).toContain('周慧');
      expect(Buffer.from(opened.contentBase64, 'base64').subarray(0, 4).toString('latin1')).toBe(mime === 'image/png' ? '\x89PNG' : '%PDF');
    }
    expect(files.some((f) => f.verification.state === 'verified' && f.verification.verifiedBy?.displayName === '周慧')).toBe(true);
    expect(files.some((f) => f.verification.state === 'pending')).toBe(true);

    // Approvals: every role of the default chains has a holder; every department a head.
    const admin = result.sessions.admin!;
    const roleCodes = new Map((await t.ok(admin, 'roles.list', {})).map((r) => [r.id, r.code]));
    const users = (await t.ok(admin, 'users.list', {})).filter((u) => u.active);
    for (const r of APPROVAL_ROLES) expect(users.some((u) => u.roleIds.some((id) => roleCodes.get(id) === r.code)), r.code).toBe(true);
    const heads = await t.ok(admin, 'approvals.departmentHeads.list', {});
    expect(heads.every((h) => h.head !== null)).toBe(true);
    expect(heads.find((h) => h.code === 'credit')!.head!.displayName).toBe('周慧');

    // Credit-limit requests in every state, as their authors see them.
    // (赵敏's checkout requests are hers too: the borrowing below.)
    const theirs = [...(await t.ok(result.sessions.chenjie!, 'approvals.mine', {})).rows, ...(await t.ok(result.sessions.zhaomin!, 'approvals.mine', {})).rows];
    expect(new Set(theirs.map((r) => r.kind))).toEqual(new Set(['credit_limit_change', 'checkout']));
    const mine = theirs.filter((r) => r.kind === 'credit_limit_change');
    expect(new Set(mine.map((r) => r.status))).toEqual(new Set(['running', 'returned', 'approved', 'rejected', 'withdrawn']));
    const overdueRequest = mine.find((r) => r.status === 'running' && r.overdue)!;
    expect(overdueRequest.deadline!.day < today).toBe(true);
    expect(overdueRequest.currentStepId).toBe('finance_manager');
    expect(mine.some((r) => r.status === 'running' && !r.overdue)).toBe(true);
    // 黄磊 sees the overdue one in his inbox; 许婷 too, in his seat, while he is away.
    expect((await t.ok(result.sessions.huanglei!, 'approvals.inboxCount', {})).overdue).toBe(1);
    const delegateInbox = await t.ok(result.sessions.xuting!, 'approvals.inbox', {});
    expect(delegateInbox.rows.map((r) => [r.id, r.delegated, r.principal.displayName])).toEqual([[overdueRequest.id, true, '黄磊']]);

    // The approved one: returned once (the earlier approval voided), one step by a delegate, the limit changed.
    const approved = await t.ok(admin, 'approvals.get', { id: mine.find((r) => r.status === 'approved')!.id });
    const decisions = approved.timeline.steps.flatMap((s) => s.decisions);
    const byDelegate = decisions.find((d) => d.delegated)!;
    expect(approved.people.find((p) => p.id === byDelegate.actorId)!.displayName).toBe('许婷');
    expect(approved.people.find((p) => p.id === byDelegate.principalId)!.displayName).toBe('黄磊');
    expect(decisions.map((d) => [d.stepId, d.kind, d.voided?.reason ?? null])).toEqual([
      ['dept_manager', 'approve', 'contentChanged'],
      ['dept_manager', 'approve', null],
      ['credit_head', 'return', null],
      ['credit_head', 'approve', null],
      ['finance_manager', 'approve', null],
      ['general_manager', 'approve', null],
    ]);
    expect(approved.timeline.steps.map((s) => s.status)).toEqual(['approved', 'approved', 'approved', 'approved']);
    const approvedHistory = await t.ok(manager, 'creditLimits.history', { customerId: approved.chain.customerId!, purpose: '演示数据核对' });
    expect(approvedHistory.current).toMatchObject({ limitFen: 1_200_000_00, termDays: 90 });
    expect(approvedHistory.changes[0]!.approvals.some((a) => a.onBehalfOf?.displayName === '黄磊' && a.by.displayName === '许婷')).toBe(true);
    // The rejected and withdrawn ones changed nothing.
    for (const status of ['rejected', 'withdrawn'] as const) {
      const row = mine.find((r) => r.status === status)!;
      const history = await t.ok(manager, 'creditLimits.history', { customerId: row.customerId!, purpose: '演示数据核对' });
      expect(history.changes, status).toEqual([]);
    }

    // Credit evaluations in every state, and three years of grade history, through the host.
    const evaluations = (
      await Promise.all(result.customerIds.filter((id): id is string => id !== null).map((customerId) => t.ok(manager, 'evaluations.list', { customerId, purpose: '演示数据核对' })))
    ).flat();
    const statuses = evaluations.map((e) => e.status);
    for (const status of ['draft', 'in_approval', 'published', 'objection', 'final'] as const) expect(statuses, status).toContain(status);
    expect(statuses.filter((x) => x === 'draft')).toHaveLength(2); // one without sheets, one being scored
    expect(statuses.filter((x) => x === 'in_approval')).toHaveLength(2); // just consolidated, part approved
    const finals = evaluations.filter((e) => e.status === 'final');
    expect(finals).toHaveLength(9);
    const years = new Set(finals.map((e) => e.finalOn!.slice(0, 4)));
    expect(years.size).toBeGreaterThanOrEqual(3);
    expect(new Set(finals.map((e) => e.grade))).toEqual(new Set(['C', 'B']));
    expect(result.counts.gradeHistory).toBe(9);

    // Borrowing: requests and loans in every state, some overdue, through the host.
    const archivist = result.sessions.liuyang!;
    const loans = await t.ok(archivist, 'checkouts.log', { limit: 500 });
    expect(loans.total).toBe(result.counts.loans);
    expect(new Set(loans.rows.map((l) => l.state))).toEqual(new Set(['requested', 'approved', 'rejected', 'withdrawn', 'lent', 'renewed', 'overdue', 'returned', 'lost']));
    const overdueLoans = await t.ok(archivist, 'checkouts.overdue', {});
    expect(overdueLoans.rows.map((l) => [l.borrower.displayName, l.recalls.length > 0])).toEqual([['赵敏', true]]);
    expect((await t.ok(archivist, 'checkouts.reminders', {})).map((r) => [r.kind, r.as])).toEqual([['overdueEscalated', 'archivist']]);
    expect(loans.rows.find((l) => l.state === 'returned')!.items.some((i) => i.condition === 'damaged')).toBe(true);
    expect(loans.rows.find((l) => l.borrower.displayName === '黄磊')!.state).toBe('lent');

    // The auditor's check passes; the audit log shows who entered what.
    const check = await t.ok(result.sessions.wuqiang!, 'archive.check', {});
    expect(check.schema.ok && check.integrity.ok && check.audit.ok).toBe(true);
    const audit = await allAudit(t, result.sessions.admin!);
    const by = (action: string) => new Set(audit.filter((e) => e.action === action && e.outcome === 'ok').map((e) => e.username));
    // Account managers register customers; the credit manager confirms them; the service manager imports.
    expect(by('customers.create').size).toBeGreaterThan(0);
    for (const u of by('customers.create')) expect(['chenjie', 'zhaomin']).toContain(u);
    expect(by('customers.verify')).toEqual(new Set(['zhouhui']));
    expect(by('imports.run')).toEqual(new Set(['sunli']));
    expect(by('records.addCreditEvent')).toEqual(new Set(['zhouhui']));
    expect(audit.filter((e) => e.action === 'customers.get' && e.purpose === '演示数据核对')).toHaveLength(30);
    expect(by('creditLimits.request')).toEqual(new Set(['chenjie', 'zhaomin']));
  });

  it('refuses to run without ARCHIVE_PASSWORD', () => {
    const dir = temp.make();
    const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'src/main/demo/index.ts'), '--archive', dir, '--customers', '5'], {
      cwd: ROOT,
      env: { ...process.env, ARCHIVE_PASSWORD: '' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/ARCHIVE_PASSWORD/);
    const pw = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'src/main/demo/index.ts'), '--archive', dir, '--password', 'x'], {
      cwd: ROOT,
      env: { ...process.env, ARCHIVE_PASSWORD: PASSWORD },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(pw.status).toBe(2);
    expect(pw.stderr).toMatch(/--password/);
  });
});
