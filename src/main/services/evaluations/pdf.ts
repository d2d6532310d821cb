import type { EvaluationDetail } from '../../../shared/contract/evaluations';
import { timeline as chainTimeline, type Timeline, type TimelineDecision } from '../../../shared/domain/approvals';
import { ENTERPRISE_NATURE_ZH, SERVICE_TYPE_ZH, SERVICE_TYPES } from '../../../shared/domain/customers';
import { dayOf } from '../../../shared/domain/receivables';
import { EVALUATION_HISTORY_TEXTS, EVALUATION_STATUS_TEXTS, OBJECTION_GROUND_TEXTS, REVIEWER_ORIGIN_TEXTS } from '../../../shared/domain/evaluations/texts';
import type { ScoringModel } from '../../../shared/domain/scoring';
import { HEADER_FIELD_TEXTS, MEASURE_TEXTS } from '../../../shared/domain/scoring/texts';
import { approvalsZhCN } from '../../../shared/messages/approvals.zh-CN';
import { PaperDocument, pdfDay, pdfMoment, pdfMoney, type Cell } from '../../pdf';
import type { Actor } from '../../host/handler';
import { loadChain } from '../approvals/chains';
import { detailOf, type Db } from './store';

// The 评审表 of an evaluation as a PDF, laid out like the paper forms of seed 003: the
// 客户信用评审表 (appendix 2: header, the reviewers' ratings per item with the average and
// the grade, the departments' opinions, the rating reference) and the 新增客户信用评审表
// (appendix 1: particulars, the qualification checklist, the transaction-risk features,
// the managers' opinions and the approvals). Other models print the same way: their
// header fields, their items, their opinions. The evaluation is the one the caller may
// see (evaluations.get's detail): a sheet hidden from the caller is not printed.

export interface EvaluationPrint {
  detail: EvaluationDetail;
  /** The approval chains of the evaluation, one per decision round, oldest first. */
  chains: { round: number; timeline: Timeline }[];
  /** Display names of everyone the chains and the evaluation name. */
  names: ReadonlyMap<string, string>;
  /** Titles of the documents an objection names as evidence. */
  documents: ReadonlyMap<string, { title: string; archiveNo: string }>;
  /** The customer's qualifications on file by kind (number and validity), for the checklist. */
  qualifications: ReadonlyMap<string, { number: string | null; validTo: string | null }>;
  printedBy: string;
  printedAt: Date;
  fontPath: string;
}

/** What the form prints, read in the caller's transaction: the detail as the caller may see it, its chains and the names. */
export async function loadEvaluationPrint(db: Db, evaluationId: string, actor: Actor, now: Date, fontPath: string): Promise<EvaluationPrint> {
  const detail = await detailOf(db, evaluationId, actor, now);
  const links = await db.selectFrom('evaluation_chains').select(['chain_id', 'round']).where('evaluation_id', '=', evaluationId).orderBy('round').execute();
  const chains: EvaluationPrint['chains'] = [];
  for (const link of links) {
    const chain = await loadChain(db, link.chain_id);
    chains.push({ round: link.round, timeline: chainTimeline(chain.definition, chain.state, dayOf(now)) });
  }
  const ids = new Set<string>([actor.userId, ...detail.people.map((p) => p.id)]);
  for (const { timeline } of chains) {
    for (const step of timeline.steps) {
      for (const seat of step.seats) ids.add(seat.userId);
      for (const d of step.decisions) ids.add(d.actorId).add(d.principalId);
    }
  }
  const users = await db.selectFrom('users').select(['id', 'display_name']).where('id', 'in', [...ids]).execute();
  const evidence = detail.evaluation.objections.flatMap((o) => o.evidence);
  const docs = evidence.length ? await db.selectFrom('documents').select(['id', 'title', 'archive_no']).where('id', 'in', evidence).execute() : [];
  const names = new Map(users.map((u) => [u.id, u.display_name]));
  const qualifications = await db
    .selectFrom('qualifications')
    .select(['kind', 'number', 'valid_to'])
    .where('customer_id', '=', detail.customer.id)
    .where('voided_at', 'is', null)
    .orderBy('valid_to')
    .execute();
  return {
    qualifications: new Map(qualifications.map((q) => [q.kind, { number: q.number, validTo: q.valid_to }])),
    detail,
    chains,
    names,
    documents: new Map(docs.map((d) => [d.id, { title: d.title, archiveNo: d.archive_no }])),
    printedBy: names.get(actor.userId) ?? actor.username,
    printedAt: now,
    fontPath,
  };
}

