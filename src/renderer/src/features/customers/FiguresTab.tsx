import { BarChart } from '@mantine/charts';
import { Card, ColorSwatch, Group, Paper, RingProgress, SimpleGrid, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconAlertTriangle, IconCalendarTime, IconCash, IconClockExclamation, IconFileText, IconReceipt } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerFile } from '../../../../shared/contract';
import { useVocabulary } from '../../app/vocabulary';

// 信用指标: the figures the host derives from the file's sales, returns and payments
// (src/shared/domain/receivables.ts), for today.

const BUCKETS = ['d0_30', 'd31_60', 'd61_90', 'over90'] as const;
const BUCKET_COLORS = ['teal.6', 'yellow.6', 'orange.6', 'red.7'] as const;

function Stat({ label, value, hint, icon, color = 'blue', testId }: { label: string; value: ReactNode; hint?: ReactNode; icon: ReactNode; color?: string; testId?: string }) {
  return (
    <Paper withBorder radius="md" p="md" data-testid={testId}>
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Stack gap={4} miw={0}>
          <Text size="xs" c="dimmed">
            {label}
          </Text>
          <Text fw={700} size="lg" style={{ fontVariantNumeric: 'tabular-nums' }}>
            {value}
          </Text>
          {hint && (
            <Text size="xs" c="dimmed">
              {hint}
            </Text>
          )}
        </Stack>
        <ThemeIcon variant="light" color={color} size="lg" radius="md">
          {icon}
        </ThemeIcon>
      </Group>
    </Paper>
  );
}

export function FiguresTab({ file }: { file: CustomerFile }) {
  const { t } = useTranslation();
  const vocabulary = useVocabulary();
  const f = file.figures;
  // One bar per bucket, each its own series so that each has its colour. Yuan as a float
  // are for plotting only; every figure shown as text is formatted from fen.
  const ageing = BUCKETS.map((bucket) => ({ bucket: t(`figures.buckets.${bucket}`), [bucket]: f.ageing[bucket] / 100 }));
  const outstanding = BUCKETS.reduce((sum, bucket) => sum + f.ageing[bucket], 0);
  const rate = f.onTimeRate;

  return (
    <Stack gap="lg" data-testid="figures">
      <Group justify="space-between">
        <Title order={5}>{t('figures.title')}</Title>
        <Text size="xs" c="dimmed">
          {t('figures.note')}
        </Text>
      </Group>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
        <Stat
          label={t('figures.receivable')}
          value={vocabulary.money(f.receivableFen)}
          hint={`${t('figures.sales')} ${vocabulary.money(f.salesFen)} · ${t('figures.returns')} ${vocabulary.money(f.returnsFen)} · ${t('figures.paid')} ${vocabulary.money(f.paidFen)}`}
          icon={<IconCash size={20} />}
          testId="figure-receivable"
        />
        <Stat
          label={t('figures.overdueAmount')}
          value={vocabulary.money(f.overdueFen)}
          hint={t('figures.count', { count: f.overdueCount })}
          icon={<IconAlertTriangle size={20} />}
          color={f.overdueFen > 0 ? 'red' : 'gray'}
          testId="figure-overdue"
        />
        <Paper withBorder radius="md" p="md" data-testid="figure-on-time">
          <Group justify="space-between" wrap="nowrap">
            <Stack gap={4}>
              <Text size="xs" c="dimmed">
                {t('figures.onTimeRate')}
              </Text>
              <Text fw={700} size="lg">
                {rate === null ? '—' : vocabulary.percent(rate)}
              </Text>
              <Text size="xs" c="dimmed">
                {rate === null ? t('figures.onTimeNone') : t('figures.overdueHint', { count: f.overdueCount })}
              </Text>
            </Stack>
            <RingProgress
              size={64}
              thickness={7}
              roundCaps
              sections={
                rate === null
                  ? []
                  : [
                      { value: rate * 100, color: 'teal' },
                      { value: 100 - rate * 100, color: 'red.3' },
                    ].filter((section) => section.value > 0)
              }
            />
          </Group>
        </Paper>
        <Stat
          label={t('figures.overdueCount')}
          value={t('figures.count', { count: f.overdueCount })}
          icon={<IconClockExclamation size={20} />}
          color={f.overdueCount > 0 ? 'orange' : 'gray'}
        />
        <Stat
          label={t('figures.years')}
          value={f.yearsOfCooperation === null ? '—' : t('figures.yearsValue', { years: f.yearsOfCooperation })}
          hint={f.yearsOfCooperation === null ? t('figures.yearsNone') : file.basics.cooperationStart}
          icon={<IconCalendarTime size={20} />}
          color="grape"
        />
        <Stat
          label={t('figures.contracts')}
          value={t('figures.contractsValue', { count: f.contractCount })}
          hint={vocabulary.money(f.contractAmountFen)}
          icon={<IconFileText size={20} />}
          color="indigo"
        />
      </SimpleGrid>
      <Card withBorder radius="md" padding="lg">
        <Group justify="space-between" mb="md">
          <Group gap="xs">
            <IconReceipt size={18} />
            <Text fw={600}>{t('figures.ageing')}</Text>
          </Group>
          <Text size="sm" c="dimmed">
            {vocabulary.money(outstanding)}
          </Text>
        </Group>
        {outstanding === 0 ? (
          <Text size="sm" c="dimmed" py="lg" ta="center">
            {t('figures.ageingNone')}
          </Text>
        ) : (
          <BarChart
            h={240}
            data={ageing}
            dataKey="bucket"
            type="stacked"
            series={BUCKETS.map((bucket, i) => ({ name: bucket, label: t(`figures.buckets.${bucket}`), color: BUCKET_COLORS[i] ?? 'gray.6' }))}
            maxBarWidth={72}
            valueFormatter={(yuan) => vocabulary.money(Math.round(yuan * 100))}
            yAxisProps={{ width: 96 }}
            withTooltip={false}
            data-testid="ageing-chart"
          />
        )}
        <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm" mt="md" data-testid="ageing-buckets">
          {BUCKETS.map((bucket, i) => (
            <Group key={bucket} gap="xs" wrap="nowrap">
              <ColorSwatch color={`var(--mantine-color-${(BUCKET_COLORS[i] ?? 'gray.6').replace('.', '-')})`} size={12} />
              <Stack gap={0}>
                <Text size="xs" c="dimmed">
                  {t(`figures.buckets.${bucket}`)}
                </Text>
                <Text size="sm" fw={600} style={{ fontVariantNumeric: 'tabular-nums' }}>
                  {vocabulary.money(f.ageing[bucket])}
                </Text>
              </Stack>
            </Group>
          ))}
        </SimpleGrid>
      </Card>
    </Stack>
  );
}
