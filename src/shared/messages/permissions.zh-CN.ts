import type { Permission } from '../domain/permissions';

// The names and descriptions of the permissions in Chinese: the role screens, the audit
// register and its export read them from here.
export const permissionsZhCN = {
  'users.manage': { name: '用户管理', description: '创建、编辑和停用用户，重置用户密码' },
  'roles.manage': { name: '角色权限管理', description: '调整每个角色所授予的权限' },
  'settings.manage': { name: '系统设置', description: '修改单位名称、自动锁定时间等档案设置' },
  'audit.read': { name: '审计日志', description: '查阅审计日志并校验日志链的完整性' },
  'customers.read': { name: '查阅客户档案', description: '查找客户并查阅客户信用档案（每次查阅均记录用途）' },
  'customers.write': { name: '录入客户档案', description: '登记客户，录入联系人、资质、合同、交易、付款等记录' },
  'customers.verify': { name: '核验客户信息', description: '核验他人录入的客户关键信息（双人核验）' },
  'customers.import': { name: '导入数据', description: '从 CSV、XLSX 文件导入客户、合同、交易和付款' },
  'documents.read': { name: '查阅档案材料', description: '打开客户档案中的电子文件（带水印，记录用途）' },
  'documents.write': { name: '登记档案材料', description: '上传电子文件，登记实物材料及其存放位置' },
  'approvals.manage': { name: '审批流程管理', description: '编辑审批流程、设置部门负责人，查看全部审批委托' },
  'creditLimits.request': { name: '申请授信额度调整', description: '为客户申请调整授信额度和信用期限（经审批后生效）' },
  'calendar.manage': { name: '管理工作日历', description: '设置公司停工日和加班工作日，导入次年法定节假日安排' },
  'evaluations.manage': { name: '信用评审管理', description: '编辑评分模型和等级对照，汇总评审意见、裁定分歧、答复异议' },
  'evaluations.take_part': { name: '参加信用评审', description: '发起信用评审，填写本人的评审表，为客户提出异议' },
  'checkouts.lend': { name: '借阅管理', description: '档案管理员：借出、收回、催还档案，查阅借阅登记簿；保管并可查阅全部档案' },
  'checkouts.policy': { name: '借阅规则', description: '按密级设置借阅期限、续借次数和是否仅限阅览室' },
  'warnings.manage': { name: '风险预警管理', description: '设置预警规则及其阈值，关闭预警' },
  'warnings.work': { name: '处置风险预警', description: '确认预警，记录处置说明和已采取的措施' },
  'dunning.work': { name: '催收', description: '记录到期前提醒，生成催款函，提出保证金转违约金及停止合作建议' },
} satisfies Record<Permission, { name: string; description: string }>;
