import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { retryUnlessRefused } from './api/api-problem';
import { AppRoutes } from './app-routes';
import './styles.css';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      retry: retryUnlessRefused,
      refetchOnWindowFocus: true,
    },
    // Safe to repeat: every acting call carries the Idempotency-Key made when the person acted.
    mutations: { retry: retryUnlessRefused },
  },
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <BrowserRouter>
        <AppRoutes />
      </BrowserRouter>
    </QueryClientProvider>
  </StrictMode>,
);
