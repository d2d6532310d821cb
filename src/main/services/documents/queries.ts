import type { Kysely, Transaction } from 'kysely';
import type { DocumentMeta } from '../../../shared/contract/documents';
import type { DocumentCategory } from '../../../shared/domain/customers';
import { compiledOnce } from '../../archive/compiled';
import type { DB } from '../../archive/schema';

// What a customer file shows of its documents: everything but the content and its key.

type Db = Kysely<DB> | Transaction<DB>;

function metaQuery(db: Db) {
  return db
    .selectFrom('documents')
    .innerJoin('users', 'users.id', 'documents.added_by')
    .select([
      'documents.id',
      'documents.customer_id',
      'documents.category',
      'documents.title',
      'documents.archive_no',
      'documents.retention',
      'documents.confidentiality',
      'documents.file_name',
      'documents.mime',
      'documents.size',
      'documents.sha256',
      'documents.location_cabinet',
      'documents.location_shelf',
      'documents.location_box',
      'documents.added_by',
      'users.display_name as added_by_name',
      'documents.added_at',
    ]);
}

type MetaRow = Awaited<ReturnType<ReturnType<typeof metaQuery>['executeTakeFirstOrThrow']>>;

function toMeta(r: MetaRow): DocumentMeta {
  const hasLocation = r.location_cabinet !== null || r.location_shelf !== null || r.location_box !== null;
  return {
    id: r.id,
    customerId: r.customer_id,
    category: r.category as DocumentCategory,
    title: r.title,
    archiveNo: r.archive_no,
    retention: r.retention,
    confidentiality: r.confidentiality,
    electronic:
      r.file_name !== null
        ? { fileName: r.file_name, mime: r.mime ?? 'application/octet-stream', size: r.size ?? 0, sha256: r.sha256 ?? '' }
        : null,
    location: hasLocation ? { cabinet: r.location_cabinet, shelf: r.location_shelf, box: r.location_box } : null,
    addedBy: { id: r.added_by, displayName: r.added_by_name },
    addedAt: r.added_at,
  };
}

/** The documents with these ids, in the order given; ids that name none are left out. */
export async function documentMetaOf(db: Db, ids: readonly string[]): Promise<DocumentMeta[]> {
  const byId = new Map<string, DocumentMeta>();
  const unique = [...new Set(ids)];
  for (let i = 0; i < unique.length; i += 500) {
    const rows = await metaQuery(db).where('documents.id', 'in', unique.slice(i, i + 500)).execute();
    for (const r of rows) byId.set(r.id, toMeta(r));
  }
  return ids.map((id) => byId.get(id)).filter((m): m is DocumentMeta => m !== undefined);
}

// Every file open lists the documents: built and compiled once (see compiledOnce).
const ofCustomerQuery = compiledOnce<DB, { customerId: string }>()((db, param) =>
  metaQuery(db).where('documents.customer_id', '=', param('customerId')).orderBy('documents.added_at').orderBy('documents.id'),
);

/** A customer's documents, in the order they were added (as an archive register lists them). */
export async function documentsOfCustomer(db: Db, customerId: string): Promise<DocumentMeta[]> {
  return (await ofCustomerQuery.execute(db, { customerId })).map(toMeta);
}

