import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Organisation } from '../../../common/api/organisations.ts';
import { useOrganisationsQuery } from '../../api/useOrganisationsQuery.ts';
import { ErrorMessage } from '../Status.tsx';
import { useDebouncedValue } from '../useDebouncedValue.ts';

interface OrgPickerProps {
  /** The fieldset's legend, which names the choice ("PIHAK PERTAMA", "Organisasi"). */
  legend: string;
  value: Organisation | null;
  onChange: (organisation: Organisation) => void;
  error?: string;
}

/**
 * Search organisations (a pemda by name or area code) and choose one from radio buttons. Like the
 * users page's picker, but with its own legend, so two can sit in one form (the template dialog).
 */
export function OrgPicker({ legend, value, onChange, error }: OrgPickerProps) {
  const { t } = useTranslation();
  const id = useId();
  const [text, setText] = useState('');
  const term = useDebouncedValue(text.trim(), 250);
  const search = useOrganisationsQuery(term);
  const items = term ? (search.data?.items ?? []) : [];

  return (
    <fieldset className="picker" aria-describedby={error ? `${id}-error` : undefined}>
      <legend>{legend}</legend>
      <p className="picker-selected">{value ? t('agreements.picker.selected', { name: value.name }) : t('agreements.picker.nothing')}</p>
      <label htmlFor={`${id}-q`}>{t('agreements.picker.search')}</label>
      <p id={`${id}-hint`} className="hint">
        {t('agreements.picker.hint')}
      </p>
      <input
        id={`${id}-q`}
        type="search"
        value={text}
        onChange={(event) => setText(event.target.value)}
        aria-describedby={`${id}-hint`}
        autoComplete="off"
        spellCheck={false}
        onKeyDown={(event) => event.key === 'Enter' && event.preventDefault()}
      />
      <p className="status" role="status">
        {term && search.isFetching && t('agreements.picker.searching')}
        {term && !search.isFetching && search.isSuccess && items.length === 0 && t('agreements.picker.none', { q: term })}
      </p>
      {term && search.isError && <ErrorMessage error={search.error} onRetry={() => void search.refetch()} />}
      {items.length > 0 && (
        <div role="radiogroup" aria-label={t('agreements.picker.results')} className="choices">
          {items.map((organisation) => (
            <label key={organisation.id} className="choice">
              <input type="radio" name={`${id}-organisation`} checked={value?.id === organisation.id} onChange={() => onChange(organisation)} aria-label={organisation.name} />
              <span>
                <span>{organisation.name}</span>{' '}
                <span className="kind">
                  {t(`organisationKinds.${organisation.kind}`)} · {organisation.code}
                </span>
              </span>
            </label>
          ))}
        </div>
      )}
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </fieldset>
  );
}
