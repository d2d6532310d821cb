import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Input, Output } from '../../src/shared/contract';
import { FIVE_C_POLICIES, FIVE_C_SCALES, PERIODIC_REVIEW_MODEL, type ModelContent } from '../../src/shared/domain/scoring';
import { useTempDirs } from './helpers';
import { PURPOSE, evaluationWorld as worldOn, rate } from './evaluations-world';
import { SAMPLE_PDF_BASE64 } from './samples';

const temp = useTempDirs();
const evaluationWorld = () => worldOn(temp);

function contentOf(model: typeof PERIODIC_REVIEW_MODEL): ModelContent {
  const { id: _id, version: _version, status: _status, ...content } = structuredClone(model);
  return content;
}

type Detail = Output<'evaluations.get'>;
const allowed = (d: Detail, event: string) => d.actions.find((a) => a.event === event)!.allowed;

describe('credit evaluations (信用评审) through the host', () => {
  it('runs the seed-003 form through sheets, consolidation, the chain, publication, an upheld objection, redecision and final', async () => {
    const w = await evaluationWorld();
    const { t, am, sm, cm } = w;
    const customerId = await w.customer('广州南方重工有限公司');
    // A year of sales: ¥1,200,000.00 → ¥100,000.00 a month on average.
    await w.yearOfSales(customerId);
    const evidence = await t.ok(am.session, 'documents.add', {
      customerId,
      category: 'contract',
      title: '付款凭证',
      archiveNo: null,
      retention: '30y',
      confidentiality: 'normal',
      file: { name: '付款凭证.pdf', mime: 'application/pdf', contentBase64: SAMPLE_PDF_BASE64 },
      location: null,
    });

    // The 客户经理 cannot start a periodic review; the 客服经理 does, naming the two managers.
    await w.refused(am.session, 'evaluations.start', { customerId, modelId: 'periodic_review', accountManagerId: am.user.id, serviceManagerId: sm.user.id }, 'FORBIDDEN', 'not_permitted');
    const started = await t.ok(sm.session, 'evaluations.start', { customerId, modelId: 'periodic_review', accountManagerId: am.user.id, serviceManagerId: sm.user.id });
    const id = started.evaluation.id;
    expect(started.evaluation).toMatchObject({ status: 'draft', modelId: 'periodic_review', modelVersion: 1, limitBase: { averageMonthlySalesFen: 100_000_00 } });
    expect(started.evaluation.reviewers.map((r) => r.origin)).toEqual(['account_manager', 'service_manager']);
    // The header of the paper form, from the file.
    expect(started.header).toMatchObject({
      customer_name: '广州南方重工有限公司',
      account_manager: '张三',
      service_manager: '孙丽',
      service_type: 'sales',
      contract_amount: '¥1,500,000.00',
      contract_years: '1',
      received_total: '¥800,000.00',
      review_date: '2026-11-02',
    });
    expect(started.header.record_no).toMatch(/^PJ-20261102-/);
    expect(started.header.contract_no).toBeTruthy();
    // One evaluation at a time.
    await w.refused(sm.session, 'evaluations.start', { customerId, modelId: 'periodic_review' }, 'CONFLICT', 'evaluationOpen');

    // Reviewer 1 rates A, B, C, D (70); reviewer 2 cannot see it before submitting.
    await w.act(am.session, id, { type: 'save_sheet', ratings: rate(['A', 'B', 'C', 'D']), opinion: '回款略慢，配合度有待提高' });
    let seen = await w.get(sm.session, id);
    expect(seen.evaluation.sheets.map((s) => s.reviewer)).toEqual([sm.user.id]);
    expect(seen.evaluation.hiddenSheets).toEqual([{ reviewer: am.user.id, submitted: false }]);
    await w.act(am.session, id, { type: 'submit_sheet' });
    seen = await w.get(sm.session, id);
    // Submitted or not, a reviewer who has not submitted sees only their own sheet.
    expect(seen.evaluation.sheets.map((s) => s.reviewer)).toEqual([sm.user.id]);
    expect(seen.evaluation.hiddenSheets).toEqual([{ reviewer: am.user.id, submitted: true }]);
    expect(seen.explanation).toBeNull();
    expect(JSON.stringify(seen)).not.toContain('回款略慢');
    // The credit manager sees the submitted sheet, never the unsubmitted one.
    const byCm = await w.get(cm.session, id);
    expect(byCm.evaluation.sheets.map((s) => s.reviewer)).toEqual([am.user.id]);
    expect(allowed(byCm, 'consolidate')).toBe(false);
    expect(byCm.actions.find((a) => a.event === 'consolidate')!.refusal).toEqual({ code: 'sheets_pending' });

    // Reviewer 2 rates A, A, B, B (90): the average is 80.0 → B 良好.
    await w.act(sm.session, id, { type: 'save_sheet', ratings: rate(['A', 'A', 'B', 'B']), opinion: '合作稳定' });
    seen = await w.act(sm.session, id, { type: 'submit_sheet' });
    expect(seen.evaluation.sheets.map((s) => s.reviewer).sort()).toEqual([am.user.id, sm.user.id].sort());
    expect(seen.explanation).toMatchObject({ scoreText: '80.0', grade: { code: 'B', label: { 'zh-CN': '良好' } } });
    expect(seen.explanation!.reviewerTotals.map((r) => r.totalText).sort()).toEqual(['70.0', '90.0']);
    // 配合程度 D against B: more than one level apart, the credit manager settles it first.
    expect(seen.explanation!.toSettle).toEqual(['coordination']);
    await w.refused(cm.session, 'evaluations.act', { evaluationId: id, action: { type: 'consolidate', override: null } }, 'CONFLICT', 'items_unsettled');
    // Bad input: nothing changes.
    await w.refused(cm.session, 'evaluations.act', { evaluationId: id, action: { type: 'settle_item', item: 'coordination', note: '   ' } }, 'VALIDATION');
    await w.refused(cm.session, 'evaluations.act', { evaluationId: id, action: { type: 'settle_item', item: 'payment_speed', note: '无分歧' } }, 'CONFLICT', 'nothing_to_settle');
    await w.refused(am.session, 'evaluations.act', { evaluationId: id, action: { type: 'settle_item', item: 'coordination', note: '越权' } }, 'FORBIDDEN', 'not_permitted');
    await w.act(cm.session, id, { type: 'settle_item', item: 'coordination', note: '客服经理日常接触较多，以其意见为准' });
    await w.refused(cm.session, 'evaluations.act', { evaluationId: id, action: { type: 'consolidate', override: { grade: 'B', reason: '同级' } } }, 'VALIDATION', 'override_same_grade');
    const consolidated = await w.act(cm.session, id, { type: 'consolidate', override: null });
    expect(consolidated.evaluation.status).toBe('in_approval');
    expect(consolidated.evaluation.decisions[0]).toMatchObject({ grade: 'B', scoreText: '80.0', policy: { limitFen: 200_000_00, termDays: 60 } });
    const chain1 = consolidated.chain!.chainId;
    expect(consolidated.chain!.status).toBe('running');
    const chainSeen = await t.ok(t.admin, 'approvals.get', { id: chain1 });
    expect(chainSeen.chain.kind).toBe('periodic_review');

    // The chain approves: publication for 5 working days at once.
    await w.approveChain(chain1);
    const published = await w.get(cm.session, id);
    expect(published.evaluation.status).toBe('published');
    expect(published.evaluation.publications[0]!.deadline).toMatchObject({ day: '2026-11-09', length: 5, unit: 'working-days' });
    expect(published.publicationEnds).toBe('2026-11-09');
    await w.refused(cm.session, 'evaluations.act', { evaluationId: id, action: { type: 'finalize' } }, 'CONFLICT', 'publication_not_over');

    // The 客户经理 objects for the customer on 回款速度 and 配合程度, with evidence on file.
    await w.refused(am.session, 'evaluations.act', { evaluationId: id, action: { type: 'enter_objection', items: ['no_such_item'], reasons: '有误', evidence: [evidence.id], learnedOn: null } }, 'VALIDATION', 'unknown_item');
    await w.refused(
      am.session,
      'evaluations.act',
      { evaluationId: id, action: { type: 'enter_objection', items: ['payment_speed'], reasons: '有误', evidence: ['0190a000-0000-7000-8000-0000000000ee'], learnedOn: null } },
      'VALIDATION',
      'evidenceNotOnFile',
    );
    await w.refused(sm.session, 'evaluations.act', { evaluationId: id, action: { type: 'enter_objection', items: ['payment_speed'], reasons: '有误', evidence: [evidence.id], learnedOn: null } }, 'FORBIDDEN', 'not_account_manager');
    const objected = await w.act(am.session, id, { type: 'enter_objection', items: ['payment_speed', 'coordination'], reasons: '客户已提前付清货款，配合度评价有误', evidence: [evidence.id], learnedOn: null });
    expect(objected.evaluation.status).toBe('objection');
    const objection = objected.evaluation.objections[0]!;
    expect(objection).toMatchObject({ ground: 'within_publication', overdue: false, answerDeadline: { length: 15 } });

    // Upheld: the named items are reopened; the reviewers rate them again.
    const reopened = await w.act(cm.session, id, { type: 'answer_objection', objectionId: objection.id, upheld: true, answer: '经核实付款凭证，回款速度与配合程度重新评审' });
    expect(reopened.evaluation).toMatchObject({ status: 'reopened', round: 2, reopenedItems: ['payment_speed', 'coordination'] });
    await w.refused(am.session, 'evaluations.act', { evaluationId: id, action: { type: 'save_sheet', ratings: { contract_execution: 'B' } } }, 'VALIDATION', 'item_not_reopened');
    await w.act(am.session, id, { type: 'save_sheet', ratings: { payment_speed: 'A', coordination: 'A' } });
    await w.act(am.session, id, { type: 'submit_sheet' });
    await w.act(sm.session, id, { type: 'save_sheet', ratings: { payment_speed: 'A', coordination: 'A' } });
    const rescored = await w.act(sm.session, id, { type: 'submit_sheet' });
    // 张三 A, A, C, A = 90; 孙丽 A, A, B, A = 95: 92.5 → A 优秀.
    expect(rescored.explanation).toMatchObject({ scoreText: '92.5', grade: { code: 'A' } });
    const redecided = await w.act(cm.session, id, { type: 'consolidate', override: null });
    const chain2 = redecided.chain!.chainId;
    expect(chain2).not.toBe(chain1);
    await w.approveChain(chain2);
    expect((await w.get(cm.session, id)).evaluation.status).toBe('published');
    // Nothing has changed for the customer before final.
    expect((await t.ok(cm.session, 'creditLimits.history', { customerId, purpose: PURPOSE })).current).toBeNull();

    // After the publication period, final on the next call: grade, limit and term through the limit history.
    await w.later(10);
    const final = await w.get(cm.session, id);
    expect(final.evaluation.status).toBe('final');
    const history = await t.ok(cm.session, 'creditLimits.history', { customerId, purpose: PURPOSE });
    expect(history.current).toEqual({ limitFen: 300_000_00, termDays: 90, since: final.evaluation.finalOn });
    expect(history.changes).toHaveLength(1);
    expect(history.changes[0]).toMatchObject({ chainId: chain2, limitFen: 300_000_00, termDays: 90, requestedBy: { displayName: '孙七' } });
    expect(history.changes[0]!.reason).toContain('92.5');
    expect(history.changes[0]!.approvals.map((a) => a.by.displayName)).toContain('吴九');
    const file = await t.ok(cm.session, 'customers.get', { id: customerId, purpose: PURPOSE });
    expect(file.basics.grade).toBe('A');
    const list = await t.ok(cm.session, 'evaluations.list', { customerId, purpose: PURPOSE });
    expect(list).toEqual([
      expect.objectContaining({ id, status: 'final', round: 2, scoreText: '92.5', grade: 'A', publications: 2, objections: 1, model: expect.objectContaining({ version: 1 }) }),
    ]);
    // The file records why it was decided again.
    expect(final.evaluation.history.map((h) => h.kind)).toEqual(expect.arrayContaining(['objection_entered', 'objection_upheld', 'reopened', 'finalized']));

    // A new model version leaves the past evaluation as it was; the preview shows old against new.
    const revised = contentOf(PERIODIC_REVIEW_MODEL);
    const cooperation = revised.items.find((i) => i.code === 'cooperation')!;
    if (cooperation.kind !== 'rated') throw new Error('rated');
    cooperation.options = cooperation.options.map((o, i) => ({ ...o, points: [25, 10, 5, 0][i]! }));
    // Only the credit manager edits models (the refusal is audited by the router, as every denied call).
    expect((await t.fail(am.session, 'evaluations.saveModelDraft', { modelId: 'periodic_review', content: revised })).code).toBe('FORBIDDEN');
    const draft = await t.ok(cm.session, 'evaluations.saveModelDraft', { modelId: 'periodic_review', content: revised });
    expect(draft).toMatchObject({ version: 2, status: 'draft' });
    const preview = await t.ok(cm.session, 'evaluations.previewModel', { modelId: 'periodic_review', version: 2, customerId, purpose: '评分模型修订预览' });
    expect(preview).toMatchObject({ ok: true, evaluationId: id, old: { modelVersion: 1, scoreText: '92.5', grade: { code: 'A' } }, new: { modelVersion: 2, scoreText: '82.5', grade: { code: 'B' } }, gradeChanged: true });
    await t.ok(cm.session, 'evaluations.publishModel', { modelId: 'periodic_review', version: 2 });
    await w.refused(cm.session, 'evaluations.publishModel', { modelId: 'periodic_review', version: 2 }, 'CONFLICT', 'notADraft');
    const after = await w.get(cm.session, id);
    expect(after.evaluation.modelVersion).toBe(1);
    expect(after.model.version).toBe(1);
    expect(after.explanation).toMatchObject({ scoreText: '92.5', grade: { code: 'A' } });
    const models = await t.ok(cm.session, 'evaluations.models', {});
    expect(models.find((m) => m.id === 'periodic_review')).toMatchObject({ published: 2, draft: null });
    expect(models.find((m) => m.id === 'periodic_review')!.versions.map((v) => [v.version, v.evaluations])).toEqual([
      [1, 1],
      [2, 0],
    ]);
  });

  it('decides the grade on the exact average: 89 → B, 89.5 → B, 60 → C, 59.9 → D', async () => {
    const w = await evaluationWorld();
    const { t, am, sm, cm } = w;
    // A one-item version of the form with fine points, so that every score of the issue can be reached.
    const fine = contentOf(PERIODIC_REVIEW_MODEL);
    fine.items = [
      {
        kind: 'rated',
        code: 'overall',
        label: { 'zh-CN': '综合评价', 'en-US': 'Overall' },
        weight: 1,
        group: null,
        options: [1000, 900, 895, 890, 600, 599, 0].map((points) => ({ code: `P${points}`, points, label: { 'zh-CN': `${points / 10} 分`, 'en-US': `${points / 10} points` } })),
      },
    ];
    const draft = await t.ok(cm.session, 'evaluations.saveModelDraft', { modelId: 'periodic_review', content: fine });
    await t.ok(cm.session, 'evaluations.publishModel', { modelId: 'periodic_review', version: draft.version });

    // One reviewer (the same person is 客户经理 and 客服经理): 89 → B.
    const single = await w.customer('杭州单人评审有限公司');
    const one = await t.ok(sm.session, 'evaluations.start', { customerId: single, modelId: 'periodic_review', accountManagerId: sm.user.id, serviceManagerId: sm.user.id });
    expect(one.evaluation.reviewers).toHaveLength(1);
    await w.act(sm.session, one.evaluation.id, { type: 'save_sheet', ratings: { overall: 'P890' } });
    const s89 = await w.act(sm.session, one.evaluation.id, { type: 'submit_sheet' });
    expect([s89.explanation!.scoreText, s89.explanation!.grade.code]).toEqual(['89.0', 'B']);

    // Two reviewers: (reviewer 1, reviewer 2) → average, grade.
    const cases: [string, string, string, string][] = [
      ['P890', 'P900', '89.5', 'B'],
      ['P600', 'P600', '60.0', 'C'],
      ['P600', 'P599', '59.9', 'D'],
    ];
    let k = 0;
    for (const [r1, r2, text, grade] of cases) {
      const customerId = await w.customer(`苏州评审样本${k++}有限公司`);
      const started = await t.ok(sm.session, 'evaluations.start', { customerId, modelId: 'periodic_review', accountManagerId: am.user.id, serviceManagerId: sm.user.id });
      const id = started.evaluation.id;
      expect(started.evaluation.modelVersion).toBe(draft.version);
      await w.act(am.session, id, { type: 'save_sheet', ratings: { overall: r1 } });
      await w.act(am.session, id, { type: 'submit_sheet' });
      await w.act(sm.session, id, { type: 'save_sheet', ratings: { overall: r2 } });
      const done = await w.act(sm.session, id, { type: 'submit_sheet' });
      expect([done.explanation!.scoreText, done.explanation!.grade.code], `${r1} + ${r2}`).toEqual([text, grade]);
      // 59.9 is a D, 0.1 short of C; 89.5 is 0.5 short of A.
      if (text === '59.9') expect(done.explanation!.nextGrade).toMatchObject({ grade: { code: 'C' }, neededText: '0.1' });
      if (text === '89.5') expect(done.explanation!.nextGrade).toMatchObject({ grade: { code: 'A' }, neededText: '0.5' });
    }
  });

  it('refuses bad input with VALIDATION and writes nothing', async () => {
    const w = await evaluationWorld();
    const { sm, cm } = w;
    const customerId = await w.customer('南京校验样本有限公司');
    await w.refused(sm.session, 'evaluations.start', { customerId, modelId: 'periodic_review' }, 'CONFLICT', 'noManagers');
    await w.refused(sm.session, 'evaluations.start', { customerId: 'not-an-id', modelId: 'periodic_review' }, 'VALIDATION');
    await w.refused(sm.session, 'evaluations.start', { customerId, modelId: 'no_such_model', accountManagerId: w.am.user.id, serviceManagerId: sm.user.id }, 'NOT_FOUND');
    const started = await w.t.ok(sm.session, 'evaluations.start', { customerId, modelId: 'periodic_review', accountManagerId: w.am.user.id, serviceManagerId: sm.user.id });
    const id = started.evaluation.id;
    await w.refused(sm.session, 'evaluations.act', { evaluationId: id, action: { type: 'save_sheet', ratings: { payment_speed: 'Z' } } }, 'VALIDATION', 'unknown_option');
    await w.refused(sm.session, 'evaluations.act', { evaluationId: id, action: { type: 'save_sheet', ratings: { nothing: 'A' } } }, 'VALIDATION', 'unknown_item');
    await w.refused(sm.session, 'evaluations.act', { evaluationId: id, action: { type: 'submit_sheet' } }, 'CONFLICT', 'sheet_incomplete');
    await w.refused(sm.session, 'evaluations.act', { evaluationId: id, action: { type: 'fly' } }, 'VALIDATION');
    await w.refused(cm.session, 'evaluations.act', { evaluationId: id, action: { type: 'save_sheet', ratings: {} } }, 'FORBIDDEN', 'not_a_reviewer');
    await w.refused(cm.session, 'evaluations.act', { evaluationId: id, action: { type: 'add_reviewer', reviewer: '0190a000-0000-7000-8000-0000000000ee' } }, 'VALIDATION', 'reviewerNotUser');
    const bad = contentOf(PERIODIC_REVIEW_MODEL);
    bad.scale = { ...bad.scale, bands: bad.scale.bands.map((b, i) => (i === 0 ? { ...b, from: b.from - 5 } : b)) };
    await w.refused(cm.session, 'evaluations.saveModelDraft', { modelId: 'periodic_review', content: bad }, 'CONFLICT', 'modelInvalid');
    await w.refused(cm.session, 'evaluations.setCrosswalk', { ranks: [{ 'zh-CN': '好', 'en-US': 'Good' }], entries: [] }, 'CONFLICT', 'crosswalkInvalid');
    // The reviews due list names the customers never evaluated.
    const due = await w.t.ok(cm.session, 'evaluations.due', { horizonDays: 30 });
    expect(due.find((d) => d.customer.id === customerId)).toMatchObject({ reasons: [{ reason: 'never_evaluated' }], open: { id, status: 'draft' } });
  });
});

