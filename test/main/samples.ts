import { contract, type HostMethodName, type Input, type MethodName } from '../../src/shared/contract';
import { defaultChain } from '../../src/shared/domain/approvals';
import { creditCodeCheckCharacter } from '../../src/shared/domain/identifiers';
import { DEFAULT_CROSSWALK, PERIODIC_REVIEW_MODEL } from '../../src/shared/domain/scoring';

const { id: _modelId, version: _modelVersion, status: _modelStatus, ...PERIODIC_REVIEW_CONTENT } = PERIODIC_REVIEW_MODEL;

/** Every method the archive host answers, straight from the contract. */
export const HOST_METHODS = (Object.keys(contract) as MethodName[]).filter(
  (m): m is HostMethodName => contract[m].handledBy === 'host',
);

/** Ids the samples point at: real rows of the archive under test. */
export interface SampleIds {
  /** A user other than the caller (the target of user management). */
  userId: string;
  departmentId: string;
  /** A role to grant or change. */
  roleId: string;
  /** A customer file, a contract and a document of it (any well-formed id will do where none exists). */
  customerId?: string;
  contractId?: string;
  documentId?: string;
}

/** Well-formed ids (UUIDv7) that point at nothing. */
const NO_CUSTOMER = '0190a000-0000-7000-8000-000000000001';
const NO_CONTRACT = '0190a000-0000-7000-8000-000000000002';
const NO_DOCUMENT = '0190a000-0000-7000-8000-000000000003';
const NO_CHAIN = '0190a000-0000-7000-8000-000000000004';

/** A small but well-formed PDF (one empty page), as a document upload carries it. */
export const SAMPLE_PDF_BASE64 = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
  'latin1',
).toString('base64');

/** A valid unified social credit code. */
export const SAMPLE_CREDIT_CODE = '91350100M000100Y43';

/** A customers file of one valid row (its own credit code), as an import carries it. */
const IMPORT_CODE_BODY = '91110108MA01ABCDE';
export const SAMPLE_IMPORT_CSV_BASE64 = Buffer.from(
  `\ufeff客户名称,客户类型,统一社会信用代码,所属部门\r\n北京样本导入有限公司,企业,${IMPORT_CODE_BODY + creditCodeCheckCharacter(IMPORT_CODE_BODY)},业务部门\r\n`,
  'utf8',
).toString('base64');
export const SAMPLE_JOB_ID = '0190a000-0000-7000-8000-0000000000a1';

/** A recovery code of the right shape that opens nothing. */
export const WRONG_RECOVERY_CODE = '0000-0000-0000-0000-0000-0000-0000-0000';

/**
 * One valid input per host method. The mapped type makes a method without a sample a
 * type error; the tests also check it at run time, so that a new method of the contract
 * cannot slip past the FORBIDDEN and VALIDATION walks.
 */
