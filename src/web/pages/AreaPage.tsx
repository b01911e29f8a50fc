import { Suspense, lazy } from 'react';
import { useTranslation } from 'react-i18next';
import type { AreaDetail } from '../../common/api/areas.ts';
import { useAreaQuery } from '../api/useAreaQuery.ts';
import { AreaCounts } from '../components/AreaCounts.tsx';
import { AreaError, areaErrorTitleKey } from '../components/AreaError.tsx';
import { AreaList } from '../components/AreaList.tsx';
import { Breadcrumb } from '../components/Breadcrumb.tsx';
import { EnterDataLink } from '../components/data-entry/EnterDataLink.tsx';
import { KindLabel } from '../components/KindLabel.tsx';
import { Loading } from '../components/Status.tsx';
import { useDocumentTitle } from '../components/useDocumentTitle.ts';

// The indicator panel, its texts and styles load on demand: the area browser stays light on a slow phone.
const IndicatorPanel = lazy(() => import('../components/indicators/IndicatorPanel.tsx'));

/** `/wilayah/:code`: one area, where it sits, what it counts, its indicators and what lies directly under it. */
export function AreaPage({ params }: { params: { code: string } }) {
  const { t } = useTranslation();
  const area = useAreaQuery(params.code);
  const errorTitle = area.isError ? t(areaErrorTitleKey(area.error)) : undefined;
  useDocumentTitle(area.data?.name ?? errorTitle);

  if (area.isPending) return <Loading />;
  if (area.isError) return <AreaError error={area.error} onRetry={() => void area.refetch()} />;
  return <AreaDetails area={area.data} />;
}

function AreaDetails({ area }: { area: AreaDetail }) {
  const { t } = useTranslation();
  return (
    <>
      <Breadcrumb ancestors={area.ancestors} current={area} />
      <div className="area-heading">
        <p className="eyebrow">
          <KindLabel kind={area.kind} /> · <span className="code">{t('area.code', { code: area.code })}</span>
        </p>
        <h1>{area.name}</h1>
      </div>
      <EnterDataLink areaCode={area.code} />
      <AreaCounts counts={area.counts} />
      <Suspense fallback={<Loading />}>
        <IndicatorPanel area={area} />
      </Suspense>
      <section>
        <h2 id="children-heading">{t('area.children')}</h2>
        {area.children.length > 0 ? (
          <AreaList areas={area.children} labelledBy="children-heading" />
        ) : (
          <p className="empty">{t('area.noChildren')}</p>
        )}
      </section>
    </>
  );
}
