import { Alert, Button, Group, Modal, NumberInput, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LoanView } from '../../../../shared/contract/checkouts';
import { ITEM_CONDITIONS, type ItemCondition, type LoanAction } from '../../../../shared/domain/checkouts';
import { useArchiveMutation, useArchiveQuery } from '../../api/hooks';
import { useErrorText } from '../../app/errors';

const REFRESH = ['checkouts.mine', 'checkouts.log', 'checkouts.overdue', 'checkouts.reminders', 'checkouts.ofCustomer', 'checkouts.loan'] as const;

function allowed(loan: LoanView, action: LoanAction): boolean {
  return loan.actions.some((a) => a.action === action && a.allowed);
}

/** The buttons of a loan the caller may press now (the host's own guards said which). */
export function LoanActions({ loan }: { loan: LoanView }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [open, setOpen] = useState<'lend' | 'return' | 'renew' | null>(null);
  const recall = useArchiveMutation('checkouts.recall', { invalidates: REFRESH });
  const doRecall = async () => {
    try {
      await recall.mutateAsync({ loanId: loan.id, note: '' });
      notifications.show({ color: 'green', message: t('checkouts.recall.done') });
    } catch (error) {
      notifications.show({ color: 'red', message: errorText(error) });
    }
  };
  return (
    <Group gap={6} wrap="nowrap">
      {allowed(loan, 'lend') && (
        <Button size="compact-xs" onClick={() => setOpen('lend')} data-testid="loan-lend">
          {t('checkouts.actions.lend')}
        </Button>
      )}
      {allowed(loan, 'return') && (
        <Button size="compact-xs" variant="light" onClick={() => setOpen('return')} data-testid="loan-return">
          {t('checkouts.actions.return')}
        </Button>
      )}
      {allowed(loan, 'recall') && loan.recalls.length === 0 && (
        <Button size="compact-xs" variant="subtle" color="orange" loading={recall.isPending} onClick={() => void doRecall()} data-testid="loan-recall">
          {t('checkouts.actions.recall')}
        </Button>
      )}
      {allowed(loan, 'requestRenewal') && (
        <Button size="compact-xs" variant="light" onClick={() => setOpen('renew')} data-testid="loan-renew">
          {t('checkouts.actions.renew')}
        </Button>
      )}
      {open === 'lend' && <LendModal loan={loan} onClose={() => setOpen(null)} />}
      {open === 'return' && <ReturnModal loan={loan} onClose={() => setOpen(null)} />}
      {open === 'renew' && <RenewModal loan={loan} onClose={() => setOpen(null)} />}
    </Group>
  );
}

function Problem({ text }: { text: string | null }) {
  if (!text) return null;
  return (
    <Alert color="red" variant="light" role="alert" data-testid="loan-problem">
      {text}
    </Alert>
  );
}

