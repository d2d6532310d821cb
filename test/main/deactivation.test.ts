import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { closeArchive, DB_FILE } from '../../src/main/archive/archive';
import { openEncrypted } from '../../src/main/archive/database';
import { KEYSLOTS_FILE, KEYSLOTS_NEXT_FILE, readKeySlots, unlockSlot } from '../../src/main/archive/keyslots';
import {
  ADMIN,
  addUser,
  dbKeyFromRecovery,
  freshArchive,
  login,
  openWithRecoveryCode,
  readSlots,
  testHost,
  useTempDirs,
  type TestHost,
} from './helpers';

const temp = useTempDirs();

const A = { username: 'qian.leaving', displayName: '钱离职', password: 'Leaving-Pass-2026', roles: ['reviewer'] };
const B = { username: 'sun.staying', displayName: '孙留任', password: 'Staying-Pass-2026', roles: ['reviewer'] };

function reopen(t: TestHost): TestHost {
  const again = testHost(t.dir, t.clock);
  temp.track(again.host);
  return again;
}

function opens(dir: string, key: Buffer): boolean {
  try {
    openEncrypted(join(dir, DB_FILE), key).close();
    return true;
  } catch {
    return false;
  }
}

/** The database key A's slot in a key slot file yields with A's password, if it has one. */
function keyFromSlotOf(file: string, userId: string): Buffer | null {
  const slots = readKeySlots(file);
  const slot = slots.slots.find((s) => s.userId === userId);
  return slot ? unlockSlot(slots.archiveId, slot, A.password) : null;
}

describe('deactivation is one step', () => {
  it('a crash after the commit leaves the departed user’s slot unable to open the archive; the rotation (the default) finishes at the next open', async () => {
    const t = await freshArchive(temp);
    const a = await addUser(t, t.admin, A);
    await addUser(t, t.admin, B);
    const oldKey = dbKeyFromRecovery(t.dir, t.recoveryCode);
    const stolen = join(temp.make(), 'stolen-keyslots.json');
    copyFileSync(join(t.dir, KEYSLOTS_FILE), stolen);

    // The fault: the rotation's first file cannot be written (a folder stands in its place),
    // so everything after the commit fails as a crash there would stop it.
    mkdirSync(join(t.dir, KEYSLOTS_NEXT_FILE, 'in-the-way'), { recursive: true });
    const result = await t.ok(t.admin, 'users.deactivate', { id: a.user.id }); // rotateKey left to its default
    expect(result.active).toBe(false);

    // The slot went with the commit: A's password opens nothing, the archive being open or not.
    expect(keyFromSlotOf(join(t.dir, KEYSLOTS_FILE), a.user.id)).toBeNull();
    expect((await t.fail(null, 'auth.login', { username: A.username, password: A.password })).code).toBe('WRONG_PASSWORD');
    await t.host.close();
    rmSync(join(t.dir, KEYSLOTS_NEXT_FILE), { recursive: true });
    const again = reopen(t);
    expect((await again.fail(null, 'auth.login', { username: A.username, password: A.password })).code).toBe('WRONG_PASSWORD');

    // The next open finishes the rotation asked for in the same transaction.
    await login(again, B.username, B.password);
    expect(opens(t.dir, oldKey)).toBe(false);
    const fromStolenCopy = keyFromSlotOf(stolen, a.user.id);
    expect(fromStolenCopy?.equals(oldKey)).toBe(true);
    expect(opens(t.dir, fromStolenCopy!)).toBe(false);
    await login(again, ADMIN.username, ADMIN.password);
    await again.host.close();
    const archive = await openWithRecoveryCode(t.dir, t.recoveryCode);
    expect(archive.sqlite.prepare(`SELECT count(*) FROM meta WHERE key = 'pending_key_rotation'`).pluck().get()).toBe(0);
    expect(archive.sqlite.prepare('SELECT active FROM users WHERE id = ?').pluck().get(a.user.id)).toBe(0);
    await closeArchive(archive);
  });

  it('without a fault the key changes at once, and rotating is what happens when nothing is said', async () => {
    const t = await freshArchive(temp);
    const a = await addUser(t, t.admin, A);
    const before = readSlots(t.dir).keyVersion;
    const oldKey = dbKeyFromRecovery(t.dir, t.recoveryCode);
    await t.ok(t.admin, 'users.deactivate', { id: a.user.id });
    expect(readSlots(t.dir).keyVersion).toBe(before + 1);
    expect(opens(t.dir, oldKey)).toBe(false);
  });

  it('if the slot file cannot be written, the deactivation does not happen', async () => {
    const t = await freshArchive(temp);
    const a = await addUser(t, t.admin, A);
    const slotsBefore = readSlots(t.dir);
    // The fault: the temporary file the slot write needs cannot be created.
    mkdirSync(join(t.dir, `${KEYSLOTS_FILE}.${process.pid}.tmp`, 'in-the-way'), { recursive: true });
    expect((await t.fail(t.admin, 'users.deactivate', { id: a.user.id, rotateKey: false })).code).toBe('INTERNAL');
    rmSync(join(t.dir, `${KEYSLOTS_FILE}.${process.pid}.tmp`), { recursive: true });
    expect(readSlots(t.dir)).toEqual(slotsBefore);
    const users = await t.ok(t.admin, 'users.list', {});
    expect(users.find((u) => u.id === a.user.id)?.active).toBe(true);
    expect(await login(t, A.username, A.password)).toBeTruthy();
  });
});
