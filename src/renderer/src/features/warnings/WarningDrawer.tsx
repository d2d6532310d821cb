import { Alert, Badge, Button, Checkbox, Divider, Drawer, Group, MultiSelect, Select, Stack, Text, Textarea, Timeline, Title } from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconClipboardCheck, IconLock } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import type { WarningDetail } from '../../../../shared/contract/warnings';
import { MEASURES, MEASURE_TEXTS, type Measure } from '../../../../shared/domain/scoring';
import {
  CLOSE_REASON_TEXTS,
  USER_CLOSE_REASONS,
  WARNING_EVENT_TEXTS,
  WARNING_REFUSAL_TEXTS,
  WARNING_RULE_TEXTS,
  WARNING_SEVERITY_TEXTS,
  WARNING_STATUS_TEXTS,
  evidenceText,
  type CloseReason,
} from '../../../../shared/domain/warnings';
import { useArchiveMutation, useArchiveQuery } from '../../api/hooks';
import { useErrorText } from '../../app/errors';
import { ErrorState, LoadingState } from '../../app/ui/States';
import { SEVERITY_COLOR, STATUS_COLOR, localMoment, useLang } from './format';

const INVALIDATES = ['warnings.list', 'warnings.get', 'warnings.ofCustomer', 'customers.search', 'customers.get'] as const;

/** One warning: its evidence, the measures due, its history, and what the reader may do now (actionsFor). */
export function WarningDrawer({ warningId, onClose }: { warningId: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Drawer opened={warningId !== null} onClose={onClose} position="right" size="lg" title={<Title order={4}>{t('warnings.title')}</Title>} data-testid="warning-drawer">
      {warningId && <WarningBody warningId={warningId} />}
    </Drawer>
  );
}

function WarningBody({ warningId }: { warningId: string }) {
  const { t } = useTranslation();
  const detail = useArchiveQuery('warnings.get', { warningId, purpose: t('warnings.purpose') }, { staleTime: 0 });
  if (detail.isPending) return <LoadingState />;
  if (detail.isError) return <ErrorState error={detail.error} onRetry={() => void detail.refetch()} />;
  return <WarningView detail={detail.data} />;
}

export function WarningView({ detail, showCustomer = true }: { detail: WarningDetail; showCustomer?: boolean }) {
  const { t } = useTranslation();
  const lang = useLang();
  const navigate = useNavigate();
  return (
    <Stack gap="md" data-testid="warning-view">
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          {showCustomer && (
            <Text fw={700} size="lg" data-testid="warning-customer">
              {detail.customer.name}
            </Text>
          )}
          <Group gap="xs">
            <Badge color={SEVERITY_COLOR[detail.severity]} variant="filled">
              {WARNING_SEVERITY_TEXTS[detail.severity][lang]}
            </Badge>
            <Badge variant="light" color="gray">
              {WARNING_RULE_TEXTS[detail.rule][lang]}
            </Badge>
            <Badge variant="light" color={STATUS_COLOR[detail.status]} data-testid="warning-status">
              {WARNING_STATUS_TEXTS[detail.status][lang]}
            </Badge>
            {detail.closeReason && <Badge variant="outline">{CLOSE_REASON_TEXTS[detail.closeReason][lang]}</Badge>}
            {detail.reopened > 0 && <Badge variant="outline" color="red">{t('warnings.reopened', { count: detail.reopened })}</Badge>}
          </Group>
        </Stack>
        {showCustomer && (
          <Button size="xs" variant="light" onClick={() => navigate(`/customers/${detail.customer.id}`)}>
            {t('warnings.drawer.openFile')}
          </Button>
        )}
      </Group>
      <Alert color={SEVERITY_COLOR[detail.severity]} icon={<IconAlertTriangle size={18} />} title={t('warnings.drawer.evidence')} data-testid="warning-evidence">
        {evidenceText(detail.evidence, lang)}
      </Alert>
      <Stack gap={4}>
        <Text size="sm" fw={600}>
          {t('warnings.drawer.measuresDue')}
        </Text>
        {detail.measuresDue.map((m) => (
          <Text size="sm" key={m}>
            · {MEASURE_TEXTS[m][lang]}
          </Text>
        ))}
      </Stack>
      {(detail.measuresTaken.length > 0 || detail.earlyReview) && (
        <Group gap="xs">
          <Text size="sm" fw={600}>
            {t('warnings.drawer.measuresTaken')}
          </Text>
          {detail.measuresTaken.map((m) => (
            <Badge key={m} variant="light" color="blue">
              {MEASURE_TEXTS[m][lang].split(/[：:，,]/)[0]}
            </Badge>
          ))}
          {detail.earlyReview && <Badge color="grape">{t('warnings.drawer.earlyReview')}</Badge>}
        </Group>
      )}
      <Actions detail={detail} />
      <Divider />
      <Text size="sm" fw={600}>
        {t('warnings.drawer.history')}
      </Text>
      <Timeline bulletSize={18} lineWidth={2} data-testid="warning-history">
        {detail.history.map((h) => (
          <Timeline.Item key={h.id} title={WARNING_EVENT_TEXTS[h.kind][lang]} bullet={h.by ? <IconClipboardCheck size={12} /> : <IconAlertTriangle size={12} />}>
            <Text size="xs" c="dimmed">
              {localMoment(h.at)} · {h.by ? h.by.displayName : t('warnings.drawer.byRules')}
              {h.closeReason ? ` · ${CLOSE_REASON_TEXTS[h.closeReason][lang]}` : ''}
            </Text>
            {h.evidence && <Text size="sm">{evidenceText(h.evidence, lang)}</Text>}
            {h.note && <Text size="sm">{h.note}</Text>}
            {h.measures.length > 0 && <Text size="xs">{h.measures.map((m) => MEASURE_TEXTS[m][lang].split(/[：:，,]/)[0]).join('、')}</Text>}
          </Timeline.Item>
        ))}
      </Timeline>
    </Stack>
  );
}

