import type { Transaction } from 'kysely';
import { ArchiveError } from '../../../shared/contract/errors';
import type { ImportKind } from '../../../shared/domain/customers';
import type { DB } from '../../archive/schema';
import type { PartialHandlers } from '../../host/handler';
import type { JobHandle } from '../../host/jobs';
import type { IdSource } from '../../host/types';
import { checkSheet, type CheckResult } from './check';
import { UnknownColumns } from './check/rows';
import { readSheet, UnreadableFile, type ImportFormat, type Sheet } from './files';
import { columnNamed } from './kinds';
import { loadLookups } from './lookups';
import { templateOf } from './template';
import { writeRecords } from './write';
import { warningsChanged } from '../warnings/evaluate';

// imports.template / preview / run, and the progress and cancellation of a run.
// A file is checked whole before anything is written; a file with any problem writes
// nothing. The run writes in the router's one transaction, so a failure, a cancel or a
// killed process leaves no row of it behind.

/** How many problems a preview or a refused run lists. */
export const LISTED_PROBLEMS = 200;

export interface ImportFile {
  kind: ImportKind;
  format: ImportFormat;
  fileName: string;
  contentBase64: string;
}

async function sheetOf(file: ImportFile): Promise<Sheet> {
  try {
    return await readSheet(file.format, Buffer.from(file.contentBase64, 'base64'), (text) => columnNamed(file.kind, text) !== undefined);
  } catch (e) {
    if (e instanceof UnreadableFile) throw unreadable(file, e.message);
    throw e;
  }
}

function unreadable(file: ImportFile, why: string): ArchiveError {
  return new ArchiveError('VALIDATION', `the file cannot be read as a ${file.kind} ${file.format} file: ${why}`, [
    { path: ['contentBase64'], code: 'custom', message: 'import.unreadable' },
  ]);
}

/** The department of the importer: where customers go whose row names none. */
async function departmentOf(db: Transaction<DB>, userId: string): Promise<string> {
  const user = await db.selectFrom('users').select('department_id').where('id', '=', userId).executeTakeFirstOrThrow();
  return user.department_id;
}

export interface CheckRun {
  db: Transaction<DB>;
  userId: string;
  keepRecords: boolean;
  job?: JobHandle;
}

/** Read and check a whole file against the archive; says which row its header was found on. */
export async function checkFile(file: ImportFile, run: CheckRun): Promise<CheckResult & { headerRow: number }> {
  run.job?.update('reading');
  const sheet = await sheetOf(file);
  run.job?.checkpoint();
  const lookups = await loadLookups(run.db);
  run.job?.update('checking', 0, sheet.estimatedRows);
  try {
    const checked = await checkSheet(file.kind, sheet, lookups, {
      keepRecords: run.keepRecords,
      defaultDepartmentId: await departmentOf(run.db, run.userId),
      progress: (done, total) => run.job?.update('checking', done, total),
      checkpoint: () => run.job?.checkpoint(),
    });
    return Object.assign(checked, { headerRow: sheet.headerRow });
  } catch (e) {
    if (e instanceof UnknownColumns) throw unreadable(file, 'no header names a column of this kind');
    throw e;
  }
}

const IMPORTED_TABLE = { customers: null, contracts: 'contracts', transactions: 'transactions', payments: 'payments' } as const satisfies Record<ImportKind, keyof DB | null>;

export interface ImportOutcome {
  written: number;
  importId: string;
}

/**
 * Check a file again, then write all of it in the caller's transaction. Throws VALIDATION
 * (details: the problems) if any row has a problem, CONFLICT `cancelled` if the job is cancelled.
 */
export async function importFile(file: ImportFile, run: Omit<CheckRun, 'keepRecords'> & { now: Date; ids: IdSource }): Promise<ImportOutcome> {
  const checked = await checkFile(file, { ...run, keepRecords: true });
  if (checked.problems.count > 0) {
    const { problems, moreProblems } = checked.problems.first(LISTED_PROBLEMS);
    throw new ArchiveError('VALIDATION', `${checked.problems.count} problem(s) in the file; nothing was written`, {
      rows: checked.rows,
      problems,
      moreProblems,
    });
  }
  const importId = run.ids.next();
  const total = checked.records.length;
  run.job?.update('writing', 0, total);
  await writeRecords(file.kind, checked.records, {
    db: run.db,
    importId,
    userId: run.userId,
    newId: () => run.ids.next(),
    at: run.now.toISOString(),
    progress: (done) => run.job?.update('writing', done, total),
    checkpoint: () => run.job?.checkpoint(),
  });
  run.job?.checkpoint();
  // The warning rules read sales, payments and contracts: the customers this file touched are evaluated again, in this transaction.
  const table = IMPORTED_TABLE[file.kind];
  if (table) {
    const touched = await run.db.selectFrom(table).select('customer_id').distinct().where('import_id', '=', importId).execute();
    await warningsChanged(run.db, run.now, run.ids, touched.map((t) => t.customer_id));
  }
  return { written: total, importId };
}

export const importHandlers: PartialHandlers = {
  'imports.template': {
    async run({ input }) {
      const t = await templateOf(input.kind, input.format);
      return { fileName: t.fileName, mime: t.mime, contentBase64: t.bytes.toString('base64') };
    },
  },

  'imports.preview': {
    async run({ db, input, actor }) {
      const checked = await checkFile(input, { db, userId: actor!.userId, keepRecords: false });
      const { problems, moreProblems } = checked.problems.first(LISTED_PROBLEMS);
      return { rows: checked.rows, problems, moreProblems, headerRow: checked.headerRow, columns: checked.columns.fileHeader, sample: checked.sample };
    },
  },

  'imports.run': {
    async run({ db, input, actor, now, host, audit, afterCommit }) {
      const job = host.jobs.start(input.jobId, actor!.userId);
      try {
        const outcome = await importFile(input, { db, userId: actor!.userId, job, now, ids: host.ids });
        audit.target = `import:${outcome.importId}`;
        audit.details = { kind: input.kind, fileName: input.fileName, rows: outcome.written, importId: outcome.importId };
        // Done only once the rows are committed; until then the job stays at writing.
        afterCommit(() => job.finish('done'));
        return { written: outcome.written };
      } catch (e) {
        const cancelled = e instanceof ArchiveError && (e.details as { reason?: string } | undefined)?.reason === 'cancelled';
        job.finish(cancelled ? 'cancelled' : 'failed');
        throw e;
      }
    },
  },
};
