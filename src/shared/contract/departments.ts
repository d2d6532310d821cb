import { z } from 'zod';
import { method } from './method';
import { department, empty } from './schemas';

// Departments: fixed data that users, customers and contracts belong to.
export const departmentsMethods = {
  'departments.list': method({ input: empty, output: z.array(department) }),
};
