// Dunning (催收, seed 003 五(二), issue 12 item 3): the steps of each open sale by its due
// date, and the collection letter's template. Pure: no clock, no database, no DOM.
export * from './codes';
export * from './steps';
export * from './letter';