const zh = (text: { 'zh-CN': string }) => text['zh-CN'];
/** A letter grade or level (A, B, AAA) is printed with its words; a code in words (admit) only as its words. */
const lettered = (code: string) => /^[A-Z]{1,3}$/.test(code);
const gradeWords = (model: ScoringModel, code: string) => {
  const grade = model.scale.grades.find((g) => g.code === code);
  return grade ? (lettered(grade.code) ? `${grade.code} ${zh(grade.label)}` : zh(grade.label)) : code;
};

/** Which approval step fills which opinion field of the paper form. */
const OPINION_STEPS: Record<string, string> = {
  department_manager: 'dept_manager',
  cooperating_department: 'co_department',
  legal: 'legal',
  general_affairs: 'general_affairs_manager',
  finance: 'finance_manager',
  marketing_vp: 'marketing_vp',
  general_manager: 'general_manager',
};
/** Header fields that take the whole width of the form. */
const WIDE_FIELDS = new Set(['customer_name', 'bank_account', 'service_type', 'business_content', 'payment_summary']);

const label = (text: string, span = 1): Cell => ({ text, label: true, span });
const value = (text: string | null | undefined, span = 1, extra: Partial<Cell> = {}): Cell => ({ text: text ?? '', span, ...extra });
const checkbox = (checked: boolean, text: string) => `${checked ? '■' : '□'} ${text}`;

function headerValue(field: string, raw: string | null | undefined): string {
  // 服务类型 ticked among the four of the paper form; 企业性质 in words (the header keeps the file's codes).
  if (field === 'service_type') return SERVICE_TYPES.map((code) => checkbox(raw === code, SERVICE_TYPE_ZH[code])).join('　　');
  if (field === 'enterprise_nature') return raw ? (ENTERPRISE_NATURE_ZH[raw as keyof typeof ENTERPRISE_NATURE_ZH] ?? raw) : '';
  if (field === 'contract_years') return raw ? `${raw} 年` : '';
  return raw ?? '';
}

