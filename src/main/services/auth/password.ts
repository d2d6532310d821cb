import { ArchiveError } from '../../../shared/contract/errors';
import { passwordProblem } from '../../../shared/domain/password-strength';

/**
 * A new password as the form scores it (the names typed for the user count as guessable);
 * a guessable one is VALIDATION on its field, before anything is written.
 */
export function assertStrongPassword(password: string, userInputs: readonly string[], path: (string | number)[]): void {
  const problem = passwordProblem(password, userInputs);
  if (problem) throw new ArchiveError('VALIDATION', 'the new password is too easy to guess', [{ path, code: 'custom', message: problem }]);
}
