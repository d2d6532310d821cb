import type { CreditLimitsMessages } from './creditLimits.zh-CN';

export const creditLimitsEnUS: CreditLimitsMessages = {
  refusal: {
    requestOpen: 'This customer already has a credit limit request in progress; wait until it is closed',
    notCreditLimitChain: 'This approval is not a credit limit request',
  },
};
