import { Alert, Anchor, Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle, IconArrowLeft } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { contract } from '../../../../shared/contract';
import { call } from '../../api/client';
import { ApiError } from '../../api/errors';
import { session } from '../../api/session';
import { useErrorText } from '../../app/errors';
import { applyServerIssues, useSchemaValidator } from '../../app/forms';
import { AuthFrame } from '../../app/ui/AuthFrame';
import { PasswordStrength } from '../../app/ui/PasswordStrength';
import { useRetryCountdown } from './useRetryCountdown';

interface RecoverValues {
  recoveryCode: string;
  username: string;
  newPassword: string;
  confirmPassword: string;
}

const recoverSchema = contract['auth.recover'].input
  .extend({ confirmPassword: z.string() })
  .refine((values) => values.newPassword === values.confirmPassword, { path: ['confirmPassword'], message: 'passwordMismatch' });

const FIELDS = ['recoveryCode', 'username', 'newPassword', 'confirmPassword'] as const;

export function RecoverScreen({ onBack }: { onBack: () => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const validate = useSchemaValidator<RecoverValues>(recoverSchema);
  const form = useForm<RecoverValues>({
    initialValues: { recoveryCode: '', username: '', newPassword: '', confirmPassword: '' },
    validate,
  });
  const [submitting, setSubmitting] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const countdown = useRetryCountdown();

  const submit = form.onSubmit(async ({ recoveryCode, username, newPassword }) => {
    setSubmitting(true);
    setFailure(null);
    try {
      const grant = await call('auth.recover', { recoveryCode, username, newPassword });
      notifications.show({ color: 'green', message: t('recover.done') });
      session.begin(grant);
    } catch (error) {
      countdown.noteError(error);
      if (!applyServerIssues(t, error, form.setFieldError, FIELDS)) setFailure(error);
    } finally {
      setSubmitting(false);
    }
  });

  const waiting = countdown.secondsLeft > 0;
  return (
    <AuthFrame title={t('recover.title')} subtitle={t('recover.intro')} width={520}>
      {failure !== null && (
        <Alert color="red" variant="light" role="alert" icon={<IconAlertCircle size={18} />}>
          {failure instanceof ApiError && failure.code === 'RATE_LIMITED'
            ? t('login.rateLimited', { seconds: countdown.secondsLeft })
            : errorText(failure)}
        </Alert>
      )}
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <TextInput
            label={t('recover.code')}
            placeholder={t('recover.codePlaceholder')}
            autoComplete="off"
            spellCheck={false}
            required
            autoFocus
            styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
            {...form.getInputProps('recoveryCode')}
          />
          <TextInput label={t('recover.username')} autoComplete="username" required {...form.getInputProps('username')} />
          <PasswordInput label={t('recover.newPassword')} autoComplete="new-password" required {...form.getInputProps('newPassword')} />
          <PasswordStrength password={form.values.newPassword} userInputs={[form.values.username]} />
          <PasswordInput label={t('recover.confirmPassword')} autoComplete="new-password" required {...form.getInputProps('confirmPassword')} />
          <Button type="submit" size="md" loading={submitting} disabled={waiting}>
            {waiting ? t('login.waiting', { seconds: countdown.secondsLeft }) : t('recover.submit')}
          </Button>
        </Stack>
      </form>
      <Anchor component="button" type="button" size="sm" onClick={onBack}>
        <IconArrowLeft size={14} style={{ verticalAlign: 'middle', marginRight: 4 }} />
        {t('recover.back')}
      </Anchor>
    </AuthFrame>
  );
}
