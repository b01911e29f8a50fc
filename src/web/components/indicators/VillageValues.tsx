import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AreaDetail } from '../../../common/api/areas.ts';
import type { Indicator } from '../../../common/api/indicators.ts';
import { useValuesQuery } from '../../api/useValuesQuery.ts';
import { ErrorMessage, Loading } from '../Status.tsx';
import { ChildValues } from './ChildValues.tsx';
import { VILLAGE_PAGE_SIZE, pageInfo } from './villages.ts';

/** "Per desa/kelurahan": every village under a kabupaten or kecamatan, a page at a time, with or without data. */
export function VillageValues({ area, indicator, period }: { area: AreaDetail; indicator: Indicator; period: string }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const [offset, setOffset] = useState(0);
  const villages = useValuesQuery({ indicator: indicator.code, area: area.code, period, by: 'villages', limit: VILLAGE_PAGE_SIZE, offset });
  const number = new Intl.NumberFormat(i18n.language);

  let body;
  if (villages.isPending) body = <Loading />;
  else if (villages.isError) body = <ErrorMessage error={villages.error} onRetry={() => void villages.refetch()} />;
  else {
    const page = pageInfo(offset, VILLAGE_PAGE_SIZE, villages.data.page?.total ?? villages.data.items.length);
    body = (
      <>
        <ChildValues indicator={indicator} rows={villages.data.items} labelledBy={id} showCoverage={false} />
        <nav className="pager" aria-label={t('indicators.villagePages')}>
          <button type="button" disabled={page.previous === null} onClick={() => page.previous !== null && setOffset(page.previous)}>
            {t('indicators.previous')}
          </button>
          <span aria-live="polite">
            {t('indicators.pageRange', { from: number.format(page.from), to: number.format(page.to), total: number.format(page.total) })}
          </span>
          <button type="button" disabled={page.next === null} onClick={() => page.next !== null && setOffset(page.next)}>
            {t('indicators.next')}
          </button>
        </nav>
      </>
    );
  }

  return (
    <div className="panel-villages">
      <h3 id={id}>{t('indicators.villages')}</h3>
      {body}
    </div>
  );
}
