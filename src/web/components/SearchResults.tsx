import type { KeyboardEvent, RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { AreaSearchItem } from '../../common/api/areas.ts';
import { KindLabel } from './KindLabel.tsx';

interface SearchResultsProps {
  id: string;
  items: AreaSearchItem[];
  /** Where focus goes back to on Escape, or on ArrowUp from the first result. */
  inputRef: RefObject<HTMLInputElement | null>;
}

/**
 * Search hits as real links (so they open in a new tab, and Back works), reachable with Tab or
 * with the arrow keys from the search box.
 */
export function SearchResults({ id, items, inputRef }: SearchResultsProps) {
  const { t } = useTranslation();

  function handleKeyDown(event: KeyboardEvent<HTMLUListElement>) {
    const links = Array.from(event.currentTarget.querySelectorAll('a'));
    const index = links.findIndex((link) => link === document.activeElement);
    if (index === -1) return;
    if (event.key === 'ArrowDown') links[Math.min(index + 1, links.length - 1)]?.focus();
    else if (event.key === 'ArrowUp') (index === 0 ? inputRef.current : links[index - 1])?.focus();
    else if (event.key === 'Escape') inputRef.current?.focus();
    else return;
    event.preventDefault();
  }

  return (
    <ul id={id} className="area-list search-results" aria-label={t('search.results')} onKeyDown={handleKeyDown}>
      {items.map((item) => (
        <li key={item.code}>
          <Link href={`/wilayah/${item.code}`} className="area-link">
            <span className="area-name">{item.name}</span>{' '}
            <span className="area-meta">
              <KindLabel kind={item.kind} />
              {item.parentName && <span className="parent">{item.parentName}</span>}
            </span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
