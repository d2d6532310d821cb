import { Alert, Button, Checkbox, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle, IconUsersGroup } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../../../shared/contract';
import { PERMISSIONS, type Permission } from '../../../../shared/domain/permissions';
import { roleChangeNeedsSecond } from '../../../../shared/domain/separation';
import { call } from '../../api/client';
import { useArchiveMutation } from '../../api/hooks';
import { session, useCurrentUser } from '../../api/session';
import { useErrorText } from '../../app/errors';
import { useLabels } from '../../app/labels';

export function RolePermissionsModal({ role, onClose }: { role: Role | null; onClose: () => void }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const errorText = useErrorText();
  const [selected, setSelected] = useState<string[]>([]);
  const update = useArchiveMutation('roles.update', { invalidates: ['roles.list', 'users.list'] });
  const propose = useArchiveMutation('roles.proposeChange', { invalidates: ['roles.changes'] });
  const user = useCurrentUser();
  // Separation of duties (shared/domain/separation.ts): the host decides, the form says so first.
  const chosen = PERMISSIONS.filter((permission) => selected.includes(permission));
  const gains = role
    ? roleChangeNeedsSecond({ actorHoldsRole: user?.roleNames.includes(role.name) ?? false, before: role.permissions, after: chosen })
    : [];
  const refusedAlone = (update.error?.details as { reason?: unknown } | undefined)?.reason === 'secondAdministratorNeeded';
  const needsSecond = gains.length > 0 || refusedAlone;

  useEffect(() => {
    if (role) {
      setSelected([...role.permissions]);
      update.reset();
      propose.reset();
    }
  }, [role]);

  const save = async () => {
    if (!role) return;
    try {
      const permissions = PERMISSIONS.filter((permission) => selected.includes(permission));
      const saved = await update.mutateAsync({ id: role.id, permissions });
      notifications.show({ color: 'green', message: t('roles.saved', { name: labels.role(saved.name, saved.code) }) });
      onClose();
      // The signed-in user may hold this role: what the window offers follows at once.
      session.update(await call('auth.me', {}));
    } catch {
      // shown below from the mutation's state
    }
  };

  const submitProposal = async () => {
    if (!role) return;
    try {
      await propose.mutateAsync({ id: role.id, permissions: chosen });
      notifications.show({ color: 'blue', message: t('roles.proposed', { name: labels.role(role.name, role.code) }) });
      onClose();
    } catch {
      // shown below from the mutation's state
    }
  };

  return (
    <Modal opened={role !== null} onClose={onClose} title={role ? t('roles.editTitle', { name: labels.role(role.name, role.code) }) : ''} size="lg" centered>
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {t('roles.editIntro')}
        </Text>
        <Checkbox.Group value={selected} onChange={setSelected}>
          <Stack gap="sm">
            {PERMISSIONS.map((permission: Permission) => (
              <Checkbox key={permission} value={permission} label={labels.permission(permission)} description={labels.permissionDescription(permission)} />
            ))}
          </Stack>
        </Checkbox.Group>
        {needsSecond && (
          <Alert color="blue" variant="light" icon={<IconUsersGroup size={18} />} title={t('roles.secondTitle')} data-testid="role-needs-second">
            {t('roles.secondExplained', { permissions: gains.map((p) => labels.permission(p)).join('、') || '—' })}
          </Alert>
        )}
        {update.error && !refusedAlone && (
          <Alert color="red" variant="light" role="alert" icon={<IconAlertCircle size={18} />}>
            {errorText(update.error)}
          </Alert>
        )}
        {propose.error && (
          <Alert color="red" variant="light" role="alert" icon={<IconAlertCircle size={18} />}>
            {errorText(propose.error)}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('app.cancel')}
          </Button>
          {needsSecond ? (
            <Button loading={propose.isPending} onClick={() => void submitProposal()}>
              {t('roles.propose')}
            </Button>
          ) : (
            <Button loading={update.isPending} onClick={() => void save()}>
              {t('app.save')}
            </Button>
          )}
        </Group>
      </Stack>
    </Modal>
  );
}
