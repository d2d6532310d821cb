import type { ActionOf } from './types';
import type { CREDIT_LIMIT_REFUSALS } from '../contract/creditLimits';

// The texts of the creditLimits domain's codes, for the renderer and the CLI.
export interface CreditLimitsMessages {
  refusal: Record<(typeof CREDIT_LIMIT_REFUSALS)[number], string>;
}

export const creditLimitsZhCN: CreditLimitsMessages = {
  refusal: {
    requestOpen: '该客户已有一项授信额度调整申请在办理中，请待其结束后再申请',
    notCreditLimitChain: '该审批单不是授信额度调整申请',
  },
};

/** The audit actions of the creditLimits domain. */
export const creditLimitsActionsZhCN = {
  'creditLimits.request': '申请授信额度调整',
  'creditLimits.resubmit': '重新提交授信额度调整',
  'creditLimits.get': '查看授信额度调整申请',
  'creditLimits.history': '查阅授信额度记录',
} satisfies Record<ActionOf<'creditLimits'>, string>;
