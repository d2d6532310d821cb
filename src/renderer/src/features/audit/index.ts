import { IconListDetails } from '@tabler/icons-react';
import type { Feature } from '../../app/contributions';
import { AuditPage } from './AuditPage';

const needs = ['audit.list'] as const;

export const auditFeature: Feature = {
  id: 'audit',
  pages: [{ id: 'audit', path: '/audit', icon: IconListDetails, label: (t) => t('nav.audit'), needs, component: AuditPage, order: 50 }],
  homeCards: [{ id: 'audit', icon: IconListDetails, title: (t) => t('nav.audit'), description: (t) => t('home.pages.audit'), path: '/audit', needs, order: 50 }],
};
