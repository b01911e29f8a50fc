import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'wouter';
import { useCatalogueQuery } from '../api/useCatalogueQuery.ts';
import { IndicatorFilters } from '../components/indicator-browser/IndicatorFilters.tsx';
import { IndicatorGroups } from '../components/indicator-browser/IndicatorGroups.tsx';
import { filterFromParams, filterIndicators, filterToParams } from '../components/indicator-browser/filter.ts';
import type { IndicatorFilter } from '../components/indicator-browser/filter.ts';
import { ErrorMessage, Loading } from '../components/Status.tsx';
import { useDocumentTitle } from '../components/useDocumentTitle.ts';
import '../i18n/indicator-browser.ts';

/**
 * `/indikator`: the catalogue, searchable and filtered by domain, STBM pillar and collection level,
 * grouped by domain. The filter lives in the URL, so Back from an indicator returns to the same list.
 */
export function IndicatorsPage() {
  const { t } = useTranslation();
  const catalogue = useCatalogueQuery();
  const [params, setParams] = useSearchParams();
  const filter = filterFromParams(params);
  useDocumentTitle(t('indicatorBrowser.title'));

  const onChange = (next: IndicatorFilter) => setParams(filterToParams(next), { replace: true });
  const items = catalogue.data ? filterIndicators(catalogue.data.items, filter) : [];

  return (
    <>
      <h1>{t('indicatorBrowser.title')}</h1>
      <p className="lead">{t('indicatorBrowser.intro')}</p>
      <IndicatorFilters filter={filter} onChange={onChange} />
      {catalogue.isPending && <Loading />}
      {catalogue.isError && <ErrorMessage error={catalogue.error} onRetry={() => void catalogue.refetch()} />}
      {catalogue.data && (
        <>
          <p className="result-count" role="status">
            {t('indicatorBrowser.count', { count: items.length, total: catalogue.data.items.length })}
          </p>
          {items.length > 0 ? <IndicatorGroups indicators={items} /> : <p className="empty">{t('indicatorBrowser.none')}</p>}
        </>
      )}
    </>
  );
}
