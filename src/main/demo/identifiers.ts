// Valid identifiers for made-up customers: unified social credit codes and citizen ID numbers.

import { creditCodeCheckCharacter, idNumberCheckCharacter } from '../../shared/domain/identifiers';
import type { Draw } from './random';

const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
/** Characters of an organisation code body that a credit code can carry (no I, O, S, V, Z). */
const ORG_LETTERS = 'ABCDEFGHJKLMNPQRTUWXY';

/** GB 11714-1997 check character of an 8-character organisation code body. */
export function orgCodeCheckCharacter(body8: string): string {
  const weights = [3, 7, 9, 10, 5, 8, 4, 2];
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const ch = body8[i]!;
    const value = ch >= '0' && ch <= '9' ? Number(ch) : ch.charCodeAt(0) - 55;
    sum += value * weights[i]!;
  }
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

/**
 * A unified social credit code (GB 32100-2015): 9 (registered with market regulation),
 * 1 (enterprise), the division code of where it is registered, an organisation code
 * (new ones start MA…) with its own GB 11714 check character, and the check character.
 */
export function makeCreditCode(draw: Draw, regionCode: string): string {
  let org: string;
  if (draw.chance(0.55)) {
    // Registered since 2015: MA + 6 characters of the code alphabet.
    org = 'MA';
    for (let i = 0; i < 6; i++) org += draw.chance(0.6) ? String(draw.int(0, 9)) : draw.pick(Array.from(ORG_LETTERS));
  } else {
    org = draw.digits(8);
  }
  const first17 = `91${regionCode}${org}${orgCodeCheckCharacter(org)}`;
  for (const ch of first17) if (!USCC_ALPHABET.includes(ch)) throw new Error(`bad credit code character ${ch}`);
  return first17 + creditCodeCheckCharacter(first17);
}

/** A citizen ID number (GB 11643-1999): division code, birth date, sequence (odd: male), check. */
export function makeIdNumber(draw: Draw, regionCode: string, birth: string, male: boolean): string {
  let seq = draw.int(0, 499) * 2 + (male ? 1 : 0);
  if (seq > 999) seq -= 2;
  const first17 = `${regionCode}${birth.replace(/-/g, '')}${String(seq).padStart(3, '0')}`;
  return first17 + idNumberCheckCharacter(first17);
}
