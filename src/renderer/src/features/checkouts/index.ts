import { IconBooks } from '@tabler/icons-react';
import type { Feature } from '../../app/contributions';
import { CheckoutForm } from './CheckoutForm';
import { CheckoutsPage } from './CheckoutsPage';
import { LoansTab } from './LoansTab';
import { ReadRefusal } from './ReadRefusal';

/** 借阅与查阅: the checkout request, my loans and reminders, the lending desk (借阅登记簿, overdue), the file's loans, the request on its chain's page. */
export const checkoutsFeature: Feature = {
  id: 'checkouts',
  pages: [
    {
      id: 'checkouts',
      path: '/checkouts',
      icon: IconBooks,
      label: (t) => t('checkouts.nav'),
      needs: ['checkouts.mine', 'checkouts.request'],
      component: CheckoutsPage,
      order: 18,
    },
  ],
  homeCards: [{ id: 'checkouts', icon: IconBooks, title: (t) => t('checkouts.nav'), description: (t) => t('checkouts.homeCard'), path: '/checkouts', needs: ['checkouts.mine'], order: 18 }],
  customerFileTabs: [{ id: 'loans', label: (t) => t('checkouts.tab.label'), order: 40, component: LoansTab, needs: ['checkouts.ofCustomer'] }],
  approvalForms: [{ kind: 'checkout', component: CheckoutForm }],
  provides: { readRefusal: ReadRefusal },
};
