// The demo's borrowing (借阅与查阅, issue 10): checkout requests and loans in every state a
// user meets — waiting for the head of credit management, approved and not lent yet,
// rejected, withdrawn, lent for electronic reading, renewed, overdue (with a recall and the
// escalation to the archivist and the department head), returned with a damaged item,
// lost with a missing one, and a request of another department approved by leadership
// and filed (备案) with credit management. Every step goes through the host, as its people
// would make them; what happened weeks ago is entered with the demo's clock turned back.

import type { HostMethodName, Input, Output } from '../../shared/contract';
import type { TurnableClock } from './clock';
import type { DemoCustomer, DemoPlan } from './generate';

type Call = <M extends HostMethodName>(session: string | null, method: M, input: Input<M>) => Promise<Output<M>>;

const DAY_MS = 86_400_000;
const PURPOSE = '核对客户合同履约及回款情况';

export interface CheckoutsOptions {
  call: Call;
  clock: TurnableClock;
  plan: DemoPlan;
  customerIds: readonly (string | null)[];
  /** Logged-in sessions by user name. */
  sessions: Record<string, string>;
  /** Every demo user's password (to unlock sessions left idle while the clock moved). */
  password: string;
  log: (line: string) => void;
  count: (what: string, n?: number) => void;
}

export async function loadCheckouts(o: CheckoutsOptions): Promise<void> {
  const { call, clock, sessions } = o;
  const as = (username: string) => sessions[username]!;
  const borrower = 'zhaomin'; // 营销中心 (a business department): her requests go to the head of credit management
  const head = 'zhouhui';
  const archivist = 'liuyang';
  o.log('借阅 Borrowing: requests and loans in every state, some overdue');

  // Customers of the business department (业务部门), from the middle of the list on: 赵敏 of
  // 营销中心 works on none of them (no chain or evaluation of hers), so she reads them only
  // through a loan.
  const business = o.plan.customers.filter((c) => o.customerIds[c.index] && c.department === 'business');
  const half = Math.floor(business.length / 2);
  const pool = [...business.slice(half), ...business.slice(0, half)];
  let next = 0;
  const take = (): DemoCustomer | null => pool[next++] ?? null;
  const idOf = (c: DemoCustomer) => o.customerIds[c.index]!;

  async function later(days: number): Promise<void> {
    clock.advance(days * DAY_MS);
    for (const username of Object.keys(sessions)) await call(as(username), 'auth.unlock', { password: o.password });
  }

  async function decide(username: string, chainId: string, kind: 'approve' | 'reject', opinion?: string): Promise<void> {
    const seen = await call(as(username), 'approvals.get', { id: chainId });
    await call(as(username), 'approvals.decide', { chainId, stepId: seen.chain.currentStepId!, contentHash: seen.contentHash, kind, ...(opinion ? { opinion } : {}) } as Input<'approvals.decide'>);
  }

  async function request(who: string, files: Input<'checkouts.request'>['files'], extra: Partial<Input<'checkouts.request'>> = {}) {
    const r = await call(as(who), 'checkouts.request', { files, purpose: PURPOSE, periodWorkingDays: 5, ...extra });
    o.count('checkoutRequests');
    o.count('loans', r.loans.length);
    return r;
  }
  const electronic = (c: DemoCustomer): Input<'checkouts.request'>['files'] => [{ customerId: idOf(c), documentIds: null, kinds: ['electronic'] }];

  /** The physical items of a file (documents with a location), as the archivist finds them. */
  async function paperOf(customerId: string): Promise<string[]> {
    const file = await call(as(head), 'customers.get', { id: customerId, purpose: '借阅登记：清点实物材料' });
    return file.documents.filter((d) => d.location !== null).map((d) => d.id);
  }
  const withPaper = async (): Promise<{ id: string; items: string[] } | null> => {
    for (const c of o.plan.customers) {
      const id = o.customerIds[c.index];
      if (!id || used.has(id)) continue;
      const items = await paperOf(id);
      if (items.length > 0) {
        used.add(id);
        return { id, items };
      }
    }
    return null;
  };
  const used = new Set<string>();

  const stories: (() => Promise<boolean>)[] = [
    // Waiting for the head of credit management.
    async () => {
      const c = take();
      if (!c) return false;
      await request(borrower, electronic(c), { purpose: '拟签新合同前了解客户信用状况' });
      return true;
    },
    // Approved, waiting at the archive desk.
    async () => {
      const c = take();
      if (!c) return false;
      const r = await request(borrower, electronic(c), { print: true });
      await decide(head, r.chainId, 'approve');
      return true;
    },
    // Rejected.
    async () => {
      const c = take();
      if (!c) return false;
      const r = await request(borrower, electronic(c), { export: true, purpose: '了解客户情况' });
      await decide(head, r.chainId, 'reject', '用途不具体，且导出不必要');
      return true;
    },
    // Withdrawn by the borrower before anyone decided.
    async () => {
      const c = take();
      if (!c) return false;
      const r = await request(borrower, electronic(c));
      await call(as(borrower), 'approvals.withdraw', { chainId: r.chainId, opinion: '已从客户处取得所需资料' });
      return true;
    },
    // Lent today for electronic reading, printing allowed.
    async () => {
      const c = take();
      if (!c) return false;
      const r = await request(borrower, electronic(c), { print: true });
      await decide(head, r.chainId, 'approve');
      await call(as(archivist), 'checkouts.lend', { loanId: r.loans[0]!.id, items: [] });
      return true;
    },
    // Lent a week ago, renewed once (counted from the old due date).
    async () => {
      const c = take();
      if (!c) return false;
      await later(-7);
      try {
        const r = await request(borrower, electronic(c));
        await decide(head, r.chainId, 'approve');
        await call(as(archivist), 'checkouts.lend', { loanId: r.loans[0]!.id, items: [] });
        await later(3);
        const renewal = await call(as(borrower), 'checkouts.renew', { loanId: r.loans[0]!.id, workingDays: 5 });
        await decide(head, renewal.renewals[0]!.chainId!, 'approve');
      } finally {
        await later(4);
      }
      return true;
    },
    // Lent three weeks ago and overdue: recalled, and escalated to the archivist and the department head.
    async () => {
      const c = take();
      if (!c) return false;
      await later(-21);
      try {
        const r = await request(borrower, electronic(c), { purpose: '应收账款催收前核对客户往来' });
        await decide(head, r.chainId, 'approve');
        const lent = await call(as(archivist), 'checkouts.lend', { loanId: r.loans[0]!.id, items: [] });
        await later(10);
        await call(as(archivist), 'checkouts.recall', { loanId: lent.id, note: '已超过归还日期，请尽快归还' });
      } finally {
        await later(11);
      }
      return true;
    },
    // Physical items lent last week and returned with one damaged.
    async () => {
      const file = await withPaper();
      if (!file) return false;
      await later(-6);
      try {
        const r = await request(borrower, [{ customerId: file.id, documentIds: null, kinds: ['physical'] }], { purpose: '核对合同原件签章' });
        await decide(head, r.chainId, 'approve');
        await call(as(archivist), 'checkouts.lend', { loanId: r.loans[0]!.id, items: file.items.map((documentId) => ({ documentId })) });
        await later(4);
        await call(as(archivist), 'checkouts.return', {
          loanId: r.loans[0]!.id,
          items: file.items.map((documentId, i) => ({ documentId, condition: i === 0 ? ('damaged' as const) : ('complete' as const), note: i === 0 ? '封面有折痕，一页边缘撕裂' : '' })),
        });
      } finally {
        await later(2);
      }
      return true;
    },
    // Physical items returned with one missing: lost until it is found or written off.
    async () => {
      const file = await withPaper();
      if (!file) return false;
      await later(-5);
      try {
        const r = await request(borrower, [{ customerId: file.id, documentIds: null, kinds: ['physical'] }], { purpose: '核对担保合同原件' });
        await decide(head, r.chainId, 'approve');
        await call(as(archivist), 'checkouts.lend', { loanId: r.loans[0]!.id, items: file.items.map((documentId) => ({ documentId })) });
        await later(3);
        await call(as(archivist), 'checkouts.return', {
          loanId: r.loans[0]!.id,
          items: file.items.map((documentId, i) => ({ documentId, condition: i === 0 ? ('missing' as const) : ('complete' as const), note: i === 0 ? '归还时缺少该份材料，借阅人称可能遗留在会议室' : '' })),
        });
      } finally {
        await later(2);
      }
      return true;
    },
    // Another department: approved by company leadership, filed with credit management, lent.
    async () => {
      const c = take();
      if (!c) return false;
      const r = await request('huanglei', electronic(c), { purpose: '年度应收账款坏账准备测算' });
      await decide('songhua', r.chainId, 'approve');
      await call(as(archivist), 'checkouts.lend', { loanId: r.loans[0]!.id, items: [] });
      return true;
    },
  ];
  for (const story of stories) if (!(await story())) break;
}
