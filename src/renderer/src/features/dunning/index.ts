import { IconCash } from '@tabler/icons-react';
import type { Feature } from '../../app/contributions';
import { DunningTab } from './DunningTab';
import { DunningBadge, DunningSummary, DunningWorkPage } from './DunningWorkPage';
import { SuspensionForm } from './SuspensionForm';

/** 催收 (seed 003 五(二)): each sale's payment and dunning on the customer file, today's dunning work, its home card. */
export const dunningFeature: Feature = {
  id: 'dunning',
  pages: [{ id: 'dunning', path: '/dunning', icon: IconCash, label: (t) => t('nav.dunning'), needs: ['dunning.work'], component: DunningWorkPage, order: 18, badge: DunningBadge }],
  customerFileTabs: [{ id: 'dunning', label: (t) => t('dunning.tab'), order: 55, component: DunningTab, needs: ['dunning.sales'] }],
  approvalForms: [{ kind: 'dunning_suspension', component: SuspensionForm }],
  homeCards: [{ id: 'dunning', icon: IconCash, title: (t) => t('nav.dunning'), description: (t) => t('dunning.work.cardDescription'), path: '/dunning', needs: ['dunning.work'], order: 16, summary: DunningSummary }],
};
