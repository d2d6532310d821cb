import { Badge, Stack, Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import type { ReactElement } from 'react';
import type { CustomerFile } from '../../../../shared/contract';
import type { Labels } from '../../app/labels';
import type { Vocabulary } from '../../app/vocabulary';
import type { RecordKind } from './RecordFormModal';
import { RecordTable, type Column } from './RecordTable';

// The column definitions of every record table of a customer file: which rows of the file
// the table shows, and how each column reads a row. RecordTable draws any of them.

export interface ColumnContext {
  t: TFunction;
  vocabulary: Vocabulary;
  labels: Labels;
  file: CustomerFile;
}

export interface RecordTableDefinition<T extends { id: string }> {
  kind: RecordKind;
  testId: string;
  columns: (context: ColumnContext) => Column<T>[];
}

/** A table ready to draw for a file, whatever its rows are. */
export interface RecordTableOfFile {
  kind: RecordKind;
  draw: (context: ColumnContext) => ReactElement;
}

const VALIDITY_COLOR = { valid: 'green', expiring: 'orange', expired: 'red', open: 'blue' } as const;
const EVENT_COLOR = { bad_record: 'orange', litigation: 'red', judgment: 'red', blacklist: 'dark', management_change: 'yellow' } as const;
const CONTRACT_COLOR = { active: 'blue', completed: 'green', terminated: 'gray' } as const;

const dash = (value: string | null | undefined) => (value ? value : '—');
const mono = (value: string | null | undefined) => (
  <Text span size="sm" ff="monospace">
    {dash(value)}
  </Text>
);

function contractNoOf(file: CustomerFile, id: string | null): string {
  return id ? (file.contracts.find((c) => c.id === id)?.contractNo ?? '—') : '—';
}

/** The lists of a file that hold records. */
type RecordLists = { [K in keyof CustomerFile as CustomerFile[K] extends { id: string }[] ? K : never]: CustomerFile[K] };
type Row<K extends keyof RecordLists> = RecordLists[K][number];

/** A table of the file's list `key`: its columns are checked against that list's rows. */
function define<K extends keyof RecordLists>(key: K, definition: RecordTableDefinition<Row<K>>): RecordTableOfFile {
  return {
    kind: definition.kind,
    draw: (context) => (
      <RecordTable<Row<K>>
        kind={definition.kind}
        file={context.file}
        rows={context.file[key] as Row<K>[]}
        columns={definition.columns(context)}
        testId={definition.testId}
      />
    ),
  };
}

export const RECORD_TABLES = {
  contact: define('contacts', {
    kind: 'contact',
    testId: 'contacts',
    columns: ({ t, vocabulary }) => [
      { header: t('records.contact.role'), cell: (r) => vocabulary.label('contactRole', r.role), nowrap: true },
      { header: t('records.contact.name'), cell: (r) => r.name },
      { header: t('records.contact.phone'), cell: (r) => dash(r.phone), nowrap: true },
      { header: t('records.contact.email'), cell: (r) => dash(r.email) },
    ],
  }),
  qualification: define('qualifications', {
    kind: 'qualification',
    testId: 'qualifications',
    columns: ({ t, vocabulary }) => [
      { header: t('records.qualification.kind'), cell: (r) => vocabulary.label('qualification', r.kind) },
      { header: t('records.qualification.number'), cell: (r) => mono(r.number) },
      { header: t('records.qualification.issuer'), cell: (r) => dash(r.issuer) },
      { header: t('records.qualification.level'), cell: (r) => dash(r.level) },
      { header: t('records.qualification.period'), cell: (r) => `${r.validFrom ?? '—'} ~ ${r.validTo ?? t('records.qualification.noEnd')}`, nowrap: true },
      {
        header: t('records.qualification.validity'),
        cell: (r) => (
          <Badge variant="light" color={VALIDITY_COLOR[r.validity]} data-testid="validity-badge">
            {vocabulary.label('validity', r.validity)}
          </Badge>
        ),
      },
    ],
  }),
  contract: define('contracts', {
    kind: 'contract',
    testId: 'contracts',
    columns: ({ t, vocabulary, labels }) => [
      {
        header: t('records.contract.contractNo'),
        cell: (r) => (
          <Text span size="sm" ff="monospace" fw={500}>
            {r.contractNo}
          </Text>
        ),
        nowrap: true,
      },
      { header: t('records.contract.title'), cell: (r) => r.title },
      { header: t('records.contract.amount'), cell: (r) => vocabulary.money(r.amountFen), align: 'right', nowrap: true },
      { header: t('records.contract.signedOn'), cell: (r) => r.signedOn, nowrap: true },
      { header: t('records.contract.term'), cell: (r) => (r.startOn || r.endOn ? `${r.startOn ?? '—'} ~ ${r.endOn ?? '—'}` : '—'), nowrap: true },
      {
        header: t('records.contract.status'),
        cell: (r) => (
          <Badge variant="light" color={CONTRACT_COLOR[r.status]}>
            {vocabulary.label('contractStatus', r.status)}
          </Badge>
        ),
      },
      { header: t('records.contract.department'), cell: (r) => labels.department(r.departmentName), nowrap: true },
    ],
  }),
  transaction: define('transactions', {
    kind: 'transaction',
    testId: 'transactions',
    columns: ({ t, vocabulary, file }) => [
      {
        header: t('records.transaction.kind'),
        cell: (r) => (
          <Badge variant="light" color={r.kind === 'sale' ? 'blue' : 'orange'}>
            {vocabulary.label('transactionKind', r.kind)}
          </Badge>
        ),
      },
      { header: t('records.transaction.docNo'), cell: (r) => mono(r.docNo), nowrap: true },
      { header: t('records.transaction.amount'), cell: (r) => vocabulary.money(r.kind === 'return' ? -r.amountFen : r.amountFen), align: 'right', nowrap: true },
      { header: t('records.transaction.occurredOn'), cell: (r) => r.occurredOn, nowrap: true },
      { header: t('records.transaction.dueOn'), cell: (r) => dash(r.dueOn), nowrap: true },
      { header: t('records.transaction.contract'), cell: (r) => mono(contractNoOf(file, r.contractId)), nowrap: true },
    ],
  }),
  payment: define('payments', {
    kind: 'payment',
    testId: 'payments',
    columns: ({ t, vocabulary, file }) => [
      { header: t('records.payment.amount'), cell: (r) => vocabulary.money(r.amountFen), align: 'right', nowrap: true },
      { header: t('records.payment.paidOn'), cell: (r) => r.paidOn, nowrap: true },
      { header: t('records.payment.ref'), cell: (r) => mono(r.ref), nowrap: true },
      { header: t('records.payment.contract'), cell: (r) => mono(contractNoOf(file, r.contractId)), nowrap: true },
    ],
  }),
  creditEvent: define('creditEvents', {
    kind: 'creditEvent',
    testId: 'credit-events',
    columns: ({ t, vocabulary }) => [
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
    ],
  }),
  feedback: define('feedback', {
    kind: 'feedback',
    testId: 'feedback',
    columns: ({ t, vocabulary }) => [
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
    ],
  }),
  creditReport: define('creditReports', {
    kind: 'creditReport',
    testId: 'credit-reports',
    columns: ({ t }) => [
      { header: t('records.creditReport.issuedOn'), cell: (r) => r.issuedOn, nowrap: true },
      { header: t('records.creditReport.agency'), cell: (r) => r.agency },
      { header: t('records.creditReport.reportNo'), cell: (r) => mono(r.reportNo), nowrap: true },
      { header: t('records.creditReport.rating'), cell: (r) => (r.rating ? <Badge variant="light">{r.rating}</Badge> : '—') },
      { header: t('records.creditReport.summary'), cell: (r) => dash(r.summary) },
    ],
  }),
} satisfies Record<RecordKind, RecordTableOfFile>;
