import { Alert, Badge, Button, Card, Group, List, Modal, Select, Stack, Table, Text, Title } from '@mantine/core';
import { IconClipboardCheck, IconPlayerPlay, IconUserPlus } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import type { CustomerFile } from '../../../../shared/contract';
import { EVALUATION_KIND_TEXTS, EVALUATION_STATUS_TEXTS } from '../../../../shared/domain/evaluations';
import { MEASURE_TEXTS } from '../../../../shared/domain/scoring';
import { call } from '../../api/client';
import { useArchiveQuery } from '../../api/hooks';
import { useCurrentUser } from '../../api/session';
import { allows } from '../../api/permissions';
import { useErrorText } from '../../app/errors';
import { EmptyBlock, ErrorState, LoadingState } from '../../app/ui/States';
import { useVocabulary } from '../../app/vocabulary';
import { gradeName, useLang, useText } from './words';

const OPEN = ['draft', 'in_approval', 'published', 'objection', 'reopened'];

/**
 * 信用评审 in the customer file: every evaluation of the customer with its model and
 * version, score, grade, reviewers, decision, publications and objections; the result in
 * force with the grade's measures; and starting a review (periodic, or a new customer's).
 */
export function EvaluationsTab({ file, purpose }: { file: CustomerFile; purpose: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const text = useText();
  const navigate = useNavigate();
  const vocabulary = useVocabulary();
  const user = useCurrentUser();
  const customerId = file.basics.id;
  const list = useArchiveQuery('evaluations.list', { customerId, purpose }, { staleTime: 0 });
  const [starting, setStarting] = useState<'periodic' | 'new' | null>(null);
  const current = list.data?.find((e) => e.status === 'final');
  const currentDetail = useArchiveQuery('evaluations.get', { evaluationId: current?.id ?? '', purpose }, { enabled: current !== undefined });
  if (list.isPending) return <LoadingState />;
  if (list.isError) return <ErrorState error={list.error} onRetry={() => void list.refetch()} />;
  const rows = list.data;
  const open = rows.find((e) => OPEN.includes(e.status));
  const mayStart = allows(user, 'evaluations.start') && !open;
  const isNew = !rows.some((e) => e.status === 'final');
  const openEvaluation = (id: string) => navigate(`/evaluations/${id}`, { state: { purpose } });
  const decision = currentDetail.data?.evaluation.decisions.at(-1);

  return (
    <Stack gap="lg" data-testid="evaluations-tab">
      <Card withBorder radius="md" padding="md" bg="var(--mantine-color-teal-0)">
        <Group justify="space-between" align="flex-start">
          {file.basics.grade ? (
            <Stack gap={4} data-testid="current-grade">
              <Group gap="xl">
                <Stack gap={0}>
                  <Text size="xs" c="dimmed">
                    {t('evaluations.tab.grade')}
                  </Text>
                  <Text fw={700} size="lg" data-testid="file-grade">
                    {gradeName(file.basics.grade, current?.grade === file.basics.grade && current.gradeLabel ? text(current.gradeLabel) : null)}
                  </Text>
                </Stack>
                <Stack gap={0}>
                  <Text size="xs" c="dimmed">
                    {t('evaluations.tab.limit')}
                  </Text>
                  <Text fw={700} size="lg" data-testid="file-limit">
                    {file.basics.creditLimitFen === null ? t('evaluations.tab.notSet') : vocabulary.money(file.basics.creditLimitFen)}
                  </Text>
                </Stack>
                <Stack gap={0}>
                  <Text size="xs" c="dimmed">
                    {t('evaluations.tab.term')}
                  </Text>
                  <Text fw={700} size="lg" data-testid="file-term">
                    {file.basics.creditTermDays === null ? t('evaluations.tab.notSet') : t('evaluations.days', { count: file.basics.creditTermDays })}
                  </Text>
                </Stack>
                {current?.finalOn && (
                  <Stack gap={0}>
                    <Text size="xs" c="dimmed">
                      {t('evaluations.tab.since')}
                    </Text>
                    <Text fw={600}>{current.finalOn}</Text>
                  </Stack>
                )}
              </Group>
              {decision && (
                <>
                  <Text size="xs" c="dimmed" mt={4}>
                    {t('evaluations.decision.measures')}
                  </Text>
                  <List size="sm" spacing={2} data-testid="file-measures">
                    {decision.policy.measures.map((m) => (
                      <List.Item key={m}>{MEASURE_TEXTS[m][lang]}</List.Item>
                    ))}
                  </List>
                </>
              )}
            </Stack>
          ) : (
            <Text size="sm" c="dimmed" data-testid="current-grade">
              {t('evaluations.tab.neverGraded')}
            </Text>
          )}
          {mayStart && (
            <Group gap="xs">
              {isNew && (
                <Button size="xs" variant="light" leftSection={<IconUserPlus size={16} />} onClick={() => setStarting('new')} data-testid="start-new-customer-review">
                  {t('evaluations.start.newCustomer')}
                </Button>
              )}
              <Button size="xs" leftSection={<IconPlayerPlay size={16} />} onClick={() => setStarting('periodic')} data-testid="start-periodic-review">
                {t('evaluations.start.periodic')}
              </Button>
            </Group>
          )}
        </Group>
      </Card>
      {open && (
        <Alert color="blue" variant="light" icon={<IconClipboardCheck size={18} />} data-testid="open-evaluation">
          <Group justify="space-between">
            <Text size="sm">{t('evaluations.tab.openLine', { model: text(open.model.name), status: EVALUATION_STATUS_TEXTS[open.status][lang], day: open.startedOn })}</Text>
            <Button size="xs" variant="light" onClick={() => openEvaluation(open.id)}>
              {t('evaluations.tab.open')}
            </Button>
          </Group>
        </Alert>
      )}
      <Stack gap="xs">
        <Title order={5}>{t('evaluations.tab.history')}</Title>
        {rows.length === 0 ? (
          <EmptyBlock title={t('evaluations.tab.none')} description={t('evaluations.tab.noneHint')} />
        ) : (
          <Table.ScrollContainer minWidth={980}>
            <Table verticalSpacing="sm" highlightOnHover data-testid="evaluation-list">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('evaluations.tab.columns.started')}</Table.Th>
                  <Table.Th>{t('evaluations.tab.columns.model')}</Table.Th>
                  <Table.Th ta="right">{t('evaluations.tab.columns.score')}</Table.Th>
                  <Table.Th>{t('evaluations.tab.columns.grade')}</Table.Th>
                  <Table.Th>{t('evaluations.tab.columns.reviewers')}</Table.Th>
                  <Table.Th>{t('evaluations.tab.columns.status')}</Table.Th>
                  <Table.Th>{t('evaluations.tab.columns.publication')}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((e) => (
                  <Table.Tr key={e.id} data-testid="evaluation-row" data-status={e.status} style={{ cursor: 'pointer' }} onClick={() => openEvaluation(e.id)}>
                    <Table.Td>
                      <Text size="sm">{e.startedOn}</Text>
                      <Text size="xs" c="dimmed">
                        {EVALUATION_KIND_TEXTS[e.kind][lang]}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{text(e.model.name)}</Text>
                      <Text size="xs" c="dimmed">
                        {t('evaluations.modelVersion', { version: e.model.version })}
                      </Text>
                    </Table.Td>
                    <Table.Td ta="right">
                      <Text size="sm" fw={700}>
                        {e.scoreText ?? '—'}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      {e.grade ? (
                        <Group gap={4}>
                          <Text size="sm" fw={700}>
                            {gradeName(e.grade, e.gradeLabel ? text(e.gradeLabel) : null)}
                          </Text>
                          {e.overridden && (
                            <Badge size="xs" color="grape" variant="light">
                              {t('evaluations.decision.overridden')}
                            </Badge>
                          )}
                        </Group>
                      ) : (
                        <Text size="sm" c="dimmed">
                          —
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{e.reviewers.map((r) => r.displayName).join(lang === 'zh-CN' ? '、' : ', ')}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Badge variant="light" color={e.status === 'final' ? 'teal' : e.status === 'rejected' || e.status === 'cancelled' ? 'gray' : 'blue'}>
                        {EVALUATION_STATUS_TEXTS[e.status][lang]}
                      </Badge>
                      {e.round > 1 && (
                        <Text size="xs" c="dimmed">
                          {t('evaluations.tab.rounds', { count: e.round })}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Text size="xs">{t('evaluations.tab.publications', { count: e.publications })}</Text>
                      <Text size="xs" c={e.objections > 0 ? 'orange' : 'dimmed'}>
                        {t('evaluations.tab.objections', { count: e.objections })}
                      </Text>
                      {e.finalOn && (
                        <Text size="xs" c="dimmed">
                          {t('evaluations.tab.finalOn', { day: e.finalOn })}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Button size="compact-xs" variant="subtle" data-testid="open-evaluation-row">
                        {t('evaluations.tab.open')}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
      {starting && <StartModal file={file} purpose={purpose} kind={starting} onClose={() => setStarting(null)} />}
    </Stack>
  );
}

/**
 * Starting a review: the model (the periodic form by default; the new-customer form for a
 * new customer), and the customer's 客户经理 and 客服经理 when the file does not name them
 * yet (the file's own are used when it does).
 */
function StartModal({ file, purpose, kind, onClose }: { file: CustomerFile; purpose: string; kind: 'periodic' | 'new'; onClose: () => void }) {
  const { t } = useTranslation();
  const text = useText();
  const navigate = useNavigate();
  const client = useQueryClient();
  const errorText = useErrorText();
  const models = useArchiveQuery('evaluations.models', {});
  const colleagues = useArchiveQuery('approvals.colleagues', {});
  const [model, setModel] = useState<string | null>(kind === 'new' ? 'new_customer' : 'periodic_review');
  const [accountManager, setAccountManager] = useState<string | null>(null);
  const [serviceManager, setServiceManager] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const offered = (models.data ?? []).filter((m) => m.published !== null && (kind === 'new' ? m.kind === 'new_customer' : m.kind !== 'new_customer'));
  const people = (colleagues.data ?? []).map((c) => ({ value: c.id, label: `${c.displayName}（${c.departmentName}）` }));
  const start = async () => {
    if (!model) return;
    setPending(true);
    setProblem(null);
    try {
      const started = await call('evaluations.start', {
        customerId: file.basics.id,
        modelId: model,
        ...(accountManager ? { accountManagerId: accountManager } : {}),
        ...(serviceManager ? { serviceManagerId: serviceManager } : {}),
      });
      await client.invalidateQueries({ queryKey: ['evaluations.list'] });
      onClose();
      navigate(`/evaluations/${started.evaluation.id}`, { state: { purpose } });
    } catch (error) {
      setProblem(errorText(error));
    } finally {
      setPending(false);
    }
  };
  return (
    <Modal opened onClose={onClose} title={kind === 'new' ? t('evaluations.start.newTitle') : t('evaluations.start.periodicTitle')} size="md" data-testid="start-evaluation">
      <Stack>
        <Text size="sm" fw={600}>
          {file.basics.name}
        </Text>
        {models.isPending ? (
          <LoadingState />
        ) : models.isError ? (
          <ErrorState error={models.error} onRetry={() => void models.refetch()} />
        ) : (
          <Select
            label={t('evaluations.start.model')}
            required
            data={offered.map((m) => ({ value: m.id, label: `${text(m.name)}（${t('evaluations.modelVersion', { version: m.published })}）` }))}
            value={model}
            onChange={setModel}
            allowDeselect={false}
            data-testid="start-model"
          />
        )}
        <Text size="xs" c="dimmed">
          {t('evaluations.start.managersHint')}
        </Text>
        <Select label={t('evaluations.start.accountManager')} searchable clearable data={people} value={accountManager} onChange={setAccountManager} data-testid="start-account-manager" />
        <Select label={t('evaluations.start.serviceManager')} searchable clearable data={people} value={serviceManager} onChange={setServiceManager} data-testid="start-service-manager" />
        {problem && (
          <Alert color="red" variant="light" role="alert" data-testid="start-problem">
            {problem}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('app.cancel')}
          </Button>
          <Button loading={pending} disabled={!model} onClick={() => void start()} data-testid="start-submit">
            {t('evaluations.start.submit')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
