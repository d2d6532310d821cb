import type { UsersReason } from '../contract/users';
import type { ActionOf } from './types';

// The texts of the users domain's codes in Chinese: used by the renderer and the command line.
export const usersZhCN = {
  reasons: {
    usernameTaken: '该用户名已被使用，请换一个。',
    self: '您不能停用自己的账户。',
    alreadyInactive: '该用户已经停用。',
    lastAdministrator: '至少要保留一位可以管理用户的在职用户，此修改会使档案无人管理，未保存。',
    ownSeparatedGrant: '此项更改会让您自己获得客户档案、信用评审、审批或审计权限，需要另一位系统管理员来为您修改角色。',
  } satisfies Record<UsersReason, string>,
  actions: {
    'users.list': '查看用户列表',
    'users.create': '创建用户',
    'users.update': '编辑用户',
    'users.resetPassword': '重置密码',
    'users.deactivate': '停用用户',
  } satisfies Record<ActionOf<'users'>, string>,
};
