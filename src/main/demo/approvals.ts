// The demo's approvals: every role the default chains name has a holder (APPROVER_USERS
// below, created with the other demo users), each department has its head (负责人), and
// credit-limit change requests (授信额度调整) stand in every state a user meets: waiting,
// returned to its author, approved (the customer's limit changed), rejected, withdrawn,
// overdue (entered three weeks ago with the demo's clock turned back, so its step's
// deadline has passed), and one step approved by a delegate (代). Every request and
// decision goes through the host, as its people would make them.

import type { HostMethodName, Input, Output } from '../../shared/contract';
import { dayOf } from '../../shared/domain/receivables';
import type { TurnableClock } from './clock';
import type { DemoCustomer, DemoPlan } from './generate';
import type { DemoUser } from './load';

type Call = <M extends HostMethodName>(session: string | null, method: M, input: Input<M>) => Promise<Output<M>>;

/** The approvers: one demo user per approval role of the default chains (besides 周慧, the credit manager). */
export const APPROVER_USERS: readonly DemoUser[] = [
  { username: 'zhengwei', displayName: '郑伟', role: 'dept_manager', department: 'business' },
  { username: 'hejing', displayName: '何静', role: 'dept_manager', department: 'marketing' },
  { username: 'xuting', displayName: '许婷', role: 'co_department', department: 'finance' },
  { username: 'majun', displayName: '马骏', role: 'legal', department: 'legal' },
  { username: 'linfang', displayName: '林芳', role: 'general_affairs_manager', department: 'general_affairs' },
  { username: 'huanglei', displayName: '黄磊', role: 'finance_manager', department: 'finance' },
  { username: 'luogang', displayName: '罗刚', role: 'marketing_vp', department: 'marketing' },
  { username: 'liangming', displayName: '梁明', role: 'general_manager', department: 'management' },
  { username: 'songhua', displayName: '宋华', role: 'leadership', department: 'management' },
];

/** 负责人 of each department (by user name): whom `departmentHead` steps name. */
const DEPARTMENT_HEADS: Readonly<Record<string, string>> = {
  credit: 'zhouhui',
  business: 'zhengwei',
  marketing: 'hejing',
  general_affairs: 'linfang',
  finance: 'huanglei',
  legal: 'majun',
  management: 'liangming',
  audit: 'wuqiang',
};

/** The account manager who writes a customer's requests, and the manager of their department. */
const BY_DEPARTMENT = {
  business: { author: 'chenjie', manager: 'zhengwei' },
  marketing: { author: 'zhaomin', manager: 'hejing' },
} as const;

/** How far back the overdue request was entered: past its step's deadline (3 working days) even across a long holiday. */
const OVERDUE_DAYS_AGO = 21;
const DAY_MS = 86_400_000;

export interface ApprovalsOptions {
  call: Call;
  clock: TurnableClock;
  plan: DemoPlan;
  customerIds: readonly (string | null)[];
  /** The administrator's session. */
  admin: string;
  /** Logged-in sessions by user name. */
  sessions: Record<string, string>;
  /** User ids by user name. */
  userIds: Record<string, string>;
  /** Department ids by code. */
  departmentIds: Record<string, string>;
  /** Every demo user's password (to unlock a session left idle while the clock was turned back). */
  password: string;
  log: (line: string) => void;
  count: (what: string, n?: number) => void;
}

