import { Group, NumberInput, Select, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fenToYuanText, parseYuan } from '../../../../../shared/domain/money';
import type { CreditLimitRule } from '../../../../../shared/domain/scoring';
import { MoneyInput } from '../../../app/ui/inputs';

// The inputs of the model editor: whole numbers that may be left empty while typing (an
// empty one is NaN, which the shared validation names), money in yuan read exactly, and
// the credit-limit rule of a grade.

/** A number from a NumberInput: '' (cleared) is NaN, so the model's check reports it. */
export const numberOf = (value: number | string): number => (value === '' ? Number.NaN : Number(value));
/** A number shown in a NumberInput: NaN is an empty field. */
export const shown = (value: number | null): number | string => (value === null || Number.isNaN(value) ? '' : value);

/** Yuan typed, fen kept: parsed by the one money parser, never through floating point. */
export function YuanInput({
  label,
  fen,
  onChange,
  nullable = false,
  testId,
}: {
  label: string;
  fen: number | null;
  onChange: (fen: number | null) => void;
  nullable?: boolean;
  testId?: string;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState(fen === null || Number.isNaN(fen) ? '' : fenToYuanText(fen));
  const [bad, setBad] = useState(false);
  return (
    <MoneyInput
      size="xs"
      label={label}
      value={text}
      w={150}
      data-testid={testId}
      error={bad ? t('evaluationModels.editor.moneyInvalid') : undefined}
      onChange={(event) => {
        const value = event.currentTarget.value;
        setText(value);
        const read = parseYuan(value);
        if (read === null) {
          setBad(!nullable);
          onChange(nullable ? null : Number.NaN);
        } else if (read.ok) {
          setBad(false);
          onChange(read.fen);
        } else {
          setBad(true);
          onChange(Number.NaN);
        }
      }}
    />
  );
}

/** A grade's credit-limit rule: none, a fixed amount, or a share of the average monthly sales (with an optional cap). */
export function LimitRuleInput({ label, rule, onChange, testId }: { label: string; rule: CreditLimitRule; onChange: (rule: CreditLimitRule) => void; testId?: string }) {
  const { t } = useTranslation();
  const kinds = (['none', 'fixed', 'monthly_sales'] as const).map((k) => ({ value: k, label: t(`evaluationModels.editor.limitKind.${k}`) }));
  return (
    <Stack gap={6} data-testid={testId}>
      <Select
        size="xs"
        label={label}
        data={kinds}
        value={rule.kind}
        allowDeselect={false}
        w={200}
        onChange={(kind) => {
          if (kind === 'none') onChange({ kind: 'none' });
          else if (kind === 'fixed') onChange({ kind: 'fixed', fen: rule.kind === 'fixed' ? rule.fen : 0 });
          else if (kind === 'monthly_sales') onChange({ kind: 'monthly_sales', months: 1, percent: 100, capFen: null });
        }}
      />
      {rule.kind === 'fixed' && <YuanInput key="fixed" label={t('evaluationModels.editor.fixedAmount')} fen={rule.fen} onChange={(fen) => onChange({ kind: 'fixed', fen: fen ?? Number.NaN })} />}
      {rule.kind === 'monthly_sales' && (
        <Stack gap={4}>
          <Group gap="xs" align="flex-end" wrap="wrap">
            <NumberInput size="xs" w={80} label={t('evaluationModels.editor.months')} value={shown(rule.months)} min={1} max={24} allowDecimal={false} onChange={(v) => onChange({ ...rule, months: numberOf(v) })} />
            <NumberInput size="xs" w={90} label={t('evaluationModels.editor.percent')} value={shown(rule.percent)} min={1} max={1000} allowDecimal={false} suffix="%" onChange={(v) => onChange({ ...rule, percent: numberOf(v) })} />
            <YuanInput key="cap" label={t('evaluationModels.editor.cap')} fen={rule.capFen} nullable onChange={(fen) => onChange({ ...rule, capFen: fen })} />
          </Group>
          <Text size="xs" c="dimmed">
            {t('evaluationModels.editor.monthlySalesRule', { months: shown(rule.months), percent: shown(rule.percent) })}
          </Text>
        </Stack>
      )}
    </Stack>
  );
}

/** A label of the model data edited in the interface language (the other language is kept). */
export function LabelInput({ value, onChange, label, w }: { value: string; onChange: (value: string) => void; label?: string; w?: number | string }) {
  return <TextInput size="xs" value={value} onChange={(e) => onChange(e.currentTarget.value)} aria-label={label} label={undefined} w={w} />;
}
