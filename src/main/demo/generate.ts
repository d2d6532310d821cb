// The demo archive's content, made up but plausible: Chinese companies and a few private
// customers with valid identifiers, contracts numbered per department, three years of
// sales with due dates, payments (mostly on time; some late; some customers in arrears),
// credit events, feedback, third-party reports and qualifications.
//
// Pure and deterministic: the same seed and the same "today" give the same data. Loading
// it into an archive (through the host, as users do) is load.ts's work.
//
// Each section is its own file: types.ts (what a plan holds), identifiers.ts, people.ts,
// customers.ts, contracts.ts, trade.ts (sales, returns, payments), records.ts
// (qualifications, credit events, feedback, reports) and documents.ts (files to view).

import { planContracts } from './contracts';
import { planCustomers } from './customers';
import { addDays, Draw, prng } from './random';
import type { DemoOptions, DemoPlan } from './types';

export * from './types';
export { allocate } from './customers';
export { makeCreditCode, makeIdNumber, orgCodeCheckCharacter } from './identifiers';
export { personName } from './people';
export { DocumentNumbers, tradeOf } from './trade';
export { recordsOf } from './records';

/** The plan of a demo archive: every customer with its contracts numbered. */
export function planDemo(options: DemoOptions): DemoPlan {
  const { seed, today } = options;
  const draw = new Draw(prng(seed));
  const historyStart = addDays(today, -3 * 365);
  const { customers, transactionTotal } = planCustomers(draw, options, historyStart);
  const contracts = planContracts(seed, customers, historyStart, today);
  return { seed, today, historyStart, customers, contracts, transactionTotal };
}
