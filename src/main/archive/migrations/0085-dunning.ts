import { sql, type Kysely } from 'kysely';

// 催收 (issue 12 item 3, seed 003 五(二)): the dunning steps recorded for a sale — a reminder
// made, a collection letter sent, a suspension recommended (with the chain that decides it)
// — kept as recorded: a step is never changed or removed. Where a step stands today is
// derived from the dates by the pure rules, not stored. A customer whose suspension was
// approved carries the day and the chain. The collection letter's template as
// the administrator saved it (none: the shipped one). The default chain of the suspension
// and the grant of the dunning permission. A migration stays as it was written, forever: it
// imports no application code.

const NEW_GRANTS: Record<string, string[]> = {
  credit_manager: ['dunning.work'],
  service_manager: ['dunning.work'],
};

const SUSPENSION_CHAIN = {
  "id": "dunning_suspension",
  "version": 1,
  "kind": "dunning_suspension",
  "name": {
    "zh-CN": "保证金转违约金及停止合作",
    "en-US": "Deposit to penalty and suspension"
  },
  "steps": [
    {
      "id": "credit_head",
      "name": {
        "zh-CN": "信用管理部门负责人",
        "en-US": "Head of credit management"
      },
      "who": [
        {
          "kind": "departmentHead",
          "departmentCode": "credit"
        }
      ],
      "how": {
        "mode": "any"
      },
      "deadlineWorkingDays": 3,
      "opinionRequired": true,
      "distinctPerson": true
    },
    {
      "id": "finance_manager",
      "name": {
        "zh-CN": "计划财务部经理",
        "en-US": "Planning and finance manager"
      },
      "who": [
        {
          "kind": "role",
          "role": "finance_manager"
        }
      ],
      "how": {
        "mode": "any"
      },
      "deadlineWorkingDays": 3,
      "opinionRequired": true,
      "distinctPerson": true
    },
    {
      "id": "general_manager",
      "name": {
        "zh-CN": "总经理",
        "en-US": "General manager"
      },
      "who": [
        {
          "kind": "role",
          "role": "general_manager"
        }
      ],
      "how": {
        "mode": "any"
      },
      "deadlineWorkingDays": 3,
      "opinionRequired": true,
      "distinctPerson": true
    }
  ]
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE TABLE dunning_steps (
    id TEXT PRIMARY KEY,
    customer_id TEXT NOT NULL REFERENCES customers (id),
    sale_id TEXT NOT NULL REFERENCES transactions (id),
    kind TEXT NOT NULL CHECK (kind IN ('reminder', 'letter', 'suspension')),
    done_on TEXT NOT NULL,
    channel TEXT CHECK (channel IS NULL OR channel IN ('phone', 'fax', 'email', 'visit')),
    note TEXT,
    chain_id TEXT REFERENCES approval_chains (id),
    by_user TEXT NOT NULL REFERENCES users (id),
    at TEXT NOT NULL,
    CHECK ((kind = 'reminder') = (channel IS NOT NULL)),
    CHECK ((kind = 'suspension') = (chain_id IS NOT NULL))
  )`.execute(db);
  await sql`CREATE INDEX dunning_steps_sale ON dunning_steps (sale_id, kind, done_on)`.execute(db);
  await sql`CREATE INDEX dunning_steps_customer ON dunning_steps (customer_id)`.execute(db);
  await sql`CREATE TRIGGER dunning_steps_kept_update BEFORE UPDATE ON dunning_steps
    BEGIN SELECT RAISE(ABORT, 'a dunning step is kept as recorded'); END`.execute(db);
  await sql`CREATE TRIGGER dunning_steps_kept_delete BEFORE DELETE ON dunning_steps
    BEGIN SELECT RAISE(ABORT, 'a dunning step is kept as recorded'); END`.execute(db);

  await sql`CREATE TABLE dunning_templates (
    code TEXT NOT NULL,
    version INTEGER NOT NULL CHECK (version >= 1),
    body TEXT NOT NULL,
    saved_at TEXT NOT NULL,
    saved_by TEXT NOT NULL REFERENCES users (id),
    PRIMARY KEY (code, version)
  ) WITHOUT ROWID`.execute(db);

  // 停止合作: when the suspension's chain approved it, and which chain.
  await sql`ALTER TABLE customers ADD COLUMN cooperation_suspended_on TEXT`.execute(db);
  await sql`ALTER TABLE customers ADD COLUMN cooperation_suspended_by_chain TEXT REFERENCES approval_chains (id)`.execute(db);

  const at = new Date().toISOString();
  await db
    .insertInto('approval_definitions')
    .values({ id: SUSPENSION_CHAIN.id, version: 1, kind: SUSPENSION_CHAIN.kind, body: JSON.stringify(SUSPENSION_CHAIN), saved_at: at, saved_by: null })
    .execute();

  // An archive made before this migration gets the grant; a new one gets it from the
  // default roles at setup (the roles table is still empty here).
  for (const [code, permissions] of Object.entries(NEW_GRANTS)) {
    const role = await db.selectFrom('roles').select('id').where('code', '=', code).executeTakeFirst();
    if (!role) continue;
    for (const permission of permissions) {
      await db.insertInto('role_permissions').values({ role_id: role.id, permission }).onConflict((oc) => oc.doNothing()).execute();
    }
  }
}
