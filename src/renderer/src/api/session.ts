import { useSyncExternalStore } from 'react';
import type { CurrentUser } from '../../../shared/contract';

// The session lives in memory only: never localStorage, never a cookie. Reloading the
// window forgets it, which is what a locked-down archive wants.

export type LockReason = 'button' | 'idle' | 'host';

export type SessionState =
  | { kind: 'signedOut'; reason: 'start' | 'loggedOut' | 'expired' }
  | { kind: 'active'; user: CurrentUser }
  | { kind: 'locked'; user: CurrentUser; reason: LockReason };

let token: string | null = null;
let state: SessionState = { kind: 'signedOut', reason: 'start' };
const listeners = new Set<() => void>();

function set(next: SessionState): void {
  state = next;
  for (const listener of listeners) listener();
}

export const session = {
  token(): string | null {
    return token;
  },
  state(): SessionState {
    return state;
  },
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  /** A grant from archive.setup, auth.login or auth.recover. */
  begin(grant: { session: string; user: CurrentUser }): void {
    token = grant.session;
    set({ kind: 'active', user: grant.user });
  },
  /** The user's record changed (password changed, unlocked). */
  update(user: CurrentUser): void {
    if (state.kind === 'signedOut') return;
    set({ kind: 'active', user });
  },
  lock(reason: LockReason): void {
    if (state.kind !== 'active') return;
    set({ kind: 'locked', user: state.user, reason });
  },
  end(reason: 'loggedOut' | 'expired'): void {
    token = null;
    if (state.kind === 'signedOut' && state.reason === reason) return;
    set({ kind: 'signedOut', reason });
  },
};

export function useSession(): SessionState {
  return useSyncExternalStore(session.subscribe, session.state, session.state);
}

/** The signed-in user; only for components rendered inside an unlocked session. */
export function useCurrentUser(): CurrentUser {
  const current = useSession();
  if (current.kind === 'signedOut') throw new Error('useCurrentUser outside a session');
  return current.user;
}
