import type { Kysely, Transaction } from 'kysely';
import { pinyinSortKey } from '../../../shared/domain/pinyin';
import type { DB } from '../../archive/schema';

// The search index: every two-character fragment (bigram) of a customer's name, its
// contacts' names and its documents' titles, pointing at the customer. A query of two
// or more characters is then found by looking up its bigrams, never by scanning names.

type Db = Kysely<DB> | Transaction<DB>;

/** How text is folded for search: NFKC (full-width → half-width), lower case, no spaces. */
export function foldForSearch(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, '');
}

/** The distinct bigrams of some texts (a one-character text gives itself). */
export function gramsOf(texts: readonly (string | null | undefined)[]): string[] {
  const grams = new Set<string>();
  for (const raw of texts) {
    if (!raw) continue;
    const chars = Array.from(foldForSearch(raw));
    if (chars.length === 1) grams.add(chars[0]!);
    for (let i = 0; i + 1 < chars.length; i++) grams.add(chars[i]! + chars[i + 1]!);
  }
  return [...grams];
}

/**
 * What a customer's search fragments are checked against: its searchable texts, folded,
 * separated by a character no query contains (so a match never spans two texts).
 */
export function searchTextOf(texts: readonly (string | null | undefined)[]): string {
  return texts.filter((t): t is string => !!t).map(foldForSearch).join('\u0001');
}

/** The texts of a customer that search finds by any part. */
export async function searchableTexts(db: Db, customerId: string): Promise<string[]> {
  const [customer, contacts, documents] = await Promise.all([
    db.selectFrom('customers').select('name').where('id', '=', customerId).executeTakeFirst(),
    db.selectFrom('customer_contacts').select('name').where('customer_id', '=', customerId).execute(),
    db.selectFrom('documents').select('title').where('customer_id', '=', customerId).execute(),
  ]);
  return [customer?.name, ...contacts.map((c) => c.name), ...documents.map((d) => d.title)].filter(
    (t): t is string => !!t,
  );
}

/**
 * Rebuild one customer's grams, search text and pinyin sort key after its name, contacts
 * or documents changed.
 */
export async function reindexCustomer(db: Transaction<DB>, customerId: string): Promise<void> {
  await db.deleteFrom('search_grams').where('customer_id', '=', customerId).execute();
  const texts = await searchableTexts(db, customerId);
  const sortKey = pinyinSortKey(texts[0] ?? '');
  await db.updateTable('customers').set({ search_text: searchTextOf(texts), sort_key: sortKey }).where('id', '=', customerId).execute();
  const grams = gramsOf(texts);
  for (let i = 0; i < grams.length; i += 200) {
    await db
      .insertInto('search_grams')
      .values(grams.slice(i, i + 200).map((gram) => ({ gram, sort_key: sortKey, customer_id: customerId })))
      .execute();
  }
}
