// 双人核验: the one who entered the key data cannot confirm it, and any change of key data
// asks for a new confirmation. The host refuses with these rules; the renderer explains
// its disabled button with them.
import { describe, expect, it } from 'vitest';
import { changedKeyFields, verifyRefusal, type KeyData } from '../../src/shared/domain/verification';

const ENTERED = '0192f000-0000-7000-8000-000000000001';
const OTHER = '0192f000-0000-7000-8000-000000000002';

describe('who may confirm key data', () => {
  it.each([
    { verification: 'pending', actor: OTHER, refusal: null },
    { verification: 'pending', actor: ENTERED, refusal: 'sameUser' },
    { verification: 'verified', actor: OTHER, refusal: 'alreadyVerified' },
    { verification: 'verified', actor: ENTERED, refusal: 'alreadyVerified' },
  ] as const)('$verification, by $actor: $refusal', ({ verification, actor, refusal }) => {
    expect(verifyRefusal({ verification, enteredBy: ENTERED }, actor)).toBe(refusal);
  });
});

describe('which changes need a new confirmation', () => {
  const before: KeyData = { name: '北京华信', creditCode: '91110000600037341L', idNumber: null, bankName: '工商银行', bankAccount: '6222020200112233' };

  it('names each key field that changed, and nothing else', () => {
    expect(changedKeyFields(before, { ...before })).toEqual([]);
    expect(changedKeyFields(before, { ...before, bankAccount: '6222020200112234' })).toEqual(['bankAccount']);
    expect(changedKeyFields(before, { ...before, name: '北京华信科技', bankName: null })).toEqual(['name', 'bankName']);
  });
});
