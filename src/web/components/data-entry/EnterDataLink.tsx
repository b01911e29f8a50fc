import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { useSessionQuery } from '../../api/useSessionQuery.ts';
import { canEnterData } from './access.ts';

/**
 * "Isi data" and "Impor data" on an area page, for users who may enter data there. Reads only the session the
 * header has loaded already; the editor itself loads on demand.
 */
export function EnterDataLink({ areaCode }: { areaCode: string }) {
  const { t } = useTranslation();
  const session = useSessionQuery();
  if (!canEnterData(session.data?.user, areaCode)) return null;
  return (
    <p className="area-actions">
      <Link href={`/wilayah/${areaCode}/isi-data`} className="button primary">
        {t('area.enterData')}
      </Link>
      <Link href={`/impor?wilayah=${areaCode}`} className="button">
        {t('area.importData')}
      </Link>
    </p>
  );
}
