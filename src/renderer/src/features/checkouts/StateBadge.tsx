import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { LoanState } from '../../../../shared/domain/checkouts';

const COLOR: Record<LoanState, string> = {
  requested: 'blue',
  approved: 'teal',
  rejected: 'gray',
  withdrawn: 'gray',
  lent: 'green',
  renewed: 'lime',
  overdue: 'red',
  returned: 'dark',
  lost: 'orange',
};

/** A loan's state as shown today (overdue is derived from the dates on the host). */
export function StateBadge({ state }: { state: LoanState }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLOR[state]} variant="light" style={{ textTransform: 'none' }} data-testid="loan-state" data-state={state}>
      {t(`checkouts.codes.loanStates.${state}`)}
    </Badge>
  );
}
