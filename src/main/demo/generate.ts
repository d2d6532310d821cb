// The demo archive's content, made up but plausible: Chinese companies and a few private
// customers with valid identifiers, contracts numbered per department, three years of
// sales with due dates, payments (mostly on time; some late; some customers in arrears),
// credit events, feedback, third-party reports and qualifications.
//
// Pure and deterministic: the same seed and the same "today" give the same data. Loading
// it into an archive (through the host, as users do) is load.ts's work.

import type {
  CONTACT_ROLES,
  CONTRACT_STATUSES,
  CREDIT_EVENT_KINDS,
  ENTERPRISE_NATURES,
  QUALIFICATION_KINDS,
  SERVICE_TYPES,
} from '../../shared/domain/customers';
import { creditCodeCheckCharacter, idNumberCheckCharacter } from '../../shared/domain/identifiers';
import { addDays, dayNumber, Draw, mixSeed, prng } from './random';
import {
  AGENCIES,
  BANKS,
  CERTIFIERS,
  CITIES,
  COMPANY_FORMS,
  COMPLAINTS,
  GIVEN_FEMALE,
  GIVEN_MALE,
  LAWSUIT_CAUSES,
  PRAISE,
  ROADS,
  SURNAMES,
  TRADE_NAME_FIRST,
  TRADE_NAME_SECOND,
  TRADES,
  type City,
  type District,
  type Trade,
} from './vocabulary';

/** How a customer pays: most on time, some late, some stop paying. */
export type Profile = 'prompt' | 'normal' | 'slow' | 'troubled' | 'defaulting';
/** The departments that own customers (and number their contracts). */
export type DemoDepartment = 'business' | 'marketing';

/** Contract number prefixes per department, as migration 0020 gives them. */
export const CONTRACT_PREFIX: Record<DemoDepartment, string> = { business: 'YW', marketing: 'YX' };

export interface DemoContact {
  role: (typeof CONTACT_ROLES)[number];
  name: string;
  phone: string | null;
  email: string | null;
}

export interface DemoContract {
  customerIndex: number;
  department: DemoDepartment;
  /** PREFIX-YEAR-NNNN, numbered per department and year in order of signing. */
  contractNo: string;
  title: string;
  amountFen: number;
  signedOn: string;
  startOn: string;
  endOn: string;
  status: (typeof CONTRACT_STATUSES)[number];
}

export interface DemoCustomer {
  index: number;
  kind: 'enterprise' | 'individual';
  name: string;
  creditCode: string | null;
  idNumber: string | null;
  enterpriseNature: (typeof ENTERPRISE_NATURES)[number] | null;
  registeredCapitalFen: number | null;
  legalRepresentative: string | null;
  personInCharge: string | null;
  address: string;
  bankName: string;
  bankAccount: string;
  industry: string;
  serviceType: (typeof SERVICE_TYPES)[number];
  cooperationStart: string;
  /** Founded (enterprises; the business licence's date). */
  established: string;
  department: DemoDepartment;
  confidentiality: 'normal' | 'secret' | 'confidential';
  contacts: DemoContact[];
  city: City;
  district: District;
  trade: Trade | null;
  profile: Profile;
  /** Credit term: days from a sale to its due date. */
  termDays: number;
  /** Typical amount of one sale (fen). */
  saleFen: number;
  /** Sales and returns over the last three years. */
  transactionCount: number;
  /** After this day the customer pays nothing more (troubled and defaulting customers). */
  stopsPaying: string | null;
  contracts: DemoContract[];
}

export interface DemoTransaction {
  customerIndex: number;
  kind: 'sale' | 'return';
  docNo: string;
  amountFen: number;
  occurredOn: string;
  dueOn: string | null;
  contractNo: string | null;
}

export interface DemoPayment {
  customerIndex: number;
  amountFen: number;
  paidOn: string;
  ref: string;
  contractNo: string | null;
}

