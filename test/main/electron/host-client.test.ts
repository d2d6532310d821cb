// The main-thread client and the worker-side service, joined by a real MessageChannel:
// everything of the worker but the thread itself (host-worker.test.ts covers that).
import { MessageChannel } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { createHostClient, type HostWorker } from '../../../src/main/electron/host-client';
import type { HostPort, HostWorkerData } from '../../../src/main/electron/host-protocol';
import { serveArchiveHost } from '../../../src/main/electron/host-service';
import type { ArchiveHost } from '../../../src/main/host/types';
import type { Envelope } from '../../../src/shared/contract';

interface FakeHost extends ArchiveHost {
  calls: string[];
  closed: boolean;
  sweeps: number;
}

function fakeHost(dir: string, hold?: Promise<void>): FakeHost {
  const host: FakeHost = {
    dir,
    calls: [],
    closed: false,
    sweeps: 0,
    async call(session, method, input): Promise<Envelope<unknown>> {
      host.calls.push(method);
      if (method === 'slow.call') await hold;
      if (method === 'crash.call') throw new Error('crash');
      return { ok: true, value: { dir, session, method, input } };
    },
    async sweepIdle() {
      host.sweeps += 1;
    },
    async close() {
      host.closed = true;
    },
  };
  return host;
}

/** A "worker" that is a MessagePort pair and a fake host: what start() returns. */
function startInProcess(hosts: FakeHost[], options: { hold?: Promise<void>; sweepEveryMs?: number } = {}) {
  const stops: (() => void)[] = [];
  const start = (data: HostWorkerData): HostWorker => {
    const { port1, port2 } = new MessageChannel();
    const host = fakeHost(data.dir, options.hold);
    hosts.push(host);
    stops.push(serveArchiveHost(port2 as unknown as HostPort, host, { sweepEveryMs: options.sweepEveryMs ?? 60_000 }));
    const exitListeners: ((code: number) => void)[] = [];
    const worker: HostWorker = {
      postMessage: (m) => port1.postMessage(m),
      on: ((event: string, listener: (value: unknown) => void) => {
        if (event === 'message') port1.on('message', listener);
        if (event === 'exit') exitListeners.push(listener);
        return worker;
      }) as HostWorker['on'],
      terminate: async () => {
        port1.close();
        port2.close();
        exitListeners.forEach((l) => l(1));
        return 1;
      },
    };
    return worker;
  };
  return { start, stop: () => stops.forEach((s) => s()) };
}

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

describe('the host client', () => {
  it('relays calls to the worker and returns its envelopes', async () => {
    const hosts: FakeHost[] = [];
    const { start, stop } = startInProcess(hosts);
    const client = createHostClient(start, { dir: '/a' });
    cleanups.push(stop, () => client.close());
    const answers = await Promise.all([
      client.call(null, 'archive.status', {}),
      client.call('tok', 'auth.me', {}),
    ]);
    expect(answers).toEqual([
      { ok: true, value: { dir: '/a', session: null, method: 'archive.status', input: {} } },
      { ok: true, value: { dir: '/a', session: 'tok', method: 'auth.me', input: {} } },
    ]);
    expect(hosts).toHaveLength(1);
  });

  it('answers INTERNAL when the host throws, and keeps serving', async () => {
    const hosts: FakeHost[] = [];
    const { start, stop } = startInProcess(hosts);
    const client = createHostClient(start, { dir: '/a' });
    cleanups.push(stop, () => client.close());
    expect(await client.call(null, 'crash.call', {})).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(await client.call(null, 'archive.status', {})).toMatchObject({ ok: true });
  });

  it('on restart lets the calls under way finish, closes the old archive and serves the new folder', async () => {
    let release!: () => void;
    const hold = new Promise<void>((r) => (release = r));
    const hosts: FakeHost[] = [];
    const { start, stop } = startInProcess(hosts, { hold });
    const client = createHostClient(start, { dir: '/old' });
    cleanups.push(stop, () => client.close());

    const slow = client.call(null, 'slow.call', {});
    await client.call(null, 'archive.status', {}); // the worker is up and has the slow call
    const restarted = client.restart('/new');
    const during = client.call(null, 'archive.status', {}); // waits for the restart
    await new Promise((r) => setTimeout(r, 20));
    expect(hosts[0]!.closed).toBe(false); // the slow call is still under way
    release();
    expect(await slow).toMatchObject({ ok: true, value: { dir: '/old' } });
    await restarted;
    expect(hosts[0]!.closed).toBe(true);
    expect(await during).toMatchObject({ ok: true, value: { dir: '/new' } });
    expect(client.dir).toBe('/new');
  });

  it('answers every pending call when the worker dies, and starts a fresh one for the next call', async () => {
    const hosts: FakeHost[] = [];
    const workers: HostWorker[] = [];
    const { start, stop } = startInProcess(hosts, { hold: new Promise(() => undefined) });
    const client = createHostClient((d) => {
      const w = start(d);
      workers.push(w);
      return w;
    }, { dir: '/a' });
    cleanups.push(stop, () => client.close());
    const stuck = client.call(null, 'slow.call', {});
    await new Promise((r) => setTimeout(r, 10));
    await workers[0]!.terminate(); // the thread crashed
    expect(await stuck).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(await client.call(null, 'archive.status', {})).toMatchObject({ ok: true });
    expect(hosts).toHaveLength(2);
  });

  it('after close closes the archive and refuses further calls', async () => {
    const hosts: FakeHost[] = [];
    const { start, stop } = startInProcess(hosts);
    const client = createHostClient(start, { dir: '/a' });
    cleanups.push(stop);
    await client.call(null, 'archive.status', {});
    await client.close();
    expect(hosts[0]!.closed).toBe(true);
    expect(await client.call(null, 'archive.status', {})).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
    expect(hosts).toHaveLength(1);
  });

  it('does not wait forever for a worker that never confirms closing', async () => {
    const hosts: FakeHost[] = [];
    const { start, stop } = startInProcess(hosts, { hold: new Promise(() => undefined) });
    const client = createHostClient(start, { dir: '/a' }, { closeTimeoutMs: 50 });
    cleanups.push(stop);
    void client.call(null, 'slow.call', {}); // never finishes, so the close never completes
    await new Promise((r) => setTimeout(r, 10));
    const t0 = Date.now();
    await client.close();
    expect(Date.now() - t0).toBeLessThan(2_000);
  });
});

describe('the host service', () => {
  it('sweeps idle sessions on its interval until closed', async () => {
    const hosts: FakeHost[] = [];
    const { start, stop } = startInProcess(hosts, { sweepEveryMs: 10 });
    const client = createHostClient(start, { dir: '/a' });
    cleanups.push(stop);
    await client.call(null, 'archive.status', {});
    await new Promise((r) => setTimeout(r, 60));
    expect(hosts[0]!.sweeps).toBeGreaterThan(1);
    await client.close();
    const after = hosts[0]!.sweeps;
    await new Promise((r) => setTimeout(r, 40));
    expect(hosts[0]!.sweeps).toBe(after);
  });
});
