import type { ActionOf } from './types';
import type { DunningMessages } from './dunning.zh-CN';

export const dunningEnUS: DunningMessages = {
  refusal: {
    sale_settled: 'This sale is settled: there is nothing to collect',
    step_not_open: 'It is not yet time for this dunning step',
    step_done: 'This dunning step is recorded already',
    suspension_in_approval: 'The suspension recommendation is being approved',
    no_due_date: 'This sale has no agreed payment date, so it cannot be dunned',
    notASale: 'Only a sale in force can be dunned',
    unknownPlaceholder: 'The template names a field that does not exist: check the names in {{…}}',
  },
  step: { reminder: 'Reminder before due', letter: 'Collection letter', suspension: 'Deposit to penalty and suspension' },
  stepStatus: { not_yet: 'Not yet', due: 'To do', missed: 'Missed', in_approval: 'Being approved', done: 'Done', rejected: 'Not approved', moot: 'Not needed' },
  channel: { phone: 'Telephone', fax: 'Fax', email: 'Email', visit: 'Visit' },
  saleState: { paid: 'Paid', open: 'Not due', due_soon: 'Due soon', overdue: 'Overdue', no_due_date: 'No due date' },
};

export const dunningActionsEnUS = {
  'dunning.sales': 'Read sales, payments and dunning',
  'dunning.work': 'See today’s dunning',
  'dunning.recordReminder': 'Record a reminder before due',
  'dunning.letter': 'Make a collection letter',
  'dunning.recommendSuspension': 'Recommend suspending cooperation',
  'dunning.template': 'Read the collection letter template',
  'dunning.setTemplate': 'Change the collection letter template',
} satisfies Record<ActionOf<'dunning'>, string>;