describe('the review cycle, the year-end round and the end of publication', () => {
  /** A periodic review carried to publication: two sheets, consolidation, the chain. */
  async function toPublished(w: Awaited<ReturnType<typeof evaluationWorld>>, customerId: string, am: string[], sm: string[]) {
    const started = await w.t.ok(w.sm.session, 'evaluations.start', { customerId, modelId: 'periodic_review', accountManagerId: w.am.user.id, serviceManagerId: w.sm.user.id });
    const id = started.evaluation.id;
    await w.act(w.am.session, id, { type: 'save_sheet', ratings: rate(am) });
    await w.act(w.am.session, id, { type: 'submit_sheet' });
    await w.act(w.sm.session, id, { type: 'save_sheet', ratings: rate(sm) });
    await w.act(w.sm.session, id, { type: 'submit_sheet' });
    const consolidated = await w.act(w.cm.session, id, { type: 'consolidate', override: null });
    await w.approveChain(consolidated.chain!.chainId);
    return id;
  }

  it('makes a publication without objection final when its working days are over, on reading — grade, limit and term through the limit history', async () => {
    const w = await evaluationWorld();
    const { t, cm } = w;
    const x = await w.customer('上海东方精密机械有限公司');
    const id = await toPublished(w, x, ['A', 'A', 'A', 'B'], ['A', 'A', 'A', 'A']);
    let seen = await w.get(cm.session, id);
    // Published on 2026-11-02 (a Monday) for 5 working days: the last day is 2026-11-09.
    expect(seen.evaluation).toMatchObject({ status: 'published', finalOn: null });
    expect(seen.publicationEnds).toBe('2026-11-09');
    // On the last day of the period it is still published; nothing changed for the customer.
    await w.later(7);
    seen = await w.get(cm.session, id);
    expect(seen.evaluation.status).toBe('published');
    expect((await t.ok(cm.session, 'creditLimits.history', { customerId: x, purpose: PURPOSE })).changes).toHaveLength(0);
    // Three days later, the first use of the day (a login) makes it final as of the day after the period — no one acted.
    await w.later(3);
    expect((await t.ok(cm.session, 'customers.get', { id: x, purpose: PURPOSE })).basics.grade).toBeNull();
    await t.ok(null, 'auth.login', { username: 'sun.qi', password: cm.password });
    expect((await t.ok(cm.session, 'customers.get', { id: x, purpose: PURPOSE })).basics.grade).toBe('A');
    const list = await t.ok(cm.session, 'evaluations.list', { customerId: x, purpose: PURPOSE });
    expect(list[0]).toMatchObject({ id, status: 'final', finalOn: '2026-11-10', grade: 'A', scoreText: '97.5' });
    seen = await w.get(cm.session, id);
    expect(seen.evaluation.history.at(-1)).toMatchObject({ kind: 'finalized', by: 'system', on: '2026-11-10', grade: 'A' });
    const history = await t.ok(cm.session, 'creditLimits.history', { customerId: x, purpose: PURPOSE });
    expect(history.changes).toHaveLength(1);
    expect(history.current).toMatchObject({ termDays: 90, since: '2026-11-10' });
    expect(history.changes[0]!.reason).toContain('97.5');
    const file = await t.ok(cm.session, 'customers.get', { id: x, purpose: PURPOSE });
    expect(file.basics.grade).toBe('A');
    // Reading again changes nothing more.
    await w.get(cm.session, id);
    expect((await t.ok(cm.session, 'creditLimits.history', { customerId: x, purpose: PURPOSE })).changes).toHaveLength(1);
    // A final evaluation cannot be finalized again.
    await w.refused(cm.session, 'evaluations.act', { evaluationId: id, action: { type: 'finalize' } }, 'CONFLICT', 'wrong_state');
  });

  it('lists reviews due by the grade cycle, overdue first, and puts a customer with a new litigation on it at once', async () => {
    const w = await evaluationWorld();
    const { t, am, cm } = w;
    const good = await w.customer('杭州西湖电子有限公司');
    const poor = await w.customer('南京长江建材有限公司');
    const never = await w.customer('苏州太湖纺织有限公司');
    await toPublished(w, good, ['A', 'A', 'A', 'B'], ['A', 'A', 'A', 'A']); // 97.5 A: a cycle of 6 months
    await toPublished(w, poor, ['D', 'D', 'D', 'D'], ['D', 'D', 'D', 'C']); // 42.5 D: a cycle of 3 months
    await w.later(10); // 2026-11-12: both final as of 2026-11-10 (the due list finalizes them)
    let due = await t.ok(cm.session, 'evaluations.due', { horizonDays: 0 });
    expect(due.map((d) => d.customer.id)).toEqual([never]);
    expect(due[0]).toMatchObject({ reasons: [{ reason: 'never_evaluated' }], dueOn: null, lastGrade: null });
    const graded = await t.ok(cm.session, 'evaluations.due', { horizonDays: 366 });
    const dueOn = Object.fromEntries(graded.map((d) => [d.customer.id, d.dueOn]));
    expect(dueOn).toEqual({ [good]: '2027-05-10', [poor]: '2027-02-10', [never]: null });

    // A litigation puts the good customer on the list at once, as an early review naming it.
    await t.ok(am.session, 'records.addCreditEvent', { customerId: good, kind: 'litigation', occurredOn: '2026-11-12', title: '买卖合同纠纷被诉', detail: null, amountFen: 50_000_00, source: null });
    due = await t.ok(cm.session, 'evaluations.due', { horizonDays: 0 });
    expect(due.map((d) => d.customer.id)).toEqual([good, never]);
    expect(due[0]).toMatchObject({ reasons: [{ reason: 'major_event', event: 'litigation', day: '2026-11-12' }], dueOn: '2027-05-10', lastGrade: 'A' });

    // 2027-02-20: the poor grade's shorter cycle is overdue by 10 days and comes first.
    await w.later(100);
    due = await t.ok(cm.session, 'evaluations.due', { horizonDays: 0 });
    expect(due.map((d) => d.customer.id)).toEqual([poor, good, never]);
    expect(due[0]).toMatchObject({ reasons: [{ reason: 'overdue', dueOn: '2027-02-10', days: 10 }], lastGrade: 'D' });
    // Within a horizon of 90 days the good customer's cycle is due too, after its early review.
    due = await t.ok(cm.session, 'evaluations.due', { horizonDays: 90 });
    expect(due.find((d) => d.customer.id === good)!.reasons).toEqual([
      { reason: 'major_event', event: 'litigation', day: '2026-11-12' },
      { reason: 'cycle_due', dueOn: '2027-05-10' },
    ]);
  });

  it('starts the year-end round for many customers at once as a job with progress, by list or by filter', async () => {
    const w = await evaluationWorld();
    const { t, am, sm, cm } = w;
    const ids: string[] = [];
    for (let i = 0; i < 60; i++) {
      const c = await w.customer(`年度评审客户${String(i).padStart(2, '0')}有限公司`);
      // Starting and cancelling an evaluation records the file's two managers.
      const started = await t.ok(sm.session, 'evaluations.start', { customerId: c, modelId: 'periodic_review', accountManagerId: am.user.id, serviceManagerId: sm.user.id });
      await w.act(sm.session, started.evaluation.id, { type: 'cancel', reason: '先登记经理' });
      ids.push(c);
    }
    const busy = ids[0]!;
    const open = await t.ok(sm.session, 'evaluations.start', { customerId: busy, modelId: 'periodic_review' });
    const noManagers = await w.customer('无经理客户有限公司');

    // The 客户经理 does not start the round.
    await w.refused(am.session, 'evaluations.startRoundJob', { jobId: randomUUID(), modelId: 'periodic_review', select: { by: 'list', customerIds: ids } }, 'FORBIDDEN');
    // An unknown customer: nothing is created.
    await w.refused(sm.session, 'evaluations.startRoundJob', { jobId: randomUUID(), modelId: 'periodic_review', select: { by: 'list', customerIds: [...ids, '0190a000-0000-7000-8000-0000000000ee'] } }, 'NOT_FOUND');

    // A round its owner cancels while it writes: nothing is kept.
    const cancelled = randomUUID();
    const running = t.host.call(sm.session, 'evaluations.startRoundJob', { jobId: cancelled, modelId: 'periodic_review', select: { by: 'list', customerIds: ids } });
    let seen: Output<'jobs.progress'> = null;
    for (let i = 0; i < 10_000 && !(seen?.phase === 'writing' && seen.done > 0); i++) {
      await new Promise(setImmediate);
      seen = await t.ok(sm.session, 'jobs.progress', { jobId: cancelled });
    }
    expect(seen).toMatchObject({ phase: 'writing', total: 59 });
    expect((await t.fail(am.session, 'jobs.cancel', { jobId: cancelled })).code).toBe('NOT_FOUND');
    expect(await t.ok(sm.session, 'jobs.cancel', { jobId: cancelled })).toBeNull();
    expect(await running).toMatchObject({ ok: false, error: { code: 'CONFLICT', details: { reason: 'cancelled' } } });
    expect(await t.ok(sm.session, 'jobs.progress', { jobId: cancelled })).toMatchObject({ phase: 'cancelled' });
    expect((await t.ok(cm.session, 'evaluations.list', { customerId: ids[7]!, purpose: PURPOSE })).map((e) => e.status)).toEqual(['cancelled']);

    // By filter: every ungraded customer; the one under way and the one without managers say why.
    const jobId = randomUUID();
    const round = await t.ok(sm.session, 'evaluations.startRoundJob', { jobId, modelId: 'periodic_review', select: { by: 'filter', grades: [null], departmentIds: null, dueWithinDays: null } });
    expect(round.created).toHaveLength(59);
    expect(round.skipped.sort((a, b) => a.reason.localeCompare(b.reason))).toEqual([
      { customerId: busy, reason: 'evaluation_in_progress', evaluationId: open.evaluation.id },
      { customerId: noManagers, reason: 'no_account_manager', evaluationId: null },
    ]);
    expect(await t.ok(sm.session, 'jobs.progress', { jobId })).toEqual({ phase: 'done', done: 59, total: 59 });
    // Each draft is a real evaluation from the file, visible to the credit manager.
    const one = await w.get(cm.session, round.created[5]!.evaluationId);
    expect(one.evaluation).toMatchObject({ status: 'draft', customerId: round.created[5]!.customerId, accountManager: am.user.id, serviceManager: sm.user.id });
    expect(one.header.customer_name).toMatch(/^年度评审客户/);

    // Again by list: everyone now has one under way; a customer chosen twice says so.
    const again = await t.ok(sm.session, 'evaluations.startRoundJob', { jobId: randomUUID(), modelId: 'periodic_review', select: { by: 'list', customerIds: [ids[1]!, ids[1]!] } });
    expect(again).toEqual({
      created: [],
      skipped: [
        { customerId: ids[1]!, reason: 'evaluation_in_progress', evaluationId: round.created.find((c) => c.customerId === ids[1])!.evaluationId },
        { customerId: ids[1]!, reason: 'chosen_twice', evaluationId: null },
      ],
    });
    // A filter that chooses nobody creates nothing.
    const nobody = await t.ok(sm.session, 'evaluations.startRoundJob', { jobId: randomUUID(), modelId: 'periodic_review', select: { by: 'filter', grades: ['A'], departmentIds: null, dueWithinDays: null } });
    expect(nobody).toEqual({ created: [], skipped: [] });
  });

  it('shows each customer\'s current grade with its scale in the customer list, and filters the list by grade', async () => {
    const w = await evaluationWorld();
    const { t, am, cm } = w;
    const good = await w.customer('杭州西湖电子有限公司');
    const poor = await w.customer('南京长江建材有限公司');
    const never = await w.customer('苏州太湖纺织有限公司');
    await toPublished(w, good, ['A', 'A', 'A', 'B'], ['A', 'A', 'A', 'A']); // 97.5 A
    await toPublished(w, poor, ['D', 'D', 'D', 'D'], ['D', 'D', 'D', 'C']); // 42.5 D
    // Published, not yet final: nobody has a grade yet.
    // Searching by grade is the credit department's (seed 000 查询权限).
    const names = async (criteria: Partial<Input<'customers.search'>>) => (await t.ok(cm.session, 'customers.search', criteria)).rows.map((r) => r.name);
    expect(await names({})).toHaveLength(3);
    expect(await names({ ungraded: true })).toEqual(await names({}));
    expect(await names({ grade: 'A' })).toEqual([]);
    await w.later(10); // final as of 2026-11-10
    await t.ok(cm.session, 'evaluations.due', { horizonDays: 0 });

    const all = await t.ok(am.session, 'customers.search', {});
    const row = (id: string) => all.rows.find((r) => r.id === id)!;
    expect(row(good)).toMatchObject({ grade: 'A', gradeScale: 'review_abcd', gradeSince: '2026-11-10' });
    expect(row(poor)).toMatchObject({ grade: 'D', gradeScale: 'review_abcd', gradeSince: '2026-11-10' });
    expect(row(never)).toMatchObject({ grade: null, gradeScale: null, gradeSince: null });

    expect(await names({ grade: 'A' })).toEqual(['杭州西湖电子有限公司']);
    expect(await names({ grade: 'A', gradeScale: 'review_abcd' })).toEqual(['杭州西湖电子有限公司']);
    // A of the 5C scale is another grade.
    expect(await names({ grade: 'A', gradeScale: 'aaa' })).toEqual([]);
    expect(await names({ grade: 'D', gradeScale: 'review_abcd' })).toEqual(['南京长江建材有限公司']);
    expect(await names({ ungraded: true })).toEqual(['苏州太湖纺织有限公司']);
    // With a text, the grade still filters (the fragment path of the search).
    expect(await names({ text: '有限', grade: 'D' })).toEqual(['南京长江建材有限公司']);
    expect(await names({ text: '西湖', ungraded: true })).toEqual([]);
    expect((await t.ok(cm.session, 'customers.search', { grade: 'D' })).total).toBe(1);
    // Outside the credit department a search by grade is refused (it would tell the grade).
    expect((await t.fail(am.session, 'customers.search', { grade: 'D' })).details).toMatchObject({ reason: 'criteriaNeedCreditDepartment' });
    expect((await t.fail(am.session, 'customers.search', { ungraded: true })).details).toMatchObject({ reason: 'criteriaNeedCreditDepartment' });

    // The filter offers the grades the archive holds, each with its scale.
    const facets = await t.ok(am.session, 'customers.facets', {});
    expect(facets.gradeScales).toEqual([
      { scale: 'review_abcd', grade: 'A' },
      { scale: 'review_abcd', grade: 'D' },
    ]);
    expect(facets.grades).toEqual(['A', 'D']);

    // Bad criteria are refused, with the field named.
    expect((await t.fail(am.session, 'customers.search', { ungraded: false })).code).toBe('VALIDATION');
    expect((await t.fail(am.session, 'customers.search', { grade: 'A', gradeScale: 'x'.repeat(41) })).code).toBe('VALIDATION');
  });

  it('places every scale on the crosswalk, the 5C model\'s alternative scales included, and saves it unchanged as a new version', async () => {
    const w = await evaluationWorld();
    const { t, cm, am } = w;
    const shown = await t.ok(am.session, 'evaluations.crosswalk', {});
    expect(shown.scales.map((s) => s.code).sort()).toEqual(['aaa', 'abc', 'abcd', 'admission', 'five_level', 'review_abcd']);
    // Every entry names a known grade: the crosswalk as it stands is valid and saves as v2.
    const saved = await t.ok(cm.session, 'evaluations.setCrosswalk', { ranks: shown.crosswalk.ranks, entries: shown.crosswalk.entries });
    expect(saved).toMatchObject({ version: 2, entries: shown.crosswalk.entries });
    // Moving 5C's B above its A contradicts the scale's own order: refused, nothing written.
    const contradicting = shown.crosswalk.entries.map((e) => (e.scale === 'abc' && e.grade === 'B' ? { ...e, rank: 1 } : e.scale === 'abc' && e.grade === 'A' ? { ...e, rank: 2 } : e));
    await w.refused(cm.session, 'evaluations.setCrosswalk', { ranks: shown.crosswalk.ranks, entries: contradicting }, 'CONFLICT', 'crosswalkInvalid');
    expect((await t.ok(am.session, 'evaluations.crosswalk', {})).crosswalk.version).toBe(2);

    // The 5C model takes seed 004's A/B/C scale with its policies: a valid draft, published as v2, already on the crosswalk.
    const fiveC = contentOf(await t.ok(cm.session, 'evaluations.model', { modelId: 'five_c' }));
    const draft = await t.ok(cm.session, 'evaluations.saveModelDraft', { modelId: 'five_c', content: { ...fiveC, scale: FIVE_C_SCALES.abc, policies: FIVE_C_POLICIES.abc } });
    expect(draft).toMatchObject({ version: 2, status: 'draft', scale: { code: 'abc' } });
    await t.ok(cm.session, 'evaluations.publishModel', { modelId: 'five_c', version: 2 });
    const after = await t.ok(am.session, 'evaluations.crosswalk', {});
    expect(after.scales.filter((x) => x.code === 'abc')).toHaveLength(1);
    expect(after.crosswalk.entries.filter((e) => e.scale === 'abc').map((e) => e.grade)).toEqual(['A', 'B', 'C']);
  });
});

