import { Alert, Anchor, Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconAlertCircle, IconClockHour4, IconInfoCircle, IconKey, IconLogin2 } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { contract } from '../../../../shared/contract';
import { call } from '../../api/client';
import { ApiError } from '../../api/errors';
import { session } from '../../api/session';
import { useErrorText } from '../../app/errors';
import { applyServerIssues, useSchemaValidator } from '../../app/forms';
import { AuthFrame } from '../../app/ui/AuthFrame';
import { useRetryCountdown } from './useRetryCountdown';

interface LoginValues {
  username: string;
  password: string;
}

export function LoginScreen({ notice, onRecover }: { notice: 'start' | 'loggedOut' | 'expired'; onRecover: () => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const validate = useSchemaValidator<LoginValues>(contract['auth.login'].input);
  const form = useForm<LoginValues>({ initialValues: { username: '', password: '' }, validate });
  const [submitting, setSubmitting] = useState(false);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [failures, setFailures] = useState(0);
  const countdown = useRetryCountdown();

  const submit = form.onSubmit(async (values) => {
    setSubmitting(true);
    setFailure(null);
    try {
      session.begin(await call('auth.login', values));
    } catch (error) {
      const apiError = error instanceof ApiError ? error : new ApiError({ code: 'INTERNAL', message: String(error) });
      countdown.noteError(apiError);
      setFailures((count) => count + 1);
      if (!applyServerIssues(t, apiError, form.setFieldError, ['username', 'password'])) setFailure(apiError);
      if (apiError.code === 'WRONG_PASSWORD' || apiError.code === 'RATE_LIMITED') {
        form.setFieldValue('password', '');
      }
    } finally {
      setSubmitting(false);
    }
  });

  const waiting = countdown.secondsLeft > 0;
  const rateLimited = failure?.code === 'RATE_LIMITED';

  return (
    <AuthFrame title={t('login.title')} subtitle={t('login.subtitle')}>
      {notice !== 'start' && !failure && (
        <Alert color={notice === 'expired' ? 'yellow' : 'blue'} variant="light" icon={<IconInfoCircle size={18} />}>
          {notice === 'expired' ? t('login.expired') : t('login.loggedOut')}
        </Alert>
      )}
      {failure && (
        <Alert
          color={rateLimited ? 'orange' : 'red'}
          variant="light"
          role="alert"
          data-testid="login-error"
          data-attempt={failures}
          icon={rateLimited ? <IconClockHour4 size={18} /> : <IconAlertCircle size={18} />}
          title={rateLimited ? t('login.rateLimitedTitle') : t('login.wrongPasswordTitle')}
        >
          {rateLimited
            ? t('login.rateLimited', { seconds: countdown.secondsLeft })
            : `${failure.transport ? errorText(failure) : t(`error.${failure.code}`)}${waiting ? t('errorExtra.retryIn', { seconds: countdown.secondsLeft }) : ''}`}
        </Alert>
      )}
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <TextInput
            label={t('login.username')}
            autoComplete="username"
            autoFocus
            required
            {...form.getInputProps('username')}
          />
          <PasswordInput label={t('login.password')} autoComplete="current-password" required {...form.getInputProps('password')} />
          <Button type="submit" size="md" loading={submitting} disabled={waiting} leftSection={waiting ? <IconClockHour4 size={18} /> : <IconLogin2 size={18} />}>
            {waiting ? t('login.waiting', { seconds: countdown.secondsLeft }) : t('login.submit')}
          </Button>
        </Stack>
      </form>
      <Anchor component="button" type="button" size="sm" onClick={onRecover}>
        <IconKey size={14} style={{ verticalAlign: 'middle', marginRight: 4 }} />
        {t('login.forgot')}
      </Anchor>
    </AuthFrame>
  );
}
