import { useTranslation } from 'react-i18next';
import type { AreaDetail } from '../../common/api/areas.ts';

/**
 * How many kecamatan and desa/kelurahan lie under an area, each shown only when there are some.
 * Number first, label under it: reads the same in both languages without plural rules.
 */
export function AreaCounts({ counts }: { counts: AreaDetail['counts'] }) {
  const { t, i18n } = useTranslation();
  const format = new Intl.NumberFormat(i18n.language);
  const rows = [
    { key: 'districts', value: counts.districts, label: t('area.districts') },
    { key: 'villages', value: counts.villages, label: t('area.villages') },
  ].filter((row) => row.value > 0);
  if (rows.length === 0) return null;

  return (
    <ul className="counts" aria-label={t('area.counts')}>
      {rows.map((row) => (
        <li key={row.key}>
          <strong>{format.format(row.value)}</strong> <span>{row.label}</span>
        </li>
      ))}
    </ul>
  );
}
