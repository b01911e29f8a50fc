import { useTranslation } from 'react-i18next';
import type { AreaKind } from '../../common/area-code.ts';

/** The translated kind of an area (Provinsi, Kabupaten, …) as a small muted label. */
export function KindLabel({ kind }: { kind: AreaKind }) {
  const { t } = useTranslation();
  return <span className="kind">{t(`kinds.${kind}`)}</span>;
}