describe('financial statements and the 5C model (seed 004)', () => {
  it('enters statements for a customer, computes the seven ratios from the latest, and feeds the 5C evaluation', async () => {
    const w = await evaluationWorld();
    const { t, am, sm, cm } = w;
    const x = await w.customer('武汉光谷材料有限公司');
    const yuan = (n: number) => Math.round(n * 100);
    const statement = {
      customerId: x,
      periodStart: '2025-01-01',
      periodEnd: '2025-12-31',
      totalAssetsFen: yuan(10_000_000),
      totalLiabilitiesFen: yuan(6_200_000),
      currentAssetsFen: yuan(4_800_000),
      inventoryFen: yuan(1_200_000),
      currentLiabilitiesFen: yuan(3_000_000),
      receivablesFen: yuan(1_500_000),
      revenueFen: yuan(12_000_000),
      costOfSalesFen: yuan(9_000_000),
      netProfitFen: yuan(900_000),
      openingReceivablesFen: yuan(1_100_000),
      openingInventoryFen: yuan(1_000_000),
      openingEquityFen: yuan(3_400_000),
      source: '2025 年度审计报告',
    };
    // A part larger than its whole, or a reader without the right: refused, nothing written.
    await w.refused(sm.session, 'evaluations.addFinancialStatement', { ...statement, inventoryFen: yuan(5_000_000) }, 'VALIDATION', 'statementInconsistent');
    await w.refused(sm.session, 'evaluations.addFinancialStatement', { ...statement, totalAssetsFen: -1 }, 'VALIDATION');
    // An older statement first, then the 2025 one; a statement of a period not yet over by the review day is left out.
    await t.ok(sm.session, 'evaluations.addFinancialStatement', { ...statement, periodStart: '2024-01-01', periodEnd: '2024-12-31', netProfitFen: yuan(-100_000) });
    const entered = await t.ok(sm.session, 'evaluations.addFinancialStatement', statement);
    await t.ok(sm.session, 'evaluations.addFinancialStatement', { ...statement, periodStart: '2026-01-01', periodEnd: '2026-12-31', totalLiabilitiesFen: yuan(9_000_000) });
    // Hand computation: 620/1000; 480/300; 360/300; 365 × 130/1200; 365 × 110/900; 90/1200; 90/360.
    expect(entered).toMatchObject({
      equityFen: yuan(3_800_000),
      enteredBy: { displayName: '孙丽' },
      source: '2025 年度审计报告',
      ratios: { debt_ratio: 62, current_ratio: 1.6, quick_ratio: 1.2, receivables_turnover_days: 39.54, inventory_turnover_days: 44.61, sales_margin: 7.5, return_on_equity: 25 },
    });
    const listed = await t.ok(cm.session, 'evaluations.financialStatements', { customerId: x, purpose: PURPOSE });
    expect(listed.map((s) => s.periodEnd)).toEqual(['2026-12-31', '2025-12-31', '2024-12-31']);
    expect(listed[2]!.ratios.sales_margin).toBe(-0.83);

    const started = await t.ok(sm.session, 'evaluations.start', { customerId: x, modelId: 'five_c', accountManagerId: am.user.id, serviceManagerId: sm.user.id });
    expect(started.evaluation.values).toMatchObject({
      debt_ratio: { value: 62, source: 'archive' },
      current_ratio: { value: 1.6, source: 'archive' },
      quick_ratio: { value: 1.2, source: 'archive' },
      receivables_turnover_days: { value: 39.54, source: 'archive' },
      inventory_turnover_days: { value: 44.61, source: 'archive' },
      sales_margin: { value: 7.5, source: 'archive' },
      return_on_equity: { value: 25, source: 'archive' },
    });
    // The reviewers rate the five Cs; the ratios score by the model's bands: 4 + 6 + 6 + 8 + 6 + 5 + 7 = 42.
    const fiveC = { character: 'A', capacity: 'B', capital: 'B', collateral: 'C', conditions: 'A' }; // 10 + 7 + 7 + 4 + 10 = 38
    for (const p of [am, sm]) {
      await w.act(p.session, started.evaluation.id, { type: 'save_sheet', ratings: fiveC });
      await w.act(p.session, started.evaluation.id, { type: 'submit_sheet' });
    }
    const seen = await w.get(cm.session, started.evaluation.id);
    const points = Object.fromEntries(seen.explanation!.items.map((i) => [i.item, i.points.num / i.points.den]));
    expect(points).toMatchObject({ debt_ratio: 4, current_ratio: 6, quick_ratio: 6, receivables_turnover_days: 8, inventory_turnover_days: 6, sales_margin: 5, return_on_equity: 7 });
    expect(seen.explanation!.scoreText).toBe('80.0');
  });
});

