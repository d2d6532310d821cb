import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ChainDetail } from '../../../../shared/contract/approvals';
import type { LoanKind } from '../../../../shared/domain/checkouts';
import { Field } from '../../app/ui/Field';

interface RequestContent {
  purpose: string;
  periodWorkingDays: number;
  readingRoom: boolean;
  print: boolean;
  export: boolean;
  files: { customerId: string; confidentiality: 'normal' | 'secret' | 'confidential'; documentIds: string[] | null; kinds: LoanKind[] }[];
}
interface RenewalContent {
  renewalOf: string;
  workingDays: number;
  dueDate: string;
}

/** The checkout request (or renewal) on its chain's page: what the approver decides on. */
export function CheckoutForm({ detail }: { detail: ChainDetail }) {
  const { t } = useTranslation();
  const content = detail.content as RequestContent | RenewalContent;
  if ('renewalOf' in content) {
    return (
      <Stack gap="sm" data-testid="checkout-renewal">
        <Field label={t('checkouts.form.files')}>{detail.chain.subject}</Field>
        <Text size="sm">{t('checkouts.form.renewalOf', { due: content.dueDate, days: content.workingDays })}</Text>
      </Stack>
    );
  }
  const names = detail.chain.subject.split(t('app.listSeparator'));
  const rights = [content.print && t('checkouts.form.print'), content.export && t('checkouts.form.export')].filter(Boolean).join(t('app.listSeparator'));
  return (
    <Stack gap="sm" data-testid="checkout-form">
      <Field label={t('checkouts.form.files')}>
        <Stack gap={2}>
          {content.files.map((f, i) => (
            <Text size="sm" key={f.customerId} data-testid="checkout-form-file">
              {names[i] ?? f.customerId} · {t(`customer.confidentiality.${f.confidentiality}` as never)} · {f.kinds.map((k) => t(`checkouts.codes.loanKinds.${k}`)).join(t('app.listSeparator'))} ·{' '}
              {f.documentIds === null ? t('checkouts.form.wholeFile') : t('checkouts.form.documents', { count: f.documentIds.length })}
            </Text>
          ))}
        </Stack>
      </Field>
      <Field label={t('checkouts.form.purpose')}>{content.purpose}</Field>
      <Field label={t('checkouts.form.period')}>
        {t('checkouts.form.periodDays', { days: content.periodWorkingDays })}
        {content.readingRoom ? `（${t('checkouts.form.readingRoom')}）` : ''}
      </Field>
      <Field label={t('checkouts.form.rights')}>{rights || t('checkouts.form.rightsNone')}</Field>
    </Stack>
  );
}
