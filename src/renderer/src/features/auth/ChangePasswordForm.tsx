import { Alert, Button, Group, PasswordInput, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { contract } from '../../../../shared/contract';
import { call } from '../../api/client';
import { hasCode } from '../../api/errors';
import { session, useCurrentUser } from '../../api/session';
import { useErrorText } from '../../app/errors';
import { applyServerIssues, useSchemaValidator } from '../../app/forms';
import { PasswordStrength } from '../../app/ui/PasswordStrength';

interface ChangeValues {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

const changeSchema = contract['auth.changePassword'].input
  .extend({ confirmPassword: z.string() })
  .refine((values) => values.newPassword === values.confirmPassword, { path: ['confirmPassword'], message: 'passwordMismatch' })
  .refine((values) => values.newPassword !== values.currentPassword, { path: ['newPassword'], message: 'samePassword' });

const FIELDS = ['currentPassword', 'newPassword', 'confirmPassword'] as const;

/** Changes the signed-in user's own password; used by the forced screen and by My account. */
export function ChangePasswordForm({ extraAction }: { extraAction?: React.ReactNode }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const errorText = useErrorText();
  const validate = useSchemaValidator<ChangeValues>(changeSchema);
  const form = useForm<ChangeValues>({ initialValues: { currentPassword: '', newPassword: '', confirmPassword: '' }, validate });
  const [submitting, setSubmitting] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);

  const submit = form.onSubmit(async ({ currentPassword, newPassword }) => {
    setSubmitting(true);
    setFailure(null);
    try {
      await call('auth.changePassword', { currentPassword, newPassword });
      form.reset();
      notifications.show({ color: 'green', message: t('changePassword.done') });
      session.update(await call('auth.me', {}));
    } catch (error) {
      if (hasCode(error, 'WRONG_PASSWORD')) {
        form.setFieldError('currentPassword', t('error.WRONG_PASSWORD'));
      } else if (!applyServerIssues(t, error, form.setFieldError, FIELDS)) {
        setFailure(error);
      }
    } finally {
      setSubmitting(false);
    }
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {failure !== null && (
          <Alert color="red" variant="light" role="alert" icon={<IconAlertCircle size={18} />}>
            {errorText(failure)}
          </Alert>
        )}
        <PasswordInput label={t('changePassword.current')} autoComplete="current-password" required {...form.getInputProps('currentPassword')} />
        <PasswordInput label={t('changePassword.next')} autoComplete="new-password" required {...form.getInputProps('newPassword')} />
        <PasswordStrength password={form.values.newPassword} userInputs={[user.username, user.displayName]} />
        <PasswordInput label={t('changePassword.confirm')} autoComplete="new-password" required {...form.getInputProps('confirmPassword')} />
        <Group justify="space-between">
          {extraAction ?? <span />}
          <Button type="submit" loading={submitting}>
            {t('changePassword.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
