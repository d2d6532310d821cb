import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { contract, type FieldIssue } from '../../src/shared/contract';
import { ADMIN, addUser, directory, fingerprint, freshArchive, freshArchiveWithNoRightsRole, login, NO_RIGHTS_ROLE, useTempDirs } from './helpers';
import { HOST_METHODS, validInputs } from './samples';

const temp = useTempDirs();

const HUGE = 'x'.repeat(1_000_000);

interface Mutant {
  label: string;
  input: unknown;
}

type Path = (string | number)[];

function setAt(value: unknown, path: Path, replacement: unknown, remove = false): unknown {
  const copy = structuredClone(value) as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  if (remove) delete node[last];
  else node[last] = replacement;
  return copy;
}

/** The object or array inside optional, nullable, default and transforming wrappers. */
function unwrapped(schema: z.ZodType): z.ZodType {
  let current = schema;
  for (;;) {
    if (current instanceof z.ZodOptional || current instanceof z.ZodNullable) current = current.unwrap() as z.ZodType;
    else if (current instanceof z.ZodDefault) current = current.unwrap() as z.ZodType;
    else if (current instanceof z.ZodPipe) current = current.in as z.ZodType;
    else if (current instanceof z.ZodReadonly) current = current.unwrap() as z.ZodType;
    else return current;
  }
}

/** The schema of a field, following `path` through nested objects and array items. */
function fieldSchema(schema: z.ZodType, path: Path): z.ZodType {
  let current: z.ZodType = schema;
  for (const key of path) {
    const inner = unwrapped(current);
    if (typeof key === 'number' && inner instanceof z.ZodArray) current = inner.element as z.ZodType;
    else if (typeof key === 'string' && inner instanceof z.ZodObject) current = (inner.shape as Record<string, z.ZodType>)[key]!;
    // A record (a model's policies by grade …): every key has the value's schema.
    else if (typeof key === 'string' && inner instanceof z.ZodRecord) current = inner.valueType as z.ZodType;
    else if (typeof key === 'string' && inner instanceof z.ZodUnion) {
      // A union (a decision, an assignee …): the first alternative that has the field.
      const option = (inner.options as z.ZodType[]).map(unwrapped).find((o) => o instanceof z.ZodObject && key in (o.shape as object));
      if (!option) throw new Error(`no field at ${path.join('.')}`);
      current = ((option as z.ZodObject).shape as Record<string, z.ZodType>)[key]!;
    } else throw new Error(`no field at ${path.join('.')}`);
  }
  return current;
}

/** Inputs no method may accept, derived from a valid sample of that method. */
function mutantsOf(schema: z.ZodType, sample: unknown): Mutant[] {
  const out: Mutant[] = [
    { label: 'null', input: null },
    { label: 'undefined', input: undefined },
    { label: '42', input: 42 },
    { label: "'x'", input: 'x' },
    { label: 'huge string', input: HUGE },
    { label: '[]', input: [] },
    { label: 'true', input: true },
    { label: 'extra field', input: { ...(sample as object), unexpected: 1 } },
    { label: 'extra __proto__ field', input: Object.assign(JSON.parse('{"__proto__": {"admin": true}}'), sample) },
  ];

  const walk = (value: unknown, path: Path) => {
    const at = path.join('.') || '(input)';
    // A field that may be null (an optional address, say) is not malformed when null.
    const wrongFor = (candidates: unknown[]) => {
      const field = fieldSchema(schema, path);
      return candidates.filter((wrong) => !field.safeParse(wrong).success);
    };
    if (typeof value === 'string') {
      out.push({ label: `${at}: huge string`, input: setAt(sample, path, HUGE) });
      for (const wrong of wrongFor([42, null, true, {}, []])) out.push({ label: `${at}: ${JSON.stringify(wrong)}`, input: setAt(sample, path, wrong) });
    } else if (typeof value === 'number') {
      for (const wrong of wrongFor(['12', null, true, {}, [], NaN])) out.push({ label: `${at}: ${String(wrong)}`, input: setAt(sample, path, wrong) });
    } else if (typeof value === 'boolean') {
      for (const wrong of wrongFor(['true', 1, null, {}])) out.push({ label: `${at}: ${JSON.stringify(wrong)}`, input: setAt(sample, path, wrong) });
    } else if (Array.isArray(value)) {
      if (path.length > 0) {
        for (const wrong of wrongFor(['x', {}, null, 42])) out.push({ label: `${at}: ${JSON.stringify(wrong)}`, input: setAt(sample, path, wrong) });
      }
      value.forEach((item, i) => walk(item, [...path, i]));
    } else if (value !== null && typeof value === 'object') {
      if (path.length > 0) {
        for (const wrong of wrongFor(['x', [], null, 42])) out.push({ label: `${at}: ${JSON.stringify(wrong)}`, input: setAt(sample, path, wrong) });
        // A record takes any key: an extra one is malformed only when its value is.
        if (!(unwrapped(fieldSchema(schema, path)) instanceof z.ZodRecord)) out.push({ label: `${at}: extra field`, input: setAt(sample, [...path, 'unexpected'], 1) });
      }
      const isRecord = unwrapped(fieldSchema(schema, path)) instanceof z.ZodRecord;
      for (const [key, child] of Object.entries(value)) {
        const childPath = [...path, key];
        const required = !isRecord && !fieldSchema(schema, childPath).safeParse(undefined).success;
        if (required) out.push({ label: `${childPath.join('.')}: missing`, input: setAt(sample, childPath, undefined, true) });
        walk(child, childPath);
      }
    }
  };
  walk(sample, []);
  return out;
}

