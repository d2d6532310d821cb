import { collect, type Feature } from '../contributions';
import { approvalsFeature } from '../../features/approvals';
import { auditFeature } from '../../features/audit';
import { calendarFeature } from '../../features/calendar';
import { creditLimitsFeature } from '../../features/creditLimits';
import { authFeature } from '../../features/auth';
import { customersFeature } from '../../features/customers';
import { documentsFeature } from '../../features/documents';
import { dunningFeature } from '../../features/dunning';
import { homeFeature } from '../../features/home';
import { importsFeature } from '../../features/imports';
import { rolesFeature } from '../../features/roles';
import { settingsFeature } from '../../features/settings';
import { usersFeature } from '../../features/users';
import { evaluationsFeature } from '../../features/evaluations';
import { evaluationModelsFeature } from '../../features/evaluationModels';
import { warningsFeature } from '../../features/warnings';
import { checkoutsFeature } from '../../features/checkouts';

/** The features of the application. A new domain adds its feature here, and nothing else in the shell. */
export const FEATURES: readonly Feature[] = [
  homeFeature,
  customersFeature,
  documentsFeature,
  creditLimitsFeature,
  dunningFeature,
  approvalsFeature,
  checkoutsFeature,
  importsFeature,
  usersFeature,
  rolesFeature,
  auditFeature,
  calendarFeature,
  settingsFeature,
  authFeature,
  evaluationsFeature,
  evaluationModelsFeature,
  warningsFeature,
];

export const CONTRIBUTIONS = collect(FEATURES);
