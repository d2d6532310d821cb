import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { ArchiveError } from '../../shared/contract/errors';
import { writeFileAtomic } from '../archive/files';
import { loginNameKey } from '../archive/keyslots';
import type { LoginThrottle } from './handler';

// Wrong passwords (login, unlock, change password) and wrong recovery codes make the name
// they were tried for wait. The count lives in memory and in login-throttle.json in the
// archive folder, written at every change, so that closing or killing the app does not
// reset it. The file names no one: a name is a salted hash (the salt is in the file, so
// this hides names from a glance, not from a guess — key slots are looked up the same way).
// Someone who can write the folder can delete the file and so reset the waits: the throttle
// slows guessing through the app; guessing against the files is slowed by scrypt alone
// (docs/threat-model.md).

export const THROTTLE_FILE = 'login-throttle.json';

/** After this many consecutive wrong passwords for a name, each further try must wait. */
export const FREE_ATTEMPTS = 3;
export const MAX_WAIT_MS = 5 * 60_000;
/** Names kept at most; beyond, the ones whose wait ended longest ago are forgotten first. */
const MAX_NAMES = 1000;

const fileSchema = z.strictObject({
  version: z.literal(1),
  salt: z.string().max(64),
  tries: z.record(z.string().max(64), z.strictObject({ count: z.number().int().positive(), until: z.number().int().nonnegative() })),
});
type ThrottleFile = z.infer<typeof fileSchema>;

function load(path: string): ThrottleFile {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return { version: 1, salt: randomBytes(16).toString('base64'), tries: {} };
  }
  try {
    return fileSchema.parse(JSON.parse(text));
  } catch {
    console.error('[archive host] login-throttle.json is unreadable; the waits start again');
    return { version: 1, salt: randomBytes(16).toString('base64'), tries: {} };
  }
}

export function createLoginThrottle(dir: string, now: () => number): LoginThrottle {
  const path = join(dir, THROTTLE_FILE);
  let state: ThrottleFile | null = null;
  const current = (): ThrottleFile => {
    if (!state) {
      state = load(path);
      // A clock turned back must not make a wait longer than the longest there is.
      for (const entry of Object.values(state.tries)) entry.until = Math.min(entry.until, now() + MAX_WAIT_MS);
    }
    return state;
  };
  const keyOf = (name: string) =>
    createHash('sha256').update(`credit-archive throttle\0${current().salt}\0${loginNameKey(name)}`).digest('base64');
  const save = () => {
    const s = current();
    const names = Object.entries(s.tries);
    if (names.length > MAX_NAMES) {
      names.sort((a, b) => a[1].until - b[1].until);
      for (const [key] of names.slice(0, names.length - MAX_NAMES)) delete s.tries[key];
    }
    try {
      writeFileAtomic(path, `${JSON.stringify(s)}\n`);
    } catch (e) {
      // A folder that cannot be written still throttles for as long as the app runs.
      console.error('[archive host] login-throttle.json not written:', (e as Error)?.message);
    }
  };
  return {
    check(name) {
      const f = current().tries[keyOf(name)];
      if (f && f.until > now()) {
        throw new ArchiveError('RATE_LIMITED', 'too many wrong passwords; wait before trying again', {
          retryAfterMs: f.until - now(),
        });
      }
    },
    failed(name) {
      const key = keyOf(name);
      const count = (current().tries[key]?.count ?? 0) + 1;
      const wait = count < FREE_ATTEMPTS ? 0 : Math.min(1000 * 2 ** (count - FREE_ATTEMPTS), MAX_WAIT_MS);
      current().tries[key] = { count, until: now() + wait };
      save();
    },
    succeeded(name) {
      const key = keyOf(name);
      if (!(key in current().tries)) return; // nothing to forget: the folder is not touched
      delete current().tries[key];
      save();
    },
  };
}
