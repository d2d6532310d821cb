import { describe, expect, it } from 'vitest';
import {
  EVALUATION_EVENTS,
  actionsFor,
  allowedActions,
  approvalContent,
  decide,
  finalResult,
  objectionOverdue,
  objectionWindow,
  visibleSheets,
  viewFor,
  type EvaluationEvent,
  type EvaluationEventType,
  type EvaluationRefusalCode,
  type EvaluationState,
} from '../../src/shared/domain/evaluations';
import { NEW_CUSTOMER_MODEL, PERIODIC_REVIEW_MODEL, WEIGHTED_MODEL, reviseModel } from '../../src/shared/domain/scoring';
import { officialCalendar } from '../../src/shared/domain/working-days';
import { AM, CM, DAYS, HOST, MONTHLY_SALES_FEN, OBJECTION, R3, SM, X, approve, ctx, final, inApproval, objected, published, ratings, refusal, reopened, startEvent, step, submitted } from './evaluations-fixture';

// ---------------------------------------------------------------------------------------
// Every event in every state

type Status = 'draft' | 'draft_submitted' | 'in_approval' | 'published' | 'objection' | 'reopened' | 'final' | 'rejected' | 'cancelled';

/** Each status reached the way a user would, with the day the table acts on. */
const FIXTURES: Record<Status, { state: () => EvaluationState; today: string; status: EvaluationState['status'] }> = {
  draft: { state: () => step(step(null, SM, DAYS.started, startEvent()), CM, DAYS.started, { type: 'add_reviewer', reviewer: R3 }), today: DAYS.started, status: 'draft' },
  draft_submitted: { state: submitted, today: DAYS.submitted, status: 'draft' },
  in_approval: { state: inApproval, today: DAYS.consolidated, status: 'in_approval' },
  published: { state: published, today: DAYS.objected, status: 'published' },
  objection: { state: objected, today: DAYS.answered, status: 'objection' },
  reopened: { state: reopened, today: DAYS.answered, status: 'reopened' },
  final: { state: final, today: '2026-10-12', status: 'final' },
  rejected: { state: () => step(inApproval(), HOST, DAYS.approved, { type: 'chain_outcome', outcome: 'rejected', content: null }), today: DAYS.approved, status: 'rejected' },
  cancelled: { state: () => step(step(null, SM, DAYS.started, startEvent()), SM, DAYS.started, { type: 'cancel', reason: '客户已停止合作' }), today: DAYS.started, status: 'cancelled' },
};

/** The actor who would be allowed, and a representative event. */
const ATTEMPTS: Record<EvaluationEventType, (s: EvaluationState) => [string, EvaluationEvent]> = {
  start: () => [SM, startEvent()],
  add_reviewer: () => [CM, { type: 'add_reviewer', reviewer: 'r4' }],
  remove_reviewer: () => [CM, { type: 'remove_reviewer', reviewer: R3 }],
  save_sheet: () => [AM, { type: 'save_sheet', ratings: { payment_speed: 'A' } }],
  submit_sheet: () => [AM, { type: 'submit_sheet' }],
  return_sheet: () => [CM, { type: 'return_sheet', reviewer: SM, reason: '请核对合作年限' }],
  set_value: () => [CM, { type: 'set_value', item: 'payment_speed', value: { value: 1, source: 'entered' } }],
  settle_item: () => [CM, { type: 'settle_item', item: 'coordination', note: '按平均计' }],
  consolidate: () => [CM, { type: 'consolidate', override: null }],
  chain_outcome: (s) => [HOST, approve(s)],
  enter_objection: () => [AM, OBJECTION],
  answer_objection: () => [CM, { type: 'answer_objection', objectionId: 'obj-1', upheld: false, answer: '经核实，评定无误' }],
  finalize: () => [HOST, { type: 'finalize' }],
  cancel: () => [SM, { type: 'cancel', reason: '客户已停止合作' }],
  set_attachments: () => [AM, { type: 'set_attachments', documents: ['doc-1', 'doc-2'] }],
};