export interface DemoQualification {
  kind: (typeof QUALIFICATION_KINDS)[number];
  number: string | null;
  issuer: string | null;
  level: string | null;
  validFrom: string | null;
  validTo: string | null;
}

export interface DemoCreditEvent {
  kind: (typeof CREDIT_EVENT_KINDS)[number];
  occurredOn: string;
  title: string;
  detail: string | null;
  amountFen: number | null;
  source: string | null;
}

export interface DemoFeedback {
  kind: 'complaint' | 'satisfaction';
  occurredOn: string;
  score: number | null;
  content: string;
}

export interface DemoCreditReport {
  agency: string;
  reportNo: string | null;
  issuedOn: string;
  rating: string | null;
  summary: string | null;
}

/** What is entered by hand for a customer (forms), apart from its basic information. */
export interface DemoRecords {
  qualifications: DemoQualification[];
  creditEvents: DemoCreditEvent[];
  feedback: DemoFeedback[];
  creditReports: DemoCreditReport[];
}

export interface DemoOptions {
  seed: number;
  customers: number;
  /** The day the data is made for (YYYY-MM-DD): three years of history end here. */
  today: string;
  /** Sales and returns over all customers; default 30 per customer. */
  transactions?: number;
  /** Share of private (individual) customers; default 0.06. */
  individualShare?: number;
}

export interface DemoPlan {
  seed: number;
  today: string;
  /** Three years before today: where the trade history starts. */
  historyStart: string;
  customers: DemoCustomer[];
  /** All contracts, in order of signing. */
  contracts: DemoContract[];
  transactionTotal: number;
}

const PROFILE_SHARES: readonly [Profile, number][] = [
  ['prompt', 0.5],
  ['normal', 0.27],
  ['slow', 0.13],
  ['troubled', 0.07],
  ['defaulting', 0.03],
];

// ---------------------------------------------------------------------------------------
// Identifiers

const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
/** Characters of an organisation code body that a credit code can carry (no I, O, S, V, Z). */
const ORG_LETTERS = 'ABCDEFGHJKLMNPQRTUWXY';

/** GB 11714-1997 check character of an 8-character organisation code body. */
export function orgCodeCheckCharacter(body8: string): string {
  const weights = [3, 7, 9, 10, 5, 8, 4, 2];
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const ch = body8[i]!;
    const value = ch >= '0' && ch <= '9' ? Number(ch) : ch.charCodeAt(0) - 55;
    sum += value * weights[i]!;
  }
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

/**
 * A unified social credit code (GB 32100-2015): 9 (registered with market regulation),
 * 1 (enterprise), the division code of where it is registered, an organisation code
 * (new ones start MA…) with its own GB 11714 check character, and the check character.
 */
export function makeCreditCode(draw: Draw, regionCode: string): string {
  let org: string;
  if (draw.chance(0.55)) {
    // Registered since 2015: MA + 6 characters of the code alphabet.
    org = 'MA';
    for (let i = 0; i < 6; i++) org += draw.chance(0.6) ? String(draw.int(0, 9)) : draw.pick(Array.from(ORG_LETTERS));
  } else {
    org = draw.digits(8);
  }
  const first17 = `91${regionCode}${org}${orgCodeCheckCharacter(org)}`;
  for (const ch of first17) if (!USCC_ALPHABET.includes(ch)) throw new Error(`bad credit code character ${ch}`);
  return first17 + creditCodeCheckCharacter(first17);
}

/** A citizen ID number (GB 11643-1999): division code, birth date, sequence (odd: male), check. */
export function makeIdNumber(draw: Draw, regionCode: string, birth: string, male: boolean): string {
  let seq = draw.int(0, 499) * 2 + (male ? 1 : 0);
  if (seq > 999) seq -= 2;
  const first17 = `${regionCode}${birth.replace(/-/g, '')}${String(seq).padStart(3, '0')}`;
  return first17 + idNumberCheckCharacter(first17);
}

