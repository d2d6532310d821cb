import { chainBreaks, isReadPurpose, type AuditFilter } from '../contract/audit';
import { isErrorCode } from '../contract/errors';
import { isRefusalReason } from '../contract/reasons';
import type { AuditEntry } from '../contract/schemas';
import { IMPORT_KINDS } from '../domain/customers';
import { formatFen } from '../domain/money';
import { isPermission } from '../domain/permissions';
import { auditEnUS } from './audit.en-US';
import { auditZhCN } from './audit.zh-CN';
import { importsEnUS } from './imports.en-US';
import { importsZhCN } from './imports.zh-CN';
import { SEAM_MESSAGES, type Language } from './index';
import { permissionsEnUS } from './permissions.en-US';
import { permissionsZhCN } from './permissions.zh-CN';

// An audit entry as a register reads it: who (by name), what was done, to what (the
// object by what it is), why (the purpose in the reader's language) and the details in
// words rather than the JSON the host wrote. One function for the screen and the export.
// Ids become names where the reader may know them (`nameOf`); anything unknown is shown
// as written, so nothing is hidden by the wording.

const TEXTS = { 'zh-CN': auditZhCN, 'en-US': auditEnUS } as const;
const PERMISSIONS = { 'zh-CN': permissionsZhCN, 'en-US': permissionsEnUS } as const;
const IMPORT_KIND_TEXTS = { 'zh-CN': importsZhCN.kinds, 'en-US': importsEnUS.kinds } as const;
const LOCALES: Record<Language, string> = { 'zh-CN': 'zh-CN', 'en-US': 'en-US' };
/** Each language by its own name, as a language switch shows it. */
const LANGUAGE_NAMES: Record<Language, string> = { 'zh-CN': '简体中文', 'en-US': 'English' };

/** The name of an id as far as the reader may know it; undefined where not. */
export type NameOf = (id: string) => string | undefined;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const UUID_INSIDE = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;
const MOMENT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

/** Whether a text is an id the archive hands out (a UUID). */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}

function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** A moment (ISO-8601 UTC) in local time as `2026-12-02 05:25:14`, the same in every language. */
export function momentText(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${pad(date.getFullYear(), 4)}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
}

function shortId(id: string): string {
  return `${id.slice(0, 8)}…`;
}

/** An audit action in words (a method name or another event the host records). */
export function actionInWords(language: Language, action: string): string {
  return (SEAM_MESSAGES[language].actions as Record<string, string>)[action] ?? action;
}

/** The outcome of an entry in words. */
export function outcomeInWords(language: Language, outcome: AuditEntry['outcome']): string {
  return TEXTS[language].register[outcome];
}

/** Who acted: the name the archive knows them by, with the login name; the system where nobody did. */
export function userInWords(language: Language, entry: Pick<AuditEntry, 'username' | 'displayName'>): string {
  if (entry.displayName && entry.username && entry.displayName !== entry.username) {
    const [open, close] = language === 'zh-CN' ? ['（', '）'] : [' (', ')'];
    return `${entry.displayName}${open}${entry.username}${close}`;
  }
  return entry.displayName ?? entry.username ?? TEXTS[language].words.system;
}

/** The purpose of a reading: a code in the reader's language, a typed purpose as typed. */
export function purposeInWords(language: Language, purpose: string | null): string | null {
  if (purpose === null || purpose === '') return null;
  return isReadPurpose(purpose) ? TEXTS[language].purposes[purpose] : purpose;
}

/**
 * What an entry is about: the kind of thing and its name (or a short id where the name is
 * not the reader's to see). `kindLabel` names a kind where the caller has its own word
 * for it (the window's features contribute theirs).
 */
export function targetInWords(
  language: Language,
  entry: Pick<AuditEntry, 'target' | 'targetName'>,
  nameOf: NameOf = () => undefined,
  kindLabel: (kind: string) => string | undefined = () => undefined,
): string | null {
  if (!entry.target) return null;
  const colon = entry.target.indexOf(':');
  const kind = colon < 0 ? entry.target : entry.target.slice(0, colon);
  const id = colon < 0 ? '' : entry.target.slice(colon + 1);
  const label = kindLabel(kind) ?? (SEAM_MESSAGES[language].auditTargets as Record<string, string>)[kind];
  if (label === undefined) return entry.target;
  const name = entry.targetName ?? (UUID.test(id) ? (nameOf(id) ?? shortId(id)) : id);
  return name === '' ? label : `${label} ${name}`;
}

function keyText(language: Language, key: string): string {
  return (TEXTS[language].detailKeys as Record<string, string>)[key] ?? key;
}

function sizeText(language: Language, bytes: number): string {
  const words = TEXTS[language].words;
  if (bytes < 1024) return fill(words.bytes, { n: bytes });
  if (bytes < 1024 * 1024) return fill(words.kib, { n: (bytes / 1024).toFixed(1) });
  return fill(words.mib, { n: (bytes / 1024 / 1024).toFixed(1) });
}