const W = 'wrong_state' as const;
// prettier-ignore
const MATRIX: Record<EvaluationEventType, Record<Status, EvaluationRefusalCode | 'ok'>> = {
  //                 draft                 draft_submitted        in_approval       published                objection         reopened              final                         rejected           cancelled
  start:            { draft: 'already_started', draft_submitted: 'already_started', in_approval: 'already_started', published: 'already_started', objection: 'already_started', reopened: 'already_started', final: 'already_started', rejected: 'already_started', cancelled: 'already_started' },
  add_reviewer:     { draft: 'ok', draft_submitted: 'ok', in_approval: W, published: W, objection: W, reopened: W, final: W, rejected: W, cancelled: W },
  remove_reviewer:  { draft: 'ok', draft_submitted: 'reviewer_not_removable', in_approval: W, published: W, objection: W, reopened: W, final: W, rejected: W, cancelled: W },
  save_sheet:       { draft: 'ok', draft_submitted: 'sheet_submitted', in_approval: W, published: W, objection: W, reopened: 'ok', final: W, rejected: W, cancelled: W },
  submit_sheet:     { draft: 'sheet_incomplete', draft_submitted: 'sheet_submitted', in_approval: W, published: W, objection: W, reopened: 'sheet_incomplete', final: W, rejected: W, cancelled: W },
  return_sheet:     { draft: 'sheet_not_submitted', draft_submitted: 'ok', in_approval: W, published: W, objection: W, reopened: 'sheet_not_submitted', final: W, rejected: W, cancelled: W },
  set_value:        { draft: 'not_a_computed_item', draft_submitted: 'not_a_computed_item', in_approval: W, published: W, objection: W, reopened: 'not_a_computed_item', final: W, rejected: W, cancelled: W },
  settle_item:      { draft: 'sheets_pending', draft_submitted: 'ok', in_approval: W, published: W, objection: W, reopened: 'sheets_pending', final: W, rejected: W, cancelled: W },
  consolidate:      { draft: 'sheets_pending', draft_submitted: 'items_unsettled', in_approval: W, published: W, objection: W, reopened: 'sheets_pending', final: W, rejected: W, cancelled: W },
  chain_outcome:    { draft: W, draft_submitted: W, in_approval: 'ok', published: W, objection: W, reopened: W, final: W, rejected: W, cancelled: W },
  enter_objection:  { draft: W, draft_submitted: W, in_approval: W, published: 'ok', objection: 'objection_open', reopened: W, final: 'outside_objection_window', rejected: W, cancelled: W },
  answer_objection: { draft: W, draft_submitted: W, in_approval: W, published: W, objection: 'ok', reopened: W, final: W, rejected: W, cancelled: W },
  finalize:         { draft: W, draft_submitted: W, in_approval: W, published: 'publication_not_over', objection: W, reopened: W, final: W, rejected: W, cancelled: W },
  cancel:           { draft: 'ok', draft_submitted: 'ok', in_approval: W, published: W, objection: W, reopened: W, final: W, rejected: W, cancelled: W },
  set_attachments:  { draft: 'ok', draft_submitted: 'sheet_submitted', in_approval: W, published: W, objection: W, reopened: 'ok', final: W, rejected: W, cancelled: W },
};

describe('every event in every state (the allowed actor, a representative event)', () => {
  const statuses = Object.keys(FIXTURES) as Status[];
  it('the fixtures are in the statuses they claim', () => {
    for (const name of statuses) expect(FIXTURES[name].state().status, name).toBe(FIXTURES[name].status);
  });
  const rows = EVALUATION_EVENTS.flatMap((event) => statuses.map((status) => ({ event, status, expected: MATRIX[event][status] })));
  it.each(rows)('$event in $status → $expected', ({ event, status, expected }) => {
    const fixture = FIXTURES[status];
    const state = fixture.state();
    const before = structuredClone(state);
    const [actor, e] = ATTEMPTS[event](state);
    expect(refusal(state, actor, fixture.today, e)).toBe(expected);
    // actionsFor runs the same gates: where it says no, decide says the same no; where decide says yes, so does actionsFor.
    const action = actionsFor(PERIODIC_REVIEW_MODEL, state, ctx(actor, fixture.today)).find((a) => a.event === event)!;
    if (expected === 'ok') expect(action.allowed).toBe(true);
    if (!action.allowed) expect(action.refusal!.code).toBe(expected);
    expect(state).toEqual(before);
  });
  it('before the start every event but start is refused as not started', () => {
    for (const event of EVALUATION_EVENTS.filter((e) => e !== 'start')) {
      const [actor, e] = ATTEMPTS[event](submitted());
      expect(refusal(null, actor, DAYS.started, e), event).toBe('not_started');
    }
  });
});

