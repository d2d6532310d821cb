import { describe, expect, it } from 'vitest';
import { schemas } from '../../src/shared/contract';
import { formatRecoveryCode } from '../../src/renderer/src/features/setup/recoveryCode';

describe('the recovery code as shown', () => {
  it('is 8 groups of 4 that the contract accepts back as typed', () => {
    const code = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
    const shown = formatRecoveryCode(code.toLowerCase());
    expect(shown).toBe('0123-4567-89AB-CDEF-GHJK-MNPQ-RSTV-WXYZ');
    expect(schemas.recoveryCode.parse(shown)).toBe(code);
    expect(schemas.recoveryCode.parse(shown.toLowerCase().replaceAll('-', ' '))).toBe(code);
  });
});
