// The demo's customers: companies and a few private customers, each with a payment
// profile, contacts, a bank account and its share of the trade.

import { addDays, dayNumber, type Draw } from './random';
import { makeCreditCode, makeIdNumber } from './identifiers';
import { addressOf, landline, mobile, personName, shortPlace } from './people';
import type { DemoCustomer, DemoDepartment, DemoOptions, Profile } from './types';
import { BANKS, CITIES, COMPANY_FORMS, TRADE_NAME_FIRST, TRADE_NAME_SECOND, TRADES, type City, type Trade } from './vocabulary';

const PROFILE_SHARES: readonly [Profile, number][] = [
  ['prompt', 0.5],
  ['normal', 0.27],
  ['slow', 0.13],
  ['troubled', 0.07],
  ['defaulting', 0.03],
];

/** Exact integer shares of `total` in proportion to `weights` (largest remainder). */
export function allocate(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((t, w) => t + w, 0);
  if (sum <= 0) return weights.map(() => 0);
  const exact = weights.map((w) => (total * w) / sum);
  const out = exact.map(Math.floor);
  let left = total - out.reduce((t, n) => t + n, 0);
  const order = exact.map((e, i) => ({ i, r: e - Math.floor(e) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (let k = 0; left > 0; k = (k + 1) % order.length, left--) out[order[k]!.i]! += 1;
  return out;
}

/** A list of `n` labels in the given shares, at least one of each `atLeastOne` when n ≥ 10, shuffled. */
function quota<T>(draw: Draw, n: number, shares: readonly [T, number][], atLeastOne: readonly T[]): T[] {
  const counts = allocate(n, shares.map(([, s]) => s));
  if (n >= 10) {
    shares.forEach(([label], i) => {
      if (atLeastOne.includes(label) && counts[i] === 0) {
        counts[i] = 1;
        counts[0]! -= 1; // taken from the largest group
      }
    });
  }
  const out: T[] = [];
  shares.forEach(([label], i) => {
    for (let k = 0; k < counts[i]!; k++) out.push(label);
  });
  return draw.shuffle(out);
}

const TRADE_NAMES = TRADE_NAME_FIRST.flatMap((a) => TRADE_NAME_SECOND.filter((b) => b !== a).map((b) => a + b));
/** Brand names of made-up companies (also of the other side of a lawsuit). */
export const TRADE_NAMES_UNIQUE = [...new Set(TRADE_NAMES)];

function companyName(draw: Draw, city: City, trade: Trade): { name: string; foreign: boolean } {
  const brand = draw.pick(TRADE_NAMES_UNIQUE);
  if (draw.chance(0.04)) return { name: `${brand}${trade.word}（${city.name}）有限公司`, foreign: true };
  return { name: `${city.name}${brand}${trade.word}${draw.weighted(COMPANY_FORMS).suffix}`, foreign: false };
}

function natureOf(draw: Draw, name: string, foreign: boolean): DemoCustomer['enterpriseNature'] {
  if (foreign) return draw.chance(0.6) ? 'foreign' : 'joint_venture';
  if (name.endsWith('集团有限公司')) return draw.chance(0.5) ? 'state_owned' : 'private';
  return draw.weighted([
    { v: 'private' as const, weight: 80 },
    { v: 'state_owned' as const, weight: 8 },
    { v: 'collective' as const, weight: 3 },
    { v: 'joint_venture' as const, weight: 4 },
    { v: 'other' as const, weight: 2 },
  ]).v;
}

/**
 * The customers of a demo archive, drawn in order from `draw`, each with its number of
 * sales and returns (in proportion to its size over its years with us).
 */
export function planCustomers(draw: Draw, options: DemoOptions, historyStart: string): { customers: DemoCustomer[]; transactionTotal: number } {
  const { customers: n, today } = options;
  const profiles = quota<Profile>(draw, n, PROFILE_SHARES, ['troubled', 'defaulting']);
  const individualShare = options.individualShare ?? 0.06;
  const kinds = quota<'enterprise' | 'individual'>(draw, n, [['enterprise', 1 - individualShare], ['individual', individualShare]], ['individual']);
  const names = new Set<string>();
  const codes = new Set<string>();

  const customers: DemoCustomer[] = [];
  const weights: number[] = [];
  for (let index = 0; index < n; index++) {
    const kind = kinds[index]!;
    const city = draw.weighted(CITIES);
    const district = draw.pick(city.districts);
    const profile = profiles[index]!;
    const department: DemoDepartment = draw.chance(0.6) ? 'business' : 'marketing';
    // Years of cooperation: some new, most of several years.
    const since = draw.weighted([
      { days: [60, 365], weight: 15 },
      { days: [366, 3 * 365], weight: 35 },
      { days: [3 * 365, 12 * 365], weight: 50 },
    ]).days;
    const cooperationStart = addDays(today, -draw.int(since[0]!, since[1]!));
    const bank = draw.pick(BANKS);
    const confidentiality = draw.weighted([
      { v: 'normal' as const, weight: 85 },
      { v: 'secret' as const, weight: 12 },
      { v: 'confidential' as const, weight: 3 },
    ]).v;
    const termDays = draw.weighted([
      { v: 30, weight: 35 },
      { v: 45, weight: 20 },
      { v: 60, weight: 30 },
      { v: 90, weight: 15 },
    ]).v;
    let customer: DemoCustomer;
    if (kind === 'enterprise') {
      const trade = draw.weighted(TRADES);
      let named = companyName(draw, city, trade);
      for (let tries = 0; names.has(named.name) && tries < 50; tries++) named = companyName(draw, city, trade);
      if (names.has(named.name)) named = { ...named, name: named.name.replace(/(有限公司|股份有限公司)$/, `${shortPlace(district)}分公司`) };
      let code = makeCreditCode(draw, district.code);
      while (codes.has(code)) code = makeCreditCode(draw, district.code);
      const legal = personName(draw);
      const established = addDays(cooperationStart, -draw.int(200, 15 * 365));
      const capitalWan = Math.max(50, Math.round(draw.logNormal(1000, 1.1) / 10) * 10);
      customer = {
        index,
        kind,
        name: named.name,
        creditCode: code,
        idNumber: null,
        enterpriseNature: natureOf(draw, named.name, named.foreign),
        registeredCapitalFen: capitalWan * 10_000 * 100,
        legalRepresentative: legal,
        personInCharge: draw.chance(0.6) ? personName(draw) : legal,
        address: addressOf(draw, city, district),
        bankName: `${bank.name}${city.name}${shortPlace(district)}支行`,
        bankAccount: bank.accountPrefix + draw.digits(15),
        industry: trade.industry,
        serviceType: trade.serviceType,
        cooperationStart,
        established,
        department,
        confidentiality,
        contacts: [],
        city,
        district,
        trade,
        profile,
        termDays,
        saleFen: Math.max(100_000, Math.round(draw.logNormal(60_000, 0.9)) * 100 + draw.int(0, 99)),
        transactionCount: 0,
        stopsPaying: null,
        contracts: [],
      };
      const finance = personName(draw);
      customer.contacts.push({
        role: 'finance',
        name: finance,
        phone: draw.chance(0.6) ? landline(draw, city) : mobile(draw),
        email: draw.chance(0.4) ? `finance${index + 1}@example.cn` : null,
      });
      customer.contacts.push({ role: 'business', name: personName(draw), phone: mobile(draw), email: null });
      if (draw.chance(0.1)) customer.contacts.push({ role: 'legal', name: personName(draw), phone: landline(draw, city), email: null });
      weights.push(draw.logNormal(1, 0.7));
    } else {
      const male = draw.chance(0.6);
      let name = personName(draw, male);
      for (let tries = 0; names.has(name) && tries < 50; tries++) name = personName(draw, male);
      const birth = addDays(today, -draw.int(25 * 365, 62 * 365));
      let id = makeIdNumber(draw, district.code, birth, male);
      while (codes.has(id)) id = makeIdNumber(draw, district.code, birth, male);
      const trade = draw.weighted(TRADES.filter((t) => t.serviceType === 'sales'));
      customer = {
        index,
        kind,
        name,
        creditCode: null,
        idNumber: id,
        enterpriseNature: null,
        registeredCapitalFen: null,
        legalRepresentative: null,
        personInCharge: null,
        address: addressOf(draw, city, district),
        bankName: `${bank.name}${city.name}${shortPlace(district)}支行`,
        bankAccount: `6222${draw.digits(15)}`,
        industry: '个体经营',
        serviceType: 'sales',
        cooperationStart,
        established: cooperationStart,
        department,
        confidentiality: 'normal',
        contacts: [{ role: 'business', name, phone: mobile(draw), email: null }],
        city,
        district,
        trade,
        profile,
        termDays: Math.min(termDays, 45),
        saleFen: Math.max(50_000, Math.round(draw.logNormal(8_000, 0.7)) * 100),
        transactionCount: 0,
        stopsPaying: null,
        contracts: [],
      };
      weights.push(draw.logNormal(0.3, 0.5));
    }
    names.add(customer.name);
    codes.add(customer.creditCode ?? customer.idNumber!);
    if (profile === 'troubled') customer.stopsPaying = addDays(today, -draw.int(60, 240));
    if (profile === 'defaulting') customer.stopsPaying = addDays(today, -draw.int(200, 500));
    customers.push(customer);
  }

  // Transactions: in proportion to each customer's size, over its years with us.
  const transactionTotal = options.transactions ?? n * 30;
  const tradingDays = customers.map((c) => Math.max(30, dayNumber(today) - dayNumber(c.cooperationStart > historyStart ? c.cooperationStart : historyStart)));
  const counts = allocate(
    transactionTotal,
    weights.map((w, i) => w * tradingDays[i]!),
  );
  customers.forEach((c, i) => (c.transactionCount = counts[i]!));
  return { customers, transactionTotal };
}
