import { IconAddressBook } from '@tabler/icons-react';
import type { Feature } from '../../app/contributions';
import { BasicsTab } from './BasicsTab';
import { CustomerFilePage } from './CustomerFilePage';
import { CustomersPage } from './CustomersPage';
import { FiguresTab } from './FiguresTab';
import { ContactsTab, ContractsTab, CreditEventsTab, CreditReportsTab, FeedbackTab, QualificationsTab, TradeTab } from './RecordTabs';
import { inForceOnly } from '../../../../shared/domain/voiding';

const needs = ['customers.search', 'customers.facets', 'departments.list'] as const;

export const customersFeature: Feature = {
  id: 'customers',
  pages: [
    {
      id: 'customers',
      path: '/customers',
      icon: IconAddressBook,
      label: (t) => t('nav.customers'),
      needs,
      component: CustomersPage,
      order: 10,
      children: [{ path: '/customers/:id', component: CustomerFilePage }],
    },
  ],
  homeCards: [
    { id: 'customers', icon: IconAddressBook, title: (t) => t('nav.customers'), description: (t) => t('home.pages.customers'), path: '/customers', needs, order: 10 },
  ],
  customerFileTabs: [
    { id: 'basics', label: (t) => t('customerFile.tabs.basics'), order: 10, component: BasicsTab },
    { id: 'contacts', label: (t) => t('customerFile.tabs.contacts'), order: 20, component: ContactsTab, count: (file) => file.contacts.length },
    // Tab counts count what is in force: a voided record (作废) is listed, not counted.
    { id: 'qualifications', label: (t) => t('customerFile.tabs.qualifications'), order: 30, component: QualificationsTab, count: (file) => inForceOnly(file.qualifications).length },
    { id: 'contracts', label: (t) => t('customerFile.tabs.contracts'), order: 40, component: ContractsTab, count: (file) => inForceOnly(file.contracts).length },
    { id: 'trade', label: (t) => t('customerFile.tabs.trade'), order: 50, component: TradeTab, count: (file) => inForceOnly(file.transactions).length + inForceOnly(file.payments).length },
    { id: 'events', label: (t) => t('customerFile.tabs.events'), order: 60, component: CreditEventsTab, count: (file) => inForceOnly(file.creditEvents).length },
    { id: 'feedback', label: (t) => t('customerFile.tabs.feedback'), order: 70, component: FeedbackTab, count: (file) => file.feedback.length },
    { id: 'reports', label: (t) => t('customerFile.tabs.reports'), order: 80, component: CreditReportsTab, count: (file) => file.creditReports.length },
    { id: 'figures', label: (t) => t('customerFile.tabs.figures'), order: 100, component: FiguresTab },
  ],
  auditTargets: [{ kind: 'customer', label: (t) => t('audit.targetKinds.customer') }],
};
