// The demo's credit evaluations (信用评审, issue 9): periodic reviews on the seed-003 form
// standing in every state a user meets — a draft, one being scored (one sheet in), just
// consolidated (its chain at the first step), in approval (part of the chain approved),
// published (公示), under objection (异议) — and three years of grade history for a few
// customers: a review each year, with the demo's clock turned back, through the chain,
// publication and final (the grade, limit and term through the limit history). Every step
// goes through the host, as its people would make them.

import type { HostMethodName, Input, Output } from '../../shared/contract';
import type { TurnableClock } from './clock';
import { documentsOf } from './documents';
import type { DemoCustomer, DemoPlan } from './generate';

type Call = <M extends HostMethodName>(session: string | null, method: M, input: Input<M>) => Promise<Output<M>>;

const DAY_MS = 86_400_000;
const PURPOSE = '年度客户信用评审';
/** The reviews of the grade history: days back from today, and the two sheets (客户经理, 客服经理). */
const HISTORY: readonly { daysAgo: number; am: string[]; sm: string[] }[] = [
  { daysAgo: 3 * 365, am: ['C', 'C', 'B', 'C'], sm: ['C', 'B', 'B', 'C'] }, // 65.0 C
  { daysAgo: 2 * 365, am: ['B', 'C', 'B', 'B'], sm: ['B', 'B', 'B', 'A'] }, // 77.5 C
  { daysAgo: 365, am: ['B', 'B', 'A', 'B'], sm: ['A', 'B', 'A', 'B'] }, // 87.5 B
];
/** How many customers get three years of history. */
const WITH_HISTORY = 3;

export interface EvaluationsOptions {
  call: Call;
  clock: TurnableClock;
  plan: DemoPlan;
  customerIds: readonly (string | null)[];
  /** Logged-in sessions by user name. */
  sessions: Record<string, string>;
  /** User ids by user name. */
  userIds: Record<string, string>;
  /** Every demo user's password (to unlock sessions left idle while the clock moved). */
  password: string;
  log: (line: string) => void;
  count: (what: string, n?: number) => void;
}

const rate = (r: readonly string[]) => ({ contract_execution: r[0]!, payment_speed: r[1]!, cooperation: r[2]!, coordination: r[3]! });

