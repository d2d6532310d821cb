import {
  IconAddressBook,
  IconFileImport,
  IconHome,
  IconListDetails,
  IconSettings,
  IconShieldCheck,
  IconUserCircle,
  IconUsers,
  type Icon,
} from '@tabler/icons-react';
import type { ComponentType } from 'react';
import { contract, type CurrentUser, type MethodName } from '../../../../shared/contract';
import { AccountPage } from '../../features/account/AccountPage';
import { AuditPage } from '../../features/audit/AuditPage';
import { CustomerFilePage } from '../../features/customers/CustomerFilePage';
import { CustomersPage } from '../../features/customers/CustomersPage';
import { HomePage } from '../../features/home/HomePage';
import { ImportPage } from '../../features/imports/ImportPage';
import { RolesPage } from '../../features/roles/RolesPage';
import { SettingsPage } from '../../features/settings/SettingsPage';
import { UsersPage } from '../../features/users/UsersPage';

export type PageId = 'home' | 'customers' | 'imports' | 'users' | 'roles' | 'audit' | 'settings' | 'account';

export interface PageSpec {
  id: PageId;
  path: string;
  icon: Icon;
  /** The methods the page cannot work without: it is offered only if all are permitted. */
  needs: readonly MethodName[];
  component: ComponentType;
  /** Pages below this one (a customer's file below the list), reached from it, not from the navigation. */
  children?: readonly { path: string; component: ComponentType }[];
}

/** The pages that exist, in navigation order. Later features add theirs here. */
export const PAGES: readonly PageSpec[] = [
  { id: 'home', path: '/', icon: IconHome, needs: ['settings.get'], component: HomePage },
  {
    id: 'customers',
    path: '/customers',
    icon: IconAddressBook,
    needs: ['customers.search', 'customers.facets', 'departments.list'],
    component: CustomersPage,
    children: [{ path: '/customers/:id', component: CustomerFilePage }],
  },
  { id: 'imports', path: '/imports', icon: IconFileImport, needs: ['imports.template', 'imports.preview', 'imports.run', 'jobs.progress'], component: ImportPage },
  { id: 'users', path: '/users', icon: IconUsers, needs: ['users.list'], component: UsersPage },
  { id: 'roles', path: '/roles', icon: IconShieldCheck, needs: ['roles.list'], component: RolesPage },
  { id: 'audit', path: '/audit', icon: IconListDetails, needs: ['audit.list'], component: AuditPage },
  { id: 'settings', path: '/settings', icon: IconSettings, needs: ['settings.update'], component: SettingsPage },
  { id: 'account', path: '/account', icon: IconUserCircle, needs: ['auth.changePassword'], component: AccountPage },
];

/**
 * Whether the user's permissions allow a method. Only for hiding what the user cannot
 * do: the host checks every call itself.
 */
export function allows(user: CurrentUser, method: MethodName): boolean {
  const needed = contract[method].permission;
  return needed === null || user.permissions.includes(needed);
}

export function pagesFor(user: CurrentUser): PageSpec[] {
  return PAGES.filter((page) => page.needs.every((method) => allows(user, method)));
}
