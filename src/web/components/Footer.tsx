import { useTranslation } from 'react-i18next';
import { AREA_DATA_ATTRIBUTION } from '../../common/api/areas.ts';
import { useHealthQuery } from '../api/useHealthQuery.ts';

/** Credits the area data (its ODbL licence requires it on every page) and shows the running version. */
export function Footer() {
  const { t } = useTranslation();
  const health = useHealthQuery();
  return (
    <footer className="site-footer">
      <p>
        {t('footer.areaData')}:{' '}
        <a href={AREA_DATA_ATTRIBUTION.url} rel="noopener">
          {AREA_DATA_ATTRIBUTION.name}
        </a>
        , {AREA_DATA_ATTRIBUTION.licence}
      </p>
      {health.data && <p>{t('footer.version', { version: health.data.version })}</p>}
    </footer>
  );
}
