import type { Generated, Insertable, Selectable } from 'kysely';

// The tables of the archive as Kysely sees them. Migrations do not import this file
// (they stay as written, with Kysely<any>); application code does.

export interface MetaTable {
  key: string;
  value: string;
}

export interface SettingsTable {
  key: string;
  value: string; // JSON
}

export interface DepartmentsTable {
  id: string;
  code: string;
  name: string;
  kind: 'credit' | 'business' | 'other';
  /** Contracts of the department are numbered PREFIX-YEAR-NNNN (migration 0020). */
  contract_prefix: string | null;
  created_at: string;
}

export interface RolesTable {
  id: string;
  code: string;
  name: string;
  builtin: number;
  created_at: string;
}

export interface RolePermissionsTable {
  role_id: string;
  permission: string;
}

export interface UsersTable {
  id: string;
  username: string;
  display_name: string;
  department_id: string;
  active: number;
  must_change_password: number;
  created_at: string;
  updated_at: string;
}

export interface UserRolesTable {
  user_id: string;
  role_id: string;
}

export interface AuditLogTable {
  seq: Generated<number>;
  at: string;
  user_id: string | null;
  username: string | null;
  action: string;
  outcome: 'ok' | 'denied' | 'failed';
  target: string | null;
  purpose: string | null;
  details: string; // JSON
  prev_hash: string;
  hash: string;
}

export interface CustomersTable {
  id: string;
  kind: 'enterprise' | 'individual';
  name: string;
  credit_code: string | null;
  id_number: string | null;
  enterprise_nature: string | null;
  registered_capital_fen: number | null;
  legal_representative: string | null;
  person_in_charge: string | null;
  address: string | null;
  bank_name: string | null;
  bank_account: string | null;
  industry: string | null;
  service_type: string | null;
  cooperation_start: string | null;
  department_id: string;
  confidentiality: 'normal' | 'secret' | 'confidential';
  grade: string | null;
  warning_state: 'none' | 'open';
  verification: 'pending' | 'verified';
  /** Name, contact names and document titles, folded for search (see services/customers/grams.ts). */
  search_text: string;
  /** The name's pinyin sort key (shared/domain/pinyin.ts): the list's order. */
  sort_key: string;
  entered_by: string;
  entered_at: string;
  verified_by: string | null;
  verified_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface CustomerContactsTable {
  id: string;
  customer_id: string;
  role: 'finance' | 'business' | 'legal' | 'other';
  name: string;
  phone: string | null;
  email: string | null;
  created_at: string;
}

export interface QualificationsTable {
  id: string;
  customer_id: string;
  kind: string;
  number: string | null;
  issuer: string | null;
  level: string | null;
  valid_from: string | null;
  valid_to: string | null;
  created_at: string;
}

export interface ContractsTable {
  id: string;
  customer_id: string;
  department_id: string;
  contract_no: string;
  title: string;
  amount_fen: number;
  signed_on: string;
  start_on: string | null;
  end_on: string | null;
  status: 'active' | 'completed' | 'terminated';
  import_id: string | null;
  created_at: string;
}

export interface TransactionsTable {
  id: string;
  customer_id: string;
  contract_id: string | null;
  kind: 'sale' | 'return';
  doc_no: string | null;
  amount_fen: number;
  occurred_on: string;
  due_on: string | null;
  import_id: string | null;
  created_at: string;
}

export interface PaymentsTable {
  id: string;
  customer_id: string;
  contract_id: string | null;
  amount_fen: number;
  paid_on: string;
  ref: string | null;
  import_id: string | null;
  created_at: string;
}

export interface CreditEventsTable {
  id: string;
  customer_id: string;
  kind: 'bad_record' | 'litigation' | 'judgment' | 'blacklist' | 'management_change';
  occurred_on: string;
  title: string;
  detail: string | null;
  amount_fen: number | null;
  source: string | null;
  created_at: string;
}

export interface FeedbackTable {
  id: string;
  customer_id: string;
  kind: 'complaint' | 'satisfaction';
  occurred_on: string;
  score: number | null;
  content: string;
  created_at: string;
}

export interface CreditReportsTable {
  id: string;
  customer_id: string;
  agency: string;
  report_no: string | null;
  issued_on: string;
  rating: string | null;
  summary: string | null;
  created_at: string;
}

export interface DocumentsTable {
  id: string;
  customer_id: string;
  category: string;
  title: string;
  archive_no: string;
  retention: '10y' | '30y' | 'permanent';
  confidentiality: 'normal' | 'secret' | 'confidential';
  file_name: string | null;
  mime: string | null;
  size: number | null;
  sha256: string | null;
  /** The document's own key: content chunks are encrypted with it. */
  content_key: Buffer | null;
  location_cabinet: string | null;
  location_shelf: string | null;
  location_box: string | null;
  added_by: string;
  added_at: string;
}

export interface DocumentChunksTable {
  document_id: string;
  n: number;
  iv: Buffer;
  data: Buffer;
}

export interface SearchGramsTable {
  gram: string;
  /** The customer's pinyin sort key, so that matches come out of the index in list order. */
  sort_key: string;
  customer_id: string;
}

export interface CalendarOverlayTable {
  day: string;
  kind: 'closed' | 'working';
  note: string;
  set_by: string;
  set_at: string;
}

export interface CalendarRevisionTable {
  id: number;
  overlay_revision: number;
}

export interface CalendarYearsTable {
  year: number;
  /** The imported OfficialYear, as JSON. */
  data: string;
  imported_by: string;
  imported_at: string;
}

export interface DB {
  calendar_overlay: CalendarOverlayTable;
  calendar_revision: CalendarRevisionTable;
  calendar_years: CalendarYearsTable;
  customers: CustomersTable;
  customer_contacts: CustomerContactsTable;
  qualifications: QualificationsTable;
  contracts: ContractsTable;
  transactions: TransactionsTable;
  payments: PaymentsTable;
  credit_events: CreditEventsTable;
  feedback: FeedbackTable;
  credit_reports: CreditReportsTable;
  documents: DocumentsTable;
  document_chunks: DocumentChunksTable;
  search_grams: SearchGramsTable;
  meta: MetaTable;
  settings: SettingsTable;
  departments: DepartmentsTable;
  roles: RolesTable;
  role_permissions: RolePermissionsTable;
  users: UsersTable;
  user_roles: UserRolesTable;
  audit_log: AuditLogTable;
}

export type UserRow = Selectable<UsersTable>;
export type NewAuditRow = Insertable<AuditLogTable>;
