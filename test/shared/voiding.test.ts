import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { creditFigures } from '../../src/shared/domain/receivables';
import {
  decideVoid,
  inForce,
  inForceOnly,
  isRemovable,
  isVoidable,
  RECORD_KINDS,
  voidStampOf,
  type RecordKind,
  type VoidStamp,
} from '../../src/shared/domain/voiding';

const at = '2026-12-03T01:00:00.000Z';
const stamp: VoidStamp = { at, by: 'u1', reason: '录入错误' };

describe('which records are voided and which removed', () => {
  it.each<[RecordKind, boolean, boolean]>([
    ['contact', false, true],
    ['qualification', true, false],
    ['contract', true, false],
    ['transaction', true, false],
    ['payment', true, false],
    ['creditEvent', true, false],
    ['feedback', false, true],
    ['creditReport', false, true],
  ])('%s: voidable %s, removable %s', (kind, voidable, removable) => {
    expect(isVoidable(kind)).toBe(voidable);
    expect(isRemovable(kind)).toBe(removable);
  });

  it('puts every kind in exactly one of the two', () => {
    for (const kind of RECORD_KINDS) expect(isVoidable(kind) !== isRemovable(kind)).toBe(true);
  });
});

describe('decideVoid', () => {
  const request = { reason: '  重复录入  ', by: 'u1', at };
  it.each<[string, RecordKind, VoidStamp | null, string, unknown]>([
    ['a payment in force, with a reason', 'payment', null, request.reason, { ok: true, stamp: { at, by: 'u1', reason: '重复录入' } }],
    ['a credit event in force', 'creditEvent', null, '法院撤销判决', { ok: true, stamp: { at, by: 'u1', reason: '法院撤销判决' } }],
    ['an already voided sale', 'transaction', stamp, '再次作废', { ok: false, refusal: 'alreadyVoided' }],
    ['a blank reason', 'contract', null, '   ', { ok: false, refusal: 'reasonRequired' }],
    ['an empty reason', 'qualification', null, '', { ok: false, refusal: 'reasonRequired' }],
    ['a contact (removed, not voided)', 'contact', null, '错误', { ok: false, refusal: 'notVoidable' }],
    ['a feedback note', 'feedback', null, '错误', { ok: false, refusal: 'notVoidable' }],
  ])('%s', (_, kind, current, reason, expected) => {
    expect(decideVoid(kind, current, { ...request, reason })).toEqual(expected);
  });
});

describe('stored void marks', () => {
  it.each([
    [{ voided_at: null, voided_by: null, void_reason: null }, null],
    [{ voided_at: at, voided_by: 'u1', void_reason: '录入错误' }, stamp],
  ])('reads %j', (columns, expected) => {
    expect(voidStampOf(columns)).toEqual(expected);
    expect(inForce(columns)).toBe(expected === null);
  });

  it.each([
    { voided_at: at, voided_by: null, void_reason: '录入错误' },
    { voided_at: at, voided_by: 'u1', void_reason: null },
    { voided_at: at, voided_by: 'u1', void_reason: ' ' },
    { voided_at: null, voided_by: 'u1', void_reason: null },
    { voided_at: null, voided_by: null, void_reason: '录入错误' },
  ])('refuses the partial mark %j as damage', (columns) => {
    expect(() => voidStampOf(columns)).toThrow(/partial/);
  });
});

describe('voided records no longer count (property)', () => {
  const day = fc.integer({ min: 0, max: 400 }).map((n) => new Date(Date.UTC(2026, 0, 1 + n)).toISOString().slice(0, 10));
  const row = fc.record({ amountFen: fc.integer({ min: 1, max: 1_000_000 }), on: day, voided: fc.option(fc.constant(stamp), { nil: null }) });

  it('the figures over a file are the figures over its rows in force, and voiding one more row changes them as removing it would', () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 12 }), fc.array(row, { maxLength: 12 }), fc.nat(), (sales, payments, pick) => {
        const today = '2027-03-01';
        const figures = (s: typeof sales, p: typeof payments) =>
          creditFigures(
            inForceOnly(s).map((r) => ({ amountFen: r.amountFen, occurredOn: r.on, dueOn: r.on })),
            [],
            inForceOnly(p).map((r) => ({ amountFen: r.amountFen, on: r.on })),
            today,
          );
        const before = figures(sales, payments);
        // A voided row counts for nothing: the same figures as without it.
        expect(before).toEqual(figures(sales.filter((s) => s.voided === null), payments.filter((p) => p.voided === null)));

        const open = payments.map((p, i) => [p, i] as const).filter(([p]) => inForce(p));
        if (open.length === 0) return;
        const [target, index] = open[pick % open.length]!;
        const decision = decideVoid('payment', target.voided, { reason: '录入错误', by: 'u1', at });
        expect(decision.ok).toBe(true);
        if (!decision.ok) return;
        const voided = payments.map((p, i) => (i === index ? { ...p, voided: decision.stamp } : p));
        const removed = payments.filter((_, i) => i !== index);
        expect(figures(sales, voided)).toEqual(figures(sales, removed));
        // And voiding is final: the same record cannot be voided twice.
        expect(decideVoid('payment', decision.stamp, { reason: '再次', by: 'u2', at })).toEqual({ ok: false, refusal: 'alreadyVoided' });
      }),
    );
  });
});
