import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { AGREEMENT_STATUSES, PARTICIPANT_ROLES } from '../../../common/agreements/vocabulary.ts';
import type { AgreementFilters as Filters } from '../../api/agreements.ts';
import { TextField } from '../TextField.tsx';
import { SelectField } from './fields.tsx';

export const FILTER_KEYS = ['q', 'status', 'area', 'role'] as const;

interface AgreementFiltersProps {
  initial: Required<Filters>;
  onApply: (filters: Required<Filters>) => void;
  onClear: () => void;
}

/** Words, status, area code and role; applied together so the URL holds one search. */
export function AgreementFilters({ initial, onApply, onClear }: AgreementFiltersProps) {
  const { t } = useTranslation();
  const [filters, setFilters] = useState(initial);
  const set = (key: keyof Filters) => (value: string) => setFilters((current) => ({ ...current, [key]: value }));
  const active = FILTER_KEYS.filter((key) => key !== 'q' && initial[key]).length;

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    onApply(filters);
  }

  return (
    <form className="agreement-filters" role="search" aria-label={t('agreements.filters.label')} onSubmit={handleSubmit}>
      <TextField label={t('agreements.filters.q')} hint={t('agreements.filters.qHint')} type="search" value={filters.q} onChange={set('q')} autoComplete="off" />
      <details className="filters-box" open={active > 0}>
        <summary>
          {t('agreements.filters.label')} {active > 0 && <span className="badge">{t('agreements.filters.active', { count: active })}</span>}
        </summary>
        <div className="filters">
          <SelectField label={t('agreements.filters.status')} value={filters.status} onChange={set('status')}>
            <option value="">{t('agreements.filters.anyStatus')}</option>
            {AGREEMENT_STATUSES.map((status) => (
              <option key={status} value={status}>
                {t(`agreements.statuses.${status}`)}
              </option>
            ))}
          </SelectField>
          <TextField label={t('agreements.filters.area')} hint={t('agreements.filters.areaHint')} value={filters.area} onChange={set('area')} inputMode="decimal" autoComplete="off" />
          <SelectField label={t('agreements.filters.role')} value={filters.role} onChange={set('role')}>
            <option value="">{t('agreements.filters.anyRole')}</option>
            {PARTICIPANT_ROLES.map((role) => (
              <option key={role} value={role}>
                {t(`agreements.roles.${role}`)}
              </option>
            ))}
          </SelectField>
        </div>
      </details>
      <div className="actions">
        <button type="submit" className="primary">
          {t('agreements.filters.apply')}
        </button>
        <button type="button" onClick={onClear}>
          {t('agreements.filters.clear')}
        </button>
      </div>
    </form>
  );
}
