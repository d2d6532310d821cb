// A customer-like row, deterministic from a seed so every run inserts the same bytes.

export interface CustomerRow {
  id: string;
  name: string;
  credit_code: string;
  credit_limit_fen: number;
  score: number;
  status: number;
  version: number;
  created_at: string;
  profile_json: string;
}

/** mulberry32: small, fast, seeded; good enough to spread keys and pick words. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const hex = (n: number, width: number) => n.toString(16).padStart(width, '0');

/** UUIDv7 layout: 48-bit ms timestamp, version 7, variant 10, random bits. */
function uuidV7Like(ms: number, rnd: () => number): string {
  const r = () => Math.floor(rnd() * 0x10000);
  const t = hex(ms, 12);
  return `${t.slice(0, 8)}-${t.slice(8)}-7${hex(r() & 0xfff, 3)}-${hex(0x8000 | (r() & 0x3fff), 4)}-${hex(r(), 4)}${hex(r(), 4)}${hex(r(), 4)}`;
}

// Unified social credit code (统一社会信用代码, GB 32100-2015): 17 characters + check.
const CODE_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CODE_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

function creditCode(rnd: () => number): string {
  const pick = () => Math.floor(rnd() * 31);
  const body = ['9', '1', ...Array.from({ length: 6 }, () => String(Math.floor(rnd() * 10)))];
  while (body.length < 17) body.push(CODE_CHARS[pick()]!);
  const sum = body.reduce((s, ch, i) => s + CODE_CHARS.indexOf(ch) * CODE_WEIGHTS[i]!, 0);
  return body.join('') + CODE_CHARS[(31 - (sum % 31)) % 31]!;
}

const CITIES = ['杭州', '宁波', '温州', '苏州', '无锡', '合肥', '南京', '佛山', '东莞', '成都'];
const WORDS = ['恒达', '瑞丰', '永信', '华联', '金桥', '鑫源', '盛世', '宏远', '汇通', '嘉禾'];
const TRADES = ['纺织', '机械', '贸易', '电子', '建材', '食品', '物流', '化工'];
const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '周', '吴'];
const GIVEN = ['伟', '芳', '娜', '敏', '静', '强', '磊', '军', '洋', '勇', '艳', '杰'];

export function makeRows(count: number, seed = 20240601): CustomerRow[] {
  const rnd = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const base = Date.UTC(2024, 0, 2, 1, 0, 0);
  const rows: CustomerRow[] = [];
  for (let i = 0; i < count; i++) {
    const ms = base + i * 997; // created over time: ids ascend, as UUIDv7 ids do
    const city = pick(CITIES);
    const profile = {
      contact: pick(SURNAMES) + pick(GIVEN) + pick(GIVEN),
      phone: `1${3 + Math.floor(rnd() * 6)}${String(Math.floor(rnd() * 1e9)).padStart(9, '0')}`,
      address: `${city}市${pick(WORDS)}路${1 + Math.floor(rnd() * 999)}号`,
      industry: pick(TRADES),
      employees: 5 + Math.floor(rnd() * 2000),
      tags: [pick(['重点客户', '新客户', '老客户']), pick(['制造业', '服务业'])],
    };
    rows.push({
      id: uuidV7Like(ms, rnd),
      name: `${city}${pick(WORDS)}${pick(TRADES)}有限公司`,
      credit_code: creditCode(rnd),
      credit_limit_fen: Math.floor(rnd() * 5_000_000) * 100,
      score: 300 + Math.floor(rnd() * 550),
      status: Math.floor(rnd() * 4),
      version: 1 + Math.floor(rnd() * 5),
      created_at: new Date(ms).toISOString(),
      profile_json: JSON.stringify(profile),
    });
  }
  return rows;
}

/** Average payload of a row in bytes: UTF-8 text plus 8 bytes per integer. */
export function averageRowBytes(rows: CustomerRow[]): number {
  let total = 0;
  for (const r of rows) {
    for (const v of Object.values(r)) total += typeof v === 'string' ? Buffer.byteLength(v) : 8;
  }
  return total / rows.length;
}

/** Fisher–Yates with a seed: the same random read order in every run and variant. */
export function shuffled<T>(xs: readonly T[], seed = 7): T[] {
  const rnd = prng(seed);
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
