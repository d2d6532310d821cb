import type { BenchGroup } from '../lib/types';
import { approvals } from './approvals';
import { checkouts } from './checkouts';
import { customers } from './customers';
import { evaluations } from './evaluations';
import { storage } from './storage';
import { warnings } from './warnings';

/** Every group `npm run bench` runs, in order. Add a group here. */
export const groups: BenchGroup[] = [storage, customers, approvals, evaluations, checkouts, warnings];
