import '@mantine/core/styles.css';
import '@mantine/charts/styles.css';
import '@mantine/dates/styles.css';
import '@mantine/notifications/styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createQueryClient } from './api/hooks';
import { App } from './app/App';
import { ErrorBoundary } from './app/ErrorBoundary';
import { initI18n } from './app/i18n';
import { Providers } from './app/Providers';

async function start(): Promise<void> {
  await initI18n();
  const container = document.getElementById('root');
  if (!container) throw new Error('#root missing from index.html');
  const queryClient = createQueryClient();
  createRoot(container).render(
    <StrictMode>
      <Providers queryClient={queryClient}>
        <ErrorBoundary>
          <App />
        </ErrorBoundary>
      </Providers>
    </StrictMode>,
  );
}

void start();