// ---------------------------------------------------------------------------------------
// People and places

export function personName(draw: Draw, male = draw.chance(0.55)): string {
  const given = male ? GIVEN_MALE : GIVEN_FEMALE;
  return draw.pick(SURNAMES) + draw.pick(given) + (draw.chance(0.7) ? draw.pick(given) : '');
}

function mobile(draw: Draw): string {
  return `1${draw.pick(['3', '5', '8', '7', '9'])}${draw.int(0, 9)}${draw.digits(8)}`;
}

function landline(draw: Draw, city: City): string {
  return `${city.areaCode}-${draw.pick(['8', '6', '5'])}${draw.digits(7)}`;
}

function shortPlace(district: District): string {
  return district.name.replace(/(新区|区|市|镇)$/, '');
}

function addressOf(draw: Draw, city: City, district: District): string {
  const building = draw.chance(0.3) ? `${draw.int(1, 12)}幢${draw.int(1, 20)}0${draw.int(1, 9)}室` : '';
  return `${city.province}${city.name}市${district.name}${draw.pick(ROADS)}${draw.int(1, 999)}号${building}`;
}

// ---------------------------------------------------------------------------------------
// The plan: customers and their contracts

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
const TRADE_NAMES_UNIQUE = [...new Set(TRADE_NAMES)];

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

/** The plan of a demo archive: every customer with its contracts numbered. */
export function planDemo(options: DemoOptions): DemoPlan {
  const { seed, customers: n, today } = options;
  const draw = new Draw(prng(seed));
  const historyStart = addDays(today, -3 * 365);
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
  return { seed, today, historyStart, customers, contracts, transactionTotal };
}

// ---------------------------------------------------------------------------------------
// Trade: sales, returns and payments

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

// ---------------------------------------------------------------------------------------
// What is entered by hand: qualifications, credit events, feedback, reports

