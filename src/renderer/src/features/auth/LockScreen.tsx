import { Alert, Avatar, Button, Group, PasswordInput, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconAlertCircle, IconLock, IconLogout } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { contract } from '../../../../shared/contract';
import { call } from '../../api/client';
import { ApiError } from '../../api/errors';
import { session, type LockReason } from '../../api/session';
import type { CurrentUser } from '../../../../shared/contract';
import { useErrorText } from '../../app/errors';
import { useSchemaValidator } from '../../app/forms';
import { useLabels } from '../../app/labels';
import { AuthFrame } from '../../app/ui/AuthFrame';
import { logout } from './actions';
import { useRetryCountdown } from './useRetryCountdown';

interface UnlockValues {
  password: string;
}

export function LockScreen({ user, reason }: { user: CurrentUser; reason: LockReason }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const errorText = useErrorText();
  const validate = useSchemaValidator<UnlockValues>(contract['auth.unlock'].input);
  const form = useForm<UnlockValues>({ initialValues: { password: '' }, validate });
  const [submitting, setSubmitting] = useState(false);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const countdown = useRetryCountdown();

  const submit = form.onSubmit(async (values) => {
    setSubmitting(true);
    setFailure(null);
    try {
      session.update(await call('auth.unlock', values));
    } catch (error) {
      const apiError = error instanceof ApiError ? error : new ApiError({ code: 'INTERNAL', message: String(error) });
      countdown.noteError(apiError);
      setFailure(apiError);
      form.setFieldValue('password', '');
    } finally {
      setSubmitting(false);
    }
  });

  const waiting = countdown.secondsLeft > 0;
  const reasonText = reason === 'idle' ? t('lock.reasonIdle') : reason === 'button' ? t('lock.reasonButton') : t('lock.reasonHost');

  return (
    <AuthFrame title={t('lock.title')} subtitle={reasonText}>
      <Group gap="md" wrap="nowrap">
        <Avatar color="blue" radius="xl" size="lg">
          {user.displayName.slice(0, 1)}
        </Avatar>
        <Stack gap={2}>
          <Text fw={600}>{user.displayName}</Text>
          <Text size="sm" c="dimmed">
            {[labels.department(user.departmentName), ...user.roleNames.map((name) => labels.role(name))].join(' · ')}
          </Text>
        </Stack>
      </Group>
      {failure && (
        <Alert color={failure.code === 'RATE_LIMITED' ? 'orange' : 'red'} variant="light" role="alert" data-testid="unlock-error" icon={<IconAlertCircle size={18} />}>
          {failure.code === 'RATE_LIMITED'
            ? t('login.rateLimited', { seconds: countdown.secondsLeft })
            : failure.code === 'WRONG_PASSWORD'
              ? t('error.WRONG_PASSWORD')
              : errorText(failure)}
        </Alert>
      )}
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <PasswordInput
            label={t('lock.password')}
            description={t('lock.intro', { name: user.displayName })}
            autoComplete="current-password"
            autoFocus
            required
            {...form.getInputProps('password')}
          />
          <Group justify="space-between">
            <Button variant="subtle" color="gray" leftSection={<IconLogout size={16} />} onClick={() => void logout()}>
              {t('lock.logout')}
            </Button>
            <Button type="submit" loading={submitting} disabled={waiting} leftSection={<IconLock size={16} />}>
              {waiting ? t('login.waiting', { seconds: countdown.secondsLeft }) : t('lock.unlock')}
            </Button>
          </Group>
        </Stack>
      </form>
    </AuthFrame>
  );
}
