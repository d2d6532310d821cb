import { Badge, Group, Stack, Table, Text } from '@mantine/core';
import { IconSquare, IconSquareCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { CustomerFile } from '../../../../shared/contract';
import type { EvaluationDetail } from '../../../../shared/contract/evaluations';
import { SOURCE_TEXTS, type ComputedItem } from '../../../../shared/domain/scoring';
import { useVocabulary } from '../../app/vocabulary';
import { useLang, useText } from './words';

// The parts of the 新增客户信用评审表 (seed 003 appendix 1) beyond the sheets: the
// qualification checklist ticked from the file with each qualification's validity, and
// the documents of the file the form's 相关文档附件 refers to.

const PREFIX = 'qualification_';

export const isQualification = (item: ComputedItem) => item.indicator.startsWith(PREFIX);

/** 评审项目: each qualification of the form, ticked when the file holds a valid one on the review day, with the file's record of it. */
export function QualificationChecklist({ detail, file }: { detail: EvaluationDetail; file: CustomerFile | null }) {
  const { t } = useTranslation();
  const lang = useLang();
  const text = useText();
  const vocabulary = useVocabulary();
  const items = detail.model.items.filter((i): i is ComputedItem => i.kind === 'computed' && isQualification(i));
  if (items.length === 0) return null;
  return (
    <Table withTableBorder withColumnBorders verticalSpacing={6} data-testid="qualification-checklist">
      <Table.Thead>
        <Table.Tr bg="var(--mantine-color-gray-1)">
          <Table.Th>{t('evaluations.newCustomer.qualification')}</Table.Th>
          <Table.Th>{t('evaluations.newCustomer.held')}</Table.Th>
          <Table.Th>{t('evaluations.newCustomer.record')}</Table.Th>
          <Table.Th>{t('evaluations.newCustomer.validity')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {items.map((item) => {
          const value = detail.evaluation.values[item.code];
          const held = value ? value.value >= 1 : false;
          const kind = item.indicator.slice(PREFIX.length);
          const records = (file?.qualifications ?? []).filter((q) => q.kind === kind && !q.voided);
          return (
            <Table.Tr key={item.code} data-testid={`qualification-${kind}`} data-held={held ? 'yes' : 'no'}>
              <Table.Td>
                <Text size="sm" fw={600}>
                  {text(item.label)}
                </Text>
              </Table.Td>
              <Table.Td>
                <Group gap={6} wrap="nowrap">
                  {held ? <IconSquareCheck size={18} color="var(--mantine-color-teal-7)" /> : <IconSquare size={18} color="var(--mantine-color-gray-5)" />}
                  <Text size="sm">{held ? t('evaluations.newCustomer.valid') : t('evaluations.newCustomer.notHeld')}</Text>
                  {value && (
                    <Badge size="xs" variant="light" color={value.source === 'entered' ? 'orange' : 'teal'}>
                      {SOURCE_TEXTS[value.source][lang]}
                    </Badge>
                  )}
                </Group>
              </Table.Td>
              <Table.Td>
                {records.length === 0 ? (
                  <Text size="sm" c="dimmed">
                    {t('evaluations.newCustomer.noRecord')}
                  </Text>
                ) : (
                  <Stack gap={2}>
                    {records.map((q) => (
                      <Text key={q.id} size="sm">
                        {[q.number, q.issuer, q.level].filter(Boolean).join(' · ') || vocabulary.label('qualification', q.kind)}
                      </Text>
                    ))}
                  </Stack>
                )}
              </Table.Td>
              <Table.Td>
                <Stack gap={2}>
                  {records.map((q) => (
                    <Group key={q.id} gap={6} wrap="nowrap">
                      <Text size="sm">{q.validTo ? t('evaluations.newCustomer.validTo', { day: q.validTo }) : t('evaluations.newCustomer.noEnd')}</Text>
                      <Badge size="xs" variant="light" color={q.validity === 'expired' ? 'red' : q.validity === 'expiring' ? 'yellow' : 'teal'}>
                        {vocabulary.label('validity', q.validity)}
                      </Badge>
                    </Group>
                  ))}
                </Stack>
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}
