import { Anchor, Badge, Button, Card, Checkbox, Group, Pagination, ScrollArea, Select, Stack, Table, Text } from '@mantine/core';
import { IconCalendarDue, IconPlayerPlay } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import type { Output } from '../../../../../shared/contract';
import { EVALUATION_STATUS_TEXTS, reviewDueText } from '../../../../../shared/domain/evaluations';
import { useArchiveQuery } from '../../../api/hooks';
import { allows } from '../../../api/permissions';
import { useCurrentUser } from '../../../api/session';
import { PageHeader } from '../../../app/ui/PageHeader';
import { PurposeModal } from '../../../app/ui/PurposeModal';
import { EmptyBlock, ErrorState, LoadingState } from '../../../app/ui/States';
import { useLang } from '../models/format';
import { RoundModal } from './RoundModal';

type Row = Output<'evaluations.due'>[number];
type Reason = Row['reasons'][number];

const HORIZONS = ['0', '30', '90', '180'] as const;
const PAGE = 50;
const REASON_COLOR: Record<Reason['reason'], string> = { overdue: 'red', major_event: 'orange', cycle_due: 'blue', never_evaluated: 'gray' };

/** 评审到期: customers due for review (overdue first, early reviews with their event), and the year-end round for many at once. */
export function DuePage() {
  const { t } = useTranslation();
  const lang = useLang();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const canRound = allows(user, 'evaluations.startRoundJob');
  const [horizon, setHorizon] = useState<(typeof HORIZONS)[number]>('30');
  const due = useArchiveQuery('evaluations.due', { horizonDays: Number(horizon) }, { staleTime: 0 });
  const [page, setPage] = useState(1);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [opening, setOpening] = useState<{ id: string; name: string } | null>(null);
  const [rounding, setRounding] = useState(false);
  const rows = useMemo(() => due.data ?? [], [due.data]);
  const pages = Math.max(1, Math.ceil(rows.length / PAGE));
  const shownRows = rows.slice((Math.min(page, pages) - 1) * PAGE, Math.min(page, pages) * PAGE);
  const names = useMemo(() => new Map(rows.map((r) => [r.customer.id, r.customer.name])), [rows]);
  const selectable = (r: Row) => r.open === null;
  const pageIds = shownRows.filter(selectable).map((r) => r.customer.id);
  const allOnPage = pageIds.length > 0 && pageIds.every((id) => selected.has(id));
  const toggle = (id: string, on: boolean) =>
    setSelected((s) => {
      const next = new Set(s);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  return (
    <>
      <PageHeader
        title={t('evaluationModels.due.title')}
        subtitle={t('evaluationModels.due.subtitle')}
        actions={
          canRound && (
            <Button leftSection={<IconPlayerPlay size={16} />} onClick={() => setRounding(true)} data-testid="start-round">
              {t('evaluationModels.due.startRound')}
            </Button>
          )
        }
      />
      <Card withBorder radius="md" padding="lg">
        <Stack gap="md">
          <Group justify="space-between" align="flex-end">
            <Group align="flex-end" gap="md">
              <Select
                label={t('evaluationModels.due.horizon')}
                data={HORIZONS.map((h) => ({ value: h, label: t(`evaluationModels.due.horizonOption.${h}`) }))}
                value={horizon}
                allowDeselect={false}
                onChange={(v) => {
                  if (!v) return;
                  setHorizon(v as (typeof HORIZONS)[number]);
                  setPage(1);
                  setSelected(new Set());
                }}
                w={200}
                data-testid="due-horizon"
              />
              {due.data && (
                <Text size="sm" c="dimmed" data-testid="due-total">
                  {t('evaluationModels.due.count', { count: rows.length })}
                </Text>
              )}
            </Group>
            {selected.size > 0 && (
              <Group gap="xs">
                <Badge tt="none" size="lg" variant="light" data-testid="due-selected">
                  {t('evaluationModels.due.selected', { count: selected.size })}
                </Badge>
                <Button size="xs" variant="subtle" onClick={() => setSelected(new Set())}>
                  {t('evaluationModels.due.clearSelection')}
                </Button>
              </Group>
            )}
          </Group>
          {due.isPending ? (
            <LoadingState />
          ) : due.isError ? (
            <ErrorState error={due.error} onRetry={() => void due.refetch()} />
          ) : rows.length === 0 ? (
            <EmptyBlock title={t('evaluationModels.due.empty')} description={t('evaluationModels.due.emptyHint')} icon={<IconCalendarDue size={28} stroke={1.5} />} />
          ) : (
            <>
              <ScrollArea type="auto">
                <Table striped highlightOnHover verticalSpacing="xs" miw={900} data-testid="due-list">
                  <Table.Thead>
                    <Table.Tr>
                      {canRound && (
                        <Table.Th w={40}>
                          <Checkbox
                            aria-label={t('evaluationModels.due.selectAll')}
                            checked={allOnPage}
                            indeterminate={!allOnPage && pageIds.some((id) => selected.has(id))}
                            disabled={pageIds.length === 0}
                            onChange={(e) => {
                              const on = e.currentTarget.checked;
                              setSelected((s) => {
                                const next = new Set(s);
                                for (const id of pageIds) {
                                  if (on) next.add(id);
                                  else next.delete(id);
                                }
                                return next;
                              });
                            }}
                            data-testid="due-select-page"
                          />
                        </Table.Th>
                      )}
                      {(['customer', 'reasons', 'dueOn', 'lastGrade', 'open'] as const).map((c) => (
                        <Table.Th key={c}>{t(`evaluationModels.due.columns.${c}`)}</Table.Th>
                      ))}
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {shownRows.map((row) => (
                      <Table.Tr key={row.customer.id} data-testid="due-row" data-name={row.customer.name} data-reasons={row.reasons.map((r) => r.reason).join(' ')}>
                        {canRound && (
                          <Table.Td>
                            <Checkbox
                              aria-label={row.customer.name}
                              checked={selected.has(row.customer.id)}
                              disabled={!selectable(row)}
                              onChange={(e) => toggle(row.customer.id, e.currentTarget.checked)}
                              data-testid="due-select"
                            />
                          </Table.Td>
                        )}
                        <Table.Td>
                          <Anchor component="button" type="button" size="sm" fw={500} ta="left" onClick={() => setOpening(row.customer)}>
                            {row.customer.name}
                          </Anchor>
                        </Table.Td>
                        <Table.Td>
                          <Group gap={4}>
                            {row.reasons.map((reason, i) => (
                              <Badge tt="none" key={i} size="sm" variant="light" color={REASON_COLOR[reason.reason]} data-testid="due-reason" data-reason={reason.reason}>
                                {reviewDueText(reason, lang)}
                              </Badge>
                            ))}
                          </Group>
                        </Table.Td>
                        <Table.Td ff="monospace" style={{ whiteSpace: 'nowrap' }}>
                          {row.dueOn ?? t('evaluationModels.due.none')}
                        </Table.Td>
                        <Table.Td style={{ whiteSpace: 'nowrap' }}>
                          {row.lastGrade ? (
                            <Badge tt="none" variant="outline" color="gray">
                              {row.lastGrade}
                            </Badge>
                          ) : (
                            <Text size="sm" c="dimmed">
                              {t('evaluationModels.due.notGraded')}
                            </Text>
                          )}
                        </Table.Td>
                        <Table.Td>
                          {row.open ? (
                            <Badge tt="none" variant="light" color="violet" data-testid="due-open">
                              {EVALUATION_STATUS_TEXTS[row.open.status][lang]}
                            </Badge>
                          ) : (
                            <Text size="sm" c="dimmed">
                              {t('evaluationModels.due.none')}
                            </Text>
                          )}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </ScrollArea>
              {pages > 1 && (
                <Group justify="center">
                  <Pagination total={pages} value={Math.min(page, pages)} onChange={setPage} />
                </Group>
              )}
            </>
          )}
        </Stack>
      </Card>
      <PurposeModal
        opened={opening !== null}
        subject={opening?.name ?? null}
        onCancel={() => setOpening(null)}
        onConfirm={(purpose) => {
          const customer = opening;
          setOpening(null);
          if (customer) navigate(`/customers/${customer.id}`, { state: { purpose } });
        }}
      />
      {rounding && (
        <RoundModal
          selected={[...selected]}
          names={names}
          onClose={(created) => {
            setRounding(false);
            if (created) setSelected(new Set());
          }}
        />
      )}
    </>
  );
}
