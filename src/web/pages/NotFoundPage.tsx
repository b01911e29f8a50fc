import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { useDocumentTitle } from '../components/useDocumentTitle.ts';

/** Any path the router does not know (the server sends every non-API path to the app). */
export function NotFoundPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('notFound.title'));
  return (
    <>
      <h1>{t('notFound.title')}</h1>
      <p>{t('notFound.text')}</p>
      <p>
        <Link href="/wilayah">{t('notFound.home')}</Link>
      </p>
    </>
  );
}
