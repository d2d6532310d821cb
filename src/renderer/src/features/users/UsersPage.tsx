import { ActionIcon, Badge, Button, Card, Group, Menu, Pagination, Stack, Table, Text, TextInput, Tooltip } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconDots, IconKey, IconPencil, IconSearch, IconUserOff, IconUserPlus, IconUsers } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { User } from '../../../../shared/contract';
import { useArchiveQuery } from '../../api/hooks';
import { useCurrentUser } from '../../api/session';
import { useLabels } from '../../app/labels';
import { PageHeader } from '../../app/ui/PageHeader';
import { EmptyBlock, ErrorState, LoadingState } from '../../app/ui/States';
import { DeactivateUserModal } from './DeactivateUserModal';
import { ResetPasswordModal } from './ResetPasswordModal';
import { UserFormModal } from './UserFormModal';

const PAGE_SIZE = 20;

type Dialog = { kind: 'create' } | { kind: 'edit'; user: User } | { kind: 'reset'; user: User } | { kind: 'deactivate'; user: User } | null;

export function UsersPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const labels = useLabels();
  const users = useArchiveQuery('users.list', {});
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 150);
  const [page, setPage] = useState(1);
  const [dialog, setDialog] = useState<Dialog>(null);

  const filtered = useMemo(() => {
    const needle = debounced.trim().toLowerCase();
    const all = users.data ?? [];
    if (needle === '') return all;
    return all.filter((user) =>
      [user.username, user.displayName, user.departmentName, labels.department(user.departmentName)].some((value) =>
        value.toLowerCase().includes(needle),
      ),
    );
  }, [users.data, debounced, labels]);

  const pageCount = Math.max(1, Math.ceil(filtered.length / PAGE_SIZE));
  const currentPage = Math.min(page, pageCount);
  const rows = filtered.slice((currentPage - 1) * PAGE_SIZE, currentPage * PAGE_SIZE);

  const body = (() => {
    if (users.isPending) return <LoadingState />;
    if (users.isError) return <ErrorState error={users.error} onRetry={() => void users.refetch()} />;
    if (users.data.length <= 1 && debounced === '' && users.data.every((user) => user.id === me.id)) {
      return (
        <>
          <UserTable rows={users.data} meId={me.id} onAction={setDialog} />
          <EmptyBlock
            icon={<IconUsers size={28} stroke={1.5} />}
            title={t('users.empty')}
            description={t('users.emptyHint')}
            action={
              <Button leftSection={<IconUserPlus size={16} />} onClick={() => setDialog({ kind: 'create' })}>
                {t('users.create')}
              </Button>
            }
          />
        </>
      );
    }
    if (filtered.length === 0) return <EmptyBlock icon={<IconSearch size={28} stroke={1.5} />} title={t('users.noMatch')} />;
    return (
      <>
        <UserTable rows={rows} meId={me.id} onAction={setDialog} />
        <Group justify="space-between" mt="md">
          <Text size="sm" c="dimmed">
            {t('users.count', { count: filtered.length })}
          </Text>
          {pageCount > 1 && <Pagination total={pageCount} value={currentPage} onChange={setPage} size="sm" />}
        </Group>
      </>
    );
  })();

  return (
    <>
      <PageHeader
        title={t('users.title')}
        subtitle={t('users.subtitle')}
        actions={
          <Button leftSection={<IconUserPlus size={16} />} onClick={() => setDialog({ kind: 'create' })} data-testid="create-user">
            {t('users.create')}
          </Button>
        }
      />
      <Card withBorder radius="md" padding="lg">
        <Stack gap="md">
          <TextInput
            leftSection={<IconSearch size={16} />}
            placeholder={t('users.search')}
            aria-label={t('users.search')}
            value={search}
            onChange={(event) => {
              setSearch(event.currentTarget.value);
              setPage(1);
            }}
            maw={360}
          />
          {body}
        </Stack>
      </Card>
      <UserFormModal
        opened={dialog?.kind === 'create' || dialog?.kind === 'edit'}
        user={dialog?.kind === 'edit' ? dialog.user : null}
        onClose={() => setDialog(null)}
      />
      <ResetPasswordModal user={dialog?.kind === 'reset' ? dialog.user : null} onClose={() => setDialog(null)} />
      <DeactivateUserModal user={dialog?.kind === 'deactivate' ? dialog.user : null} onClose={() => setDialog(null)} />
    </>
  );
}

