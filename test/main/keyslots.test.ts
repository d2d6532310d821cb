import { createCipheriv, diffieHellman, generateKeyPairSync, hkdfSync, randomBytes, scryptSync } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KEYSLOTS_FILE, lookupFor, SLOT_VERSION, type KeySlot, type KeySlotFile } from '../../src/main/archive/keyslots';
import {
  ADMIN,
  addUser,
  dbKeyFromRecovery,
  freshArchive,
  login,
  readSlots,
  TEST_KDF_COST,
  testHost,
  useTempDirs,
  type TestHost,
} from './helpers';

const temp = useTempDirs();

const B = { username: 'lin.clerk', displayName: '林文员', password: 'Clerk-Pass-2026!', roles: ['reviewer'] };

function reopen(t: TestHost): TestHost {
  const again = testHost(t.dir, t.clock);
  temp.track(again.host);
  return again;
}

function writeSlots(dir: string, file: KeySlotFile): void {
  writeFileSync(join(dir, KEYSLOTS_FILE), JSON.stringify(file, null, 2));
}

/** B's slot material filed under the administrator's id and lookup, in place of the administrator's slot. */
function transplant(file: KeySlotFile, adminId: string, bId: string): KeySlotFile {
  const b = file.slots.find((s) => s.userId === bId)!;
  const adminLookup = lookupFor(file.archiveId, 'user', ADMIN.username);
  return {
    ...file,
    slots: [...file.slots.filter((s) => s.userId !== adminId), { ...b, userId: adminId, lookup: adminLookup }],
  };
}

/**
 * A slot as the first builds wrote it (version 1: the boxes bound only to archive id and
 * slot id), made here from the primitives so the test does not lean on the code it checks.
 */
function legacySlot(archiveId: string, like: KeySlot, password: string, dbKey: Buffer): KeySlot {
  const b64 = (b: Buffer) => b.toString('base64');
  const aad = Buffer.from(`${archiveId}:${like.id}`);
  const gcm = (key: Buffer, plain: Buffer) => {
    const iv = randomBytes(12);
    const c = createCipheriv('aes-256-gcm', key, iv);
    c.setAAD(aad);
    const ct = Buffer.concat([c.update(plain), c.final()]);
    return { iv: b64(iv), ct: b64(ct), tag: b64(c.getAuthTag()) };
  };
  const { N, r, p } = TEST_KDF_COST;
  const salt = randomBytes(16);
  const wrapKey = scryptSync(password.normalize('NFC'), salt, 32, { N, r, p, maxmem: 256 * N * r + 64 * 1024 * 1024 });
  const pair = generateKeyPairSync('x25519');
  const eph = generateKeyPairSync('x25519');
  const sealKey = Buffer.from(
    hkdfSync('sha256', diffieHellman({ privateKey: eph.privateKey, publicKey: pair.publicKey }), Buffer.alloc(0), 'credit-archive db key', 32),
  );
  return {
    id: like.id,
    kind: like.kind,
    userId: like.userId,
    lookup: like.lookup,
    kdf: { method: 'scrypt', version: 1, N, r, p, salt: b64(salt) },
    publicKey: b64(pair.publicKey.export({ type: 'spki', format: 'der' })),
    wrappedPrivateKey: gcm(wrapKey, pair.privateKey.export({ type: 'pkcs8', format: 'der' })),
    sealedDbKey: { ...gcm(sealKey, dbKey), ephemeralPublicKey: b64(eph.publicKey.export({ type: 'spki', format: 'der' })) },
  };
}

describe('a key slot is bound to its user', () => {
  it("B's slot filed under the administrator's id and lookup does not let B's password in as the administrator", async () => {
    const t = await freshArchive(temp);
    const adminId = (await t.ok(t.admin, 'auth.me', {})).id;
    const b = await addUser(t, t.admin, B);
    await t.host.close();
    writeSlots(t.dir, transplant(readSlots(t.dir), adminId, b.user.id));

    // The archive closed: the password opens the slot it finds, or not at all.
    const again = reopen(t);
    expect(await again.fail(null, 'auth.login', { username: ADMIN.username, password: B.password })).toMatchObject({
      code: 'WRONG_PASSWORD',
    });
    // The archive open (B is logged in): the password is checked against the slot all the same.
    await login(again, B.username, B.password);
    expect(await again.fail(null, 'auth.login', { username: ADMIN.username, password: B.password })).toMatchObject({
      code: 'WRONG_PASSWORD',
    });
  });

  it('a recovery slot filed as a user slot does not make the recovery code a password', async () => {
    const t = await freshArchive(temp);
    const adminId = (await t.ok(t.admin, 'auth.me', {})).id;
    await t.host.close();
    const file = readSlots(t.dir);
    const recovery = file.slots.find((s) => s.kind === 'recovery')!;
    const forged = { ...recovery, kind: 'user' as const, userId: adminId, lookup: lookupFor(file.archiveId, 'user', ADMIN.username) };
    writeSlots(t.dir, { ...file, slots: [...file.slots.filter((s) => s.userId !== adminId), forged] });
    const again = reopen(t);
    expect(
      await again.fail(null, 'auth.login', { username: ADMIN.username, password: t.recoveryCode.replace(/-/g, '') }),
    ).toMatchObject({ code: 'WRONG_PASSWORD' });
  });

  it('a version 1 slot opens once more and is then rewritten bound to its owner', async () => {
    const t = await freshArchive(temp);
    const adminId = (await t.ok(t.admin, 'auth.me', {})).id;
    const b = await addUser(t, t.admin, B);
    await t.host.close();
    const dbKey = dbKeyFromRecovery(t.dir, t.recoveryCode);
    const file = readSlots(t.dir);
    const legacy = file.slots.map((s) => (s.userId === b.user.id ? legacySlot(file.archiveId, s, B.password, dbKey) : s));
    writeSlots(t.dir, { ...file, slots: legacy });
    expect(readSlots(t.dir).slots.find((s) => s.userId === b.user.id)!.version).toBeUndefined();

    const again = reopen(t);
    await login(again, B.username, B.password);
    const upgraded = readSlots(t.dir).slots.find((s) => s.userId === b.user.id)!;
    expect(upgraded.version).toBe(SLOT_VERSION);
    expect(upgraded.id).toBe(file.slots.find((s) => s.userId === b.user.id)!.id);
    await again.host.close();

    // It still opens for B, and no longer for anyone it is filed under.
    const third = reopen(t);
    await login(third, B.username, B.password);
    await third.host.close();
    writeSlots(t.dir, transplant(readSlots(t.dir), adminId, b.user.id));
    const fourth = reopen(t);
    expect((await fourth.fail(null, 'auth.login', { username: ADMIN.username, password: B.password })).code).toBe('WRONG_PASSWORD');
  });
});
