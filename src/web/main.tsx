import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode, Suspense, lazy } from 'react';
import { createRoot } from 'react-dom/client';
import { Redirect, Route, Switch } from 'wouter';
import { queryClient } from './api/queryClient.ts';
import { Layout } from './components/Layout.tsx';
import { Loading } from './components/Status.tsx';
import './i18n/index.ts';
import { AreaHomePage } from './pages/AreaHomePage.tsx';
import { AreaPage } from './pages/AreaPage.tsx';
import { NotFoundPage } from './pages/NotFoundPage.tsx';
import './styles/base.css';
import './styles/layout.css';
import './styles/areas.css';

// Account pages and the data-entry editor load on demand, with their texts and styles: the public
// area pages, which most visitors use, stay light on a slow phone.
const SignInPage = lazy(() => import('./pages/SignInPage.tsx').then((module) => ({ default: module.SignInPage })));
const LinkPage = lazy(() => import('./pages/LinkPage.tsx').then((module) => ({ default: module.LinkPage })));
const ProfilePage = lazy(() => import('./pages/ProfilePage.tsx').then((module) => ({ default: module.ProfilePage })));
const UsersPage = lazy(() => import('./pages/UsersPage.tsx').then((module) => ({ default: module.UsersPage })));
const AuditPage = lazy(() => import('./pages/AuditPage.tsx').then((module) => ({ default: module.AuditPage })));
const DataEntryPage = lazy(() => import('./pages/DataEntryPage.tsx').then((module) => ({ default: module.DataEntryPage })));
const IndicatorsPage = lazy(() => import('./pages/IndicatorsPage.tsx').then((module) => ({ default: module.IndicatorsPage })));
const IndicatorPage = lazy(() => import('./pages/IndicatorPage.tsx').then((module) => ({ default: module.IndicatorPage })));
const ImportPage = lazy(() => import('./pages/ImportPage.tsx').then((module) => ({ default: module.ImportPage })));
const AgreementListPage = lazy(() => import('./pages/AgreementListPage.tsx').then((module) => ({ default: module.AgreementListPage })));
const AgreementNewPage = lazy(() => import('./pages/AgreementNewPage.tsx').then((module) => ({ default: module.AgreementNewPage })));
const AgreementPage = lazy(() => import('./pages/AgreementPage.tsx').then((module) => ({ default: module.AgreementPage })));

function App() {
  return (
    <Layout>
      <Suspense fallback={<Loading />}>
        <Switch>
          <Route path="/">
            <Redirect to="/wilayah" replace />
          </Route>
          <Route path="/wilayah" component={AreaHomePage} />
          <Route path="/wilayah/:code/isi-data" component={DataEntryPage} />
          <Route path="/wilayah/:code" component={AreaPage} />
          <Route path="/indikator" component={IndicatorsPage} />
          <Route path="/indikator/:code" component={IndicatorPage} />
          <Route path="/impor" component={ImportPage} />
          <Route path="/kerja-sama" component={AgreementListPage} />
          <Route path="/kerja-sama/baru" component={AgreementNewPage} />
          <Route path="/kerja-sama/:id/:section?" component={AgreementPage} />
          <Route path="/masuk" component={SignInPage} />
          <Route path="/tautan/:token" component={LinkPage} />
          <Route path="/profil" component={ProfilePage} />
          <Route path="/pengguna" component={UsersPage} />
          <Route path="/riwayat" component={AuditPage} />
          <Route component={NotFoundPage} />
        </Switch>
      </Suspense>
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
