import type { Department } from '../../../shared/contract/schemas';
import type { PartialHandlers } from '../../host/handler';

export const departmentsHandlers: PartialHandlers = {
  'departments.list': {
    async run({ db }): Promise<Department[]> {
      return db.selectFrom('departments').select(['id', 'code', 'name', 'kind']).orderBy('created_at').orderBy('id').execute();
    },
  },
};
