import type { ErrorCode } from '../contract/errors';

// One sentence per error code (a refusal with a reason says more: see the domains' `reasons`).
export const errorsZhCN = {
  VALIDATION: '输入有误，请检查标出的内容。',
  UNKNOWN_METHOD: '程序版本不一致，此操作暂不支持。请重新启动程序。',
  UNAUTHENTICATED: '会话已失效，请重新登录。',
  FORBIDDEN: '您没有执行此操作的权限。',
  NOT_FOUND: '未找到该记录，它可能已被修改或删除。',
  CONFLICT: '该操作与档案中的现有数据冲突。',
  LOCKED: '会话已锁定，请输入密码解锁。',
  WRONG_PASSWORD: '用户名或密码不正确。',
  WRONG_RECOVERY_CODE: '恢复码不正确，或该用户不是系统管理员。',
  RATE_LIMITED: '尝试次数过多，请稍后再试。',
  NOT_INITIALIZED: '档案尚未初始化，请先完成首次设置。',
  ALREADY_INITIALIZED: '档案已经初始化，不能重复设置。',
  NEWER_VERSION: '此档案由更新版本的程序写入，当前版本无法打开。档案未被改动，请升级程序后再打开。',
  CORRUPT: '档案文件已损坏，无法打开。程序不会自行删除或改动任何数据，请从备份恢复。',
  INTERNAL: '发生内部错误，请重试。如问题持续，请联系系统管理员。',
} satisfies Record<ErrorCode, string>;
