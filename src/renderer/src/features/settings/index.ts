import { IconSettings } from '@tabler/icons-react';
import type { Feature } from '../../app/contributions';
import { SettingsPage } from './SettingsPage';

const needs = ['settings.update'] as const;

export const settingsFeature: Feature = {
  id: 'settings',
  pages: [{ id: 'settings', path: '/settings', icon: IconSettings, label: (t) => t('nav.settings'), needs, component: SettingsPage, order: 60 }],
  homeCards: [{ id: 'settings', icon: IconSettings, title: (t) => t('nav.settings'), description: (t) => t('home.pages.settings'), path: '/settings', needs, order: 60 }],
};
