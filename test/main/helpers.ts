import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { Envelope, Input, MethodName, Output } from '../../src/shared/contract';
import { createArchiveHost, type ArchiveHost } from '../../src/main/host';
import type { Clock } from '../../src/main/host/types';

/** A clock that stands still until a test moves it. */
export class FrozenClock implements Clock {
  private ms: number;
  constructor(iso = '2026-11-02T01:00:00.000Z') {
    this.ms = Date.parse(iso);
  }
  now(): Date {
    return new Date(this.ms);
  }
  advance(ms: number): void {
    this.ms += ms;
  }
}

/** Cheaper key derivation for tests only; the default cost is checked on its own. */
export const TEST_KDF_COST = { N: 2 ** 12, r: 8, p: 1 };

export const ADMIN = { username: 'admin', displayName: '王建国', password: 'Archive-Admin-2026!' };
export const COMPANY = '华东精密仪器股份有限公司';

export function tempDir(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'credit-archive-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface TestHost {
  host: ArchiveHost;
  clock: FrozenClock;
  dir: string;
  /** Call and expect success; returns the value. */
  ok<M extends MethodName>(session: string | null, method: M, input: Input<M>): Promise<Output<M>>;
  /** Call and expect a refusal; returns the error. */
  fail(session: string | null, method: string, input: unknown): Promise<{ code: string; message: string; details?: unknown }>;
}

export function testHost(dir: string, clock = new FrozenClock()): TestHost {
  const host = createArchiveHost({ dir, clock, kdfCost: TEST_KDF_COST });
  return {
    host,
    clock,
    dir,
    async ok(session, method, input) {
      const r = (await host.call(session, method, input)) as Envelope<unknown>;
      if (!r.ok) throw new Error(`${method} failed: ${r.error.code} ${r.error.message} ${JSON.stringify(r.error.details ?? '')}`);
      return r.value as never;
    },
    async fail(session, method, input) {
      const r = await host.call(session, method, input);
      expect(r.ok, `${method} should have been refused`).toBe(false);
      return (r as { ok: false; error: { code: string; message: string; details?: unknown } }).error;
    },
  };
}

/** A new archive set up by ADMIN; returns the admin's session and the recovery code. */
export async function setUpArchive(t: TestHost): Promise<{ session: string; recoveryCode: string }> {
  const r = await t.ok(null, 'archive.setup', { companyName: COMPANY, admin: ADMIN });
  return { session: r.session, recoveryCode: r.recoveryCode };
}
