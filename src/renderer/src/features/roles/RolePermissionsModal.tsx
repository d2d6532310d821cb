import { Alert, Button, Checkbox, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../../../shared/contract';
import { PERMISSIONS, type Permission } from '../../../../shared/domain/permissions';
import { call } from '../../api/client';
import { useArchiveMutation } from '../../api/hooks';
import { session } from '../../api/session';
import { useErrorText } from '../../app/errors';
import { useLabels } from '../../app/labels';

export function RolePermissionsModal({ role, onClose }: { role: Role | null; onClose: () => void }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const errorText = useErrorText();
  const [selected, setSelected] = useState<string[]>([]);
  const update = useArchiveMutation('roles.update', { invalidates: ['roles.list', 'users.list'] });

  useEffect(() => {
    if (role) {
      setSelected([...role.permissions]);
      update.reset();
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
        {update.error && (
          <Alert color="red" variant="light" role="alert" icon={<IconAlertCircle size={18} />}>
            {errorText(update.error)}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('app.cancel')}
          </Button>
          <Button loading={update.isPending} onClick={() => void save()}>
            {t('app.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
