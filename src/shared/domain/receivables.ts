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
