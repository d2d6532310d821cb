import { Alert, Badge, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconInfoCircle, IconPencil, IconShieldCheck, IconUsers } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../../../shared/contract';
import { useArchiveQuery } from '../../api/hooks';
import { useCurrentUser } from '../../api/session';
import { useLabels } from '../../app/labels';
import { allows } from '../../api/permissions';
import { PageHeader } from '../../app/ui/PageHeader';
import { EmptyBlock, ErrorState, LoadingState } from '../../app/ui/States';
import { RoleChangesPanel } from './RoleChangesPanel';
import { RolePermissionsModal } from './RolePermissionsModal';

export function RolesPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const labels = useLabels();
  const roles = useArchiveQuery('roles.list', {});
  const [editing, setEditing] = useState<Role | null>(null);
  const canEdit = allows(user, 'roles.update');

  const body = (() => {
    if (roles.isPending) return <LoadingState />;
    if (roles.isError) return <ErrorState error={roles.error} onRetry={() => void roles.refetch()} />;
    if (roles.data.length === 0) return <EmptyBlock title={t('roles.empty')} icon={<IconShieldCheck size={28} stroke={1.5} />} />;
    return (
      <SimpleGrid cols={{ base: 1, md: 2, xl: 3 }} spacing="md" data-testid="roles-grid">
        {roles.data.map((role) => (
          <Card key={role.id} withBorder radius="md" padding="lg" data-role={role.code}>
            <Stack gap="sm" h="100%">
              <Group justify="space-between" align="flex-start" wrap="nowrap">
                <Stack gap={4}>
                  <Title order={4}>{labels.role(role.name, role.code)}</Title>
                  <Group gap={6}>
                    <Badge size="xs" variant="light" color={role.builtin ? 'gray' : 'violet'}>
                      {role.builtin ? t('roles.builtin') : t('roles.custom')}
                    </Badge>
                    <Group gap={4} wrap="nowrap">
                      <IconUsers size={14} color="var(--mantine-color-dimmed)" />
                      <Text size="xs" c="dimmed">
                        {t('roles.members', { count: role.memberCount })}
                      </Text>
                    </Group>
                  </Group>
                </Stack>
                {canEdit && (
                  <Button size="xs" variant="light" leftSection={<IconPencil size={14} />} onClick={() => setEditing(role)}>
                    {t('roles.edit')}
                  </Button>
                )}
              </Group>
              <Text size="xs" fw={600} c="dimmed">
                {t('roles.permissions')}
              </Text>
              {role.permissions.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {t('roles.noPermissions')}
                </Text>
              ) : (
                <Stack gap={6}>
                  {role.permissions.map((permission) => (
                    <Group key={permission} gap="xs" wrap="nowrap" align="flex-start">
                      <Badge variant="light" style={{ flexShrink: 0 }}>
                        {labels.permission(permission)}
                      </Badge>
                      <Text size="xs" c="dimmed">
                        {labels.permissionDescription(permission)}
                      </Text>
                    </Group>
                  ))}
                </Stack>
              )}
            </Stack>
          </Card>
        ))}
      </SimpleGrid>
    );
  })();

  return (
    <>
      <PageHeader title={t('roles.title')} subtitle={t('roles.subtitle')} />
      {!canEdit && (
        <Alert color="gray" variant="light" icon={<IconInfoCircle size={18} />} mb="md">
          {t('roles.readOnly')}
        </Alert>
      )}
      {canEdit && <RoleChangesPanel />}
      {body}
      <RolePermissionsModal role={editing} onClose={() => setEditing(null)} />
    </>
  );
}
