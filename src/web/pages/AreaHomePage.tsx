import { useTranslation } from 'react-i18next';
import { useProvincesQuery } from '../api/useProvincesQuery.ts';
import { AreaList } from '../components/AreaList.tsx';
import { AreaSearch } from '../components/AreaSearch.tsx';
import { ErrorMessage, Loading } from '../components/Status.tsx';
import { useDocumentTitle } from '../components/useDocumentTitle.ts';

/** `/wilayah`: search any area by name, or start from one of the 38 provinces. */
export function AreaHomePage() {
  const { t } = useTranslation();
  const provinces = useProvincesQuery();
  useDocumentTitle(t('home.title'));

  return (
    <>
      <h1>{t('home.title')}</h1>
      <p className="lead">{t('home.intro')}</p>
      <AreaSearch />
      <section>
        <h2 id="provinces-heading">{t('home.provinces')}</h2>
        {provinces.isPending && <Loading />}
        {provinces.isError && <ErrorMessage error={provinces.error} onRetry={() => void provinces.refetch()} />}
        {provinces.data && (
          <AreaList
            areas={provinces.data.items}
            labelledBy="provinces-heading"
            // Every entry is a province; the heading says so already.
            showKind={false}
          />
        )}
      </section>
    </>
  );
}
