import {
  AppShell,
  Avatar,
  Badge,
  Box,
  Burger,
  Button,
  Group,
  Menu,
  NavLink,
  ScrollArea,
  Stack,
  Text,
  ThemeIcon,
  Tooltip,
  UnstyledButton,
} from '@mantine/core';
import { useDisclosure, useIdle } from '@mantine/hooks';
import { IconChevronDown, IconLock, IconLogout, IconShieldLock, IconUserCircle } from '@tabler/icons-react';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { HashRouter, Navigate, Route, Routes, useLocation, useNavigate } from 'react-router-dom';
import { useArchiveQuery } from '../../api/hooks';
import { lockSession, logout } from '../../features/auth/actions';
import { useLabels } from '../labels';
import { LanguageSwitch } from '../ui/LanguageSwitch';
import { EmptyBlock } from '../ui/States';
import { useCurrentUser } from '../../api/session';
import { ContributionsProvider, permitted } from '../contributions';
import { CONTRIBUTIONS } from './features';

/** Minutes of inactivity before the window locks itself, until the settings say otherwise. */
const FALLBACK_IDLE_MINUTES = 15;

export function Shell() {
  return (
    <ContributionsProvider value={CONTRIBUTIONS}>
      <HashRouter>
        <ShellLayout />
      </HashRouter>
    </ContributionsProvider>
  );
}

function ShellLayout() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const [opened, { toggle, close }] = useDisclosure(false);
  const settings = useArchiveQuery('settings.get', {});
  const pages = permitted(user, CONTRIBUTIONS.pages);
  const location = useLocation();
  const navigate = useNavigate();

  const idleMinutes = settings.data?.idleLockMinutes ?? FALLBACK_IDLE_MINUTES;
  const idle = useIdle(idleMinutes * 60_000, { initialState: false });
  useEffect(() => {
    if (idle) lockSession('idle');
  }, [idle]);

  return (
    <AppShell header={{ height: 64 }} navbar={{ width: 232, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding="lg">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap" miw={0}>
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t('nav.menu')} />
            <ThemeIcon size={34} radius="md">
              <IconShieldLock size={20} />
            </ThemeIcon>
            <Stack gap={0} miw={0}>
              <Text fw={700} lh={1.2}>
                {t('app.name')}
              </Text>
              <Text size="xs" c="dimmed" truncate="end" data-testid="company-name">
                {settings.data?.companyName ?? '\u00a0'}
              </Text>
            </Stack>
          </Group>
          <Group gap="md" wrap="nowrap">
            <Box visibleFrom="md">
              <LanguageSwitch />
            </Box>
            <UserMenu />
            <Tooltip label={t('header.lockTooltip')}>
              <Button variant="light" leftSection={<IconLock size={16} />} onClick={() => lockSession('button')} data-testid="lock-button">
                {t('header.lock')}
              </Button>
            </Tooltip>
          </Group>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar p="sm" aria-label={t('nav.menu')}>
        <AppShell.Section grow component={ScrollArea}>
          <Text size="xs" fw={600} c="dimmed" tt="uppercase" px="sm" pb="xs">
            {t('nav.section')}
          </Text>
          <nav data-testid="main-nav">
            {pages.filter((page) => !page.hidden).map((page) => (
              <NavLink
                key={page.id}
                href={`#${page.path}`}
                label={page.label(t)}
                leftSection={<page.icon size={18} stroke={1.6} />}
                rightSection={page.badge ? <page.badge /> : undefined}
                active={page.path === '/' ? location.pathname === '/' : location.pathname.startsWith(page.path)}
                onClick={(event) => {
                  event.preventDefault();
                  navigate(page.path);
                  close();
                }}
                data-page={page.id}
              />
            ))}
          </nav>
        </AppShell.Section>
        <AppShell.Section>
          <Box hiddenFrom="md" px="sm" pb="sm">
            <LanguageSwitch />
          </Box>
          <Group gap={6} px="sm" py="xs">
            <IconShieldLock size={14} color="var(--mantine-color-teal-7)" />
            <Text size="xs" c="dimmed">
              {t('home.securityIdle', { minutes: idleMinutes })}
            </Text>
          </Group>
        </AppShell.Section>
      </AppShell.Navbar>

      <AppShell.Main bg="var(--mantine-color-gray-0)">
        <Box maw={1280} mx="auto">
          <Routes>
            {CONTRIBUTIONS.pages.flatMap((page) => [
              <Route key={page.id} path={page.path} element={pages.includes(page) ? <page.component /> : <Navigate to="/" replace />} />,
              ...(page.children ?? []).map((child) => (
                <Route key={child.path} path={child.path} element={pages.includes(page) ? <child.component /> : <Navigate to="/" replace />} />
              )),
            ])}
            <Route path="*" element={<NotFound />} />
          </Routes>
        </Box>
      </AppShell.Main>
    </AppShell>
  );
}

function UserMenu() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const labels = useLabels();
  const navigate = useNavigate();
  const roles = user.roleNames.map((name) => labels.role(name));
  return (
    <Menu position="bottom-end" width={260} shadow="md">
      <Menu.Target>
        <UnstyledButton aria-label={t('header.userMenu')} data-testid="user-menu">
          <Group gap="xs" wrap="nowrap">
            <Avatar color="blue" radius="xl" size={34}>
              {user.displayName.slice(0, 1)}
            </Avatar>
            <Stack gap={0} miw={0} maw={260} visibleFrom="xs">
              <Text size="sm" fw={600} truncate="end" data-testid="current-user-name">
                {user.displayName}
              </Text>
              <Text size="xs" c="dimmed" truncate="end" data-testid="current-user-roles">
                {labels.department(user.departmentName)} · {roles.join(t('app.listSeparator'))}
              </Text>
            </Stack>
            <IconChevronDown size={14} />
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t('header.department')}</Menu.Label>
        <Text size="sm" px="sm" pb="xs">
          {labels.department(user.departmentName)}
        </Text>
        <Menu.Label>{t('header.roles')}</Menu.Label>
        <Group gap={4} px="sm" pb="xs">
          {roles.map((role) => (
            <Badge key={role} variant="light" size="sm">
              {role}
            </Badge>
          ))}
        </Group>
        <Menu.Divider />
        <Menu.Item leftSection={<IconUserCircle size={16} />} onClick={() => navigate('/account')}>
          {t('header.account')}
        </Menu.Item>
        <Menu.Item leftSection={<IconLogout size={16} />} color="red" onClick={() => void logout()}>
          {t('header.logout')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}

function NotFound() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <EmptyBlock
      title={t('app.notFoundTitle')}
      description={t('app.notFound')}
      action={<Button onClick={() => navigate('/')}>{t('app.backHome')}</Button>}
    />
  );
}
