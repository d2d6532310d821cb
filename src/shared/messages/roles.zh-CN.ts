import type { RolesReason } from '../contract/roles';
import type { ActionOf } from './types';

// The texts of the roles domain's codes in Chinese: used by the renderer and the command line.
export const rolesZhCN = {
  reasons: {
    sysadminKeeps: '系统管理员角色必须保留“用户管理”和“角色权限管理”两项权限，以免档案无人管理。',
    secondAdministratorNeeded: '此项更改会让您自己所属的角色获得客户档案、信用评审、审批或审计权限，需要另一位系统管理员确认：请提交更改申请，由另一位管理员确认后生效。',
    ownProposal: '不能确认自己提交的更改，请由另一位系统管理员确认。',
    proposalDecided: '该更改申请已经由管理员处理过（已确认或已拒绝）。',
    roleChangedSinceProposal: '提交申请后该角色的权限已被修改，此申请不再适用。请按当前权限重新提交。',
  } satisfies Record<RolesReason, string>,
  actions: {
    'roles.list': '查看角色列表',
    'roles.update': '修改角色权限',
    'roles.proposeChange': '提交角色权限更改申请',
    'roles.changes': '查看角色权限更改申请',
    'roles.confirmChange': '确认角色权限更改',
    'roles.rejectChange': '拒绝角色权限更改',
  } satisfies Record<ActionOf<'roles'>, string>,
};