/** Sets the department heads and enters the credit-limit requests. */
export async function loadApprovals(o: ApprovalsOptions): Promise<void> {
  const { call, clock, admin, sessions, userIds } = o;
  const as = (username: string) => sessions[username]!;

  o.log('审批：部门负责人与授信额度调整申请 Approvals: department heads and credit-limit requests');
  for (const [department, username] of Object.entries(DEPARTMENT_HEADS)) {
    await call(admin, 'approvals.departmentHeads.set', { departmentId: o.departmentIds[department]!, headUserId: userIds[username]! });
  }

  /** Decide as `username` at the step that is open now, on the content they see. */
  async function decide(username: string, chainId: string, decision: DecisionSpec): Promise<void> {
    const seen = await call(as(username), 'approvals.get', { id: chainId });
    await call(as(username), 'approvals.decide', { chainId, stepId: seen.chain.currentStepId!, contentHash: seen.contentHash, ...decision } as Input<'approvals.decide'>);
  }

  // The customers the requests are about: known ids, a defaulting one for the refusal.
  const customers = o.plan.customers.filter((c) => o.customerIds[c.index]);
  const used = new Set<DemoCustomer>();
  const take = (prefer?: (c: DemoCustomer) => boolean): DemoCustomer | null => {
    const c = (prefer && customers.find((x) => !used.has(x) && prefer(x))) || customers.find((x) => !used.has(x));
    if (c) used.add(c);
    return c ?? null;
  };
  async function request(c: DemoCustomer, limitYuan: number, termDays: number, reason: string) {
    const people = BY_DEPARTMENT[c.department];
    const r = await call(as(people.author), 'creditLimits.request', { customerId: o.customerIds[c.index]!, limitFen: limitYuan * 100, termDays, reason });
    o.count('creditLimitRequests');
    return { chainId: r.chainId, ...people };
  }

  // Each story needs its own customer (one request open per customer): a demo with fewer customers tells the first ones.
  const stories: ((c: DemoCustomer) => Promise<void>)[] = [
    // Overdue: entered three weeks ago, approved by the department manager and the credit
    // manager then, and waiting since at the planning and finance manager.
    async (c) => {
      const agoMs = OVERDUE_DAYS_AGO * DAY_MS;
      clock.advance(-agoMs);
      try {
        const r = await request(c, 800_000, 60, '年度框架合同续签，预计月均采购额上升');
        await decide(r.manager, r.chainId, { kind: 'approve', opinion: '同意，客户合作稳定' });
        await decide('zhouhui', r.chainId, { kind: 'approve', opinion: '近三年回款及时' });
      } finally {
        clock.advance(agoMs);
      }
      // Idle for three weeks, their sessions locked: they unlock them as users do.
      for (const username of [BY_DEPARTMENT[c.department].author, BY_DEPARTMENT[c.department].manager, 'zhouhui']) {
        await call(as(username), 'auth.unlock', { password: o.password });
      }
    },
    // Approved, one step by a delegate: 黄磊 is away this week and hands his approvals to
    // 许婷; the first amount is returned by the credit manager, lowered and resubmitted (the
    // department manager's earlier approval is voided and given again).
    async (c) => {
      const now = clock.now();
      await call(as('huanglei'), 'approvals.delegations.create', { toUserId: userIds.xuting!, fromDay: dayOf(now), toDay: dayOf(new Date(now.getTime() + 6 * DAY_MS)) });
      o.count('delegations');
      const r = await request(c, 1_500_000, 90, '客户新增生产线，采购量预计翻倍');
      await decide(r.manager, r.chainId, { kind: 'approve' });
      await decide('zhouhui', r.chainId, { kind: 'return', to: { to: 'author' }, opinion: '额度高于近一年月均销售额的三倍，请下调后重新提交' });
      await call(as(r.author), 'creditLimits.resubmit', { chainId: r.chainId, limitFen: 1_200_000_00, termDays: 90, reason: '客户新增生产线，采购量预计翻倍；按信用管理部门意见下调' });
      await decide(r.manager, r.chainId, { kind: 'approve', opinion: '同意下调后的额度' });
      await decide('zhouhui', r.chainId, { kind: 'approve' });
      await decide('xuting', r.chainId, { kind: 'approve', onBehalfOf: userIds.huanglei!, opinion: '代黄磊审批：同意' });
      await decide('liangming', r.chainId, { kind: 'approve', opinion: '同意' });
    },
    // Rejected: a customer who pays late asks for more.
    async (c) => {
      const r = await request(c, 2_000_000, 120, '客户要求延长账期以扩大订单');
      await decide(r.manager, r.chainId, { kind: 'approve' });
      await decide('zhouhui', r.chainId, { kind: 'reject', opinion: '该客户近期回款不及时，暂不提高额度' });
    },
    // Returned to its author, with what is missing.
    async (c) => {
      const r = await request(c, 300_000, 45, '新签年度供货合同');
      await decide(r.manager, r.chainId, { kind: 'return', to: { to: 'author' }, opinion: '请补充近一年的回款记录后重新提交' });
    },
    // Waiting: the department manager has approved; the credit manager's turn.
    async (c) => {
      const r = await request(c, 500_000, 30, '季节性备货，临时提高额度');
      await decide(r.manager, r.chainId, { kind: 'approve' });
    },
    // Withdrawn by its author before anyone decided.
    async (c) => {
      const r = await request(c, 200_000, 30, '客户计划追加订单');
      await call(as(r.author), 'approvals.withdraw', { chainId: r.chainId, opinion: '客户暂停新订单，撤回申请' });
    },
  ];
  const prefer: ((c: DemoCustomer) => boolean)[] = [() => false, (c) => c.profile === 'prompt', (c) => c.profile === 'defaulting'];
  for (const [i, story] of stories.entries()) {
    const c = take(prefer[i]);
    if (!c) break;
    await story(c);
  }
}

type DecisionSpec =
  | { kind: 'approve'; opinion?: string; onBehalfOf?: string }
  | { kind: 'reject'; opinion: string }
  | { kind: 'return'; to: { to: 'author' }; opinion: string };
