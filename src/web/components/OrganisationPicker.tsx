import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Organisation } from '../../common/api/organisations.ts';
import { useOrganisationsQuery } from '../api/useOrganisationsQuery.ts';
// Its own texts and styles: the agreement pages use it without the account pages' bundle.
import '../i18n/organisations.ts';
import { ErrorMessage } from './Status.tsx';
import { useDebouncedValue } from './useDebouncedValue.ts';

const DEBOUNCE_MS = 250;

interface OrganisationPickerProps {
  /** The fieldset's legend, which names the choice ("PIHAK PERTAMA"); "Organisasi" when left out. */
  legend?: string;
  value: Organisation | null;
  onChange: (organisation: Organisation) => void;
  error?: string;
}

/**
 * Search organisations by name (or a pemda by its area code) and choose one from the matches,
 * shown as radio buttons: plain form controls that work the same with a finger, keys or a reader.
 * Each picker has its own ids and legend, so two can sit in one form (the template dialog).
 */
export function OrganisationPicker({ legend, value, onChange, error }: OrganisationPickerProps) {
  const { t } = useTranslation();
  const id = useId();
  const [text, setText] = useState('');
  const term = useDebouncedValue(text.trim(), DEBOUNCE_MS);
  const search = useOrganisationsQuery(term);
  const items = term ? (search.data?.items ?? []) : [];

  return (
    <fieldset className="picker" aria-describedby={error ? `${id}-error` : undefined}>
      <legend>{legend ?? t('organisationPicker.label')}</legend>
      <p className="picker-selected">{value ? t('organisationPicker.selected', { name: value.name }) : t('organisationPicker.nothingSelected')}</p>
      <label htmlFor={`${id}-q`}>{t('organisationPicker.search')}</label>
      <p id={`${id}-hint`} className="hint">
        {t('organisationPicker.hint')}
      </p>
      <input
        id={`${id}-q`}
        type="search"
        value={text}
        onChange={(event) => setText(event.target.value)}
        aria-describedby={`${id}-hint`}
        autoComplete="off"
        spellCheck={false}
        // Enter in this box searches; it must not send the whole form.
        onKeyDown={(event) => event.key === 'Enter' && event.preventDefault()}
      />
      <p className="status" role="status">
        {term && search.isFetching && t('organisationPicker.searching')}
        {term && !search.isFetching && search.isSuccess && items.length === 0 && t('organisationPicker.none', { q: term })}
      </p>
      {term && search.isError && <ErrorMessage error={search.error} onRetry={() => void search.refetch()} />}
      {items.length > 0 && (
        <div role="radiogroup" aria-label={t('organisationPicker.results')} className="choices">
          {items.map((organisation) => (
            <label key={organisation.id} className="choice">
              <input
                type="radio"
                name={`${id}-organisation`}
                checked={value?.id === organisation.id}
                onChange={() => onChange(organisation)}
                aria-labelledby={`${id}-${organisation.id}`}
                aria-describedby={`${id}-${organisation.id}-meta`}
              />
              <span>
                <span id={`${id}-${organisation.id}`}>{organisation.name}</span>{' '}
                <span id={`${id}-${organisation.id}-meta`} className="kind">
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
