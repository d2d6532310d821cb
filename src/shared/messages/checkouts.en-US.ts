import type { CheckoutReason } from '../contract/checkouts';
import { CHECKOUT_TEXTS_EN_US } from '../domain/checkouts/texts';
import type { ActionOf } from './types';

// The texts of the checkouts domain's codes (see checkouts.zh-CN.ts).
const t = CHECKOUT_TEXTS_EN_US;

export const checkoutsEnUS = {
  refusal: {
    ...t.policyProblems,
    ...t.loanRefusals,
    ...t.requestProblems,
    needsLoan: t.readRefusals.needsLoan,
    loanNotLent: t.readRefusals.loanNotLent,
    loanReturned: t.readRefusals.loanReturned,
    loanLost: t.readRefusals.loanLost,
    documentNotLent: t.readRefusals.documentNotLent,
    loanPhysicalOnly: t.readRefusals.notElectronic,
    loanOverdue: 'The loan is past its due date: reading has ended; return it first',
    notLent: 'This file is not out on loan now',
    printNotGranted: 'The checkout request was not approved for printing',
    exportNotGranted: 'The checkout request was not approved for exporting',
    criteriaNeedCreditDepartment: 'Only the credit-management department finds customers by grade or warning',
    documentNotInFile: 'A chosen document belongs to another customer file',
    itemNotPhysical: 'This document has no physical original to hand out',
    notCheckoutChain: 'This approval is not a file checkout request',
    notYourLoan: 'You may not see this loan',
  } satisfies Record<CheckoutReason, string>,
};

/** The audit actions of the checkouts domain. */
export const checkoutsActionsEnUS = {
  'checkouts.policy': 'Read the loan policy',
  'checkouts.setPolicy': 'Change the loan policy',
  'checkouts.request': 'Submit a checkout request',
  'checkouts.get': 'Read a checkout request',
  'checkouts.loan': 'Read a loan',
  'checkouts.lend': 'Lend a file',
  'checkouts.return': 'Take a file back',
  'checkouts.resolveLost': 'Settle missing items',
  'checkouts.renew': 'Ask to renew a loan',
  'checkouts.recall': 'Recall a file',
  'checkouts.log': 'Read the borrowing log',
  'checkouts.overdue': 'Read the overdue loans',
  'checkouts.mine': 'Read my loans',
  'checkouts.reminders': 'Read loan reminders',
  'checkouts.ofCustomer': "Read a file's loans",
  'checkouts.print': 'Print a file',
  'checkouts.export': 'Export a file',
} satisfies Record<ActionOf<'checkouts'>, string>;
