import { ActionIcon, Alert, Badge, Button, Group, Modal, Stack, Table, Text, Textarea, Title, Tooltip } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { IconBan, IconPlus, IconTrash } from '@tabler/icons-react';
import dayjs from 'dayjs';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerFile } from '../../../../shared/contract';
import type { VoidStampView } from '../../../../shared/contract/records';
import { isVoidable, type RecordKind as StoredKind, type VoidableKind } from '../../../../shared/domain/voiding';
import { useArchiveMutation } from '../../api/hooks';
import { useCurrentUser } from '../../api/session';
import { useErrorText } from '../../app/errors';
import { allows } from '../../api/permissions';
import { RecordFormModal, type RecordKind } from './RecordFormModal';
import { SectionEmpty } from '../../app/ui/States';

// One table of a customer file's records, driven by its column definitions
// (recordColumns.tsx): a heading, an add form, and for users who may write either voiding
// (作废, records of money and credit: with a reason; the row stays, struck through, with
// who voided it, when and why) or removal (contacts, feedback, reports: confirmed, and on
// record in the audit log); and an empty state.

export interface Column<T> {
  header: string;
  cell: (row: T) => ReactNode;
  align?: 'left' | 'right';
  nowrap?: boolean;
}

/** The void mark of a row, if its kind has one. */
function voidOf(row: { id: string; voided?: VoidStampView | null }): VoidStampView | null {
  return row.voided ?? null;
}

export function RecordTable<T extends { id: string; voided?: VoidStampView | null }>({
  kind,
  file,
  rows,
  columns,
  testId,
}: {
  kind: RecordKind & StoredKind;
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
  const voidable = isVoidable(kind);
  const [voiding, setVoiding] = useState<T | null>(null);

  const confirmRemove = (row: T) =>
    modals.openConfirmModal({
      title: t('customerFile.removeTitle'),
      children: <Text size="sm">{t('customerFile.removeIntro')}</Text>,
      labels: { confirm: t('customerFile.removeConfirm'), cancel: t('app.cancel') },
      confirmProps: { color: 'red', 'data-testid': 'confirm-remove' },
      centered: true,
      onConfirm: () => {
        if (isVoidable(kind)) return;
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
        <SectionEmpty text={t('customerFile.emptyRecords')} hint={canWrite ? t('customerFile.emptyRecordsHint') : t('customerFile.readOnlyHint')} />
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
                {canWrite && <Table.Th w={voidable ? 96 : 60} />}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row) => {
                const voided = voidOf(row);
                const struck = voided ? { textDecoration: 'line-through', opacity: 0.55 } : {};
                return [
                  <Table.Tr key={row.id} data-record={row.id} data-voided={voided ? 'true' : undefined}>
                    {columns.map((column) => (
                      <Table.Td key={column.header} ta={column.align} style={{ ...(column.nowrap ? { whiteSpace: 'nowrap' } : {}), ...struck }}>
                        {column.cell(row)}
                      </Table.Td>
                    ))}
                    {canWrite && (
                      <Table.Td>
                        {voided ? (
                          <Badge color="gray" variant="outline" size="sm" style={{ flexShrink: 0, overflow: 'visible' }}>
                            {t('customerFile.voidedBadge')}
                          </Badge>
                        ) : voidable ? (
                          <Tooltip label={t('customerFile.void')}>
                            <ActionIcon variant="subtle" color="red" aria-label={t('customerFile.void')} onClick={() => setVoiding(row)} data-testid="void-record">
                              <IconBan size={16} />
                            </ActionIcon>
                          </Tooltip>
                        ) : (
                          <Tooltip label={t('customerFile.remove')}>
                            <ActionIcon variant="subtle" color="red" aria-label={t('customerFile.remove')} onClick={() => confirmRemove(row)}>
                              <IconTrash size={16} />
                            </ActionIcon>
                          </Tooltip>
                        )}
                      </Table.Td>
                    )}
                  </Table.Tr>,
                  voided && (
                    <Table.Tr key={`${row.id}-void`} data-void-note={row.id}>
                      <Table.Td colSpan={columns.length + (canWrite ? 1 : 0)} pt={0}>
                        <Text size="xs" c="red.8" data-testid="void-note">
                          {t('customerFile.voidedNote', { name: voided.by.displayName, time: dayjs(voided.at).format('YYYY-MM-DD HH:mm'), reason: voided.reason })}
                        </Text>
                      </Table.Td>
                    </Table.Tr>
                  ),
                ];
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <RecordFormModal kind={adding} file={file} onClose={() => setAdding(null)} />
      {voidable && <VoidModal kind={kind} row={voiding} onClose={() => setVoiding(null)} />}
    </Stack>
  );
}


/** 作废: the reason is required; the record stays in the file and no longer counts. */
function VoidModal({ kind, row, onClose }: { kind: VoidableKind; row: { id: string } | null; onClose: () => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const voidRecord = useArchiveMutation('records.void', { invalidates: ['customers.get', 'customers.search'] });
  const close = () => {
    setReason('');
    setProblem(null);
    onClose();
  };
  const submit = () => {
    if (!row) return;
    if (reason.trim() === '') {
      setProblem(t('customerFile.voidReasonRequired'));
      return;
    }
    voidRecord.mutate(
      { kind, id: row.id, reason },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', message: t('customerFile.voidedDone') });
          close();
        },
        onError: (error) => setProblem(errorText(error)),
      },
    );
  };
  return (
    <Modal opened={row !== null} onClose={close} title={t('customerFile.voidTitle')} centered>
      <Stack gap="sm">
        <Text size="sm">{t('customerFile.voidIntro')}</Text>
        <Textarea
          label={t('customerFile.voidReason')}
          required
          autosize
          minRows={2}
          maxLength={500}
          value={reason}
          onChange={(event) => {
            setReason(event.currentTarget.value);
            setProblem(null);
          }}
          data-testid="void-reason"
        />
        {problem && (
          <Alert color="red" variant="light" role="alert" data-testid="void-problem">
            {problem}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {t('app.cancel')}
          </Button>
          <Button color="red" onClick={submit} loading={voidRecord.isPending} data-testid="confirm-void">
            {t('customerFile.voidConfirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