/** Prints the evaluation; resolves to the PDF's bytes and its number of pages. */
export async function evaluationPdf(print: EvaluationPrint): Promise<{ bytes: Buffer; pages: number }> {
  const { detail } = print;
  const { evaluation, model, header, explanation } = detail;
  const name = (id: string | null | undefined) => (id ? (print.names.get(id) ?? id) : '');
  const recordNo = header.record_no ?? '';
  const pdf = new PaperDocument({
    fontPath: print.fontPath,
    title: `${zh(model.name)} ${detail.customer.name}`,
    subject: `${zh(model.name)} ${recordNo}`,
    createdAt: print.printedAt,
    footer: `${zh(model.name)}　记录编号 ${recordNo}　导出：${print.printedBy} ${pdfMoment(print.printedAt)}`,
  });

  pdf.title(zh(model.name));
  pdf.paragraph(`评分模型：${zh(model.name)} 第 ${model.version} 版　　状态：${zh(EVALUATION_STATUS_TEXTS[evaluation.status])}${evaluation.finalOn ? `（${evaluation.finalOn} 生效）` : ''}`, {
    align: 'right',
    size: 8.5,
    color: '#555555',
    gap: 4,
  });

  // ---- the header of the form, two fields a row (the wide ones alone)
  const rows: Cell[][] = [];
  let pending: Cell[] = [];
  for (const field of model.header) {
    const text = headerValue(field, header[field]);
    if (WIDE_FIELDS.has(field)) {
      if (pending.length) rows.push([pending[0]!, { ...pending[1]!, span: 3 }]);
      pending = [];
      rows.push([label(zh(HEADER_FIELD_TEXTS[field])), value(text, 3)]);
    } else {
      pending.push(label(zh(HEADER_FIELD_TEXTS[field])), value(text));
      if (pending.length === 4) {
        rows.push(pending);
        pending = [];
      }
    }
  }
  if (pending.length) rows.push([pending[0]!, { ...pending[1]!, span: 3 }]);
  pdf.grid(rows, { columns: [1.15, 2, 1.15, 2], minRowHeight: 22 });

  const visible = evaluation.sheets;
  const origin = (reviewer: string) => evaluation.reviewers.find((r) => r.userId === reviewer)?.origin ?? 'added';
  const reviewerLabel = (reviewer: string) => `${zh(REVIEWER_ORIGIN_TEXTS[origin(reviewer)])}评审`;
  const totalOf = (reviewer: string) => explanation?.reviewerTotals.find((t) => t.reviewer === reviewer)?.totalText ?? '—';
  const rated = model.items.filter((i) => i.kind === 'rated');
  const decision = evaluation.decisions.at(-1) ?? null;
  const gradeText = (code: string | null | undefined) => {
    const grade = model.scale.grades.find((g) => g.code === code);
    return grade ? `${gradeWords(model, grade.code)}（${zh(grade.meaning)}）` : '—';
  };
  const decidedGrade = decision?.grade ?? explanation?.grade.code ?? null;
  const average = decision?.scoreText ?? explanation?.scoreText ?? '—';
  const hiddenNote = evaluation.hiddenSheets.length
    ? `另有 ${evaluation.hiddenSheets.length} 份评分表${evaluation.hiddenSheets.some((h) => !h.submitted) ? '尚未提交' : ''}，在您提交本人评分表前不予显示。`
    : '';

  // ---- the ratings
  const marketOpinion = model.opinions.find((o) => o.code === 'market_department');
  if (rated.length === model.items.length) {
    // 客户信用评审表: one row per reviewer, 评价 and 得分 for each item, the total; then the average and the grade.
    pdf.heading(marketOpinion ? zh(marketOpinion.label) : '评审评分');
    const columns = [1.3, ...rated.flatMap(() => [0.8, 0.5]), 0.7];
    const span = columns.length - 1;
    const head: Cell[] = [label('评审部门'), ...rated.flatMap((item) => [label(`${zh(item.label)}\n评价`), label('得分')]), label('总分')];
    const body: Cell[][] = visible.map((sheet) => [
      { text: reviewerLabel(sheet.reviewer), label: true, note: name(sheet.reviewer) },
      ...rated.flatMap((item): Cell[] => {
        const option = item.options.find((o) => o.code === sheet.ratings[item.code]);
        return [value(option?.code ?? '', 1, { align: 'center' }), value(option ? String(option.points) : '', 1, { align: 'center' })];
      }),
      value(totalOf(sheet.reviewer), 1, { align: 'center' }),
    ]);
    for (const hidden of evaluation.hiddenSheets) body.push([{ text: reviewerLabel(hidden.reviewer), label: true, note: name(hidden.reviewer) }, value(hidden.submitted ? '已提交（提交本人评分表后可见）' : '尚未提交', span, { align: 'center' })]);
    body.push([label('平均总得分'), value(average, span, { align: 'center', size: 11 })]);
    body.push([label('判定级别'), value(gradeText(decidedGrade), span, { align: 'center', size: 11 })]);
    pdf.grid([head, ...body], { columns, repeat: [head], minRowHeight: 24 });
    pdf.paragraph(`注：${scaleNote(model)}`, { size: 8.5 });
  } else {
    // Items by group, each with its value or the reviewers' ratings, the band or option's words, and the points.
    const groups = [...new Set(model.items.map((i) => i.group))];
    const head: Cell[] = [label('评审项目'), label('情况'), label('依据'), label('得分 / 满分')];
    const body: Cell[][] = [];
    for (const group of groups) {
      if (group !== null && model.groups[group]) body.push([label(zh(model.groups[group]), 4)]);
      for (const item of model.items.filter((i) => i.group === group)) {
        const x = explanation?.items.find((e) => e.item === item.code);
        const points = x ? `${fraction(x.points)} / ${x.max}` : '—';
        if (item.kind === 'computed') {
          const v = evaluation.values[item.code] ?? null;
          const shown = v === null ? '待录入' : item.unit === 'flag' ? checkbox(v.value >= 1, v.value >= 1 ? '有' : '无') : valueText(v.value, item.unit);
          const band = item.bands.find((b) => v !== null && (b.from === null || v.value >= b.from) && (b.to === null || v.value < b.to));
          // A qualification of the checklist: its number and validity as on file.
          const held = item.indicator.startsWith('qualification_') ? print.qualifications.get(item.indicator.slice('qualification_'.length)) : undefined;
          const onFile = held ? [held.number, held.validTo ? `有效期至 ${held.validTo}` : '长期有效'].filter(Boolean).join('，') : '';
          body.push([
            label(zh(item.label)),
            value(`${shown}${v?.source === 'entered' ? '（录入）' : ''}`),
            value(band ? zh(band.label) : '', 1, onFile ? { note: onFile } : {}),
            value(points, 1, { align: 'center' }),
          ]);
        } else {
          const chosen = visible.map((sheet) => {
            const option = item.options.find((o) => o.code === sheet.ratings[item.code]);
            return `${name(sheet.reviewer)}：${option ? `${zh(option.label)}（${option.points}）` : '未评'}`;
          });
          body.push([label(zh(item.label)), value(chosen.join('\n') || '—', 2), value(points, 1, { align: 'center' })]);
        }
      }
    }
    body.push([label('总得分'), value(average, 3, { align: 'center', size: 11 })]);
    body.push([label('判定级别'), value(gradeText(decidedGrade), 3, { align: 'center', size: 11 })]);
    pdf.heading('评审项目');
    pdf.grid([head, ...body], { columns: [1.3, 1.5, 2.2, 0.9], repeat: [head], minRowHeight: 22 });
    pdf.paragraph(`注：${scaleNote(model)}`, { size: 8.5 });
  }
  if (hiddenNote) pdf.paragraph(hiddenNote, { size: 8.5, color: '#555555' });

  // ---- the reviewers' opinions
  // (A form with a field for the manager's opinion, like the 新增客户信用评审表, prints it there.)
  const ownField = new Set(model.opinions.map((o) => o.code));
  const opinionRows: Cell[][] = visible.filter((sheet) => !ownField.has(origin(sheet.reviewer))).map((sheet) => [
    label(`${zh(REVIEWER_ORIGIN_TEXTS[origin(sheet.reviewer)])}意见`),
    value(sheet.opinion || '（未填写）', 1, { note: `评审人：${name(sheet.reviewer)}　${sheet.submittedOn ? `提交日期：${sheet.submittedOn}` : '尚未提交'}` }),
  ]);
  if (opinionRows.length) {
    pdf.heading('评审人意见');
    pdf.grid(opinionRows, { columns: [1.3, 4.7], minRowHeight: 36 });
  }

  // ---- the credit manager's decision
  if (decision) {
    const decisionRows: Cell[][] = [
      [label('综合得分'), value(decision.scoreText), label('评定等级'), value(gradeText(decision.grade))],
      [label('信用额度'), value(decision.policy.limitFen > 0 || decision.policy.limit.kind !== 'none' ? pdfMoney(decision.policy.limitFen) : '不予授信'), label('信用期限'), value(`${decision.policy.termDays} 天${decision.policy.starting ? '（起始）' : ''}`)],
      [label('管理措施'), value(decision.policy.measures.map((m) => zh(MEASURE_TEXTS[m])).join('；'), 3)],
      [label('复评周期'), value(`${decision.policy.reviewCycleMonths} 个月`), label('评定人 / 日期'), value(`${name(decision.decidedBy)}　${decision.decidedOn}`)],
    ];
    if (decision.override) decisionRows.push([label('等级调整'), value(`计算等级 ${gradeWords(model, decision.computedGrade)}，调整为 ${gradeWords(model, decision.override.grade)}。理由：${decision.override.reason}`, 3)]);
    for (const s of evaluation.settlements) {
      const item = model.items.find((i) => i.code === s.item);
      decisionRows.push([label('分歧裁定'), value(`${item ? zh(item.label) : s.item}：${s.note}`, 3, { note: `${name(s.by)}　${s.on}` })]);
    }
    pdf.heading(`信用管理部门评定（第 ${decision.round} 轮）`);
    pdf.grid(decisionRows, { columns: [1.15, 2, 1.15, 2], minRowHeight: 22 });
  }

  // ---- the opinion fields of the paper form, from the approval chain of the current round
  const chain = print.chains.at(-1)?.timeline ?? null;
  const opinionOf = (stepId: string): Cell => {
    const step = chain?.steps.find((s) => s.stepId === stepId);
    const decisions = (step?.decisions ?? []).filter((d) => !d.voided);
    if (!step || decisions.length === 0) return value(step?.status === 'skipped' ? '（本环节已跳过）' : '');
    return value(decisions.map((d) => (d.kind === 'approve' ? (d.opinion ?? approvalsZhCN.decision.approve) : `${approvalsZhCN.decision[d.kind]}${d.opinion ? `：${d.opinion}` : ''}`)).join('\n'), 1, {
      note: decisions.map((d) => `签字：${signer(d, name)}　${pdfDay(d.at)}`).join('\n'),
    });
  };
  const fieldRows: Cell[][] = [];
  for (const field of model.opinions) {
    if (field.code === 'market_department') continue; // the heading of the ratings above
    if (field.code === 'leadership') {
      fieldRows.push([label(zh(field.label), 2)]);
      continue;
    }
    if (field.code === 'account_manager' || field.code === 'service_manager') {
      const sheet = visible.find((s) => origin(s.reviewer) === field.code);
      fieldRows.push([label(zh(field.label)), sheet ? value(sheet.opinion, 1, { note: `签字：${name(sheet.reviewer)}　${sheet.submittedOn ?? ''}` }) : value('')]);
      continue;
    }
    if (field.code === 'remarks') {
      const remarks = [decision?.override ? `等级由 ${gradeWords(model, decision.computedGrade)} 调整为 ${gradeWords(model, decision.override.grade)}：${decision.override.reason}` : '', ...evaluation.objections.map((o) => `异议（${o.enteredOn}）：${o.answer ? (o.answer.upheld ? '成立' : '不成立') : '待答复'}`)].filter(Boolean);
      fieldRows.push([label(zh(field.label)), value(remarks.join('\n'))]);
      continue;
    }
    const stepId = OPINION_STEPS[field.code];
    fieldRows.push([label(zh(field.label)), stepId ? opinionOf(stepId) : value('')]);
  }
  if (fieldRows.length) {
    pdf.heading('各部门评审意见');
    pdf.grid(fieldRows, { columns: [1.3, 4.7], minRowHeight: 40 });
  }

  // ---- the approval timeline, every round
  for (const { round, timeline } of print.chains) {
    const head: Cell[] = [label('审批环节'), label('审批人'), label('结果'), label('审批意见'), label('时间')];
    const body: Cell[][] = [];
    for (const step of timeline.steps) {
      const decisions = step.decisions;
      if (decisions.length === 0) {
        const waiting = step.seats.map((s) => name(s.userId)).join('、');
        body.push([label(zh(step.name)), value(waiting), value(approvalsZhCN.stepStatus[step.status]), value(''), value('')]);
        continue;
      }
      for (const d of decisions) {
        body.push([
          label(zh(step.name)),
          value(signer(d, name)),
          value(`${approvalsZhCN.decision[d.kind]}${d.voided ? `（${approvalsZhCN.voidReason[d.voided.reason]}）` : ''}`),
          value(d.opinion ?? ''),
          value(pdfMoment(d.at)),
        ]);
      }
    }
    pdf.heading(`审批流程（第 ${round} 轮：${approvalsZhCN.chainStatus[timeline.status]}）`);
    pdf.grid([head, ...body], { columns: [1.3, 1.1, 1.1, 2.4, 1.3], repeat: [head], size: 9 });
  }

  // ---- publication and objections
  if (evaluation.publications.length || evaluation.objections.length) {
    const rows2: Cell[][] = evaluation.publications.map((p) => [label(`第 ${p.round} 轮公示`), value(`${p.startedOn} 至 ${p.deadline.day}（${p.deadline.length} 个工作日）`, 3)]);
    for (const o of evaluation.objections) {
      const items = o.items.map((code) => zh(model.items.find((i) => i.code === code)?.label ?? { 'zh-CN': code })).join('、');
      const evidence = o.evidence.map((id) => print.documents.get(id)).filter(Boolean).map((d) => `${d!.title}（${d!.archiveNo}）`).join('、');
      rows2.push([
        label('异议'),
        value(`异议项目：${items}\n理由：${o.reasons}\n证明材料：${evidence || '—'}\n${zh(OBJECTION_GROUND_TEXTS[o.ground])}；答复期限 ${o.answerDeadline.day}`, 3, { note: `登记：${name(o.enteredBy)}　${o.enteredOn}` }),
      ]);
      if (o.answer) rows2.push([label('答复'), value(`${o.answer.upheld ? '异议成立' : '异议不成立'}：${o.answer.text}${o.answer.late ? '（逾期答复）' : ''}`, 3, { note: `${name(o.answer.by)}　${o.answer.on}` })]);
    }
    pdf.heading('公示与异议');
    pdf.grid(rows2, { columns: [1.15, 2, 1.15, 2], minRowHeight: 22 });
  }

  // ---- the course of the evaluation
  const historyHead: Cell[] = [label('日期'), label('事项'), label('经办人'), label('说明')];
  const historyRows: Cell[][] = evaluation.history.map((h) => {
    const items = (h.items ?? []).map((code) => zh(model.items.find((i) => i.code === code)?.label ?? { 'zh-CN': code })).join('、');
    const note = [items, h.reviewer && h.reviewer !== h.by ? `评审人 ${name(h.reviewer)}` : '', h.grade ? `等级 ${gradeWords(model, h.grade)}` : '', h.note ?? ''].filter(Boolean).join('；');
    return [value(h.on, 1, { align: 'center' }), value(zh(EVALUATION_HISTORY_TEXTS[h.kind])), value(h.by === 'system' ? '系统' : name(h.by)), value(note)];
  });
  pdf.heading('评审经过');
  pdf.grid([historyHead, ...historyRows], { columns: [1, 1.4, 1, 3], repeat: [historyHead], size: 9, minRowHeight: 18 });

  // ---- the rating reference of the paper form
  const reference = model.items.map((item) =>
    item.kind === 'rated'
      ? `${zh(item.label)}等级：${item.options.map((o) => (lettered(o.code) ? `${o.code}（${o.points}分）${zh(o.label)}` : `${zh(o.label)}（${o.points}分）`)).join('；')}`
      : `${zh(item.label)}：${item.bands.map((b) => `${zh(b.label)} ${b.points}分`).join('；')}`,
  );
  pdf.heading('评分参考标准', 10);
  for (const line of reference) pdf.paragraph(line, { size: 8.5 });

  const pages = pdf.doc.bufferedPageRange().count;
  const bytes = await pdf.finish();
  return { bytes, pages };
}

