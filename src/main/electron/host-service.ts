// The worker side of the host seam: answers call messages with the archive host. Plain
// Node (no Electron), so it is tested over a real MessageChannel.
import type { ArchiveHost } from '../host/types';
import { SWEEP_INTERVAL_MS, type HostPort, type HostRequest } from './host-protocol';

export interface ServeOptions {
  sweepEveryMs?: number;
  /** Called once the archive is closed after a close message (the worker then ends). */
  onClosed?: () => void;
}

/** Serve `host` on `port` until a close message; returns a function that stops the sweeper. */
export function serveArchiveHost(port: HostPort, host: ArchiveHost, options: ServeOptions = {}): () => void {
  const inFlight = new Set<Promise<unknown>>();
  let closing = false;

  const sweeper = setInterval(() => {
    if (closing) return;
    host.sweepIdle().catch(() => {
      // A failed sweep is retried at the next tick; the call path reports real errors.
    });
  }, options.sweepEveryMs ?? SWEEP_INTERVAL_MS);
  sweeper.unref?.();
  const stop = () => clearInterval(sweeper);

  port.on('message', (message: HostRequest) => {
    if (message.kind === 'call') {
      if (closing) {
        port.postMessage({
          id: message.id,
          envelope: { ok: false, error: { code: 'LOCKED', message: 'the archive is closing' } },
        });
        return;
      }
      const work = host.call(message.session, message.method, message.input).then(
        (envelope) => port.postMessage({ id: message.id, envelope }),
        () =>
          port.postMessage({
            id: message.id,
            envelope: { ok: false, error: { code: 'INTERNAL', message: 'internal error; nothing was changed' } },
          }),
      );
      inFlight.add(work);
      void work.finally(() => inFlight.delete(work));
      return;
    }
    if (message.kind === 'close') {
      closing = true;
      stop();
      void Promise.allSettled([...inFlight])
        .then(() => host.close())
        .then(
          () => port.postMessage({ id: message.id, envelope: { ok: true, value: null } }),
          () =>
            port.postMessage({
              id: message.id,
              envelope: { ok: false, error: { code: 'INTERNAL', message: 'the archive did not close cleanly' } },
            }),
        )
        .finally(() => options.onClosed?.());
    }
  });
  return stop;
}
