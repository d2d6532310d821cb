import { z } from 'zod';
import { method } from './method';

// Long calls in progress (imports): their progress and cancellation, answered from memory.

/** Refusals of jobs (`details.reason`). */
export const jobsReasons = z.enum(['cancelled', 'jobIdInUse']);
export type JobsReason = z.infer<typeof jobsReasons>;

/** Where a long call is. */
export const jobPhases = z.enum(['reading', 'checking', 'writing', 'done', 'cancelled', 'failed']);
export type JobPhase = z.infer<typeof jobPhases>;

export const jobsMethods = {
  'jobs.progress': method({
    input: z.strictObject({ jobId: z.uuid() }),
    output: z
      .strictObject({
        phase: jobPhases,
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
