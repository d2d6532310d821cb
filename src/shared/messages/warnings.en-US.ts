import type { ActionOf } from './types';
import { WARNING_REFUSALS } from '../domain/warnings/codes';
import { WARNING_REFUSAL_TEXTS } from '../domain/warnings/texts';
import type { WARNING_HOST_REFUSALS } from '../contract/warnings';

// The texts of the warnings domain's codes, for the renderer and the CLI. The lifecycle's
// own refusals are worded once, in src/shared/domain/warnings/texts.ts.
export interface WarningsMessages {
  refusal: Record<(typeof WARNING_REFUSALS)[number] | (typeof WARNING_HOST_REFUSALS)[number], string>;
}

const lifecycle = Object.fromEntries(WARNING_REFUSALS.map((c) => [c, WARNING_REFUSAL_TEXTS[c]['en-US']])) as Record<(typeof WARNING_REFUSALS)[number], string>;

export const warningsEnUS: WarningsMessages = {
  refusal: {
    ...lifecycle,
    thresholdOutOfRange: 'The threshold is outside the rule’s range',
    ruleListedTwice: 'A rule is listed twice in one change',
  },
};

/** The audit actions of the warnings domain. */
export const warningsActionsEnUS = {
  'warnings.list': 'List risk warnings',
  'warnings.get': 'Read a risk warning',
  'warnings.ofCustomer': "Read a customer's risk warnings",
  'warnings.act': 'Work a risk warning',
  'warnings.rules': 'Read the warning rules',
  'warnings.setRules': 'Change the warning rules',
} satisfies Record<ActionOf<'warnings'>, string>;
