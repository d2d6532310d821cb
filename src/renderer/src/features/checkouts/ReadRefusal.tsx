import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { IconFilePlus, IconLock } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SEAM_READ_REFUSAL } from '../../../../shared/contract/checkouts';
import { ApiError } from '../../api/errors';
import { useErrorText } from '../../app/errors';
import { ErrorState } from '../../app/ui/States';
import { RequestModal } from './RequestModal';

const READ_REASONS: readonly string[] = [...Object.values(SEAM_READ_REFUSAL), 'printNotGranted', 'exportNotGranted'];

/** A file refused outside a loan: the reason in its own words, and the checkout request to ask for it. */
export function ReadRefusal({ customerId, error, onRetry }: { customerId: string; error: unknown; onRetry: () => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [requesting, setRequesting] = useState(false);
  const reason = error instanceof ApiError && error.code === 'FORBIDDEN' ? (error.details as { reason?: unknown } | undefined)?.reason : undefined;
  if (typeof reason !== 'string' || !READ_REASONS.includes(reason)) return <ErrorState error={error} onRetry={onRetry} />;
  return (
    <Alert color="orange" variant="light" icon={<IconLock size={18} />} title={t('checkouts.refused.title')} data-testid="read-refused" data-reason={reason}>
      <Stack gap="sm" align="flex-start">
        <Text size="sm">{errorText(error)}</Text>
        <Group>
          <Button size="xs" leftSection={<IconFilePlus size={14} />} onClick={() => setRequesting(true)} data-testid="read-refused-request">
            {t('checkouts.actions.request')}
          </Button>
        </Group>
      </Stack>
      <RequestModal opened={requesting} onClose={() => setRequesting(false)} initial={[{ id: customerId, name: t('checkouts.refused.thisFile') }]} />
    </Alert>
  );
}
