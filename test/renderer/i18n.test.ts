// The interface speaks Chinese by default and English completely: these check what the
// types cannot — that names stored as data have translations, that every error code
// and permission reads differently, and that validation speaks the user's language.
import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { contract, ERROR_CODES } from '../../src/shared/contract';
import { DEFAULT_DEPARTMENTS, DEFAULT_ROLES, PERMISSIONS } from '../../src/shared/domain/permissions';
import { enUS } from '../../src/renderer/src/app/i18n/en-US';
import { zhCN } from '../../src/renderer/src/app/i18n/zh-CN';
import { issueText } from '../../src/renderer/src/app/forms';

function leaves(value: unknown, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  if (typeof value === 'string') {
    out.set(prefix, value);
    return out;
  }
  for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
    for (const [path, text] of leaves(child, prefix ? `${prefix}.${key}` : key)) out.set(path, text);
  }
  return out;
}

const CJK = /[\u3400-\u9fff]/;

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

describe('translations', () => {
  it('have the same keys and the same placeholders in both languages', () => {
    const zhLeaves = leaves(zhCN);
    const enLeaves = leaves(enUS);
    expect([...enLeaves.keys()].sort()).toEqual([...zhLeaves.keys()].sort());
    const placeholders = (text: string) => [...text.matchAll(/{{(\w+)}}/g)].map((m) => m[1]).sort();
    for (const [key, text] of zhLeaves) expect(placeholders(enLeaves.get(key) ?? ''), key).toEqual(placeholders(text));
  });

  it('keep Chinese out of the English interface, except names of languages and the app', () => {
    const allowed = new Set(['app.nameEn', 'lang.zh-CN']);
    const leaking = [...leaves(enUS)].filter(([key, text]) => !allowed.has(key) && CJK.test(text)).map(([key]) => key);
    expect(leaking).toEqual([]);
  });

  it('name every built-in role and department in both languages', () => {
    for (const t of [zh, en]) {
      for (const role of DEFAULT_ROLES) expect(t(`data.role.${role.code}` as 'data.role.sysadmin', { defaultValue: '' }), role.code).not.toBe('');
      for (const dept of DEFAULT_DEPARTMENTS) {
        expect(t(`data.department.${dept.code}` as 'data.department.credit', { defaultValue: '' }), dept.code).not.toBe('');
      }
    }
    // In Chinese the built-in names read as the archive stores them.
    for (const role of DEFAULT_ROLES) expect(zh(`data.role.${role.code}` as 'data.role.sysadmin')).toBe(role.name);
    for (const dept of DEFAULT_DEPARTMENTS) expect(zh(`data.department.${dept.code}` as 'data.department.credit')).toBe(dept.name);
  });

  it('give every error code and permission its own message', () => {
    for (const t of [zh, en]) {
      const errors = ERROR_CODES.map((code) => t(`error.${code}`));
      expect(new Set(errors).size).toBe(ERROR_CODES.length);
      const permissions = PERMISSIONS.map((permission) => t(`permission.${permission}.name`));
      expect(new Set(permissions).size).toBe(PERMISSIONS.length);
    }
    expect(zh('error.WRONG_PASSWORD')).toBe('用户名或密码不正确。');
  });
});

describe('validation messages', () => {
  const firstIssue = (schema: { safeParse: (v: unknown, o?: object) => { success: boolean; error?: { issues: unknown[] } } }, value: unknown) => {
    const result = schema.safeParse(value, { reportInput: true });
    expect(result.success).toBe(false);
    return result.error!.issues[0] as Parameters<typeof issueText>[1];
  };
  const login = contract['auth.login'].input;
  const setup = contract['archive.setup'].input;
  const create = contract['users.create'].input;
  const settings = contract['settings.update'].input;

  it('speak Chinese for the contract’s own schemas', () => {
    expect(issueText(zh, firstIssue(login, { username: 'admin', password: '' }))).toBe('此项为必填项');
    expect(issueText(zh, firstIssue(login, { username: 'a b', password: 'x' }))).toBe('只能包含字母、数字、汉字以及 . _ -');
    expect(
      issueText(zh, firstIssue(setup, { companyName: '某公司', admin: { username: 'admin', displayName: '张三', password: 'short' } })),
    ).toBe('至少需要 10 个字符');
    expect(issueText(zh, firstIssue(setup.shape.companyName, 'x'.repeat(101)))).toBe('不能超过 100 个字符');
    expect(issueText(zh, firstIssue(create.shape.roleIds, []))).toBe('请至少选择 1 项');
    expect(issueText(zh, firstIssue(create.shape.departmentId, null))).toBe('此项为必填项');
    expect(issueText(zh, firstIssue(settings.shape.idleLockMinutes, 0))).toBe('不能小于 1');
    expect(issueText(zh, firstIssue(settings.shape.idleLockMinutes, 241))).toBe('不能大于 240');
    expect(issueText(zh, firstIssue(contract['auth.recover'].input.shape.recoveryCode, 'abc'))).toBe(
      '恢复码由 32 位字母和数字组成（8 组，每组 4 位）',
    );
  });

  it('translate the host’s field issues too, which carry only code and message', () => {
    expect(issueText(zh, { code: 'too_small', message: 'Too small: expected string to have >=10 characters' })).toBe('至少需要 10 个字符');
    expect(issueText(zh, { code: 'invalid_format', message: 'username' })).toBe('只能包含字母、数字、汉字以及 . _ -');
    expect(issueText(zh, { code: 'unrecognized_keys', message: 'Unrecognized key: "x"' })).toBe('包含不允许的内容');
    expect(issueText(en, { code: 'too_big', message: 'Too big: expected string to have <=64 characters' })).toBe('At most 64 characters');
  });
});