describe('who may and who may not', () => {
  const cases: { what: string; state: () => EvaluationState | null; today: string; event: (s: EvaluationState | null) => EvaluationEvent; may: string[]; mayNot: [string, EvaluationRefusalCode][] }[] = [
    { what: 'start a periodic review: the 客服经理', state: () => null, today: DAYS.started, event: () => startEvent(), may: [SM, X], mayNot: [[AM, 'not_permitted'], [CM, 'not_permitted'], [R3, 'not_permitted'], [HOST, 'not_permitted']] },
    { what: 'start a new-customer review: the 客户经理', state: () => null, today: DAYS.started, event: () => startEvent(NEW_CUSTOMER_MODEL), may: [], mayNot: [] },
    { what: 'add a reviewer: the credit manager', state: () => step(null, SM, DAYS.started, startEvent()), today: DAYS.started, event: () => ({ type: 'add_reviewer', reviewer: R3 }), may: [CM], mayNot: [[AM, 'not_permitted'], [SM, 'not_permitted'], [HOST, 'not_permitted']] },
    { what: 'fill a sheet: a reviewer of this evaluation', state: () => step(null, SM, DAYS.started, startEvent()), today: DAYS.started, event: () => ({ type: 'save_sheet', ratings: ratings('AAAA') }), may: [AM, SM], mayNot: [[CM, 'not_a_reviewer'], [X, 'not_a_reviewer'], [R3, 'not_a_reviewer']] },
    { what: 'settle an item: the credit manager', state: submitted, today: DAYS.consolidated, event: () => ({ type: 'settle_item', item: 'coordination', note: '按平均计' }), may: [CM], mayNot: [[AM, 'not_permitted'], [SM, 'not_permitted'], [HOST, 'not_permitted']] },
    {
      what: 'consolidate: only the credit manager',
      state: () => step(submitted(), CM, DAYS.consolidated, { type: 'settle_item', item: 'coordination', note: '按平均计' }),
      today: DAYS.consolidated,
      event: () => ({ type: 'consolidate', override: null }),
      may: [CM],
      mayNot: [[AM, 'not_permitted'], [SM, 'not_permitted'], [R3, 'not_permitted'], [X, 'not_permitted'], [HOST, 'not_permitted']],
    },
    { what: 'report the chain outcome: the host', state: inApproval, today: DAYS.approved, event: (s) => approve(s!), may: [HOST], mayNot: [[CM, 'not_permitted'], [AM, 'not_permitted']] },
    { what: 'enter an objection: the customer’s own account manager', state: published, today: DAYS.objected, event: () => OBJECTION, may: [AM], mayNot: [[X, 'not_account_manager'], [SM, 'not_account_manager'], [CM, 'not_account_manager']] },
    { what: 'answer an objection: the credit manager', state: objected, today: DAYS.answered, event: () => ({ type: 'answer_objection', objectionId: 'obj-1', upheld: false, answer: '评定无误' }), may: [CM], mayNot: [[AM, 'not_permitted'], [SM, 'not_permitted'], [HOST, 'not_permitted']] },
    { what: 'close the publication: the host or the credit manager', state: published, today: '2026-10-10', event: () => ({ type: 'finalize' }), may: [HOST, CM], mayNot: [[AM, 'not_permitted'], [SM, 'not_permitted']] },
    { what: 'attach documents of the file: a reviewer or the credit manager', state: () => step(null, SM, DAYS.started, startEvent()), today: DAYS.started, event: () => ({ type: 'set_attachments', documents: ['doc-1'] }), may: [AM, SM, CM], mayNot: [[X, 'not_permitted'], [R3, 'not_permitted'], [HOST, 'not_permitted']] },
    { what: 'cancel a draft: who started it or the credit manager', state: () => step(null, SM, DAYS.started, startEvent()), today: DAYS.started, event: () => ({ type: 'cancel', reason: '重复发起' }), may: [SM, CM], mayNot: [[AM, 'not_permitted'], [HOST, 'not_permitted']] },
  ];
  it.each(cases)('$what', ({ state, today, event, may, mayNot }) => {
    for (const actor of may) expect(refusal(state(), actor, today, event(state())), actor).toBe('ok');
    for (const [actor, code] of mayNot) expect(refusal(state(), actor, today, event(state())), actor).toBe(code);
  });
  it('a new-customer review is started by the 客户经理, not the 客服经理', () => {
    expect(refusal(null, AM, DAYS.started, startEvent(NEW_CUSTOMER_MODEL), NEW_CUSTOMER_MODEL)).toBe('ok');
    expect(refusal(null, SM, DAYS.started, startEvent(NEW_CUSTOMER_MODEL), NEW_CUSTOMER_MODEL)).toBe('not_permitted');
    // The kind follows the model: a periodic start on the new-customer model is refused.
    expect(refusal(null, AM, DAYS.started, { ...startEvent(NEW_CUSTOMER_MODEL), kind: 'periodic_review' } as EvaluationEvent, NEW_CUSTOMER_MODEL)).toBe('wrong_model');
  });
  it('the evaluation keeps its model version: a newer version is refused', () => {
    const revised = reviseModel(PERIODIC_REVIEW_MODEL, PERIODIC_REVIEW_MODEL);
    if (!revised.ok) throw new Error('revise');
    const s = step(null, SM, DAYS.started, startEvent());
    expect(decide(revised.model, s, { type: 'save_sheet', ratings: ratings('AAAA') }, ctx(AM, DAYS.started))).toEqual({ ok: false, refusal: { code: 'wrong_model' } });
  });
  it('actionsFor lists what each user may do now', () => {
    const s = submitted();
    expect(allowedActions(PERIODIC_REVIEW_MODEL, s, ctx(CM, DAYS.consolidated))).toEqual(['add_reviewer', 'return_sheet', 'settle_item', 'cancel', 'set_attachments']);
    expect(allowedActions(PERIODIC_REVIEW_MODEL, s, ctx(AM, DAYS.consolidated))).toEqual([]);
    const consolidate = actionsFor(PERIODIC_REVIEW_MODEL, s, ctx(CM, DAYS.consolidated)).find((a) => a.event === 'consolidate')!;
    expect(consolidate).toEqual({ event: 'consolidate', allowed: false, refusal: { code: 'items_unsettled', item: 'coordination' } });
    expect(allowedActions(PERIODIC_REVIEW_MODEL, published(), ctx(AM, DAYS.objected))).toEqual(['enter_objection']);
  });
});

// ---------------------------------------------------------------------------------------
// Each reviewer scores alone

