import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Redirect, Route, Switch } from 'wouter';
import { ApiError } from './api/client.ts';
import { Layout } from './components/Layout.tsx';
import './i18n/index.ts';
import { AreaHomePage } from './pages/AreaHomePage.tsx';
import { AreaPage } from './pages/AreaPage.tsx';
import { NotFoundPage } from './pages/NotFoundPage.tsx';
import './styles/base.css';
import './styles/layout.css';
import './styles/areas.css';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // A 404 or 400 will be the same next time; only network errors and 5xx are worth two more tries.
      retry: (failureCount, error) => !(error instanceof ApiError && error.isClientError) && failureCount < 2,
      // Refetching every time a phone user switches apps costs data and shows spinners for nothing.
      refetchOnWindowFocus: false,
    },
  },
});

function App() {
  return (
    <Layout>
      <Switch>
        <Route path="/">
          <Redirect to="/wilayah" replace />
        </Route>
        <Route path="/wilayah" component={AreaHomePage} />
        <Route path="/wilayah/:code" component={AreaPage} />
        <Route component={NotFoundPage} />
      </Switch>
    </Layout>
  );
}

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <App />
    </QueryClientProvider>
  </StrictMode>,
);
