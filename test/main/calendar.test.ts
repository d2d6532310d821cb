import { describe, expect, it } from 'vitest';
import { calendarFileText } from '../../src/shared/domain/calendar-import';
import { addUser, allAudit, freshArchive, useTempDirs } from './helpers';

const temp = useTempDirs();
const CLERK = { username: 'li.clerk', displayName: '李客户', password: 'Clerk-Pass-2026', roles: ['account_manager'] };
const y2027 = {
  year: 2027,
  notices: [{ title: '国务院办公厅关于2027年部分节假日安排的通知', issuedOn: '2026-11-10' }],
  holidays: [{ holiday: 'new-year' as const, from: '2027-01-01', to: '2027-01-03' }],
  makeupWorkdays: [],
};

describe('calendar through the host', () => {
  it('shows the shipped year, and an administrator closes a day, with its note, audited, raising the version', async () => {
    const t = await freshArchive(temp);
    const before = await t.ok(t.admin, 'calendar.get', { year: 2026 });
    expect(before).toMatchObject({ version: 'cn-2026.1/company.0', overlayRevision: 0, importedYears: [], overlay: [] });
    expect(before.year.specialDays.find((d) => d.day === '2026-10-10')).toMatchObject({ reason: 'makeup-workday', working: true });

    const after = await t.ok(t.admin, 'calendar.setOverlay', { day: '2026-03-06', kind: 'closed', note: '公司年会' });
    expect(after.version).toBe('cn-2026.1/company.1');
    expect(after.overlay).toEqual([expect.objectContaining({ day: '2026-03-06', kind: 'closed', note: '公司年会' })]);
    expect(after.year.specialDays.find((d) => d.day === '2026-03-06')).toMatchObject({ reason: 'company-closed', working: false });
    const last = (await allAudit(t, t.admin)).at(-1)!;
    expect(last).toMatchObject({ action: 'calendar.setOverlay', target: 'calendar:2026-03-06' });

    const removed = await t.ok(t.admin, 'calendar.setOverlay', { day: '2026-03-06', kind: 'none', note: '年会取消' });
    expect(removed).toMatchObject({ version: 'cn-2026.1/company.2', overlay: [] });
  });

  it('refuses a change that changes nothing, and a user without calendar.manage, writing nothing', async () => {
    const t = await freshArchive(temp);
    const { session } = await addUser(t, t.admin, CLERK);
    const auditBefore = (await allAudit(t, t.admin)).length;
    expect(await t.fail(t.admin, 'calendar.setOverlay', { day: '2026-10-01', kind: 'closed', note: 'x' })).toMatchObject({ code: 'CONFLICT', details: { reason: 'already-rest-day' } });
    expect(await t.fail(t.admin, 'calendar.setOverlay', { day: '2026-10-09', kind: 'working', note: 'x' })).toMatchObject({ code: 'CONFLICT', details: { reason: 'already-working-day' } });
    expect(await t.fail(t.admin, 'calendar.setOverlay', { day: '2026-10-09', kind: 'none', note: 'x' })).toMatchObject({ code: 'NOT_FOUND', details: { reason: 'not-in-overlay' } });
    expect((await t.fail(session, 'calendar.setOverlay', { day: '2026-03-07', kind: 'working', note: '盘点' })).code).toBe('FORBIDDEN');
    expect(await t.ok(session, 'calendar.get', { year: 2026 })).toMatchObject({ overlayRevision: 0, overlay: [] });
    expect((await allAudit(t, t.admin)).slice(auditBefore).filter((e) => e.action === 'calendar.setOverlay' && e.outcome === 'ok')).toEqual([]);
  });

  it('imports 2027 from a file; a bad file is refused with its problem codes and changes nothing', async () => {
    const t = await freshArchive(temp);
    const bad = await t.fail(t.admin, 'calendar.importYear', { text: JSON.stringify({ format: 'credit-archive/official-holidays/1', year: 2027, notices: [], holidays: [] }) });
    expect(bad).toMatchObject({ code: 'VALIDATION', details: { calendarProblems: [{ code: 'notices-missing', at: 'notices' }, { code: 'holidays-missing', at: 'holidays' }] } });
    expect((await t.ok(t.admin, 'calendar.get', { year: 2027 })).year.covered).toBe(false);

    const v = await t.ok(t.admin, 'calendar.importYear', { text: calendarFileText(y2027) });
    expect(v).toMatchObject({ version: 'cn-2026.1+2027.2026-11-10/company.0', importedYears: [2027] });
    expect(v.year).toMatchObject({ year: 2027, covered: true });
    expect(v.year.specialDays.map((d) => d.day)).toEqual(['2027-01-01', '2027-01-02', '2027-01-03']);
    expect((await allAudit(t, t.admin)).at(-1)).toMatchObject({ action: 'calendar.importYear', target: 'calendar:2027' });
  });
});
