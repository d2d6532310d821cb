import { Badge, Group, Tooltip } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { CustomerFile } from '../../../../shared/contract';
import { WARNING_RULE_TEXTS, WARNING_SEVERITY_TEXTS, evidenceText } from '../../../../shared/domain/warnings';
import { useArchiveQuery } from '../../api/hooks';
import { useLang } from './format';

/** Red badges in the file's header, one per open warning, most severe first; the evidence on hover. */
export function WarningBadges({ file }: { file: CustomerFile }) {
  const lang = useLang();
  const open = useArchiveQuery('warnings.list', { status: 'open', customerId: file.basics.id, limit: 20 }, { staleTime: 0 });
  if (!open.data || open.data.rows.length === 0) return null;
  return (
    <Group gap={6} data-testid="file-warning-badges">
      {open.data.rows.map((w) => (
        <Tooltip key={w.id} label={evidenceText(w.evidence, lang)} multiline w={360} withArrow>
          <Badge color={w.severity === 'severe' || w.severity === 'high' ? 'red' : 'orange'} variant="filled" leftSection={<IconAlertTriangle size={12} />} data-testid="file-warning-badge">
            {WARNING_SEVERITY_TEXTS[w.severity][lang]} · {WARNING_RULE_TEXTS[w.rule][lang]}
          </Badge>
        </Tooltip>
      ))}
    </Group>
  );
}