export function validInputs(ids: SampleIds): { [M in HostMethodName]: Input<M> } {
  const customerId = ids.customerId ?? NO_CUSTOMER;
  const contractId = ids.contractId ?? NO_CONTRACT;
  return {
    'archive.status': {},
    'archive.check': {},
    'archive.setup': {
      companyName: '另一家公司',
      admin: { username: 'second.admin', displayName: '赵敏', password: 'Another-Admin-2026!' },
    },
    'auth.login': { username: 'someone', password: 'Some-Password-1' },
    'auth.recover': { recoveryCode: WRONG_RECOVERY_CODE, username: 'admin', newPassword: 'Recovered-2026!' },
    'auth.me': {},
    'auth.lock': {},
    'auth.unlock': { password: 'Some-Password-1' },
    'auth.logout': {},
    'auth.changePassword': { currentPassword: 'Some-Password-1', newPassword: 'Some-Password-2' },
    'users.list': {},
    'users.create': {
      username: 'intruder',
      displayName: '不速之客',
      departmentId: ids.departmentId,
      roleIds: [ids.roleId],
      password: 'Intruder-Password-1',
    },
    'users.update': { id: ids.userId, displayName: '改了名字', departmentId: ids.departmentId, roleIds: [ids.roleId] },
    'users.resetPassword': { id: ids.userId, newPassword: 'Taken-Over-2026!' },
    'users.deactivate': { id: ids.userId, rotateKey: true },
    'roles.list': {},
    'roles.update': { id: ids.roleId, permissions: ['users.manage', 'roles.manage', 'settings.manage', 'audit.read'] },
    'departments.list': {},
    'settings.get': {},
    'settings.update': { companyName: '被改掉的公司名', idleLockMinutes: 240 },
    'audit.list': {
      userId: ids.userId,
      action: 'auth.login',
      from: '2026-01-01T00:00:00.000Z',
      to: '2027-01-01T00:00:00.000Z',
      beforeSeq: 1000,
      limit: 50,
    },
    'audit.actions': {},
    'audit.recordExport': { fileName: '客户清单.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', bytes: 2048 },
    'audit.verify': {},
    'customers.search': { text: '华东', grade: 'A', industry: '制造业', departmentId: ids.departmentId, warningState: 'none', verification: 'pending', offset: 0, limit: 50 },
    'customers.facets': {},
    'customers.get': { id: customerId, purpose: '年度信用评审' },
    'customers.create': {
      kind: 'enterprise',
      name: '福州样本科技有限公司',
      creditCode: SAMPLE_CREDIT_CODE,
      idNumber: null,
      enterpriseNature: 'private',
      registeredCapitalFen: 500_000_000,
      legalRepresentative: '林森',
      personInCharge: '陈晓',
      address: '福建省福州市鼓楼区五四路 1 号',
      bankName: '中国工商银行福州分行',
      bankAccount: '1402 0200 0902 4567 890',
      industry: '信息技术',
      serviceType: 'integration',
      cooperationStart: '2019-03-01',
      departmentId: ids.departmentId,
      confidentiality: 'normal',
      contacts: [{ role: 'finance', name: '王芳', phone: '0591-87654321', email: 'wang.fang@example.cn' }],
    },
    'customers.update': {
      id: customerId,
      kind: 'enterprise',
      name: '福州样本科技股份有限公司',
      creditCode: SAMPLE_CREDIT_CODE,
      idNumber: null,
      enterpriseNature: 'private',
      registeredCapitalFen: 800_000_000,
      legalRepresentative: '林森',
      personInCharge: '陈晓',
      address: '福建省福州市鼓楼区五四路 1 号',
      bankName: '中国工商银行福州分行',
      bankAccount: '140202000902456789',
      industry: '信息技术',
      serviceType: 'integration',
      cooperationStart: '2019-03-01',
      departmentId: ids.departmentId,
      confidentiality: 'secret',
    },
    'customers.verify': { id: customerId },
    'records.addContact': { customerId, role: 'business', name: '李雷', phone: '13800138000', email: null },
    'records.addQualification': { customerId, kind: 'iso9000', number: 'ISO-2024-0098', issuer: '中国质量认证中心', level: null, validFrom: '2024-01-01', validTo: '2027-01-01' },
    'records.addContract': {
      customerId,
      departmentId: ids.departmentId,
      contractNo: null,
      title: '年度设备租赁合同',
      amountFen: 12_000_000,
      signedOn: '2026-03-01',
      startOn: '2026-03-01',
      endOn: '2027-02-28',
      status: 'active',
    },
    'records.addTransaction': { customerId, contractId, kind: 'sale', docNo: 'FP-0001', amountFen: 1_000_000, occurredOn: '2026-04-01', dueOn: '2026-05-01' },
    'records.addPayment': { customerId, contractId, amountFen: 1_000_000, paidOn: '2026-04-28', ref: 'YH-0001' },
    'records.addCreditEvent': { customerId, kind: 'litigation', occurredOn: '2026-06-01', title: '买卖合同纠纷', detail: '原告：某供应商', amountFen: 30_000_000, source: '中国裁判文书网' },
    'records.addFeedback': { customerId, kind: 'satisfaction', occurredOn: '2026-06-30', score: 4, content: '对交付及时性满意' },
    'records.addCreditReport': { customerId, agency: '中诚信', reportNo: 'ZCX-2026-001', issuedOn: '2026-01-15', rating: 'AA', summary: '经营稳定' },
    'records.remove': { kind: 'contact', id: NO_CONTRACT },
    'records.void': { kind: 'payment', id: NO_CONTRACT, reason: '录入错误' },
    'documents.add': {
      customerId,
      category: 'contract',
      title: '年度设备租赁合同（正本）',
      archiveNo: null,
      retention: '30y',
      confidentiality: 'secret',
      file: { name: '租赁合同.pdf', mime: 'application/pdf', contentBase64: SAMPLE_PDF_BASE64 },
      location: null,
    },
    'documents.open': { id: ids.documentId ?? NO_DOCUMENT, purpose: '合同履约核查' },
    'imports.template': { kind: 'customers', format: 'xlsx' },
    'imports.preview': { kind: 'customers', format: 'csv', fileName: '客户.csv', contentBase64: SAMPLE_IMPORT_CSV_BASE64 },
    'imports.run': { kind: 'customers', format: 'csv', fileName: '客户.csv', contentBase64: SAMPLE_IMPORT_CSV_BASE64, jobId: SAMPLE_JOB_ID },
    'jobs.progress': { jobId: SAMPLE_JOB_ID },
    'jobs.cancel': { jobId: SAMPLE_JOB_ID },
    'approvals.inbox': { offset: 0, limit: 50 },
    'approvals.inboxCount': {},
    'approvals.mine': { offset: 0, limit: 50, status: 'running' },
    'approvals.done': { offset: 0, limit: 50 },
    'approvals.get': { id: NO_CHAIN },
    'approvals.decide': { kind: 'approve', chainId: NO_CHAIN, stepId: 'dept_manager', contentHash: '0'.repeat(64), opinion: '同意' },
    'approvals.withdraw': { chainId: NO_CHAIN, opinion: '不再需要' },
    'approvals.colleagues': {},
    'approvals.delegations.mine': {},
    'approvals.delegations.create': { toUserId: ids.userId, fromDay: '2026-12-01', toDay: '2026-12-31' },
    'approvals.delegations.end': { id: NO_CHAIN },
    'approvals.delegations.all': { includePast: true },
    'approvals.definitions.list': {},
    'approvals.definitions.get': { id: 'credit_limit_change' },
    'approvals.definitions.save': { definition: sampleDefinition() },
    'approvals.definitions.preview': { definition: sampleDefinition(), authorId: ids.userId, facts: { amountFen: 200_000_000 } },
    'approvals.departmentHeads.list': {},
    'approvals.departmentHeads.set': { departmentId: ids.departmentId, headUserId: ids.userId },
    'creditLimits.request': { customerId, limitFen: 200_000_000, termDays: 90, reason: '年度采购量增加' },
    'creditLimits.resubmit': { chainId: NO_CHAIN, limitFen: 150_000_000, termDays: 60, reason: '按部门经理意见下调' },
    'creditLimits.get': { chainId: NO_CHAIN },
    'creditLimits.history': { customerId, purpose: '授信额度调整审核' },
    'evaluations.models': {},
    'evaluations.model': { modelId: 'periodic_review' },
    'evaluations.saveModelDraft': { modelId: 'periodic_review', content: PERIODIC_REVIEW_CONTENT },
    'evaluations.publishModel': { modelId: 'periodic_review', version: 2 },
    'evaluations.previewModel': { modelId: 'periodic_review', version: 1, customerId, purpose: '评分模型修订预览' },
    'evaluations.crosswalk': {},
    'evaluations.setCrosswalk': { ranks: DEFAULT_CROSSWALK.ranks, entries: DEFAULT_CROSSWALK.entries },
    'evaluations.settings': {},
    'evaluations.setSettings': { publicationDays: 5 },
    'evaluations.start': { customerId, modelId: 'periodic_review' },
    'evaluations.startRound': { customerIds: [customerId], modelId: 'periodic_review' },
    'evaluations.startRoundJob': { jobId: '018f0000-0000-7000-8000-00000000e901', modelId: 'periodic_review', select: { by: 'list', customerIds: [customerId] } },
    'evaluations.get': { evaluationId: NO_CHAIN, purpose: '信用评审' },
    'evaluations.list': { customerId, purpose: '信用评审' },
    'evaluations.act': { evaluationId: NO_CHAIN, action: { type: 'submit_sheet' } },
    'evaluations.addFinancialStatement': {
      customerId,
      periodStart: '2025-01-01',
      periodEnd: '2025-12-31',
      totalAssetsFen: 1_000_00,
      totalLiabilitiesFen: 600_00,
      currentAssetsFen: 500_00,
      inventoryFen: 100_00,
      currentLiabilitiesFen: 300_00,
      receivablesFen: 150_00,
      revenueFen: 1_200_00,
      costOfSalesFen: 900_00,
      netProfitFen: 90_00,
      openingReceivablesFen: null,
      openingInventoryFen: null,
      openingEquityFen: null,
      source: null,
    },
    'evaluations.financialStatements': { customerId, purpose: '信用评审' },
    'evaluations.due': { horizonDays: 30 },
    'evaluations.exportPdf': { evaluationId: NO_CHAIN, purpose: '信用评审' },
    'calendar.get': { year: 2026 },
    'calendar.setOverlay': { day: '2026-03-06', kind: 'closed', note: '公司年会' },
    'calendar.importYear': { text: '{}' },
  };
}

/** The shipped credit-limit chain, as the chain editor would send it back. */
function sampleDefinition(): Input<'approvals.definitions.save'>['definition'] {
  return structuredClone(defaultChain('credit_limit_change')) as Input<'approvals.definitions.save'>['definition'];
}
