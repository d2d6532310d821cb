import { Button } from '@mantine/core';
import { IconCoinYuan } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerFile } from '../../../../shared/contract';
import { RequestModal, type RequestTarget } from './RequestModal';

/** In the customer file's header: ask for this customer's limit and term to change. */
export function RequestButton({ file }: { file: CustomerFile }) {
  const { t } = useTranslation();
  const [target, setTarget] = useState<RequestTarget | null>(null);
  const basics = file.basics;
  return (
    <>
      <Button
        size="xs"
        variant="light"
        leftSection={<IconCoinYuan size={16} />}
        onClick={() => setTarget({ customer: { id: basics.id, name: basics.name }, current: { limitFen: basics.creditLimitFen, termDays: basics.creditTermDays } })}
        data-testid="request-credit-limit"
      >
        {t('creditLimits.requestButton')}
      </Button>
      <RequestModal target={target} onClose={() => setTarget(null)} />
    </>
  );
}
