import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CONFIDENTIALITY_LEVELS,
  CONTACT_ROLES,
  CONTRACT_STATUSES,
  CREDIT_EVENT_KINDS,
  CUSTOMER_KINDS,
  DOCUMENT_CATEGORIES,
  ENTERPRISE_NATURES,
  FEEDBACK_KINDS,
  QUALIFICATION_KINDS,
  RETENTION_PERIODS,
  SERVICE_TYPES,
  TRANSACTION_KINDS,
  VERIFICATION_STATES,
  WARNING_STATES,
} from '../../../shared/domain/customers';
import { VALIDITY_STATES } from '../../../shared/contract/records';
import { formatFen } from '../../../shared/domain/money';

// The coded lists of the customer file, labelled in the interface language
// (translation keys `customer.<list>.<code>`).

const LISTS = {
  kind: CUSTOMER_KINDS,
  nature: ENTERPRISE_NATURES,
  serviceType: SERVICE_TYPES,
  contactRole: CONTACT_ROLES,
  qualification: QUALIFICATION_KINDS,
  contractStatus: CONTRACT_STATUSES,
  transactionKind: TRANSACTION_KINDS,
  creditEvent: CREDIT_EVENT_KINDS,
  feedbackKind: FEEDBACK_KINDS,
  confidentiality: CONFIDENTIALITY_LEVELS,
  retention: RETENTION_PERIODS,
  verification: VERIFICATION_STATES,
  warning: WARNING_STATES,
  validity: VALIDITY_STATES,
  documentCategory: DOCUMENT_CATEGORIES,
} as const;

export type VocabularyList = keyof typeof LISTS;
export type Code<L extends VocabularyList> = (typeof LISTS)[L][number];
export interface Option {
  value: string;
  label: string;
}

/** Seed 001 §1 (the contract archive) and §5 (the credit file): how the categories group. */
const CONTRACT_ARCHIVE = DOCUMENT_CATEGORIES.slice(0, DOCUMENT_CATEGORIES.indexOf('credit_application'));
const CREDIT_FILE = DOCUMENT_CATEGORIES.slice(DOCUMENT_CATEGORIES.indexOf('credit_application'), DOCUMENT_CATEGORIES.indexOf('other'));

export interface Vocabulary {
  label<L extends VocabularyList>(list: L, code: Code<L> | string | null | undefined): string;
  options<L extends VocabularyList>(list: L): Option[];
  documentCategoryGroups(): { group: string; items: Option[] }[];
  money(fen: number | null | undefined): string;
  percent(rate: number | null | undefined): string;
  fileSize(bytes: number): string;
  locale: string;
}

export function useVocabulary(): Vocabulary {
  const { t, i18n } = useTranslation();
  const locale = i18n.resolvedLanguage ?? 'zh-CN';
  return useMemo<Vocabulary>(() => {
    const percent = new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
    const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
    const label = (list: VocabularyList, code: string | null | undefined): string => {
      if (code === null || code === undefined || code === '') return '—';
      return t(`customer.${list}.${code}` as 'customer.kind.enterprise', { defaultValue: code });
    };
    const options = (list: VocabularyList): Option[] => LISTS[list].map((code) => ({ value: code, label: label(list, code) }));
    return {
      label,
      options,
      documentCategoryGroups: () => [
        { group: t('customer.documentGroup.contractArchive'), items: CONTRACT_ARCHIVE.map((code) => ({ value: code, label: label('documentCategory', code) })) },
        { group: t('customer.documentGroup.creditFile'), items: CREDIT_FILE.map((code) => ({ value: code, label: label('documentCategory', code) })) },
        { group: t('customer.documentGroup.other'), items: [{ value: 'other', label: label('documentCategory', 'other') }] },
      ],
      money: (fen) => (fen === null || fen === undefined ? '—' : formatFen(fen, locale)),
      percent: (rate) => (rate === null || rate === undefined ? '—' : percent.format(rate)),
      fileSize: (bytes) => {
        if (bytes < 1024) return `${bytes} B`;
        if (bytes < 1024 * 1024) return `${number.format(bytes / 1024)} KB`;
        return `${number.format(bytes / (1024 * 1024))} MB`;
      },
      locale,
    };
  }, [t, locale]);
}
