import { z } from 'zod';
import { CONFIDENTIALITY_LEVELS, DOCUMENT_CATEGORIES, RETENTION_PERIODS } from '../domain/customers';
import { method } from './method';
import { id, isoMoment, optionalText, person, purpose, text } from './schemas';

// Documents of a customer file: electronic files (encrypted) and physical items.

/** Refusals of documents (`details.reason`). */
export const documentsReasons = z.enum(['archiveNoTaken', 'notElectronic']);
export type DocumentsReason = z.infer<typeof documentsReasons>;

export const documentMeta = z.strictObject({
  id,
  customerId: id,
  category: z.enum(DOCUMENT_CATEGORIES),
  title: z.string(),
  archiveNo: z.string(),
  retention: z.enum(RETENTION_PERIODS),
  confidentiality: z.enum(CONFIDENTIALITY_LEVELS),
  electronic: z
    .strictObject({ fileName: z.string(), mime: z.string(), size: z.number().int(), sha256: z.string() })
    .nullable(),
  location: z.strictObject({ cabinet: z.string().nullable(), shelf: z.string().nullable(), box: z.string().nullable() }).nullable(),
  addedBy: person,
  addedAt: isoMoment,
});
export type DocumentMeta = z.infer<typeof documentMeta>;

const customerRef = { customerId: id };

export const documentsMethods = {
  'documents.add': method({
    input: z
      .strictObject({
        ...customerRef,
        category: z.enum(DOCUMENT_CATEGORIES),
        title: text(200),
        /** 档号. Left empty, the next number is given. */
        archiveNo: optionalText(60),
        retention: z.enum(RETENTION_PERIODS),
        confidentiality: z.enum(CONFIDENTIALITY_LEVELS),
        file: z
          .strictObject({
            name: text(200),
            mime: z.string().max(120),
            /** The file's bytes, base64 (≤ 50 MiB of file). */
            contentBase64: z.string().min(1).max(70 * 1024 * 1024),
          })
          .nullable(),
        location: z
          .strictObject({ cabinet: optionalText(40), shelf: optionalText(40), box: optionalText(40) })
          .nullable(),
      })
      .refine((v) => v.file !== null || v.location !== null, { path: ['file'], message: 'documentNeedsFileOrLocation' }),
    output: documentMeta,
    permission: 'documents.write',
    writes: true,
  }),
  /** The content of an electronic document, decrypted in memory only, with the watermark to show. */
  'documents.open': method({
    input: z.strictObject({ id, purpose }),
    output: z.strictObject({
      document: documentMeta,
      contentBase64: z.string(),
      watermark: z.strictObject({ reader: z.string(), at: isoMoment }),
    }),
    permission: 'documents.read',
    readsCredit: true,
    readsCustomer: { via: 'document', field: 'id', use: 'read' },
  }),

};
