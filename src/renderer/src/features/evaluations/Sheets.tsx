import { Alert, Badge, Button, Card, Group, Modal, NumberInput, Radio, Stack, Table, Text, Textarea, Title, Tooltip } from '@mantine/core';
import { IconEyeOff, IconLock, IconSend } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EvaluationDetail } from '../../../../shared/contract/evaluations';
import { REVIEWER_ORIGIN_TEXTS } from '../../../../shared/domain/evaluations';
import { SOURCE_TEXTS, bandFor, gradeFor, scoreEvaluation, scoreText, type ComputedItem, type RatedItem } from '../../../../shared/domain/scoring';
import { useCurrentUser } from '../../api/session';
import { actionOf, gradeName, levelCode, nameOf, refusalText, shown, useLang, useText } from './words';
import type { useAct } from './useAct';

type Act = ReturnType<typeof useAct>;

const ratedItems = (detail: EvaluationDetail) => detail.model.items.filter((i): i is RatedItem => i.kind === 'rated');
const computedItems = (detail: EvaluationDetail) => detail.model.items.filter((i): i is ComputedItem => i.kind === 'computed');

/** A computed item's value as the model's unit says. */
export function useValueText(): (item: ComputedItem, value: number | null | undefined) => string {
  const { t } = useTranslation();
  return (item, value) => {
    if (value === null || value === undefined) return t('evaluations.values.missing');
    if (item.unit === 'flag') return value >= 1 ? t('evaluations.values.yes') : t('evaluations.values.no');
    if (item.unit === 'fen') return `¥${(value / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
    return t(`evaluations.values.unit.${item.unit}`, { value: Number.isInteger(value) ? value : value.toFixed(2) });
  };
}

/**
 * The ratings as the paper form shows them: one row per reviewer, for each item the level
 * and its points, the reviewer's total; then the average and the grade. A sheet the viewer
 * may not see yet is a row that says so, without its ratings.
 */
export function RatingsGrid({ detail, act }: { detail: EvaluationDetail; act: Act }) {
  const { t } = useTranslation();
  const lang = useLang();
  const text = useText();
  const items = ratedItems(detail);
  const { evaluation, explanation, model } = detail;
  const returnAction = actionOf(detail, 'return_sheet');
  const [returning, setReturning] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  if (items.length === 0) return null;
  const origin = (reviewer: string) => evaluation.reviewers.find((r) => r.userId === reviewer)?.origin ?? 'added';
  const totalOf = (reviewer: string) => {
    const fromExplanation = explanation?.reviewerTotals.find((r) => r.reviewer === reviewer);
    if (fromExplanation) return fromExplanation.totalText;
    const sheet = evaluation.sheets.find((s) => s.reviewer === reviewer);
    if (!sheet) return null;
    const outcome = scoreEvaluation(model, { sheets: [{ reviewer, ratings: sheet.ratings }], values: evaluation.values });
    return outcome.ok ? scoreText(outcome.score.reviewerTotals[0]!.total) : null;
  };
  const order = evaluation.reviewers.map((r) => r.userId);
  const grade = explanation ? explanation.grade : null;
  return (
    <Stack gap="xs">
      <Table.ScrollContainer minWidth={760}>
        <Table withTableBorder withColumnBorders verticalSpacing={6} data-testid="ratings-grid">
          <Table.Thead>
            <Table.Tr bg="var(--mantine-color-gray-1)">
              <Table.Th>{t('evaluations.grid.reviewer')}</Table.Th>
              {items.map((item) => (
                <Table.Th key={item.code} ta="center">
                  {text(item.label)}
                  <Text size="xs" c="dimmed" fw={400}>
                    {t('evaluations.grid.levelAndPoints')}
                  </Text>
                </Table.Th>
              ))}
              <Table.Th ta="center">{t('evaluations.grid.total')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {order.map((reviewer) => {
              const sheet = evaluation.sheets.find((s) => s.reviewer === reviewer);
              const hidden = evaluation.hiddenSheets.find((h) => h.reviewer === reviewer);
              const who = (
                <Table.Td>
                  <Text size="sm" fw={600}>
                    {REVIEWER_ORIGIN_TEXTS[origin(reviewer)][lang]}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {nameOf(detail, reviewer, t('evaluations.system'))}
                  </Text>
                </Table.Td>
              );
              if (!sheet) {
                return (
                  <Table.Tr key={reviewer} data-testid="sheet-row-hidden" data-reviewer={nameOf(detail, reviewer, '')}>
                    {who}
                    <Table.Td colSpan={items.length + 1}>
                      <Group gap={6} c="dimmed">
                        <IconEyeOff size={16} />
                        <Text size="sm" c="dimmed">
                          {hidden?.submitted ? t('evaluations.grid.hiddenSubmitted') : t('evaluations.grid.hiddenPending')}
                        </Text>
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                );
              }
              const total = totalOf(reviewer);
              return (
                <Table.Tr key={reviewer} data-testid="sheet-row" data-reviewer={nameOf(detail, reviewer, '')}>
                  {who}
                  {items.map((item) => {
                    const option = item.options.find((o) => o.code === sheet.ratings[item.code]);
                    return (
                      <Table.Td key={item.code} ta="center">
                        {option ? (
                          <Tooltip label={text(option.label)}>
                            <Text size="sm">
                              <Text span fw={700}>
                                {levelCode(option.code) ?? text(option.label)}
                              </Text>{' '}
                              {t('evaluations.points', { points: option.points })}
                            </Text>
                          </Tooltip>
                        ) : (
                          <Text size="sm" c="dimmed">
                            —
                          </Text>
                        )}
                      </Table.Td>
                    );
                  })}
                  <Table.Td ta="center">
                    <Group gap={6} justify="center" wrap="nowrap">
                      <Text size="sm" fw={700}>
                        {total ?? '—'}
                      </Text>
                      {sheet.submittedOn ? (
                        <Badge size="xs" variant="light" color="teal">
                          {t('evaluations.grid.submittedOn', { day: sheet.submittedOn })}
                        </Badge>
                      ) : (
                        <Badge size="xs" variant="light" color="gray">
                          {t('evaluations.grid.notSubmitted')}
                        </Badge>
                      )}
                      {returnAction.allowed && sheet.submittedOn && (
                        <Button size="compact-xs" variant="subtle" color="orange" onClick={() => setReturning(reviewer)} data-testid="return-sheet">
                          {t('evaluations.grid.return')}
                        </Button>
                      )}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              );
            })}
            <Table.Tr bg="var(--mantine-color-teal-0)">
              <Table.Td fw={700}>{t('evaluations.grid.average')}</Table.Td>
              <Table.Td colSpan={items.length + 1} data-testid="grid-average">
                {explanation ? (
                  <Group gap="md">
                    <Text fw={700}>{t('evaluations.grid.averageText', { score: explanation.scoreText })}</Text>
                    <Text fw={700}>
                      {t('evaluations.grid.gradeText', { grade: gradeName(grade!.code, text(grade!.label)), meaning: text(grade!.meaning) })}
                    </Text>
                  </Group>
                ) : (
                  <Text size="sm" c="dimmed">
                    {t('evaluations.grid.averagePending')}
                  </Text>
                )}
              </Table.Td>
            </Table.Tr>
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Text size="xs" c="dimmed">
        {t('evaluations.grid.scaleNote', {
          bands: model.scale.bands
            .map((b) => {
              const g = model.scale.grades.find((x) => x.code === b.grade);
              return `${b.from}–${b.to === model.scoreMax ? b.to : b.to - 1} ${gradeName(b.grade, g ? text(g.label) : null)}`;
            })
            .join(lang === 'zh-CN' ? '；' : '; '),
        })}
      </Text>
      <Modal opened={returning !== null} onClose={() => setReturning(null)} title={t('evaluations.grid.returnTitle', { name: returning ? nameOf(detail, returning, '') : '' })}>
        <Stack>
          <Textarea label={t('evaluations.grid.returnReason')} required autosize minRows={3} value={reason} onChange={(e) => setReason(e.currentTarget.value)} data-testid="return-reason" />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setReturning(null)}>
              {t('app.cancel')}
            </Button>
            <Button
              color="orange"
              loading={act.pending}
              disabled={reason.trim() === ''}
              onClick={async () => {
                if (returning && (await act.run({ type: 'return_sheet', reviewer: returning, reason: reason.trim() }, t('evaluations.grid.returned')))) {
                  setReturning(null);
                  setReason('');
                }
              }}
            >
              {t('evaluations.grid.return')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}

/** The computed items: their value from the archive or entered (and marked so), and their band. */
export function ComputedValues({ detail, act, only }: { detail: EvaluationDetail; act: Act; only?: (item: ComputedItem) => boolean }) {
  const { t } = useTranslation();
  const lang = useLang();
  const text = useText();
  const valueText = useValueText();
  const items = computedItems(detail).filter((item) => !only || only(item));
  const setValue = actionOf(detail, 'set_value');
  const [entered, setEntered] = useState<Record<string, number | string>>({});
  if (items.length === 0) return null;
  const { evaluation } = detail;
  // Entered where the archive has no value (and corrected where it was entered); what the archive holds stands.
  const editable = (code: string) => setValue.allowed && evaluation.values[code]?.source !== 'archive' && (evaluation.status === 'draft' || evaluation.reopenedItems.includes(code));
  return (
    <Table withTableBorder withColumnBorders verticalSpacing={6} data-testid="computed-values">
      <Table.Thead>
        <Table.Tr bg="var(--mantine-color-gray-1)">
          <Table.Th>{t('evaluations.values.item')}</Table.Th>
          <Table.Th>{t('evaluations.values.value')}</Table.Th>
          <Table.Th>{t('evaluations.values.band')}</Table.Th>
          <Table.Th ta="right">{t('evaluations.values.points')}</Table.Th>
          <Table.Th>{t('evaluations.values.source')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {items.map((item) => {
          const v = evaluation.values[item.code] ?? null;
          const band = v ? bandFor(item, v.value) : null;
          return (
            <Table.Tr key={item.code} data-testid={`value-${item.code}`}>
              <Table.Td>
                <Text size="sm" fw={600}>
                  {text(item.label)}
                </Text>
                {item.group && (
                  <Text size="xs" c="dimmed">
                    {text(detail.model.groups[item.group])}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Text size="sm" c={v ? undefined : 'orange'}>
                  {valueText(item, v?.value)}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{band ? text(band.label) : '—'}</Text>
              </Table.Td>
              <Table.Td ta="right">
                <Text size="sm" fw={600}>
                  {band ? `${band.points} / ${Math.max(...item.bands.map((b) => b.points))}` : '—'}
                </Text>
              </Table.Td>
              <Table.Td>
                {editable(item.code) ? (
                  <Group gap={6} wrap="nowrap">
                    <NumberInput
                      size="xs"
                      w={120}
                      aria-label={t('evaluations.values.enterFor', { item: text(item.label) })}
                      value={entered[item.code] ?? ''}
                      onChange={(value) => setEntered((e) => ({ ...e, [item.code]: value }))}
                      decimalScale={2}
                    />
                    <Button
                      size="compact-xs"
                      variant="light"
                      disabled={typeof entered[item.code] !== 'number'}
                      loading={act.pending}
                      onClick={() => void act.run({ type: 'set_value', item: item.code, value: entered[item.code] as number }, t('evaluations.values.entered'))}
                    >
                      {t('evaluations.values.enter')}
                    </Button>
                    {v && (
                      <Badge size="xs" variant="light" color={v.source === 'entered' ? 'orange' : 'teal'}>
                        {SOURCE_TEXTS[v.source][lang]}
                      </Badge>
                    )}
                  </Group>
                ) : v ? (
                  <Badge size="sm" variant="light" color={v.source === 'entered' ? 'orange' : 'teal'}>
                    {SOURCE_TEXTS[v.source][lang]}
                  </Badge>
                ) : (
                  <Text size="xs" c="dimmed">
                    {t('evaluations.values.toEnter')}
                  </Text>
                )}
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}

/**
 * The viewer's own sheet, while it is theirs to fill: each rated item's levels with the
 * seed's wording and points, the live total by the shared scoring, the opinion; saved as
 * it is, then submitted (after which the other sheets become visible).
 */
export function OwnSheet({ detail, act }: { detail: EvaluationDetail; act: Act }) {
  const { t } = useTranslation();
  const lang = useLang();
  const text = useText();
  const me = useCurrentUser().id;
  const { evaluation, model } = detail;
  const own = evaluation.sheets.find((s) => s.reviewer === me);
  const save = actionOf(detail, 'save_sheet');
  const submit = actionOf(detail, 'submit_sheet');
  const [ratings, setRatings] = useState<Record<string, string>>(own?.ratings ?? {});
  const [opinion, setOpinion] = useState(own?.opinion ?? '');
  const [confirming, setConfirming] = useState(false);
  const ownKey = JSON.stringify(own ?? null);
  useEffect(() => {
    setRatings(own?.ratings ?? {});
    setOpinion(own?.opinion ?? '');
  }, [ownKey]);
  if (!own || !save.allowed) return null;
  const items = ratedItems(detail);
  const locked = (code: string) => evaluation.status === 'reopened' && !evaluation.reopenedItems.includes(code);
  const live = scoreEvaluation(model, { sheets: [{ reviewer: me, ratings }], values: evaluation.values });
  const unrated = items.filter((i) => ratings[i.code] === undefined).length;
  const liveGrade = live.ok ? gradeFor(live.score.reviewerTotals[0]!.total, model.scale, model.scoreMax) : null;
  const changed = JSON.stringify(ratings) !== JSON.stringify(own.ratings) || opinion !== own.opinion;
  const saveSheet = () => act.run({ type: 'save_sheet', ratings: Object.fromEntries(items.filter((i) => !locked(i.code)).map((i) => [i.code, ratings[i.code] ?? null])), opinion }, t('evaluations.sheet.saved'));
  const submitSheet = async () => {
    if (changed && !(await saveSheet())) return;
    if (await act.run({ type: 'submit_sheet' }, t('evaluations.sheet.submitted'))) setConfirming(false);
  };
  return (
    <Card withBorder radius="md" padding="lg" data-testid="own-sheet">
      <Stack gap="md">
        <Group justify="space-between" align="flex-start">
          <Stack gap={2}>
            <Title order={4}>{t('evaluations.sheet.title')}</Title>
            <Text size="sm" c="dimmed">
              {evaluation.status === 'reopened' ? t('evaluations.sheet.reopenedHint') : t('evaluations.sheet.privateHint')}
            </Text>
          </Stack>
          <Card withBorder padding="sm" radius="md" bg="var(--mantine-color-teal-0)" miw={180}>
            <Text size="xs" c="dimmed">
              {t('evaluations.sheet.liveTotal')}
            </Text>
            {live.ok ? (
              <Text fw={700} size="xl" data-testid="live-total">
                {scoreText(live.score.reviewerTotals[0]!.total)}
                {liveGrade && (
                  <Text span size="sm" fw={600} ml={6}>
                    {gradeName(liveGrade.code, text(liveGrade.label))}
                  </Text>
                )}
              </Text>
            ) : (
              <Text size="sm" c="orange" data-testid="live-total">
                {unrated > 0 ? t('evaluations.sheet.unrated', { count: unrated }) : t('evaluations.sheet.valuesMissing')}
              </Text>
            )}
          </Card>
        </Group>
        {items.map((item) => (
          <Radio.Group
            key={item.code}
            label={
              <Group gap={6}>
                <Text fw={600}>{text(item.label)}</Text>
                {item.group && (
                  <Text size="xs" c="dimmed">
                    {text(model.groups[item.group])}
                  </Text>
                )}
                {locked(item.code) && (
                  <Badge size="xs" variant="light" color="gray" leftSection={<IconLock size={10} />}>
                    {t('evaluations.sheet.locked')}
                  </Badge>
                )}
              </Group>
            }
            value={ratings[item.code] ?? null}
            onChange={(value) => setRatings((r) => ({ ...r, [item.code]: value }))}
            data-testid={`rate-${item.code}`}
          >
            <Group gap="sm" mt={6} align="stretch">
              {item.options.map((option) => (
                <Radio.Card key={option.code} value={option.code} disabled={locked(item.code)} radius="md" p="xs" w={200} data-testid={`option-${item.code}-${option.code}`} aria-label={`${text(item.label)} ${option.code}`}>
                  <Group gap="xs" wrap="nowrap" align="flex-start">
                    <Radio.Indicator disabled={locked(item.code)} />
                    <Stack gap={0}>
                      <Text size="sm" fw={700}>
                        {levelCode(option.code) ? `${option.code}（${t('evaluations.points', { points: option.points })}）` : t('evaluations.points', { points: option.points })}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {text(option.label)}
                      </Text>
                    </Stack>
                  </Group>
                </Radio.Card>
              ))}
            </Group>
          </Radio.Group>
        ))}
        <Textarea label={t('evaluations.sheet.opinion')} description={t('evaluations.sheet.opinionHint')} autosize minRows={2} maxLength={2000} value={opinion} onChange={(e) => setOpinion(e.currentTarget.value)} data-testid="sheet-opinion" />
        {!submit.allowed && submit.refusal && shown(submit) && (
          <Alert color="gray" variant="light">
            {refusalText(submit.refusal, model, lang)}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" disabled={!changed} loading={act.pending} onClick={() => void saveSheet()} data-testid="sheet-save">
            {t('evaluations.sheet.save')}
          </Button>
          <Button leftSection={<IconSend size={16} />} disabled={unrated > 0 || !submit.allowed} onClick={() => setConfirming(true)} data-testid="sheet-submit">
            {t('evaluations.sheet.submit')}
          </Button>
        </Group>
      </Stack>
      <Modal opened={confirming} onClose={() => setConfirming(false)} title={t('evaluations.sheet.confirmTitle')}>
        <Stack>
          <Text size="sm">{t('evaluations.sheet.confirmText', { total: live.ok ? scoreText(live.score.reviewerTotals[0]!.total) : '—' })}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              {t('app.cancel')}
            </Button>
            <Button loading={act.pending} onClick={() => void submitSheet()} data-testid="sheet-submit-confirm">
              {t('evaluations.sheet.submit')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Card>
  );
}