describe('a reviewer sees only their own sheet until they submit', () => {
  it('neither sees the other’s sheet before submitting; the credit manager sees only submitted sheets', () => {
    let s = step(null, SM, DAYS.started, startEvent());
    s = step(s, AM, DAYS.started, { type: 'save_sheet', ratings: ratings('ABCD') });
    s = step(s, SM, DAYS.started, { type: 'save_sheet', ratings: ratings('AABB') });
    expect(visibleSheets(s, SM).map((x) => x.reviewer)).toEqual([SM]);
    expect(visibleSheets(s, AM).map((x) => x.reviewer)).toEqual([AM]);
    expect(visibleSheets(s, CM)).toEqual([]);
    s = step(s, AM, DAYS.submitted, { type: 'submit_sheet' });
    // The 客服经理 has not submitted: still only their own, though the 客户经理's is in.
    expect(visibleSheets(s, SM).map((x) => x.reviewer)).toEqual([SM]);
    expect(visibleSheets(s, AM).map((x) => x.reviewer)).toEqual([AM]);
    expect(visibleSheets(s, CM).map((x) => [x.reviewer, x.ratings])).toEqual([[AM, ratings('ABCD')]]);
    expect(viewFor(s, SM).hiddenSheets).toEqual([{ reviewer: AM, submitted: true }]);
    expect(JSON.stringify(viewFor(s, SM))).not.toContain('"coordination":"D"');
    s = step(s, SM, DAYS.submitted, { type: 'submit_sheet' });
    expect(visibleSheets(s, SM).map((x) => x.reviewer)).toEqual([AM, SM]);
    expect(visibleSheets(s, X).map((x) => x.reviewer)).toEqual([AM, SM]);
  });
  it('a sheet is refused while incomplete, with the item; an unknown option is refused', () => {
    let s = step(null, SM, DAYS.started, startEvent());
    s = step(s, AM, DAYS.started, { type: 'save_sheet', ratings: { contract_execution: 'A', payment_speed: 'B' } });
    expect(decide(PERIODIC_REVIEW_MODEL, s, { type: 'submit_sheet' }, ctx(AM, DAYS.started))).toEqual({ ok: false, refusal: { code: 'sheet_incomplete', item: 'cooperation' } });
    expect(refusal(s, AM, DAYS.started, { type: 'save_sheet', ratings: { cooperation: 'E' } })).toBe('unknown_option');
    expect(refusal(s, AM, DAYS.started, { type: 'save_sheet', ratings: { no_such_item: 'A' } })).toBe('unknown_item');
  });
  it('a returned sheet goes back to its author, hidden again, and the settlements are taken again', () => {
    let s = step(submitted(), CM, DAYS.consolidated, { type: 'settle_item', item: 'coordination', note: '按平均计' });
    s = step(s, CM, DAYS.consolidated, { type: 'return_sheet', reviewer: AM, reason: '请核对配合程度' });
    expect(s.sheets.find((x) => x.reviewer === AM)!.submittedOn).toBeNull();
    expect(s.settlements).toEqual([]);
    expect(visibleSheets(s, CM).map((x) => x.reviewer)).toEqual([SM]);
    s = step(s, AM, DAYS.consolidated, { type: 'save_sheet', ratings: { coordination: 'C' } });
    s = step(s, AM, DAYS.consolidated, { type: 'submit_sheet' });
    // C against B: one level apart, nothing to settle now.
    expect(refusal(s, CM, DAYS.consolidated, { type: 'settle_item', item: 'coordination', note: 'x' })).toBe('nothing_to_settle');
    expect(refusal(s, CM, DAYS.consolidated, { type: 'consolidate', override: null })).toBe('ok');
  });
  it('an added reviewer fills a sheet too; the 客户经理 and 客服经理 cannot be removed', () => {
    let s = step(step(null, SM, DAYS.started, startEvent()), CM, DAYS.started, { type: 'add_reviewer', reviewer: R3 });
    expect(refusal(s, CM, DAYS.started, { type: 'add_reviewer', reviewer: R3 })).toBe('already_reviewer');
    expect(refusal(s, CM, DAYS.started, { type: 'remove_reviewer', reviewer: AM })).toBe('reviewer_not_removable');
    s = step(s, R3, DAYS.started, { type: 'save_sheet', ratings: ratings('BBBB') });
    expect(s.sheets.map((x) => x.reviewer)).toEqual([AM, SM, R3]);
    expect(refusal(s, CM, DAYS.consolidated, { type: 'consolidate', override: null })).toBe('sheets_pending');
  });
});

// ---------------------------------------------------------------------------------------
// Consolidation and the chain

