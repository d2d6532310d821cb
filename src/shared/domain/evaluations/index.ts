// The lifecycle of a credit evaluation and the review cycle (SPEC §2, issue 9 items 4–5):
// pure, no clock, no database, no DOM. The host enforces with `decide`, the renderer
// enables and explains with `actionsFor`; scores come from ../scoring.
export * from './codes';
export * from './state';
export * from './lifecycle';
export * from './views';
export * from './cycle';
export * from './texts';
