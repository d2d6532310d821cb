import type { AuditTargetKind, ChainBreak } from '../contract/audit';
import type { ActionOf } from './types';

// The texts of the audit domain's codes in Chinese: used by the renderer and the command line.
export const auditZhCN = {
  actions: {
    'audit.list': '查阅审计日志',
    'audit.actions': '查询审计操作类型',
    'audit.recordExport': '保存导出文件',
    'audit.verify': '校验审计日志链',
  } satisfies Record<ActionOf<'audit'>, string>,
  targets: {
    user: '用户',
    role: '角色',
    department: '部门',
    customer: '客户',
    document: '档案材料',
    import: '导入',
    calendar: '工作日历',
    approval: '审批单',
    'approval-definition': '审批流程',
    evaluation: '信用评审',
    'scoring-model': '评分模型',
    warning: '风险预警',
    delegation: '审批委托',
  } satisfies Record<AuditTargetKind, string>,
  chainBreaks: {
    hash: '内容与哈希不符',
    link: '与前一条记录的链接断裂',
    gap: '序号不连续，可能有记录被删除',
    cut: '日志比库外保存的链头短，最新的记录已被删除或改写',
    headMissing: '库外保存的链头文件缺失，无法确认最新的记录未被删除',
    headInvalid: '库外保存的链头文件已损坏或被伪造',
  } satisfies Record<ChainBreak, string>,
};
