import { z } from 'zod';
import { IMPORT_FORMATS, IMPORT_KINDS } from '../domain/customers';
import { method } from './method';
import { text } from './schemas';

// Imports of customers, contracts, transactions and payments from CSV and XLSX files.

/** What an import can find wrong with a file, a row or a cell. */
export const importProblemCodes = z.enum([
  'required',
  'column.missing',
  'column.duplicate',
  'file.quotes',
  'text.tooLong',
  'invalid',
  'creditCode.length',
  'creditCode.characters',
  'creditCode.checkCharacter',
  'creditCode.required',
  'creditCode.notForIndividual',
  'idNumber.length',
  'idNumber.characters',
  'idNumber.birthDate',
  'idNumber.checkCharacter',
  'idNumber.required',
  'idNumber.notForEnterprise',
  'customerKind.invalid',
  'enterpriseNature.invalid',
  'serviceType.invalid',
  'confidentiality.invalid',
  'contractStatus.invalid',
  'transactionKind.invalid',
  'phone.invalid',
  'email.invalid',
  'bankAccount.invalid',
  'contact.nameRequired',
  'amount.invalid',
  'amount.negative',
  'amount.zero',
  'amount.decimals',
  'amount.tooLarge',
  'date.invalid',
  'date.order',
  'department.unknown',
  'customer.unknown',
  'customer.ambiguous',
  'contract.unknown',
  'contract.otherCustomer',
  'contract.voided',
  'duplicate.inFile',
  'duplicate.inArchive',
]);
export type ImportProblemCode = z.infer<typeof importProblemCodes>;

export const importProblem = z.strictObject({
  /** 1-based row number in the file, the header being row 1. */
  row: z.number().int(),
  column: z.string().nullable(),
  code: importProblemCodes,
  value: z.string().nullable(),
});
export type ImportProblem = z.infer<typeof importProblem>;

const importFile = {
  kind: z.enum(IMPORT_KINDS),
  format: z.enum(IMPORT_FORMATS),
  fileName: text(200),
  /** The file's bytes, base64 (≤ 200 MiB of file). */
  contentBase64: z.string().max(280 * 1024 * 1024),
};

export const importsMethods = {
  'imports.template': method({
    input: z.strictObject({ kind: z.enum(IMPORT_KINDS), format: z.enum(IMPORT_FORMATS) }),
    output: z.strictObject({ fileName: z.string(), mime: z.string(), contentBase64: z.string() }),
    permission: 'customers.import',
  }),
  /** Check a file row by row; writes nothing. */
  'imports.preview': method({
    input: z.strictObject(importFile),
    output: z.strictObject({
      rows: z.number().int(),
      problems: z.array(importProblem),
      /** More problems than listed. */
      moreProblems: z.number().int(),
      /** The file row the header was read from (1 unless a title stands above it). */
      headerRow: z.number().int(),
      columns: z.array(z.string()),
      sample: z.array(z.array(z.string())),
    }),
    permission: 'customers.import',
  }),
  /** Check again and write the whole file in one transaction, or nothing. Progress: jobs.progress. */
  'imports.run': method({
    input: z.strictObject({ ...importFile, jobId: z.uuid() }),
    output: z.strictObject({ written: z.number().int() }),
    permission: 'customers.import',
    writes: true,
  }),
};
