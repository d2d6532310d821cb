// The texts of the codes that cross the seam: every refusal reason of the contract reads
// as its own sentence in both languages — in the app (through the renderer's error
// display) and on the command line — never as the generic text of its error code.
import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { ERROR_CODES, REFUSAL_REASONS, type ErrorCode } from '../../src/shared/contract';
import { LANGUAGES, refusalText, SEAM_MESSAGES } from '../../src/shared/messages';
import { ApiError } from '../../src/renderer/src/api/errors';
import { errorText } from '../../src/renderer/src/app/errors';
import { enUS } from '../../src/renderer/src/app/i18n/en-US';
import { zhCN } from '../../src/renderer/src/app/i18n/zh-CN';

const t: Partial<Record<(typeof LANGUAGES)[number], TFunction>> = {};

beforeAll(async () => {
  const instance = i18next.createInstance();
  await instance.init({
    resources: { 'zh-CN': { translation: zhCN }, 'en-US': { translation: enUS } },
    lng: 'zh-CN',
    fallbackLng: false,
    interpolation: { escapeValue: false },
  });
  t['zh-CN'] = instance.getFixedT('zh-CN');
  t['en-US'] = instance.getFixedT('en-US');
});

const REASONS = Object.entries(REFUSAL_REASONS).flatMap(([domain, reasons]) => reasons.map((reason) => ({ domain, reason })));
// The codes a reason rides on; a CONFLICT always has one.
const CODES: ErrorCode[] = ['CONFLICT', 'FORBIDDEN'];

describe('refusal reasons', () => {
  it('are listed per domain, each name once', () => {
    expect(REASONS.length).toBeGreaterThanOrEqual(19);
    expect(new Set(REASONS.map((r) => r.reason)).size).toBe(REASONS.length);
    expect(REASONS).toContainEqual({ domain: 'roles', reason: 'sysadminKeeps' });
  });

  for (const language of LANGUAGES) {
    it(`each reads as its own sentence in ${language}, never as the text of an error code`, () => {
      const generic = new Set(ERROR_CODES.map((code) => SEAM_MESSAGES[language].errors[code]));
      const seen = new Map<string, string>();
      for (const { reason } of REASONS) {
        for (const code of CODES) {
          const body = { code, message: 'm', details: { reason } };
          const cli = refusalText(language, body);
          const app = errorText(t[language]!, new ApiError(body));
          expect(app, reason).toBe(cli);
          expect(cli.length, reason).toBeGreaterThan(5);
          expect(generic.has(cli), `${reason}: ${cli}`).toBe(false);
        }
        const text = refusalText(language, { code: 'CONFLICT', details: { reason } });
        expect(seen.get(text), `${reason} and ${seen.get(text)} read the same`).toBeUndefined();
        seen.set(text, reason);
      }
    });
  }

  it('tell the administrator why the system administrator role keeps user management', () => {
    const body = { code: 'CONFLICT' as const, message: 'm', details: { reason: 'sysadminKeeps' } };
    expect(refusalText('zh-CN', body)).toContain('系统管理员角色必须保留');
    expect(refusalText('zh-CN', body)).not.toContain('用户名');
    expect(errorText(t['en-US']!, new ApiError(body))).toContain('system administrator role always keeps');
  });

  it('the generic CONFLICT text names no particular conflict, and an unknown reason falls back to it', () => {
    for (const language of LANGUAGES) {
      const body = { code: 'CONFLICT' as const, message: 'm', details: { reason: 'somethingNew' } };
      expect(refusalText(language, body)).toBe(SEAM_MESSAGES[language].errors.CONFLICT);
    }
    expect(SEAM_MESSAGES['zh-CN'].errors.CONFLICT).not.toContain('用户名');
    expect(SEAM_MESSAGES['en-US'].errors.CONFLICT).not.toMatch(/user name/i);
  });
});
