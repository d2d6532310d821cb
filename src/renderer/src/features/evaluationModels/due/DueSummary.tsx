import { Badge, Group, Skeleton, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useArchiveQuery } from '../../../api/hooks';

/** The home card's line: how many customers are due for review within 30 days, and how many of them are overdue. */
export function DueSummary() {
  const { t } = useTranslation();
  const due = useArchiveQuery('evaluations.due', { horizonDays: 30 });
  if (due.isPending) return <Skeleton height={18} width={160} mt={4} />;
  if (due.isError) return null;
  const overdue = due.data.filter((r) => r.reasons.some((reason) => reason.reason === 'overdue')).length;
  if (due.data.length === 0) {
    return (
      <Text size="xs" c="dimmed" data-testid="home-due-count" data-count={0}>
        {t('evaluationModels.home.noneDue')}
      </Text>
    );
  }
  return (
    <Group gap={6} mt={4} data-testid="home-due-count" data-count={due.data.length}>
      <Badge tt="none" variant="light" color="blue">
        {t('evaluationModels.home.dueCount', { count: due.data.length })}
      </Badge>
      {overdue > 0 && (
        <Badge tt="none" variant="light" color="red">
          {t('evaluationModels.home.overdueCount', { count: overdue })}
        </Badge>
      )}
    </Group>
  );
}
