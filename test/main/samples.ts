import { contract, type HostMethodName, type Input, type MethodName } from '../../src/shared/contract';

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
}

/** A recovery code of the right shape that opens nothing. */
export const WRONG_RECOVERY_CODE = '0000-0000-0000-0000-0000-0000-0000-0000';

/**
 * One valid input per host method. The mapped type makes a method without a sample a
 * type error; the tests also check it at run time, so that a new method of the contract
 * cannot slip past the FORBIDDEN and VALIDATION walks.
 */
export function validInputs(ids: SampleIds): { [M in HostMethodName]: Input<M> } {
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
    'audit.verify': {},
  };
}
