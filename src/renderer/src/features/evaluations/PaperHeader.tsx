import { Group, Table, Text } from '@mantine/core';
import { IconSquare, IconSquareCheck } from '@tabler/icons-react';
import type { EvaluationDetail } from '../../../../shared/contract/evaluations';
import { SERVICE_TYPES } from '../../../../shared/domain/customers';
import { HEADER_FIELD_TEXTS, type HeaderField } from '../../../../shared/domain/scoring';
import { useTranslation } from 'react-i18next';
import { useVocabulary } from '../../app/vocabulary';
import { useLang } from './words';

// The head of the paper form of seed 003, filled from the customer file: label cells and
// value cells two to a row, the long ones across the form, 服务类型 as the form's boxes.

/** Fields that take the whole width of the form. */
const WIDE: readonly HeaderField[] = ['customer_name', 'bank_account', 'service_type', 'business_content', 'payment_summary'];

/** The rows of the two paper forms of seed 003 (appendix 2 and appendix 1); other models pair their fields in order. */
const LAYOUTS: Partial<Record<string, HeaderField[][]>> = {
  periodic_review: [['record_no', 'review_date'], ['customer_name'], ['service_manager', 'account_manager'], ['service_type'], ['contract_no', 'contract_amount'], ['contract_years', 'received_total'], ['payment_summary']],
  new_customer: [
    ['record_no', 'review_date'],
    ['customer_name'],
    ['enterprise_nature', 'registered_capital'],
    ['bank_account'],
    ['legal_representative', 'person_in_charge'],
    ['finance_contact', 'business_contact'],
    ['service_type'],
    ['business_content'],
  ],
};

function rowsOf(fields: readonly HeaderField[]): HeaderField[][] {
  const rows: HeaderField[][] = [];
  let pending: HeaderField | null = null;
  for (const field of fields) {
    if (WIDE.includes(field)) {
      if (pending) rows.push([pending]);
      pending = null;
      rows.push([field]);
    } else if (pending) {
      rows.push([pending, field]);
      pending = null;
    } else pending = field;
  }
  if (pending) rows.push([pending]);
  return rows;
}

const labelCell = { background: 'var(--mantine-color-gray-1)', width: '14%', whiteSpace: 'nowrap' as const, fontWeight: 600 };

export function PaperHeader({ detail }: { detail: EvaluationDetail }) {
  const { t } = useTranslation();
  const lang = useLang();
  const vocabulary = useVocabulary();
  const wanted = new Set(detail.model.header);
  const layout = (LAYOUTS[detail.model.kind] ?? rowsOf(detail.model.header)).map((row) => row.filter((f) => wanted.has(f))).filter((row) => row.length > 0);
  const value = (field: HeaderField) => {
    const v = detail.header[field];
    if (field === 'service_type') {
      return (
        <Group gap="md">
          {SERVICE_TYPES.map((code) => (
            <Group key={code} gap={4} wrap="nowrap">
              {v === code ? <IconSquareCheck size={16} color="var(--mantine-color-teal-7)" /> : <IconSquare size={16} color="var(--mantine-color-gray-5)" />}
              <Text size="sm" fw={v === code ? 600 : 400}>
                {vocabulary.label('serviceType', code)}
              </Text>
            </Group>
          ))}
        </Group>
      );
    }
    if (field === 'enterprise_nature' && v) return vocabulary.label('nature', v);
    if (field === 'contract_years' && v) return t('evaluations.header.years', { count: Number(v) });
    return v === null || v === undefined || v === '' ? <Text span c="dimmed">—</Text> : v;
  };
  return (
    <Table withTableBorder withColumnBorders verticalSpacing={6} data-testid="paper-header">
      <Table.Tbody>
        {layout.map((row) => (
          <Table.Tr key={row.join('-')}>
            {row.map((field) => [
              <Table.Td key={`${field}-label`} style={labelCell}>
                {HEADER_FIELD_TEXTS[field][lang]}
              </Table.Td>,
              <Table.Td key={field} colSpan={row.length === 1 ? 3 : 1} data-testid={`header-${field}`}>
                {value(field)}
              </Table.Td>,
            ])}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
