import type { Transaction } from 'kysely';
import { ArchiveError, type FieldIssue } from '../../../shared/contract/errors';
import type { DB } from '../../archive/schema';
import type { PartialHandlers } from '../../host/handler';
import { reindexCustomer } from '../customers/grams';
import { nextArchiveNo } from './archive-numbers';
import { checkUploadedFile } from './content-check';
import { documentMetaOf } from './queries';
import { insertChunks, readDocumentContent, sealContent } from './storage';

// 档案材料: documents of a customer file (SPEC §1). An electronic document is stored
// encrypted with its own key (storage.ts); a physical item has a location. Opening one
// decrypts it in memory and hands it to the viewer with the watermark to lay over it.

function invalid(path: (string | number)[], message: string): ArchiveError {
  const issue: FieldIssue = { path, code: 'custom', message };
  return new ArchiveError('VALIDATION', 'the input is not valid', [issue]);
}

async function displayNameOf(db: Transaction<DB>, userId: string): Promise<string> {
  const row = await db.selectFrom('users').select('display_name').where('id', '=', userId).executeTakeFirstOrThrow();
  return row.display_name;
}

export const documentHandlers: PartialHandlers = {
  'documents.add': {
    async run({ input, db, actor, now, audit, host }) {
      // What was sent is judged first: a malformed upload is VALIDATION, whatever else.
      let bytes: Buffer | null = null;
      if (input.file) {
        const checked = checkUploadedFile(input.file.mime, input.file.contentBase64);
        if (!checked.ok) throw invalid(['file', checked.path], checked.problem);
        bytes = checked.bytes;
      }
      const location = input.location ?? { cabinet: null, shelf: null, box: null };
      const hasLocation = location.cabinet !== null || location.shelf !== null || location.box !== null;
      if (!bytes && !hasLocation) throw invalid(['location'], 'documentNeedsFileOrLocation');

      const customer = await db
        .selectFrom('customers')
        .select(['id', 'department_id'])
        .where('id', '=', input.customerId)
        .executeTakeFirst();
      if (!customer) throw new ArchiveError('NOT_FOUND', 'no such customer', { field: 'customerId' });

      let archiveNo = input.archiveNo;
      if (archiveNo !== null) {
        const taken = await db.selectFrom('documents').select('id').where('archive_no', '=', archiveNo).executeTakeFirst();
        if (taken) throw new ArchiveError('CONFLICT', 'this archive number is taken', { reason: 'archiveNoTaken', field: 'archiveNo' });
      } else {
        archiveNo = await nextArchiveNo(db, customer.department_id, input.retention, now);
      }

      const id = host.ids.next();
      const sealed = bytes ? sealContent(id, bytes) : null;
      bytes?.fill(0);
      try {
        await db
          .insertInto('documents')
          .values({
            id,
            customer_id: customer.id,
            category: input.category,
            title: input.title,
            archive_no: archiveNo,
            retention: input.retention,
            confidentiality: input.confidentiality,
            file_name: sealed ? input.file!.name : null,
            mime: sealed ? input.file!.mime : null,
            size: sealed?.size ?? null,
            sha256: sealed?.sha256 ?? null,
            content_key: sealed?.contentKey ?? null,
            location_cabinet: location.cabinet,
            location_shelf: location.shelf,
            location_box: location.box,
            added_by: actor!.userId,
            added_at: now.toISOString(),
          })
          .execute();
        if (sealed) await insertChunks(db, id, sealed.chunks);
      } finally {
        sealed?.contentKey.fill(0);
      }
      // Document titles are searchable: the customer is found by any part of one.
      await reindexCustomer(db, customer.id);

      audit.target = `document:${id}`;
      audit.details = {
        customerId: customer.id,
        category: input.category,
        title: input.title,
        archiveNo,
        retention: input.retention,
        confidentiality: input.confidentiality,
        mime: sealed ? input.file!.mime : null,
        size: sealed?.size ?? null,
        sha256: sealed?.sha256 ?? null,
        location: hasLocation ? location : null,
      };
      const [meta] = await documentMetaOf(db, [id]);
      return meta!;
    },
  },

  'documents.open': {
    async run({ input, db, actor, now, audit }) {
      const [meta] = await documentMetaOf(db, [input.id]);
      if (!meta) throw new ArchiveError('NOT_FOUND', 'no such document', { field: 'id' });
      if (!meta.electronic) throw new ArchiveError('CONFLICT', 'this document is a physical item only', { reason: 'notElectronic' });
      const content = await readDocumentContent(db, meta.id);
      const contentBase64 = content.toString('base64');
      content.fill(0);
      audit.target = `document:${meta.id}`;
      audit.details = { customerId: meta.customerId, archiveNo: meta.archiveNo };
      return {
        document: meta,
        contentBase64,
        watermark: { reader: await displayNameOf(db, actor!.userId), at: now.toISOString() },
      };
    },
  },
};
