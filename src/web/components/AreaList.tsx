import { Link } from 'wouter';
import type { AreaRef } from '../../common/api/areas.ts';
import { KindLabel } from './KindLabel.tsx';

interface AreaListProps {
  areas: AreaRef[];
  /** Id of the heading that names the list, so it is announced (and found) by that name. */
  labelledBy: string;
  showKind?: boolean;
}

/** Areas as a list of full-width links, in the order given (the API's order). */
export function AreaList({ areas, labelledBy, showKind = true }: AreaListProps) {
  return (
    <ul className="area-list" aria-labelledby={labelledBy}>
      {areas.map((area) => (
        <li key={area.code}>
          <Link href={`/wilayah/${area.code}`} className="area-link">
            <span className="area-name">{area.name}</span> {showKind && <KindLabel kind={area.kind} />}
          </Link>
        </li>
      ))}
    </ul>
  );
}
