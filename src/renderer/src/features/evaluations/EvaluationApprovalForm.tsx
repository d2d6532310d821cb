import { Alert, Button, List, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconExternalLink } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import type { ChainDetail } from '../../../../shared/contract/approvals';
import type { ApprovalContent } from '../../../../shared/domain/evaluations';
import { MEASURE_TEXTS, type Measure } from '../../../../shared/domain/scoring';
import { useArchiveQuery } from '../../api/hooks';
import { useCurrentUser } from '../../api/session';
import { allows } from '../../api/permissions';
import { Field } from '../../app/ui/Field';
import { useVocabulary } from '../../app/vocabulary';
import { gradeName, paren, useLang } from './words';

/** A credit evaluation on its approval chain's page: the decision the chain approves, and the way to the full form. */
export function EvaluationApprovalForm({ detail }: { detail: ChainDetail }) {
  const { t } = useTranslation();
  const lang = useLang();
  const navigate = useNavigate();
  const vocabulary = useVocabulary();
  const content = detail.content as ApprovalContent;
  // The grades' names are in the model version the evaluation used (codes alone where it cannot be read).
  const model = useArchiveQuery('evaluations.model', { modelId: content.model.id, version: content.model.version }, { enabled: allows(useCurrentUser(), 'evaluations.model') });
  const grade = (code: string) => {
    const g = model.data?.scale.grades.find((x) => x.code === code);
    return g ? paren(lang, gradeName(g.code, g.label[lang]), g.meaning[lang]) : code;
  };
  return (
    <Stack gap="sm" data-testid="evaluation-approval-form">
      <Field label={t('evaluations.approvalForm.customer')}>{detail.chain.subject}</Field>
      <SimpleGrid cols={2} spacing="sm">
        <Field label={t('evaluations.decision.score')}>{content.scoreText}</Field>
        <Field label={t('evaluations.decision.grade')}>{grade(content.grade)}</Field>
        <Field label={content.policy.starting ? t('evaluations.decision.startingLimit') : t('evaluations.decision.limit')}>{vocabulary.money(content.policy.limitFen)}</Field>
        <Field label={t('evaluations.decision.term')}>{t('evaluations.days', { count: content.policy.termDays })}</Field>
      </SimpleGrid>
      {content.override && (
        <Alert color="grape" variant="light" title={t('evaluations.decision.overridden')}>
          {t('evaluations.approvalForm.override', { computed: grade(content.computedGrade), grade: grade(content.grade), reason: content.override.reason })}
        </Alert>
      )}
      <Text size="xs" c="dimmed">
        {t('evaluations.decision.measures')}
      </Text>
      <List size="sm" spacing={2}>
        {content.policy.measures.map((m) => (
          <List.Item key={m}>{MEASURE_TEXTS[m as Measure][lang]}</List.Item>
        ))}
      </List>
      <Text size="xs" c="dimmed">
        {t('evaluations.approvalForm.round', { round: content.round, reviewers: content.sheets.length })}
      </Text>
      <Button size="xs" variant="light" rightSection={<IconExternalLink size={14} />} onClick={() => navigate(`/evaluations/${content.evaluationId}`)} style={{ alignSelf: 'flex-start' }} data-testid="open-evaluation-form">
        {t('evaluations.approvalForm.open')}
      </Button>
    </Stack>
  );
}
