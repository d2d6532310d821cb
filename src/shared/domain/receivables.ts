// Figures derived from a customer's transactions and payments (SPEC §1, §5): receivables
// and their ageing, on-time payment rate, overdue count and amount. Money is integer fen;
// days are 'YYYY-MM-DD'.

export interface Sale {
  amountFen: number;
  occurredOn: string;
  dueOn: string | null;
}

export interface Credit {
  /** A payment or a return: it settles the oldest open sales first. */
  amountFen: number;
  on: string;
}

export interface AgeingBuckets {
  d0_30: number;
  d31_60: number;
  d61_90: number;
  over90: number;
}

export interface CreditFigures {
  salesFen: number;
  returnsFen: number;
  paidFen: number;
  /** What the customer owes now (negative: paid in advance). */
  receivableFen: number;
  /** Outstanding amounts by days since the sale (账龄). */
  ageing: AgeingBuckets;
  /** Due sales settled by their due date, as a share of all due sales (null: none due yet). */
  onTimeRate: number | null;
  /** Due sales settled late or still open past their due date. */
  overdueCount: number;
  /** Outstanding amount of sales past their due date. */
  overdueFen: number;
}

const DAY_MS = 86_400_000;

export function dayNumber(day: string): number {
  return Math.floor(Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10))) / DAY_MS);
}

export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

/** Years between two days, to one decimal (years of cooperation). */
export function yearsBetween(from: string, to: string): number {
  return Math.max(0, Math.round((daysBetween(from, to) / 365.25) * 10) / 10);
}

export function creditFigures(sales: Sale[], returns: Credit[], payments: Credit[], today: string): CreditFigures {
  const open = [...sales]
    .sort((a, b) => (a.dueOn ?? a.occurredOn).localeCompare(b.dueOn ?? b.occurredOn) || a.occurredOn.localeCompare(b.occurredOn))
    .map((s) => ({ ...s, left: s.amountFen, settledOn: null as string | null }));
  const credits = [...returns, ...payments].filter((c) => c.on <= today).sort((a, b) => a.on.localeCompare(b.on));

  let i = 0;
  for (const credit of credits) {
    let amount = credit.amountFen;
    while (amount > 0 && i < open.length) {
      const sale = open[i]!;
      const take = Math.min(sale.left, amount);
      sale.left -= take;
      amount -= take;
      if (sale.left === 0) {
        sale.settledOn = credit.on;
        i += 1;
      }
    }
    // What is left of a credit once every sale is settled is an advance: it shows in receivableFen.
  }

  const ageing: AgeingBuckets = { d0_30: 0, d31_60: 0, d61_90: 0, over90: 0 };
  let due = 0;
  let onTime = 0;
  let overdueCount = 0;
  let overdueFen = 0;
  for (const sale of open) {
    if (sale.occurredOn > today) continue;
    if (sale.left > 0) {
      const age = daysBetween(sale.occurredOn, today);
      if (age <= 30) ageing.d0_30 += sale.left;
      else if (age <= 60) ageing.d31_60 += sale.left;
      else if (age <= 90) ageing.d61_90 += sale.left;
      else ageing.over90 += sale.left;
    }
    if (sale.dueOn && sale.dueOn < today) {
      due += 1;
      if (sale.settledOn && sale.settledOn <= sale.dueOn) onTime += 1;
      else overdueCount += 1;
      if (sale.left > 0) overdueFen += sale.left;
    } else if (sale.dueOn && sale.settledOn && sale.settledOn <= sale.dueOn) {
      // Settled early, due today or later: it counts as paid on time.
      due += 1;
      onTime += 1;
    }
  }

  const salesFen = sales.filter((s) => s.occurredOn <= today).reduce((t, s) => t + s.amountFen, 0);
  const returnsFen = returns.filter((r) => r.on <= today).reduce((t, r) => t + r.amountFen, 0);
  const paidFen = payments.filter((p) => p.on <= today).reduce((t, p) => t + p.amountFen, 0);
  return {
    salesFen,
    returnsFen,
    paidFen,
    receivableFen: salesFen - returnsFen - paidFen,
    ageing,
    onTimeRate: due === 0 ? null : onTime / due,
    overdueCount,
    overdueFen,
  };
}

