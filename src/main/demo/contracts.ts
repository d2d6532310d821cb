// The customers' contracts: renewed one after another, numbered per department and year
// in order of signing (seed 001 §2).

import { addDays, dayNumber, Draw, mixSeed, prng } from './random';
import { CONTRACT_PREFIX, type DemoContract, type DemoCustomer } from './types';

/** Every customer's contracts from before the history starts until today, numbered; also added to each customer. */
export function planContracts(seed: number, customers: DemoCustomer[], historyStart: string, today: string): DemoContract[] {
  // Contracts: renewed one after another from before the history starts until today.
  const contracts: DemoContract[] = [];
  for (const c of customers) {
    const cdraw = new Draw(prng(mixSeed(seed, c.index, 1)));
    const first = c.cooperationStart > historyStart ? c.cooperationStart : addDays(historyStart, -cdraw.int(0, 330));
    let start = addDays(first, cdraw.int(0, 20));
    const lastDay = c.profile === 'defaulting' ? addDays(c.stopsPaying!, 60) : today;
    const periods: { start: string; end: string; months: number }[] = [];
    while (start <= lastDay && periods.length < 12) {
      const months = cdraw.weighted([
        { v: 12, weight: 60 },
        { v: 24, weight: 25 },
        { v: 6, weight: 15 },
      ]).v;
      const end = addDays(start, Math.round(months * 30.4) - 1);
      periods.push({ start, end, months });
      start = addDays(end, 1);
    }
    const titles = c.trade?.contracts ?? ['产品购销合同'];
    const span = (p: { start: string; end: string }) =>
      Math.max(0, Math.min(dayNumber(p.end), dayNumber(lastDay)) - Math.max(dayNumber(p.start), dayNumber(historyStart)) + 1);
    const totalSpan = periods.reduce((t, p) => t + span(p), 0) || 1;
    periods.forEach((p, k) => {
      const expectedSales = Math.max(1, (c.transactionCount * span(p)) / totalSpan);
      const amountYuan = Math.max(10_000, Math.round((expectedSales * c.saleFen * (1.05 + cdraw.rnd() * 0.25)) / 100 / 1000) * 1000);
      const signedOn = addDays(p.start, -cdraw.int(3, 25));
      const last = k === periods.length - 1;
      const status: DemoContract['status'] =
        c.profile === 'defaulting' && last ? 'terminated' : p.end < today ? 'completed' : 'active';
      const year = Number(signedOn.slice(0, 4));
      const title = `${year}年度${cdraw.pick(titles)}`;
      const contract: DemoContract = {
        customerIndex: c.index,
        department: c.department,
        contractNo: '',
        title: c.kind === 'individual' ? cdraw.pick(['产品购销合同', '经销协议']) : title,
        amountFen: amountYuan * 100,
        signedOn,
        startOn: p.start,
        endOn: p.end,
        status,
      };
      c.contracts.push(contract);
      contracts.push(contract);
    });
  }
  // Numbered per department and year, in order of signing (seed 001 §2).
  contracts.sort((a, b) => a.signedOn.localeCompare(b.signedOn) || a.customerIndex - b.customerIndex);
  const next = new Map<string, number>();
  const perYear = new Map<string, number>();
  for (const k of contracts) {
    const key = `${CONTRACT_PREFIX[k.department]}-${k.signedOn.slice(0, 4)}`;
    perYear.set(key, (perYear.get(key) ?? 0) + 1);
  }
  const width = Math.max(4, String(Math.max(0, ...perYear.values())).length);
  for (const k of contracts) {
    const key = `${CONTRACT_PREFIX[k.department]}-${k.signedOn.slice(0, 4)}`;
    const seq = (next.get(key) ?? 0) + 1;
    next.set(key, seq);
    k.contractNo = `${key}-${String(seq).padStart(width, '0')}`;
  }
  return contracts;
}
