import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'wouter';
import type { AreaDetail } from '../../../common/api/areas.ts';
import type { Period } from '../../../common/period.ts';
import { isDerivedIndicator } from '../../../common/village-status.ts';
import { useIndicatorsQuery } from '../../api/useIndicatorsQuery.ts';
import { useObservationsQuery } from '../../api/useObservationsQuery.ts';
import { useSessionQuery } from '../../api/useSessionQuery.ts';
import { Forbidden } from '../AccessDenied.tsx';
import { Breadcrumb } from '../Breadcrumb.tsx';
import { KindLabel } from '../KindLabel.tsx';
import { ErrorMessage, Loading } from '../Status.tsx';
import { useDocumentTitle } from '../useDocumentTitle.ts';
import { entryLevelOf } from './collection-level.ts';
import { DataEntryForm } from './DataEntryForm.tsx';
import { localIsoDate, readEntryPeriod } from './period-choice.ts';
import { readSource, sourceParam } from './sources.ts';
import type { EntrySource } from './sources.ts';

/**
 * The editor around the form: where the area sits, and which period (`?periode=202610`, the
 * current month by default) and source (`?sumber=survei`, routine by default) are being entered.
 */
export function DataEntryEditor({ area }: { area: AreaDetail }) {
  const { t } = useTranslation();
  const session = useSessionQuery();
  const [refused, setRefused] = useState(false);
  if (refused) {
    return (
      <Forbidden reason={t('dataEntry.deniedByServer')}>
        <p>
          <Link href={`/wilayah/${area.code}`}>{t('dataEntry.backToArea', { name: area.name })}</Link>
        </p>
      </Forbidden>
    );
  }
  return (
    <EditorContent
      area={area}
      onForbidden={() => {
        setRefused(true);
        // The roles or the organisation may have changed since the page loaded.
        void session.refetch();
      }}
    />
  );
}

function EditorContent({ area, onForbidden }: { area: AreaDetail; onForbidden: () => void }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const [today] = useState(() => localIsoDate(new Date()));
  const period = readEntryPeriod(params.get('periode'), today);
  const source = readSource(params.get('sumber'));
  const indicators = useIndicatorsQuery(entryLevelOf(area.level));
  const sheet = useObservationsQuery(area.code, period.code);
  useDocumentTitle(t('dataEntry.title', { name: area.name }));

  // The URL always names the period shown, so a copied link opens the same sheet.
  useEffect(() => {
    if (params.get('periode') !== period.code) setParams(searchOf(period, source), { replace: true });
  }, [params, period, source, setParams]);

  function choose(nextPeriod: Period, nextSource: EntrySource) {
    setParams(searchOf(nextPeriod, nextSource), { replace: true });
  }

  return (
    <>
      <Breadcrumb ancestors={area.ancestors} current={area} page={t('dataEntry.crumb')} />
      <div className="area-heading">
        <p className="eyebrow">
          <KindLabel kind={area.kind} /> · <span className="code">{t('area.code', { code: area.code })}</span>
        </p>
        <h1>{t('dataEntry.title', { name: area.name })}</h1>
      </div>
      <p className="lead">{t('dataEntry.intro')}</p>
      {indicators.isPending && <Loading />}
      {indicators.isError && <ErrorMessage error={indicators.error} onRetry={() => void indicators.refetch()} />}
      {indicators.data && (
        <DataEntryForm
          key={`${period.code}:${source}`}
          area={area}
          period={period}
          currentYear={Number(today.slice(0, 4))}
          source={source}
          // Village statuses are derived by rule from the other entries; nobody types them in.
          indicators={indicators.data.items.filter((indicator) => !isDerivedIndicator(indicator.code))}
          sheet={sheet.data}
          whileNoSheet={sheet.isError ? <ErrorMessage error={sheet.error} onRetry={() => void sheet.refetch()} /> : <Loading />}
          onPeriodChange={(next) => choose(next, source)}
          onSourceChange={(next) => choose(period, next)}
          onForbidden={onForbidden}
        />
      )}
    </>
  );
}

function searchOf(period: Period, source: EntrySource): Record<string, string> {
  const sumber = sourceParam(source);
  return sumber ? { periode: period.code, sumber } : { periode: period.code };
}
