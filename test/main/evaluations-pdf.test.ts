import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { allAudit, useTempDirs, creditAuditor } from './helpers';
import { expectSubsetFont, readPdf, renderPage, renderPage1, squash } from './pdf-read';
import { SAMPLE_PDF_BASE64 } from './samples';
import { PURPOSE, evaluationWorld, rate } from './evaluations-world';

// The 评审表 of issue 9 item 6 as a PDF, through the host: printed like the paper forms of
// seed 003, read back with poppler (pdftotext, pdffonts, pdftoppm) as a person opening the
// saved file would see it.

const temp = useTempDirs();
describe('the evaluation form as a PDF (评审表, seed 003)', () => {
  it('prints the periodic 客户信用评审表: header, each reviewer’s ratings, average 80.0, grade B 良好, opinions and approvals; subset font; refused to who may not read it; on record', async () => {
    const w = await evaluationWorld(temp);
    const { t, am, sm, cm } = w;
    const customerId = await w.customer('广州南方重工有限公司');
    await w.yearOfSales(customerId);

    const started = await t.ok(sm.session, 'evaluations.start', { customerId, modelId: 'periodic_review', accountManagerId: am.user.id, serviceManagerId: sm.user.id });
    const id = started.evaluation.id;
    const recordNo = started.header.record_no!;
    await w.act(am.session, id, { type: 'save_sheet', ratings: rate(['A', 'B', 'C', 'D']), opinion: '回款略慢，配合度有待提高' });
    await w.act(am.session, id, { type: 'submit_sheet' });

    // The 客服经理 has not submitted: their print holds their own sheet only, never the other's ratings or opinion.
    const early = readPdf(temp, await t.ok(sm.session, 'evaluations.exportPdf', { evaluationId: id, purpose: PURPOSE }), 'early');
    expect(early.text).toContain('客服经理评审');
    expect(early.text).not.toContain('回款略慢');
    expect(squash(early.text)).toContain('已提交（提交本人评分表后可见）');

    await w.act(sm.session, id, { type: 'save_sheet', ratings: rate(['A', 'A', 'B', 'B']), opinion: '合作稳定' });
    await w.act(sm.session, id, { type: 'submit_sheet' });
    await w.act(cm.session, id, { type: 'settle_item', item: 'coordination', note: '客服经理日常接触较多，以其意见为准' });
    const consolidated = await w.act(cm.session, id, { type: 'consolidate', override: null });
    await w.approveChain(consolidated.chain!.chainId);
    expect((await w.get(cm.session, id)).evaluation.status).toBe('published');

    const exported = await t.ok(cm.session, 'evaluations.exportPdf', { evaluationId: id, purpose: PURPOSE });
    expect(exported.mime).toBe('application/pdf');
    expect(exported.fileName).toBe(`客户信用评审表-广州南方重工有限公司-${recordNo}.pdf`);
    const bytes = Buffer.from(exported.contentBase64, 'base64');
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(exported.sha256);
    const pdf = readPdf(temp, exported, 'periodic');
    expect(pdf.pages).toBe(exported.pages);
    const text = squash(pdf.text);

    // The header of the paper form, filled from the file.
    for (const words of ['客户信用评审表', '记录编号', recordNo, '评审日期', '2026-11-02', '客户名称', '广州南方重工有限公司', '客服经理', '孙丽', '客户经理', '张三', '合同金额', '¥1,500,000.00', '累计已收款额', '¥800,000.00']) {
      expect(text, words).toContain(words);
    }
    expect(text).toContain('■ 销售类');
    expect(text).toContain('□ 租赁类');
    // Each reviewer's ratings, 评价 and 得分 per item, and their total; the average to one decimal; the grade.
    expect(text).toMatch(/客户经理评审\s+A 25 B 20 C 15 D 10 70\.0\s+张三/);
    expect(text).toMatch(/客服经理评审\s+A 25 A 25 B 20 B 20 90\.0\s+孙丽/);
    expect(text).toMatch(/平均总得分 80\.0/);
    expect(text).toMatch(/判定级别 B 良好（一般合作机会）/);
    expect(text).toContain('90–100 分为 A 级优秀，可增加合作机会');
    // Every opinion: the reviewers', the settlement, the credit manager's decision, the approvers'.
    for (const words of ['回款略慢，配合度有待提高', '合作稳定', '客服经理日常接触较多，以其意见为准', '信用额度', '¥200,000.00', '60 天']) {
      expect(text, words).toContain(words);
    }
    // The approval timeline: every step, who approved and their opinion, and the departments' opinion fields.
    for (const [step, approver] of [
      ['部门经理', '李四'],
      ['协办部门', '周一'],
      ['法律事务', '郑二'],
      ['综合部经理', '王三'],
      ['计划财务部', '周八'],
      ['营销中心副总', '冯五'],
      ['总经理', '吴九'],
    ]) {
      expect(text, approver).toMatch(new RegExp(`${step} ${approver} 同意 同意 2026-11-02`));
      expect(text, approver).toContain(`签字：${approver} 2026-11-02`);
    }
    expect(text).toContain('审批流程（第 1 轮：已通过）');
    expect(text).toContain('部门经理评审意见');
    expect(text).toContain('公司领导评审意见');
    expect(text).toMatch(/开始公示/);
    // The rating reference of the paper form.
    expect(text).toContain('回款速度等级：A（25分）提前支付；B（20分）按照合同支付；C（15分）慢于合同约定');
    // Page numbers and who exported it.
    expect(text).toMatch(new RegExp(`第\\s*1\\s*页\\s*/\\s*共\\s*${exported.pages}\\s*页`));
    expect(text).toContain('导出：孙七');

    // The Chinese font is embedded, as a subset of the glyphs used; nothing else is.
    expectSubsetFont(pdf.fonts);
    expect(bytes.length).toBeLessThan(400_000);

    const png = renderPage1(pdf.file, 'evaluation-pdf-periodic-page1');
    renderPage(pdf.file, 'evaluation-pdf-periodic-page2', 2);
    expect(statSync(png).size).toBeGreaterThan(20_000);
    expect(readFileSync(png).subarray(1, 4).toString('latin1')).toBe('PNG');

    // Who may not read the evaluation (an approver without customers.read) is refused.
    const legal = w.chainPeople[2]!;
    const refused = await t.fail(legal.session, 'evaluations.exportPdf', { evaluationId: id, purpose: PURPOSE });
    expect(refused.code).toBe('FORBIDDEN');
    // Bad input: a clear VALIDATION, nothing exported.
    expect((await t.fail(cm.session, 'evaluations.exportPdf', { evaluationId: id })).code).toBe('VALIDATION');
    expect((await t.fail(cm.session, 'evaluations.exportPdf', { evaluationId: '0190a000-0000-7000-8000-0000000000ee', purpose: PURPOSE })).code).toBe('NOT_FOUND');

    // The export is on record: its own action, the evaluation, the purpose, and the hash of what was handed out.
    const audit = (await allAudit(t, await creditAuditor(t, t.admin))).filter((e) => e.action === 'evaluations.exportPdf');
    const mine = audit.filter((e) => e.outcome === 'ok' && e.userId === cm.user.id);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ target: `evaluation:${id}`, purpose: PURPOSE, details: { customerId, recordNo, pages: exported.pages, bytes: bytes.length, sha256: exported.sha256 } });
    expect(audit.filter((e) => e.outcome === 'denied' && e.userId === legal.user.id)).toHaveLength(1);
  });

  it('prints the 新增客户信用评审表: particulars, the qualification checklist, the risk features, the managers’ opinions and the new-customer chain', async () => {
    const w = await evaluationWorld(temp);
    const { t, am, sm, cm } = w;
    const customerId = await w.customer('深圳前海新创科技有限公司');
    await t.ok(am.session, 'records.addQualification', { customerId, kind: 'business_licence', number: '91440300MA5XXXXX1', issuer: '深圳市市场监督管理局', level: null, validFrom: '2016-05-01', validTo: '2036-04-30' });
    await t.ok(am.session, 'records.addQualification', { customerId, kind: 'iso9000', number: 'ISO-9001-2024', issuer: '中国质量认证中心', level: null, validFrom: '2024-01-01', validTo: '2027-01-01' });

    const started = await t.ok(am.session, 'evaluations.start', { customerId, modelId: 'new_customer', accountManagerId: am.user.id, serviceManagerId: sm.user.id });
    const id = started.evaluation.id;
    await w.act(am.session, id, { type: 'save_sheet', ratings: { payment_capability: 'strong', related_business: 'none' }, opinion: '注册资金充足，建议准入' });
    await w.act(am.session, id, { type: 'submit_sheet' });
    await w.act(sm.session, id, { type: 'save_sheet', ratings: { payment_capability: 'fair', related_business: 'none' }, opinion: '同意准入，按起始额度合作' });
    await w.act(sm.session, id, { type: 'submit_sheet' });
    // 经营年限 is not on file: the credit manager enters it (marked entered).
    await w.act(cm.session, id, { type: 'set_value', item: 'years_in_business', value: 10 });
    const consolidated = await w.act(cm.session, id, { type: 'consolidate', override: null });
    expect(consolidated.chain).not.toBeNull();
    await w.approveChain(consolidated.chain!.chainId);

    const exported = await t.ok(cm.session, 'evaluations.exportPdf', { evaluationId: id, purpose: PURPOSE });
    const pdf = readPdf(temp, exported, 'new-customer');
    const text = squash(pdf.text);
    for (const words of ['新增客户信用评审表', '记录编号', '深圳前海新创科技有限公司', '企业性质', '民营企业', '注册资金', '¥10,000,000.00', '开户银行 / 帐号', '招商银行上海分行 6225880212345678', '法人代表', '钱一']) {
      expect(text, words).toContain(words);
    }
    // The qualification checklist, ticked from the file; the risk features; each manager's ratings.
    expect(text).toMatch(/有效\s+营业执照 ■ ?有 10 ?\/ ?10\s+91440300MA5XXXXX1，有效期至 2036-04-30/);
    expect(text).toMatch(/税务登记 □ ?无 无或已过期 0 ?\/ ?5/);
    expect(text).toMatch(/有效\s+ISO9000 认证 ■ ?有 5 ?\/ ?5\s+ISO-9001-2024，有效期至 2027-01-01/);
    expect(text).toMatch(/经营年限 10 年（录入） 10 年以上 15 ?\/ ?15/);
    expect(text).toContain('交易风险特征');
    expect(text).toContain('张三：强：资金充足，付款有保障（15）');
    expect(text).toContain('孙丽：较强：资金较充足（11）');
    // The managers' opinions in their fields of the form, and the approvals of the new-customer chain.
    expect(text).toMatch(/注册资金充足，建议准入\s+客户经理意见\s+签字：张三 2026-11-02/);
    expect(text).toMatch(/同意准入，按起始额度合作\s+客服经理意见\s+签字：孙丽 2026-11-02/);
    expect(text.split('注册资金充足，建议准入')).toHaveLength(2);
    const grade = consolidated.evaluation.decisions[0]!.grade;
    const label = consolidated.model.scale.grades.find((g) => g.code === grade)!.label['zh-CN'];
    // Graded on the exact score: 15 (qualifications) + 15 + 13 + 7 + 15 = 65 → 有条件准入, with the starting limit and term.
    expect(grade).toBe('conditional');
    expect(text).toMatch(/总得分 65\.0/);
    expect(text).toContain(`判定级别 ${label}（`);
    expect(text).toContain('¥30,000.00');
    expect(text).toContain('（起始）');
    for (const approver of ['李四', '郑二', '王三', '周八', '冯五', '吴九']) expect(text, approver).toContain(`签字：${approver}`);
    expect(text).toContain('审批流程（第 1 轮：已通过）');
    expectSubsetFont(pdf.fonts);
    renderPage1(pdf.file, 'evaluation-pdf-new-customer-page1');
  });
  it('prints every round: the upheld objection with its evidence and answer, both decisions and both approval chains, and the result once final', async () => {
    const w = await evaluationWorld(temp);
    const { t, am, sm, cm } = w;
    const customerId = await w.customer('广州南方重工有限公司');
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
    const id = (await t.ok(sm.session, 'evaluations.start', { customerId, modelId: 'periodic_review', accountManagerId: am.user.id, serviceManagerId: sm.user.id })).evaluation.id;
    await w.act(am.session, id, { type: 'save_sheet', ratings: rate(['A', 'B', 'C', 'D']), opinion: '回款略慢，配合度有待提高' });
    await w.act(am.session, id, { type: 'submit_sheet' });
    await w.act(sm.session, id, { type: 'save_sheet', ratings: rate(['A', 'A', 'B', 'B']), opinion: '合作稳定' });
    await w.act(sm.session, id, { type: 'submit_sheet' });
    await w.act(cm.session, id, { type: 'settle_item', item: 'coordination', note: '以客服经理意见为准' });
    await w.approveChain((await w.act(cm.session, id, { type: 'consolidate', override: null })).chain!.chainId);
    const objected = await w.act(am.session, id, { type: 'enter_objection', items: ['payment_speed', 'coordination'], reasons: '客户已提前付清货款，配合度评价有误', evidence: [evidence.id], learnedOn: null });
    await w.act(cm.session, id, { type: 'answer_objection', objectionId: objected.evaluation.objections[0]!.id, upheld: true, answer: '经核实付款凭证，回款速度与配合程度重新评审' });
    await w.act(am.session, id, { type: 'save_sheet', ratings: { payment_speed: 'A', coordination: 'A' } });
    await w.act(am.session, id, { type: 'submit_sheet' });
    await w.act(sm.session, id, { type: 'save_sheet', ratings: { payment_speed: 'A', coordination: 'A' } });
    await w.act(sm.session, id, { type: 'submit_sheet' });
    await w.approveChain((await w.act(cm.session, id, { type: 'consolidate', override: null })).chain!.chainId);
    await w.later(10);
    expect((await w.get(cm.session, id)).evaluation.status).toBe('final');

    const read = readPdf(temp, await t.ok(cm.session, 'evaluations.exportPdf', { evaluationId: id, purpose: PURPOSE }), 'rounds');
    const text = squash(read.text);
    expect(text).toMatch(/状态：已生效/);
    // The sheets as they stand now (张三 A, A, C, A = 90; 孙丽 A, A, B, A = 95), the average 92.5 → A 优秀.
    expect(text).toMatch(/客户经理评审\s+A 25 A 25 C 15 A 25 90\.0/);
    expect(text).toMatch(/客服经理评审\s+A 25 A 25 B 20 A 25 95\.0/);
    expect(text).toMatch(/平均总得分 92\.5/);
    expect(text).toMatch(/判定级别 A 优秀（可增加合作机会）/);
    expect(text).toContain('信用管理部门评定（第 2 轮）');
    expect(text).toContain('¥300,000.00');
    // The objection: the items, the reasons, the evidence by its title and 档号, and the answer.
    expect(text).toContain('异议项目：回款速度、配合程度');
    expect(text).toContain('理由：客户已提前付清货款，配合度评价有误');
    expect(text).toContain(`证明材料：付款凭证（${evidence.archiveNo}）`);
    expect(text).toContain('异议成立：经核实付款凭证，回款速度与配合程度重新评审');
    expect(text).toContain('异议（2026-11-02）：成立');
    // Both approval chains and both publications, and the course to final.
    expect(text).toContain('审批流程（第 1 轮：已通过）');
    expect(text).toContain('审批流程（第 2 轮：已通过）');
    expect(text).toContain('第 1 轮公示');
    expect(text).toContain('第 2 轮公示');
    for (const step of ['登记异议', '异议成立', '重新评审异议项目', '结果生效']) expect(text, step).toContain(step);
    expectSubsetFont(read.fonts);
  });
});