function valueText(language: Language, nameOf: NameOf, key: string, value: unknown): string {
  const words = TEXTS[language].words;
  if (value === null || value === undefined) return words.none;
  if (typeof value === 'boolean') return value ? words.yes : words.no;
  if (typeof value === 'number') {
    if (key.endsWith('Fen') && Number.isInteger(value)) return formatFen(value, LOCALES[language]);
    if (key === 'bytes' || key === 'size') return sizeText(language, value);
    return String(value);
  }
  if (typeof value === 'string') {
    if (UUID.test(value)) return nameOf(value) ?? shortId(value);
    if (key === 'reason' && isErrorCode(value)) return SEAM_MESSAGES[language].errors[value];
    if (key === 'reason' && isRefusalReason(value)) return SEAM_MESSAGES[language].reasons[value];
    if (key === 'action') return actionInWords(language, value);
    if (key === 'language' && value in LANGUAGE_NAMES) return LANGUAGE_NAMES[value as Language];
    if (key === 'kind' && (IMPORT_KINDS as readonly string[]).includes(value)) return IMPORT_KIND_TEXTS[language][value as (typeof IMPORT_KINDS)[number]];
    if (isPermission(value)) return PERMISSIONS[language][value].name;
    if (isReadPurpose(value) && key === 'purpose') return TEXTS[language].purposes[value];
    if (MOMENT.test(value)) return momentText(value);
    // A record named `contract:<id>`: the id shortened, as the register cannot name every record.
    return value.replace(UUID_INSIDE, (id) => nameOf(id) ?? shortId(id));
  }
  if (Array.isArray(value)) {
    return value.length === 0 ? words.none : value.map((item) => valueText(language, nameOf, key, item)).join(words.listSeparator);
  }
  if (typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if (key === 'firstBad' && typeof record.seq === 'number' && typeof record.reason === 'string') {
      const known = chainBreaks.safeParse(record.reason);
      const reason = known.success ? SEAM_MESSAGES[language].chainBreaks[known.data] : record.reason;
      return fill(words.firstBadAt, { seq: record.seq, reason });
    }
    const inner = fieldsInWords(language, nameOf, record);
    return inner === '' ? words.none : language === 'zh-CN' ? `（${inner}）` : `(${inner})`;
  }
  return String(value);
}

function fieldsInWords(language: Language, nameOf: NameOf, details: Record<string, unknown>): string {
  const words = TEXTS[language].words;
  return Object.entries(details)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => fill(words.keyValue, { key: keyText(language, key), value: valueText(language, nameOf, key, value) }))
    .join(words.fieldSeparator);
}

/** The details of an entry in words: each key by what it means, each value as a reader reads it. */
export function detailsInWords(language: Language, entry: Pick<AuditEntry, 'details'>, nameOf: NameOf = () => undefined): string | null {
  const details = entry.details;
  if (details === null || details === undefined) return null;
  if (typeof details !== 'object' || Array.isArray(details)) return valueText(language, nameOf, '', details);
  if (Object.keys(details).length === 0) return null;
  // Masked for a reader who may not read customers (services/audit/mask.ts): say so, then what is kept.
  const { masked, ...kept } = details as Record<string, unknown>;
  if (masked === true) {
    const rest = fieldsInWords(language, nameOf, kept);
    return rest === '' ? TEXTS[language].words.masked : `${TEXTS[language].words.masked}${TEXTS[language].words.fieldSeparator}${rest}`;
  }
  return fieldsInWords(language, nameOf, details as Record<string, unknown>);
}

/** An entry as one row of the register, in the reader's language. */
export interface RegisterRow {
  seq: number;
  at: string;
  user: string;
  action: string;
  outcome: string;
  target: string | null;
  purpose: string | null;
  details: string | null;
}

export function registerRow(language: Language, entry: AuditEntry, nameOf: NameOf = () => undefined): RegisterRow {
  return {
    seq: entry.seq,
    at: momentText(entry.at),
    user: userInWords(language, entry),
    action: actionInWords(language, entry.action),
    outcome: outcomeInWords(language, entry.outcome),
    target: targetInWords(language, entry, nameOf),
    purpose: purposeInWords(language, entry.purpose),
    details: detailsInWords(language, entry, nameOf),
  };
}

/** The filter as the register states it: "操作：查阅客户档案；起：…", or "all entries". */
export function filterInWords(language: Language, filter: AuditFilter, nameOf: NameOf = () => undefined): string {
  const given = Object.entries({ userId: filter.userId, action: filter.action, from: filter.from, to: filter.to }).filter(([, v]) => v !== undefined);
  return given.length === 0 ? TEXTS[language].register.noFilter : detailsInWords(language, { details: Object.fromEntries(given) }, nameOf)!;
}

/** A register text with its `{placeholders}` filled. */
export function registerText(language: Language, key: keyof (typeof auditZhCN)['register'], values: Record<string, string | number> = {}): string {
  return fill(TEXTS[language].register[key], values);
}
