import type { ActionOf } from './types';
import type { CreditLimitsMessages } from './creditLimits.zh-CN';

export const creditLimitsEnUS: CreditLimitsMessages = {
  refusal: {
    requestOpen: 'This customer already has a credit limit request in progress; wait until it is closed',
    notCreditLimitChain: 'This approval is not a credit limit request',
  },
};

/** The audit actions of the creditLimits domain. */
export const creditLimitsActionsEnUS = {
  'creditLimits.request': 'Credit limit change requested',
  'creditLimits.resubmit': 'Credit limit change resubmitted',
  'creditLimits.get': 'Credit limit request viewed',
  'creditLimits.history': 'Credit limit history read',
} satisfies Record<ActionOf<'creditLimits'>, string>;
