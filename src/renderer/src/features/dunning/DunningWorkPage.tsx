import { Badge, Button, Card, Group, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { DUNNING_STEP_KINDS, type DunningStepKind } from '../../../../shared/domain/dunning';
import { useArchiveQuery } from '../../api/hooks';
import { PageHeader } from '../../app/ui/PageHeader';
import { EmptyBlock, ErrorState, LoadingState } from '../../app/ui/States';
import { useVocabulary } from '../../app/vocabulary';

const KIND_COLOR = { reminder: 'yellow', letter: 'orange', suspension: 'red' } as const;

/** 催收: today's dunning steps over the customers the user serves — reminders, letters, suspensions — each opening its file. */
export function DunningWorkPage() {
  const { t } = useTranslation();
  const vocabulary = useVocabulary();
  const navigate = useNavigate();
  const work = useArchiveQuery('dunning.work', {}, { staleTime: 0 });
  const [kind, setKind] = useState<'all' | DunningStepKind>('all');
  return (
    <Stack gap="lg">
      <PageHeader title={t('dunning.work.title')} subtitle={t('dunning.work.subtitle')} />
      {work.isPending ? (
        <LoadingState />
      ) : work.isError ? (
        <ErrorState error={work.error} onRetry={() => void work.refetch()} />
      ) : (
        <>
          <Group gap="md">
            {DUNNING_STEP_KINDS.map((k) => (
              <Card key={k} withBorder radius="md" padding="sm" miw={180} data-testid={`dunning-count-${k}`}>
                <Text size="xs" c="dimmed">
                  {t(`dunningCodes.step.${k}`)}
                </Text>
                <Text fw={700} size="xl" c={work.data.counts[k] > 0 ? KIND_COLOR[k] : undefined}>
                  {work.data.counts[k]}
                </Text>
              </Card>
            ))}
          </Group>
          <SegmentedControl
            value={kind}
            onChange={(v) => setKind(v as typeof kind)}
            data={[{ value: 'all', label: t('dunning.work.all') }, ...DUNNING_STEP_KINDS.map((k) => ({ value: k, label: t(`dunningCodes.step.${k}`) }))]}
            w="fit-content"
            data-testid="dunning-kind-filter"
          />
          {work.data.items.filter((i) => kind === 'all' || i.kind === kind).length === 0 ? (
            <EmptyBlock title={t('dunning.work.empty')} description={t('dunning.work.emptyHint')} />
          ) : (
            <Table.ScrollContainer minWidth={860}>
              <Table verticalSpacing="sm" highlightOnHover data-testid="dunning-work">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('dunning.work.customer')}</Table.Th>
                    <Table.Th>{t('dunning.columns.docNo')}</Table.Th>
                    <Table.Th>{t('dunning.columns.dueOn')}</Table.Th>
                    <Table.Th ta="right">{t('dunning.columns.balance')}</Table.Th>
                    <Table.Th>{t('dunning.columns.state')}</Table.Th>
                    <Table.Th>{t('dunning.work.step')}</Table.Th>
                    <Table.Th />
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {work.data.items
                    .filter((i) => kind === 'all' || i.kind === kind)
                    .map((item) => (
                      <Table.Tr key={`${item.saleId}-${item.kind}`} data-testid="dunning-work-item" data-kind={item.kind}>
                        <Table.Td>
                          <Text size="sm" fw={600}>
                            {item.customer.name}
                          </Text>
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm">{item.docNo ?? t('dunning.noDocNo')}</Text>
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm">{item.dueOn}</Text>
                        </Table.Td>
                        <Table.Td ta="right">
                          <Text size="sm" fw={600}>
                            {vocabulary.money(item.balanceFen)}
                          </Text>
                        </Table.Td>
                        <Table.Td>
                          {item.daysOverdue > 0 ? (
                            <Badge color="red">{t('dunning.overdueDays', { count: item.daysOverdue })}</Badge>
                          ) : (
                            <Badge color="yellow" variant="light">
                              {t('dunningCodes.saleState.due_soon')}
                            </Badge>
                          )}
                        </Table.Td>
                        <Table.Td>
                          <Badge variant="light" color={KIND_COLOR[item.kind]}>
                            {t(`dunningCodes.step.${item.kind}`)}
                          </Badge>
                        </Table.Td>
                        <Table.Td>
                          <Button size="compact-xs" variant="subtle" onClick={() => navigate(`/customers/${item.customer.id}`)}>
                            {t('dunning.work.openFile')}
                          </Button>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </>
      )}
    </Stack>
  );
}

/** The home card's line: how many dunning steps are due today. */
export function DunningSummary() {
  const { t } = useTranslation();
  const work = useArchiveQuery('dunning.work', {}, { staleTime: 15_000 });
  if (!work.data) return null;
  const { reminder, letter, suspension } = work.data.counts;
  const total = reminder + letter + suspension;
  return (
    <Text size="sm" fw={600} c={total > 0 ? 'orange' : 'dimmed'} data-testid="home-dunning-count">
      {total > 0 ? t('dunning.work.summary', { reminder, letter, suspension }) : t('dunning.work.none')}
    </Text>
  );
}

/** Beside the navigation item: the number of steps due. */
export function DunningBadge() {
  const work = useArchiveQuery('dunning.work', {}, { staleTime: 15_000 });
  if (!work.data) return null;
  const total = work.data.counts.reminder + work.data.counts.letter + work.data.counts.suspension;
  if (total === 0) return null;
  return (
    <Badge size="sm" circle={total < 10} color={work.data.counts.suspension > 0 ? 'red' : 'orange'} data-testid="nav-dunning-count">
      {total}
    </Badge>
  );
}
