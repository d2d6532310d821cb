import { contract, type Envelope, type Input, type MethodName, type Output } from '../../../shared/contract';
import { ApiError } from './errors';
import { session } from './session';

/**
 * Calls one method of the contract over `window.archive` and returns its value, or
 * throws an ApiError for `{ ok: false }`. The method name is the contract's key, so a
 * call to a method that does not exist, or with the wrong input, does not compile.
 */
export async function call<M extends MethodName>(method: M, input: Input<M>): Promise<Output<M>> {
  const bridge = window.archive;
  if (!bridge) {
    throw new ApiError({ code: 'INTERNAL', message: 'window.archive is not available' }, true);
  }
  const token = session.token();
  let envelope: Envelope<unknown>;
  try {
    envelope = await bridge.call({ session: token, method, input });
  } catch (cause) {
    throw new ApiError({ code: 'INTERNAL', message: `transport failed: ${String(cause)}` }, true);
  }
  if (!envelope || typeof envelope !== 'object' || typeof envelope.ok !== 'boolean') {
    throw new ApiError({ code: 'INTERNAL', message: 'malformed answer' }, true);
  }
  if (!envelope.ok) {
    const error = new ApiError(envelope.error);
    // A call made with a session learns that the session is locked or gone: the whole
    // window follows (lock screen, or back to login), whatever screen made the call.
    if (token !== null && token === session.token()) {
      if (error.code === 'LOCKED') session.lock('host');
      if (error.code === 'UNAUTHENTICATED') session.end('expired');
    }
    throw error;
  }
  // The host is trusted, but its answers are checked against the contract all the same:
  // a drift between the two sides shows up here, not as a blank screen somewhere else.
  const parsed = contract[method].output.safeParse(envelope.value);
  if (!parsed.success) {
    throw new ApiError({ code: 'INTERNAL', message: `answer of ${method} does not match the contract` });
  }
  return parsed.data as Output<M>;
}
