import type { RecordsReason, ValidityState } from '../contract/records';
import type { ActionOf } from './types';

// The texts of the records domain's codes in English (the same keys as records.zh-CN.ts, by type).
export const recordsEnUS = {
  reasons: {
    contractNoTaken: 'This contract number is already taken.',
    contractInUse: 'Sales or payments refer to this contract: it cannot be removed.',
  } satisfies Record<RecordsReason, string>,
  actions: {
    'records.addContact': 'Contact added',
    'records.addQualification': 'Qualification added',
    'records.addContract': 'Contract added',
    'records.addTransaction': 'Sale or return added',
    'records.addPayment': 'Payment added',
    'records.addCreditEvent': 'Credit event added',
    'records.addFeedback': 'Feedback added',
    'records.addCreditReport': 'Credit report added',
    'records.remove': 'Record removed',
  } satisfies Record<ActionOf<'records'>, string>,
  validity: {
    valid: 'Valid',
    expiring: 'Expiring soon',
    expired: 'Expired',
    open: 'No end date',
  } satisfies Record<ValidityState, string>,
};
