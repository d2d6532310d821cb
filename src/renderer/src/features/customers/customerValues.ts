// The value model of the customer form: what the form holds (text as typed, yuan for
// money) and how it becomes the contract's input and back. Pure: no React, no i18n, so
// it is tested on its own (test/renderer/customer-values.test.ts).

import { contract, type CustomerFile, type Input } from '../../../../shared/contract';
import type { CONTACT_ROLES, CUSTOMER_KINDS } from '../../../../shared/domain/customers';
import { fenToYuanText, parseYuan, type YuanProblem } from '../../../../shared/domain/money';
import { changedKeyFields, type KeyData, type VerificationKeyField } from '../../../../shared/domain/verification';

export type CustomerKind = (typeof CUSTOMER_KINDS)[number];

export interface ContactValues {
  /** Identifies the row while it is edited; not sent. */
  key: string;
  role: (typeof CONTACT_ROLES)[number];
  name: string;
  phone: string;
  email: string;
}

export interface CustomerValues {
  kind: CustomerKind;
  name: string;
  creditCode: string;
  idNumber: string;
  enterpriseNature: string | null;
  /** Yuan as typed. */
  registeredCapital: string;
  legalRepresentative: string;
  personInCharge: string;
  address: string;
  bankName: string;
  bankAccount: string;
  industry: string;
  serviceType: string | null;
  cooperationStart: string | null;
  departmentId: string | null;
  confidentiality: string;
  contacts: ContactValues[];
}

/** The form's fields that the host may name in a VALIDATION issue. */
export const CUSTOMER_FIELDS = [
  'kind',
  'name',
  'creditCode',
  'idNumber',
  'enterpriseNature',
  'registeredCapital',
  'legalRepresentative',
  'personInCharge',
  'address',
  'bankName',
  'bankAccount',
  'industry',
  'serviceType',
  'cooperationStart',
  'departmentId',
  'confidentiality',
] as const;

const CONTACT_FIELDS = ['role', 'name', 'phone', 'email'] as const;

/** The form's fields of each contact row: `contacts.0.name` … */
export function contactFields(values: CustomerValues): string[] {
  return values.contacts.flatMap((_, i) => CONTACT_FIELDS.map((field) => `contacts.${i}.${field}`));
}

/** Where the contract's path differs from the form's field. */
export const CUSTOMER_RENAME = { registeredCapitalFen: 'registeredCapital' } as const;

export const EMPTY_CUSTOMER: CustomerValues = {
  kind: 'enterprise',
  name: '',
  creditCode: '',
  idNumber: '',
  enterpriseNature: null,
  registeredCapital: '',
  legalRepresentative: '',
  personInCharge: '',
  address: '',
  bankName: '',
  bankAccount: '',
  industry: '',
  serviceType: null,
  cooperationStart: null,
  departmentId: null,
  confidentiality: 'normal',
  contacts: [],
};

/** A new contact row; the first one is the finance contact. */
export function newContact(key: string, existing: number): ContactValues {
  return { key, role: existing === 0 ? 'finance' : 'business', name: '', phone: '', email: '' };
}

/** The stored basics as the form shows them for editing. */
export function valuesOf(basics: CustomerFile['basics']): CustomerValues {
  return {
    kind: basics.kind,
    name: basics.name,
    creditCode: basics.creditCode ?? '',
    idNumber: basics.idNumber ?? '',
    enterpriseNature: basics.enterpriseNature,
    registeredCapital: basics.registeredCapitalFen === null ? '' : fenToYuanText(basics.registeredCapitalFen),
    legalRepresentative: basics.legalRepresentative ?? '',
    personInCharge: basics.personInCharge ?? '',
    address: basics.address ?? '',
    bankName: basics.bankName ?? '',
    bankAccount: basics.bankAccount ?? '',
    industry: basics.industry ?? '',
    serviceType: basics.serviceType,
    cooperationStart: basics.cooperationStart,
    departmentId: basics.departmentId,
    confidentiality: basics.confidentiality,
    contacts: [],
  };
}

type Fields = Omit<Input<'customers.update'>, 'id'>;

export interface CustomerReading {
  /** The values as the input of `customers.create` (customer null) or `customers.update`. */
  input: Input<'customers.create'> | Input<'customers.update'>;
  /** What is wrong with the registered capital as typed; the input then carries none. */
  capitalProblem: YuanProblem | null;
}

/**
 * The form's values as the contract's input. Fields that do not belong to the kind of
 * customer are left out (an individual has no credit code); money is read from yuan.
 * Choices are passed as chosen: the contract's schema says whether they are valid.
 */
export function readCustomerValues(values: CustomerValues, existing: { id: string } | null): CustomerReading {
  const enterprise = values.kind === 'enterprise';
  const capital = enterprise ? parseYuan(values.registeredCapital) : null;
  const fields = {
    kind: values.kind,
    name: values.name,
    creditCode: enterprise ? values.creditCode : null,
    idNumber: enterprise ? null : values.idNumber,
    enterpriseNature: enterprise ? values.enterpriseNature : null,
    registeredCapitalFen: capital && capital.ok ? capital.fen : null,
    legalRepresentative: enterprise ? values.legalRepresentative : null,
    personInCharge: values.personInCharge,
    address: values.address,
    bankName: values.bankName,
    bankAccount: values.bankAccount,
    industry: values.industry,
    serviceType: values.serviceType,
    cooperationStart: values.cooperationStart || null,
    departmentId: values.departmentId ?? '',
    confidentiality: values.confidentiality,
  } as Fields; // the enums are checked by the schema, with a message per field
  const contacts = values.contacts.map(({ key: _key, ...contact }) => contact);
  return {
    input: existing ? { id: existing.id, ...fields } : { ...fields, contacts },
    capitalProblem: capital && !capital.ok ? capital.problem : null,
  };
}

/** The schema that checks the form: create for a new customer, update for an existing one. */
export function customerSchema(existing: { id: string } | null) {
  return existing ? contract['customers.update'].input : contract['customers.create'].input;
}

function keyDataOf(v: { name: string; creditCode: string | null; idNumber: string | null; bankName: string | null; bankAccount: string | null }): KeyData {
  return { name: v.name, creditCode: v.creditCode, idNumber: v.idNumber, bankName: v.bankName, bankAccount: v.bankAccount };
}

/**
 * Which key data of 双人核验 the values change, read as the host will store them (the
 * contract's schema normalises: trimmed, codes upper-case, account digits only).
 */
export function changedKeyData(before: CustomerFile['basics'], values: CustomerValues): VerificationKeyField[] {
  const parsed = contract['customers.update'].input.safeParse(readCustomerValues(values, before).input);
  if (!parsed.success) return [];
  return changedKeyFields(keyDataOf(before), keyDataOf(parsed.data));
}
