// The messages between the Electron main thread and the archive host's worker thread.
import type { Envelope } from '../../shared/contract/errors';

/** What the worker is started with (workerData). */
export interface HostWorkerData {
  /** The archive folder. */
  dir: string;
  /** better-sqlite3-multiple-ciphers' addon built for Electron's ABI. */
  nativeBinding?: string;
  /** The font the PDFs embed, beside the packaged app (src/main/pdf/font.ts). */
  pdfFont?: string;
}

export type HostRequest =
  | { kind: 'call'; id: number; session: string | null; method: string; input: unknown }
  /** Finish the calls under way, close the archive, then answer. */
  | { kind: 'close'; id: number };

export interface HostReply {
  id: number;
  envelope: Envelope<unknown>;
}

/** The part of a MessagePort (or a worker's parentPort) the host service uses. */
export interface HostPort {
  on(event: 'message', listener: (message: HostRequest) => void): unknown;
  postMessage(message: HostReply): void;
}

/** How often idle sessions are locked and an unused archive is closed. */
export const SWEEP_INTERVAL_MS = 30_000;
