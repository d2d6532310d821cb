import { Alert, Badge, Button, Card, Group, List, Modal, Select, Stack, Switch, Table, Text, Textarea, Title, Tooltip } from '@mantine/core';
import { IconAlertTriangle, IconArrowUpRight, IconChecks, IconGavel } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EvaluationDetail } from '../../../../shared/contract/evaluations';
import { SETTLE_TEXT, SOURCE_TEXTS, lossText, nextGradeText, pointsText, type Lang } from '../../../../shared/domain/scoring';
import { useValueText } from './Sheets';
import type { useAct } from './useAct';
import { actionOf, gradeName, levelCode, nameOf, refusalText, shown, useLang, useText } from './words';

type Act = ReturnType<typeof useAct>;
type Explanation = NonNullable<EvaluationDetail['explanation']>;

/**
 * How the score was reached, once every sheet is in: per item the value or ratings, points,
 * maximum and weight; the reviewers' spread, with items more than one level apart flagged
 * for the credit manager to settle with a note; the three items that lost most; and what
 * the next grade needs.
 */
export function ScoreExplanation({ detail, explanation, act }: { detail: EvaluationDetail; explanation: Explanation; act: Act }) {
  const { t } = useTranslation();
  const lang = useLang();
  const text = useText();
  const valueText = useValueText();
  const settle = actionOf(detail, 'settle_item');
  const [settling, setSettling] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const { evaluation, model } = detail;
  const settlementOf = (item: string) => evaluation.settlements.find((s) => s.item === item);
  const itemLabel = (code: string) => text(model.items.find((i) => i.code === code)?.label);
  return (
    <Stack gap="md" data-testid="explanation">
      <Table.ScrollContainer minWidth={900}>
        <Table withTableBorder withColumnBorders verticalSpacing={6} data-testid="explanation-items">
          <Table.Thead>
            <Table.Tr bg="var(--mantine-color-gray-1)">
              <Table.Th>{t('evaluations.explain.item')}</Table.Th>
              <Table.Th>{t('evaluations.explain.value')}</Table.Th>
              <Table.Th ta="right">{t('evaluations.explain.points')}</Table.Th>
              <Table.Th ta="right">{t('evaluations.explain.max')}</Table.Th>
              <Table.Th ta="right">{t('evaluations.explain.weight')}</Table.Th>
              <Table.Th ta="right">{t('evaluations.explain.contribution')}</Table.Th>
              <Table.Th>{t('evaluations.explain.spread')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {explanation.items.map((item) => {
              const modelItem = model.items.find((i) => i.code === item.item);
              const settled = settlementOf(item.item);
              return (
                <Table.Tr key={item.item} bg={item.needsSettling && !settled ? 'var(--mantine-color-orange-0)' : undefined} data-testid={`explain-${item.item}`}>
                  <Table.Td>
                    <Text size="sm" fw={600}>
                      {text(item.label)}
                    </Text>
                    {evaluation.reopenedItems.includes(item.item) && (
                      <Badge size="xs" variant="light" color="grape">
                        {t('evaluations.explain.reopened')}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {item.kind === 'computed' ? (
                      <Stack gap={0}>
                        <Text size="sm">{modelItem?.kind === 'computed' ? valueText(modelItem, item.value) : item.value}</Text>
                        <Text size="xs" c="dimmed">
                          {text(item.reason)}
                          {item.source && ` · ${SOURCE_TEXTS[item.source][lang]}`}
                        </Text>
                      </Stack>
                    ) : (
                      <Stack gap={0}>
                        <Group gap={4}>
                          {item.ratings.map((r) => (
                            <Tooltip key={r.reviewer} label={nameOf(detail, r.reviewer, '')}>
                              <Badge variant="light" color={item.needsSettling ? 'orange' : 'blue'} size="sm">
                                {nameOf(detail, r.reviewer, '')} {levelCode(r.option) ?? ''} {r.points}
                              </Badge>
                            </Tooltip>
                          ))}
                        </Group>
                        <Text size="xs" c="dimmed">
                          {text(item.reason)}
                        </Text>
                      </Stack>
                    )}
                  </Table.Td>
                  <Table.Td ta="right">
                    <Text size="sm" fw={700}>
                      {pointsText(item.points)}
                    </Text>
                  </Table.Td>
                  <Table.Td ta="right">{item.max}</Table.Td>
                  <Table.Td ta="right">{item.weight}</Table.Td>
                  <Table.Td ta="right">
                    {pointsText(item.contribution)} / {pointsText(item.contributionMax)}
                  </Table.Td>
                  <Table.Td>
                    {item.kind === 'computed' ? (
                      <Text size="xs" c="dimmed">
                        —
                      </Text>
                    ) : item.needsSettling ? (
                      <Stack gap={4}>
                        <Group gap={4}>
                          <IconAlertTriangle size={14} color="var(--mantine-color-orange-7)" />
                          <Text size="xs" c="orange.8" fw={600}>
                            {t('evaluations.explain.levels', { count: item.spread })}
                          </Text>
                        </Group>
                        {settled ? (
                          <Text size="xs" data-testid="settlement-note">
                            {t('evaluations.explain.settledBy', { name: nameOf(detail, settled.by, ''), day: settled.on })}：{settled.note}
                          </Text>
                        ) : (
                          <Text size="xs" c="dimmed">
                            {SETTLE_TEXT[lang]}
                          </Text>
                        )}
                        {settle.allowed && (
                          <Button
                            size="compact-xs"
                            variant="light"
                            color="orange"
                            leftSection={<IconGavel size={12} />}
                            onClick={() => {
                              setSettling(item.item);
                              setNote(settled?.note ?? '');
                            }}
                            data-testid={`settle-${item.item}`}
                            style={{ alignSelf: 'flex-start' }}
                          >
                            {settled ? t('evaluations.explain.settleAgain') : t('evaluations.explain.settle')}
                          </Button>
                        )}
                      </Stack>
                    ) : (
                      <Text size="xs" c="dimmed">
                        {item.spread === 0 ? t('evaluations.explain.agree') : t('evaluations.explain.levels', { count: item.spread })}
                      </Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              );
            })}
            <Table.Tr bg="var(--mantine-color-teal-0)">
              <Table.Td colSpan={5}>
                <Text fw={700}>{t('evaluations.explain.scoreLine', { count: explanation.reviewerTotals.length, totals: explanation.reviewerTotals.map((r) => `${nameOf(detail, r.reviewer, '')} ${r.totalText}`).join(lang === 'zh-CN' ? '，' : ', ') })}</Text>
              </Table.Td>
              <Table.Td colSpan={2}>
                <Text fw={700} data-testid="explain-score">
                  {explanation.scoreText} · {gradeName(explanation.grade.code, text(explanation.grade.label))}
                </Text>
              </Table.Td>
            </Table.Tr>
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Group align="stretch" grow>
        <Card withBorder radius="md" padding="md">
          <Text fw={600} size="sm" mb={6}>
            {t('evaluations.explain.biggestLosses')}
          </Text>
          {explanation.biggestLosses.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('evaluations.explain.noLosses')}
            </Text>
          ) : (
            <List size="sm" spacing={4} data-testid="biggest-losses">
              {explanation.biggestLosses.map((loss) => (
                <List.Item key={loss.item}>{lossText(loss, lang)}</List.Item>
              ))}
            </List>
          )}
        </Card>
        <Card withBorder radius="md" padding="md">
          <Text fw={600} size="sm" mb={6}>
            {t('evaluations.explain.nextGrade')}
          </Text>
          {explanation.nextGrade ? (
            <Group gap={6}>
              <IconArrowUpRight size={18} color="var(--mantine-color-teal-7)" />
              <Text size="sm" fw={600} data-testid="next-grade">
                {nextGradeText(explanation.nextGrade, lang)}
              </Text>
            </Group>
          ) : (
            <Text size="sm" c="dimmed" data-testid="next-grade">
              {t('evaluations.explain.topGrade')}
            </Text>
          )}
        </Card>
      </Group>
      <Modal opened={settling !== null} onClose={() => setSettling(null)} title={t('evaluations.explain.settleTitle', { item: settling ? itemLabel(settling) : '' })}>
        <Stack>
          <Text size="sm" c="dimmed">
            {SETTLE_TEXT[lang]}
          </Text>
          <Textarea label={t('evaluations.explain.settleNote')} required autosize minRows={3} maxLength={1000} value={note} onChange={(e) => setNote(e.currentTarget.value)} data-testid="settle-note" />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setSettling(null)}>
              {t('app.cancel')}
            </Button>
            <Button
              color="orange"
              disabled={note.trim() === ''}
              loading={act.pending}
              onClick={async () => {
                if (settling && (await act.run({ type: 'settle_item', item: settling, note: note.trim() }, t('evaluations.explain.settled')))) setSettling(null);
              }}
              data-testid="settle-submit"
            >
              {t('evaluations.explain.settle')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}

/** The credit manager's consolidation: the computed grade, or an override with its written reason; then the approval chain. */
export function ConsolidatePanel({ detail, explanation, act }: { detail: EvaluationDetail; explanation: Explanation | null; act: Act }) {
  const { t } = useTranslation();
  const lang = useLang();
  const text = useText();
  const consolidate = actionOf(detail, 'consolidate');
  const [override, setOverride] = useState(false);
  const [grade, setGrade] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  if (!shown(consolidate)) return null;
  const { model } = detail;
  const others = model.scale.grades.filter((g) => g.code !== explanation?.grade.code);
  const ready = !override || (grade !== null && reason.trim() !== '');
  return (
    <Card withBorder radius="md" padding="lg" data-testid="consolidate-panel">
      <Stack gap="sm">
        <Group gap="xs">
          <IconChecks size={20} />
          <Title order={5}>{t('evaluations.consolidate.title')}</Title>
        </Group>
        {explanation && (
          <Text size="sm">
            {t('evaluations.consolidate.computed', { score: explanation.scoreText, grade: gradeName(explanation.grade.code, text(explanation.grade.label)) })}
          </Text>
        )}
        {!consolidate.allowed && consolidate.refusal ? (
          <Alert color="gray" variant="light" data-testid="consolidate-refusal">
            {refusalText(consolidate.refusal, model, lang)}
          </Alert>
        ) : (
          <>
            <Switch label={t('evaluations.consolidate.override')} checked={override} onChange={(e) => setOverride(e.currentTarget.checked)} data-testid="override-switch" />
            {override && (
              <Group align="flex-start" grow>
                <Select
                  label={t('evaluations.consolidate.overrideGrade')}
                  required
                  data={others.map((g) => ({ value: g.code, label: gradeName(g.code, g.label[lang as Lang]) }))}
                  value={grade}
                  onChange={setGrade}
                  data-testid="override-grade"
                />
                <Textarea label={t('evaluations.consolidate.overrideReason')} required autosize minRows={2} maxLength={1000} value={reason} onChange={(e) => setReason(e.currentTarget.value)} data-testid="override-reason" />
              </Group>
            )}
            <Group justify="flex-end">
              <Button
                disabled={!ready}
                loading={act.pending}
                onClick={() => void act.run({ type: 'consolidate', override: override && grade ? { grade, reason: reason.trim() } : null }, t('evaluations.consolidate.done'))}
                data-testid="consolidate"
              >
                {t('evaluations.consolidate.submit')}
              </Button>
            </Group>
          </>
        )}
      </Stack>
    </Card>
  );
}
