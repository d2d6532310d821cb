// The main-thread side of the host seam: starts the archive host's worker, relays calls
// to it, restarts it on another folder, and never leaves a caller without an answer
// (a crashed worker answers INTERNAL; the next call starts a fresh one).
import type { Envelope } from '../../shared/contract/errors';
import type { HostReply, HostRequest, HostWorkerData } from './host-protocol';

/** The part of a worker_threads Worker the client uses (a fake in tests). */
export interface HostWorker {
  postMessage(message: HostRequest): void;
  on(event: 'message', listener: (message: HostReply) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  on(event: 'exit', listener: (code: number) => void): unknown;
  terminate(): Promise<number>;
}

export type StartHostWorker = (data: HostWorkerData) => HostWorker;

export interface HostClient {
  /** The folder the host serves. */
  readonly dir: string;
  call(session: string | null, method: string, input: unknown): Promise<Envelope<unknown>>;
  /** Close the archive and serve `dir` from now on. Calls made meanwhile wait for it. */
  restart(dir: string): Promise<void>;
  /** Close the archive (finishing calls under way) and end the worker. */
  close(): Promise<void>;
}

const WORKER_GONE: Envelope<unknown> = {
  ok: false,
  error: { code: 'INTERNAL', message: 'the archive host stopped; nothing was changed by this call' },
};

const ENDED: Envelope<unknown> = { ok: false, error: { code: 'LOCKED', message: 'the archive is closed' } };

interface Connection {
  worker: HostWorker;
  pending: Map<number, (envelope: Envelope<unknown>) => void>;
  alive: boolean;
}

export function createHostClient(
  start: StartHostWorker,
  initial: HostWorkerData,
  options: { closeTimeoutMs?: number } = {},
): HostClient {
  const closeTimeoutMs = options.closeTimeoutMs ?? 10_000;
  let data: HostWorkerData = { ...initial };
  let current: Connection | null = null;
  let transition: Promise<void> | null = null;
  let nextId = 1;
  let ended = false;

  function fail(connection: Connection): void {
    connection.alive = false;
    for (const answer of connection.pending.values()) answer(WORKER_GONE);
    connection.pending.clear();
    if (current === connection) current = null;
  }

  function connect(): Connection {
    if (current?.alive) return current;
    const connection: Connection = { worker: start(data), pending: new Map(), alive: true };
    connection.worker.on('message', (reply: HostReply) => {
      const answer = connection.pending.get(reply.id);
      if (!answer) return;
      connection.pending.delete(reply.id);
      answer(reply.envelope);
    });
    connection.worker.on('error', () => fail(connection));
    connection.worker.on('exit', () => fail(connection));
    current = connection;
    return connection;
  }

  function send(connection: Connection, request: HostRequest): Promise<Envelope<unknown>> {
    return new Promise((resolve) => {
      connection.pending.set(request.id, resolve);
      try {
        connection.worker.postMessage(request);
      } catch {
        connection.pending.delete(request.id);
        resolve({ ok: false, error: { code: 'INTERNAL', message: 'the call could not be passed to the archive host' } });
      }
    });
  }

  async function shutdown(): Promise<void> {
    const connection = current;
    if (!connection) return;
    current = null;
    if (connection.alive) {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const timeout = new Promise<void>((resolve) => {
        timer = setTimeout(resolve, closeTimeoutMs);
      });
      await Promise.race([send(connection, { kind: 'close', id: nextId++ }), timeout]);
      clearTimeout(timer);
    }
    await connection.worker.terminate().catch(() => 0);
    fail(connection);
  }

  function exclusive(work: () => Promise<void>): Promise<void> {
    const previous = transition ?? Promise.resolve();
    const next = previous.then(work, work);
    const settled: Promise<void> = next.then(
      () => undefined,
      () => undefined,
    ).then(() => {
      if (transition === settled) transition = null;
    });
    transition = settled;
    return next;
  }

  return {
    get dir() {
      return data.dir;
    },
    async call(session, method, input) {
      while (transition) await transition;
      if (ended) return ENDED;
      return send(connect(), { kind: 'call', id: nextId++, session, method, input });
    },
    restart(dir) {
      return exclusive(async () => {
        await shutdown();
        data = { ...data, dir };
        ended = false;
        connect();
      });
    },
    close() {
      ended = true;
      return exclusive(shutdown);
    },
  };
}
