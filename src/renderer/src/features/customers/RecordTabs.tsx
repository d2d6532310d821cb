import { ActionIcon, Badge, Button, Group, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { IconInbox, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerFile } from '../../../../shared/contract';
import type { RECORD_KINDS } from '../../../../shared/contract/records';
import { useArchiveMutation } from '../../api/hooks';
import { useCurrentUser } from '../../api/session';
import { useErrorText } from '../../app/errors';
import { useLabels } from '../../app/labels';
import { allows } from '../../api/permissions';
import { RecordFormModal, type RecordKind } from './RecordFormModal';
import { useVocabulary } from '../../app/vocabulary';

// The record tabs of a customer file: one table per kind of record, with an add form
// and removal (confirmed, and on record in the audit log) for users who may write.

interface Column<T> {
  header: string;
  cell: (row: T) => ReactNode;
  align?: 'left' | 'right';
  nowrap?: boolean;
}

const VALIDITY_COLOR = { valid: 'green', expiring: 'orange', expired: 'red', open: 'blue' } as const;
const EVENT_COLOR = { bad_record: 'orange', litigation: 'red', judgment: 'red', blacklist: 'dark', management_change: 'yellow' } as const;

function RecordSection<T extends { id: string }>({
  kind,
  file,
  rows,
  columns,
  testId,
}: {
  kind: RecordKind & (typeof RECORD_KINDS)[number];
  file: CustomerFile;
  rows: T[];
  columns: Column<T>[];
  testId: string;
}) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const errorText = useErrorText();
  const [adding, setAdding] = useState<RecordKind | null>(null);
  const remove = useArchiveMutation('records.remove', { invalidates: ['customers.get', 'customers.search'] });
  const canWrite = allows(me, 'records.remove');

  const confirmRemove = (row: T) =>
    modals.openConfirmModal({
      title: t('customerFile.removeTitle'),
      children: <Text size="sm">{t('customerFile.removeIntro')}</Text>,
      labels: { confirm: t('customerFile.removeConfirm'), cancel: t('app.cancel') },
      confirmProps: { color: 'red', 'data-testid': 'confirm-remove' },
      centered: true,
      onConfirm: () => {
        remove.mutate(
          { kind, id: row.id },
          {
            onSuccess: () => notifications.show({ color: 'green', message: t('customerFile.removed') }),
            onError: (error) => notifications.show({ color: 'red', title: t('app.errorTitle'), message: errorText(error) }),
          },
        );
      },
    });

  return (
    <Stack gap="sm" data-testid={testId}>
      <Group justify="space-between">
        <Title order={5}>{t(`records.${kind}.heading`)}</Title>
        {canWrite && (
          <Button size="xs" variant="light" leftSection={<IconPlus size={14} />} onClick={() => setAdding(kind)} data-testid={`add-${kind}`}>
            {t(`records.${kind}.add`)}
          </Button>
        )}
      </Group>
      {rows.length === 0 ? (
        <Group gap="sm" py="lg" justify="center" c="dimmed">
          <IconInbox size={20} stroke={1.5} />
          <Stack gap={0}>
            <Text size="sm" c="dimmed">
              {t('customerFile.emptyRecords')}
            </Text>
            <Text size="xs" c="dimmed">
              {canWrite ? t('customerFile.emptyRecordsHint') : t('customerFile.readOnlyHint')}
            </Text>
          </Stack>
        </Group>
      ) : (
        <Table.ScrollContainer minWidth={720}>
          <Table striped highlightOnHover verticalSpacing="xs" fz="sm">
            <Table.Thead>
              <Table.Tr>
                {columns.map((column) => (
                  <Table.Th key={column.header} ta={column.align} style={{ whiteSpace: 'nowrap' }}>
                    {column.header}
                  </Table.Th>
                ))}
                {canWrite && <Table.Th w={60} />}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row) => (
                <Table.Tr key={row.id} data-record={row.id}>
                  {columns.map((column) => (
                    <Table.Td key={column.header} ta={column.align} style={column.nowrap ? { whiteSpace: 'nowrap' } : undefined}>
                      {column.cell(row)}
                    </Table.Td>
                  ))}
                  {canWrite && (
                    <Table.Td>
                      <Tooltip label={t('customerFile.remove')}>
                        <ActionIcon variant="subtle" color="red" aria-label={t('customerFile.remove')} onClick={() => confirmRemove(row)}>
                          <IconTrash size={16} />
                        </ActionIcon>
                      </Tooltip>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <RecordFormModal kind={adding} file={file} onClose={() => setAdding(null)} />
    </Stack>
  );
}

const dash = (value: string | null | undefined) => (value ? value : '—');

export function ContactsTab({ file }: { file: CustomerFile }) {
  const { t } = useTranslation();
  const vocabulary = useVocabulary();
  return (
    <RecordSection
      kind="contact"
      file={file}
      rows={file.contacts}
      testId="contacts"
      columns={[
        { header: t('records.contact.role'), cell: (r) => vocabulary.label('contactRole', r.role), nowrap: true },
        { header: t('records.contact.name'), cell: (r) => r.name },
        { header: t('records.contact.phone'), cell: (r) => dash(r.phone), nowrap: true },
        { header: t('records.contact.email'), cell: (r) => dash(r.email) },
      ]}
    />
  );
}

export function QualificationsTab({ file }: { file: CustomerFile }) {
  const { t } = useTranslation();
  const vocabulary = useVocabulary();
  return (
    <RecordSection
      kind="qualification"
      file={file}
      rows={file.qualifications}
      testId="qualifications"
      columns={[
        { header: t('records.qualification.kind'), cell: (r) => vocabulary.label('qualification', r.kind) },
        { header: t('records.qualification.number'), cell: (r) => <Text span size="sm" ff="monospace">{dash(r.number)}</Text> },
        { header: t('records.qualification.issuer'), cell: (r) => dash(r.issuer) },
        { header: t('records.qualification.level'), cell: (r) => dash(r.level) },
        {
          header: t('records.qualification.period'),
          cell: (r) => `${r.validFrom ?? '—'} ~ ${r.validTo ?? t('records.qualification.noEnd')}`,
          nowrap: true,
        },
        {
          header: t('records.qualification.validity'),
          cell: (r) => (
            <Badge variant="light" color={VALIDITY_COLOR[r.validity]} data-testid="validity-badge">
              {vocabulary.label('validity', r.validity)}
            </Badge>
          ),
        },
      ]}
    />
  );
}

export function ContractsTab({ file }: { file: CustomerFile }) {
  const { t } = useTranslation();
  const vocabulary = useVocabulary();
  const labels = useLabels();
  return (
    <RecordSection
      kind="contract"
      file={file}
      rows={file.contracts}
      testId="contracts"
      columns={[
        { header: t('records.contract.contractNo'), cell: (r) => <Text span size="sm" ff="monospace" fw={500}>{r.contractNo}</Text>, nowrap: true },
        { header: t('records.contract.title'), cell: (r) => r.title },
        { header: t('records.contract.amount'), cell: (r) => vocabulary.money(r.amountFen), align: 'right', nowrap: true },
        { header: t('records.contract.signedOn'), cell: (r) => r.signedOn, nowrap: true },
        { header: t('records.contract.term'), cell: (r) => (r.startOn || r.endOn ? `${r.startOn ?? '—'} ~ ${r.endOn ?? '—'}` : '—'), nowrap: true },
        {
          header: t('records.contract.status'),
          cell: (r) => (
            <Badge variant="light" color={r.status === 'active' ? 'blue' : r.status === 'completed' ? 'green' : 'gray'}>
              {vocabulary.label('contractStatus', r.status)}
            </Badge>
          ),
        },
        { header: t('records.contract.department'), cell: (r) => labels.department(r.departmentName), nowrap: true },
      ]}
    />
  );
}

export function TradeTab({ file }: { file: CustomerFile }) {
  const { t } = useTranslation();
  const vocabulary = useVocabulary();
  const contractNo = (id: string | null) => (id ? (file.contracts.find((c) => c.id === id)?.contractNo ?? '—') : '—');
  return (
    <Stack gap="xl">
      <RecordSection
        kind="transaction"
        file={file}
        rows={file.transactions}
        testId="transactions"
        columns={[
          {
            header: t('records.transaction.kind'),
            cell: (r) => (
              <Badge variant="light" color={r.kind === 'sale' ? 'blue' : 'orange'}>
                {vocabulary.label('transactionKind', r.kind)}
              </Badge>
            ),
          },
          { header: t('records.transaction.docNo'), cell: (r) => <Text span size="sm" ff="monospace">{dash(r.docNo)}</Text>, nowrap: true },
          { header: t('records.transaction.amount'), cell: (r) => vocabulary.money(r.kind === 'return' ? -r.amountFen : r.amountFen), align: 'right', nowrap: true },
          { header: t('records.transaction.occurredOn'), cell: (r) => r.occurredOn, nowrap: true },
          { header: t('records.transaction.dueOn'), cell: (r) => dash(r.dueOn), nowrap: true },
          { header: t('records.transaction.contract'), cell: (r) => <Text span size="sm" ff="monospace">{contractNo(r.contractId)}</Text>, nowrap: true },
        ]}
      />
      <RecordSection
        kind="payment"
        file={file}
        rows={file.payments}
        testId="payments"
        columns={[
          { header: t('records.payment.amount'), cell: (r) => vocabulary.money(r.amountFen), align: 'right', nowrap: true },
          { header: t('records.payment.paidOn'), cell: (r) => r.paidOn, nowrap: true },
          { header: t('records.payment.ref'), cell: (r) => <Text span size="sm" ff="monospace">{dash(r.ref)}</Text>, nowrap: true },
          { header: t('records.payment.contract'), cell: (r) => <Text span size="sm" ff="monospace">{contractNo(r.contractId)}</Text>, nowrap: true },
        ]}
      />
    </Stack>
  );
}

export function CreditEventsTab({ file }: { file: CustomerFile }) {
  const { t } = useTranslation();
  const vocabulary = useVocabulary();
  return (
    <RecordSection
      kind="creditEvent"
      file={file}
      rows={file.creditEvents}
      testId="credit-events"
      columns={[
        { header: t('records.creditEvent.occurredOn'), cell: (r) => r.occurredOn, nowrap: true },
        {
          header: t('records.creditEvent.kind'),
          cell: (r) => (
            <Badge variant="light" color={EVENT_COLOR[r.kind]}>
              {vocabulary.label('creditEvent', r.kind)}
            </Badge>
          ),
        },
        {
          header: t('records.creditEvent.title'),
          cell: (r) => (
            <Stack gap={2}>
              <Text size="sm">{r.title}</Text>
              {r.detail && (
                <Text size="xs" c="dimmed" lineClamp={2}>
                  {r.detail}
                </Text>
              )}
            </Stack>
          ),
        },
        { header: t('records.creditEvent.amount'), cell: (r) => (r.amountFen === null ? '—' : vocabulary.money(r.amountFen)), align: 'right', nowrap: true },
        { header: t('records.creditEvent.source'), cell: (r) => dash(r.source) },
      ]}
    />
  );
}

export function FeedbackTab({ file }: { file: CustomerFile }) {
  const { t } = useTranslation();
  const vocabulary = useVocabulary();
  return (
    <RecordSection
      kind="feedback"
      file={file}
      rows={file.feedback}
      testId="feedback"
      columns={[
        { header: t('records.feedback.occurredOn'), cell: (r) => r.occurredOn, nowrap: true },
        {
          header: t('records.feedback.kind'),
          cell: (r) => (
            <Badge variant="light" color={r.kind === 'complaint' ? 'red' : 'teal'}>
              {vocabulary.label('feedbackKind', r.kind)}
            </Badge>
          ),
        },
        { header: t('records.feedback.score'), cell: (r) => (r.score === null ? '—' : `${'★'.repeat(r.score)}${'☆'.repeat(5 - r.score)}`), nowrap: true },
        { header: t('records.feedback.content'), cell: (r) => r.content },
      ]}
    />
  );
}

export function CreditReportsTab({ file }: { file: CustomerFile }) {
  const { t } = useTranslation();
  return (
    <RecordSection
      kind="creditReport"
      file={file}
      rows={file.creditReports}
      testId="credit-reports"
      columns={[
        { header: t('records.creditReport.issuedOn'), cell: (r) => r.issuedOn, nowrap: true },
        { header: t('records.creditReport.agency'), cell: (r) => r.agency },
        { header: t('records.creditReport.reportNo'), cell: (r) => <Text span size="sm" ff="monospace">{dash(r.reportNo)}</Text>, nowrap: true },
        { header: t('records.creditReport.rating'), cell: (r) => (r.rating ? <Badge variant="light">{r.rating}</Badge> : '—') },
        { header: t('records.creditReport.summary'), cell: (r) => dash(r.summary) },
      ]}
    />
  );
}
