import { v7 as uuidv7 } from 'uuid';
import type { Envelope } from '../../shared/contract';
import type { KdfCost } from '../archive/keyslots';

/** Where time comes from: injected so tests can freeze and move it. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** Where the ids of new records come from: injected beside the clock, so tests can predict them. */
export interface IdSource {
  /** A new UUIDv7 (time-ordered, as the contract's `id` schema requires). */
  next(): string;
}

export const uuidIds: IdSource = { next: () => uuidv7() };

export interface ArchiveHostOptions {
  /** The archive folder: archive.db and keyslots.json live here. */
  dir: string;
  clock?: Clock;
  /** Ids of new records; defaults to random UUIDv7. */
  ids?: IdSource;
  /** Path to better-sqlite3-multiple-ciphers' addon built for this runtime (Electron needs its own). */
  nativeBinding?: string;
  /** Key-derivation cost for new key slots. Defaults to DEFAULT_KDF_COST; tests may lower it. */
  kdfCost?: KdfCost;
  /** The font the PDFs embed (src/main/pdf/font.ts); defaults to the project's resources/fonts/. */
  pdfFont?: string;
}

/**
 * The whole application behind the window. Reached from the Electron shell (over IPC,
 * in a worker), from tests (in-process) and from the browser host (over HTTP).
 */
export interface ArchiveHost {
  readonly dir: string;
  /** Answer one call. Never throws: every failure is `{ ok: false, error }`. */
  call(session: string | null, method: string, input: unknown): Promise<Envelope<unknown>>;
  /** Lock sessions idle for longer than the archive's idle setting; close the archive if none is left. */
  sweepIdle(): Promise<void>;
  /** Close the archive and forget every session and key. */
  close(): Promise<void>;
}
