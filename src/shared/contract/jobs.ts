import { z } from 'zod';
import { method } from './method';

// Long calls in progress (imports): their progress and cancellation, answered from memory.

export const jobsMethods = {
  'jobs.progress': method({
    input: z.strictObject({ jobId: z.uuid() }),
    output: z
      .strictObject({
        phase: z.enum(['reading', 'checking', 'writing', 'done', 'cancelled', 'failed']),
        done: z.number().int(),
        total: z.number().int(),
      })
      .nullable(),
    concurrent: true,
  }),
  'jobs.cancel': method({
    input: z.strictObject({ jobId: z.uuid() }),
    output: z.null(),
    concurrent: true,
  }),
};