describe('the credit manager consolidates', () => {
  const settled = () => step(submitted(), CM, DAYS.consolidated, { type: 'settle_item', item: 'coordination', note: '经核实，按平均计' });
  it('items two levels apart must be settled with a note first', () => {
    expect(decide(PERIODIC_REVIEW_MODEL, submitted(), { type: 'consolidate', override: null }, ctx(CM, DAYS.consolidated))).toEqual({ ok: false, refusal: { code: 'items_unsettled', item: 'coordination' } });
    expect(refusal(submitted(), CM, DAYS.consolidated, { type: 'settle_item', item: 'coordination', note: '  ' })).toBe('note_required');
    expect(refusal(submitted(), CM, DAYS.consolidated, { type: 'settle_item', item: 'payment_speed', note: '一级之差' })).toBe('nothing_to_settle');
    expect(settled().settlements).toEqual([{ item: 'coordination', note: '经核实，按平均计', by: CM, on: DAYS.consolidated }]);
  });
  it('an override needs a written reason, another grade, a grade of the scale; it shows as an override', () => {
    const consolidate = (grade: string, reason: string): EvaluationEvent => ({ type: 'consolidate', override: { grade, reason } });
    expect(refusal(settled(), CM, DAYS.consolidated, consolidate('A', ' '))).toBe('override_reason_required');
    expect(refusal(settled(), CM, DAYS.consolidated, consolidate('B', '维持'))).toBe('override_same_grade');
    expect(refusal(settled(), CM, DAYS.consolidated, consolidate('AAA', '提级'))).toBe('unknown_grade');
    const s = step(settled(), CM, DAYS.consolidated, consolidate('C', '客户近期涉诉，从严评定'));
    const d = s.decisions[0]!;
    expect([d.scoreText, d.computedGrade, d.grade, d.override]).toEqual(['80.0', 'B', 'C', { grade: 'C', reason: '客户近期涉诉，从严评定' }]);
    // C's policy: one month of sales, 30 days.
    expect([d.policy.limitFen, d.policy.termDays]).toEqual([MONTHLY_SALES_FEN, 30]);
    expect(s.history.at(-1)).toMatchObject({ kind: 'consolidated', grade: 'C', note: '客户近期涉诉，从严评定' });
  });
  it('the chain approves exactly what it was shown: a rating changed after approval is detected', () => {
    const s = inApproval();
    const shown = approvalContent(s)!;
    const changed = structuredClone(s);
    changed.sheets[0]!.ratings.payment_speed = 'A';
    expect(approvalContent(changed)).not.toEqual(shown);
    expect(refusal(changed, HOST, DAYS.approved, { type: 'chain_outcome', outcome: 'approved', content: shown })).toBe('content_changed');
    expect(refusal(s, HOST, DAYS.approved, { type: 'chain_outcome', outcome: 'approved', content: null })).toBe('content_changed');
    // Key order does not matter, content does.
    const reordered = Object.fromEntries(Object.entries(shown).reverse()) as typeof shown;
    expect(refusal(s, HOST, DAYS.approved, { type: 'chain_outcome', outcome: 'approved', content: reordered })).toBe('ok');
  });
  it('attached documents are part of what the chain approves; a form without any hashes as before', () => {
    const without = approvalContent(inApproval())!;
    expect('attachments' in without).toBe(false);
    const attached = step(step(null, SM, DAYS.started, startEvent()), AM, DAYS.started, { type: 'set_attachments', documents: ['doc-2', 'doc-1', 'doc-2'] });
    expect(attached.attachments).toEqual(['doc-2', 'doc-1']);
    expect(attached.history.at(-1)).toMatchObject({ kind: 'attachments_set', by: AM });
    expect(refusal(attached, AM, DAYS.started, { type: 'set_attachments', documents: ['doc-1', ' '] })).toBe('invalid_input');
    const s = inApproval();
    const withDocs = { ...structuredClone(s), attachments: ['doc-9', 'doc-3'] };
    expect(approvalContent(withDocs)!.attachments).toEqual(['doc-3', 'doc-9']);
    expect(refusal(withDocs, HOST, DAYS.approved, { type: 'chain_outcome', outcome: 'approved', content: without })).toBe('content_changed');
  });
  it('the content holds the result and every input to it', () => {
    const c = approvalContent(inApproval())!;
    expect(c.sheets).toEqual([
      { reviewer: AM, ratings: Object.entries(ratings('ABCD')).sort(), opinion: '客户经理意见：合作顺利' },
      { reviewer: SM, ratings: Object.entries(ratings('AABB')).sort(), opinion: '客服经理意见：配合良好' },
    ]);
    expect([c.scoreText, c.grade, c.override, c.policy.limitFen, c.policy.termDays, c.model]).toEqual(['80.0', 'B', null, 2 * MONTHLY_SALES_FEN, 60, { id: 'periodic_review', version: 1 }]);
    expect(c.settlements).toEqual([{ item: 'coordination', note: '经核实，客户近期配合有所改善，按平均计', by: CM }]);
  });
  it('returned or withdrawn goes back to the credit manager; rejected ends without a result', () => {
    for (const outcome of ['returned', 'withdrawn'] as const) {
      const s = step(inApproval(), HOST, DAYS.approved, { type: 'chain_outcome', outcome, content: null });
      expect([s.status, s.decisions.at(-1)!.chain]).toEqual(['draft', outcome]);
      const again = step(s, CM, DAYS.approved, { type: 'consolidate', override: { grade: 'C', reason: '退回后从严' } });
      expect([again.status, again.decisions.length]).toEqual(['in_approval', 2]);
    }
    const r = step(inApproval(), HOST, DAYS.approved, { type: 'chain_outcome', outcome: 'rejected', content: null });
    expect([r.status, finalResult(r)]).toEqual(['rejected', null]);
  });
});

// ---------------------------------------------------------------------------------------
// Publication and objection on the 2026 calendar

