import { Alert, Button, Group, Modal, ScrollArea, Stack, Text, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Output } from '../../../../shared/contract';
import type { SaleDunningView } from '../../../../shared/contract/dunning';
import { useArchiveMutation } from '../../api/hooks';
import { useErrorText } from '../../app/errors';
import { saveBase64 } from '../../app/files';
import { DUNNING_QUERIES } from './queries';

/** 催款函: made from the template and the file as a PDF the user saves; the first one records the step. */
export function LetterButton({ sale, refusal, icon }: { sale: SaleDunningView; refusal: string | null; icon: ReactNode }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const letter = useArchiveMutation('dunning.letter', { invalidates: DUNNING_QUERIES });
  const [made, setMade] = useState<Output<'dunning.letter'> | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const make = async () => {
    setProblem(null);
    try {
      const result = await letter.mutateAsync({ saleId: sale.saleId });
      setMade(result);
    } catch (error) {
      notifications.show({ color: 'red', message: errorText(error) });
    }
  };
  const save = () => {
    if (!made) return;
    try {
      saveBase64(made.contentBase64, made.fileName, made.mime);
    } catch (error) {
      setProblem(errorText(error));
    }
  };
  return (
    <>
      <Tooltip label={refusal ?? t('dunning.actions.letterHint')} withArrow>
        <Button size="compact-xs" variant="light" color="orange" leftSection={icon} disabled={refusal !== null} loading={letter.isPending} onClick={() => void make()} data-testid="make-letter">
          {t('dunning.actions.letter')}
        </Button>
      </Tooltip>
      <Modal opened={made !== null} onClose={() => setMade(null)} title={t('dunning.letter.title')} size="lg" data-testid="letter-preview">
        {made && (
          <Stack gap="md">
            <Text size="xs" c="dimmed">
              {t('dunning.letter.recorded', { day: made.sale.steps[1]?.record?.on ?? '' })}
            </Text>
            <ScrollArea.Autosize mah={420} type="auto">
              <Text size="sm" style={{ whiteSpace: 'pre-wrap', fontFamily: 'inherit', lineHeight: 1.8 }} data-testid="letter-text">
                {made.text}
              </Text>
            </ScrollArea.Autosize>
            {problem && <Alert color="red">{problem}</Alert>}
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setMade(null)}>
                {t('app.close')}
              </Button>
              <Button onClick={save} data-testid="letter-save">
                {t('dunning.letter.save')}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </>
  );
}
