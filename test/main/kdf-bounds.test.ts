import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KEYSLOTS_FILE, type KeySlot } from '../../src/main/archive/keyslots';
import { createArchiveHost } from '../../src/main/host';
import type { Envelope } from '../../src/shared/contract';
import { ADMIN, addUser, COMPANY, freshArchive, FrozenClock, login, readSlots, testHost, useTempDirs } from './helpers';

const temp = useTempDirs();

const B = { username: 'zhao.clerk', displayName: '赵文员', password: 'Clerk-Pass-2026!', roles: ['reviewer'] };

const OUT_OF_RANGE: [string, Partial<KeySlot['kdf']>][] = [
  ['N = 2^30', { N: 2 ** 30 }],
  ['N not a power of two', { N: 3000 }],
  ['N = 2^4', { N: 2 ** 4 }],
  ['r = 1024', { r: 1024 }],
  ['r = 0', { r: 0 }],
  ['p = 64', { p: 64 }],
  ['N·r = 2^20 · 32 (4 GiB)', { N: 2 ** 20, r: 32 }],
  ['an empty salt', { salt: '' }],
  ['a 4-byte salt', { salt: Buffer.alloc(4).toString('base64') }],
  ['a 1 MiB salt', { salt: Buffer.alloc(1 << 20).toString('base64') }],
  ['a salt that is not base64', { salt: '!!!!not base64 at all!!!!' }],
];

describe('key-derivation parameters from the file are bounded', () => {
  it.each(OUT_OF_RANGE)('a slot asking for %s is refused as damaged at once; other users still log in', async (_, change) => {
    const t = await freshArchive(temp);
    await addUser(t, t.admin, B);
    await t.host.close();
    const file = readSlots(t.dir);
    const adminSlot = file.slots.find((s) => s.kind === 'user')!; // made at setup, before B's
    const slots = file.slots.map((s) => (s === adminSlot ? { ...s, kdf: { ...s.kdf, ...change } } : s));
    writeFileSync(join(t.dir, KEYSLOTS_FILE), JSON.stringify({ ...file, slots }));

    const again = testHost(t.dir, t.clock);
    temp.track(again.host);
    const started = performance.now();
    const refused = await again.fail(null, 'auth.login', { username: ADMIN.username, password: ADMIN.password });
    const ms = performance.now() - started;
    expect(refused.code).toBe('CORRUPT');
    expect(ms).toBeLessThan(250); // no derivation ran (a test-cost one takes about as long as this whole call)
    await login(again, B.username, B.password);
  });
});

describe('an unknown user name costs what a wrong password costs', () => {
  // A cost high enough that the derivation, not the host's bookkeeping, is what is measured.
  const COST = { N: 2 ** 14, r: 8, p: 1 };

  async function timedFailure(host: ReturnType<typeof createArchiveHost>, username: string, password: string) {
    const started = performance.now();
    const r = (await host.call(null, 'auth.login', { username, password })) as Envelope<unknown>;
    const ms = performance.now() - started;
    expect(r).toMatchObject({ ok: false, error: { code: 'WRONG_PASSWORD' } });
    return ms;
  }

  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

  async function compare(archiveOpen: boolean) {
    const clock = new FrozenClock();
    const dir = temp.make();
    const host = createArchiveHost({ dir, clock, kdfCost: COST });
    temp.track(host);
    const setup = await host.call(null, 'archive.setup', { companyName: COMPANY, admin: ADMIN });
    expect(setup.ok).toBe(true);
    const session = (setup as { value: { session: string } }).value.session;
    if (!archiveOpen) await host.call(session, 'auth.logout', {});

    const wrong: number[] = [];
    const unknown: number[] = [];
    await timedFailure(host, 'warm-up-name', 'x'); // first-call costs (statement caches, JIT) out of the way
    for (let i = 0; i < 20; i++) {
      clock.advance(10 * 60_000); // past the throttle's wait, so each try does its work
      wrong.push(await timedFailure(host, ADMIN.username, `wrong-${i}`));
      unknown.push(await timedFailure(host, `nobody-${i}`, `wrong-${i}`));
    }
    const w = median(wrong);
    const u = median(unknown);
    expect(Math.abs(u - w) / w, `wrong password ${w.toFixed(1)} ms, unknown name ${u.toFixed(1)} ms`).toBeLessThan(0.2);
  }

  it('with the archive closed (20 tries each)', async () => {
    await compare(false);
  });

  it('with the archive open for someone else (20 tries each)', async () => {
    await compare(true);
  });
});