describe('公示 and 异议 on the 2026 calendar', () => {
  it('the publication lasts 5 working days over 中秋 and 国庆, with the calendar version', () => {
    const p = published().publications[0]!;
    expect([p.startedOn, p.deadline.day, p.deadline.calendarVersion, p.deadline.provisional]).toEqual([DAYS.approved, DAYS.publicationEnds, officialCalendar.version, false]);
    expect(refusal(published(), HOST, DAYS.publicationEnds, { type: 'finalize' })).toBe('publication_not_over');
    expect(refusal(published(), HOST, '2026-10-10', { type: 'finalize' })).toBe('ok');
  });
  it('the publication period is a setting', () => {
    const s = inApproval();
    const outcome = decide(PERIODIC_REVIEW_MODEL, s, approve(s), ctx(HOST, DAYS.approved, 3));
    if (!outcome.ok) throw new Error('refused');
    // 28, 29, 30 September.
    expect(outcome.state.publications[0]!.deadline.day).toBe('2026-09-30');
    expect(decide(PERIODIC_REVIEW_MODEL, s, approve(s), ctx(HOST, DAYS.approved, 0))).toEqual({ ok: false, refusal: { code: 'invalid_input' } });
  });
  it('the answer is due in 15 working days, across National Day; overdue is derivable; a late answer is marked', () => {
    const s = objected();
    const o = s.objections[0]!;
    expect([o.ground, o.answerDeadline.day, o.answerDeadline.calendarVersion, o.answerDeadline.provisional]).toEqual(['within_publication', DAYS.answerDue, 'cn-2026.1/company.0', false]);
    expect(o.answerDeadline.explanation.map((e) => e.code)).toContain('counted-makeup-workday');
    expect([objectionOverdue(o, DAYS.answerDue), objectionOverdue(o, '2026-10-28')]).toEqual([false, true]);
    const late = step(s, CM, '2026-10-28', { type: 'answer_objection', objectionId: 'obj-1', upheld: false, answer: '评定无误' });
    expect(late.objections[0]!.answer).toMatchObject({ upheld: false, late: true });
  });
  it('a deadline reaching into a year not in the calendar is provisional', () => {
    const s = step(final(), AM, '2026-12-21', { ...OBJECTION, learnedOn: '2026-12-18' } as EvaluationEvent);
    expect(s.objections[0]!.answerDeadline).toMatchObject({ provisional: true, missingYears: [2027] });
  });
  it('an objection is possible within the publication, or within 15 working days of learning; not outside them', () => {
    const late = (learnedOn: string | null): EvaluationEvent => ({ ...OBJECTION, learnedOn }) as EvaluationEvent;
    // Within the publication: its last day yes, the next day no (without a day of learning).
    expect(refusal(published(), AM, DAYS.publicationEnds, OBJECTION)).toBe('ok');
    expect(refusal(published(), AM, '2026-10-10', OBJECTION)).toBe('outside_objection_window');
    // After final: 15 working days from the day the customer learned (12 Oct: 13–16, 19–23, 26–30 Oct, 2 Nov).
    expect(refusal(final(), AM, '2026-11-02', late('2026-10-12'))).toBe('ok');
    expect(refusal(final(), AM, '2026-11-03', late('2026-10-12'))).toBe('outside_objection_window');
    expect(step(final(), AM, '2026-11-02', late('2026-10-12')).objections[0]).toMatchObject({ ground: 'within_learned_period', from: 'final' });
    expect(objectionWindow(final(), officialCalendar, '2026-10-12')).toEqual({ publicationEnds: null, learnedEnds: '2026-11-02', lastDay: '2026-11-02' });
    expect(objectionWindow(published(), officialCalendar, null)).toEqual({ publicationEnds: DAYS.publicationEnds, learnedEnds: null, lastDay: DAYS.publicationEnds });
    expect(objectionWindow(published(), officialCalendar, '2026-09-24').lastDay).toBe('2026-10-22');
    // The day of learning is neither before the publication nor in the future.
    expect(refusal(final(), AM, '2026-10-30', late('2026-09-01'))).toBe('learned_on_invalid');
    expect(refusal(final(), AM, '2026-10-30', late('2026-10-31'))).toBe('learned_on_invalid');
    expect(refusal(final(), AM, '2026-10-30', late('2026-13-01'))).toBe('invalid_input');
  });
  it('an objection names items, reasons and evidence', () => {
    const with_ = (patch: Partial<Extract<EvaluationEvent, { type: 'enter_objection' }>>) => ({ ...OBJECTION, ...patch }) as EvaluationEvent;
    expect(refusal(published(), AM, DAYS.objected, with_({ items: [] }))).toBe('items_required');
    expect(refusal(published(), AM, DAYS.objected, with_({ items: ['nonsense'] }))).toBe('unknown_item');
    expect(refusal(published(), AM, DAYS.objected, with_({ reasons: '' }))).toBe('reason_required');
    expect(refusal(published(), AM, DAYS.objected, with_({ evidence: [] }))).toBe('evidence_required');
    const o = objected().objections[0]!;
    expect([o.items, o.evidence, o.enteredBy, o.round]).toEqual([['payment_speed', 'coordination'], ['doc-receipt-1'], AM, 1]);
  });
  it('a rejected objection keeps the result: final with the first decision', () => {
    let s = step(objected(), CM, DAYS.answered, { type: 'answer_objection', objectionId: 'obj-1', upheld: false, answer: '经核实，评定无误' });
    expect(s.status).toBe('published');
    s = step(s, HOST, DAYS.answered, { type: 'finalize' });
    expect(finalResult(s)).toMatchObject({ grade: 'B', scoreText: '80.0', round: 1 });
    expect(s.history.map((h) => h.kind)).toContain('objection_rejected');
  });
  it('an upheld objection reopens only the named items, and leads to a second decision and publication', () => {
    let s = reopened();
    expect([s.status, s.round, s.reopenedItems]).toEqual(['reopened', 2, ['payment_speed', 'coordination']]);
    // Only those ratings are gone; the others stay as rated.
    expect(s.sheets.map((x) => x.ratings)).toEqual([
      { contract_execution: 'A', cooperation: 'C' },
      { contract_execution: 'A', cooperation: 'B' },
    ]);
    expect(s.sheets.every((x) => x.submittedOn === null)).toBe(true);
    expect(s.settlements).toEqual([]);
    expect(s.history.at(-1)).toMatchObject({ kind: 'reopened', objectionId: 'obj-1', items: ['payment_speed', 'coordination'], note: '经核实回款记录，异议成立，重新评定' });
    expect(refusal(s, AM, DAYS.answered, { type: 'save_sheet', ratings: { contract_execution: 'B' } })).toBe('item_not_reopened');
    expect(refusal(s, CM, DAYS.answered, { type: 'consolidate', override: null })).toBe('sheets_pending');
    s = step(s, AM, DAYS.answered, { type: 'save_sheet', ratings: { payment_speed: 'A', coordination: 'B' } });
    s = step(s, AM, DAYS.answered, { type: 'submit_sheet' });
    expect(visibleSheets(s, SM).map((x) => x.reviewer)).toEqual([SM]);
    s = step(s, SM, DAYS.answered, { type: 'save_sheet', ratings: { payment_speed: 'A', coordination: 'B' } });
    s = step(s, SM, DAYS.answered, { type: 'submit_sheet' });
    // A A C B = 85 and A A B B = 90: 87.5, still B.
    s = step(s, CM, '2026-10-13', { type: 'consolidate', override: null });
    expect([s.decisions.map((d) => [d.round, d.scoreText]), s.status]).toEqual([[[1, '80.0'], [2, '87.5']], 'in_approval']);
    expect(approvalContent(s)!.round).toBe(2);
    s = step(s, HOST, '2026-10-14', approve(s));
    expect(s.publications.map((p) => [p.round, p.startedOn, p.deadline.day])).toEqual([
      [1, DAYS.approved, DAYS.publicationEnds],
      [2, '2026-10-14', '2026-10-21'],
    ]);
    s = step(s, HOST, '2026-10-22', { type: 'finalize' });
    expect(finalResult(s)).toMatchObject({ grade: 'B', scoreText: '87.5', round: 2, finalOn: '2026-10-22' });
  });
  it('one objection at a time', () => {
    expect(refusal(objected(), AM, DAYS.objected, { ...OBJECTION, objectionId: 'obj-2' } as EvaluationEvent)).toBe('objection_open');
    expect(refusal(objected(), CM, DAYS.answered, { type: 'answer_objection', objectionId: 'obj-9', upheld: true, answer: 'x' })).toBe('unknown_objection');
    expect(refusal(objected(), CM, DAYS.answered, { type: 'answer_objection', objectionId: 'obj-1', upheld: true, answer: ' ' })).toBe('answer_required');
  });
});

