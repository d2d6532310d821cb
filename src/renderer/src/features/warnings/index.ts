import { IconAlertTriangle } from '@tabler/icons-react';
import type { Feature } from '../../app/contributions';
import { WarningBadges } from './WarningBadges';
import { WarningsPage } from './WarningsPage';
import { WarningsTab } from './WarningsTab';

/** 风险预警: the credit manager's page, the customer file's tab and red badges, the home card. */
export const warningsFeature: Feature = {
  id: 'warnings',
  pages: [{ id: 'warnings', path: '/warnings', icon: IconAlertTriangle, label: (t) => t('warnings.nav'), needs: ['warnings.list', 'warnings.get', 'warnings.rules'], component: WarningsPage, order: 12 }],
  customerFileActions: [{ id: 'warning-badges', order: 0, component: WarningBadges, needs: ['warnings.list'] }],
  customerFileTabs: [{ id: 'warnings', label: (t) => t('warnings.file.tab'), order: 12, component: WarningsTab, needs: ['warnings.ofCustomer'] }],
  homeCards: [{ id: 'warnings', icon: IconAlertTriangle, title: (t) => t('warnings.nav'), description: (t) => t('warnings.homeDescription'), path: '/warnings', needs: ['warnings.list'], order: 12 }],
  auditTargets: [{ kind: 'warning', label: (t) => t('warnings.nav') }],
};
