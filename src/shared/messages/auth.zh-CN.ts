import type { AuthReason } from '../contract/auth';
import type { ActionOf } from './types';

// The texts of the auth domain's codes in Chinese: used by the renderer and the command line.
export const authZhCN = {
  reasons: {
    accountInactive: '该账户已停用，请联系系统管理员。',
    mustChangePassword: '请先修改管理员为您设置的初始密码。',
    recoveryNotAdministrator: '恢复码只能用于恢复系统管理员账户，该用户不是系统管理员。',
    passwordTooWeak: '密码太容易被猜到，请换一个更强的密码（例如较长的短语，避免姓名、用户名和重复字符）。',
  } satisfies Record<AuthReason, string>,
  actions: {
    'auth.login': '登录',
    'auth.recover': '使用恢复码解锁',
    'auth.me': '查询当前用户',
    'auth.lock': '锁定会话',
    'auth.unlock': '解锁会话',
    'auth.logout': '退出登录',
    'auth.changePassword': '修改密码',
    'auth.failures_not_itemised': '未逐条记录的登录失败',
    'auth.failures_unreadable': '无法读取的待记录密码失败',
  } satisfies Record<ActionOf<'auth'>, string>,
};