export async function loadEvaluations(o: EvaluationsOptions): Promise<void> {
  const { call, clock, sessions, userIds } = o;
  const as = (username: string) => sessions[username]!;
  const cm = 'zhouhui';
  const sm = 'sunli';
  const am = 'chenjie';
  o.log('信用评审 Credit evaluations: every state, and three years of grade history');

  // Business customers (陈杰 and 孙丽 are theirs), from the end of the list: the approvals stories take the first ones.
  const customers = o.plan.customers.filter((c) => o.customerIds[c.index] && c.department === 'business').reverse();
  let next = 0;
  const take = (): DemoCustomer | null => customers[next++] ?? null;
  const idOf = (c: DemoCustomer) => o.customerIds[c.index]!;

  async function unlockAll(): Promise<void> {
    for (const username of Object.keys(sessions)) {
      await call(as(username), 'auth.unlock', { password: o.password });
    }
  }

  async function later(days: number): Promise<void> {
    clock.advance(days * DAY_MS);
    await unlockAll();
  }

  /** The approver seated at the chain's open step approves it; `steps` of them (all when left out). */
  async function approve(chainId: string, steps = Infinity): Promise<void> {
    for (let i = 0; i < steps; i++) {
      const chain = await call(as(cm), 'approvals.get', { id: chainId });
      if (chain.chain.status !== 'running') return;
      // A seat of the open step decides; a user of the demo, or the administrator (a step without
      // candidates — the credit department's own manager is the author — escalates to them).
      const step = chain.timeline.steps.find((x) => x.stepId === chain.chain.currentStepId)!;
      const seat = step.seats.find((x) => x.ballot === null);
      if (!seat) throw new Error(`nobody is seated at the open step of chain ${chainId}`);
      const username = Object.keys(userIds).find((u) => userIds[u] === seat.userId) ?? 'admin';
      const seen = await call(as(username), 'approvals.get', { id: chainId });
      await call(as(username), 'approvals.decide', { kind: 'approve', chainId, stepId: seen.chain.currentStepId!, contentHash: seen.contentHash, opinion: '同意' } as Input<'approvals.decide'>);
    }
  }

  const act = (username: string, evaluationId: string, action: Input<'evaluations.act'>['action']) => call(as(username), 'evaluations.act', { evaluationId, action });

  /** Started by the 客服经理; the sheets of those given are submitted. */
  async function start(c: DemoCustomer, sheets: { am?: readonly string[]; sm?: readonly string[] }): Promise<string> {
    const d = await call(as(sm), 'evaluations.start', { customerId: idOf(c), modelId: 'periodic_review', accountManagerId: userIds[am]!, serviceManagerId: userIds[sm]! });
    const id = d.evaluation.id;
    o.count('evaluations');
    if (sheets.am) {
      await act(am, id, { type: 'save_sheet', ratings: rate(sheets.am), opinion: '按合同执行，回款基本及时' });
      await act(am, id, { type: 'submit_sheet' });
    }
    if (sheets.sm) {
      await act(sm, id, { type: 'save_sheet', ratings: rate(sheets.sm), opinion: '配合度较好，服务需求稳定' });
      await act(sm, id, { type: 'submit_sheet' });
    }
    return id;
  }

  async function consolidate(id: string): Promise<string> {
    const d = await act(cm, id, { type: 'consolidate', override: null });
    return d.chain!.chainId;
  }

  // ---- Three years of grade history: a review a year, final after its publication
  // (the customers of one year together: each turn of the clock locks every session).
  const withHistory: DemoCustomer[] = [];
  for (let k = 0; k < WITH_HISTORY; k++) {
    const c = take();
    if (c) withHistory.push(c);
  }
  for (const review of HISTORY) {
    const backMs = review.daysAgo * DAY_MS;
    clock.advance(-backMs);
    try {
      await unlockAll();
      const ids: string[] = [];
      for (const c of withHistory) {
        const id = await start(c, { am: review.am, sm: review.sm });
        await approve(await consolidate(id));
        ids.push(id);
      }
      // The publication (5 working days) passes without objection: final on the next reading.
      await later(10);
      for (const id of ids) {
        await call(as(cm), 'evaluations.get', { evaluationId: id, purpose: PURPOSE });
        o.count('gradeHistory');
      }
    } finally {
      clock.advance(backMs - 10 * DAY_MS);
    }
    await unlockAll();
  }

  // ---- One evaluation in each state of today.
  const stories: ((c: DemoCustomer) => Promise<void>)[] = [
    // Draft: started by the 客服经理, no sheet yet.
    async (c) => {
      await start(c, {});
    },
    // Being scored: the 客户经理 has submitted, the 客服经理 not yet.
    async (c) => {
      await start(c, { am: ['A', 'B', 'B', 'A'] });
    },
    // Consolidated: the chain waits at its first step.
    async (c) => {
      await consolidate(await start(c, { am: ['A', 'B', 'B', 'A'], sm: ['A', 'A', 'B', 'A'] }));
    },
    // In approval: the first three steps have approved.
    async (c) => {
      await approve(await consolidate(await start(c, { am: ['B', 'B', 'C', 'B'], sm: ['B', 'C', 'B', 'B'] })), 3);
    },
    // Published: the chain approved today; the 公示 runs.
    async (c) => {
      await approve(await consolidate(await start(c, { am: ['A', 'A', 'B', 'A'], sm: ['A', 'A', 'A', 'B'] })));
    },
    // Objection: published, and the 客户经理 objects to 回款速度 with the customer's evidence.
    async (c) => {
      const id = await start(c, { am: ['B', 'C', 'B', 'C'], sm: ['B', 'C', 'C', 'B'] });
      await approve(await consolidate(id));
      const doc = documentsOf(c, 900)[0];
      const evidence = await call(as(am), 'documents.add', {
        customerId: idOf(c),
        category: doc?.category ?? 'other',
        title: '客户回款凭证（异议证明）',
        archiveNo: null,
        retention: doc?.retention ?? '30y',
        confidentiality: 'normal',
        file: doc ? { name: doc.file.name, mime: doc.file.mime, contentBase64: doc.file.bytes.toString('base64') } : { name: '回款凭证.txt', mime: 'text/plain', contentBase64: Buffer.from('回款凭证').toString('base64') },
        location: null,
      });
      o.count('documents');
      await act(am, id, { type: 'enter_objection', items: ['payment_speed'], reasons: '客户已按合同约定付款，逾期系开票延误所致，附回款凭证', evidence: [evidence.id], learnedOn: null });
    },
  ];
  for (const story of stories) {
    const c = take();
    if (!c) break;
    await story(c);
  }
}
