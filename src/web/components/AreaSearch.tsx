import { useEffect, useId, useRef, useState } from 'react';
import type { FormEvent, KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useSearchParams } from 'wouter';
import { MIN_SEARCH_LENGTH, useAreaSearchQuery } from '../api/useAreaSearchQuery.ts';
import { ErrorMessage } from './Status.tsx';
import { SearchResults } from './SearchResults.tsx';
import { useDebouncedValue } from './useDebouncedValue.ts';

/** Long enough to skip the keystrokes of a word, short enough to feel immediate. */
const DEBOUNCE_MS = 250;

/**
 * Search box for areas. The settled term is kept in the URL (`?q=`), so Back from an area page
 * returns to the same results instead of an empty box.
 */
export function AreaSearch() {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const [params, setParams] = useSearchParams();
  const [text, setText] = useState(() => params.get('q') ?? '');
  const term = useDebouncedValue(text.trim(), DEBOUNCE_MS);
  const search = useAreaSearchQuery(term);
  const inputRef = useRef<HTMLInputElement>(null);
  const ids = { input: useId(), hint: useId(), results: useId() };

  useEffect(() => {
    if ((params.get('q') ?? '') !== term) setParams(term ? { q: term } : {}, { replace: true });
  }, [term, params, setParams]);

  const active = term.length >= MIN_SEARCH_LENGTH;
  const items = active ? (search.data?.items ?? []) : [];

  // Enter opens the best match, once the results are for what is in the box.
  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const best = items[0];
    if (best && !search.isPlaceholderData && term === text.trim()) navigate(`/wilayah/${best.code}`);
  }

  function handleKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key !== 'ArrowDown') return;
    const first = document.getElementById(ids.results)?.querySelector('a');
    if (!first) return;
    event.preventDefault();
    first.focus();
  }

  return (
    <form role="search" className="search" onSubmit={handleSubmit}>
      <label htmlFor={ids.input}>{t('search.label')}</label>
      <input
        ref={inputRef}
        id={ids.input}
        type="search"
        value={text}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={handleKeyDown}
        placeholder={t('search.placeholder')}
        aria-describedby={ids.hint}
        aria-controls={ids.results}
        autoComplete="off"
        spellCheck={false}
        enterKeyHint="search"
      />
      <p id={ids.hint} className="hint">
        {t('search.hint')}
      </p>
      <p className="status" role="status">
        {active && search.isFetching && t('search.searching')}
        {active && !search.isFetching && search.isSuccess && items.length > 0 && t('search.count', { count: items.length })}
        {active && !search.isFetching && search.isSuccess && items.length === 0 && t('search.noResults', { q: term })}
      </p>
      {active && search.isError && <ErrorMessage error={search.error} onRetry={() => void search.refetch()} />}
      <SearchResults id={ids.results} items={items} inputRef={inputRef} />
    </form>
  );
}
