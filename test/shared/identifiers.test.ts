import { describe, expect, it } from 'vitest';
import {
  creditCodeCheckCharacter,
  creditCodeProblem,
  idNumberProblem,
} from '../../src/shared/domain/identifiers';

describe('unified social credit code (GB 32100-2015)', () => {
  it('accepts published codes', () => {
    // Codes printed on real business licences.
    for (const code of ['91350100M000100Y43', '91110000802100433B', '9144030071526726XG', '91310000132200821H']) {
      expect(creditCodeProblem(code), code).toBeNull();
    }
  });

  it('names what is wrong', () => {
    expect(creditCodeProblem('91350100M000100Y4')).toBe('length');
    expect(creditCodeProblem('91350100M000100YI3')).toBe('characters'); // I is not in the alphabet
    expect(creditCodeProblem('9135010OM000100Y43')).toBe('characters'); // region must be digits
    expect(creditCodeProblem('91350100M000100Y44')).toBe('checkCharacter');
  });

  it('computes the check character that makes a code valid', () => {
    const first17 = '91110108MA01ABCD1';
    expect(creditCodeProblem(first17 + creditCodeCheckCharacter(first17))).toBeNull();
  });

  it('ignores case and spaces', () => {
    expect(creditCodeProblem(' 91350100m000100y43 ')).toBeNull();
  });
});

describe('citizen identity number (GB 11643-1999)', () => {
  it('accepts a valid number, with X as check character too', () => {
    expect(idNumberProblem('11010519491231002X')).toBeNull();
    expect(idNumberProblem('440524188001010014')).toBe('birthDate'); // 1880 is before 1900
    expect(idNumberProblem('110105194912310021')).toBe('checkCharacter');
    expect(idNumberProblem('11010519490231002X')).toBe('birthDate'); // 31 February
    expect(idNumberProblem('1101051949123100')).toBe('length');
  });
});
