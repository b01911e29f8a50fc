import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { AreaRef } from '../../common/api/areas.ts';

interface BreadcrumbProps {
  /** From the province down to the parent. */
  ancestors: AreaRef[];
  current: AreaRef;
  /** A page about the area (such as its data entry): then the area is a plain link and this the current page. */
  page?: string;
}

/** Indonesia › province › kabupaten/kota › kecamatan › desa, each a link; the last one is the page itself. */
export function Breadcrumb({ ancestors, current, page }: BreadcrumbProps) {
  const { t } = useTranslation();
  return (
    <nav className="breadcrumb" aria-label={t('breadcrumb.label')}>
      <ol>
        <li>
          <Link href="/wilayah">{t('breadcrumb.root')}</Link>
        </li>
        {ancestors.map((area) => (
          <li key={area.code}>
            <Link href={`/wilayah/${area.code}`}>{area.name}</Link>
          </li>
        ))}
        <li>
          <Link href={`/wilayah/${current.code}`} aria-current={page ? undefined : 'page'}>
            {current.name}
          </Link>
        </li>
        {page && (
          <li>
            <span aria-current="page">{page}</span>
          </li>
        )}
      </ol>
    </nav>
  );
}
