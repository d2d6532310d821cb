import type { z } from 'zod';
import type { CustomerContactsTable, CustomersTable } from '../../../archive/schema';
import { customerCreateInput } from '../../../../shared/contract/customers';
import { importProblemCodes, type ImportProblemCode } from '../../../../shared/contract/imports';
import { CONFIDENTIALITY_LABELS, CUSTOMER_KIND_LABELS, ENTERPRISE_NATURE_LABELS, SERVICE_TYPE_LABELS } from '../kinds';
import type { ArchiveLookups } from '../lookups';
import { cellText, parseDay, parseFen } from '../values';
import { labelReader, type CheckOptions, type KindChecker, type ProblemList, type RowContext, type RowReaders } from './rows';

// Customers are checked by the contract's own schema (customerCreateInput), the one the
// form enters a customer by: its lengths, identifiers and formats are the import's.

/** A customers row as an import writes it (the columns a file fills), with its contacts. */
export type CustomerRecord = Pick<
  CustomersTable,
  | 'kind'
  | 'name'
  | 'credit_code'
  | 'id_number'
  | 'enterprise_nature'
  | 'registered_capital_fen'
  | 'legal_representative'
  | 'person_in_charge'
  | 'address'
  | 'bank_name'
  | 'bank_account'
  | 'industry'
  | 'service_type'
  | 'cooperation_start'
  | 'department_id'
  | 'confidentiality'
> & {
  /** A file has a finance and a business contact column. */
  contacts: (Pick<CustomerContactsTable, 'name' | 'phone' | 'email'> & { role: 'finance' | 'business' })[];
};


type CustomerInput = z.input<typeof customerCreateInput>;

/** Where a field of customerCreateInput comes from in the file. */
const FIELD_COLUMN: Record<string, string> = {
  kind: 'kind',
  name: 'name',
  creditCode: 'creditCode',
  idNumber: 'idNumber',
  enterpriseNature: 'enterpriseNature',
  registeredCapitalFen: 'registeredCapital',
  legalRepresentative: 'legalRepresentative',
  personInCharge: 'personInCharge',
  address: 'address',
  bankName: 'bankName',
  bankAccount: 'bankAccount',
  industry: 'industry',
  serviceType: 'serviceType',
  cooperationStart: 'cooperationStart',
  departmentId: 'department',
  confidentiality: 'confidentiality',
};

/** A zod issue of the customer form as an import problem code. */
function problemCode(issue: z.core.$ZodIssue): ImportProblemCode {
  const m = issue.message;
  const own = importProblemCodes.safeParse(m); // creditCode.checkCharacter, idNumber.birthDate …
  if (own.success) return own.data;
  if (m === 'phone' || m === 'bankAccount') return `${m}.invalid`;
  const field = issue.path[issue.path.length - 1];
  if (field === 'email') return 'email.invalid';
  if (issue.code === 'too_big') return 'text.tooLong';
  if (issue.code === 'too_small') return 'required';
  return 'invalid';
}

