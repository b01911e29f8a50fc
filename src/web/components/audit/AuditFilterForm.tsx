import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '../TextField.tsx';
import { isUuid } from './audit-filters.ts';
import type { AuditSearch } from './audit-filters.ts';
import { KNOWN_ENTITIES, entityLabel } from './labels.ts';

interface AuditFilterFormProps {
  /** The filters in force (from the URL); the form starts from them. */
  initial: AuditSearch;
  onApply: (search: AuditSearch) => void;
  onClear: () => void;
}

/** Kind of record, record id, user id and a date range; applied together, so the URL is one search. */
export function AuditFilterForm({ initial, onApply, onClear }: AuditFilterFormProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useState(initial);
  const [checked, setChecked] = useState(false);
  const userError = checked && search.user && !isUuid(search.user) ? t('audit.invalidUserId') : undefined;
  const set = (key: keyof AuditSearch) => (value: string) => setSearch((current) => ({ ...current, [key]: value }));
  // An entity the list does not know yet (a newer feature's table) still shows as chosen.
  const entities: string[] = search.entity && !KNOWN_ENTITIES.some((e) => e === search.entity) ? [...KNOWN_ENTITIES, search.entity] : KNOWN_ENTITIES;

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    setChecked(true);
    if (search.user && !isUuid(search.user)) return;
    onApply(search);
  }

  const active = Object.values(initial).filter(Boolean).length;
  return (
    // Folded, with a count of the filters in force: the list, not five fields, fills a phone's first screen.
    <details className="filters-box">
      <summary>
        {t('audit.filters')}
        {active > 0 && <span className="badge">{t('audit.activeFilters', { count: active })}</span>}
      </summary>
      <form className="filters" onSubmit={handleSubmit} aria-label={t('audit.filters')}>
      <div className="field">
        <label htmlFor="audit-entity">{t('audit.entity')}</label>
        <select id="audit-entity" value={search.entity} onChange={(event) => set('entity')(event.target.value)}>
          <option value="">{t('audit.anyEntity')}</option>
          {entities.map((entity) => (
            <option key={entity} value={entity}>
              {entityLabel(t, entity)}
            </option>
          ))}
        </select>
      </div>
      <TextField label={t('audit.recordId')} value={search.id} onChange={set('id')} autoComplete="off" spellCheck={false} />
      <TextField label={t('audit.userId')} hint={t('audit.userIdHint')} value={search.user} onChange={set('user')} error={userError} autoComplete="off" spellCheck={false} />
      <TextField label={t('audit.from')} type="date" value={search.from} onChange={set('from')} />
      <TextField label={t('audit.to')} type="date" value={search.to} onChange={set('to')} />
      <div className="actions">
        <button type="submit" className="primary">
          {t('audit.apply')}
        </button>
        <button type="button" onClick={onClear}>
          {t('audit.clear')}
        </button>
      </div>
      </form>
    </details>
  );
}
