import { Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';

/** A labelled value in a read-only view; an empty value shows a dash. */
export function Field({ label, children, mono = false }: { label: string; children: ReactNode; mono?: boolean }) {
  const empty = children === null || children === undefined || children === '';
  return (
    <Stack gap={2} miw={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" ff={mono ? 'monospace' : undefined} style={{ wordBreak: 'break-all' }} c={empty ? 'dimmed' : undefined}>
        {empty ? '—' : children}
      </Text>
    </Stack>
  );
}
