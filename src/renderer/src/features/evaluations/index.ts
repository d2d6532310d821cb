import { IconClipboardCheck } from '@tabler/icons-react';
import type { Feature } from '../../app/contributions';
import { EvaluationApprovalForm } from './EvaluationApprovalForm';
import { EvaluationPage } from './EvaluationPage';
import { EvaluationsTab } from './EvaluationsTab';

/** 信用评审: each evaluation's own page (the paper form and its lifecycle), the customer file's evaluations, and the evaluation on its approval chain's page. */
export const evaluationsFeature: Feature = {
  id: 'evaluations',
  pages: [
    {
      id: 'evaluation',
      path: '/evaluations/:id',
      icon: IconClipboardCheck,
      label: (t) => t('evaluations.page.title'),
      needs: ['evaluations.get'],
      component: EvaluationPage,
      order: 90,
      hidden: true,
    },
  ],
  customerFileTabs: [{ id: 'evaluations', label: (t) => t('evaluations.tab.label'), order: 16, component: EvaluationsTab, needs: ['evaluations.list'] }],
  approvalForms: [
    { kind: 'periodic_review', component: EvaluationApprovalForm },
    { kind: 'new_customer_review', component: EvaluationApprovalForm },
  ],
};
