import { Alert, Badge, Button, Card, Group, Select, Stack, Text, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconArrowRight, IconEye } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Output } from '../../../../../shared/contract';
import { SCORING_REFUSAL_TEXTS, scoreText } from '../../../../../shared/domain/scoring';
import { useArchiveMutation, useArchiveQuery } from '../../../api/hooks';
import { useErrorText } from '../../../app/errors';
import { PurposeModal } from '../../../app/ui/PurposeModal';
import { gradeName, useLang } from './format';

type Preview = Output<'evaluations.previewModel'>;

/** "原 v1 87.5 B → 新 v2 80.0 B": the saved draft against the published version, on one customer's latest evaluation of the model. */
export function PreviewPanel({ modelId, version, ready }: { modelId: string; version: number; ready: boolean }) {
  const { t } = useTranslation();
  const lang = useLang();
  const errorText = useErrorText();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 250);
  const [customer, setCustomer] = useState<{ id: string; name: string } | null>(null);
  const [asking, setAsking] = useState(false);
  const found = useArchiveQuery('customers.search', { text: debounced, offset: 0, limit: 20 }, { enabled: debounced.length >= 2 });
  const preview = useArchiveMutation('evaluations.previewModel');
  const options = (found.data?.rows ?? []).map((r) => ({ value: r.id, label: r.name }));
  if (customer && !options.some((o) => o.value === customer.id)) options.unshift({ value: customer.id, label: customer.name });

  return (
    <Card withBorder radius="md" padding="lg" data-testid="model-preview">
      <Stack gap="sm">
        <Group gap="xs">
          <IconEye size={18} />
          <Title order={4}>{t('evaluationModels.preview.title')}</Title>
        </Group>
        <Text size="sm" c="dimmed">
          {t('evaluationModels.preview.hint')}
        </Text>
        <Select
          label={t('evaluationModels.preview.customer')}
          placeholder={t('evaluationModels.preview.customerPlaceholder')}
          searchable
          data={options}
          searchValue={search}
          onSearchChange={setSearch}
          filter={({ options: all }) => all}
          value={customer?.id ?? null}
          onChange={(id) => {
            const chosen = options.find((o) => o.value === id);
            setCustomer(chosen ? { id: chosen.value, name: chosen.label } : null);
            preview.reset();
          }}
          nothingFoundMessage={debounced.length >= 2 && !found.isFetching ? '—' : undefined}
          data-testid="preview-customer"
        />
        {!ready && (
          <Text size="sm" c="orange" data-testid="preview-needs-saved">
            {t('evaluationModels.preview.needsSaved')}
          </Text>
        )}
        <Group>
          <Button leftSection={<IconEye size={16} />} disabled={!ready || !customer} loading={preview.isPending} onClick={() => setAsking(true)} data-testid="run-preview">
            {t('evaluationModels.preview.run')}
          </Button>
        </Group>
        {preview.isError && (
          <Alert color="red" variant="light">
            {errorText(preview.error)}
          </Alert>
        )}
        {preview.data && <PreviewResult preview={preview.data} lang={lang} />}
      </Stack>
      <PurposeModal
        opened={asking}
        subject={customer?.name ?? null}
        onCancel={() => setAsking(false)}
        onConfirm={(purpose) => {
          setAsking(false);
          if (customer) preview.mutate({ modelId, version, customerId: customer.id, purpose });
        }}
      />
    </Card>
  );
}

function PreviewResult({ preview, lang }: { preview: Preview; lang: 'zh-CN' | 'en-US' }) {
  const { t } = useTranslation();
  if (!preview.ok) {
    return (
      <Alert color="orange" variant="light" data-testid="preview-refused">
        {t('evaluationModels.preview.refused', { side: preview.side === 'old' ? t('evaluationModels.preview.old') : t('evaluationModels.preview.new') })}
        {[...new Set(preview.refusals.map((r) => SCORING_REFUSAL_TEXTS[r.code][lang]))].join('；')}
      </Alert>
    );
  }
  const change = preview.scoreChange;
  const changeText = `${change.num > 0 ? '+' : ''}${scoreText(change)}`;
  return (
    <Stack gap="sm" data-testid="preview-result">
      <Text size="sm" fw={600} data-testid="preview-line">
        {t('evaluationModels.preview.result', {
          oldVersion: preview.old.modelVersion,
          oldScore: preview.old.scoreText,
          oldGrade: preview.old.grade.code,
          newVersion: preview.new.modelVersion,
          newScore: preview.new.scoreText,
          newGrade: preview.new.grade.code,
        })}
      </Text>
      <Group gap="sm" wrap="nowrap" align="stretch">
        <Side title={t('evaluationModels.preview.old')} version={preview.old.modelVersion} score={preview.old.scoreText} grade={gradeName(preview.old.grade, lang)} />
        <IconArrowRight size={20} style={{ alignSelf: 'center', flexShrink: 0 }} />
        <Side title={t('evaluationModels.preview.new')} version={preview.new.modelVersion} score={preview.new.scoreText} grade={gradeName(preview.new.grade, lang)} highlight={preview.gradeChanged} />
      </Group>
      <Group gap="xs">
        <Badge tt="none" variant="light" color={change.num < 0 ? 'red' : change.num > 0 ? 'green' : 'gray'} data-testid="preview-change">
          {t('evaluationModels.preview.change', { change: changeText })}
        </Badge>
        <Badge tt="none" variant="light" color={preview.gradeChanged ? 'orange' : 'gray'} data-testid="preview-grade-changed" data-changed={preview.gradeChanged}>
          {preview.gradeChanged ? t('evaluationModels.preview.gradeChanged') : t('evaluationModels.preview.gradeSame')}
        </Badge>
      </Group>
    </Stack>
  );
}

function Side({ title, version, score, grade, highlight = false }: { title: string; version: number; score: string; grade: string; highlight?: boolean }) {
  return (
    <Card withBorder radius="sm" padding="sm" style={{ flex: 1 }} bg={highlight ? 'var(--mantine-color-orange-0)' : 'var(--mantine-color-gray-0)'}>
      <Text size="xs" c="dimmed">
        {title} · v{version}
      </Text>
      <Text size="xl" fw={700} ff="monospace">
        {score}
      </Text>
      <Text size="sm" fw={600}>
        {grade}
      </Text>
    </Card>
  );
}
