import { Alert, Badge, Button, Card, Group, List, ScrollArea, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconEdit, IconMinus, IconPlus } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Output } from '../../../../../shared/contract';
import { CROSSWALK_PROBLEM_TEXTS, validateCrosswalk, type Crosswalk, type GradeScale } from '../../../../../shared/domain/scoring';
import { useArchiveMutation, useArchiveQuery } from '../../../api/hooks';
import { allows } from '../../../api/permissions';
import { useCurrentUser } from '../../../api/session';
import { useErrorText } from '../../../app/errors';
import { ErrorState, LoadingState } from '../../../app/ui/States';
import { gradeName, useLang } from './format';

type Data = Output<'evaluations.crosswalk'>;

/** 等级对照: every grade of every scale on one common order, shown as a matrix and edited per grade. */
export function CrosswalkPanel() {
  const crosswalk = useArchiveQuery('evaluations.crosswalk', {}, { staleTime: 0 });
  if (crosswalk.isPending) return <LoadingState />;
  if (crosswalk.isError) return <ErrorState error={crosswalk.error} onRetry={() => void crosswalk.refetch()} />;
  return <CrosswalkEditor key={crosswalk.data.crosswalk.version} data={crosswalk.data} />;
}

function CrosswalkEditor({ data }: { data: Data }) {
  const { t } = useTranslation();
  const lang = useLang();
  const errorText = useErrorText();
  const user = useCurrentUser();
  const canEdit = allows(user, 'evaluations.setCrosswalk');
  const save = useArchiveMutation('evaluations.setCrosswalk', { invalidates: ['evaluations.crosswalk'] });
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState<Crosswalk>(() => structuredClone(data.crosswalk));
  const shown = editing ? draft : data.crosswalk;
  const problems = useMemo(() => (editing ? validateCrosswalk(draft, data.scales) : []), [editing, draft, data.scales]);
  const scaleOf = (code: string) => data.scales.find((s) => s.code === code);
  const rankOf = (scale: string, grade: string) => shown.entries.find((e) => e.scale === scale && e.grade === grade)?.rank ?? null;

  const setRank = (scale: string, grade: string, rank: number | null) =>
    setDraft((c) => {
      const rest = c.entries.filter((e) => !(e.scale === scale && e.grade === grade));
      return { ...c, entries: rank === null ? rest : [...rest, { scale, grade, rank }] };
    });
  const setRankLabel = (i: number, value: string) =>
    setDraft((c) => ({ ...c, ranks: c.ranks.map((r, k) => (k === i ? { ...r, [lang]: value } : r)) }));
  const addRank = () => setDraft((c) => ({ ...c, ranks: [...c.ranks, { 'zh-CN': `序位 ${c.ranks.length + 1}`, 'en-US': `Rank ${c.ranks.length + 1}` }] }));
  const removeRank = () => setDraft((c) => ({ ...c, ranks: c.ranks.slice(0, -1) }));

  const problemText = (p: (typeof problems)[number]) => {
    const scale = scaleOf(p.scale);
    const grade = scale?.grades.find((g) => g.code === p.grade);
    const where = [scale ? scale.label[lang] : p.scale, grade ? gradeName(grade, lang) : p.grade].filter(Boolean).join(' · ');
    return `${where}：${CROSSWALK_PROBLEM_TEXTS[p.code][lang]}`;
  };

  const submit = () =>
    save.mutate(
      { ranks: draft.ranks, entries: [...draft.entries].sort((a, b) => a.scale.localeCompare(b.scale) || a.rank - b.rank) },
      {
        onSuccess: (saved) => {
          setEditing(false);
          notifications.show({ color: 'green', message: t('evaluationModels.crosswalk.saved', { version: saved.version }) });
        },
      },
    );

  return (
    <Stack gap="lg">
      <Card withBorder radius="md" padding="lg">
        <Group justify="space-between" align="flex-start" mb="sm">
          <Stack gap={4} maw={760}>
            <Group gap="xs">
              <Title order={4}>{t('evaluationModels.crosswalk.title')}</Title>
              <Badge tt="none" variant="light" data-testid="crosswalk-version">
                {t('evaluationModels.crosswalk.version', { version: data.crosswalk.version })}
              </Badge>
            </Group>
            <Text size="sm" c="dimmed">
              {t('evaluationModels.crosswalk.hint')}
            </Text>
          </Stack>
          {canEdit &&
            (editing ? (
              <Group gap="xs">
                <Button variant="default" onClick={() => (setEditing(false), setDraft(structuredClone(data.crosswalk)))}>
                  {t('evaluationModels.crosswalk.cancel')}
                </Button>
                <Button onClick={submit} loading={save.isPending} disabled={problems.length > 0} data-testid="save-crosswalk">
                  {t('evaluationModels.crosswalk.save')}
                </Button>
              </Group>
            ) : (
              <Button variant="light" leftSection={<IconEdit size={16} />} onClick={() => setEditing(true)} data-testid="edit-crosswalk">
                {t('evaluationModels.crosswalk.edit')}
              </Button>
            ))}
        </Group>
        {problems.length > 0 && (
          <Alert color="red" variant="light" title={t('evaluationModels.crosswalk.problems')} mb="md" data-testid="crosswalk-problems">
            <List size="sm">
              {problems.map((p, i) => (
                <List.Item key={i}>{problemText(p)}</List.Item>
              ))}
            </List>
          </Alert>
        )}
        {save.isError && (
          <Alert color="red" variant="light" mb="md">
            {errorText(save.error)}
          </Alert>
        )}
        <ScrollArea type="auto">
          <Table withTableBorder withColumnBorders verticalSpacing="xs" miw={900} data-testid="crosswalk-matrix">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={200}>{t('evaluationModels.crosswalk.rank')}</Table.Th>
                {data.scales.map((scale) => (
                  <Table.Th key={scale.code}>{scale.label[lang]}</Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {shown.ranks.map((rank, i) => (
                <Table.Tr key={i} data-testid="crosswalk-rank" data-rank={i + 1}>
                  <Table.Td>
                    {editing ? (
                      <Group gap={6} wrap="nowrap">
                        <Text fw={600} w={18}>
                          {i + 1}
                        </Text>
                        <TextInput size="xs" value={rank[lang]} onChange={(e) => setRankLabel(i, e.currentTarget.value)} aria-label={t('evaluationModels.crosswalk.rankLabel')} />
                      </Group>
                    ) : (
                      <Text fw={600}>
                        {i + 1} {rank[lang]}
                      </Text>
                    )}
                  </Table.Td>
                  {data.scales.map((scale) => (
                    <Table.Td key={scale.code}>
                      <Group gap={4}>
                        {scale.grades
                          .filter((g) => rankOf(scale.code, g.code) === i + 1)
                          .map((g) => (
                            <Badge tt="none" key={g.code} variant="light" color={['green', 'teal', 'blue', 'orange', 'red'][Math.min(i, 4)]} data-testid="crosswalk-grade" data-scale={scale.code} data-grade={g.code}>
                              {gradeName(g, lang)}
                            </Badge>
                          ))}
                      </Group>
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea>
        {editing && (
          <Group gap="xs" mt="sm">
            <Button size="xs" variant="subtle" leftSection={<IconPlus size={14} />} onClick={addRank} disabled={draft.ranks.length >= 20}>
              {t('evaluationModels.crosswalk.addRank')}
            </Button>
            <Button size="xs" variant="subtle" color="red" leftSection={<IconMinus size={14} />} onClick={removeRank} disabled={draft.ranks.length <= 1}>
              {t('evaluationModels.crosswalk.removeRank')}
            </Button>
          </Group>
        )}
      </Card>
      {editing && (
        <Card withBorder radius="md" padding="lg" data-testid="crosswalk-edit">
          <Stack gap="md">
            {data.scales.map((scale) => (
              <ScaleRanks key={scale.code} scale={scale} ranks={draft.ranks} rankOf={(g) => rankOf(scale.code, g)} onChange={(g, r) => setRank(scale.code, g, r)} />
            ))}
          </Stack>
        </Card>
      )}
    </Stack>
  );
}

function ScaleRanks({ scale, ranks, rankOf, onChange }: { scale: GradeScale; ranks: Crosswalk['ranks']; rankOf: (grade: string) => number | null; onChange: (grade: string, rank: number | null) => void }) {
  const lang = useLang();
  const { t } = useTranslation();
  const options = ranks.map((r, i) => ({ value: String(i + 1), label: `${i + 1} ${r[lang]}` }));
  return (
    <Stack gap={6}>
      <Text fw={600} size="sm">
        {scale.label[lang]}
      </Text>
      <Group gap="md" align="flex-end">
        {scale.grades.map((g) => {
          const rank = rankOf(g.code);
          return (
            <Select
              key={g.code}
              size="xs"
              w={170}
              label={gradeName(g, lang)}
              placeholder={t('evaluationModels.crosswalk.rank')}
              data={options}
              value={rank === null ? null : String(rank)}
              onChange={(v) => onChange(g.code, v === null ? null : Number(v))}
              data-testid="crosswalk-select"
              data-scale={scale.code}
              data-grade={g.code}
            />
          );
        })}
      </Group>
    </Stack>
  );
}
