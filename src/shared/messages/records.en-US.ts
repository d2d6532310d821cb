import type { RecordsReason, ValidityState } from '../contract/records';
import type { ActionOf } from './types';

// The texts of the records domain's codes in English (the same keys as records.zh-CN.ts, by type).
export const recordsEnUS = {
  reasons: {
    contractNoTaken: 'This contract number is already taken.',
    contractInUse: 'Sales or payments refer to this contract: it cannot be removed.',
    alreadyVoided: 'This record is already voided; a void is neither undone nor repeated.',
    contractHasRecords: 'Sales or payments in force refer to this contract: void them first.',
    contractVoided: 'This contract is voided: no sales or payments can be entered against it.',
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
    'records.void': 'Record voided',
  } satisfies Record<ActionOf<'records'>, string>,
  validity: {
    valid: 'Valid',
    expiring: 'Expiring soon',
    expired: 'Expired',
    open: 'No end date',
  } satisfies Record<ValidityState, string>,
};
