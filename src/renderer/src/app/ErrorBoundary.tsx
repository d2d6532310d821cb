import { Button, Stack } from '@mantine/core';
import i18next from 'i18next';
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { AuthFrame } from './ui/AuthFrame';
import { ErrorState } from './ui/States';

/**
 * The last resort when a screen fails to render: say so in the user's language and offer
 * a reload (which also forgets the session, by design) instead of a blank window.
 */
export class ErrorBoundary extends Component<{ children: ReactNode }, { error: Error | null }> {
  override state: { error: Error | null } = { error: null };

  static getDerivedStateFromError(error: Error): { error: Error } {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    // Only to the developer console: no content of the archive travels anywhere.
    console.error(error, info.componentStack);
  }

  override render(): ReactNode {
    if (!this.state.error) return this.props.children;
    return (
      <AuthFrame title={i18next.t('app.errorTitle')}>
        <Stack gap="md">
          <ErrorState error={this.state.error} />
          <Button onClick={() => window.location.reload()}>{i18next.t('app.reload')}</Button>
        </Stack>
      </AuthFrame>
    );
  }
}
