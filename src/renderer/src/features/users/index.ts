import { IconUsers } from '@tabler/icons-react';
import type { Feature } from '../../app/contributions';
import { UsersPage } from './UsersPage';

const needs = ['users.list'] as const;

export const usersFeature: Feature = {
  id: 'users',
  pages: [{ id: 'users', path: '/users', icon: IconUsers, label: (t) => t('nav.users'), needs, component: UsersPage, order: 30 }],
  homeCards: [{ id: 'users', icon: IconUsers, title: (t) => t('nav.users'), description: (t) => t('home.pages.users'), path: '/users', needs, order: 30 }],
  auditTargets: [
    { kind: 'user', label: (t) => t('audit.targetKinds.user') },
    // A user belongs to a department: departments are chosen where users are managed.
    { kind: 'department', label: (t) => t('audit.targetKinds.department') },
  ],
};
