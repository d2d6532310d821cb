// Risk warnings (风险预警): the rules as data, their evaluation, measures and the lifecycle.
export * from './codes';
export * from './rules';
export * from './lifecycle';
export * from './texts';
