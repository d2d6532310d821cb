import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_COLLECTION_LETTER as shipped,
  dunningWorkDue,
  fillLetter,
  letterValues,
  refuseDunningStep,
  saleDunning,
  unknownPlaceholders,
  type DunningRecord,
  type SaleForDunning,
} from '../../src/shared/domain/dunning';
import { shiftDay } from '../../src/shared/domain/working-days';

/** A ¥10,000.00 sale of 2026-09-01, due 2026-10-31, nothing paid. */
const open: SaleForDunning = { saleId: 's1', docNo: 'FP-001', contractId: 'c1', amountFen: 1_000_000, occurredOn: '2026-09-01', dueOn: '2026-10-31', leftFen: 1_000_000, settledOn: null };
const statuses = (d: ReturnType<typeof saleDunning>) => Object.fromEntries(d.steps.map((s) => [s.kind, s.status]));

describe('dunning steps of an open sale by the day (seed 003 五(二))', () => {
  it.each([
    // day, state, days overdue, reminder, letter, suspension, due now
    ['2026-10-24', 'open', 0, 'not_yet', 'not_yet', 'not_yet', []],
    ['2026-10-25', 'due_soon', 0, 'due', 'not_yet', 'not_yet', ['reminder']], // the last week opens 7 days before, the due date included
    ['2026-10-31', 'due_soon', 0, 'due', 'not_yet', 'not_yet', ['reminder']],
    ['2026-11-01', 'overdue', 1, 'missed', 'due', 'not_yet', ['letter']], // the letter at once once overdue
    ['2026-11-15', 'overdue', 15, 'missed', 'due', 'not_yet', ['letter']], // 15 days overdue: not yet more than 15
    ['2026-11-16', 'overdue', 16, 'missed', 'due', 'due', ['letter', 'suspension']],
  ] as const)('on %s: %s, %i days overdue, reminder %s, letter %s, suspension %s', (today, state, overdue, reminder, letter, suspension, due) => {
    const d = saleDunning(open, [], today);
    expect(d.state).toBe(state);
    expect(d.daysOverdue).toBe(overdue);
    expect(d.balanceFen).toBe(1_000_000);
    expect(statuses(d)).toEqual({ reminder, letter, suspension });
    expect(d.due).toEqual(due);
  });

  it('a step recorded is done and no longer due; a day nobody opened the app loses nothing', () => {
    const records: DunningRecord[] = [{ kind: 'reminder', on: '2026-10-27', channel: 'phone' }];
    // Nobody used the app from 2026-10-28 to 2026-11-20: on the 21st both later steps are due.
    const d = saleDunning(open, records, '2026-11-21');
    expect(statuses(d)).toEqual({ reminder: 'done', letter: 'due', suspension: 'due' });
    expect(d.steps[0]!.record).toEqual(records[0]);
  });

  it('a suspension follows its approval chain: in approval, approved (done) or rejected (may be recommended again)', () => {
    const base: DunningRecord[] = [{ kind: 'letter', on: '2026-11-02' }];
    const at = (chain: 'open' | 'approved' | 'rejected') => saleDunning(open, [...base, { kind: 'suspension', on: '2026-11-17', chain }], '2026-11-20');
    expect(statuses(at('open')).suspension).toBe('in_approval');
    expect(refuseDunningStep(at('open'), 'suspension')).toBe('suspension_in_approval');
    expect(statuses(at('approved')).suspension).toBe('done');
    expect(refuseDunningStep(at('approved'), 'suspension')).toBe('step_done');
    expect(statuses(at('rejected')).suspension).toBe('rejected');
    expect(refuseDunningStep(at('rejected'), 'suspension')).toBeNull();
    expect(at('rejected').due).toEqual([]);
  });

  it('a settled sale is paid: steps not taken are moot, a reminder week that passed unreminded stays missed', () => {
    const paidLate = saleDunning({ ...open, leftFen: 0, settledOn: '2026-11-05' }, [{ kind: 'letter', on: '2026-11-01' }], '2026-11-20');
    expect(paidLate.state).toBe('paid');
    expect(paidLate.daysOverdue).toBe(0);
    expect(statuses(paidLate)).toEqual({ reminder: 'missed', letter: 'done', suspension: 'moot' });
    expect(paidLate.due).toEqual([]);
    const paidEarly = saleDunning({ ...open, leftFen: 0, settledOn: '2026-10-20' }, [], '2026-11-20');
    expect(statuses(paidEarly)).toEqual({ reminder: 'moot', letter: 'moot', suspension: 'moot' });
    expect(refuseDunningStep(paidEarly, 'letter')).toBe('sale_settled');
  });

  it('refuses what is not yet open or already done; a missed reminder may still be recorded as it happened', () => {
    expect(refuseDunningStep(saleDunning(open, [], '2026-10-01'), 'reminder')).toBe('step_not_open');
    expect(refuseDunningStep(saleDunning(open, [], '2026-10-31'), 'letter')).toBe('step_not_open');
    expect(refuseDunningStep(saleDunning(open, [], '2026-11-15'), 'suspension')).toBe('step_not_open');
    expect(refuseDunningStep(saleDunning(open, [{ kind: 'letter', on: '2026-11-01' }], '2026-11-03'), 'letter')).toBe('step_done');
    expect(refuseDunningStep(saleDunning(open, [], '2026-11-03'), 'reminder')).toBeNull();
    expect(refuseDunningStep(saleDunning({ ...open, dueOn: null }, [], '2026-11-03'), 'letter')).toBe('no_due_date');
  });

  it('counts the steps due over many sales for the home page', () => {
    const list = [saleDunning(open, [], '2026-10-26'), saleDunning({ ...open, saleId: 's2', dueOn: '2026-10-01' }, [], '2026-10-26'), saleDunning({ ...open, saleId: 's3', dueOn: '2026-10-01' }, [{ kind: 'letter', on: '2026-10-02' }], '2026-10-26')];
    expect(dunningWorkDue(list)).toEqual({ reminder: 1, letter: 1, suspension: 2 });
  });
});

