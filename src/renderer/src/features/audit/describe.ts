import type { TFunction } from 'i18next';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { isErrorCode, isRefusalReason, type AuditEntry } from '../../../../shared/contract';
import { chainBreaks } from '../../../../shared/contract/audit';
import { isPermission } from '../../../../shared/domain/permissions';
import { useContributions } from '../../app/contributions';
import { useLabels, type Labels } from '../../app/labels';

// An audit entry names things by id and records details as the host wrote them. For
// reading, ids become names where the reader may know them (users, roles, departments),
// and the detail keys the host writes are shown in the interface language. Anything
// unknown is shown as written: nothing is hidden.

const DETAIL_KEYS = [
  'username',
  'displayName',
  'departmentId',
  'roleIds',
  'reactivated',
  'rotateKey',
  'ok',
  'checked',
  'firstBad',
  'schema',
  'integrity',
  'audit',
  'reason',
  'before',
  'after',
  'companyName',
  'idleLockMinutes',
  'permissions',
  'criteria',
  'results',
  'text',
  'name',
  'creditCode',
  'idNumber',
  'changed',
  'verificationReset',
  'customerId',
  'category',
  'title',
  'archiveNo',
  'retention',
  'confidentiality',
  'mime',
  'size',
  'sha256',
  'location',
  'kind',
  'format',
  'fileName',
  'rows',
  'written',
  'contractNo',
  'amountFen',
] as const;
type DetailKey = (typeof DETAIL_KEYS)[number];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export interface NameBook {
  users: ReadonlyMap<string, string>;
  roles: ReadonlyMap<string, string>;
  departments: ReadonlyMap<string, string>;
}

function shortId(id: string): string {
  return `${id.slice(0, 8)}…`;
}

function nameOf(book: NameBook, id: string): string {
  return book.users.get(id) ?? book.roles.get(id) ?? book.departments.get(id) ?? shortId(id);
}

function valueText(t: TFunction, labels: Labels, book: NameBook, key: string, value: unknown): string {
  if (value === null || value === undefined) return t('app.none');
  if (typeof value === 'boolean') return value ? t('app.yes') : t('app.no');
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') {
    if (UUID.test(value)) return nameOf(book, value);
    if (key === 'reason' && isErrorCode(value)) return t(`error.${value}`);
    if (key === 'reason' && isRefusalReason(value)) return t(`errorReason.${value}`);
    if (isPermission(value)) return labels.permission(value);
    return value;
  }
  if (Array.isArray(value)) {
    return value.length === 0 ? t('app.none') : value.map((item) => valueText(t, labels, book, key, item)).join(t('app.listSeparator'));
  }
  if (typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if (key === 'firstBad' && typeof record.seq === 'number' && typeof record.reason === 'string') {
      const known = chainBreaks.safeParse(record.reason);
      const reason = known.success ? t(`audit.reason.${known.data}`) : record.reason;
      return t('audit.firstBadAt', { seq: record.seq, reason });
    }
    return `{ ${describeDetails(t, labels, book, record)} }`;
  }
  return String(value);
}

function keyText(t: TFunction, key: string): string {
  return (DETAIL_KEYS as readonly string[]).includes(key) ? t(`audit.detailKeys.${key as DetailKey}`) : key;
}

function describeDetails(t: TFunction, labels: Labels, book: NameBook, details: Record<string, unknown>): string {
  return Object.entries(details)
    .map(([key, value]) => t('app.keyValue', { key: keyText(t, key), value: valueText(t, labels, book, key, value) }))
    .join(t('app.fieldSeparator'));
}

export interface AuditDescriber {
  target(entry: AuditEntry): { text: string; full: string } | null;
  details(entry: AuditEntry): string | null;
}

export function useAuditDescriber(book: NameBook): AuditDescriber {
  const { t } = useTranslation();
  const labels = useLabels();
  // What each kind of target is called comes from the feature that owns it.
  const { auditTargets } = useContributions();
  return useMemo<AuditDescriber>(
    () => ({
      target(entry) {
        if (!entry.target) return null;
        const [kind, ...rest] = entry.target.split(':');
        const id = rest.join(':');
        const known = kind === undefined ? undefined : auditTargets.get(kind);
        if (!known || !UUID.test(id)) return { text: entry.target, full: entry.target };
        return { text: `${known.label(t)} ${nameOf(book, id)}`, full: entry.target };
      },
      details(entry) {
        const details = entry.details;
        if (details === null || details === undefined) return null;
        if (typeof details !== 'object' || Array.isArray(details)) return valueText(t, labels, book, '', details);
        if (Object.keys(details).length === 0) return null;
        // Details of an entry about a customer, for a reader without customers.read (the host's audit/mask.ts).
        const { masked, ...shown } = details as Record<string, unknown>;
        if (masked === true) {
          return Object.keys(shown).length === 0 ? t('audit.masked') : `${t('audit.masked')}${t('app.fieldSeparator')}${describeDetails(t, labels, book, shown)}`;
        }
        return describeDetails(t, labels, book, details as Record<string, unknown>);
      },
    }),
    [t, labels, book, auditTargets],
  );
}
