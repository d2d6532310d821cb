import type { RecordsReason, ValidityState } from '../contract/records';
import type { ActionOf } from './types';

// The texts of the records domain's codes in Chinese: used by the renderer and the command line.
export const recordsZhCN = {
  reasons: {
    contractNoTaken: '该合同编号已被使用。',
    contractInUse: '该合同下有交易或付款记录，不能删除。',
    alreadyVoided: '这条记录已经作废，作废不能撤销或重复。',
    contractHasRecords: '该合同下还有未作废的交易或付款记录，请先作废这些记录。',
    contractVoided: '该合同已作废，不能再登记交易或付款。',
  } satisfies Record<RecordsReason, string>,
  actions: {
    'records.addContact': '添加联系人',
    'records.addQualification': '添加资质',
    'records.addContract': '添加合同',
    'records.addTransaction': '添加交易记录',
    'records.addPayment': '添加付款记录',
    'records.addCreditEvent': '添加信用事件',
    'records.addFeedback': '添加客户反馈',
    'records.addCreditReport': '添加第三方报告',
    'records.remove': '删除档案记录',
    'records.void': '作废档案记录',
  } satisfies Record<ActionOf<'records'>, string>,
  validity: {
    valid: '有效',
    expiring: '即将到期',
    expired: '已过期',
    open: '长期有效',
  } satisfies Record<ValidityState, string>,
};