describe('VALIDATION', () => {
  it('every host method answers VALIDATION to malformed input, writes nothing, and the host carries on', async () => {
    // The caller may call everything, so that only the input decides the answer.
    const t = await freshArchiveWithNoRightsRole(temp, undefined, { adminMayCallEverything: true });
    const { role, department } = await directory(t, t.admin);
    const other = await addUser(t, t.admin, {
      username: 'wu.target',
      displayName: '吴目标',
      password: 'Target-Pass-2026',
      roles: [NO_RIGHTS_ROLE],
    });
    const samples = validInputs({ userId: other.user.id, departmentId: department('business'), roleId: role(NO_RIGHTS_ROLE) });

    // Every file: database, WAL, WAL index and key slots.
    const files = () => fingerprint(t.dir);
    const lastSeq = async () => (await t.ok(t.admin, 'audit.list', { limit: 1 })).entries[0]!.seq;
    const seqBefore = await lastSeq();
    const before = files();
    expect(Object.keys(before)).toEqual(expect.arrayContaining(['archive.db', 'archive.db-wal', 'archive.db-shm', 'keyslots.json']));

    let sent = 0;
    const missingChecked: string[] = [];
    for (const method of HOST_METHODS) {
      const mutants = mutantsOf(contract[method].input, samples[method]);
      expect(mutants.length, method).toBeGreaterThanOrEqual(9);
      for (const { label, input } of mutants) {
        if (label.endsWith(': missing')) missingChecked.push(`${method} ${label}`);
        const r = await t.host.call(t.admin, method, input);
        const what = `${method} with ${label}`;
        expect(r.ok ? 'ok' : r.error.code, what).toBe('VALIDATION');
        if (r.ok) continue;
        const issues = r.error.details as FieldIssue[];
        expect(Array.isArray(issues) && issues.length > 0, what).toBe(true);
        for (const issue of issues) {
          expect(Array.isArray(issue.path), what).toBe(true);
          expect(typeof issue.code, what).toBe('string');
        }
        // The refusal does not echo the input back (a megabyte string stays on this side).
        expect(JSON.stringify(r).length, what).toBeLessThan(20_000);
        sent += 1;
      }
    }
    expect(sent).toBeGreaterThan(300);
    // Required fields were among the cases, nested ones included.
    expect(missingChecked).toEqual(
      expect.arrayContaining([
        'users.create username: missing',
        'users.create roleIds: missing',
        'archive.setup admin.password: missing',
        'auth.recover recoveryCode: missing',
        'users.deactivate id: missing',
        'settings.update idleLockMinutes: missing',
      ]),
    );

    expect(files()).toEqual(before);
    expect(await lastSeq()).toBe(seqBefore);

    // The host answers as before: the admin's session is alive, writes work, the log holds.
    expect((await t.ok(t.admin, 'auth.me', {})).username).toBe(ADMIN.username);
    expect(await t.ok(t.admin, 'settings.update', { companyName: '验证之后', idleLockMinutes: 20 })).toEqual({
      companyName: '验证之后',
      idleLockMinutes: 20,
    });
    expect((await t.ok(t.admin, 'users.list', {})).map((u) => u.username).sort()).toEqual([ADMIN.username, 'wu.target']);
    expect(await t.ok(t.admin, 'audit.verify', {})).toMatchObject({ ok: true });
    await login(t, 'wu.target', 'Target-Pass-2026');
  });

  it('numbers out of range and strings that are only spaces are refused as well', async () => {
    const t = await freshArchive(temp);
    for (const [method, input] of [
      ['settings.update', { companyName: '公司', idleLockMinutes: 0 }],
      ['settings.update', { companyName: '公司', idleLockMinutes: 241 }],
      ['settings.update', { companyName: '公司', idleLockMinutes: 1.5 }],
      ['settings.update', { companyName: '   ', idleLockMinutes: 10 }],
      ['audit.list', { limit: 0 }],
      ['audit.list', { limit: 501 }],
      ['audit.list', { beforeSeq: -1 }],
      ['audit.list', { from: '2026-11-02' }],
      ['audit.list', { userId: 'not-a-uuid' }],
      ['auth.changePassword', { currentPassword: ADMIN.password, newPassword: 'short' }],
      ['auth.login', { username: 'a', password: 'x' }],
      ['auth.login', { username: 'has space', password: 'x' }],
      ['users.create', { username: 'ok.name', displayName: '名', departmentId: 'x', roleIds: [], password: 'Long-Enough-1' }],
    ] as const) {
      const error = await t.fail(t.admin, method, input);
      expect(error.code, `${method} ${JSON.stringify(input)}`).toBe('VALIDATION');
    }
    expect((await t.ok(t.admin, 'settings.get', {})).idleLockMinutes).toBe(15);
  });
});
