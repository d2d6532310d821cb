import type { RolesReason } from '../contract/roles';
import type { ActionOf } from './types';

// The texts of the roles domain's codes in Chinese: used by the renderer and the command line.
export const rolesZhCN = {
  reasons: {
    sysadminKeeps: '系统管理员角色必须保留“用户管理”和“角色权限管理”两项权限，以免档案无人管理。',
  } satisfies Record<RolesReason, string>,
  actions: {
    'roles.list': '查看角色列表',
    'roles.update': '修改角色权限',
  } satisfies Record<ActionOf<'roles'>, string>,
};
