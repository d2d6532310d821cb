// What is entered by hand: qualifications, credit events, feedback and third-party reports.

import { addDays, Draw, mixSeed, prng } from './random';
import { TRADE_NAMES_UNIQUE } from './customers';
import { personName } from './people';
import type { DemoCreditEvent, DemoCreditReport, DemoCustomer, DemoFeedback, DemoPlan, DemoQualification, DemoRecords } from './types';
import { AGENCIES, CERTIFIERS, COMPLAINTS, LAWSUIT_CAUSES, PRAISE, TRADES } from './vocabulary';

function yuan(fen: number): string {
  return (fen / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

function caseNo(draw: Draw, c: DemoCustomer, year: string, kind: '民初' | '执' | '民终'): string {
  return `（${year}）${c.city.courtAbbr}${c.district.code.slice(2)}${kind}${draw.int(100, 19999)}号`;
}

function courtOf(c: DemoCustomer): string {
  return `${c.city.name}市${c.district.name}人民法院`;
}

/**
 * What the credit department and account managers enter for a customer by hand.
 * `forceExpiring`: give an ISO 9000 certificate that runs out within the month (so a
 * small demo shows the warning).
 */
export function recordsOf(plan: DemoPlan, c: DemoCustomer, options: { forceExpiring?: boolean; forceExpired?: boolean } = {}): DemoRecords {
  const draw = new Draw(prng(mixSeed(plan.seed, c.index, 3)));
  const today = plan.today;
  const year = Number(today.slice(0, 4));
  const qualifications: DemoQualification[] = [];
  const creditEvents: DemoCreditEvent[] = [];
  const feedback: DemoFeedback[] = [];
  const creditReports: DemoCreditReport[] = [];
  const bad = c.profile === 'troubled' || c.profile === 'defaulting';

  if (c.kind === 'enterprise') {
    qualifications.push({
      kind: 'business_licence',
      number: c.creditCode,
      issuer: `${c.city.name}市${c.city.province ? c.district.name : ''}市场监督管理局`,
      level: null,
      validFrom: c.established,
      validTo: draw.chance(0.8) ? null : addDays(c.established, 30 * 365),
    });
    if (draw.chance(0.7)) {
      const from = addDays(today, -draw.int(0, 330));
      qualifications.push({
        kind: 'tax_credit_level',
        number: null,
        issuer: `国家税务总局${c.city.name}市税务局`,
        level: bad ? draw.pick(['B', 'M', 'C']) : draw.weighted([
          { v: 'A', weight: 60 },
          { v: 'B', weight: 32 },
          { v: 'M', weight: 8 },
        ]).v,
        validFrom: from,
        validTo: addDays(from, 364),
      });
    }
    if (options.forceExpiring || options.forceExpired || draw.chance(0.35)) {
      const to = options.forceExpiring ? addDays(today, draw.int(5, 25)) : options.forceExpired ? addDays(today, -draw.int(10, 90)) : addDays(today, draw.int(-240, 1000));
      qualifications.push({
        kind: 'iso9000',
        number: `${draw.digits(5)}Q${draw.digits(5)}R${draw.int(0, 3)}M`,
        issuer: draw.pick(CERTIFIERS),
        level: null,
        validFrom: addDays(to, -3 * 365 + 1),
        validTo: to,
      });
    }
    if (c.trade?.permit && draw.chance(0.7)) {
      const to = addDays(today, draw.int(-100, 1500));
      qualifications.push({
        kind: 'special_permit',
        number: `${c.trade.permit.prefix}${c.district.code}${draw.digits(6)}`,
        issuer: `${c.city.province || `${c.city.name}市`}${c.trade.permit.issuer}`,
        level: c.trade.permit.name,
        validFrom: addDays(to, -5 * 365 + 1),
        validTo: to,
      });
    }
    if (c.industry === '信息技术' && draw.chance(0.3)) {
      const to = addDays(today, draw.int(-60, 1000));
      qualifications.push({ kind: 'iso20000', number: `${draw.digits(5)}IT${draw.digits(5)}R${draw.int(0, 2)}M`, issuer: draw.pick(CERTIFIERS), level: null, validFrom: addDays(to, -3 * 365 + 1), validTo: to });
    }
    if (draw.chance(0.2)) {
      const from = addDays(today, -draw.int(0, 360));
      qualifications.push({
        kind: 'bank_credit_level',
        number: null,
        issuer: c.bankName,
        level: bad ? draw.pick(['BBB', 'BB']) : draw.pick(['AAA', 'AA+', 'AA', 'A']),
        validFrom: from,
        validTo: addDays(from, 364),
      });
    }
  }

  // Credit events.
  const inHistory = (minAgo: number, maxAgo: number) => addDays(today, -draw.int(minAgo, maxAgo));
  if (c.profile === 'defaulting') {
    const filed = addDays(c.stopsPaying!, draw.int(60, 150));
    const on = filed > today ? addDays(today, -draw.int(5, 30)) : filed;
    const claim = Math.round(c.saleFen * draw.int(3, 12));
    creditEvents.push({
      kind: 'litigation',
      occurredOn: on,
      title: '买卖合同纠纷（我司起诉追讨货款）',
      detail: `${caseNo(draw, c, on.slice(0, 4), '民初')}，${courtOf(c)}受理；诉请支付货款 ${yuan(claim)} 元及逾期付款损失`,
      amountFen: claim,
      source: '法律事务部',
    });
    if (draw.chance(0.5)) {
      const judged = addDays(on, draw.int(60, 150));
      if (judged <= today) {
        creditEvents.push({
          kind: 'judgment',
          occurredOn: judged,
          title: '民事判决：判令支付货款及逾期利息',
          detail: `${courtOf(c)}判决被告于判决生效后十日内支付货款 ${yuan(claim)} 元`,
          amountFen: claim,
          source: '中国裁判文书网',
        });
      }
    }
    if (draw.chance(0.35) || options.forceExpired) {
      const on2 = inHistory(10, 200);
      creditEvents.push({
        kind: 'blacklist',
        occurredOn: on2,
        title: '被列入失信被执行人名单',
        detail: `执行法院：${courtOf(c)}，案号：${caseNo(draw, c, on2.slice(0, 4), '执')}；履行情况：全部未履行`,
        amountFen: null,
        source: '中国执行信息公开网',
      });
    }
  } else if ((c.profile === 'troubled' && draw.chance(0.45)) || draw.chance(0.02)) {
    const on = inHistory(20, 700);
    const amount = Math.round(c.saleFen * draw.int(2, 30));
    const cause = draw.pick(LAWSUIT_CAUSES);
    creditEvents.push({
      kind: 'litigation',
      occurredOn: on,
      title: `${cause}（被告）`,
      detail: `${caseNo(draw, c, on.slice(0, 4), '民初')}，原告：${c.city.name}${draw.pick(TRADE_NAMES_UNIQUE)}${draw.pick(TRADES).word}有限公司，诉讼标的 ${yuan(amount)} 元`,
      amountFen: amount,
      source: '中国裁判文书网',
    });
  }
  if ((bad && draw.chance(0.4)) || draw.chance(0.03)) {
    const what = draw.pick([
      { title: '税务行政处罚', source: '信用中国' },
      { title: '列入经营异常名录（未按时公示年度报告）', source: '国家企业信用信息公示系统' },
      { title: '银行贷款逾期记录', source: '人民银行征信中心' },
      { title: '环保行政处罚', source: '信用中国' },
    ]);
    creditEvents.push({ kind: 'bad_record', occurredOn: inHistory(10, 900), title: what.title, detail: null, amountFen: null, source: what.source });
  }
  if (c.kind === 'enterprise' && draw.chance(0.04)) {
    const before = c.legalRepresentative ?? personName(draw);
    const after = personName(draw);
    creditEvents.push({
      kind: 'management_change',
      occurredOn: inHistory(10, 900),
      title: '法定代表人变更',
      detail: `法定代表人由${before}变更为${after}`,
      amountFen: null,
      source: '国家企业信用信息公示系统',
    });
  }

  // Feedback: annual satisfaction surveys of some customers, and complaints.
  if (draw.chance(0.4)) {
    for (let y = year - 2; y < year; y++) {
      if (`${y}-12-20` < c.cooperationStart || !draw.chance(0.7)) continue;
      const score = bad ? draw.int(2, 4) : draw.weighted([
        { v: 5, weight: 45 },
        { v: 4, weight: 40 },
        { v: 3, weight: 15 },
      ]).v;
      feedback.push({ kind: 'satisfaction', occurredOn: `${y}-12-${String(draw.int(10, 28))}`, score, content: `${y}年度客户满意度调查：${draw.pick(PRAISE)}` });
    }
  }
  if (draw.chance(bad ? 0.5 : 0.08)) {
    const k = draw.int(1, 2);
    for (let i = 0; i < k; i++) feedback.push({ kind: 'complaint', occurredOn: inHistory(5, 700), score: null, content: draw.pick(COMPLAINTS) });
  }

  // Third-party credit reports for some companies.
  if (c.kind === 'enterprise' && draw.chance(bad ? 0.5 : 0.25)) {
    const agency = draw.pick(AGENCIES);
    const issued = inHistory(10, 500);
    const rating = {
      prompt: draw.pick(['AAA', 'AA+', 'AA']),
      normal: draw.pick(['AA', 'AA-', 'A+']),
      slow: draw.pick(['A', 'A-', 'BBB+']),
      troubled: draw.pick(['BBB', 'BB+', 'BB']),
      defaulting: draw.pick(['B', 'CCC']),
    }[c.profile];
    const summary = {
      prompt: '经营稳定，盈利能力较强，偿债能力强，违约风险很低',
      normal: '经营正常，财务状况良好，偿债能力较强',
      slow: '经营基本正常，应收账款周转偏慢，短期偿债压力一般',
      troubled: '营业收入下滑，现金流偏紧，存在一定违约风险',
      defaulting: '经营困难，涉及多起诉讼，偿债能力弱，违约风险高',
    }[c.profile];
    creditReports.push({ agency: agency.name, reportNo: `${agency.prefix}-${issued.slice(0, 4)}-${draw.digits(5)}`, issuedOn: issued, rating, summary });
  }

  return { qualifications, creditEvents, feedback, creditReports };
}
