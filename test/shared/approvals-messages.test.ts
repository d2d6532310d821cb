import { describe, expect, it } from 'vitest';
import { APPROVAL_REFUSALS, CHAIN_STATUSES, DEFINITION_PROBLEMS, ESCALATION_REASONS, STEP_STATUSES, VOID_REASONS } from '../../src/shared/domain/approvals';
import { approvalsEnUS as approvalMessagesEn } from '../../src/shared/messages/approvals.en-US';
import { approvalsZhCN as approvalMessagesZh } from '../../src/shared/messages/approvals.zh-CN';

function leaves(value: unknown, path = ''): [string, string][] {
  if (typeof value === 'string') return [[path, value]];
  return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => leaves(v, path ? `${path}.${k}` : k));
}
const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe('approval texts in both languages', () => {
  it('explain every code that crosses the seam', () => {
    for (const m of [approvalMessagesZh, approvalMessagesEn]) {
      expect(Object.keys(m.refusal).sort()).toEqual([...APPROVAL_REFUSALS].sort());
      expect(Object.keys(m.chainStatus).sort()).toEqual([...CHAIN_STATUSES].sort());
      expect(Object.keys(m.stepStatus).sort()).toEqual([...STEP_STATUSES].sort());
      expect(Object.keys(m.voidReason).sort()).toEqual([...VOID_REASONS].sort());
      expect(Object.keys(m.escalation).sort()).toEqual([...ESCALATION_REASONS].sort());
      expect(Object.keys(m.definitionProblem).sort()).toEqual([...DEFINITION_PROBLEMS].sort());
    }
  });
  it('have the same keys and placeholders, and no empty text', () => {
    const zh = new Map(leaves(approvalMessagesZh));
    const en = new Map(leaves(approvalMessagesEn));
    expect([...en.keys()].sort()).toEqual([...zh.keys()].sort());
    for (const [key, text] of zh) {
      expect(text.trim(), key).not.toBe('');
      expect(placeholders(en.get(key)!), key).toEqual(placeholders(text));
    }
  });
});
