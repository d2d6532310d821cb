import { pinyin } from 'pinyin-pro';

// The order a Chinese reader expects of names: by pinyin (安徽… before 北京… before
// 上海…), syllable by syllable, each with its tone, then by the name itself. SQLite
// compares text byte by byte and cannot collate by pinyin, so the order is a stored key
// (docs/decisions/0013-pinyin-sort-key.md).

/**
 * The sort key of a name: its syllables with tone numbers ("an1 hui1 …"), Latin letters
 * and digits folded to lower case, punctuation left out, then the name itself after a
 * separator below every letter, so equal readings keep a stable order. A syllable ends
 * in its tone digit, which sorts before any letter: 西安 (xi1 an1) before 先锋 (xian1 …).
 */
export function pinyinSortKey(name: string): string {
  const syllables = pinyin(name.normalize('NFKC'), { toneType: 'num', type: 'array', v: true, nonZh: 'consecutive' })
    .map((s) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ''))
    .filter((s) => s.length > 0);
  return `${syllables.join(' ')}\u0001${name}`;
}
