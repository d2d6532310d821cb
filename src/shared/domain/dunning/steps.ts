// The dunning steps of one sale on a day (seed 003 五(二)): derived from the dates and from
// what has been recorded, whenever the app is used — so a day on which nobody opened the app
// loses no step. Pure: the caller passes `today`, the sale as settled by 核销 (receivables.ts)
// and the steps recorded for it.

import { shiftDay } from '../working-days';
import { daysBetween } from '../receivables';
import type { DunningRefusal, DunningStepKind, DunningStepStatus, ReminderChannel, SalePaymentState } from './codes';

export interface DunningPolicy {
  /** The reminder's window: the last this-many days up to and including the due date (seed 003: 最后一个星期). */
  reminderWindowDays: number;
  /** The suspension recommendation once the sale is more than this many days overdue (seed 003: 15). */
  suspensionAfterDays: number;
}

export const DEFAULT_DUNNING_POLICY: DunningPolicy = { reminderWindowDays: 7, suspensionAfterDays: 15 };

/** A sale as 核销 left it on `today` (see settleSales in receivables.ts). */
export interface SaleForDunning {
  saleId: string;
  docNo: string | null;
  contractId: string | null;
  amountFen: number;
  occurredOn: string;
  dueOn: string | null;
  /** What is still owed on it today. */
  leftFen: number;
  /** The day it was settled in full; null while open. */
  settledOn: string | null;
}

export type SuspensionChainStatus = 'open' | 'approved' | 'rejected';

/** One recorded step: a reminder made, a letter sent, a suspension recommended. */
export interface DunningRecord {
  kind: DunningStepKind;
  /** The day it was done (for a suspension: the day it was recommended). */
  on: string;
  channel?: ReminderChannel | null;
  /** For a suspension: where its approval chain stands. */
  chain?: SuspensionChainStatus | null;
}

export interface DunningStep {
  kind: DunningStepKind;
  /** The first day the step may be done. */
  opensOn: string;
  status: DunningStepStatus;
  /** The record that made it done (or the latest recommendation of a suspension). */
  record: DunningRecord | null;
}

export interface SaleDunning {
  saleId: string;
  state: SalePaymentState;
  balanceFen: number;
  /** Days past the due date today (0 when not overdue or paid). */
  daysOverdue: number;
  /** The three steps in order; empty for a sale without a due date. */
  steps: DunningStep[];
  /** The steps to be done now, in order. */
  due: DunningStepKind[];
}

function stepWindows(dueOn: string, policy: DunningPolicy): Record<DunningStepKind, string> {
  return {
    reminder: shiftDay(dueOn, -(policy.reminderWindowDays - 1)),
    letter: shiftDay(dueOn, 1),
    suspension: shiftDay(dueOn, policy.suspensionAfterDays + 1),
  };
}

function latest(records: readonly DunningRecord[], kind: DunningStepKind): DunningRecord | null {
  let found: DunningRecord | null = null;
  for (const r of records) if (r.kind === kind && (found === null || r.on >= found.on)) found = r;
  return found;
}

function stepStatus(kind: DunningStepKind, opensOn: string, dueOn: string, record: DunningRecord | null, sale: SaleForDunning, today: string): DunningStepStatus {
  if (kind === 'suspension' && record) {
    if (record.chain === 'open') return sale.settledOn !== null ? 'moot' : 'in_approval';
    if (record.chain === 'rejected') return sale.settledOn !== null ? 'moot' : 'rejected';
    return 'done';
  }
  if (record) return 'done';
  const settled = sale.settledOn;
  if (settled !== null) {
    // Settled: a reminder whose week ended unreminded before the payment stays "missed".
    return kind === 'reminder' && settled > dueOn ? 'missed' : 'moot';
  }
  if (today < opensOn) return 'not_yet';
  if (kind === 'reminder' && today > dueOn) return 'missed';
  return 'due';
}

/** Where each dunning step of one sale stands on `today`. */
export function saleDunning(sale: SaleForDunning, records: readonly DunningRecord[], today: string, policy: DunningPolicy = DEFAULT_DUNNING_POLICY): SaleDunning {
  const paid = sale.leftFen <= 0;
  const normalized: SaleForDunning = paid ? { ...sale, leftFen: 0, settledOn: sale.settledOn ?? today } : { ...sale, settledOn: null };
  if (sale.dueOn === null) {
    return { saleId: sale.saleId, state: paid ? 'paid' : 'no_due_date', balanceFen: normalized.leftFen, daysOverdue: 0, steps: [], due: [] };
  }
  const dueOn = sale.dueOn;
  const windows = stepWindows(dueOn, policy);
  const steps: DunningStep[] = (['reminder', 'letter', 'suspension'] as const).map((kind) => {
    const record = latest(records, kind);
    return { kind, opensOn: windows[kind], status: stepStatus(kind, windows[kind], dueOn, record, normalized, today), record };
  });
  const daysOverdue = paid || today <= dueOn ? 0 : daysBetween(dueOn, today);
  const state: SalePaymentState = paid ? 'paid' : today > dueOn ? 'overdue' : today >= windows.reminder ? 'due_soon' : 'open';
  return { saleId: sale.saleId, state, balanceFen: normalized.leftFen, daysOverdue, steps, due: steps.filter((s) => s.status === 'due').map((s) => s.kind) };
}

/**
 * Whether `kind` may be recorded for the sale now (null: yes). The host refuses with this
 * reason; the screen disables the button and says why.
 */
export function refuseDunningStep(dunning: SaleDunning, kind: DunningStepKind): DunningRefusal | null {
  if (dunning.state === 'paid') return 'sale_settled';
  if (dunning.state === 'no_due_date') return 'no_due_date';
  const step = dunning.steps.find((s) => s.kind === kind)!;
  switch (step.status) {
    case 'not_yet':
      return 'step_not_open';
    case 'done':
      return 'step_done';
    case 'in_approval':
      return 'suspension_in_approval';
    case 'moot':
      return 'sale_settled';
    default:
      return null; // due, missed (recorded late, as it happened), rejected (recommended again)
  }
}

/** How many steps are due today over many sales, by kind (the home page's counts). */
export function dunningWorkDue(list: readonly SaleDunning[]): Record<DunningStepKind, number> {
  const counts: Record<DunningStepKind, number> = { reminder: 0, letter: 0, suspension: 0 };
  for (const d of list) for (const k of d.due) counts[k] += 1;
  return counts;
}
