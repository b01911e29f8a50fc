import { useEffect } from 'react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import { Footer } from './Footer.tsx';
import { LanguageSwitch } from './LanguageSwitch.tsx';

/** Header, main and footer landmarks around every page. */
export function Layout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const [location] = useLocation();

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
            <Link href="/wilayah">{t('nav.areas')}</Link>
          </nav>
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
