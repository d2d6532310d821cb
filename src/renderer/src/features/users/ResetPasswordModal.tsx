import { Alert, Button, Group, Modal, PasswordInput, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle } from '@tabler/icons-react';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { contract, type User } from '../../../../shared/contract';
import { useArchiveMutation } from '../../api/hooks';
import { useErrorText } from '../../app/errors';
import { applyServerIssues, useSchemaValidator } from '../../app/forms';
import { PasswordStrength } from '../../app/ui/PasswordStrength';

interface ResetValues {
  newPassword: string;
}

const resetSchema = z.object(contract['users.resetPassword'].input.shape).pick({ newPassword: true });

export function ResetPasswordModal({ user, onClose }: { user: User | null; onClose: () => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const validate = useSchemaValidator<ResetValues>(resetSchema);
  const form = useForm<ResetValues>({ initialValues: { newPassword: '' }, validate });
  const reset = useArchiveMutation('users.resetPassword', { invalidates: ['users.list'] });

  const { setValues, clearErrors } = form;
  useEffect(() => {
    if (user) {
      setValues({ newPassword: '' });
      clearErrors();
      reset.reset();
    }
  }, [user]);

  const submit = form.onSubmit(async ({ newPassword }) => {
    if (!user) return;
    try {
      await reset.mutateAsync({ id: user.id, newPassword });
      notifications.show({ color: 'green', message: t('users.reset.done', { name: user.displayName }) });
      onClose();
    } catch (error) {
      applyServerIssues(t, error, form.setFieldError, ['newPassword']);
    }
  });

  const failure = reset.error && reset.error.fieldIssues.length === 0 ? reset.error : null;
  return (
    <Modal
      opened={user !== null}
      onClose={onClose}
      title={user ? t(user.active ? 'users.reset.title' : 'users.reset.reactivateTitle', { name: user.displayName }) : ''}
      centered
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            {user?.active === false ? t('users.reset.reactivateIntro') : t('users.reset.intro')}
          </Text>
          {failure && (
            <Alert color="red" variant="light" role="alert" icon={<IconAlertCircle size={18} />}>
              {errorText(failure)}
            </Alert>
          )}
          <PasswordInput
            label={t('users.reset.password')}
            description={t('users.form.passwordHint')}
            required
            autoComplete="new-password"
            data-autofocus
            {...form.getInputProps('newPassword')}
          />
          <PasswordStrength password={form.values.newPassword} userInputs={user ? [user.username, user.displayName] : []} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('app.cancel')}
            </Button>
            <Button type="submit" color="orange" loading={reset.isPending}>
              {user?.active === false ? t('users.reactivate') : t('users.reset.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
