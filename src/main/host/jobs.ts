import { ArchiveError } from '../../shared/contract/errors';

// Long calls (an import) report progress and can be cancelled. The registry lives in the
// host's memory only: a job is seen and cancelled by its owner alone, and a finished job
// is forgotten after a while. The call itself runs one at a time like any other; progress
// and cancel are answered beside it (`concurrent` methods).

export type JobPhase = 'reading' | 'checking' | 'writing' | 'done' | 'cancelled' | 'failed';

export interface JobProgress {
  phase: JobPhase;
  done: number;
  total: number;
}

/** What the long call holds of its job. */
export interface JobHandle {
  readonly id: string;
  update(phase: JobPhase, done?: number, total?: number): void;
  /** Throws CONFLICT (reason `cancelled`) once the owner has asked to cancel. */
  checkpoint(): void;
  /** The call ended: done, failed or cancelled. */
  finish(phase: 'done' | 'failed' | 'cancelled'): void;
}

export interface JobRegistry {
  /** Register a job; a job id in use is a CONFLICT. */
  start(jobId: string, ownerUserId: string): JobHandle;
  /** The job's progress, if it exists and is the caller's. */
  get(jobId: string, userId: string): JobProgress | null;
  /** Ask the job to stop; false if there is no such job of the caller's. */
  cancel(jobId: string, userId: string): boolean;
}

interface Job extends JobProgress {
  owner: string;
  cancelRequested: boolean;
  finishedAtMs: number | null;
}

/** How long a finished job's outcome stays visible. */
const KEEP_FINISHED_MS = 10 * 60_000;
const FINISHED = new Set<JobPhase>(['done', 'cancelled', 'failed']);

export function cancelledError(): ArchiveError {
  return new ArchiveError('CONFLICT', 'the job was cancelled; nothing was written', { reason: 'cancelled' });
}

export function createJobRegistry(nowMs: () => number): JobRegistry {
  const jobs = new Map<string, Job>();

  function sweep(): void {
    const now = nowMs();
    for (const [id, job] of jobs) if (job.finishedAtMs !== null && now - job.finishedAtMs > KEEP_FINISHED_MS) jobs.delete(id);
  }

  return {
    start(jobId, ownerUserId) {
      sweep();
      if (jobs.has(jobId)) throw new ArchiveError('CONFLICT', 'this job id is in use', { reason: 'jobIdInUse' });
      const job: Job = { owner: ownerUserId, phase: 'reading', done: 0, total: 0, cancelRequested: false, finishedAtMs: null };
      jobs.set(jobId, job);
      return {
        id: jobId,
        update(phase, done = 0, total = 0) {
          if (FINISHED.has(job.phase)) return;
          job.phase = phase;
          job.done = done;
          job.total = total;
        },
        checkpoint() {
          if (job.cancelRequested) throw cancelledError();
        },
        finish(phase) {
          if (FINISHED.has(job.phase)) return;
          job.phase = phase;
          if (phase === 'done') job.done = job.total;
          job.finishedAtMs = nowMs();
        },
      };
    },
    get(jobId, userId) {
      sweep();
      const job = jobs.get(jobId);
      if (!job || job.owner !== userId) return null;
      return { phase: job.phase, done: job.done, total: job.total };
    },
    cancel(jobId, userId) {
      const job = jobs.get(jobId);
      if (!job || job.owner !== userId) return false;
      if (!FINISHED.has(job.phase)) job.cancelRequested = true;
      return true;
    },
  };
}