function UserTable({ rows, meId, onAction }: { rows: User[]; meId: string; onAction: (dialog: Dialog) => void }) {
  const { t } = useTranslation();
  const labels = useLabels();
  return (
    <Table.ScrollContainer minWidth={880}>
      <Table striped highlightOnHover verticalSpacing="sm" data-testid="users-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('users.columns.username')}</Table.Th>
            <Table.Th>{t('users.columns.displayName')}</Table.Th>
            <Table.Th>{t('users.columns.department')}</Table.Th>
            <Table.Th>{t('users.columns.roles')}</Table.Th>
            <Table.Th>{t('users.columns.status')}</Table.Th>
            <Table.Th>{t('users.columns.createdAt')}</Table.Th>
            <Table.Th w={100} ta="right">
              {t('users.columns.actions')}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((user) => (
            <Table.Tr key={user.id} data-username={user.username} c={user.active ? undefined : 'dimmed'}>
              <Table.Td ff="monospace">{user.username}</Table.Td>
              <Table.Td>
                {user.displayName}
                {user.id === meId && (
                  <Text span size="xs" c="dimmed">
                    {t('users.you')}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>{labels.department(user.departmentName)}</Table.Td>
              <Table.Td>
                <Group gap={4}>
                  {user.roleNames.map((name) => (
                    <Badge key={name} variant="light" size="sm">
                      {labels.role(name)}
                    </Badge>
                  ))}
                </Group>
              </Table.Td>
              <Table.Td>
                <Group gap={4}>
                  <Badge color={user.active ? 'green' : 'gray'} variant="dot">
                    {user.active ? t('users.status.active') : t('users.status.inactive')}
                  </Badge>
                  {user.active && user.mustChangePassword && (
                    <Badge color="orange" variant="light" size="sm">
                      {t('users.status.mustChange')}
                    </Badge>
                  )}
                </Group>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{labels.dateTime(user.createdAt)}</Text>
              </Table.Td>
              <Table.Td>
                <Group gap={4} justify="flex-end" wrap="nowrap">
                  <Tooltip label={t('users.edit')}>
                    <ActionIcon variant="subtle" aria-label={t('users.edit')} disabled={!user.active} onClick={() => onAction({ kind: 'edit', user })}>
                      <IconPencil size={16} />
                    </ActionIcon>
                  </Tooltip>
                  {user.id === meId ? (
                    // One's own password is changed under My account; one cannot deactivate oneself.
                    <ActionIcon variant="subtle" color="gray" aria-hidden disabled style={{ visibility: 'hidden' }}>
                      <IconDots size={16} />
                    </ActionIcon>
                  ) : (
                    <Menu position="bottom-end" withinPortal>
                      <Menu.Target>
                        <ActionIcon variant="subtle" color="gray" aria-label={t('users.more')}>
                          <IconDots size={16} />
                        </ActionIcon>
                      </Menu.Target>
                      <Menu.Dropdown>
                        {/* A new password is also how a deactivated user is given access again. */}
                        <Menu.Item leftSection={<IconKey size={16} />} onClick={() => onAction({ kind: 'reset', user })}>
                          {user.active ? t('users.resetPassword') : t('users.reactivate')}
                        </Menu.Item>
                        {user.active && (
                          <Menu.Item color="red" leftSection={<IconUserOff size={16} />} onClick={() => onAction({ kind: 'deactivate', user })}>
                            {t('users.deactivate')}
                          </Menu.Item>
                        )}
                      </Menu.Dropdown>
                    </Menu>
                  )}
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
