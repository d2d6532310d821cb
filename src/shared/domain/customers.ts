// The vocabulary of the customer credit file (SPEC §1). Codes are stored; labels are
// translation keys in the renderer (`customer.<list>.<code>`).

export const CUSTOMER_KINDS = ['enterprise', 'individual'] as const;
export const ENTERPRISE_NATURES = ['state_owned', 'private', 'foreign', 'joint_venture', 'collective', 'individual_business', 'public_institution', 'other'] as const;
/** 销售类 / 租赁类 / 系统集成 / 服务运营 */
export const SERVICE_TYPES = ['sales', 'leasing', 'integration', 'operations'] as const;
export const CONTACT_ROLES = ['finance', 'business', 'legal', 'other'] as const;
/** 资质: licences, registrations, certifications and credit levels. */
export const QUALIFICATION_KINDS = ['business_licence', 'tax_registration', 'organisation_code', 'special_permit', 'iso9000', 'iso20000', 'bank_credit_level', 'tax_credit_level'] as const;
export const CONTRACT_STATUSES = ['active', 'completed', 'terminated'] as const;
export const TRANSACTION_KINDS = ['sale', 'return'] as const;
/** 不良记录 / 涉诉 / 判决 / 失信名单 / 重大管理层变动 */
export const CREDIT_EVENT_KINDS = ['bad_record', 'litigation', 'judgment', 'blacklist', 'management_change'] as const;
export const FEEDBACK_KINDS = ['complaint', 'satisfaction'] as const;
/** 密级: 普通 / 秘密(内部) / 机密 */
export const CONFIDENTIALITY_LEVELS = ['normal', 'secret', 'confidential'] as const;
/** 保管期限 */
export const RETENTION_PERIODS = ['10y', '30y', 'permanent'] as const;
export const VERIFICATION_STATES = ['pending', 'verified'] as const;
export const WARNING_STATES = ['none', 'open'] as const;

/**
 * Document categories: the contract archive of seed 001 §1.1–1.11 and the credit file
 * of §5.
 */
export const DOCUMENT_CATEGORIES = [
  'negotiation', // 1.1 谈判记录、可行性研究报告和报审及批准文件
  'licence', // 1.2 法人营业执照、营业执照、事业法人执照副本复印件
  'capability', // 1.3 履约能力证明资料
  'counterparty_authorisation', // 1.4 法定代表人或承办人资格证明、身份证明、介绍信、授权委托书
  'our_authorisation', // 1.5 我方法定代表人授权委托书
  'guarantor', // 1.6 担保人担保能力和主体资格证明
  'correspondence', // 1.7 往来电报、电传、信函、电话记录等书面及视听材料
  'notarisation', // 1.8 登记、见证、鉴证、公证文书
  'contract', // 1.9 合同正本、副本及变更、解除合同的书面协议
  'acceptance', // 1.10 标的验收记录
  'vouchers', // 1.11 交接、收付标的、款项的原始凭证复印件
  'credit_application', // §5 客户信用申请表
  'customer_survey', // §5 客户调查表
  'credit_approval', // §5 客户信用审批表
  'reply_letter', // §5 回复客户的标准函
  'grant_documents', // §5 授信资料
  'annual_review', // §5 年审评价报告
  'financial_statements', // §5 财务报表
  'survey_materials', // §5 调查原始资料（概况、付款习惯、财务状况、商账追讨记录、往来银行、经营状况）
  'other',
] as const;

/** What may be stored as an electronic document, and shown inside the app. */
export const DOCUMENT_MIME_TYPES = [
  'application/pdf',
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'application/msword',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.ms-excel',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.ms-powerpoint',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'text/plain',
] as const;
export const VIEWABLE_MIME_TYPES = ['application/pdf', 'image/png', 'image/jpeg', 'image/gif', 'image/webp'] as const;
/** Largest electronic document accepted (bytes). */
export const MAX_DOCUMENT_BYTES = 50 * 1024 * 1024;

export const IMPORT_KINDS = ['customers', 'contracts', 'transactions', 'payments'] as const;
export const IMPORT_FORMATS = ['csv', 'xlsx'] as const;
/** Largest import file accepted (bytes). */
export const MAX_IMPORT_BYTES = 200 * 1024 * 1024;

export type CustomerKind = (typeof CUSTOMER_KINDS)[number];
export type DocumentCategory = (typeof DOCUMENT_CATEGORIES)[number];
export type ImportKind = (typeof IMPORT_KINDS)[number];

/** 企业性质 and 服务类型 in the words of the paper forms and of finance's exports (the PDFs, the demo's CSV). */
export const ENTERPRISE_NATURE_ZH: Record<(typeof ENTERPRISE_NATURES)[number], string> = {
  state_owned: '国有企业',
  private: '民营企业',
  foreign: '外资企业',
  joint_venture: '合资企业',
  collective: '集体企业',
  individual_business: '个体工商户',
  public_institution: '事业单位',
  other: '其他',
};
export const SERVICE_TYPE_ZH: Record<(typeof SERVICE_TYPES)[number], string> = { sales: '销售类', leasing: '租赁类', integration: '系统集成', operations: '服务运营' };
