import type { FormErrors } from '@mantine/form';
import type { TFunction } from 'i18next';
import { useCallback, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { YuanProblem } from '../../../shared/domain/money';
import { ApiError } from '../api/errors';

/** What a field issue may say: a zod issue from the form, or a FieldIssue from the host. */
interface IssueLike {
  code?: string;
  message: string;
  origin?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  expected?: string;
  input?: unknown;
}

/** Whether the issue is about a field left empty (its input is reported with the issue). */
function leftEmpty(issue: IssueLike): boolean {
  // The host's field issues carry no input: nothing is known of it.
  if (!('input' in issue)) return false;
  return issue.input === undefined || issue.input === null || (typeof issue.input === 'string' && issue.input.trim() === '');
}

const CREDIT_CODE_MESSAGES = ['length', 'characters', 'checkCharacter', 'required', 'notForIndividual'] as const;
const ID_NUMBER_MESSAGES = ['length', 'characters', 'birthDate', 'checkCharacter', 'required', 'notForEnterprise'] as const;
const DOCUMENT_MESSAGES = ['badBase64', 'tooLarge', 'mimeNotAllowed', 'typeMismatch'] as const;

const FORMAT_KEYS = ['username', 'recoveryCode', 'uuid', 'phone', 'bankAccount'] as const;
type FormatKey = (typeof FORMAT_KEYS)[number];

/** Custom messages of form-only refinements are translation keys under `validation.`. */
export const CUSTOM_MESSAGES = ['passwordMismatch', 'samePassword'] as const;
type CustomMessage = (typeof CUSTOM_MESSAGES)[number];

function isCustom(message: string): message is CustomMessage {
  return (CUSTOM_MESSAGES as readonly string[]).includes(message);
}

/**
 * Messages of the customer file's refinements (contract and host): translation keys under
 * `validation.`, such as `creditCode.checkCharacter` or `dateOrder`.
 */
const CUSTOMER_MESSAGES = [
  'dateOrder',
  'documentNeedsFileOrLocation',
  ...CREDIT_CODE_MESSAGES.map((problem) => `creditCode.${problem}` as const),
  ...ID_NUMBER_MESSAGES.map((problem) => `idNumber.${problem}` as const),
  ...DOCUMENT_MESSAGES.map((problem) => `document.${problem}` as const),
] as const;
type CustomerMessage = (typeof CUSTOMER_MESSAGES)[number];

function isCustomerMessage(message: string): message is CustomerMessage {
  return (CUSTOMER_MESSAGES as readonly string[]).includes(message);
}

/** What an amount typed wrong is told, by the problem shared/domain/money found. */
export const MONEY_PROBLEM_KEYS = {
  invalid: 'validation.money',
  decimals: 'validation.moneyDecimals',
  negative: 'validation.moneyNegative',
  tooLarge: 'validation.moneyTooLarge',
} as const satisfies Record<YuanProblem, string>;

function firstNumber(text: string): number | null {
  const match = /(\d+)/.exec(text);
  return match ? Number(match[1]) : null;
}

/** One issue in the user's language: Chinese by default, whatever the source said. */
export function issueText(t: TFunction, issue: IssueLike): string {
  if (isCustom(issue.message)) return t(`validation.${issue.message}`);
  // The host's (and the form's) password rule, src/shared/domain/password-strength.
  if (issue.message === 'passwordTooWeak') return t('errorReason.passwordTooWeak');
  if (isCustomerMessage(issue.message)) return t(`validation.${issue.message}`);
  if (issue.message === 'required') return t('validation.required');
  if (issue.message === 'import.unreadable') return t('validation.importUnreadable');
  if ((FORMAT_KEYS as readonly string[]).includes(issue.message)) {
    return t(`validation.format.${issue.message as FormatKey}`);
  }
  const origin = issue.origin;
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined || issue.input === null || issue.expected === 'nonoptional' ? t('validation.required') : t('validation.invalid');
    case 'too_small': {
      const min = (issue.minimum !== undefined ? Number(issue.minimum) : null) ?? firstNumber(issue.message);
      if (origin === 'array') return min !== null ? t('validation.tooFew', { min }) : t('validation.invalid');
      if (origin === 'number' || origin === 'int') {
        return min !== null ? t('validation.tooSmall', { min }) : t('validation.invalid');
      }
      // A text left empty is missing, whatever its least length: "required", not "at least 2".
      if (leftEmpty(issue)) return t('validation.required');
      if (min === null) return t('validation.invalid');
      return min <= 1 ? t('validation.required') : t('validation.tooShort', { min });
    }
    case 'too_big': {
      const max = (issue.maximum !== undefined ? Number(issue.maximum) : null) ?? firstNumber(issue.message);
      if (max === null) return t('validation.invalid');
      if (origin === 'array') return t('validation.tooMany', { max });
      if (origin === 'number' || origin === 'int') return t('validation.tooLarge', { max });
      return t('validation.tooLong', { max });
    }
    case 'not_multiple_of':
      return t('validation.notInteger');
    case 'unrecognized_keys':
      return t('validation.notAllowed');
    case 'invalid_format':
      if (issue.message === 'date' || /\bdate\b/i.test(issue.message)) return t('validation.format.date');
      if (issue.message === 'email' || /e-?mail/i.test(issue.message)) return t('validation.format.email');
      return t('validation.invalid');
    default:
      return t('validation.invalid');
  }
}

