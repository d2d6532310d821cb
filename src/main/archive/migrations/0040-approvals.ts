import { sql, type Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';

// Approval chains (审批流, SPEC §3): versioned chain definitions, running chains with the
// engine's state as JSON, the open seats and the decisions denormalised so the inbox
// (待我审批), my requests (我发起的) and what I decided (已办) are index lookups,
// delegations (委托), department heads, the roles the default chains name, and the default
// chains themselves (version 1). A migration stays as it was written, forever: it imports
// no application code, so the default chains and roles are written out here as they were
// on the day it was written (test/main/migrations/0040-approvals.test.ts compares them).

/** Roles the default chains name that earlier archives lack, with their Chinese names. */
const APPROVAL_ROLES: [code: string, name: string][] = [
  ['dept_manager', '部门经理'],
  ['co_department', '协办部门'],
  ['legal', '法律事务'],
  ['general_affairs_manager', '综合部经理'],
  ['finance_manager', '计划财务部经理'],
  ['marketing_vp', '营销中心副总'],
  ['general_manager', '总经理'],
  ['credit_manager', '信用经理'],
  ['leadership', '公司领导'],
];

/** The credit manager's role was named like the credit department (信用管理部门). */
const RENAMED_ROLES: [code: string, from: string, to: string][] = [['credit_manager', '信用管理部门', '信用经理']];

const NEW_GRANTS: Record<string, string[]> = {
  sysadmin: ['approvals.manage'],
  account_manager: ['creditLimits.request'],
  credit_manager: ['creditLimits.request'],
};

const DEFAULT_DEFINITIONS: readonly { id: string; kind: string; [key: string]: unknown }[] = [
  {
    "id": "new_customer_review",
    "version": 1,
    "kind": "new_customer_review",
    "name": {
      "zh-CN": "新增客户信用评审",
      "en-US": "New customer credit review"
    },
    "steps": [
      {
        "id": "dept_manager",
        "name": {
          "zh-CN": "部门经理",
          "en-US": "Department manager"
        },
        "who": [
          {
            "kind": "role",
            "role": "dept_manager",
            "sameDepartmentAsAuthor": true
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
        "id": "legal",
        "name": {
          "zh-CN": "法律事务",
          "en-US": "Legal affairs"
        },
        "who": [
          {
            "kind": "role",
            "role": "legal"
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
        "id": "general_affairs_manager",
        "name": {
          "zh-CN": "综合部经理",
          "en-US": "General affairs manager"
        },
        "who": [
          {
            "kind": "role",
            "role": "general_affairs_manager"
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
        "id": "marketing_vp",
        "name": {
          "zh-CN": "营销中心副总",
          "en-US": "Marketing vice president"
        },
        "who": [
          {
            "kind": "role",
            "role": "marketing_vp"
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
  },
  {
    "id": "periodic_review",
    "version": 1,
    "kind": "periodic_review",
    "name": {
      "zh-CN": "客户信用评审",
      "en-US": "Periodic customer credit review"
    },
    "steps": [
      {
        "id": "dept_manager",
        "name": {
          "zh-CN": "部门经理",
          "en-US": "Department manager"
        },
        "who": [
          {
            "kind": "role",
            "role": "dept_manager",
            "sameDepartmentAsAuthor": true
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
        "id": "co_department",
        "name": {
          "zh-CN": "协办部门",
          "en-US": "Co-operating departments"
        },
        "who": [
          {
            "kind": "role",
            "role": "co_department"
          }
        ],
        "how": {
          "mode": "all"
        },
        "deadlineWorkingDays": 3,
        "opinionRequired": true,
        "distinctPerson": true
      },
      {
        "id": "legal",
        "name": {
          "zh-CN": "法律事务",
          "en-US": "Legal affairs"
        },
        "who": [
          {
            "kind": "role",
            "role": "legal"
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
        "id": "general_affairs_manager",
        "name": {
          "zh-CN": "综合部经理",
          "en-US": "General affairs manager"
        },
        "who": [
          {
            "kind": "role",
            "role": "general_affairs_manager"
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
          "zh-CN": "计划财务部",
          "en-US": "Planning and finance"
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
        "id": "marketing_vp",
        "name": {
          "zh-CN": "营销中心副总",
          "en-US": "Marketing vice president"
        },
        "who": [
          {
            "kind": "role",
            "role": "marketing_vp"
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
  },
  {
    "id": "credit_limit_change",
    "version": 1,
    "kind": "credit_limit_change",
    "name": {
      "zh-CN": "授信额度调整",
      "en-US": "Credit limit change"
    },
    "steps": [
      {
        "id": "dept_manager",
        "name": {
          "zh-CN": "部门经理",
          "en-US": "Department manager"
        },
        "who": [
          {
            "kind": "role",
            "role": "dept_manager",
            "sameDepartmentAsAuthor": true
          }
        ],
        "how": {
          "mode": "any"
        },
        "deadlineWorkingDays": 3,
        "opinionRequired": false,
        "distinctPerson": true
      },
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
          },
          {
            "kind": "role",
            "role": "credit_manager"
          }
        ],
        "how": {
          "mode": "any"
        },
        "deadlineWorkingDays": 3,
        "opinionRequired": false,
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
        "opinionRequired": false,
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
        "distinctPerson": true,
        "when": [
          {
            "kind": "amountAbove",
            "fen": 100000000
          }
        ]
      }
    ]
  },
  {
    "id": "checkout",
    "version": 1,
    "kind": "checkout",
    "name": {
      "zh-CN": "档案查阅申请",
      "en-US": "File checkout request"
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
        "opinionRequired": false,
        "distinctPerson": true,
        "when": [
          {
            "kind": "authorDepartmentKindIn",
            "kinds": [
              "business"
            ]
          }
        ]
      },
      {
        "id": "leadership",
        "name": {
          "zh-CN": "公司领导",
          "en-US": "Company leadership"
        },
        "who": [
          {
            "kind": "leadership"
          }
        ],
        "how": {
          "mode": "any"
        },
        "deadlineWorkingDays": 3,
        "opinionRequired": false,
        "distinctPerson": true,
        "when": [
          {
            "kind": "authorDepartmentKindIn",
            "kinds": [
              "other"
            ]
          }
        ]
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
        "opinionRequired": false,
        "distinctPerson": true,
        "when": [
          {
            "kind": "confidentialityIn",
            "levels": [
              "confidential"
            ]
          }
        ]
      }
    ],
    "fileWithDepartment": "credit"
  },
  {
    "id": "destruction",
    "version": 1,
    "kind": "destruction",
    "name": {
      "zh-CN": "档案销毁审批",
      "en-US": "Destruction approval"
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
        "id": "general_affairs_manager",
        "name": {
          "zh-CN": "综合部经理",
          "en-US": "General affairs manager"
        },
        "who": [
          {
            "kind": "role",
            "role": "general_affairs_manager"
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
  }
];

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  // 部门负责人: whom `authorDepartmentHead` and `departmentHead` steps name.
  await sql`ALTER TABLE departments ADD COLUMN head_user_id TEXT REFERENCES users (id)`.execute(db);

  // Definitions are versioned: a saved change is a new row; a running chain keeps its version.
  await sql`CREATE TABLE approval_definitions (
    id TEXT NOT NULL,
    version INTEGER NOT NULL CHECK (version >= 1),
    kind TEXT NOT NULL,
    body TEXT NOT NULL,
    saved_at TEXT NOT NULL,
    saved_by TEXT REFERENCES users (id),
    PRIMARY KEY (id, version)
  ) WITHOUT ROWID`.execute(db);
  await sql`CREATE INDEX approval_definitions_kind ON approval_definitions (kind, version)`.execute(db);

  // One row per chain: the engine's state as JSON, and what the lists show beside it.
  await sql`CREATE TABLE approval_chains (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    definition_id TEXT NOT NULL,
    definition_version INTEGER NOT NULL,
    name TEXT NOT NULL,
    author_id TEXT NOT NULL REFERENCES users (id),
    subject TEXT NOT NULL,
    customer_id TEXT REFERENCES customers (id),
    amount_fen INTEGER,
    status TEXT NOT NULL CHECK (status IN ('running', 'returned', 'approved', 'rejected', 'withdrawn')),
    current_step_id TEXT,
    current_step_name TEXT,
    deadline TEXT,
    deadline_day TEXT,
    content TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    state TEXT NOT NULL,
    submitted_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    closed_at TEXT,
    FOREIGN KEY (definition_id, definition_version) REFERENCES approval_definitions (id, version)
  )`.execute(db);
  await sql`CREATE INDEX approval_chains_author ON approval_chains (author_id, submitted_at)`.execute(db);
  await sql`CREATE INDEX approval_chains_customer ON approval_chains (customer_id, kind, status)`.execute(db);
  await sql`CREATE INDEX approval_chains_open ON approval_chains (status, definition_id)`.execute(db);

  // The seats waiting for a decision now (the engine's pendingSeats): the inbox.
  await sql`CREATE TABLE approval_seats (
    user_id TEXT NOT NULL REFERENCES users (id),
    deadline_day TEXT,
    chain_id TEXT NOT NULL REFERENCES approval_chains (id),
    step_id TEXT NOT NULL,
    opened_at TEXT NOT NULL,
    PRIMARY KEY (user_id, chain_id, step_id)
  ) WITHOUT ROWID`.execute(db);
  await sql`CREATE INDEX approval_seats_waiting ON approval_seats (user_id, deadline_day, opened_at)`.execute(db);
  await sql`CREATE INDEX approval_seats_chain ON approval_seats (chain_id)`.execute(db);

  // Every decision (also in the state): 已办 and the audit of who decided what.
  await sql`CREATE TABLE approval_decisions (
    chain_id TEXT NOT NULL REFERENCES approval_chains (id),
    seq INTEGER NOT NULL,
    step_id TEXT NOT NULL,
    step_name TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('approve', 'reject', 'return', 'transfer')),
    actor_id TEXT NOT NULL REFERENCES users (id),
    principal_id TEXT NOT NULL REFERENCES users (id),
    at TEXT NOT NULL,
    opinion TEXT,
    content_hash TEXT NOT NULL,
    voided_reason TEXT,
    voided_at TEXT,
    PRIMARY KEY (chain_id, seq)
  ) WITHOUT ROWID`.execute(db);
  await sql`CREATE INDEX approval_decisions_actor ON approval_decisions (actor_id, at)`.execute(db);

  // 委托: to_user_id acts for from_user_id from from_day to to_day (both inclusive).
  await sql`CREATE TABLE approval_delegations (
    id TEXT PRIMARY KEY,
    from_user_id TEXT NOT NULL REFERENCES users (id),
    to_user_id TEXT NOT NULL REFERENCES users (id),
    from_day TEXT NOT NULL,
    to_day TEXT NOT NULL,
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL REFERENCES users (id),
    ended_at TEXT,
    ended_by TEXT REFERENCES users (id),
    CHECK (from_user_id <> to_user_id),
    CHECK (from_day <= to_day)
  )`.execute(db);
  await sql`CREATE INDEX approval_delegations_to ON approval_delegations (to_user_id, to_day)`.execute(db);
  await sql`CREATE INDEX approval_delegations_from ON approval_delegations (from_user_id, to_day)`.execute(db);

  const at = new Date().toISOString();
  for (const d of DEFAULT_DEFINITIONS) {
    await db.insertInto('approval_definitions').values({ id: d.id, version: 1, kind: d.kind, body: JSON.stringify(d), saved_at: at, saved_by: null }).execute();
  }

  // An archive made before this migration gets the roles and grants; a new one gets them
  // from the default roles at setup (the roles table is still empty here).
  const hasRoles = await db.selectFrom('roles').select('id').limit(1).executeTakeFirst();
  if (!hasRoles) return;
  for (const [code, from, to] of RENAMED_ROLES) {
    await db.updateTable('roles').set({ name: to }).where('code', '=', code).where('name', '=', from).execute();
  }
  for (const [code, name] of APPROVAL_ROLES) {
    const exists = await db.selectFrom('roles').select('id').where('code', '=', code).executeTakeFirst();
    if (exists) continue;
    await db.insertInto('roles').values({ id: uuidv7(), code, name, builtin: 1, created_at: at }).execute();
  }
  for (const [code, permissions] of Object.entries(NEW_GRANTS)) {
    const role = await db.selectFrom('roles').select('id').where('code', '=', code).executeTakeFirst();
    if (!role) continue;
    for (const permission of permissions) {
      await db.insertInto('role_permissions').values({ role_id: role.id, permission }).onConflict((oc) => oc.doNothing()).execute();
    }
  }
}
