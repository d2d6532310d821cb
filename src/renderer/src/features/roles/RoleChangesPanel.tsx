import { Alert, Badge, Button, Card, Group, Modal, Stack, Table, Text, Textarea, Title, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle, IconCheck, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RoleChange } from '../../../../shared/contract/roles';
import { useArchiveMutation, useArchiveQuery } from '../../api/hooks';
import { session, useCurrentUser } from '../../api/session';
import { call } from '../../api/client';
import { useErrorText } from '../../app/errors';
import { useLabels } from '../../app/labels';
import { ErrorState } from '../../app/ui/States';

const STATE_COLORS = { pending: 'blue', confirmed: 'green', rejected: 'gray' } as const;

/**
 * Role changes waiting for a second administrator (separation of duties): each with who
 * proposed it, when, and what it adds or takes away; another administrator confirms or
 * refuses it with a reason. The latest decided ones stay listed below.
 */
export function RoleChangesPanel() {
  const { t } = useTranslation();
  const labels = useLabels();
  const user = useCurrentUser();
  const errorText = useErrorText();
  const changes = useArchiveQuery('roles.changes', {});
  const confirm = useArchiveMutation('roles.confirmChange', { invalidates: ['roles.changes', 'roles.list', 'users.list'] });
  const [refusing, setRefusing] = useState<RoleChange | null>(null);

  if (changes.isPending) return null;
  if (changes.isError) return <ErrorState error={changes.error} onRetry={() => void changes.refetch()} />;
  if (changes.data.length === 0) return null;

  const doConfirm = async (change: RoleChange) => {
    try {
      const role = await confirm.mutateAsync({ id: change.id });
      notifications.show({ color: 'green', message: t('roles.changes.confirmed', { name: labels.role(role.name, role.code) }) });
      session.update(await call('auth.me', {}));
    } catch {
      // shown below
    }
  };

  const diff = (change: RoleChange) => ({
    added: change.after.filter((p) => !change.before.includes(p)),
    removed: change.before.filter((p) => !change.after.includes(p)),
  });

  return (
    <Card withBorder radius="md" padding="lg" mb="md" data-testid="role-changes">
      <Stack gap="sm">
        <Title order={4}>{t('roles.changes.title')}</Title>
        <Text size="sm" c="dimmed">
          {t('roles.changes.intro')}
        </Text>
        {confirm.error && (
          <Alert color="red" variant="light" role="alert" icon={<IconAlertCircle size={18} />}>
            {errorText(confirm.error)}
          </Alert>
        )}
        <Table verticalSpacing="xs" striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('roles.changes.role')}</Table.Th>
              <Table.Th>{t('roles.changes.change')}</Table.Th>
              <Table.Th>{t('roles.changes.proposed')}</Table.Th>
              <Table.Th>{t('roles.changes.state')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {changes.data.map((change) => {
              const { added, removed } = diff(change);
              const own = change.proposedBy === user?.id;
              return (
                <Table.Tr key={change.id} data-state={change.state}>
                  <Table.Td>{change.roleName}</Table.Td>
                  <Table.Td>
                    <Stack gap={4}>
                      {added.length > 0 && (
                        <Group gap={4}>
                          <Text size="xs" c="dimmed">{t('roles.changes.adds')}</Text>
                          {added.map((p) => (
                            <Badge key={p} size="sm" variant="light" color={change.gains.includes(p) ? 'orange' : 'blue'}>
                              {labels.permission(p)}
                            </Badge>
                          ))}
                        </Group>
                      )}
                      {removed.length > 0 && (
                        <Group gap={4}>
                          <Text size="xs" c="dimmed">{t('roles.changes.removes')}</Text>
                          {removed.map((p) => (
                            <Badge key={p} size="sm" variant="outline" color="gray">
                              {labels.permission(p)}
                            </Badge>
                          ))}
                        </Group>
                      )}
                    </Stack>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{change.proposedByName}</Text>
                    <Text size="xs" c="dimmed">{labels.dateTime(change.proposedAt)}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Badge color={STATE_COLORS[change.state]} variant="light">
                      {t(`roles.changes.states.${change.state}`)}
                    </Badge>
                    {change.state !== 'pending' && (
                      <Text size="xs" c="dimmed">
                        {change.decidedByName} {change.decidedAt ? labels.dateTime(change.decidedAt) : ''}
                        {change.reason ? ` · ${change.reason}` : ''}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {change.state === 'pending' && (
                      <Tooltip label={t('roles.changes.ownProposal')} disabled={!own}>
                        <Group gap={6} wrap="nowrap">
                          <Button size="xs" leftSection={<IconCheck size={14} />} disabled={own} loading={confirm.isPending} onClick={() => void doConfirm(change)}>
                            {t('roles.changes.confirm')}
                          </Button>
                          <Button size="xs" variant="default" leftSection={<IconX size={14} />} disabled={own} onClick={() => setRefusing(change)}>
                            {t('roles.changes.reject')}
                          </Button>
                        </Group>
                      </Tooltip>
                    )}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Stack>
      <RefuseModal change={refusing} onClose={() => setRefusing(null)} />
    </Card>
  );
}

function RefuseModal({ change, onClose }: { change: RoleChange | null; onClose: () => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [reason, setReason] = useState('');
  const reject = useArchiveMutation('roles.rejectChange', { invalidates: ['roles.changes'] });
  const submit = async () => {
    if (!change || reason.trim() === '') return;
    try {
      await reject.mutateAsync({ id: change.id, reason: reason.trim() });
      setReason('');
      onClose();
    } catch {
      // shown below
    }
  };
  return (
    <Modal opened={change !== null} onClose={onClose} title={t('roles.changes.rejectTitle', { name: change?.roleName ?? '' })} centered>
      <Stack gap="md">
        <Textarea label={t('roles.changes.reason')} required autosize minRows={2} maxLength={200} value={reason} onChange={(e) => setReason(e.currentTarget.value)} />
        {reject.error && (
          <Alert color="red" variant="light" role="alert" icon={<IconAlertCircle size={18} />}>
            {errorText(reject.error)}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('app.cancel')}
          </Button>
          <Button color="red" disabled={reason.trim() === ''} loading={reject.isPending} onClick={() => void submit()}>
            {t('roles.changes.reject')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
