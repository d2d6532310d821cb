import { Badge, Button, Card, Group, ScrollArea, SimpleGrid, Stack, Table, Tabs, Text, Title } from '@mantine/core';
import { IconEdit } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router-dom';
import type { Output } from '../../../../../shared/contract';
import { useArchiveQuery } from '../../../api/hooks';
import { useLabels } from '../../../app/labels';
import { PageHeader } from '../../../app/ui/PageHeader';
import { EmptyBlock, ErrorState, LoadingState } from '../../../app/ui/States';
import { CrosswalkPanel } from './CrosswalkPanel';
import { SettingsPanel } from './SettingsPanel';
import { MODEL_KINDS } from '../../../../../shared/domain/scoring';
import { gradeName, useLang, useText } from './format';

type Summary = Output<'evaluations.models'>[number];
const TABS = ['models', 'crosswalk', 'settings'] as const;
type Tab = (typeof TABS)[number];

/** 评分模型: the four models with their versions, the grade crosswalk and the review settings, for the credit manager. */
export function ModelsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const asked = params.get('tab');
  const tab: Tab = (TABS as readonly string[]).includes(asked ?? '') ? (asked as Tab) : 'models';
  return (
    <>
      <PageHeader title={t('evaluationModels.models.title')} subtitle={t('evaluationModels.models.subtitle')} />
      <Tabs value={tab} onChange={(value) => value && setParams(value === 'models' ? {} : { tab: value }, { replace: true })} keepMounted={false}>
        <Tabs.List mb="md">
          {TABS.map((name) => (
            <Tabs.Tab key={name} value={name} data-testid={`models-tab-${name}`}>
              {t(`evaluationModels.models.tabs.${name}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="models">
          <ModelList />
        </Tabs.Panel>
        <Tabs.Panel value="crosswalk">
          <CrosswalkPanel />
        </Tabs.Panel>
        <Tabs.Panel value="settings">
          <SettingsPanel />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}

function ModelList() {
  const { t } = useTranslation();
  const models = useArchiveQuery('evaluations.models', {}, { staleTime: 0 });
  if (models.isPending) return <LoadingState />;
  if (models.isError) return <ErrorState error={models.error} onRetry={() => void models.refetch()} />;
  if (models.data.length === 0) return <EmptyBlock title={t('evaluationModels.models.empty')} />;
  return (
    <SimpleGrid cols={1} spacing="lg" data-testid="model-list">
      {[...models.data].sort((a, b) => MODEL_KINDS.indexOf(a.kind) - MODEL_KINDS.indexOf(b.kind)).map((model) => (
        <ModelCard key={model.id} model={model} />
      ))}
    </SimpleGrid>
  );
}

function ModelCard({ model }: { model: Summary }) {
  const { t } = useTranslation();
  const text = useText();
  const lang = useLang();
  const labels = useLabels();
  const navigate = useNavigate();
  const published = useArchiveQuery('evaluations.model', { modelId: model.id }, { enabled: model.published !== null });
  const newestPublished = model.published;
  return (
    <Card withBorder radius="md" padding="lg" data-testid="model-card" data-model={model.id}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Stack gap={2}>
            <Title order={4}>{text(model.name)}</Title>
            <Text size="xs" c="dimmed">
              {t(`evaluationModels.models.kind.${model.kind}`)}
            </Text>
          </Stack>
          <Button
            size="xs"
            variant={model.draft !== null ? 'filled' : 'light'}
            leftSection={<IconEdit size={14} />}
            onClick={() => navigate(`/scoring-models/${model.id}`)}
            data-testid="edit-model"
          >
            {model.draft !== null ? t('evaluationModels.models.editDraft') : t('evaluationModels.models.edit')}
          </Button>
        </Group>
        <Group gap="xs">
          <Badge tt="none" color={model.published !== null ? 'green' : 'gray'} variant="light" data-testid="published-version">
            {model.published !== null ? t('evaluationModels.models.published', { version: model.published }) : t('evaluationModels.models.noPublished')}
          </Badge>
          {model.draft !== null && (
            <Badge tt="none" color="orange" variant="light" data-testid="draft-version">
              {t('evaluationModels.models.draft', { version: model.draft })}
            </Badge>
          )}
          {published.data && (
            <>
              <Badge tt="none" color="gray" variant="outline">
                {t('evaluationModels.models.itemCount', { count: published.data.items.length })}
              </Badge>
              <Badge tt="none" color="gray" variant="outline">
                {published.data.scale.label[lang]}：{published.data.scale.grades.map((g) => gradeName(g, lang)).join(' / ')}
              </Badge>
            </>
          )}
        </Group>
        <Text size="sm" fw={600} mt="xs">
          {t('evaluationModels.models.versions')}
        </Text>
        <ScrollArea type="auto">
          <Table striped verticalSpacing={6} fz="sm" miw={720} style={{ whiteSpace: 'nowrap' }} data-testid="model-versions">
            <Table.Thead>
              <Table.Tr>
                {(['version', 'status', 'savedBy', 'savedAt', 'publishedAt', 'evaluations'] as const).map((c) => (
                  <Table.Th key={c}>{t(`evaluationModels.models.columns.${c}`)}</Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {[...model.versions].reverse().map((v) => {
                const state = v.status === 'draft' ? 'draft' : v.version === newestPublished ? 'published' : 'superseded';
                return (
                  <Table.Tr key={v.version} data-testid="model-version" data-version={v.version} data-state={state}>
                    <Table.Td ff="monospace">v{v.version}</Table.Td>
                    <Table.Td>
                      <Badge tt="none" size="sm" variant="light" color={state === 'draft' ? 'orange' : state === 'published' ? 'green' : 'gray'}>
                        {t(`evaluationModels.models.status.${state}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td>{v.savedBy.displayName}</Table.Td>
                    <Table.Td>{labels.dateTime(v.savedAt)}</Table.Td>
                    <Table.Td>{v.publishedAt ? labels.dateTime(v.publishedAt) : '—'}</Table.Td>
                    <Table.Td ta="right">{v.evaluations}</Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </ScrollArea>
      </Stack>
    </Card>
  );
}
