import type { Transaction } from 'kysely';
import type { AuditTargetKind } from '../../../shared/contract/audit';
import type { AuditEntry } from '../../../shared/contract/schemas';
import type { Permission } from '../../../shared/domain/permissions';
import { isUuid } from '../../../shared/messages/auditWords';
import type { Language } from '../../../shared/messages';
import type { DB } from '../../archive/schema';
import type { Actor } from '../../host/handler';

// The register names the objects of its entries by what they are. Each domain that names
// a kind of target contributes how its objects are called (registerAuditNamer in
// services/index.ts), and which permission a reader needs to see those names: a
// customer's name is credit information, so it needs customers.read.

export interface AuditNamer {
  kind: AuditTargetKind;
  /** The permission a reader needs to see these names; none: every reader of the log. */
  needs?: Permission;
  /** Whether ids in an entry's details may be of this kind (a user id, a customer id …). */
  inDetails: boolean;
  names(db: Transaction<DB>, ids: readonly string[], language: Language): Promise<Map<string, string>>;
}

const namers = new Map<string, AuditNamer>();

export function registerAuditNamer(namer: AuditNamer): void {
  if (namers.has(namer.kind)) throw new Error(`audit names registered twice: ${namer.kind}`);
  namers.set(namer.kind, namer);
}

/** Where `WHERE id IN (…)` is given many ids: SQLite takes at most 32 766 parameters; stay well below. */
export const IN_CHUNK = 500;

export async function inChunks<T>(ids: readonly string[], read: (chunk: string[]) => Promise<T[]>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < ids.length; i += IN_CHUNK) out.push(...(await read(ids.slice(i, i + IN_CHUNK))));
  return out;
}

function collectUuids(value: unknown, into: Set<string>): void {
  if (typeof value === 'string') {
    if (isUuid(value)) into.add(value);
  } else if (Array.isArray(value)) {
    for (const item of value) collectUuids(item, into);
  } else if (value && typeof value === 'object') {
    for (const item of Object.values(value)) collectUuids(item, into);
  }
}

export interface NamedEntries {
  /** Each entry with the name of its target where the reader may know it. */
  entries: AuditEntry[];
  /** Names of the ids in the entries' details (and of their targets). */
  names: Record<string, string>;
}

/** The names of the entries' targets and of the ids their details carry, as far as this reader may know them. */
export async function nameEntries(db: Transaction<DB>, actor: Actor, entries: AuditEntry[], language: Language): Promise<NamedEntries> {
  const byKind = new Map<string, Set<string>>();
  const inDetails = new Set<string>();
  for (const entry of entries) {
    if (entry.target) {
      const colon = entry.target.indexOf(':');
      if (colon > 0) {
        const kind = entry.target.slice(0, colon);
        if (!byKind.has(kind)) byKind.set(kind, new Set());
        byKind.get(kind)!.add(entry.target.slice(colon + 1));
      }
    }
    collectUuids(entry.details, inDetails);
  }
  const targetNames = new Map<string, Map<string, string>>();
  const names: Record<string, string> = {};
  for (const namer of namers.values()) {
    if (namer.needs && !actor.permissions.has(namer.needs)) continue;
    const ids = new Set(byKind.get(namer.kind) ?? []);
    if (namer.inDetails) for (const id of inDetails) ids.add(id);
    if (ids.size === 0) continue;
    const found = await namer.names(db, [...ids], language);
    targetNames.set(namer.kind, found);
    for (const [id, name] of found) if (inDetails.has(id)) names[id] = name;
  }
  return {
    entries: entries.map((entry) => {
      if (!entry.target) return entry;
      const colon = entry.target.indexOf(':');
      const name = colon > 0 ? targetNames.get(entry.target.slice(0, colon))?.get(entry.target.slice(colon + 1)) : undefined;
      return name === undefined ? entry : { ...entry, targetName: name };
    }),
    names,
  };
}
