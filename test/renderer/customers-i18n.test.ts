// The customer file's messages: the host's validation keys read as sentences in both
// languages (a missing one would show a code to the user).
import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { contract } from '../../src/shared/contract';
import { creditCodeCheckCharacter } from '../../src/shared/domain/identifiers';
import { issueText } from '../../src/renderer/src/app/forms';
import { enUS } from '../../src/renderer/src/app/i18n/en-US';
import { zhCN } from '../../src/renderer/src/app/i18n/zh-CN';

let zh: TFunction;
let en: TFunction;

beforeAll(async () => {
  const instance = i18next.createInstance();
  await instance.init({
    resources: { 'zh-CN': { translation: zhCN }, 'en-US': { translation: enUS } },
    lng: 'zh-CN',
    fallbackLng: false,
    interpolation: { escapeValue: false },
  });
  zh = instance.getFixedT('zh-CN');
  en = instance.getFixedT('en-US');
});

const firstIssue = (schema: { safeParse: (v: unknown, o?: object) => { success: boolean; error?: { issues: unknown[] } } }, value: unknown) => {
  const result = schema.safeParse(value, { reportInput: true });
  expect(result.success).toBe(false);
  return result.error!.issues[0] as Parameters<typeof issueText>[1];
};

describe('customer messages', () => {
  it('count in the language: grouped digits, English plurals', () => {
    expect(zh('customers.total', { count: 20000 })).toBe('共 20,000 位客户');
    expect(en('customers.total', { count: 1 })).toBe('1 customer');
    expect(en('customers.total', { count: 100000 })).toBe('100,000 customers');
    expect(en('imports.done', { count: 50 })).toBe('50 rows imported');
    expect(zh('imports.progress', { done: 1500, total: 200000 })).toBe('1,500 / 200,000 行');
  });

  it('speak Chinese for the credit code, ID number and date order of the contract', () => {
    const body = '91320505MA1XKQ7T3';
    const good = body + creditCodeCheckCharacter(body);
    const bad = body + (good.endsWith('0') ? '1' : '0');
    const customer = {
      kind: 'enterprise',
      name: '苏州瑞丰精工科技有限公司',
      creditCode: bad,
      idNumber: null,
      enterpriseNature: null,
      registeredCapitalFen: null,
      legalRepresentative: null,
      personInCharge: null,
      address: null,
      bankName: null,
      bankAccount: null,
      industry: null,
      serviceType: null,
      cooperationStart: null,
      departmentId: '01890000-0000-7000-8000-000000000000',
      confidentiality: 'normal',
    };
    const create = contract['customers.create'].input;
    expect(issueText(zh, firstIssue(create, customer))).toBe('统一社会信用代码校验位不正确');
    expect(issueText(en, firstIssue(create, customer))).toBe('The check character of the credit code is wrong');
    expect(issueText(zh, firstIssue(create, { ...customer, kind: 'individual', creditCode: null, idNumber: '110101199002301234' }))).toBe(
      '身份证号码中的出生日期无效',
    );
    // As the host sends them: code and message only.
    expect(issueText(zh, { code: 'custom', message: 'dateOrder' })).toBe('结束日期不能早于开始日期');
    expect(issueText(zh, { code: 'custom', message: 'documentNeedsFileOrLocation' })).toBe('请上传电子文件，或填写实物的存放位置（柜、架、盒）');
    expect(issueText(zh, { code: 'custom', message: 'document.typeMismatch' })).toBe('文件内容与其类型不符，请确认文件没有损坏或被改名');
    expect(issueText(zh, { code: 'invalid_format', message: 'phone' })).toBe('电话号码只能包含数字、空格和 + ( ) -');
    expect(issueText(zh, { code: 'custom', message: 'import.unreadable' })).toContain('无法读取该文件');
  });
});
