// What a demo archive is made of: the plan's customers, contracts, trade and the records
// entered by hand. Plain data; each section of the demo (customers.ts, contracts.ts,
// trade.ts, records.ts, documents.ts) makes its part.

import type {
  CONTACT_ROLES,
  CONTRACT_STATUSES,
  CREDIT_EVENT_KINDS,
  ENTERPRISE_NATURES,
  QUALIFICATION_KINDS,
  SERVICE_TYPES,
} from '../../shared/domain/customers';
import type { City, District, Trade } from './vocabulary';

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
