import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readPurposes } from '../../src/shared/contract/audit';
import { LANGUAGES } from '../../src/shared/messages';
import { auditEnUS } from '../../src/shared/messages/audit.en-US';
import { auditZhCN } from '../../src/shared/messages/audit.zh-CN';
import { detailsInWords, filterInWords, purposeInWords, targetInWords, userInWords } from '../../src/shared/messages/auditWords';

// An audit entry's details in words, the one function of the register's screen and export.

const ROLE = '0190a1b2-0000-7000-8000-000000000001';
const DEPT = '0190a1b2-0000-7000-8000-000000000002';
const CUSTOMER = '0190a1b2-0000-7000-8000-000000000003';
const names = new Map([
  [ROLE, '信用经理'],
  [DEPT, '信用管理部门'],
]);
const nameOf = (id: string) => names.get(id);

const CASES: { details: unknown; zh: string | null; en: string | null }[] = [
  { details: {}, zh: null, en: null },
  { details: null, zh: null, en: null },
  { details: { username: 'li', departmentId: DEPT, roleIds: [ROLE] }, zh: '用户名：li；部门：信用管理部门；角色：信用经理', en: 'User name: li; Department: 信用管理部门; Roles: 信用经理' },
  { details: { customerId: CUSTOMER }, zh: '客户：0190a1b2…', en: 'Customer: 0190a1b2…' },
  { details: { rotateKey: true, reactivated: false }, zh: '轮换档案密钥：是；重新启用：否', en: 'Archive key rotated: Yes; Reactivated: No' },
  { details: { amountFen: 123456789 }, zh: '金额：¥1,234,567.89', en: 'Amount: ¥1,234,567.89' },
  { details: { bytes: 2048 }, zh: '大小：2.0 KB', en: 'Size: 2.0 KB' },
  { details: { before: ['audit.read'], after: ['audit.read', 'customers.read'] }, zh: '修改前：审计日志；修改后：审计日志、查阅客户档案', en: 'Before: Audit log; After: Audit log, Read customer files' },
  { details: { kind: 'customers', fileName: '客户.xlsx', rows: 3 }, zh: '类型：客户；文件名：客户.xlsx；行数：3', en: 'Kind: Customers; File name: 客户.xlsx; Rows: 3' },
  { details: { firstBad: { seq: 7, reason: 'gap' } }, zh: '首个异常：第 7 条（序号不连续，可能有记录被删除）', en: 'First problem: entry 7 (numbering has a gap; entries may have been deleted)' },
  { details: { filter: { action: 'customers.get' }, rows: 2 }, zh: '筛选条件：（操作：查阅客户档案）；行数：2', en: 'Filter: (Action: Customer file read); Rows: 2' },
  { details: { removed: `contract:${CUSTOMER}` }, zh: '删除的记录：contract:0190a1b2…', en: 'Record removed: contract:0190a1b2…' },
  { details: { somethingNew: 'x' }, zh: 'somethingNew：x', en: 'somethingNew: x' },
];

describe('audit details in words', () => {
  for (const c of CASES) {
    it(`${JSON.stringify(c.details)}`, () => {
      expect(detailsInWords('zh-CN', { details: c.details }, nameOf)).toBe(c.zh);
      expect(detailsInWords('en-US', { details: c.details }, nameOf)).toBe(c.en);
    });
  }

  it('an error code as a reason reads as its text', () => {
    expect(detailsInWords('zh-CN', { details: { reason: 'FORBIDDEN' } })).not.toContain('FORBIDDEN');
    expect(detailsInWords('en-US', { details: { reason: 'FORBIDDEN' } })).not.toContain('FORBIDDEN');
  });

  it('every key has its word in both languages', () => {
    expect(Object.keys(auditEnUS.detailKeys).sort()).toEqual(Object.keys(auditZhCN.detailKeys).sort());
  });

  it('any details at all become words (or nothing), never an exception, and never lose a value that is plain text', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string({ minLength: 1, maxLength: 12 }), fc.jsonValue({ maxDepth: 3 })), fc.constantFrom(...LANGUAGES), (details, language) => {
        const words = detailsInWords(language, { details }, nameOf);
        if (Object.keys(details).length === 0) expect(words).toBeNull();
        else expect(typeof words).toBe('string');
        // A plain word under a key that names no code is shown as written.
        for (const [key, value] of Object.entries(details)) {
          if (['reason', 'kind', 'purpose'].includes(key)) continue;
          if (typeof value === 'string' && /^[a-z]{3,}$/.test(value)) expect(words).toContain(value);
        }
      }),
    );
  });
});

describe('purpose, object and person in words', () => {
  it('a purpose code reads in each language; a typed purpose as typed', () => {
    for (const code of readPurposes.options) {
      expect(purposeInWords('zh-CN', code)).toBe(auditZhCN.purposes[code]);
      expect(purposeInWords('en-US', code)).toBe(auditEnUS.purposes[code]);
    }
    expect(purposeInWords('en-US', '年审核对')).toBe('年审核对');
    expect(purposeInWords('zh-CN', null)).toBeNull();
  });

  it('an object by kind and name, a short id where the name is not the reader’s, a day as it is', () => {
    expect(targetInWords('zh-CN', { target: `customer:${CUSTOMER}`, targetName: '杭州恒达纺织有限公司' })).toBe('客户 杭州恒达纺织有限公司');
    expect(targetInWords('en-US', { target: `customer:${CUSTOMER}`, targetName: null })).toBe('Customer 0190a1b2…');
    expect(targetInWords('zh-CN', { target: 'calendar:2026-10-01', targetName: null })).toBe('工作日历 2026-10-01');
    expect(targetInWords('zh-CN', { target: 'thing:x', targetName: null })).toBe('thing:x');
    expect(targetInWords('zh-CN', { target: null, targetName: null })).toBeNull();
  });

  it('a person by display name with the login name; the system where nobody acted', () => {
    expect(userInWords('zh-CN', { displayName: '李信用', username: 'li.credit' })).toBe('李信用（li.credit）');
    expect(userInWords('en-US', { displayName: '李信用', username: 'li.credit' })).toBe('李信用 (li.credit)');
    expect(userInWords('zh-CN', { displayName: null, username: 'ghost' })).toBe('ghost');
    expect(userInWords('en-US', { displayName: null, username: null })).toBe('System');
  });

  it('a filter in words, or all entries', () => {
    expect(filterInWords('zh-CN', {})).toBe('全部记录');
    expect(filterInWords('en-US', { action: 'audit.export' })).toBe('Action: Audit log exported');
  });
});
