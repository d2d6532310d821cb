import { Alert, Button, Card, Group, NumberInput, Stack, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle, IconBuilding, IconClockShield } from '@tabler/icons-react';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { contract, type Input } from '../../../../shared/contract';
import { useArchiveMutation, useArchiveQuery } from '../../api/hooks';
import { useErrorText } from '../../app/errors';
import { applyServerIssues, useSchemaValidator } from '../../app/forms';
import { PageHeader } from '../../app/ui/PageHeader';
import { ErrorState, LoadingState } from '../../app/ui/States';

type SettingsValues = Input<'settings.update'>;
const FIELDS = ['companyName', 'idleLockMinutes'] as const;

export function SettingsPage() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const settings = useArchiveQuery('settings.get', {});
  const validate = useSchemaValidator<SettingsValues>(contract['settings.update'].input);
  const form = useForm<SettingsValues>({ initialValues: { companyName: '', idleLockMinutes: 15 }, validate });
  const update = useArchiveMutation('settings.update', { invalidates: ['settings.get'] });

  const { setValues, resetDirty } = form;
  useEffect(() => {
    if (settings.data) {
      setValues(settings.data);
      resetDirty(settings.data);
    }
  }, [settings.data]);

  const submit = form.onSubmit(async (values) => {
    try {
      await update.mutateAsync(values);
      notifications.show({ color: 'green', message: t('settings.saved') });
    } catch (error) {
      applyServerIssues(t, error, form.setFieldError, FIELDS);
    }
  });

  const failure = update.error && update.error.fieldIssues.length === 0 ? update.error : null;

  return (
    <>
      <PageHeader title={t('settings.title')} subtitle={t('settings.subtitle')} />
      {settings.isPending ? (
        <LoadingState />
      ) : settings.isError ? (
        <ErrorState error={settings.error} onRetry={() => void settings.refetch()} />
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack gap="lg" maw={720}>
            {failure && (
              <Alert color="red" variant="light" role="alert" icon={<IconAlertCircle size={18} />}>
                {errorText(failure)}
              </Alert>
            )}
            <Card withBorder radius="md" padding="lg">
              <Group gap="xs" mb="md">
                <IconBuilding size={18} />
                <Title order={4}>{t('settings.general')}</Title>
              </Group>
              <TextInput label={t('settings.companyName')} description={t('settings.companyNameHint')} required {...form.getInputProps('companyName')} />
            </Card>
            <Card withBorder radius="md" padding="lg">
              <Group gap="xs" mb="md">
                <IconClockShield size={18} />
                <Title order={4}>{t('settings.security')}</Title>
              </Group>
              <NumberInput
                label={t('settings.idleLockMinutes')}
                description={t('settings.idleLockHint')}
                min={1}
                max={240}
                step={1}
                allowDecimal={false}
                allowNegative={false}
                clampBehavior="strict"
                required
                maw={240}
                {...form.getInputProps('idleLockMinutes')}
              />
            </Card>
            <Group justify="flex-end">
              <Button variant="default" disabled={!form.isDirty()} onClick={() => form.reset()}>
                {t('app.cancel')}
              </Button>
              <Button type="submit" loading={update.isPending} disabled={!form.isDirty()}>
                {t('app.save')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </>
  );
}