// ---------------------------------------------------------------------------------------
// End to end

describe('seed 003 through the lifecycle: 70 and 90 make 80.0, B 良好', () => {
  it('from the start by the 客服经理 to the result the host applies', () => {
    const s = final();
    const r = finalResult(s)!;
    expect(r).toEqual({
      evaluationId: 'ev-1',
      customerId: 'cust-1',
      kind: 'periodic_review',
      modelId: 'periodic_review',
      modelVersion: 1,
      round: 1,
      grade: 'B',
      computedGrade: 'B',
      override: null,
      score: { num: 80, den: 1 },
      scoreText: '80.0',
      // B: two months of the average monthly sales (¥300,000.00), 60 days.
      limit: { kind: 'monthly_sales', months: 2, percent: 100, capFen: null },
      limitFen: 60_000_000,
      termDays: 60,
      measures: ['usual_cooperation', 'normal_cooperation', 'regular_contact'],
      reviewCycleMonths: 6,
      starting: false,
      decidedOn: DAYS.consolidated,
      finalOn: '2026-10-10',
      nextReviewOn: '2027-04-10',
    });
    expect(s.history.map((h) => h.kind)).toEqual(['started', 'sheet_submitted', 'sheet_submitted', 'item_settled', 'consolidated', 'approved', 'published', 'finalized']);
    expect(finalResult(published())).toBeNull();
  });
  it('a new customer gets the starting limit and term of its admission grade', () => {
    const m = NEW_CUSTOMER_MODEL;
    const values = Object.fromEntries(m.items.filter((i) => i.kind === 'computed').map((i) => [i.code, { value: i.code === 'years_in_business' ? 12 : i.code === 'bad_record_count' ? 0 : 1, source: 'archive' as const }]));
    let s = step(null, AM, DAYS.started, { ...startEvent(m), values } as EvaluationEvent, m);
    const rated = m.items.filter((i) => i.kind === 'rated');
    for (const reviewer of [AM, SM]) {
      s = step(s, reviewer, DAYS.started, { type: 'save_sheet', ratings: Object.fromEntries(rated.map((i) => [i.code, i.kind === 'rated' ? i.options[0]!.code : ''])) }, m);
      s = step(s, reviewer, DAYS.started, { type: 'submit_sheet' }, m);
    }
    s = step(s, CM, DAYS.submitted, { type: 'consolidate', override: null }, m);
    s = step(s, HOST, DAYS.submitted, approve(s), m);
    s = step(s, HOST, '2026-10-10', { type: 'finalize' }, m);
    expect(finalResult(s)).toMatchObject({ kind: 'new_customer_review', grade: 'admit', starting: true, limitFen: 10_000_000, termDays: 30 });
  });
  it('a computed value missing from the archive is entered before consolidating, and marked so', () => {
    const m = WEIGHTED_MODEL;
    const computed = m.items.filter((i) => i.kind === 'computed').map((i) => i.code);
    const values = Object.fromEntries(computed.map((c) => [c, c === 'satisfaction' ? null : { value: 0, source: 'archive' as const }]));
    expect(refusal(null, SM, DAYS.started, { ...startEvent(m), values: { ...values, satisfaction: { value: Number.NaN, source: 'entered' } } } as EvaluationEvent, m)).toBe('invalid_input');
    expect(refusal(null, SM, DAYS.started, { ...startEvent(m), values: { ...values, no_such: null } } as EvaluationEvent, m)).toBe('unknown_item');
    expect(refusal(null, SM, DAYS.started, { ...startEvent(m), limitBase: { averageMonthlySalesFen: -1 } } as EvaluationEvent, m)).toBe('invalid_input');
    let s = step(null, SM, DAYS.started, { ...startEvent(m), values } as EvaluationEvent, m);
    for (const reviewer of [AM, SM]) s = step(s, reviewer, DAYS.started, { type: 'submit_sheet' }, m);
    const refused = decide(m, s, { type: 'consolidate', override: null }, ctx(CM, DAYS.started));
    expect(refused).toEqual({ ok: false, refusal: { code: 'scoring_refused', scoring: [{ code: 'value_missing', item: 'satisfaction', reviewer: null }] } });
    expect(refusal(s, X, DAYS.started, { type: 'set_value', item: 'satisfaction', value: { value: 4, source: 'entered' } }, m)).toBe('not_permitted');
    s = step(s, AM, DAYS.started, { type: 'set_value', item: 'satisfaction', value: { value: 4, source: 'entered' } }, m);
    expect(s.values.satisfaction).toEqual({ value: 4, source: 'entered' });
    expect(refusal(s, CM, DAYS.started, { type: 'consolidate', override: null }, m)).toBe('ok');
  });
  it('an upheld objection on a computed item clears its value for re-entry and leaves the sheets as submitted', () => {
    const m = WEIGHTED_MODEL;
    const computed = m.items.filter((i) => i.kind === 'computed').map((i) => i.code);
    const values = Object.fromEntries(computed.map((c) => [c, { value: c === 'satisfaction' ? 2 : 0, source: 'archive' as const }]));
    let s = step(null, SM, DAYS.started, { ...startEvent(m), values } as EvaluationEvent, m);
    for (const reviewer of [AM, SM]) s = step(s, reviewer, DAYS.started, { type: 'submit_sheet' }, m);
    s = step(s, CM, DAYS.submitted, { type: 'consolidate', override: null }, m);
    s = step(s, HOST, DAYS.submitted, approve(s), m);
    s = step(s, AM, DAYS.objected, { ...OBJECTION, items: ['satisfaction'] } as EvaluationEvent, m);
    s = step(s, CM, DAYS.answered, { type: 'answer_objection', objectionId: 'obj-1', upheld: true, answer: '满意度调查数据有误' }, m);
    expect([s.status, s.values.satisfaction, s.sheets.every((x) => x.submittedOn !== null)]).toEqual(['reopened', null, true]);
    expect(refusal(s, CM, DAYS.answered, { type: 'set_value', item: 'complaint_count', value: { value: 3, source: 'entered' } }, m)).toBe('item_not_reopened');
    expect(refusal(s, CM, DAYS.answered, { type: 'consolidate', override: null }, m)).toBe('scoring_refused');
    s = step(s, CM, DAYS.answered, { type: 'set_value', item: 'satisfaction', value: { value: 5, source: 'archive' } }, m);
    s = step(s, CM, DAYS.answered, { type: 'consolidate', override: null }, m);
    expect(s.decisions.map((d) => d.round)).toEqual([1, 2]);
    expect(approvalContent(s)!.values).toContainEqual(['satisfaction', { value: 5, source: 'archive' }]);
  });
});
