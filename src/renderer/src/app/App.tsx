import { Center, Loader } from '@mantine/core';
import { IconPlugConnectedX } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodName } from '../../../shared/contract';
import { useArchiveQuery } from '../api/hooks';
import { useSession } from '../api/session';
import { ForcedPasswordChange } from '../features/auth/ForcedPasswordChange';
import { LockScreen } from '../features/auth/LockScreen';
import { LoginScreen } from '../features/auth/LoginScreen';
import { RecoverScreen } from '../features/auth/RecoverScreen';
import { SetupWizard } from '../features/setup/SetupWizard';
import { Shell } from './shell/Shell';
import { AuthFrame } from './ui/AuthFrame';
import { EmptyBlock, ErrorState } from './ui/States';

/** Answers that do not depend on who is signed in; everything else is forgotten on lock. */
const SESSIONLESS: ReadonlySet<MethodName> = new Set<MethodName>(['archive.status', 'shell.capabilities']);

/** Which screen the window shows: setup, login, recovery, lock, forced password change, or the shell. */
export function App() {
  const state = useSession();
  const queryClient = useQueryClient();
  const [recovering, setRecovering] = useState(false);
  const signedOut = state.kind === 'signedOut';

  const status = useArchiveQuery('archive.status', {}, { enabled: signedOut, staleTime: Infinity });
  const capabilities = useArchiveQuery('shell.capabilities', {}, { enabled: signedOut, staleTime: Infinity });

  // Locked or signed out: nothing read under the session stays in memory.
  useEffect(() => {
    if (state.kind === 'active') return;
    queryClient.removeQueries({ predicate: (query) => !SESSIONLESS.has(query.queryKey[0] as MethodName) });
    if (state.kind === 'signedOut') setRecovering(false);
  }, [state.kind, queryClient]);

  if (!window.archive) return <NoBridge />;

  if (state.kind === 'locked') return <LockScreen user={state.user} reason={state.reason} />;
  if (state.kind === 'active') return state.user.mustChangePassword ? <ForcedPasswordChange /> : <Shell />;

  if (status.isPending || capabilities.isPending) {
    return (
      <Center mih="100vh">
        <Loader />
      </Center>
    );
  }
  if (status.isError || capabilities.isError) {
    return <BootError error={status.error ?? capabilities.error} onRetry={() => void Promise.all([status.refetch(), capabilities.refetch()])} />;
  }
  if (!status.data.initialized) return <SetupWizard dir={status.data.dir} canChooseFolder={capabilities.data.chooseFolder} />;
  if (recovering) return <RecoverScreen onBack={() => setRecovering(false)} />;
  return <LoginScreen notice={state.reason} onRecover={() => setRecovering(true)} />;
}

function BootError({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { t } = useTranslation();
  return (
    <AuthFrame title={t('app.errorTitle')}>
      <ErrorState error={error} onRetry={onRetry} />
    </AuthFrame>
  );
}

function NoBridge() {
  const { t } = useTranslation();
  return (
    <AuthFrame title={t('app.noBridgeTitle')}>
      <EmptyBlock icon={<IconPlugConnectedX size={28} stroke={1.5} />} title={t('app.noBridgeTitle')} description={t('app.noBridge')} />
    </AuthFrame>
  );
}
