import { z } from 'zod';
import { shellMethod } from './method';
import { empty } from './schemas';

// The transport's own answers (folder choice exists only in the desktop app).
export const shellMethods = {
  'shell.capabilities': shellMethod({
    input: empty,
    output: z.strictObject({ chooseFolder: z.boolean(), runtime: z.enum(['electron', 'browser']) }),
  }),
  'shell.chooseFolder': shellMethod({
    input: empty,
    output: z.strictObject({ dir: z.string() }).nullable(),
  }),
};
