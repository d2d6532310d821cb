// A small company to run chains in: departments with heads, users with roles, one
// administrator, and a working-day calendar stand-in that counts every day (the engine
// only stores what the caller's calendar says).
import { decide, startChain } from '../../../src/shared/domain/approvals';
import type {
  ApprovalContext,
  ApprovalDefinition,
  ApprovalEvent,
  ApprovalState,
  Assignee,
  DecideResult,
  Delegation,
  Directory,
  FormFacts,
  StepDefinition,
  StepMode,
} from '../../../src/shared/domain/approvals';

export const directory: Directory = {
  departments: [
    { id: 'd-biz', code: 'business', kind: 'business', headUserId: 'bob' },
    { id: 'd-credit', code: 'credit', kind: 'credit', headUserId: 'gina' },
    { id: 'd-legal', code: 'legal', kind: 'other', headUserId: 'carol' },
    { id: 'd-fin', code: 'finance', kind: 'other', headUserId: 'erin' },
    { id: 'd-gm', code: 'management', kind: 'other', headUserId: 'frank' },
  ],
  users: [
    { id: 'alice', name: '李明', departmentId: 'd-biz', roles: ['account_manager'], active: true },
    { id: 'bob', name: '张三', departmentId: 'd-biz', roles: ['dept_manager'], active: true },
    { id: 'carol', name: '王五', departmentId: 'd-legal', roles: ['legal', 'committee'], active: true },
    { id: 'dave', name: '赵六', departmentId: 'd-legal', roles: ['legal', 'committee'], active: true },
    { id: 'erin', name: '钱七', departmentId: 'd-fin', roles: ['finance_manager', 'committee'], active: true },
    { id: 'frank', name: '孙八', departmentId: 'd-gm', roles: ['general_manager', 'leadership'], active: true },
    { id: 'gina', name: '周九', departmentId: 'd-credit', roles: ['credit_manager', 'committee'], active: true },
    { id: 'hank', name: '吴十', departmentId: 'd-biz', roles: ['account_manager', 'dept_manager'], active: false },
    { id: 'root', name: '管理员', departmentId: null, roles: ['sysadmin'], active: true },
  ],
  administrators: ['root'],
};

export const TODAY = '2026-03-02';

export function context(overrides: Partial<ApprovalContext> = {}): ApprovalContext {
  return {
    directory,
    delegations: [],
    today: TODAY,
    deadlineFor: (workingDays, fromDay) => ({ day: addDays(fromDay, workingDays), calendarVersion: 'test-1', provisional: false }),
    ...overrides,
  };
}

export function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

export const role = (code: string): Assignee => ({ kind: 'role', role: code });

export function stepOf(id: string, who: Assignee[], how: StepMode = { mode: 'sequential' }, extra: Partial<StepDefinition> = {}): StepDefinition {
  return { id, name: { 'zh-CN': id, 'en-US': id }, who, how, opinionRequired: false, distinctPerson: true, ...extra };
}

export function chainOf(steps: StepDefinition[], extra: Partial<ApprovalDefinition> = {}): ApprovalDefinition {
  return { id: 'test-chain', version: 1, kind: 'credit_limit_change', name: { 'zh-CN': '测试', 'en-US': 'Test' }, steps, ...extra };
}

let clock = 0;
export function at(): string {
  clock += 1;
  return `2026-03-02T08:${String(Math.floor(clock / 60) % 60).padStart(2, '0')}:${String(clock % 60).padStart(2, '0')}Z`;
}

export function started(definition: ApprovalDefinition, form: FormFacts = {}, ctx: ApprovalContext = context(), authorId = 'alice', contentHash = 'h1'): ApprovalState {
  const r = startChain(definition, { authorId, form, contentHash, at: at() }, ctx);
  if (!r.ok) throw new Error(`start refused: ${r.reason}`);
  return r.state;
}

type SeatKind = 'approve' | 'reject';
export function ballot(kind: SeatKind, actorId: string, stepId: string, extra: Partial<ApprovalEvent> = {}): ApprovalEvent {
  return { type: kind, actorId, stepId, contentHash: 'h1', opinion: '同意', at: at(), ...extra } as ApprovalEvent;
}

/** Apply events in order; each must be accepted. */
export function run(definition: ApprovalDefinition, state: ApprovalState, events: ApprovalEvent[], ctx: ApprovalContext = context()): ApprovalState {
  let s = state;
  for (const e of events) {
    const r = decide(definition, s, e, ctx);
    if (!r.ok) throw new Error(`${e.type} by ${e.actorId} refused: ${r.reason}`);
    s = r.state;
  }
  return s;
}

export function refusal(r: DecideResult): string | null {
  return r.ok ? null : r.reason;
}

export function delegation(fromUserId: string, toUserId: string, fromDay: string, toDay: string): Delegation {
  return { fromUserId, toUserId, fromDay, toDay };
}
