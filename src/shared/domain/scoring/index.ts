// Scoring models, scores, grades and their explanations (SPEC §2): pure, no clock,
// no database, no DOM. Used by the review form live, by the host at submit, and by the
// year-end round.
export * from './exact';
export * from './model';
export * from './validate';
export * from './score';
export * from './explain';
export * from './indicators';
export * from './texts';
export * from './defaults';
