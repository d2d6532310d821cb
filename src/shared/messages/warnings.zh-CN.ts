import type { ActionOf } from './types';
import { WARNING_REFUSALS } from '../domain/warnings/codes';
import { WARNING_REFUSAL_TEXTS } from '../domain/warnings/texts';
import type { WARNING_HOST_REFUSALS } from '../contract/warnings';

// The texts of the warnings domain's codes, for the renderer and the CLI. The lifecycle's
// own refusals are worded once, in src/shared/domain/warnings/texts.ts.
export interface WarningsMessages {
  refusal: Record<(typeof WARNING_REFUSALS)[number] | (typeof WARNING_HOST_REFUSALS)[number], string>;
}

const lifecycle = Object.fromEntries(WARNING_REFUSALS.map((c) => [c, WARNING_REFUSAL_TEXTS[c]['zh-CN']])) as Record<(typeof WARNING_REFUSALS)[number], string>;

export const warningsZhCN: WarningsMessages = {
  refusal: {
    ...lifecycle,
    thresholdOutOfRange: '阈值超出该规则允许的范围',
    ruleListedTwice: '同一条规则在一次修改中出现了两次',
  },
};

/** The audit actions of the warnings domain. */
export const warningsActionsZhCN = {
  'warnings.list': '查看风险预警列表',
  'warnings.get': '查看风险预警',
  'warnings.ofCustomer': "查看客户的风险预警",
  'warnings.act': '处置风险预警',
  'warnings.rules': '查看预警规则',
  'warnings.setRules': '修改预警规则',
} satisfies Record<ActionOf<'warnings'>, string>;
