import { ArchiveError, type HostMethodName, type Input, type Output } from '../../shared/contract';
import type { ArchiveHost } from './types';

/**
 * Call the host from code (tests, demo, CLI, bench), typed by the contract: the value of
 * the call, or the host's refusal thrown as the ArchiveError it was.
 */
export async function send<M extends HostMethodName>(
  host: Pick<ArchiveHost, 'call'>,
  session: string | null,
  method: M,
  input: Input<M>,
): Promise<Output<M>> {
  const r = await host.call(session, method, input);
  if (!r.ok) throw ArchiveError.fromBody(r.error);
  return r.value as Output<M>;
}