function Actions({ detail }: { detail: WarningDetail }) {
  const { t } = useTranslation();
  const lang = useLang();
  const errorText = useErrorText();
  const act = useArchiveMutation('warnings.act', { invalidates: INVALIDATES });
  const [note, setNote] = useState('');
  const [measures, setMeasures] = useState<string[]>([]);
  const [earlyReview, setEarlyReview] = useState(false);
  const [reason, setReason] = useState<CloseReason | null>(null);
  const [mode, setMode] = useState<'work' | 'close' | null>(null);
  const allowed = (a: 'acknowledge' | 'work' | 'close') => detail.actions.find((x) => x.action === a)!;
  const reset = () => {
    setNote('');
    setMeasures([]);
    setEarlyReview(false);
    setReason(null);
    setMode(null);
  };
  const run = (action: Parameters<typeof act.mutate>[0]['action']) => act.mutate({ warningId: detail.id, action }, { onSuccess: reset });
  if (detail.status === 'closed') {
    return (
      <Group gap="xs" c="dimmed">
        <IconLock size={14} />
        <Text size="sm" c="dimmed">
          {WARNING_STATUS_TEXTS.closed[lang]}
          {detail.closedAt ? ` · ${localMoment(detail.closedAt)}` : ''}
        </Text>
      </Group>
    );
  }
  const options = MEASURES.filter((m) => m !== 'priority_treatment' && m !== 'raise_limit' && m !== 'deepen_cooperation' && m !== 'more_cooperation').map((m) => ({ value: m, label: MEASURE_TEXTS[m][lang].split(/[：:，,]/)[0]! }));
  return (
    <Stack gap="sm" data-testid="warning-actions">
      <Group gap="xs">
        {(['acknowledge', 'work', 'close'] as const).map((a) => {
          const x = allowed(a);
          return (
            <Button
              key={a}
              size="xs"
              variant={a === 'close' ? 'outline' : 'filled'}
              color={a === 'close' ? 'gray' : a === 'acknowledge' ? 'orange' : 'blue'}
              disabled={!x.allowed}
              title={x.refusal ? t('warnings.drawer.notAllowed', { why: WARNING_REFUSAL_TEXTS[x.refusal][lang] }) : undefined}
              loading={act.isPending && (a === 'acknowledge' || mode === a)}
              leftSection={a === 'acknowledge' ? <IconCheck size={14} /> : undefined}
              onClick={() => (a === 'acknowledge' ? run({ type: 'acknowledge', note: null }) : setMode(mode === a ? null : a))}
              data-testid={`warning-${a}`}
            >
              {t(`warnings.drawer.${a}`)}
            </Button>
          );
        })}
      </Group>
      {detail.actions.filter((x) => !x.allowed && x.refusal === 'warning_not_acknowledged').length > 0 && (
        <Text size="xs" c="dimmed">
          {WARNING_REFUSAL_TEXTS.warning_not_acknowledged[lang]}
        </Text>
      )}
      {mode === 'work' && (
        <Stack gap="xs">
          <Textarea label={t('warnings.drawer.workNote')} value={note} onChange={(e) => setNote(e.currentTarget.value)} autosize minRows={2} required data-testid="work-note" />
          <MultiSelect label={t('warnings.drawer.workMeasures')} data={options} value={measures} onChange={setMeasures} searchable clearable data-testid="work-measures" />
          <Checkbox label={t('warnings.drawer.startEarlyReview')} checked={earlyReview} onChange={(e) => setEarlyReview(e.currentTarget.checked)} />
          <Group>
            <Button size="xs" disabled={note.trim() === ''} onClick={() => run({ type: 'work', note, measures: measures as Measure[], earlyReview })} loading={act.isPending} data-testid="work-save">
              {t('warnings.drawer.save')}
            </Button>
          </Group>
        </Stack>
      )}
      {mode === 'close' && (
        <Stack gap="xs">
          <Select
            label={t('warnings.drawer.closeReason')}
            data={USER_CLOSE_REASONS.map((r) => ({ value: r, label: CLOSE_REASON_TEXTS[r][lang] }))}
            value={reason}
            onChange={(v) => setReason(v as CloseReason | null)}
            data-testid="close-reason"
          />
          <Textarea label={t('warnings.drawer.closeNote')} value={note} onChange={(e) => setNote(e.currentTarget.value)} autosize minRows={2} required data-testid="close-note" />
          <Group>
            <Button size="xs" color="gray" disabled={note.trim() === '' || reason === null} onClick={() => run({ type: 'close', reason: reason as 'resolved', note })} loading={act.isPending} data-testid="close-save">
              {t('warnings.drawer.close')}
            </Button>
          </Group>
        </Stack>
      )}
      {act.isError && (
        <Alert color="red" data-testid="warning-act-error">
          {errorText(act.error)}
        </Alert>
      )}
    </Stack>
  );
}
