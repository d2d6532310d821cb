import type { Feature } from '../../app/contributions';
import { CreditLimitForm } from './CreditLimitForm';
import { CreditLimitTab } from './CreditLimitTab';
import { RequestButton } from './RequestButton';

/** 授信额度调整: asked for from the customer file, shown on its chain's page, and every limit and term the customer had. */
export const creditLimitsFeature: Feature = {
  id: 'creditLimits',
  customerFileActions: [{ id: 'credit-limit-request', order: 10, component: RequestButton, needs: ['creditLimits.request'] }],
  customerFileTabs: [{ id: 'credit-limits', label: (t) => t('customerFile.tabs.creditLimits'), order: 15, component: CreditLimitTab, needs: ['creditLimits.history'] }],
  approvalForms: [{ kind: 'credit_limit_change', component: CreditLimitForm }],
};