describe('dunning properties', () => {
  const day = fc.integer({ min: 0, max: 400 }).map((n) => shiftDay('2026-01-01', n));
  const sale = fc.record({ due: day, left: fc.integer({ min: 0, max: 10_000_00 }), settledAfter: fc.integer({ min: -20, max: 40 }) });
  it('a step is never due before it opens, an open sale past its due date always has its letter done or due, a paid sale has nothing due', () => {
    fc.assert(
      fc.property(sale, day, fc.subarray(['reminder', 'letter'] as const), (s, today, done) => {
        const input: SaleForDunning = { ...open, dueOn: s.due, leftFen: s.left, settledOn: s.left === 0 ? shiftDay(s.due, s.settledAfter) : null };
        const records: DunningRecord[] = done.map((kind) => ({ kind, on: today }));
        const d = saleDunning(input, records, today);
        for (const step of d.steps) if (step.status === 'due') expect(today >= step.opensOn).toBe(true);
        if (s.left === 0) expect(d.due).toEqual([]);
        if (s.left > 0 && today > s.due) expect(['due', 'done']).toContain(d.steps[1]!.status);
        expect(d.daysOverdue > 0).toBe(d.state === 'overdue');
        for (const kind of d.due) expect(refuseDunningStep(d, kind)).toBeNull();
      }),
    );
  });
});

describe('the collection letter (催款函) template', () => {
  const values = letterValues({ customerName: '北京华联商贸有限公司', customerCode: 'KH-0001', docNo: 'FP-001', contractNo: 'HT-2026-01', occurredOn: '2026-09-01', dueOn: '2026-10-31', amountFen: 1_000_000, balanceFen: 623_450, daysOverdue: 5, today: '2026-11-05', companyName: '某某公司', clerk: '王芳' });
  it('fills every field of the shipped letter', () => {
    expect(unknownPlaceholders(shipped)).toEqual([]);
    const text = fillLetter(shipped, values);
    expect(text).not.toContain('{{');
    expect(text).toContain('北京华联商贸有限公司（客户编号 KH-0001）');
    expect(text).toContain('金额 ¥10,000.00');
    expect(text).toContain('尚有 ¥6,234.50 未付，已逾期 5 天');
    expect(text).toContain('约定付款日期为 2026-10-31');
  });
  it('names the placeholders that are not fields, and leaves them as typed', () => {
    const template = '致 {{客户名称}}：请于 {{付款期限}} 前付款 {{ 未付金额 }}。';
    expect(unknownPlaceholders(template)).toEqual(['付款期限']);
    expect(fillLetter(template, values)).toBe('致 北京华联商贸有限公司：请于 {{付款期限}} 前付款 ¥6,234.50。');
  });
});