/** The calendar day of a moment, in the local time of the machine (the company's day). */
export function dayOf(moment: Date): string {
  const y = moment.getFullYear();
  const m = String(moment.getMonth() + 1).padStart(2, '0');
  const d = String(moment.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

// ------------------------------------------------------------------ 核销 settlement

/** A sale as the settlement sees it: its document number is what a payment names (发票号 / 单据号). */
export interface SaleToSettle {
  id: string;
  contractId: string | null;
  docNo: string | null;
  amountFen: number;
  occurredOn: string;
  dueOn: string | null;
}

/** A payment (or a return): `ref` names the sale it settles, by document number or id. */
export interface CreditToApply {
  id: string;
  contractId: string | null;
  ref: string | null;
  amountFen: number;
  on: string;
}

export interface SaleSettlement {
  sale: SaleToSettle;
  leftFen: number;
  /** Settled on or before the due date. */
  paidByDueFen: number;
  /** The day the sale was settled in full; null: still open. */
  settledOn: string | null;
}

export interface Settlements {
  /** Oldest first. */
  sales: SaleSettlement[];
  /** What was paid beyond every sale (an advance). */
  advanceFen: number;
}

const byDayThenId = (a: { day: string; id: string }, b: { day: string; id: string }) => (a.day < b.day ? -1 : a.day > b.day ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * 核销: each credit up to `asOf`, in date order, settles first the sale it names, then the
 * oldest open sale of its contract, then the oldest open sale overall. Linear after the
 * sort: every pointer only moves forward.
 */
export function settleSales(sales: readonly SaleToSettle[], credits: readonly CreditToApply[], asOf: string): Settlements {
  const ordered = sales
    .filter((s) => s.occurredOn <= asOf)
    .map((s) => ({ day: s.occurredOn, id: s.id, s }))
    .sort(byDayThenId);
  const rows: SaleSettlement[] = ordered.map(({ s }) => ({ sale: s, leftFen: s.amountFen, paidByDueFen: 0, settledOn: null }));
  const named = new Map<string, SaleSettlement>();
  const byContract = new Map<string, { rows: SaleSettlement[]; next: number }>();
  for (const row of rows) {
    named.set(row.sale.id, row);
    if (row.sale.docNo) named.set(row.sale.docNo, row);
    if (row.sale.contractId) {
      const queue = byContract.get(row.sale.contractId);
      if (queue) queue.rows.push(row);
      else byContract.set(row.sale.contractId, { rows: [row], next: 0 });
    }
  }
  const apply = (row: SaleSettlement, amount: number, on: string): number => {
    const take = Math.min(row.leftFen, amount);
    row.leftFen -= take;
    if (row.sale.dueOn !== null && on <= row.sale.dueOn) row.paidByDueFen += take;
    if (row.leftFen === 0 && take > 0) row.settledOn = on;
    return amount - take;
  };
  const orderedCredits = credits
    .filter((c) => c.on <= asOf)
    .map((c) => ({ day: c.on, id: c.id, c }))
    .sort(byDayThenId);
  let next = 0;
  let advanceFen = 0;
  for (const { c } of orderedCredits) {
    let amount = c.amountFen;
    const target = c.ref ? named.get(c.ref) : undefined;
    if (target && target.leftFen > 0) amount = apply(target, amount, c.on);
    const queue = c.contractId ? byContract.get(c.contractId) : undefined;
    if (queue) {
      while (amount > 0 && queue.next < queue.rows.length) {
        const row = queue.rows[queue.next]!;
        if (row.leftFen > 0) amount = apply(row, amount, c.on);
        if (row.leftFen === 0) queue.next += 1;
      }
    }
    while (amount > 0 && next < rows.length) {
      const row = rows[next]!;
      if (row.leftFen > 0) amount = apply(row, amount, c.on);
      if (row.leftFen === 0) next += 1;
    }
    advanceFen += amount;
  }
  return { sales: rows, advanceFen };
}

export interface LateSale {
  saleId: string;
  docNo: string | null;
  contractId: string | null;
  amountFen: number;
  dueOn: string;
  paidByDueFen: number;
  /** null: still open. */
  settledOn: string | null;
  /** Days past the due date until settled, or until `asOf` when still open. */
  daysLate: number;
}

export interface OnTimeFigures {
  /** Sales due in the period (on or after `from`, before `asOf`, or already settled in time). */
  dueCount: number;
  onTimeCount: number;
  dueFen: number;
  onTimeFen: number;
  /** Paid by the due date / amount due, in percent; null: nothing due. */
  rateByAmount: number | null;
  /** Sales settled in full by their due date / sales due, in percent; null: nothing due. */
  rateByCount: number | null;
  /** The sales not settled in full by their due date, oldest due first. */
  late: LateSale[];
}

/** The on-time payment rate of the sales due from `from` to `asOf`, by amount and by count. */
export function onTimeFigures(settlements: Settlements, from: string, asOf: string): OnTimeFigures {
  let dueCount = 0;
  let onTimeCount = 0;
  let dueFen = 0;
  let onTimeFen = 0;
  const late: LateSale[] = [];
  for (const row of settlements.sales) {
    const dueOn = row.sale.dueOn;
    if (dueOn === null || dueOn < from) continue;
    const inTime = row.settledOn !== null && row.settledOn <= dueOn;
    if (dueOn >= asOf && !inTime) continue; // not due yet
    dueCount += 1;
    dueFen += row.sale.amountFen;
    onTimeFen += Math.min(row.paidByDueFen, row.sale.amountFen);
    if (inTime) onTimeCount += 1;
    else
      late.push({
        saleId: row.sale.id,
        docNo: row.sale.docNo,
        contractId: row.sale.contractId,
        amountFen: row.sale.amountFen,
        dueOn,
        paidByDueFen: row.paidByDueFen,
        settledOn: row.settledOn,
        daysLate: daysBetween(dueOn, row.settledOn ?? asOf),
      });
  }
  if (late.length > 1) late.sort((a, b) => (a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : 0));
  return {
    dueCount,
    onTimeCount,
    dueFen,
    onTimeFen,
    rateByAmount: dueFen === 0 ? null : (onTimeFen * 100) / dueFen,
    rateByCount: dueCount === 0 ? null : (onTimeCount * 100) / dueCount,
    late,
  };
}
