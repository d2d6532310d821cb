import { Button, Card, Group, NumberInput, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { evaluationSettings } from '../../../../../shared/contract/evaluations';
import { useArchiveMutation, useArchiveQuery } from '../../../api/hooks';
import { useErrorText } from '../../../app/errors';
import { ErrorState, LoadingState } from '../../../app/ui/States';

const DAYS = evaluationSettings.shape.publicationDays;

/** 评审设置: the publication period (公示期) in working days. */
export function SettingsPanel() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const settings = useArchiveQuery('evaluations.settings', {}, { staleTime: 0 });
  const save = useArchiveMutation('evaluations.setSettings', { invalidates: ['evaluations.settings'] });
  const [days, setDays] = useState<number | string>('');
  useEffect(() => {
    if (settings.data) setDays(settings.data.publicationDays);
  }, [settings.data]);
  if (settings.isPending) return <LoadingState />;
  if (settings.isError) return <ErrorState error={settings.error} onRetry={() => void settings.refetch()} />;
  const valid = DAYS.safeParse(days).success;
  const changed = valid && days !== settings.data.publicationDays;
  return (
    <Card withBorder radius="md" padding="lg" maw={640}>
      <Stack gap="md">
        <Title order={4}>{t('evaluationModels.settings.title')}</Title>
        <NumberInput
          label={t('evaluationModels.settings.publicationDays')}
          description={t('evaluationModels.settings.publicationHint')}
          value={days}
          onChange={setDays}
          min={1}
          max={60}
          allowDecimal={false}
          allowNegative={false}
          w={360}
          error={days !== '' && !valid ? t('evaluationModels.settings.publicationHint') : undefined}
          data-testid="publication-days"
        />
        <Group>
          <Button
            disabled={!changed}
            loading={save.isPending}
            data-testid="save-settings"
            onClick={() =>
              save.mutate(
                { publicationDays: Number(days) },
                {
                  onSuccess: () => notifications.show({ color: 'green', message: t('evaluationModels.settings.saved') }),
                  onError: (error) => notifications.show({ color: 'red', title: t('app.errorTitle'), message: errorText(error) }),
                },
              )
            }
          >
            {t('evaluationModels.settings.save')}
          </Button>
          {save.isError && (
            <Text size="sm" c="red">
              {errorText(save.error)}
            </Text>
          )}
        </Group>
      </Stack>
    </Card>
  );
}
