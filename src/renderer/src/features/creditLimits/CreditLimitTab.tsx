import { Badge, Button, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import type { CustomerFile } from '../../../../shared/contract';
import { useArchiveQuery } from '../../api/hooks';
import { EmptyBlock, ErrorState, LoadingState } from '../../app/ui/States';
import { useVocabulary } from '../../app/vocabulary';

/** 授信额度: every limit and term the customer had, from when, why and by whose approval, and the requests still open. */
export function CreditLimitTab({ file, purpose }: { file: CustomerFile; purpose: string }) {
  const { t, i18n } = useTranslation();
  const vocabulary = useVocabulary();
  const navigate = useNavigate();
  const language = i18n.resolvedLanguage === 'en-US' ? 'en-US' : 'zh-CN';
  const history = useArchiveQuery('creditLimits.history', { customerId: file.basics.id, purpose }, { staleTime: 0 });
  if (history.isPending) return <LoadingState />;
  if (history.isError) return <ErrorState error={history.error} onRetry={() => void history.refetch()} />;
  const { current, changes, open } = history.data;
  const term = (days: number | null) => (days === null ? t('creditLimits.notSet') : t('creditLimits.days', { count: days }));
  return (
    <Stack gap="lg" data-testid="credit-limit-tab">
      <Card withBorder radius="md" padding="md" bg="var(--mantine-color-teal-0)">
        {current ? (
          <Group gap="xl">
            <Stack gap={0}>
              <Text size="xs" c="dimmed">
                {t('creditLimits.currentLimit')}
              </Text>
              <Text fw={700} size="lg" data-testid="current-limit">
                {vocabulary.money(current.limitFen)}
              </Text>
            </Stack>
            <Stack gap={0}>
              <Text size="xs" c="dimmed">
                {t('creditLimits.currentTerm')}
              </Text>
              <Text fw={700} size="lg" data-testid="current-term">
                {term(current.termDays)}
              </Text>
            </Stack>
            <Stack gap={0}>
              <Text size="xs" c="dimmed">
                {t('creditLimits.since')}
              </Text>
              <Text fw={600}>{current.since}</Text>
            </Stack>
          </Group>
        ) : (
          <Text size="sm" c="dimmed">
            {t('creditLimits.neverSet')}
          </Text>
        )}
      </Card>
      {open.length > 0 && (
        <Stack gap="xs">
          <Title order={5}>{t('creditLimits.openRequests')}</Title>
          {open.map((request) => (
            <Group key={request.chainId} justify="space-between" data-testid="open-request">
              <Text size="sm">
                {t('creditLimits.openLine', { limit: vocabulary.money(request.limitFen), term: term(request.termDays), who: request.requestedBy.displayName, at: request.requestedAt.slice(0, 10) })}
              </Text>
              <Group gap="xs">
                <Badge variant="light">{t(`approvalCodes.chainStatus.${request.status}`)}</Badge>
                <Button size="xs" variant="subtle" onClick={() => navigate(`/approvals/chains/${request.chainId}`)}>
                  {t('creditLimits.openChain')}
                </Button>
              </Group>
            </Group>
          ))}
        </Stack>
      )}
      <Stack gap="xs">
        <Title order={5}>{t('creditLimits.history')}</Title>
        {changes.length === 0 ? (
          <EmptyBlock title={t('creditLimits.noHistory')} description={t('creditLimits.noHistoryHint')} />
        ) : (
          <Table.ScrollContainer minWidth={860}>
            <Table verticalSpacing="sm" data-testid="credit-limit-history">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('creditLimits.columns.effectiveOn')}</Table.Th>
                  <Table.Th>{t('creditLimits.columns.limit')}</Table.Th>
                  <Table.Th>{t('creditLimits.columns.term')}</Table.Th>
                  <Table.Th>{t('creditLimits.columns.reason')}</Table.Th>
                  <Table.Th>{t('creditLimits.columns.requestedBy')}</Table.Th>
                  <Table.Th>{t('creditLimits.columns.approvedBy')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {[...changes].reverse().map((change) => (
                  <Table.Tr key={change.id} data-testid="credit-limit-change">
                    <Table.Td>
                      <Text size="sm">{change.effectiveOn}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" fw={600}>
                        {vocabulary.money(change.limitFen)}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {t('creditLimits.before', { value: change.previousLimitFen === null ? t('creditLimits.notSet') : vocabulary.money(change.previousLimitFen) })}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{term(change.termDays)}</Text>
                      <Text size="xs" c="dimmed">
                        {t('creditLimits.before', { value: term(change.previousTermDays) })}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{change.reason}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{change.requestedBy.displayName}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Stack gap={2}>
                        {change.approvals.map((approval) => (
                          <Text key={`${approval.stepId}-${approval.by.id}`} size="xs" data-testid="change-approval">
                            {approval.stepName[language]}：
                            {approval.onBehalfOf ? t('approvals.timeline.onBehalf', { actor: approval.by.displayName, principal: approval.onBehalfOf.displayName }) : approval.by.displayName}
                          </Text>
                        ))}
                        <Button size="compact-xs" variant="subtle" onClick={() => navigate(`/approvals/chains/${change.chainId}`)} style={{ alignSelf: 'flex-start' }}>
                          {t('creditLimits.openChain')}
                        </Button>
                      </Stack>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
    </Stack>
  );
}
