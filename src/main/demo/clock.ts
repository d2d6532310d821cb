import type { Clock } from '../host/types';

/** A clock the demo may turn back and forward, to enter what happened weeks ago (a request now overdue). */
export interface TurnableClock extends Clock {
  /** Moves the clock by `ms` (negative: back). */
  advance(ms: number): void;
}

/** The real time, moved by what the demo turned it. */
export class DemoClock implements TurnableClock {
  private offsetMs = 0;
  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }
  advance(ms: number): void {
    this.offsetMs += ms;
  }
}
