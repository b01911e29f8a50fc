import { useEffect } from 'react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import { useSessionQuery } from '../api/useSessionQuery.ts';
import { Footer } from './Footer.tsx';
import { HeaderAccount } from './HeaderAccount.tsx';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { NavLink } from './NavLink.tsx';

/** Header, main and footer landmarks around every page. */
export function Layout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const [location] = useLocation();
  const session = useSessionQuery();
  const isAdmin = session.data?.user.roles.includes('admin') ?? false;
  const canImport = isAdmin || (session.data?.user.roles.includes('data_officer') ?? false);

  // The router swaps content without a page load; start each new page at its top, as a link would.
  useEffect(() => {
    window.scrollTo(0, 0);
  }, [location]);

  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="site-header">
        <div className="bar">
          <Link href="/" className="brand">
            {t('app.name')}
          </Link>
          <nav aria-label={t('app.mainNav')}>
            <NavLink href="/wilayah">{t('nav.areas')}</NavLink>
            <NavLink href="/indikator">{t('nav.indicators')}</NavLink>
            <NavLink href="/kerja-sama">{t('nav.agreements')}</NavLink>
            {canImport && <NavLink href="/impor">{t('nav.imports')}</NavLink>}
            {isAdmin && <NavLink href="/pengguna">{t('nav.users')}</NavLink>}
            {isAdmin && <NavLink href="/riwayat">{t('nav.audit')}</NavLink>}
          </nav>
          <HeaderAccount />
          <LanguageSwitch />
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
      <Footer />
    </>
  );
}
