import { Alert, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import type { SaleDunningView } from '../../../../shared/contract/dunning';
import { useArchiveMutation } from '../../api/hooks';
import { useErrorText } from '../../app/errors';
import { useVocabulary } from '../../app/vocabulary';
import { DUNNING_QUERIES } from './queries';

/** 保证金转违约金及停止合作建议: more than 15 days overdue, the recommendation goes to its approval chain. */
export function SuspensionModal({ sale, customerName, onClose }: { sale: SaleDunningView | null; customerName: string; onClose: () => void }) {
  const { t } = useTranslation();
  const vocabulary = useVocabulary();
  const errorText = useErrorText();
  const navigate = useNavigate();
  const recommend = useArchiveMutation('dunning.recommendSuspension', { invalidates: DUNNING_QUERIES });
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    setReason('');
    setError(null);
    setProblem(null);
  }, [sale]);
  if (!sale) return <Modal opened={false} onClose={onClose} />;
  const submit = async () => {
    setProblem(null);
    if (reason.trim() === '') {
      setError(t('dunning.suspension.reasonRequired'));
      return;
    }
    try {
      const result = await recommend.mutateAsync({ saleId: sale.saleId, reason: reason.trim() });
      notifications.show({ color: 'green', message: t('dunning.suspension.submitted') });
      onClose();
      navigate(`/approvals/chains/${result.chainId}`);
    } catch (e) {
      setProblem(errorText(e));
    }
  };
  return (
    <Modal opened onClose={onClose} title={t('dunning.suspension.title')} size="lg" data-testid="suspension-form">
      <Stack gap="md">
        <Alert color="red" variant="light">
          {t('dunning.suspension.explain', { customer: customerName, days: sale.daysOverdue, balance: vocabulary.money(sale.balanceFen) })}
        </Alert>
        <Text size="sm">{t('dunning.saleLine', { docNo: sale.docNo ?? t('dunning.noDocNo'), due: sale.dueOn ?? '—', balance: vocabulary.money(sale.balanceFen) })}</Text>
        <Textarea
          label={t('dunning.suspension.reason')}
          placeholder={t('dunning.suspension.reasonPlaceholder')}
          value={reason}
          onChange={(e) => {
            setReason(e.currentTarget.value);
            setError(null);
          }}
          error={error}
          maxLength={500}
          autosize
          minRows={3}
          withAsterisk
          data-testid="suspension-reason"
        />
        {problem && <Alert color="red">{problem}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('app.cancel')}
          </Button>
          <Button color="red" onClick={() => void submit()} loading={recommend.isPending} data-testid="suspension-submit">
            {t('dunning.suspension.submit')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
