import type { Migration } from 'kysely';
import * as m0010 from './0010-foundation';
import * as m0020 from './0020-customers';
import * as m0025 from './0025-customer-pinyin';
import * as m0026 from './0026-role-names';
import * as m0030 from './0030-calendar';
import * as m0040 from './0040-approvals';
import * as m0045 from './0045-credit-limits';
import * as m0050 from './0050-evaluations';
import * as m0055 from './0055-financial-statements';
import * as m0060 from './0060-checkouts';
import * as m0070 from './0070-record-voiding';
import * as m0080 from './0080-warnings';
import * as m0085 from './0085-dunning';
import * as m0090 from './0090-role-changes';
import * as m0095 from './0095-audit-purpose-codes';

// The ordered list of migrations, imported statically: a bundled app has no
// migration folder to read. Numbered with gaps; never renamed or edited once shipped.
export const MIGRATIONS: Record<string, Migration> = {
  '0010-foundation': m0010,
  '0020-customers': m0020,
  '0025-customer-pinyin': m0025,
  '0026-role-names': m0026,
  '0030-calendar': m0030,
  '0040-approvals': m0040,
  '0045-credit-limits': m0045,
  '0050-evaluations': m0050,
  '0055-financial-statements': m0055,
  '0060-checkouts': m0060,
  '0070-record-voiding': m0070,
  '0080-warnings': m0080,
  '0085-dunning': m0085,
  '0090-role-changes': m0090,
  '0095-audit-purpose-codes': m0095,
};

export const MIGRATION_NAMES = Object.keys(MIGRATIONS);
