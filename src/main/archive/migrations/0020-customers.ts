import { sql, type Kysely } from 'kysely';

// The customer credit file (信用档案): basic information, contacts, qualifications,
// contracts, transactions and payments, credit events, feedback, third-party reports,
// documents (encrypted content in chunks, each document with its own key), imports,
// and the search index. Grants the new permissions to the default roles.
// A migration stays as it was written, forever: it imports no application code.

const NEW_GRANTS: Record<string, string[]> = {
  credit_manager: ['customers.read', 'customers.write', 'customers.verify', 'customers.import', 'documents.read', 'documents.write'],
  archivist: ['customers.read', 'customers.verify', 'documents.read', 'documents.write'],
  account_manager: ['customers.read', 'customers.write', 'documents.read', 'documents.write'],
  service_manager: ['customers.read', 'customers.write', 'customers.import', 'documents.read'],
};

const CONTRACT_PREFIXES: Record<string, string> = {
  credit: 'XY',
  business: 'YW',
  marketing: 'YX',
  general_affairs: 'ZH',
  finance: 'CW',
  legal: 'FW',
  management: 'ZB',
  audit: 'SJ',
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  // Contracts are numbered per department (seed 001 §2): each department has a prefix.
  await db.schema.alterTable('departments').addColumn('contract_prefix', 'text').execute();
  for (const [code, prefix] of Object.entries(CONTRACT_PREFIXES)) {
    await db.updateTable('departments').set({ contract_prefix: prefix }).where('code', '=', code).execute();
  }

  await sql`CREATE TABLE customers (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('enterprise', 'individual')),
    name TEXT NOT NULL,
    credit_code TEXT UNIQUE,
    id_number TEXT UNIQUE,
    enterprise_nature TEXT,
    registered_capital_fen INTEGER CHECK (registered_capital_fen IS NULL OR registered_capital_fen >= 0),
    legal_representative TEXT,
    person_in_charge TEXT,
    address TEXT,
    bank_name TEXT,
    bank_account TEXT,
    industry TEXT,
    service_type TEXT,
    cooperation_start TEXT,
    department_id TEXT NOT NULL REFERENCES departments (id),
    confidentiality TEXT NOT NULL DEFAULT 'normal' CHECK (confidentiality IN ('normal', 'secret', 'confidential')),
    grade TEXT,
    warning_state TEXT NOT NULL DEFAULT 'none',
    verification TEXT NOT NULL DEFAULT 'pending' CHECK (verification IN ('pending', 'verified')),
    search_text TEXT NOT NULL DEFAULT '',
    entered_by TEXT NOT NULL REFERENCES users (id),
    entered_at TEXT NOT NULL,
    verified_by TEXT REFERENCES users (id),
    verified_at TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    CHECK ((kind = 'enterprise' AND credit_code IS NOT NULL) OR (kind = 'individual' AND id_number IS NOT NULL))
  )`.execute(db);
  await sql`CREATE INDEX customers_name ON customers (name)`.execute(db);
  await sql`CREATE INDEX customers_grade ON customers (grade, name)`.execute(db);
  await sql`CREATE INDEX customers_industry ON customers (industry, name)`.execute(db);
  await sql`CREATE INDEX customers_department ON customers (department_id, name)`.execute(db);
  await sql`CREATE INDEX customers_warning ON customers (warning_state, name)`.execute(db);

  await sql`CREATE TABLE customer_contacts (
    id TEXT PRIMARY KEY,
    customer_id TEXT NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
    role TEXT NOT NULL CHECK (role IN ('finance', 'business', 'legal', 'other')),
    name TEXT NOT NULL,
    phone TEXT,
    email TEXT,
    created_at TEXT NOT NULL
  )`.execute(db);
  await sql`CREATE INDEX customer_contacts_customer ON customer_contacts (customer_id)`.execute(db);
  await sql`CREATE INDEX customer_contacts_phone ON customer_contacts (phone)`.execute(db);

  await sql`CREATE TABLE qualifications (
    id TEXT PRIMARY KEY,
    customer_id TEXT NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    number TEXT,
    issuer TEXT,
    level TEXT,
    valid_from TEXT,
    valid_to TEXT,
    created_at TEXT NOT NULL
  )`.execute(db);
  await sql`CREATE INDEX qualifications_customer ON qualifications (customer_id)`.execute(db);
  await sql`CREATE INDEX qualifications_expiry ON qualifications (valid_to)`.execute(db);

  await sql`CREATE TABLE contracts (
    id TEXT PRIMARY KEY,
    customer_id TEXT NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
    department_id TEXT NOT NULL REFERENCES departments (id),
    contract_no TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL,
    amount_fen INTEGER NOT NULL CHECK (amount_fen >= 0),
    signed_on TEXT NOT NULL,
    start_on TEXT,
    end_on TEXT,
    status TEXT NOT NULL CHECK (status IN ('active', 'completed', 'terminated')),
    import_id TEXT,
    created_at TEXT NOT NULL
  )`.execute(db);
  await sql`CREATE INDEX contracts_customer ON contracts (customer_id, signed_on)`.execute(db);

  // Sales (with a due date) and returns: what the customer owes.
  await sql`CREATE TABLE transactions (
    id TEXT PRIMARY KEY,
    customer_id TEXT NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
    contract_id TEXT REFERENCES contracts (id),
    kind TEXT NOT NULL CHECK (kind IN ('sale', 'return')),
    doc_no TEXT,
    amount_fen INTEGER NOT NULL CHECK (amount_fen > 0),
    occurred_on TEXT NOT NULL,
    due_on TEXT,
    import_id TEXT,
    created_at TEXT NOT NULL
  )`.execute(db);
  await sql`CREATE INDEX transactions_customer ON transactions (customer_id, occurred_on)`.execute(db);

  await sql`CREATE TABLE payments (
    id TEXT PRIMARY KEY,
    customer_id TEXT NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
    contract_id TEXT REFERENCES contracts (id),
    amount_fen INTEGER NOT NULL CHECK (amount_fen > 0),
    paid_on TEXT NOT NULL,
    ref TEXT,
    import_id TEXT,
    created_at TEXT NOT NULL
  )`.execute(db);
  await sql`CREATE INDEX payments_customer ON payments (customer_id, paid_on)`.execute(db);

  await sql`CREATE TABLE credit_events (
    id TEXT PRIMARY KEY,
    customer_id TEXT NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('bad_record', 'litigation', 'judgment', 'blacklist', 'management_change')),
    occurred_on TEXT NOT NULL,
    title TEXT NOT NULL,
    detail TEXT,
    amount_fen INTEGER CHECK (amount_fen IS NULL OR amount_fen >= 0),
    source TEXT,
    created_at TEXT NOT NULL
  )`.execute(db);
  await sql`CREATE INDEX credit_events_customer ON credit_events (customer_id, occurred_on)`.execute(db);

  await sql`CREATE TABLE feedback (
    id TEXT PRIMARY KEY,
    customer_id TEXT NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('complaint', 'satisfaction')),
    occurred_on TEXT NOT NULL,
    score INTEGER CHECK (score IS NULL OR score BETWEEN 1 AND 5),
    content TEXT NOT NULL,
    created_at TEXT NOT NULL
  )`.execute(db);
  await sql`CREATE INDEX feedback_customer ON feedback (customer_id, occurred_on)`.execute(db);

  await sql`CREATE TABLE credit_reports (
    id TEXT PRIMARY KEY,
    customer_id TEXT NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
    agency TEXT NOT NULL,
    report_no TEXT,
    issued_on TEXT NOT NULL,
    rating TEXT,
    summary TEXT,
    created_at TEXT NOT NULL
  )`.execute(db);
  await sql`CREATE INDEX credit_reports_customer ON credit_reports (customer_id, issued_on)`.execute(db);

  // Documents: the metadata here; the content in document_chunks, encrypted with the
  // document's own key (content_key). Destroying a document deletes its key and chunks.
  await sql`CREATE TABLE documents (
    id TEXT PRIMARY KEY,
    customer_id TEXT NOT NULL REFERENCES customers (id),
    category TEXT NOT NULL,
    title TEXT NOT NULL,
    archive_no TEXT NOT NULL UNIQUE,
    retention TEXT NOT NULL CHECK (retention IN ('10y', '30y', 'permanent')),
    confidentiality TEXT NOT NULL CHECK (confidentiality IN ('normal', 'secret', 'confidential')),
    file_name TEXT,
    mime TEXT,
    size INTEGER,
    sha256 TEXT,
    content_key BLOB,
    location_cabinet TEXT,
    location_shelf TEXT,
    location_box TEXT,
    added_by TEXT NOT NULL REFERENCES users (id),
    added_at TEXT NOT NULL,
    CHECK ((file_name IS NULL) = (content_key IS NULL))
  )`.execute(db);
  await sql`CREATE INDEX documents_customer ON documents (customer_id, added_at)`.execute(db);

  await sql`CREATE TABLE document_chunks (
    document_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    n INTEGER NOT NULL,
    iv BLOB NOT NULL,
    data BLOB NOT NULL,
    PRIMARY KEY (document_id, n)
  ) WITHOUT ROWID`.execute(db);

  // Search: every two-character fragment of names, contact names and document titles
  // points at its customer, so "any part of the name" is an index lookup, not a scan.
  // The customer's name is part of the key, so the matches of a fragment come out of the
  // index already in name order, and their number is a range count.
  await sql`CREATE TABLE search_grams (
    gram TEXT NOT NULL,
    name TEXT NOT NULL,
    customer_id TEXT NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
    PRIMARY KEY (gram, name, customer_id)
  ) WITHOUT ROWID`.execute(db);
  await sql`CREATE INDEX search_grams_customer ON search_grams (customer_id)`.execute(db);

  for (const [roleCode, permissions] of Object.entries(NEW_GRANTS)) {
    const role = await db.selectFrom('roles').select('id').where('code', '=', roleCode).executeTakeFirst();
    if (!role) continue;
    for (const permission of permissions) {
      await db.insertInto('role_permissions').values({ role_id: role.id, permission }).onConflict((oc) => oc.doNothing()).execute();
    }
  }
}
