import { IconHome } from '@tabler/icons-react';
import type { Feature } from '../../app/contributions';
import { HomePage } from './HomePage';

export const homeFeature: Feature = {
  id: 'home',
  pages: [{ id: 'home', path: '/', icon: IconHome, label: (t) => t('nav.home'), needs: ['settings.get'], component: HomePage, order: 0 }],
};
