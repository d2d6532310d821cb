import { Alert, Button, Group, Modal, SegmentedControl, Select, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconInfoCircle } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { ChainDetail, seatActions } from '../../../../shared/contract/approvals';
import { useArchiveMutation } from '../../api/hooks';
import { useErrorText } from '../../app/errors';
import { byName, useLocalized } from './format';

export type SeatActions = z.infer<typeof seatActions>;
export type DecisionKind = 'approve' | 'reject' | 'return' | 'transfer';
const KINDS: readonly DecisionKind[] = ['approve', 'reject', 'return', 'transfer'];

/** What every screen that changes a chain refreshes afterwards. */
export const CHAIN_QUERIES = [
  'approvals.get',
  'approvals.inbox',
  'approvals.inboxCount',
  'approvals.mine',
  'approvals.done',
  'creditLimits.get',
  'creditLimits.history',
  'customers.search',
] as const;

/**
 * 同意 / 拒绝 / 退回 / 转交 in one seat. What the engine's actionsFor refuses is shown
 * disabled with its reason; an opinion is asked for where the step requires one.
 */
export function DecisionDialog({
  detail,
  seat,
  initialKind,
  onClose,
}: {
  detail: ChainDetail;
  seat: SeatActions | null;
  initialKind: DecisionKind;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const localized = useLocalized();
  const [kind, setKind] = useState<DecisionKind>(initialKind);
  const [opinion, setOpinion] = useState('');
  const [returnTo, setReturnTo] = useState<string | null>(null);
  const [transferTo, setTransferTo] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const decide = useArchiveMutation('approvals.decide', { invalidates: CHAIN_QUERIES });

  useEffect(() => {
    setKind(initialKind);
    setOpinion('');
    setReturnTo(seat?.return.targets.length === 1 ? returnKey(seat.return.targets[0]!) : null);
    setTransferTo(null);
    setProblem(null);
    decide.reset();
  }, [seat, initialKind]);

  if (!seat) return <Modal opened={false} onClose={onClose} />;
  const possibility = seat[kind];
  const names = new Map(detail.people.map((person) => [person.id, person.displayName]));
  const stepName = (id: string) => localized(detail.timeline.steps.find((step) => step.stepId === id)?.name);
  const principal = names.get(seat.principalId) ?? seat.principalId;
  const opinionRequired = kind === 'transfer' ? false : seat.opinionRequired[kind];

  const submit = async () => {
    setProblem(null);
    const text = opinion.trim();
    if (opinionRequired && text === '') {
      setProblem(t('approvalCodes.refusal.opinionRequired'));
      return;
    }
    const base = {
      chainId: detail.chain.id,
      stepId: seat.stepId,
      contentHash: detail.contentHash,
      ...(seat.delegation ? { onBehalfOf: seat.principalId } : {}),
      ...(text ? { opinion: text } : {}),
    };
    try {
      if (kind === 'return') {
        const target = seat.return.targets.find((candidate) => returnKey(candidate) === returnTo);
        if (!target) {
          setProblem(t('approvals.decision.chooseReturnTarget'));
          return;
        }
        await decide.mutateAsync({ kind, to: target, ...base });
      } else if (kind === 'transfer') {
        if (!transferTo) {
          setProblem(t('approvals.decision.chooseColleague'));
          return;
        }
        await decide.mutateAsync({ kind, toUserId: transferTo, ...base });
      } else {
        await decide.mutateAsync({ kind, ...base });
      }
      notifications.show({ color: 'green', message: t('approvals.decision.done', { what: t(`approvalCodes.decision.${kind}`) }) });
      onClose();
    } catch (error) {
      setProblem(errorText(error));
    }
  };

  return (
    <Modal opened onClose={onClose} title={t('approvals.decision.title', { step: stepName(seat.stepId) })} size="lg" data-testid="decision-dialog">
      <Stack gap="md">
        <Text size="sm">
          {t('approvals.decision.subject', { name: localized(detail.chain.name), subject: detail.chain.subject })}
        </Text>
        {seat.delegation && (
          <Alert color="grape" variant="light" icon={<IconInfoCircle size={18} />} data-testid="decision-delegated">
            {t('approvals.decision.onBehalf', { principal, from: seat.delegation.fromDay, to: seat.delegation.toDay })}
          </Alert>
        )}
        <SegmentedControl
          fullWidth
          value={kind}
          onChange={(value) => {
            setKind(value as DecisionKind);
            setProblem(null);
          }}
          data={KINDS.map((value) => ({ value, label: t(`approvalCodes.decision.${value}`) }))}
          data-testid="decision-kind"
        />
        {!possibility.allowed ? (
          <Alert color="gray" variant="light" icon={<IconInfoCircle size={18} />} data-testid="decision-refusal">
            {t('approvals.decision.notAllowed', { what: t(`approvalCodes.decision.${kind}`), reason: t(`approvalCodes.refusal.${possibility.reason}`) })}
          </Alert>
        ) : (
          <>
            {kind === 'reject' && (
              <Text size="sm" c="red.8">
                {t('approvals.decision.rejectEnds')}
              </Text>
            )}
            {kind === 'return' && (
              <Select
                label={t('approvals.decision.returnTo')}
                data={seat.return.targets.map((target) => ({
                  value: returnKey(target),
                  label: target.to === 'author' ? t('approvals.decision.toAuthor', { author: detail.chain.author.displayName }) : t('approvals.decision.toStep', { step: stepName(target.stepId) }),
                }))}
                value={returnTo}
                onChange={setReturnTo}
                allowDeselect={false}
                required
                data-testid="return-target"
              />
            )}
            {kind === 'transfer' && (
              <Select
                label={t('approvals.decision.transferTo')}
                description={t('approvals.decision.transferHint')}
                data={byName(seat.transfer.targets.map((id) => ({ id, displayName: names.get(id) ?? id }))).map((person) => ({ value: person.id, label: person.displayName }))}
                value={transferTo}
                onChange={setTransferTo}
                searchable
                nothingFoundMessage={t('approvals.decision.noColleague')}
                required
                data-testid="transfer-target"
              />
            )}
            <Textarea
              label={t('approvals.decision.opinion')}
              description={opinionRequired ? t('approvals.decision.opinionRequired') : t('approvals.decision.opinionOptional')}
              required={opinionRequired}
              autosize
              minRows={3}
              maxLength={1000}
              value={opinion}
              onChange={(event) => setOpinion(event.currentTarget.value)}
              data-testid="decision-opinion"
            />
          </>
        )}
        {problem && (
          <Alert color="red" variant="light" role="alert" data-testid="decision-problem">
            {problem}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('app.cancel')}
          </Button>
          <Button
            color={kind === 'reject' ? 'red' : kind === 'return' ? 'orange' : kind === 'transfer' ? 'grape' : 'green'}
            disabled={!possibility.allowed}
            loading={decide.isPending}
            onClick={() => void submit()}
            data-testid="decision-submit"
          >
            {t('approvals.decision.submit', { what: t(`approvalCodes.decision.${kind}`) })}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function returnKey(target: { to: 'author' } | { to: 'step'; stepId: string }): string {
  return target.to === 'author' ? 'author' : `step:${target.stepId}`;
}
