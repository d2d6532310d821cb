import { z } from 'zod';
import { chainCheck } from './audit';
import { method } from './method';
import { currentUser, displayName, empty, password, session, text, username } from './schemas';

// The archive itself: whether a folder holds one, first-run setup, the full check.
/** Refusals of the archive: a database without its key slots is left untouched. */
export const archiveReasons = z.enum(['keySlotsMissing']);
export type ArchiveReason = z.infer<typeof archiveReasons>;

export const archiveMethods = {
  'archive.status': method({
    input: empty,
    output: z.strictObject({ initialized: z.boolean(), dir: z.string() }),
    access: 'public',
  }),
  'archive.setup': method({
    input: z.strictObject({
      companyName: text(100),
      admin: z.strictObject({ username, displayName, password }),
    }),
    output: z.strictObject({ recoveryCode: z.string(), session, user: currentUser }),
    access: 'public',
    writes: true,
  }),
  'archive.check': method({
    input: empty,
    output: z.strictObject({
      schema: z.strictObject({ ok: z.boolean(), applied: z.array(z.string()), expected: z.array(z.string()) }),
      integrity: z.strictObject({ ok: z.boolean(), problems: z.array(z.string()) }),
      audit: chainCheck,
    }),
    permission: 'audit.read',
    writes: true, // the check itself is on record
  }),
  /**
   * The desktop shell asks before it shows the folder dialog (dir null) and again with the
   * folder chosen, before it switches: once the archive is set up, only an administrator
   * may choose another folder, and both steps are on record (from, to).
   */
  'archive.chooseFolder': method({
    input: z.strictObject({ dir: z.string().min(1).max(4096).nullable() }),
    output: z.null(),
    permission: 'users.manage',
    writes: true,
  }),
};
