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
  /** 部门负责人 (migration 0040). */
  head_user_id: string | null;
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

/** A read purpose recorded as text before purposes were codes, read as its code (migration 0095). */
export interface AuditPurposeCodesTable {
  seq: number;
  code: string;
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
  /** 授信额度 (fen), 信用期限 (days) and the day they took effect, as last approved (migration 0045). */
  credit_limit_fen: number | null;
  credit_term_days: number | null;
  credit_limit_since: string | null;
  /** 客户经理 / 客服经理, the current grade's scale, since when, its measures (JSON) and the next review day (migration 0050). */
  account_manager_id: string | null;
  service_manager_id: string | null;
  grade_scale: string | null;
  grade_since: string | null;
  grade_measures: string | null;
  next_review_on: string | null;
  /** 停止合作: the day the suspension's chain approved it, and the chain (migration 0085). */
  cooperation_suspended_on: string | null;
  cooperation_suspended_by_chain: string | null;
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
  /** 作废: who voided it, when and why (all three or none; migration 0070). */
  voided_at: string | null;
  voided_by: string | null;
  void_reason: string | null;
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
  /** 作废: who voided it, when and why (all three or none; migration 0070). */
  voided_at: string | null;
  voided_by: string | null;
  void_reason: string | null;
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
  /** 作废: who voided it, when and why (all three or none; migration 0070). */
  voided_at: string | null;
  voided_by: string | null;
  void_reason: string | null;
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
  /** 作废: who voided it, when and why (all three or none; migration 0070). */
  voided_at: string | null;
  voided_by: string | null;
  void_reason: string | null;
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
  /** 作废: who voided it, when and why (all three or none; migration 0070). */
  voided_at: string | null;
  voided_by: string | null;
  void_reason: string | null;
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

export interface ApprovalDefinitionsTable {
  id: string;
  version: number;
  kind: string;
  /** The definition as JSON (ApprovalDefinition). */
  body: string;
  saved_at: string;
  saved_by: string | null;
}

export interface ApprovalChainsTable {
  id: string;
  kind: string;
  definition_id: string;
  definition_version: number;
  /** The definition's name, JSON LocalizedText. */
  name: string;
  author_id: string;
  subject: string;
  customer_id: string | null;
  amount_fen: number | null;
  status: 'running' | 'returned' | 'approved' | 'rejected' | 'withdrawn';
  current_step_id: string | null;
  /** JSON LocalizedText of the open step. */
  current_step_name: string | null;
  /** JSON Deadline of the open step. */
  deadline: string | null;
  deadline_day: string | null;
  /** Canonical JSON of the form content; its sha256 is content_hash. */
  content: string;
  content_hash: string;
  /** The engine's ApprovalState as JSON. */
  state: string;
  submitted_at: string;
  updated_at: string;
  closed_at: string | null;
}

export interface ApprovalSeatsTable {
  user_id: string;
  deadline_day: string | null;
  chain_id: string;
  step_id: string;
  opened_at: string;
}

export interface ApprovalDecisionsTable {
  chain_id: string;
  seq: number;
  step_id: string;
  /** JSON LocalizedText. */
  step_name: string;
  kind: 'approve' | 'reject' | 'return' | 'transfer';
  actor_id: string;
  principal_id: string;
  at: string;
  opinion: string | null;
  content_hash: string;
  voided_reason: string | null;
  voided_at: string | null;
}

export interface ApprovalDelegationsTable {
  id: string;
  from_user_id: string;
  to_user_id: string;
  from_day: string;
  to_day: string;
  created_at: string;
  created_by: string;
  ended_at: string | null;
  ended_by: string | null;
}

export interface CreditLimitRequestsTable {
  chain_id: string;
  customer_id: string;
  limit_fen: number;
  term_days: number;
  reason: string;
  before_limit_fen: number | null;
  before_term_days: number | null;
  requested_by: string;
  requested_at: string;
  applied_at: string | null;
}

export interface CreditLimitHistoryTable {
  id: string;
  customer_id: string;
  chain_id: string;
  limit_fen: number;
  term_days: number;
  previous_limit_fen: number | null;
  previous_term_days: number | null;
  effective_on: string;
  effective_at: string;
  reason: string;
  requested_by: string;
  /** JSON: the counting approvals, step by step. */
  approvals: string;
}

export interface ScoringModelsTable {
  id: string;
  version: number;
  kind: string;
  status: 'draft' | 'published';
  body: string;
  saved_at: string;
  saved_by: string | null;
  published_at: string | null;
}

export interface GradeCrosswalksTable {
  version: number;
  body: string;
  saved_at: string;
  saved_by: string | null;
}

export interface EvaluationSettingsTable {
  id: number;
  publication_days: number;
}

export interface EvaluationsTable {
  id: string;
  customer_id: string;
  kind: 'periodic_review' | 'new_customer_review';
  model_id: string;
  model_version: number;
  status: 'draft' | 'in_approval' | 'published' | 'objection' | 'reopened' | 'final' | 'rejected' | 'cancelled';
  round: number;
  grade: string | null;
  score_num: number | null;
  score_den: number | null;
  chain_id: string | null;
  header: string;
  state: string;
  started_by: string;
  started_on: string;
  started_at: string;
  updated_at: string;
  publication_ends: string | null;
  final_on: string | null;
}

export interface EvaluationReviewersTable {
  user_id: string;
  evaluation_id: string;
  submitted: number;
}

export interface EvaluationChainsTable {
  chain_id: string;
  evaluation_id: string;
  round: number;
}

export interface CustomerGradeHistoryTable {
  id: string;
  customer_id: string;
  evaluation_id: string;
  model_id: string;
  model_version: number;
  scale: string;
  grade: string;
  previous_grade: string | null;
  score_num: number;
  score_den: number;
  score_text: string;
  overridden: number;
  limit_fen: number;
  term_days: number;
  measures: string;
  review_cycle_months: number;
  next_review_on: string;
  effective_on: string;
  effective_at: string;
}

/** A customer's financial statements for one period, as entered (migration 0055). */
export interface FinancialStatementsTable {
  id: string;
  customer_id: string;
  period_start: string;
  period_end: string;
  total_assets_fen: number;
  total_liabilities_fen: number;
  current_assets_fen: number;
  inventory_fen: number;
  current_liabilities_fen: number;
  receivables_fen: number;
  revenue_fen: number;
  cost_of_sales_fen: number;
  net_profit_fen: number;
  opening_receivables_fen: number | null;
  opening_inventory_fen: number | null;
  opening_equity_fen: number | null;
  source: string | null;
  entered_by: string;
  entered_at: string;
}

export interface RoleChangesTable {
  id: string;
  role_id: string;
  before: string;
  after: string;
  proposed_by: string;
  proposed_at: string;
  state: Generated<'pending' | 'confirmed' | 'rejected'>;
  decided_by: string | null;
  decided_at: string | null;
  reason: string | null;
}

export interface LoanPoliciesTable {
  version: number;
  /** JSON: the policy's lines (密级 × kind). */
  terms: string;
  set_by: string | null;
  set_at: string | null;
}

export interface CheckoutRequestsTable {
  id: string;
  chain_id: string;
  requester_id: string;
  department_id: string;
  purpose: string;
  period_working_days: number;
  reading_room: number;
  print: number;
  export: number;
  requested_at: string;
}

export interface LoansTable {
  id: string;
  request_id: string;
  borrower_id: string;
  department_id: string;
  customer_id: string;
  state: 'requested' | 'approved' | 'rejected' | 'withdrawn' | 'lent' | 'renewed' | 'returned' | 'lost';
  due_date: string | null;
  requested_at: string;
  requested_day: string;
  updated_at: string;
  /** JSON: the loan as the pure rules keep it (domain/checkouts Loan). */
  body: string;
}

export interface LoanRenewalChainsTable {
  chain_id: string;
  loan_id: string;
  seq: number;
}

// 风险预警 (migration 0080).
export interface WarningRulesTable {
  rule: string;
  position: number;
  enabled: number;
  threshold: number;
  updated_at: string | null;
  updated_by: string | null;
}

export interface WarningRunsTable {
  id: number;
  last_day: string | null;
}

export interface WarningsTable {
  id: string;
  customer_id: string;
  rule: string;
  subject: string;
  severity: 'severe' | 'high' | 'medium' | 'low';
  severity_rank: number;
  status: 'raised' | 'acknowledged' | 'in_work' | 'closed';
  cause_present: number;
  reopened: Generated<number>;
  measures_taken: Generated<string>;
  early_review: Generated<number>;
  close_reason: string | null;
  evidence: string;
  measures_due: string;
  owner_id: string | null;
  raised_at: string;
  updated_at: string;
  closed_at: string | null;
}

export interface WarningOpenCountsTable {
  severity_rank: number;
  n: number;
}

export interface WarningHistoryTable {
  id: string;
  warning_id: string;
  kind: string;
  status: string;
  by_user: string | null;
  at: string;
  note: string | null;
  measures: string | null;
  early_review: number | null;
  close_reason: string | null;
  evidence: string | null;
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
  audit_purpose_codes: AuditPurposeCodesTable;
  approval_definitions: ApprovalDefinitionsTable;
  approval_chains: ApprovalChainsTable;
  approval_seats: ApprovalSeatsTable;
  approval_decisions: ApprovalDecisionsTable;
  approval_delegations: ApprovalDelegationsTable;
  credit_limit_requests: CreditLimitRequestsTable;
  credit_limit_history: CreditLimitHistoryTable;
  scoring_models: ScoringModelsTable;
  grade_crosswalks: GradeCrosswalksTable;
  financial_statements: FinancialStatementsTable;
  evaluation_settings: EvaluationSettingsTable;
  evaluations: EvaluationsTable;
  evaluation_reviewers: EvaluationReviewersTable;
  evaluation_chains: EvaluationChainsTable;
  customer_grade_history: CustomerGradeHistoryTable;
  role_changes: RoleChangesTable;
  loan_policies: LoanPoliciesTable;
  checkout_requests: CheckoutRequestsTable;
  loans: LoansTable;
  loan_renewal_chains: LoanRenewalChainsTable;
  warning_rules: WarningRulesTable;
  warning_runs: WarningRunsTable;
  warnings: WarningsTable;
  warning_history: WarningHistoryTable;
  warning_open_counts: WarningOpenCountsTable;
  dunning_steps: DunningStepsTable;
  dunning_templates: DunningTemplatesTable;
}

/** 催收: a step recorded for a sale, kept as recorded (migration 0085). */
export interface DunningStepsTable {
  id: string;
  customer_id: string;
  sale_id: string;
  kind: 'reminder' | 'letter' | 'suspension';
  done_on: string;
  channel: 'phone' | 'fax' | 'email' | 'visit' | null;
  note: string | null;
  chain_id: string | null;
  by_user: string;
  at: string;
}

/** The collection letter's template as the administrator saved it, every version kept (migration 0085). */
export interface DunningTemplatesTable {
  code: string;
  version: number;
  body: string;
  saved_at: string;
  saved_by: string;
}

export type UserRow = Selectable<UsersTable>;
export type NewAuditRow = Insertable<AuditLogTable>;
