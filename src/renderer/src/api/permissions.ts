import { contract, type CurrentUser, type MethodName } from '../../../shared/contract';

/**
 * Whether the user's permissions allow a method. Only for hiding or disabling what the
 * user cannot do: the host checks every call itself.
 */
export function allows(user: CurrentUser, method: MethodName): boolean {
  const needed = contract[method].permission;
  return needed === null || user.permissions.includes(needed);
}

/** Whether the user may call every one of the methods. */
export function allowsAll(user: CurrentUser, methods: readonly MethodName[]): boolean {
  return methods.every((method) => allows(user, method));
}
