import { IconUserCircle } from '@tabler/icons-react';
import type { Feature } from '../../app/contributions';
import { AccountPage } from './AccountPage';

// The sign-in, lock and recovery screens are shown by the app before the shell exists
// (app/App.tsx); inside the shell, the auth feature adds the user's own account page.
export const authFeature: Feature = {
  id: 'auth',
  pages: [{ id: 'account', path: '/account', icon: IconUserCircle, label: (t) => t('nav.account'), needs: ['auth.changePassword'], component: AccountPage, order: 70 }],
};