function signer(d: TimelineDecision, name: (id: string) => string): string {
  return d.delegated ? `${name(d.actorId)}（代 ${name(d.principalId)}）` : name(d.actorId);
}

/** 90–100 分为 A 级优秀，可增加合作机会；… as the note under the paper form's ratings. */
function scaleNote(model: ScoringModel): string {
  const bands = [...model.scale.bands].sort((a, b) => b.from - a.from);
  return bands
    .map((band, i) => {
      const grade = model.scale.grades.find((g) => g.code === band.grade)!;
      const range = i === bands.length - 1 ? `${bands[i - 1]?.from ?? band.to} 分以下` : band.to >= model.scoreMax ? `${band.from}–${model.scoreMax} 分` : `${band.from}–${band.to - 1} 分`;
      return lettered(grade.code) ? `${range}为 ${grade.code} 级${zh(grade.label)}，${zh(grade.meaning)}` : `${range}为${zh(grade.label)}，${zh(grade.meaning)}`;
    })
    .join('；');
}

function fraction(x: { num: number; den: number }): string {
  const v = x.num / x.den;
  return Number.isInteger(v) ? String(v) : v.toFixed(1);
}

function valueText(v: number, unit: string): string {
  switch (unit) {
    case 'percent':
      return `${v.toFixed(1)}%`;
    case 'fen':
      return pdfMoney(v);
    case 'years':
      return `${Number.isInteger(v) ? v : v.toFixed(1)} 年`;
    case 'days':
      return `${Math.round(v)} 天`;
    case 'ratio':
      return v.toFixed(2);
    default:
      return String(v);
  }
}
