import { IconShieldCheck } from '@tabler/icons-react';
import type { Feature } from '../../app/contributions';
import { RolesPage } from './RolesPage';

const needs = ['roles.list'] as const;

export const rolesFeature: Feature = {
  id: 'roles',
  pages: [{ id: 'roles', path: '/roles', icon: IconShieldCheck, label: (t) => t('nav.roles'), needs, component: RolesPage, order: 40 }],
  homeCards: [{ id: 'roles', icon: IconShieldCheck, title: (t) => t('nav.roles'), description: (t) => t('home.pages.roles'), path: '/roles', needs, order: 40 }],
  auditTargets: [{ kind: 'role', label: (t) => t('audit.targetKinds.role') }],
};