describe('the new-customer review (seed 003 appendix 1)', () => {
  it('ticks the qualifications from the file, attaches documents of the file only, and admits the customer with the starting limit and term', async () => {
    const w = await evaluationWorld();
    const { t, am, sm, cm } = w;
    const x = await w.customer('深圳前海新材料科技有限公司');
    const other = await w.customer('东莞其他客户有限公司');
    for (const kind of ['business_licence', 'tax_registration', 'organisation_code', 'iso9000'] as const) {
      await t.ok(am.session, 'records.addQualification', { customerId: x, kind, number: `${kind}-001`, issuer: '市场监督管理局', level: null, validFrom: '2025-01-01', validTo: '2028-12-31' });
    }
    const doc = (customerId: string, title: string) =>
      t.ok(am.session, 'documents.add', { customerId, category: 'credit_application', title, archiveNo: null, retention: '30y', confidentiality: 'normal', file: { name: `${title}.pdf`, mime: 'application/pdf', contentBase64: SAMPLE_PDF_BASE64 }, location: null });
    const licence = await doc(x, '营业执照副本');
    const agreement = await doc(x, '合作框架协议');
    const foreign = await doc(other, '其他客户的材料');

    // The 客服经理 does not start a new customer's review; its 客户经理 does.
    await w.refused(sm.session, 'evaluations.start', { customerId: x, modelId: 'new_customer', accountManagerId: am.user.id, serviceManagerId: sm.user.id }, 'FORBIDDEN', 'not_permitted');
    const started = await t.ok(am.session, 'evaluations.start', { customerId: x, modelId: 'new_customer', accountManagerId: am.user.id, serviceManagerId: sm.user.id });
    const id = started.evaluation.id;
    expect(started.evaluation).toMatchObject({ kind: 'new_customer_review', attachments: [] });
    expect(started.evaluation.values).toMatchObject({
      qualification_business_licence: { value: 1, source: 'archive' },
      qualification_iso9000: { value: 1, source: 'archive' },
      qualification_special_permit: { value: 0, source: 'archive' },
      years_in_business: null,
    });

    // Attachments are documents of this customer's file, nothing else.
    await w.refused(am.session, 'evaluations.act', { evaluationId: id, action: { type: 'set_attachments', documents: [licence.id, foreign.id] } }, 'VALIDATION', 'attachmentNotOnFile');
    await w.refused(am.session, 'evaluations.act', { evaluationId: id, action: { type: 'set_attachments', documents: ['0190a000-0000-7000-8000-0000000000ee'] } }, 'VALIDATION', 'attachmentNotOnFile');
    const attached = await w.act(am.session, id, { type: 'set_attachments', documents: [licence.id, agreement.id, licence.id] });
    expect(attached.evaluation.attachments).toEqual([licence.id, agreement.id]);
    expect(attached.evaluation.history.at(-1)).toMatchObject({ kind: 'attachments_set', by: am.user.id });

    // 经营年限 is not on file: entered by a reviewer and marked so.
    await w.act(am.session, id, { type: 'set_value', item: 'years_in_business', value: 8 });
    for (const p of [am, sm]) {
      await w.act(p.session, id, { type: 'save_sheet', ratings: { payment_capability: 'strong', related_business: 'none' }, opinion: '资质齐全，建议准入' });
      await w.act(p.session, id, { type: 'submit_sheet' });
    }
    // A submitted reviewer no longer changes the attachments; the credit manager still may.
    await w.refused(am.session, 'evaluations.act', { evaluationId: id, action: { type: 'set_attachments', documents: [licence.id] } }, 'CONFLICT', 'sheet_submitted');
    const seen = await w.get(cm.session, id);
    // 10 + 5 + 5 + 5 (qualifications) + 12 (8 years) + 15 + 7 + 15 (no bad record) = 74 → 准入.
    expect(seen.explanation).toMatchObject({ scoreText: '74.0', grade: { code: 'admit' } });
    const consolidated = await w.act(cm.session, id, { type: 'consolidate', override: null });
    expect(consolidated.evaluation.decisions[0]!.policy).toMatchObject({ starting: true, limitFen: 100_000_00, termDays: 30 });
    const chain = await t.ok(t.admin, 'approvals.get', { id: consolidated.chain!.chainId });
    expect(chain.chain.kind).toBe('new_customer_review');
    expect((chain.content as { attachments?: string[] }).attachments).toEqual([agreement.id, licence.id].sort());
    await w.approveChain(consolidated.chain!.chainId);
    await w.later(10);
    const final = await w.get(cm.session, id);
    expect(final.evaluation.status).toBe('final');
    const history = await t.ok(cm.session, 'creditLimits.history', { customerId: x, purpose: PURPOSE });
    expect(history.current).toMatchObject({ limitFen: 100_000_00, termDays: 30 });
    expect((await t.ok(cm.session, 'customers.get', { id: x, purpose: PURPOSE })).basics.grade).toBe('admit');
  });
});
