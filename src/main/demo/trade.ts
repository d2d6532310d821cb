// Trade: sales, returns and payments, from each customer's contracts and payment profile.

import { addDays, dayNumber, Draw, mixSeed, prng } from './random';
import type { DemoContract, DemoCustomer, DemoPayment, DemoPlan, DemoTransaction, Profile } from './types';

/** Document numbers run per day across all customers: XS-20250301-0001. */
export class DocumentNumbers {
  private readonly counters = new Map<string, number>();
  next(prefix: string, day: string): string {
    const key = `${prefix}${day}`;
    const n = (this.counters.get(key) ?? 0) + 1;
    this.counters.set(key, n);
    return `${prefix}-${day.replace(/-/g, '')}-${String(n).padStart(4, '0')}`;
  }
}

/** Days after the due date a payment comes (negative: before). */
function delayOf(draw: Draw, profile: Profile): number {
  switch (profile) {
    case 'prompt':
      return -draw.int(0, 15);
    case 'normal':
      return draw.chance(0.9) ? -draw.int(0, 10) : draw.int(1, 20);
    case 'slow':
      return draw.chance(0.6) ? -draw.int(0, 5) : draw.int(3, 45);
    case 'troubled':
      return draw.chance(0.3) ? -draw.int(0, 5) : draw.int(15, 120);
    case 'defaulting':
      return draw.int(30, 150);
  }
}

/**
 * A customer's sales and returns (sorted by day) and payments. Call in customer order
 * with one DocumentNumbers for the whole archive: numbers then come out the same every run.
 */
export function tradeOf(plan: DemoPlan, c: DemoCustomer, numbers: DocumentNumbers): { transactions: DemoTransaction[]; payments: DemoPayment[] } {
  const draw = new Draw(prng(mixSeed(plan.seed, c.index, 2)));
  const today = plan.today;
  const from = c.cooperationStart > plan.historyStart ? c.cooperationStart : plan.historyStart;
  const until = c.profile === 'defaulting' ? addDays(c.stopsPaying!, 60) : today;
  const windows: { contract: DemoContract | null; from: string; to: string }[] = c.contracts
    .map((k) => ({ contract: k, from: k.startOn > from ? k.startOn : from, to: k.endOn < until ? k.endOn : until }))
    .filter((w) => w.from <= w.to);
  if (windows.length === 0) windows.push({ contract: null, from, to: until < from ? from : until });
  const lengths = windows.map((w) => dayNumber(w.to) - dayNumber(w.from) + 1);
  const totalLength = lengths.reduce((t, l) => t + l, 0);

  // Sales first; then some are followed by a return of part of them.
  type Item = { day: string; amountFen: number; contractNo: string | null; returnOf: Item | null; returnedFen: number; docNo: string };
  const sales: Item[] = [];
  for (let j = 0; j < c.transactionCount; j++) {
    let r = draw.rnd() * totalLength;
    let w = 0;
    while (w < windows.length - 1 && r >= lengths[w]!) r -= lengths[w++]!;
    const win = windows[w]!;
    const day = addDays(win.from, Math.min(lengths[w]! - 1, Math.floor(r)));
    const contractNo = win.contract && !draw.chance(0.08) ? win.contract.contractNo : null;
    const amountFen = Math.max(1000, Math.round(c.saleFen * (0.3 + draw.rnd() * 1.4)));
    sales.push({ day, amountFen, contractNo, returnOf: null, returnedFen: 0, docNo: '' });
  }
  sales.sort((a, b) => a.day.localeCompare(b.day) || a.amountFen - b.amountFen);
  // About 3% of the transactions are returns (退货) of part of the sale before them.
  const items: Item[] = [];
  for (let j = 0; j < sales.length; j++) {
    const previous = items[items.length - 1];
    if (previous && previous.returnOf === null && draw.chance(0.03)) {
      const day = addDays(previous.day, draw.int(3, 20));
      if (day <= today) {
        const amountFen = Math.max(100, Math.round(previous.amountFen * (0.05 + draw.rnd() * 0.25)));
        previous.returnedFen = amountFen;
        items.push({ day, amountFen, contractNo: previous.contractNo, returnOf: previous, returnedFen: 0, docNo: '' });
        continue;
      }
    }
    items.push(sales[j]!);
  }
  items.sort((a, b) => a.day.localeCompare(b.day) || (a.returnOf === null ? 0 : 1) - (b.returnOf === null ? 0 : 1));
  for (const item of items) item.docNo = numbers.next(item.returnOf === null ? 'XS' : 'TH', item.day);

  const transactions: DemoTransaction[] = items.map((s) => ({
    customerIndex: c.index,
    kind: s.returnOf === null ? 'sale' : 'return',
    docNo: s.docNo,
    amountFen: s.amountFen,
    occurredOn: s.day,
    dueOn: s.returnOf === null ? addDays(s.day, c.termDays) : null,
    contractNo: s.contractNo,
  }));

  // Payments: each sale, less what was returned of it, paid around its due date, in the
  // order of the sales (the figures settle the oldest sale first); what would be paid
  // after today, or after the customer stopped paying, is still open.
  const payments: DemoPayment[] = [];
  let lastPaid = '';
  for (const sale of items) {
    if (sale.returnOf !== null) continue;
    const owed = sale.amountFen - sale.returnedFen;
    if (owed <= 0) continue;
    const dueOn = addDays(sale.day, c.termDays);
    let paidOn = addDays(dueOn, delayOf(draw, c.profile));
    if (paidOn < sale.day) paidOn = sale.day;
    if (paidOn < lastPaid) paidOn = lastPaid;
    if (c.stopsPaying && paidOn > c.stopsPaying) break;
    if (paidOn > today) break;
    lastPaid = paidOn;
    const split = (c.profile === 'troubled' || c.profile === 'slow') && owed > 20_000 && draw.chance(0.2);
    if (split) {
      const first = Math.round(owed * (0.3 + draw.rnd() * 0.4));
      payments.push({ customerIndex: c.index, amountFen: first, paidOn, ref: numbers.next('SK', paidOn), contractNo: sale.contractNo });
      const second = addDays(paidOn, draw.int(10, 40));
      if (second > today || (c.stopsPaying && second > c.stopsPaying)) break;
      payments.push({ customerIndex: c.index, amountFen: owed - first, paidOn: second, ref: numbers.next('SK', second), contractNo: sale.contractNo });
      lastPaid = second;
    } else {
      payments.push({ customerIndex: c.index, amountFen: owed, paidOn, ref: numbers.next('SK', paidOn), contractNo: sale.contractNo });
    }
  }
  return { transactions, payments };
}
