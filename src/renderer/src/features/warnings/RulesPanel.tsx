import { Alert, Badge, Button, Group, NumberInput, Stack, Switch, Table, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodName } from '../../../../shared/contract';
import { THRESHOLD_UNIT_TEXTS, WARNING_RULE_TEXTS, WARNING_SEVERITY_TEXTS, WARNING_THRESHOLD_TEXTS, type WarningRule } from '../../../../shared/domain/warnings';
import { useArchiveMutation, useArchiveQuery } from '../../api/hooks';
import { allows } from '../../api/permissions';
import { useCurrentUser } from '../../api/session';
import { useErrorText } from '../../app/errors';
import { ErrorState, LoadingState } from '../../app/ui/States';
import { SEVERITY_COLOR, localMoment, useLang } from './format';

const SET: MethodName = 'warnings.setRules';

/** The rules as data: each on or off with its threshold (the credit manager edits them). */
export function RulesPanel() {
  const { t } = useTranslation();
  const lang = useLang();
  const errorText = useErrorText();
  const user = useCurrentUser();
  const editable = allows(user, SET);
  const rules = useArchiveQuery('warnings.rules', {}, { staleTime: 0 });
  const save = useArchiveMutation('warnings.setRules', { invalidates: ['warnings.rules', 'warnings.list', 'customers.search'] });
  const [draft, setDraft] = useState<Record<string, { enabled: boolean; threshold: number | string }>>({});
  useEffect(() => {
    if (rules.data) setDraft(Object.fromEntries(rules.data.map((r) => [r.rule, { enabled: r.enabled, threshold: r.threshold }])));
  }, [rules.data]);
  if (rules.isPending) return <LoadingState />;
  if (rules.isError) return <ErrorState error={rules.error} onRetry={() => void rules.refetch()} />;
  const invalid = rules.data.some((r) => {
    const v = draft[r.rule]?.threshold;
    return typeof v !== 'number' || !Number.isInteger(v) || v < r.min || v > r.max;
  });
  return (
    <Stack gap="md" data-testid="rules-panel">
      {!editable && (
        <Text size="sm" c="dimmed">
          {t('warnings.rules.readOnly')}
        </Text>
      )}
      <Table.ScrollContainer minWidth={900}>
        <Table verticalSpacing="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('warnings.rules.enabled')}</Table.Th>
              <Table.Th>{t('warnings.rules.rule')}</Table.Th>
              <Table.Th>{t('warnings.rules.severity')}</Table.Th>
              <Table.Th>{t('warnings.rules.threshold')}</Table.Th>
              <Table.Th>{t('warnings.rules.meaning')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rules.data.map((r) => {
              const d = draft[r.rule] ?? { enabled: r.enabled, threshold: r.threshold };
              const set = (patch: Partial<typeof d>) => setDraft((all) => ({ ...all, [r.rule]: { ...d, ...patch } }));
              return (
                <Table.Tr key={r.rule} data-testid={`rule-${r.rule}`}>
                  <Table.Td>
                    <Switch checked={d.enabled} disabled={!editable} onChange={(e) => set({ enabled: e.currentTarget.checked })} aria-label={WARNING_RULE_TEXTS[r.rule as WarningRule][lang]} />
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" fw={600}>
                      {WARNING_RULE_TEXTS[r.rule][lang]}
                    </Text>
                    {r.updatedBy && r.updatedAt && (
                      <Text size="xs" c="dimmed">
                        {t('warnings.rules.updated', { who: r.updatedBy.displayName, at: localMoment(r.updatedAt) })}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Badge color={SEVERITY_COLOR[r.severity]} variant="light">
                      {WARNING_SEVERITY_TEXTS[r.severity][lang]}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <Group gap={6} wrap="nowrap">
                      <NumberInput
                        w={100}
                        size="xs"
                        min={r.min}
                        max={r.max}
                        allowDecimal={false}
                        value={d.threshold}
                        disabled={!editable}
                        onChange={(v) => set({ threshold: v })}
                        error={typeof d.threshold !== 'number' || d.threshold < r.min || d.threshold > r.max ? t('warnings.rules.range', { min: r.min, max: r.max }) : undefined}
                        data-testid={`threshold-${r.rule}`}
                      />
                      <Text size="sm">{THRESHOLD_UNIT_TEXTS[r.unit][lang]}</Text>
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" c="dimmed">
                      {WARNING_THRESHOLD_TEXTS[r.rule][lang]}（{t('warnings.rules.range', { min: r.min, max: r.max })}）
                    </Text>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {editable && (
        <Group>
          <Button
            disabled={invalid}
            loading={save.isPending}
            onClick={() => save.mutate({ rules: rules.data.map((r) => ({ rule: r.rule, enabled: draft[r.rule]!.enabled, threshold: Number(draft[r.rule]!.threshold) })) })}
            data-testid="rules-save"
          >
            {t('warnings.rules.save')}
          </Button>
          {save.isSuccess && (
            <Text size="sm" c="green">
              {t('warnings.rules.saved')}
            </Text>
          )}
        </Group>
      )}
      {save.isError && <Alert color="red">{errorText(save.error)}</Alert>}
    </Stack>
  );
}