function pathKey(path: readonly PropertyKey[]): string {
  return path.map((segment) => String(segment)).join('.');
}

/** What a form reads from its values before the schema checks them. */
export interface FormReading {
  /** The values as the schema's input (money parsed to fen, empty choices as null …). */
  input: unknown;
  /** Problems found while reading (an amount typed wrong, days out of order), by field, translated. */
  errors?: FormErrors;
}

export interface SchemaValidatorOptions<T> {
  /** The values as the schema's input; without it, the values are the input as they are. */
  read?: (values: T, t: TFunction) => FormReading;
  /** A contract path (`registeredCapitalFen`, `location.cabinet`) to the form's field when they differ. */
  rename?: Readonly<Record<string, string>>;
}

/**
 * The one way a form validates: a Mantine validator from a zod schema (the contract's
 * input schemas, mostly), with messages in the current language. What `read` found comes
 * first; then the first issue of each field wins.
 */
export function useSchemaValidator<T>(schema: z.ZodType, options: SchemaValidatorOptions<T> = {}): (values: T) => FormErrors {
  const { t } = useTranslation();
  // The latest options are used: a form writes them inline, anew each render.
  const latest = useRef(options);
  latest.current = options;
  return useCallback(
    (values: T) => {
      const { read, rename } = latest.current;
      const reading = read ? read(values, t) : { input: values };
      const errors: FormErrors = { ...reading.errors };
      const result = schema.safeParse(reading.input, { reportInput: true });
      if (result.success) return errors;
      for (const issue of result.error.issues) {
        const path = pathKey(issue.path);
        const key = rename?.[path] ?? path;
        if (!(key in errors)) errors[key] = issueText(t, issue);
      }
      return errors;
    },
    [schema, t],
  );
}

/** The contract's length of a field, for a form's `maxLength` (one reading, shared with the imports). */
export { schemaMaxLength } from '../../../shared/contract/schemas';

/**
 * Puts the host's VALIDATION issues on the form's fields. `rename` maps a contract path
 * to the form's field when they differ. Returns whether any issue found its field; the
 * caller shows a general message for what did not.
 */
export function applyServerIssues(
  t: TFunction,
  error: unknown,
  setFieldError: (path: string, message: string) => void,
  fields: readonly string[],
  rename: Record<string, string> = {},
): boolean {
  if (!(error instanceof ApiError) || error.code !== 'VALIDATION') return false;
  let placed = false;
  for (const issue of error.fieldIssues) {
    const contractPath = pathKey(issue.path);
    const field = rename[contractPath] ?? contractPath;
    if (fields.includes(field)) {
      setFieldError(field, issueText(t, issue));
      placed = true;
    }
  }
  return placed;
}

/**
 * After a refused submit, bring the first field with a message into view and focus it:
 * in a long dialog the message may be out of sight. Runs once the errors are rendered.
 */
export function focusFirstInvalid(form: HTMLFormElement | null): void {
  requestAnimationFrame(() => {
    const field = form?.querySelector<HTMLElement>('[aria-invalid="true"]');
    if (!field) return;
    field.scrollIntoView({ block: 'center' });
    field.focus({ preventScroll: true });
  });
}
