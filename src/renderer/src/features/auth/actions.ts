import { call } from '../../api/client';
import { session, type LockReason } from '../../api/session';

/** Locks the window at once, then tells the host; the host locks on its own when idle too. */
export function lockSession(reason: LockReason): void {
  if (session.state().kind !== 'active') return;
  const request = call('auth.lock', {});
  session.lock(reason);
  request.catch(() => {
    // Already locked or gone on the host side: the window is locked either way.
  });
}

/** Ends the session on the host and forgets it here, whatever the host answers. */
export async function logout(): Promise<void> {
  try {
    await call('auth.logout', {});
  } catch {
    // The session may already be gone (expired, host restarted): forget it all the same.
  } finally {
    session.end('loggedOut');
    window.location.hash = '#/';
  }
}
