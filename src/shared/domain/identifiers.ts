// Chinese identifiers with check characters.

/** GB 32100-2015 unified social credit code (统一社会信用代码): its 31-character alphabet. */
const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const USCC_SHAPE = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;

export type CreditCodeProblem = 'length' | 'characters' | 'checkCharacter';

/** The check character for the first 17 characters of a credit code. */
export function creditCodeCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = USCC_ALPHABET.indexOf(first17[i]!);
    if (value < 0) throw new Error(`not a credit code character: ${first17[i]}`);
    sum += value * USCC_WEIGHTS[i]!;
  }
  return USCC_ALPHABET[(31 - (sum % 31)) % 31]!;
}

/** Upper-case, without spaces: how a code is stored and compared. */
export function normalizeCreditCode(code: string): string {
  return code.replace(/\s+/g, '').toUpperCase();
}

/** null if the code is valid; otherwise what is wrong with it. */
export function creditCodeProblem(code: string): CreditCodeProblem | null {
  const c = normalizeCreditCode(code);
  if (c.length !== 18) return 'length';
  if (!USCC_SHAPE.test(c)) return 'characters';
  return creditCodeCheckCharacter(c.slice(0, 17)) === c[17] ? null : 'checkCharacter';
}

/** GB 11643-1999 citizen identity number (公民身份号码): 17 digits and a check character. */
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

export type IdNumberProblem = 'length' | 'characters' | 'birthDate' | 'checkCharacter';

export function idNumberCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * ID_WEIGHTS[i]!;
  return ID_CHECK[sum % 11]!;
}

export function normalizeIdNumber(id: string): string {
  return id.replace(/\s+/g, '').toUpperCase();
}

export function idNumberProblem(id: string): IdNumberProblem | null {
  const c = normalizeIdNumber(id);
  if (c.length !== 18) return 'length';
  if (!/^\d{17}[\dX]$/.test(c)) return 'characters';
  const y = Number(c.slice(6, 10));
  const m = Number(c.slice(10, 12));
  const d = Number(c.slice(12, 14));
  const birth = new Date(Date.UTC(y, m - 1, d));
  if (y < 1900 || birth.getUTCFullYear() !== y || birth.getUTCMonth() !== m - 1 || birth.getUTCDate() !== d) {
    return 'birthDate';
  }
  return idNumberCheckCharacter(c.slice(0, 17)) === c[17] ? null : 'checkCharacter';
}
