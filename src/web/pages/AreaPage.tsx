import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { AreaDetail } from '../../common/api/areas.ts';
import { ApiError } from '../api/client.ts';
import { useAreaQuery } from '../api/useAreaQuery.ts';
import { AreaCounts } from '../components/AreaCounts.tsx';
import { AreaList } from '../components/AreaList.tsx';
import { Breadcrumb } from '../components/Breadcrumb.tsx';
import { KindLabel } from '../components/KindLabel.tsx';
import { ErrorMessage, Loading } from '../components/Status.tsx';
import { useDocumentTitle } from '../components/useDocumentTitle.ts';

/** `/wilayah/:code`: one area, where it sits, what it counts and what lies directly under it. */
export function AreaPage({ params }: { params: { code: string } }) {
  const { t } = useTranslation();
  const area = useAreaQuery(params.code);
  const errorTitle = area.isError ? t(errorTitleKey(area.error)) : undefined;
  useDocumentTitle(area.data?.name ?? errorTitle);

  if (area.isPending) return <Loading />;
  if (area.isError) {
    return (
      <>
        <h1>{errorTitle}</h1>
        <ErrorMessage error={area.error} onRetry={() => void area.refetch()} />
        <p>
          <Link href="/wilayah">{t('area.backToAreas')}</Link>
        </p>
      </>
    );
  }
  return <AreaDetails area={area.data} />;
}

/** A heading in the reader's language; the server's own message follows it. */
function errorTitleKey(error: unknown) {
  if (error instanceof ApiError && error.isNotFound) return 'area.notFound' as const;
  if (error instanceof ApiError && error.status === 400) return 'area.invalidCode' as const;
  return 'errors.title' as const;
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
      <AreaCounts counts={area.counts} />
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
