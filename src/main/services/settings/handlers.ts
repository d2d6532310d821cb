import type { Kysely, Transaction } from 'kysely';
import type { Settings } from '../../../shared/contract/schemas';
import type { DB } from '../../archive/schema';
import type { PartialHandlers } from '../../host/handler';

type Db = Kysely<DB> | Transaction<DB>;

export const DEFAULT_SETTINGS: Settings = { companyName: '', idleLockMinutes: 15 };

export async function readSettings(db: Db): Promise<Settings> {
  const rows = await db.selectFrom('settings').select(['key', 'value']).execute();
  const stored = Object.fromEntries(rows.map((r) => [r.key, JSON.parse(r.value) as unknown]));
  return {
    companyName: typeof stored.companyName === 'string' ? stored.companyName : DEFAULT_SETTINGS.companyName,
    idleLockMinutes:
      typeof stored.idleLockMinutes === 'number' ? stored.idleLockMinutes : DEFAULT_SETTINGS.idleLockMinutes,
  };
}

export async function writeSettings(db: Db, settings: Partial<Settings>): Promise<void> {
  for (const [key, value] of Object.entries(settings)) {
    await db
      .insertInto('settings')
      .values({ key, value: JSON.stringify(value) })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify(value) }))
      .execute();
  }
}

export async function idleLockMinutesOf(db: Db): Promise<number> {
  return (await readSettings(db)).idleLockMinutes;
}

export const settingsHandlers: PartialHandlers = {
  'settings.get': {
    run: ({ db }) => readSettings(db),
  },
  'settings.update': {
    async run({ db, input, host, audit }) {
      const before = await readSettings(db);
      await writeSettings(db, input);
      audit.details = { before, after: input };
      await host.refreshSettings(db);
      return readSettings(db);
    },
  },
};
