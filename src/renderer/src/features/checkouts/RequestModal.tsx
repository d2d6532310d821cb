import { Alert, Button, Checkbox, Group, Modal, MultiSelect, NumberInput, Stack, Textarea } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LOAN_KINDS, PURPOSE_MAX_LENGTH, type LoanKind } from '../../../../shared/domain/checkouts';
import { useArchiveMutation, useArchiveQuery } from '../../api/hooks';
import { useErrorText } from '../../app/errors';

/** 查阅申请单: one or several customer files, the kind, purpose, period, print / export. */
export function RequestModal({ opened, onClose, initial = [] }: { opened: boolean; onClose: () => void; initial?: { id: string; name: string }[] }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [search, setSearch] = useState('');
  const [text] = useDebouncedValue(search, 250);
  const found = useArchiveQuery('customers.search', { text, offset: 0, limit: 20 }, { enabled: opened && text.trim().length > 0 });
  const [picked, setPicked] = useState<{ id: string; name: string }[]>(initial);
  const [kinds, setKinds] = useState<LoanKind[]>(['electronic']);
  const [purpose, setPurpose] = useState('');
  const [period, setPeriod] = useState<number | string>(5);
  const [readingRoom, setReadingRoom] = useState(false);
  const [print, setPrint] = useState(false);
  const [exportAsked, setExport] = useState(false);
  const [errors, setErrors] = useState<{ files?: string; kinds?: string; purpose?: string }>({});
  const [problem, setProblem] = useState<string | null>(null);
  const request = useArchiveMutation('checkouts.request', { invalidates: ['checkouts.mine', 'approvals.mine', 'checkouts.ofCustomer'] });
  const options = [...picked, ...(found.data?.rows ?? []).filter((r) => !picked.some((p) => p.id === r.id)).map((r) => ({ id: r.id, name: r.name }))];
  const submit = async () => {
    const next: typeof errors = {};
    if (picked.length === 0) next.files = t('checkouts.request.filesRequired');
    if (kinds.length === 0) next.kinds = t('checkouts.request.kindsRequired');
    if (purpose.trim() === '') next.purpose = t('checkouts.request.purposeRequired');
    setErrors(next);
    setProblem(null);
    if (Object.keys(next).length > 0) return;
    try {
      await request.mutateAsync({ files: picked.map((p) => ({ customerId: p.id, documentIds: null, kinds })), purpose: purpose.trim(), periodWorkingDays: Number(period), readingRoom, print, export: exportAsked });
      notifications.show({ color: 'green', message: t('checkouts.request.submitted') });
      onClose();
    } catch (error) {
      setProblem(errorText(error));
    }
  };
  return (
    <Modal opened={opened} onClose={onClose} title={t('checkouts.request.title')} size="lg" data-testid="checkout-request-form">
      <Stack gap="md">
        <MultiSelect
          label={t('checkouts.request.files')}
          description={t('checkouts.request.filesHint')}
          required
          searchable
          searchValue={search}
          onSearchChange={setSearch}
          filter={({ options: all }) => all}
          data={options.map((o) => ({ value: o.id, label: o.name }))}
          value={picked.map((p) => p.id)}
          onChange={(ids) => setPicked(ids.map((id) => options.find((o) => o.id === id)!).filter(Boolean))}
          error={errors.files}
          data-testid="request-files"
        />
        <Checkbox.Group label={t('checkouts.request.kinds')} required value={kinds} onChange={(value) => setKinds(value as LoanKind[])} error={errors.kinds}>
          <Group mt={4}>
            {LOAN_KINDS.map((kind) => (
              <Checkbox key={kind} value={kind} label={t(`checkouts.codes.loanKinds.${kind}`)} data-testid={`request-kind-${kind}`} />
            ))}
          </Group>
        </Checkbox.Group>
        <Textarea label={t('checkouts.request.purpose')} required autosize minRows={2} maxLength={PURPOSE_MAX_LENGTH} value={purpose} onChange={(event) => setPurpose(event.currentTarget.value)} error={errors.purpose} data-testid="request-purpose" />
        <NumberInput label={t('checkouts.request.period')} required min={1} max={250} allowDecimal={false} value={period} onChange={setPeriod} data-testid="request-period" />
        <Group>
          {kinds.includes('physical') && <Checkbox label={t('checkouts.request.readingRoom')} checked={readingRoom} onChange={(event) => setReadingRoom(event.currentTarget.checked)} />}
          <Checkbox label={t('checkouts.request.print')} checked={print} disabled={!kinds.includes('electronic')} onChange={(event) => setPrint(event.currentTarget.checked)} data-testid="request-print" />
          <Checkbox label={t('checkouts.request.export')} checked={exportAsked} disabled={!kinds.includes('electronic')} onChange={(event) => setExport(event.currentTarget.checked)} data-testid="request-export" />
        </Group>
        {problem && (
          <Alert color="red" variant="light" role="alert" data-testid="checkout-request-problem">
            {problem}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('app.cancel')}
          </Button>
          <Button loading={request.isPending} onClick={() => void submit()} data-testid="checkout-request-submit">
            {t('checkouts.request.submit')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
