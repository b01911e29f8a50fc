import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { COLLECTION_LEVELS, INDICATOR_GROUPS } from '../../../common/api/indicators.ts';
import { EMPTY_FILTER, PILLARS } from './filter.ts';
import type { IndicatorFilter } from './filter.ts';

interface IndicatorFiltersProps {
  filter: IndicatorFilter;
  onChange: (filter: IndicatorFilter) => void;
}

/** The search box and the domain, pillar and level selects of /indikator. */
export function IndicatorFilters({ filter, onChange }: IndicatorFiltersProps) {
  const { t } = useTranslation();
  const id = useId();
  const filtered = filter.q !== '' || filter.group !== null || filter.pillar !== null || filter.level !== null;

  return (
    <form role="search" className="indicator-filters" onSubmit={(event) => event.preventDefault()}>
      <div className="field filter-search">
        <label htmlFor={`${id}-q`}>{t('indicatorBrowser.search')}</label>
        <input
          id={`${id}-q`}
          type="search"
          value={filter.q}
          aria-describedby={`${id}-hint`}
          autoComplete="off"
          onChange={(event) => onChange({ ...filter, q: event.target.value })}
        />
        <p id={`${id}-hint`} className="hint">
          {t('indicatorBrowser.searchHint')}
        </p>
      </div>
      <div className="field">
        <label htmlFor={`${id}-group`}>{t('indicatorBrowser.domain')}</label>
        <select
          id={`${id}-group`}
          value={filter.group ?? ''}
          onChange={(event) => onChange({ ...filter, group: INDICATOR_GROUPS.find((group) => group === event.target.value) ?? null })}
        >
          <option value="">{t('indicatorBrowser.all')}</option>
          {INDICATOR_GROUPS.map((group) => (
            <option key={group} value={group}>
              {t(`dataEntry.groups.${group}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-pillar`}>{t('indicatorBrowser.pillar')}</label>
        <select
          id={`${id}-pillar`}
          value={filter.pillar ?? ''}
          onChange={(event) => onChange({ ...filter, pillar: PILLARS.find((pillar) => String(pillar) === event.target.value) ?? null })}
        >
          <option value="">{t('indicatorBrowser.all')}</option>
          {PILLARS.map((pillar) => (
            <option key={pillar} value={pillar}>
              {t('indicatorBrowser.pillarName', { pillar })}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-level`}>{t('indicatorBrowser.level')}</label>
        <select
          id={`${id}-level`}
          value={filter.level ?? ''}
          onChange={(event) => onChange({ ...filter, level: COLLECTION_LEVELS.find((level) => level === event.target.value) ?? null })}
        >
          <option value="">{t('indicatorBrowser.all')}</option>
          {COLLECTION_LEVELS.map((level) => (
            <option key={level} value={level}>
              {t(`indicatorBrowser.levels.${level}`)}
            </option>
          ))}
        </select>
      </div>
      {filtered && (
        <button type="button" className="filter-clear" onClick={() => onChange(EMPTY_FILTER)}>
          {t('indicatorBrowser.clear')}
        </button>
      )}
    </form>
  );
}
