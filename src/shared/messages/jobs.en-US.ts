import type { JobPhase, JobsReason } from '../contract/jobs';
import type { ActionOf } from './types';

// The texts of the jobs domain's codes in English (the same keys as jobs.zh-CN.ts, by type).
export const jobsEnUS = {
  reasons: {
    cancelled: 'The job was cancelled; nothing has been written.',
    jobIdInUse: 'The job number is already in use; please try again.',
  } satisfies Record<JobsReason, string>,
  actions: {
    'jobs.progress': 'Job progress',
    'jobs.cancel': 'Job cancelled',
  } satisfies Record<ActionOf<'jobs'>, string>,
  phases: {
    reading: 'Reading the file',
    checking: 'Checking',
    writing: 'Writing',
    done: 'Done',
    cancelled: 'Cancelled',
    failed: 'Failed',
  } satisfies Record<JobPhase, string>,
};
