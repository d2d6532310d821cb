// Entry of the archive host's worker thread (imported by the shell as `?nodeWorker`).
// The host does the slow work — key derivation, SQLCipher, reports — here, so the main
// thread stays free for window management.
import { parentPort, workerData } from 'node:worker_threads';
import { createArchiveHost } from '../host';
import type { HostPort, HostWorkerData } from './host-protocol';
import { serveArchiveHost } from './host-service';

if (!parentPort) throw new Error('host-worker must run in a worker thread');

const data = workerData as HostWorkerData;
const host = createArchiveHost({
  dir: data.dir,
  ...(data.nativeBinding ? { nativeBinding: data.nativeBinding } : {}),
  ...(data.pdfFont ? { pdfFont: data.pdfFont } : {}),
});
const port = parentPort;
serveArchiveHost(port as unknown as HostPort, host, { onClosed: () => port.close() });
