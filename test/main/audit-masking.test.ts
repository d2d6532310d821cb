// The audit log does not hand out credit information (issue 11 item 5): entries about
// customers show their details only to readers who may read customer files (customers.read);
// others — the system administrator, an auditor without it — see who did what to which
// file, when and why, with the values masked.
import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../src/shared/contract';
import { addUser, allAudit, directory, freshArchive, useTempDirs } from './helpers';
import { validInputs } from './samples';

const temp = useTempDirs();
const OLD_ACCOUNT = '1402 0200 0902 4567 890';
const NEW_ACCOUNT = '6222 0202 0000 1111 222';
const digits = (account: string) => account.replaceAll(' ', '');
const SECRETS = [digits(OLD_ACCOUNT), digits(NEW_ACCOUNT), '4567890', '1111222', '91350100M000100Y43', '福州样本', '王芳', '87654321', '13800138000', '客户要求更正', '原告'];

async function world() {
  const t = await freshArchive(temp);
  const dir = await directory(t, t.admin);
  const manager = await addUser(t, t.admin, { username: 'sun.manager', displayName: '孙经理', password: 'Credit-Manager-2026', roles: ['credit_manager'] });
  const auditor = await addUser(t, t.admin, { username: 'zhao.audit', displayName: '赵审计', password: 'Auditor-Pass-2026', roles: ['auditor'] });
  const samples = validInputs({ userId: manager.user.id, departmentId: dir.department('credit'), roleId: dir.role('auditor') });
  const m = manager.session;
  const { id } = await t.ok(m, 'customers.create', samples['customers.create']);
  // The bank account changes (key data: it goes back to pending verification).
  const { contacts: _contacts, ...fields } = samples['customers.create'];
  await t.ok(m, 'customers.update', { id, ...fields, bankAccount: NEW_ACCOUNT });
  await t.ok(m, 'customers.get', { id, purpose: '年度信用评审' });
  await t.ok(m, 'customers.search', { text: '福州样本', offset: 0, limit: 20 });
  const contact = await t.ok(m, 'records.addContact', { customerId: id, role: 'business', name: '李雷', phone: '13800138000', email: null });
  await t.ok(m, 'records.remove', { kind: 'contact', id: contact.id });
  const payment = await t.ok(m, 'records.addPayment', { customerId: id, contractId: null, amountFen: 1_234_567, paidOn: '2026-04-28', ref: 'YH-0001' });
  await t.ok(m, 'records.void', { kind: 'payment', id: payment.id, reason: '客户要求更正' });
  await t.ok(m, 'records.addCreditEvent', { ...samples['records.addCreditEvent'], customerId: id });
  return { t, id, auditor, dir };
}

const about = (entries: AuditEntry[], customerId: string) => entries.filter((e) => e.target === `customer:${customerId}`);

describe('audit entries about customers', () => {
  it('the system administrator (audit.read, no customers.read) after a bank-account change: who, what, which file, when, why — no values', async () => {
    const w = await world();
    const entries = await allAudit(w.t, w.t.admin);
    const text = JSON.stringify(entries);
    for (const secret of SECRETS) expect(text, secret).not.toContain(secret);
    expect(text).not.toContain('1234567');

    const update = entries.find((e) => e.action === 'customers.update')!;
    expect(update).toMatchObject({ username: 'sun.manager', outcome: 'ok', target: `customer:${w.id}`, at: expect.any(String) });
    // What was done: which fields changed, not to what.
    expect(update.details).toEqual({ masked: true, changed: ['bank_account'], verificationReset: false });
    expect(entries.find((e) => e.action === 'customers.get')).toMatchObject({ purpose: '年度信用评审', target: `customer:${w.id}` });
    expect(entries.find((e) => e.action === 'records.void')!.details).toMatchObject({ masked: true, voided: expect.stringMatching(/^payment:/) });
    expect(entries.find((e) => e.action === 'records.remove')!.details).toMatchObject({ masked: true, removed: expect.stringMatching(/^contact:/) });
    expect(entries.find((e) => e.action === 'customers.search')!.details).toEqual({ masked: true });
    // Everything else is as written: user management is the administrator's own business.
    expect(entries.find((e) => e.action === 'users.create')!.details).toMatchObject({ username: 'sun.manager' });
    expect(about(entries, w.id).length).toBeGreaterThanOrEqual(7);
  });

  it('an auditor without customers.read sees the same masks; given customers.read, every detail', async () => {
    const w = await world();
    const masked = await allAudit(w.t, w.auditor.session);
    for (const secret of SECRETS) expect(JSON.stringify(masked)).not.toContain(secret);

    await w.t.ok(w.t.admin, 'roles.update', { id: w.dir.role('auditor'), permissions: ['audit.read', 'customers.read'] });
    const full = await allAudit(w.t, w.auditor.session);
    const update = full.find((e) => e.action === 'customers.update')!;
    expect(update.details).toMatchObject({ changed: ['bank_account'], before: { bank_account: digits(OLD_ACCOUNT) }, after: { bank_account: digits(NEW_ACCOUNT) } });
    expect(full.find((e) => e.action === 'records.void')!.details).toMatchObject({ reason: '客户要求更正' });
    expect(full.find((e) => e.action === 'records.remove')!.details).toMatchObject({ record: expect.objectContaining({ phone: '13800138000' }) });
    // Masking is a view: the same entries, the same hashes, and the chain verifies.
    expect(full.slice(0, masked.length).map((e) => [e.seq, e.hash])).toEqual(masked.map((e) => [e.seq, e.hash]));
    expect((await w.t.ok(w.auditor.session, 'audit.verify', {})).ok).toBe(true);
  });
});
