// npx tsx bench/scoring-round.ts [customers] [transactions]
// The year-end round (issue 9): the weighted model for every customer from its records.
// Records are generated in memory first; only the computation is timed.
import type { CreditToApply, SaleToSettle } from '../src/shared/domain/receivables';
import { WEIGHTED_MODEL, itemValues, scoreEvaluation, weightedIndicators, type CustomerRecords } from '../src/shared/domain/scoring';

const customers = Number(process.argv[2] ?? 100_000);
const transactions = Number(process.argv[3] ?? 2_000_000);
let seed = 42;
const rand = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
const day = (n: number) => new Date(Date.UTC(2026, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);

const all: CustomerRecords[] = [];
const perCustomer = Math.floor(transactions / customers);
for (let c = 0; c < customers; c++) {
  const sales: SaleToSettle[] = [];
  const credits: CreditToApply[] = [];
  for (let i = 0; i < perCustomer / 2; i++) {
    const on = Math.floor(rand() * 330);
    const contractId = `k${c}-${i % 3}`;
    const amountFen = 1_000_00 + Math.floor(rand() * 50_000_00);
    sales.push({ id: `s${c}-${i}`, contractId, docNo: `INV${c}-${i}`, amountFen, occurredOn: day(on), dueOn: day(on + 30) });
    const late = Math.floor(rand() * 50);
    credits.push({ id: `p${c}-${i}`, contractId: rand() < 0.5 ? contractId : null, ref: rand() < 0.5 ? `INV${c}-${i}` : null, amountFen, on: day(on + late) });
  }
  all.push({ sales, credits, creditEvents: rand() < 0.05 ? [{ kind: 'litigation', occurredOn: day(100) }] : [], feedback: [{ kind: 'satisfaction', occurredOn: day(50), score: 4 }], cooperationSince: '2020-01-01' });
}

const period = { from: '2026-01-01', asOf: '2026-12-31' };
const grades: Record<string, number> = {};
const started = performance.now();
for (const records of all) {
  const { values } = weightedIndicators(records, period);
  const outcome = scoreEvaluation(WEIGHTED_MODEL, { sheets: [], values: itemValues(WEIGHTED_MODEL, values, {}) });
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.refusals));
  grades[outcome.score.grade] = (grades[outcome.score.grade] ?? 0) + 1;
}
const seconds = (performance.now() - started) / 1000;
console.log(JSON.stringify({ 'evaluations.round.s': Number(seconds.toFixed(2)), customers, transactions: customers * perCustomer, grades }));
