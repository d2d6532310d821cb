// Forms take their rules from the contract: the longest text a field accepts is read
// from its schema, and a required field left empty says it is required.
import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { contract } from '../../src/shared/contract';
import { issueText, schemaMaxLength } from '../../src/renderer/src/app/forms';
import { enUS } from '../../src/renderer/src/app/i18n/en-US';
import { zhCN } from '../../src/renderer/src/app/i18n/zh-CN';

let zh: TFunction;
let en: TFunction;

beforeAll(async () => {
  const instance = i18next.createInstance();
  await instance.init({ resources: { 'zh-CN': { translation: zhCN }, 'en-US': { translation: enUS } }, lng: 'zh-CN', fallbackLng: false, interpolation: { escapeValue: false } });
  zh = instance.getFixedT('zh-CN');
  en = instance.getFixedT('en-US');
});

describe('field lengths come from the contract', () => {
  it('through optional, nullable, piped, array and object schemas', () => {
    const create = contract['customers.create'].input;
    expect(schemaMaxLength(create, 'name')).toBe(100);
    expect(schemaMaxLength(create, 'address')).toBe(200);
    expect(schemaMaxLength(create, 'creditCode')).toBe(40);
    expect(schemaMaxLength(create, 'bankAccount')).toBe(40);
    expect(schemaMaxLength(create, 'contacts.3.phone')).toBe(30);
    expect(schemaMaxLength(contract['documents.add'].input, 'location.shelf')).toBeGreaterThan(0);
    expect(schemaMaxLength(contract['customers.search'].input, 'text')).toBe(100);
  });

  it('says nothing where the contract sets no length', () => {
    const create = contract['customers.create'].input;
    expect(schemaMaxLength(create, 'kind')).toBeUndefined();
    expect(schemaMaxLength(create, 'registeredCapitalFen')).toBeUndefined();
    expect(schemaMaxLength(create, 'noSuchField')).toBeUndefined();
  });
});

describe('a required field left empty', () => {
  const firstIssue = (value: unknown) => {
    const result = contract['auth.login'].input.safeParse(value, { reportInput: true });
    if (result.success) throw new Error('expected a refusal');
    return result.error.issues[0]!;
  };

  it('says it is required, not how long it must be', () => {
    // A user name has at least 2 characters: empty is still "required".
    const empty = firstIssue({ username: '', password: 'x' });
    expect(issueText(zh, empty)).toBe(zh('validation.required'));
    expect(issueText(en, empty)).toBe(en('validation.required'));
    expect(issueText(zh, firstIssue({ username: '   ', password: 'x' }))).toBe(zh('validation.required'));
  });

  it('a text too short but not empty says how long it must be', () => {
    expect(issueText(zh, firstIssue({ username: 'a', password: 'x' }))).toBe(zh('validation.tooShort', { min: 2 }));
  });
});

describe('the password rule speaks both languages', () => {
  it('a password the host found too guessable is said in the reader’s language', () => {
    const issue = { path: ['newPassword'], code: 'custom', message: 'passwordTooWeak' };
    expect(issueText(zh, issue)).toMatch(/密码太容易被猜到/);
    expect(issueText(en, issue)).toMatch(/too easy to guess/);
  });
});
