import type { MethodName } from '../../../../shared/contract';

/** What changes when a dunning step is recorded. */
export const DUNNING_QUERIES: readonly MethodName[] = ['dunning.sales', 'dunning.work', 'approvals.mine', 'approvals.inbox', 'approvals.inboxCount'];