function yuan(fen: number): string {
  return (fen / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

function caseNo(draw: Draw, c: DemoCustomer, year: string, kind: '民初' | '执' | '民终'): string {
  return `（${year}）${c.city.courtAbbr}${c.district.code.slice(2)}${kind}${draw.int(100, 19999)}号`;
}

function courtOf(c: DemoCustomer): string {
  return `${c.city.name}市${c.district.name}人民法院`;
}

/**
 * What the credit department and account managers enter for a customer by hand.
 * `forceExpiring`: give an ISO 9000 certificate that runs out within the month (so a
 * small demo shows the warning).
 */
export function recordsOf(plan: DemoPlan, c: DemoCustomer, options: { forceExpiring?: boolean; forceExpired?: boolean } = {}): DemoRecords {
  const draw = new Draw(prng(mixSeed(plan.seed, c.index, 3)));
  const today = plan.today;
  const year = Number(today.slice(0, 4));
  const qualifications: DemoQualification[] = [];
  const creditEvents: DemoCreditEvent[] = [];
  const feedback: DemoFeedback[] = [];
  const creditReports: DemoCreditReport[] = [];
  const bad = c.profile === 'troubled' || c.profile === 'defaulting';

  if (c.kind === 'enterprise') {
    qualifications.push({
      kind: 'business_licence',
      number: c.creditCode,
      issuer: `${c.city.name}市${c.city.province ? c.district.name : ''}市场监督管理局`,
      level: null,
      validFrom: c.established,
      validTo: draw.chance(0.8) ? null : addDays(c.established, 30 * 365),
    });
    if (draw.chance(0.7)) {
      const from = addDays(today, -draw.int(0, 330));
      qualifications.push({
        kind: 'tax_credit_level',
        number: null,
        issuer: `国家税务总局${c.city.name}市税务局`,
        level: bad ? draw.pick(['B', 'M', 'C']) : draw.weighted([
          { v: 'A', weight: 60 },
          { v: 'B', weight: 32 },
          { v: 'M', weight: 8 },
        ]).v,
        validFrom: from,
        validTo: addDays(from, 364),
      });
    }
    if (options.forceExpiring || options.forceExpired || draw.chance(0.35)) {
      const to = options.forceExpiring ? addDays(today, draw.int(5, 25)) : options.forceExpired ? addDays(today, -draw.int(10, 90)) : addDays(today, draw.int(-240, 1000));
      qualifications.push({
        kind: 'iso9000',
        number: `${draw.digits(5)}Q${draw.digits(5)}R${draw.int(0, 3)}M`,
        issuer: draw.pick(CERTIFIERS),
        level: null,
        validFrom: addDays(to, -3 * 365 + 1),
        validTo: to,
      });
    }
    if (c.trade?.permit && draw.chance(0.7)) {
      const to = addDays(today, draw.int(-100, 1500));
      qualifications.push({
        kind: 'special_permit',
        number: `${c.trade.permit.prefix}${c.district.code}${draw.digits(6)}`,
        issuer: `${c.city.province || `${c.city.name}市`}${c.trade.permit.issuer}`,
        level: c.trade.permit.name,
        validFrom: addDays(to, -5 * 365 + 1),
        validTo: to,
      });
    }
    if (c.industry === '信息技术' && draw.chance(0.3)) {
      const to = addDays(today, draw.int(-60, 1000));
      qualifications.push({ kind: 'iso20000', number: `${draw.digits(5)}IT${draw.digits(5)}R${draw.int(0, 2)}M`, issuer: draw.pick(CERTIFIERS), level: null, validFrom: addDays(to, -3 * 365 + 1), validTo: to });
    }
    if (draw.chance(0.2)) {
      const from = addDays(today, -draw.int(0, 360));
      qualifications.push({
        kind: 'bank_credit_level',
        number: null,
        issuer: c.bankName,
        level: bad ? draw.pick(['BBB', 'BB']) : draw.pick(['AAA', 'AA+', 'AA', 'A']),
        validFrom: from,
        validTo: addDays(from, 364),
      });
    }
  }

  // Credit events.
  const inHistory = (minAgo: number, maxAgo: number) => addDays(today, -draw.int(minAgo, maxAgo));
  if (c.profile === 'defaulting') {
    const filed = addDays(c.stopsPaying!, draw.int(60, 150));
    const on = filed > today ? addDays(today, -draw.int(5, 30)) : filed;
    const claim = Math.round(c.saleFen * draw.int(3, 12));
    creditEvents.push({
      kind: 'litigation',
      occurredOn: on,
      title: '买卖合同纠纷（我司起诉追讨货款）',
      detail: `${caseNo(draw, c, on.slice(0, 4), '民初')}，${courtOf(c)}受理；诉请支付货款 ${yuan(claim)} 元及逾期付款损失`,
      amountFen: claim,
      source: '法律事务部',
    });
    if (draw.chance(0.5)) {
      const judged = addDays(on, draw.int(60, 150));
      if (judged <= today) {
        creditEvents.push({
          kind: 'judgment',
          occurredOn: judged,
          title: '民事判决：判令支付货款及逾期利息',
          detail: `${courtOf(c)}判决被告于判决生效后十日内支付货款 ${yuan(claim)} 元`,
          amountFen: claim,
          source: '中国裁判文书网',
        });
      }
    }
    if (draw.chance(0.35) || options.forceExpired) {
      const on2 = inHistory(10, 200);
      creditEvents.push({
        kind: 'blacklist',
        occurredOn: on2,
        title: '被列入失信被执行人名单',
        detail: `执行法院：${courtOf(c)}，案号：${caseNo(draw, c, on2.slice(0, 4), '执')}；履行情况：全部未履行`,
        amountFen: null,
        source: '中国执行信息公开网',
      });
    }
  } else if ((c.profile === 'troubled' && draw.chance(0.45)) || draw.chance(0.02)) {
    const on = inHistory(20, 700);
    const amount = Math.round(c.saleFen * draw.int(2, 30));
    const cause = draw.pick(LAWSUIT_CAUSES);
    creditEvents.push({
      kind: 'litigation',
      occurredOn: on,
      title: `${cause}（被告）`,
      detail: `${caseNo(draw, c, on.slice(0, 4), '民初')}，原告：${c.city.name}${draw.pick(TRADE_NAMES_UNIQUE)}${draw.pick(TRADES).word}有限公司，诉讼标的 ${yuan(amount)} 元`,
      amountFen: amount,
      source: '中国裁判文书网',
    });
  }
  if ((bad && draw.chance(0.4)) || draw.chance(0.03)) {
    const what = draw.pick([
      { title: '税务行政处罚', source: '信用中国' },
      { title: '列入经营异常名录（未按时公示年度报告）', source: '国家企业信用信息公示系统' },
      { title: '银行贷款逾期记录', source: '人民银行征信中心' },
      { title: '环保行政处罚', source: '信用中国' },
    ]);
    creditEvents.push({ kind: 'bad_record', occurredOn: inHistory(10, 900), title: what.title, detail: null, amountFen: null, source: what.source });
  }
  if (c.kind === 'enterprise' && draw.chance(0.04)) {
    const before = c.legalRepresentative ?? personName(draw);
    const after = personName(draw);
    creditEvents.push({
      kind: 'management_change',
      occurredOn: inHistory(10, 900),
      title: '法定代表人变更',
      detail: `法定代表人由${before}变更为${after}`,
      amountFen: null,
      source: '国家企业信用信息公示系统',
    });
  }

  // Feedback: annual satisfaction surveys of some customers, and complaints.
  if (draw.chance(0.4)) {
    for (let y = year - 2; y < year; y++) {
      if (`${y}-12-20` < c.cooperationStart || !draw.chance(0.7)) continue;
      const score = bad ? draw.int(2, 4) : draw.weighted([
        { v: 5, weight: 45 },
        { v: 4, weight: 40 },
        { v: 3, weight: 15 },
      ]).v;
      feedback.push({ kind: 'satisfaction', occurredOn: `${y}-12-${String(draw.int(10, 28))}`, score, content: `${y}年度客户满意度调查：${draw.pick(PRAISE)}` });
    }
  }
  if (draw.chance(bad ? 0.5 : 0.08)) {
    const k = draw.int(1, 2);
    for (let i = 0; i < k; i++) feedback.push({ kind: 'complaint', occurredOn: inHistory(5, 700), score: null, content: draw.pick(COMPLAINTS) });
  }

  // Third-party credit reports for some companies.
  if (c.kind === 'enterprise' && draw.chance(bad ? 0.5 : 0.25)) {
    const agency = draw.pick(AGENCIES);
    const issued = inHistory(10, 500);
    const rating = {
      prompt: draw.pick(['AAA', 'AA+', 'AA']),
      normal: draw.pick(['AA', 'AA-', 'A+']),
      slow: draw.pick(['A', 'A-', 'BBB+']),
      troubled: draw.pick(['BBB', 'BB+', 'BB']),
      defaulting: draw.pick(['B', 'CCC']),
    }[c.profile];
    const summary = {
      prompt: '经营稳定，盈利能力较强，偿债能力强，违约风险很低',
      normal: '经营正常，财务状况良好，偿债能力较强',
      slow: '经营基本正常，应收账款周转偏慢，短期偿债压力一般',
      troubled: '营业收入下滑，现金流偏紧，存在一定违约风险',
      defaulting: '经营困难，涉及多起诉讼，偿债能力弱，违约风险高',
    }[c.profile];
    creditReports.push({ agency: agency.name, reportNo: `${agency.prefix}-${issued.slice(0, 4)}-${draw.digits(5)}`, issuedOn: issued, rating, summary });
  }

  return { qualifications, creditEvents, feedback, creditReports };
}
