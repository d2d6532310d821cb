import { Alert, Button, Group, Modal, SegmentedControl, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SaleDunningView } from '../../../../shared/contract/dunning';
import { REMINDER_CHANNELS, type ReminderChannel } from '../../../../shared/domain/dunning';
import { useArchiveMutation } from '../../api/hooks';
import { useErrorText } from '../../app/errors';
import { useVocabulary } from '../../app/vocabulary';
import { DUNNING_QUERIES } from './queries';

/** 到期前提醒: the 客服经理 records that the customer was reminded, how, and what was said. */
export function ReminderModal({ sale, onClose }: { sale: SaleDunningView | null; onClose: () => void }) {
  const { t } = useTranslation();
  const vocabulary = useVocabulary();
  const errorText = useErrorText();
  const record = useArchiveMutation('dunning.recordReminder', { invalidates: DUNNING_QUERIES });
  const [channel, setChannel] = useState<ReminderChannel>('phone');
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    setChannel('phone');
    setNote('');
    setProblem(null);
  }, [sale]);
  if (!sale) return <Modal opened={false} onClose={onClose} />;
  const submit = async () => {
    setProblem(null);
    try {
      await record.mutateAsync({ saleId: sale.saleId, channel, note: note.trim() === '' ? null : note.trim() });
      notifications.show({ color: 'green', message: t('dunning.reminder.saved') });
      onClose();
    } catch (error) {
      setProblem(errorText(error));
    }
  };
  return (
    <Modal opened onClose={onClose} title={t('dunning.reminder.title')} data-testid="reminder-form">
      <Stack gap="md">
        <Text size="sm">{t('dunning.saleLine', { docNo: sale.docNo ?? t('dunning.noDocNo'), due: sale.dueOn ?? '—', balance: vocabulary.money(sale.balanceFen) })}</Text>
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            {t('dunning.reminder.channel')}
          </Text>
          <SegmentedControl value={channel} onChange={(v) => setChannel(v as ReminderChannel)} data={REMINDER_CHANNELS.map((c) => ({ value: c, label: t(`dunningCodes.channel.${c}`) }))} data-testid="reminder-channel" />
        </Stack>
        <Textarea label={t('dunning.reminder.note')} placeholder={t('dunning.reminder.notePlaceholder')} value={note} onChange={(e) => setNote(e.currentTarget.value)} maxLength={500} autosize minRows={2} data-testid="reminder-note" />
        {problem && (
          <Alert color="red" data-testid="reminder-problem">
            {problem}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('app.cancel')}
          </Button>
          <Button onClick={() => void submit()} loading={record.isPending} data-testid="reminder-save">
            {t('dunning.reminder.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