export function customersChecker(lookups: ArchiveLookups, problems: ProblemList, options: CheckOptions, h: RowReaders): KindChecker<CustomerRecord> {
  const seen = new Map<string, number>();
  const kinds = labelReader(CUSTOMER_KIND_LABELS);
  const natures = labelReader(ENTERPRISE_NATURE_LABELS);
  const services = labelReader(SERVICE_TYPE_LABELS);
  const levels = labelReader(CONFIDENTIALITY_LABELS);
  const raw = (row: RowContext, key: string): string | null => cellText(h.cellOf(row.cells, h.at(key)));
  return {
    row(row) {
      const before = problems.count;
      const creditCode = raw(row, 'creditCode');
      const idNumber = raw(row, 'idNumber');
      // 客户类型 left empty: an ID number without a credit code is a person.
      const kind = h.label(row, 'kind', kinds, 'customerKind.invalid', idNumber && !creditCode ? 'individual' : 'enterprise');
      const nature = h.label(row, 'enterpriseNature', natures, 'enterpriseNature.invalid', null);
      const capital = h.parsed(row, 'registeredCapital', parseFen, false);
      const service = h.label(row, 'serviceType', services, 'serviceType.invalid', null);
      const since = h.parsed(row, 'cooperationStart', parseDay, false);
      const level = h.label(row, 'confidentiality', levels, 'confidentiality.invalid', 'normal');
      const departmentId = h.department(row, options.defaultDepartmentId);

      const contacts: CustomerRecord['contacts'] = [];
      const email = raw(row, 'email');
      let emailTaken = false;
      for (const [role, nameKey_, phoneKey] of [
        ['finance', 'financeContact', 'financePhone'],
        ['business', 'businessContact', 'businessPhone'],
      ] as const) {
        const name = raw(row, nameKey_);
        const phone = raw(row, phoneKey);
        if (name === null) {
          if (phone !== null) h.report(row.n, phoneKey, 'contact.nameRequired', phone);
          continue;
        }
        contacts.push({ role, name, phone, email: emailTaken ? null : email });
        emailTaken = emailTaken || email !== null;
      }
      if (email !== null && !emailTaken) h.report(row.n, 'email', 'contact.nameRequired', email);

      // The form's own schema, with what the file could not give replaced by valid
      // stand-ins (already reported above), so that every other rule is still checked.
      const input: CustomerInput = {
        kind: kind ?? (idNumber && !creditCode ? 'individual' : 'enterprise'),
        name: raw(row, 'name') ?? '',
        creditCode,
        idNumber,
        enterpriseNature: nature ?? null,
        registeredCapitalFen: capital ?? null,
        legalRepresentative: raw(row, 'legalRepresentative'),
        personInCharge: raw(row, 'personInCharge'),
        address: raw(row, 'address'),
        bankName: raw(row, 'bankName'),
        bankAccount: raw(row, 'bankAccount'),
        industry: raw(row, 'industry'),
        serviceType: service ?? null,
        cooperationStart: since ?? null,
        departmentId: departmentId ?? options.defaultDepartmentId,
        confidentiality: level ?? 'normal',
        contacts,
      };
      const result = customerCreateInput.safeParse(input);
      if (!result.success) {
        for (const issue of result.error.issues) {
          const [field, i, sub] = issue.path;
          let key = FIELD_COLUMN[String(field)] ?? 'name';
          if (field === 'contacts' && typeof i === 'number') {
            const contact = contacts[i]!;
            key = sub === 'email' ? 'email' : contact.role === 'finance' ? (sub === 'phone' ? 'financePhone' : 'financeContact') : sub === 'phone' ? 'businessPhone' : 'businessContact';
          }
          h.report(row.n, key, problemCode(issue), h.cellOf(row.cells, h.at(key)));
        }
        return null;
      }
      const v = result.data;
      const identifier = v.kind === 'enterprise' ? v.creditCode : v.idNumber;
      const identifierKey = v.kind === 'enterprise' ? 'creditCode' : 'idNumber';
      if (identifier) {
        if (seen.has(identifier)) h.report(row.n, identifierKey, 'duplicate.inFile', identifier);
        else {
          seen.set(identifier, row.n);
          if (lookups.customersByCode.has(identifier)) h.report(row.n, identifierKey, 'duplicate.inArchive', identifier);
        }
      }
      if (problems.count !== before) return null;
      return {
        kind: v.kind,
        name: v.name,
        credit_code: v.kind === 'enterprise' ? v.creditCode : null,
        id_number: v.kind === 'individual' ? v.idNumber : null,
        enterprise_nature: v.enterpriseNature,
        registered_capital_fen: v.registeredCapitalFen,
        legal_representative: v.legalRepresentative,
        person_in_charge: v.personInCharge,
        address: v.address,
        bank_name: v.bankName,
        bank_account: v.bankAccount,
        industry: v.industry,
        service_type: v.serviceType,
        cooperation_start: v.cooperationStart,
        department_id: v.departmentId,
        confidentiality: v.confidentiality,
        contacts: v.contacts.map((c) => ({ role: c.role as 'finance' | 'business', name: c.name, phone: c.phone, email: c.email })),
      };
    },
    finish: async () => {},
  };
}
