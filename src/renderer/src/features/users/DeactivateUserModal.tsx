import { Alert, Button, Checkbox, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle, IconAlertTriangle } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { User } from '../../../../shared/contract';
import { useArchiveMutation } from '../../api/hooks';
import { useErrorText } from '../../app/errors';

/** Confirms deactivation, with the choice to rotate the archive key (someone leaving). */
export function DeactivateUserModal({ user, onClose }: { user: User | null; onClose: () => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [rotateKey, setRotateKey] = useState(true);
  const deactivate = useArchiveMutation('users.deactivate', { invalidates: ['users.list', 'roles.list'] });

  useEffect(() => {
    if (user) {
      setRotateKey(false);
      deactivate.reset();
    }
  }, [user]);

  const confirm = async () => {
    if (!user) return;
    try {
      await deactivate.mutateAsync({ id: user.id, rotateKey });
      notifications.show({ color: 'green', message: t('users.deactivation.done', { name: user.displayName }) });
      onClose();
    } catch {
      // shown below from the mutation's state
    }
  };

  return (
    <Modal opened={user !== null} onClose={onClose} title={user ? t('users.deactivation.title', { name: user.displayName }) : ''} centered>
      <Stack gap="md">
        <Alert color="orange" variant="light" icon={<IconAlertTriangle size={18} />}>
          {t('users.deactivation.intro')}
        </Alert>
        <Checkbox
          checked={rotateKey}
          onChange={(event) => setRotateKey(event.currentTarget.checked)}
          label={t('users.deactivation.rotate')}
          description={t('users.deactivation.rotateHint')}
        />
        {deactivate.error && (
          <Alert color="red" variant="light" role="alert" icon={<IconAlertCircle size={18} />}>
            <Text size="sm">{errorText(deactivate.error)}</Text>
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('app.cancel')}
          </Button>
          <Button color="red" loading={deactivate.isPending} onClick={() => void confirm()}>
            {t('users.deactivation.submit')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
