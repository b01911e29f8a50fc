import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { ApiError } from '../api/client.ts';
import { useIndicatorQuery } from '../api/useIndicatorQuery.ts';
import { indicatorName } from '../components/data-entry/labels.ts';
import { IndicatorDefinition } from '../components/indicator-browser/IndicatorDefinition.tsx';
import { ErrorMessage, Loading } from '../components/Status.tsx';
import { useDocumentTitle } from '../components/useDocumentTitle.ts';
import '../i18n/indicator-browser.ts';

/** `/indikator/:code`: one indicator's definition, formula, aggregation, source and national target. */
export function IndicatorPage({ params }: { params: { code: string } }) {
  const { t, i18n } = useTranslation();
  const indicator = useIndicatorQuery(params.code);
  const notFound = indicator.error instanceof ApiError && indicator.error.isNotFound;
  useDocumentTitle(indicator.data ? indicatorName(indicator.data, i18n.language) : notFound ? t('indicatorBrowser.notFound') : undefined);

  return (
    <>
      <nav className="breadcrumb" aria-label={t('breadcrumb.label')}>
        <ol>
          <li>
            <Link href="/indikator">{t('indicatorBrowser.crumb')}</Link>
          </li>
        </ol>
      </nav>
      {indicator.isPending && <Loading />}
      {indicator.isError && (
        <>
          {notFound && <h1>{t('indicatorBrowser.notFound')}</h1>}
          <ErrorMessage error={indicator.error} onRetry={() => void indicator.refetch()} />
        </>
      )}
      {indicator.data && (
        <>
          <div className="area-heading">
            <p className="eyebrow">{t(`dataEntry.groups.${indicator.data.group}`)}</p>
            <h1>{indicatorName(indicator.data, i18n.language)}</h1>
            <p className="lead">{indicatorName(indicator.data, i18n.language === 'en' ? 'id' : 'en')}</p>
          </div>
          <IndicatorDefinition indicator={indicator.data} />
        </>
      )}
    </>
  );
}
