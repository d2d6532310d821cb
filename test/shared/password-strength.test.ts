// One rule for the strength of a new password: the form shows it, the host enforces it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MIN_PASSWORD_SCORE, passwordProblem, passwordScore } from '../../src/shared/domain/password-strength';
import { MIN_PASSWORD_LENGTH } from '../../src/shared/contract/schemas';

describe('passwordScore / passwordProblem', () => {
  it.each([
    ['aaaaaaaaaa', [], 'passwordTooWeak'],
    ['abcdefghij', [], 'passwordTooWeak'],
    ['1234567890', [], 'passwordTooWeak'],
    ['short', [], 'passwordTooWeak'],
    ['zhou.clerkzhou', ['zhou.clerk', '周文员'], 'passwordTooWeak'],
    ['Archive-Admin-2026!', ['admin', '王建国'], null],
    ['Journey-West-629AD', [], null],
    ['New initial password', [], null],
  ] as const)('%s (names typed: %j) → %s', (password, inputs, problem) => {
    expect(passwordProblem(password, [...inputs])).toBe(problem);
  });

  it('a password shorter than the minimum is never more than weak', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: MIN_PASSWORD_LENGTH - 1 }), (password) => {
        expect(passwordScore(password)).toBeLessThanOrEqual(1);
        expect(passwordProblem(password)).toBe('passwordTooWeak');
      }),
    );
  });

  it('refused exactly when the score the form shows is below the line', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), fc.array(fc.string({ maxLength: 12 }), { maxLength: 3 }), (password, inputs) => {
        const score = passwordScore(password, inputs);
        expect(score).toBeGreaterThanOrEqual(0);
        expect(score).toBeLessThanOrEqual(4);
        expect(passwordProblem(password, inputs) === 'passwordTooWeak').toBe(score < MIN_PASSWORD_SCORE);
      }),
      { numRuns: 200 },
    );
  });

  it('names left empty count for nothing, and only the first 100 characters are scored', () => {
    expect(passwordScore('Archive-Admin-2026!', ['', '  '])).toBe(passwordScore('Archive-Admin-2026!'));
    const long = 'Archive-Admin-2026!'.repeat(10);
    expect(passwordScore(long)).toBe(passwordScore(long.slice(0, 100)));
  });
});
