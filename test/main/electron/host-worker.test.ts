// The archive host in a real worker thread, as the app runs it: the worker entry gets its
// folder and the driver's addon path through workerData (here the plain-Node build, as
// Node runs this test), and answers over the thread's port. The TypeScript entry — the
// source electron-vite bundles as `?nodeWorker` — is loaded in the thread through tsx.
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { createHostClient } from '../../../src/main/electron/host-client';
import type { HostWorkerData } from '../../../src/main/electron/host-protocol';

const entry = resolve(import.meta.dirname, '../../../src/main/electron/host-worker.ts');
const require = createRequire(import.meta.url);
const nodeAddon = join(dirname(require.resolve('better-sqlite3-multiple-ciphers/package.json')), 'build', 'Release', 'better_sqlite3.node');
// An eval'd CommonJS boot script resolves 'tsx/esm/api' from the project folder (vitest's cwd).
const boot =
  `import('tsx/esm/api').then(({ tsImport }) => ` +
  `tsImport(${JSON.stringify(pathToFileURL(entry).href)}, ${JSON.stringify(import.meta.url)}))`;

function startThread(data: HostWorkerData): Worker {
  return new Worker(boot, { eval: true, workerData: data });
}

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'host-worker-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

describe('the archive host in a worker thread', () => {
  it('sets up an archive, logs in and closes cleanly', async () => {
    expect(existsSync(nodeAddon)).toBe(true);
    const dir = tempDir();
    const threads: Worker[] = [];
    const client = createHostClient(
      (data: HostWorkerData) => {
        const worker = startThread(data);
        threads.push(worker);
        return worker;
      },
      { dir, nativeBinding: nodeAddon },
    );
    cleanups.push(() => client.close());

    expect(await client.call(null, 'archive.status', {})).toEqual({ ok: true, value: { initialized: false, dir } });
    const setup = await client.call(null, 'archive.setup', {
      companyName: '华东精密仪器股份有限公司',
      admin: { username: 'admin', displayName: '王建国', password: 'Archive-Admin-2026!' },
    });
    expect(setup).toMatchObject({ ok: true, value: { user: { username: 'admin' } } });
    const session = (setup as { ok: true; value: { session: string } }).value.session;
    expect(await client.call(session, 'auth.me', {})).toMatchObject({ ok: true, value: { username: 'admin' } });
    expect(await client.call(null, 'auth.me', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });

    await client.close();
    expect(threads).toHaveLength(1);
    expect(readdirSync(dir)).toContain('keyslots.json');
    // The session lived in the worker and died with it.
    expect(await client.call(session, 'auth.me', {})).toMatchObject({ ok: false });
  });

  it('serves a different folder after a restart', async () => {
    const first = tempDir();
    const second = tempDir();
    const client = createHostClient(
      startThread,
      { dir: first, nativeBinding: nodeAddon },
    );
    cleanups.push(() => client.close());
    expect(await client.call(null, 'archive.status', {})).toMatchObject({ ok: true, value: { dir: first } });
    await client.restart(second);
    expect(await client.call(null, 'archive.status', {})).toMatchObject({ ok: true, value: { dir: second } });
  });
});
