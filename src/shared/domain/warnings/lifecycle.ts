// A warning's lifecycle (issue 12 item 2) as one pure state machine: raised → acknowledged
// → in work (notes, measures taken, an early review started) → closed with a reason; the
// rules close it when its cause is gone and reopen it when the cause comes back. The host
// enforces with `decide`; the renderer enables and explains with `actionsFor`, which runs
// the same gate.
import type { Measure } from '../scoring/model';
import { USER_CLOSE_REASONS, USER_WARNING_ACTIONS, type CloseReason, type UserWarningAction, type WarningEventType, type WarningRefusalCode, type WarningStatus } from './codes';

export interface WarningState {
  status: WarningStatus;
  /** Whether the rule still finds the cause (false once it was gone at an evaluation). */
  causePresent: boolean;
  /** How many times the warning was reopened. */
  reopened: number;
  /** Every measure recorded as taken while working it. */
  measuresTaken: readonly Measure[];
  /** An early review was started from it. */
  earlyReview: boolean;
  closeReason: CloseReason | null;
}

export type WarningEvent =
  | { type: 'raise' }
  | { type: 'acknowledge'; note?: string }
  | { type: 'work'; note: string; measures: readonly Measure[]; earlyReview: boolean }
  | { type: 'close'; reason: CloseReason; note: string }
  | { type: 'cause_gone' }
  | { type: 'cause_back' }
  | { type: 'rule_off' };

/** Who acts: a user with what the permissions let them do, or the rules. */
export type WarningActor = { kind: 'user'; mayWork: boolean; mayClose: boolean } | { kind: 'system' };

export type WarningDecision = { ok: true; state: WarningState } | { ok: false; refusal: WarningRefusalCode };

const USER_EVENTS: readonly WarningEventType[] = USER_WARNING_ACTIONS;
const isOpen = (s: WarningState) => s.status !== 'closed';
const filled = (s: string | undefined) => typeof s === 'string' && s.trim().length > 0;

/** Whether the actor may do `type` now, whatever the event's fields. */
function gate(state: WarningState | null, type: WarningEventType, actor: WarningActor): WarningRefusalCode | null {
  const user = USER_EVENTS.includes(type);
  if (user && actor.kind !== 'user') return 'warning_not_permitted';
  if (!user && actor.kind !== 'system') return 'warning_system_only';
  if (type === 'raise') return state ? 'warning_already_raised' : null;
  if (!state) return 'warning_not_raised';
  switch (type) {
    case 'acknowledge':
      if (actor.kind !== 'user' || !actor.mayWork) return 'warning_not_permitted';
      return state.status === 'raised' ? null : 'warning_wrong_state';
    case 'work':
      if (actor.kind !== 'user' || !actor.mayWork) return 'warning_not_permitted';
      if (state.status === 'raised') return 'warning_not_acknowledged';
      return state.status === 'acknowledged' || state.status === 'in_work' ? null : 'warning_wrong_state';
    case 'close':
      if (actor.kind !== 'user' || !actor.mayClose) return 'warning_not_permitted';
      if (state.status === 'raised') return 'warning_not_acknowledged';
      return isOpen(state) ? null : 'warning_wrong_state';
    case 'cause_gone':
      return state.causePresent ? null : 'warning_wrong_state';
    case 'cause_back':
      if (state.causePresent) return 'warning_cause_present';
      return null;
    case 'rule_off':
      return isOpen(state) ? null : 'warning_wrong_state';
  }
  return 'warning_wrong_state';
}

export const NEW_WARNING: WarningState = { status: 'raised', causePresent: true, reopened: 0, measuresTaken: [], earlyReview: false, closeReason: null };

/** One step of the lifecycle, or why not. */
export function decide(state: WarningState | null, event: WarningEvent, actor: WarningActor): WarningDecision {
  const refusal = gate(state, event.type, actor);
  if (refusal) return { ok: false, refusal };
  const s = state!;
  switch (event.type) {
    case 'raise':
      return { ok: true, state: NEW_WARNING };
    case 'acknowledge':
      return { ok: true, state: { ...s, status: 'acknowledged' } };
    case 'work': {
      if (!filled(event.note)) return { ok: false, refusal: 'warning_note_required' };
      const measuresTaken = [...new Set([...s.measuresTaken, ...event.measures])];
      return { ok: true, state: { ...s, status: 'in_work', measuresTaken, earlyReview: s.earlyReview || event.earlyReview } };
    }
    case 'close':
      if (!(USER_CLOSE_REASONS as readonly string[]).includes(event.reason)) return { ok: false, refusal: 'warning_close_reason' };
      if (!filled(event.note)) return { ok: false, refusal: 'warning_note_required' };
      return { ok: true, state: { ...s, status: 'closed', closeReason: event.reason } };
    case 'cause_gone':
      // Open: closed by the rules, the cause cleared. Closed already: it stays closed, and may reopen.
      return { ok: true, state: isOpen(s) ? { ...s, status: 'closed', causePresent: false, closeReason: 'cause_cleared' } : { ...s, causePresent: false } };
    case 'cause_back':
      // The cause came back: a closed warning reopens; an open one (closed by nobody) just carries on.
      return { ok: true, state: isOpen(s) ? { ...s, causePresent: true } : { ...s, status: 'raised', causePresent: true, reopened: s.reopened + 1, closeReason: null } };
    case 'rule_off':
      return { ok: true, state: { ...s, status: 'closed', causePresent: false, closeReason: 'rule_disabled' } };
  }
}

export interface WarningActionAvailability {
  action: UserWarningAction;
  allowed: boolean;
  /** Why not, when not allowed. */
  refusal: WarningRefusalCode | null;
}

/** What a user may do with the warning now, each with why not (the renderer's buttons). */
export function actionsFor(state: WarningState, actor: WarningActor): WarningActionAvailability[] {
  return USER_WARNING_ACTIONS.map((action) => {
    const refusal = gate(state, action, actor);
    return { action, allowed: refusal === null, refusal };
  });
}
