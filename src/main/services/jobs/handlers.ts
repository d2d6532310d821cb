import { ArchiveError } from '../../../shared/contract/errors';
import type { PartialHandlers } from '../../host/handler';

// Long calls in progress belong to the user who started them: only they see or cancel them.
export const jobsHandlers: PartialHandlers = {
  'jobs.progress': {
    async withoutArchive({ input, session, host }) {
      const owner = session ? host.session(session)?.userId : undefined;
      return owner ? host.jobs.get(input.jobId, owner) : null;
    },
  },

  'jobs.cancel': {
    async withoutArchive({ input, session, host }) {
      const owner = session ? host.session(session)?.userId : undefined;
      if (!owner || !host.jobs.cancel(input.jobId, owner)) throw new ArchiveError('NOT_FOUND', 'no such job');
      return null;
    },
  },
};