function LendModal({ loan, onClose }: { loan: LoanView; onClose: () => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const physical = loan.kinds.includes('physical');
  // The archivist keeps the archive: the file's documents with their locations.
  const file = useArchiveQuery('customers.get', { id: loan.customer.id, purpose: '借阅登记：清点借出的实物' }, { enabled: physical });
  const lend = useArchiveMutation('checkouts.lend', { invalidates: REFRESH });
  const [problem, setProblem] = useState<string | null>(null);
  const chosen = loan.documents?.map((d) => d.id) ?? null;
  const items = (file.data?.documents ?? []).filter((d) => d.location !== null && (chosen === null || chosen.includes(d.id)));
  const submit = async () => {
    try {
      const lent = await lend.mutateAsync({ loanId: loan.id, items: physical ? items.map((d) => ({ documentId: d.id })) : [] });
      notifications.show({ color: 'green', message: t('checkouts.lend.done', { due: lent.dueDate }) });
      onClose();
    } catch (error) {
      setProblem(errorText(error));
    }
  };
  return (
    <Modal opened onClose={onClose} title={t('checkouts.lend.title')} data-testid="lend-dialog">
      <Stack gap="sm">
        <Text size="sm" fw={600}>
          {loan.customer.name} · {loan.borrower.displayName}
        </Text>
        <Text size="sm" c="dimmed">
          {t('checkouts.lend.dueHint', { days: loan.periodWorkingDays })}
        </Text>
        {physical && (
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              {t('checkouts.lend.items')}
            </Text>
            {items.length === 0 && !file.isPending ? (
              <Text size="sm" c="dimmed">
                {t('checkouts.lend.noItems')}
              </Text>
            ) : (
              items.map((d) => (
                <Text size="sm" key={d.id}>
                  {d.title}（{[d.location!.cabinet, d.location!.shelf, d.location!.box].filter(Boolean).join(' / ')}）
                </Text>
              ))
            )}
          </Stack>
        )}
        <Problem text={problem} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('app.cancel')}
          </Button>
          <Button loading={lend.isPending} onClick={() => void submit()} data-testid="lend-confirm">
            {t('checkouts.lend.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function ReturnModal({ loan, onClose }: { loan: LoanView; onClose: () => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const back = useArchiveMutation('checkouts.return', { invalidates: REFRESH });
  const out = loan.items.filter((i) => i.condition === null);
  const [checked, setChecked] = useState<Record<string, { condition: ItemCondition; note: string }>>(Object.fromEntries(out.map((i) => [i.documentId, { condition: 'complete' as ItemCondition, note: '' }])));
  const [problem, setProblem] = useState<string | null>(null);
  const submit = async () => {
    try {
      await back.mutateAsync({ loanId: loan.id, items: out.map((i) => ({ documentId: i.documentId, ...checked[i.documentId]! })) });
      notifications.show({ color: 'green', message: t('checkouts.return.done') });
      onClose();
    } catch (error) {
      setProblem(errorText(error));
    }
  };
  return (
    <Modal opened onClose={onClose} title={t('checkouts.return.title')} size="lg" data-testid="return-dialog">
      <Stack gap="sm">
        <Text size="sm" fw={600}>
          {loan.customer.name} · {loan.borrower.displayName}
        </Text>
        {out.length > 0 && (
          <Table>
            <Table.Tbody>
              {out.map((i) => (
                <Table.Tr key={i.documentId} data-testid="return-item">
                  <Table.Td>
                    <Text size="sm">{i.title}</Text>
                    <Text size="xs" c="dimmed">
                      {i.location}
                    </Text>
                  </Table.Td>
                  <Table.Td w={130}>
                    <Select
                      aria-label={t('checkouts.return.condition')}
                      data={ITEM_CONDITIONS.map((value) => ({ value, label: t(`checkouts.codes.itemConditions.${value}`) }))}
                      value={checked[i.documentId]!.condition}
                      allowDeselect={false}
                      onChange={(value) => value && setChecked({ ...checked, [i.documentId]: { ...checked[i.documentId]!, condition: value as ItemCondition } })}
                      data-testid="return-condition"
                    />
                  </Table.Td>
                  <Table.Td>
                    <TextInput
                      aria-label={t('checkouts.return.note')}
                      placeholder={t('checkouts.return.note')}
                      value={checked[i.documentId]!.note}
                      onChange={(event) => setChecked({ ...checked, [i.documentId]: { ...checked[i.documentId]!, note: event.currentTarget.value } })}
                      data-testid="return-note"
                    />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        <Problem text={problem} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('app.cancel')}
          </Button>
          <Button loading={back.isPending} onClick={() => void submit()} data-testid="return-confirm">
            {t('checkouts.return.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function RenewModal({ loan, onClose }: { loan: LoanView; onClose: () => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const renew = useArchiveMutation('checkouts.renew', { invalidates: [...REFRESH, 'approvals.mine'] });
  const max = loan.dueDateExplanation?.terms.maxWorkingDays ?? loan.periodWorkingDays;
  const [days, setDays] = useState<number | string>(Math.min(max, loan.periodWorkingDays));
  const [problem, setProblem] = useState<string | null>(null);
  const submit = async () => {
    try {
      await renew.mutateAsync({ loanId: loan.id, workingDays: Number(days) });
      notifications.show({ color: 'green', message: t('checkouts.renew.done') });
      onClose();
    } catch (error) {
      setProblem(errorText(error));
    }
  };
  return (
    <Modal opened onClose={onClose} title={t('checkouts.renew.title')} data-testid="renew-dialog">
      <Stack gap="sm">
        <Text size="sm" fw={600}>
          {loan.customer.name}
        </Text>
        <NumberInput label={t('checkouts.renew.days')} description={t('checkouts.renew.hint', { due: loan.dueDate })} min={1} max={max} allowDecimal={false} value={days} onChange={setDays} data-testid="renew-days" />
        <Problem text={problem} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('app.cancel')}
          </Button>
          <Button loading={renew.isPending} onClick={() => void submit()} data-testid="renew-confirm">
            {t('checkouts.renew.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
