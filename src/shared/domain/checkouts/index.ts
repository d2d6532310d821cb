// Borrowing (借阅与查阅, SPEC §4): who may read, the checkout request and its chain, the
// loan policy, the loan state machine and its reminders. Pure: no clock, no database, no
// DOM; the caller passes the day, the calendar and the actor.
export * from './codes';
export * from './policy';
export * from './request';
export * from './loan';
export * from './access';
export * from './reminders';
export * from './texts';
