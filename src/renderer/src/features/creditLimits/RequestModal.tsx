import { Alert, Button, Group, Modal, NumberInput, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { creditTermDays } from '../../../../shared/contract/creditLimits';
import { fenToYuanText, MAX_FEN, parseYuan } from '../../../../shared/domain/money';
import { useArchiveMutation } from '../../api/hooks';
import { useErrorText } from '../../app/errors';
import { MoneyInput } from '../../app/ui/inputs';
import { useVocabulary } from '../../app/vocabulary';

const QUERIES = ['creditLimits.get', 'creditLimits.history', 'approvals.get', 'approvals.mine', 'approvals.inbox', 'approvals.inboxCount', 'customers.search'] as const;

export interface RequestTarget {
  customer: { id: string; name: string };
  current: { limitFen: number | null; termDays: number | null };
  /** Set when the author edits a returned request and resubmits it. */
  resubmit?: { chainId: string; limitFen: number; termDays: number; reason: string };
}

/** 授信额度调整: the new limit (¥), the credit term (days) and the reason; or, for a returned request, its edit and resubmission. */
export function RequestModal({ target, onClose }: { target: RequestTarget | null; onClose: () => void }) {
  const { t } = useTranslation();
  const vocabulary = useVocabulary();
  const errorText = useErrorText();
  const navigate = useNavigate();
  const request = useArchiveMutation('creditLimits.request', { invalidates: QUERIES });
  const resubmit = useArchiveMutation('creditLimits.resubmit', { invalidates: QUERIES });
  const [amount, setAmount] = useState('');
  const [term, setTerm] = useState<number | string>('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<{ amount?: string; term?: string; reason?: string }>({});
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    setAmount(target?.resubmit ? fenToYuanText(target.resubmit.limitFen) : '');
    setTerm(target?.resubmit?.termDays ?? target?.current.termDays ?? '');
    setReason(target?.resubmit?.reason ?? '');
    setErrors({});
    setProblem(null);
  }, [target]);

  if (!target) return <Modal opened={false} onClose={onClose} />;
  const parsed = parseYuan(amount);
  const submit = async () => {
    const next: typeof errors = {};
    if (parsed === null) next.amount = t('creditLimits.form.amountRequired');
    else if (!parsed.ok) next.amount = t(`creditLimits.form.moneyProblem.${parsed.problem}`);
    const days = typeof term === 'number' ? term : Number.NaN;
    if (!creditTermDays.safeParse(days).success) next.term = t('creditLimits.form.termProblem');
    if (reason.trim() === '') next.reason = t('creditLimits.form.reasonRequired');
    setErrors(next);
    setProblem(null);
    if (Object.keys(next).length > 0 || !parsed?.ok) return;
    const fields = { limitFen: parsed.fen, termDays: days, reason: reason.trim() };
    try {
      const saved = target.resubmit ? await resubmit.mutateAsync({ chainId: target.resubmit.chainId, ...fields }) : await request.mutateAsync({ customerId: target.customer.id, ...fields });
      notifications.show({ color: 'green', message: target.resubmit ? t('creditLimits.form.resubmitted') : t('creditLimits.form.submitted') });
      onClose();
      if (!target.resubmit) navigate(`/approvals/chains/${saved.chainId}`);
    } catch (error) {
      setProblem(errorText(error));
    }
  };
  const pending = request.isPending || resubmit.isPending;
  return (
    <Modal opened onClose={onClose} title={target.resubmit ? t('creditLimits.form.resubmitTitle') : t('creditLimits.form.title')} size="md" data-testid="credit-limit-form">
      <Stack gap="md">
        <Stack gap={2}>
          <Text size="sm" fw={600}>
            {target.customer.name}
          </Text>
          <Text size="xs" c="dimmed">
            {t('creditLimits.form.current', {
              limit: target.current.limitFen === null ? t('creditLimits.notSet') : vocabulary.money(target.current.limitFen),
              term: target.current.termDays === null ? t('creditLimits.notSet') : t('creditLimits.days', { count: target.current.termDays }),
            })}
          </Text>
        </Stack>
        <MoneyInput
          label={t('creditLimits.form.limit')}
          description={parsed?.ok ? vocabulary.money(parsed.fen) : t('creditLimits.form.limitHint', { max: vocabulary.money(MAX_FEN) })}
          required
          value={amount}
          onChange={(event) => setAmount(event.currentTarget.value)}
          error={errors.amount}
          data-testid="limit-input"
        />
        <NumberInput label={t('creditLimits.form.term')} description={t('creditLimits.form.termHint')} required min={0} max={3650} allowDecimal={false} suffix={` ${t('creditLimits.dayUnit')}`} value={term} onChange={setTerm} error={errors.term} data-testid="term-input" />
        <Textarea label={t('creditLimits.form.reason')} required autosize minRows={3} maxLength={500} value={reason} onChange={(event) => setReason(event.currentTarget.value)} error={errors.reason} data-testid="reason-input" />
        {problem && (
          <Alert color="red" variant="light" role="alert" data-testid="credit-limit-problem">
            {problem}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('app.cancel')}
          </Button>
          <Button loading={pending} onClick={() => void submit()} data-testid="credit-limit-submit">
            {target.resubmit ? t('creditLimits.form.resubmit') : t('creditLimits.form.submit')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
