// The zod schema of a chain definition, for the contract (the administrator's chain editor
// sends one) and for reading a stored definition back. Structure only: the rules that span
// fields (unique step ids, quorum sizes …) are `validateDefinition`'s, so they live once.
import { z } from 'zod';
import { CONFIDENTIALITY_LEVELS } from '../customers';
import { DEPARTMENT_KINDS } from '../permissions';
import { APPROVAL_KINDS } from './types';
import type { ApprovalDefinition } from './types';

const code = z.string().trim().min(1).max(64);
const localized = z.strictObject({ 'zh-CN': z.string().trim().min(1).max(64), 'en-US': z.string().trim().min(1).max(64) });

export const assigneeSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('role'), role: code, sameDepartmentAsAuthor: z.boolean().optional() }),
  z.strictObject({ kind: z.literal('user'), userId: code }),
  z.strictObject({ kind: z.literal('authorDepartmentHead') }),
  z.strictObject({ kind: z.literal('departmentHead'), departmentCode: code }),
  z.strictObject({ kind: z.literal('leadership') }),
]);

export const stepModeSchema = z.discriminatedUnion('mode', [
  z.strictObject({ mode: z.literal('sequential') }),
  z.strictObject({ mode: z.literal('any') }),
  z.strictObject({ mode: z.literal('all') }),
  z.strictObject({ mode: z.literal('quorum'), n: z.int().min(1).max(99) }),
]);

export const stepConditionSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('amountAbove'), fen: z.int().min(0) }),
  z.strictObject({ kind: z.literal('gradeIn'), grades: z.array(code).min(1) }),
  z.strictObject({ kind: z.literal('confidentialityIn'), levels: z.array(z.enum(CONFIDENTIALITY_LEVELS)).min(1) }),
  z.strictObject({ kind: z.literal('authorDepartmentKindIn'), kinds: z.array(z.enum(DEPARTMENT_KINDS)).min(1) }),
  z.strictObject({ kind: z.literal('authorDepartmentIn'), departmentCodes: z.array(code).min(1) }),
]);

export const stepDefinitionSchema = z.strictObject({
  id: code,
  name: localized,
  who: z.array(assigneeSchema).min(1).max(20),
  how: stepModeSchema,
  when: z.array(stepConditionSchema).max(10).optional(),
  deadlineWorkingDays: z.int().min(1).max(365).optional(),
  opinionRequired: z.boolean(),
  distinctPerson: z.boolean(),
  transferTo: z.array(assigneeSchema).min(1).max(20).optional(),
});

export const approvalDefinitionSchema = z.strictObject({
  id: code,
  version: z.int().min(1),
  kind: z.enum(APPROVAL_KINDS),
  name: localized,
  steps: z.array(stepDefinitionSchema).min(1).max(30),
  fileWithDepartment: code.optional(),
});

// What the schema accepts is a definition (checked by the compiler); that every
// definition is accepted is checked by the tests on the default chains.
export type ParsedApprovalDefinition = z.infer<typeof approvalDefinitionSchema>;
export const asApprovalDefinition = (parsed: ParsedApprovalDefinition): ApprovalDefinition => parsed;
