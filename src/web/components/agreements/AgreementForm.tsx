import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgreementDetail, UpdateAgreement } from '../../../common/api/agreements.ts';
import type { Organisation } from '../../../common/api/organisations.ts';
import { AGREEMENT_CATEGORIES, VISIBILITIES } from '../../../common/agreements/vocabulary.ts';
import type { AgreementCategory, Visibility } from '../../../common/agreements/vocabulary.ts';
import { TextField } from '../TextField.tsx';
import { CheckboxField, SelectField, TextAreaField } from './fields.tsx';
import { partyLabel } from './labels.ts';
import { OrganisationPicker } from '../OrganisationPicker.tsx';
import { Problems } from './Problems.tsx';
import { formProblems } from './server-errors.ts';

const FIELDS = ['title', 'category', 'objectives', 'visibility', 'startDate', 'endDate', 'renewalTerms', 'note', 'parties'] as const;

export interface AgreementFormValues extends Required<Omit<UpdateAgreement, 'renewalTerms' | 'note' | 'startDate' | 'endDate'>> {
  startDate: string | null;
  endDate: string | null;
  renewalTerms: string | null;
  note: string | null;
}

interface AgreementFormProps {
  /** The agreement to edit; without it the form creates one, and asks for its parties. */
  agreement?: AgreementDetail;
  pending: boolean;
  error: unknown;
  onSubmit: (values: AgreementFormValues, parties: Organisation[]) => void;
  onCancel: () => void;
}

const orNull = (text: string) => (text.trim() === '' ? null : text.trim());

/** The agreement's own fields: title, category, objectives, term, visibility, the DPRD triggers and, when new, its PIHAK. */
export function AgreementForm({ agreement, pending, error, onSubmit, onCancel }: AgreementFormProps) {
  const { t, i18n } = useTranslation();
  const [title, setTitle] = useState(agreement?.title ?? '');
  const [category, setCategory] = useState<AgreementCategory>(agreement?.category ?? 'ksdd_sukarela');
  const [isTwinning, setIsTwinning] = useState(agreement?.isTwinning ?? true);
  const [objectives, setObjectives] = useState(agreement?.objectives ?? '');
  const [visibility, setVisibility] = useState<Visibility>(agreement?.visibility ?? 'internal');
  const [startDate, setStartDate] = useState(agreement?.startDate ?? '');
  const [endDate, setEndDate] = useState(agreement?.endDate ?? '');
  const [renewalTerms, setRenewalTerms] = useState(agreement?.renewalTerms ?? '');
  const [burdensPublic, setBurdensPublic] = useState(agreement?.burdensPublic ?? false);
  const [unbudgeted, setUnbudgeted] = useState(agreement?.unbudgeted ?? false);
  const [note, setNote] = useState(agreement?.note ?? '');
  const [parties, setParties] = useState<Organisation[]>([]);
  const [candidate, setCandidate] = useState<Organisation | null>(null);
  const [checked, setChecked] = useState(false);

  const server = formProblems(error, FIELDS);
  const titleError = checked && !title.trim() ? t('agreements.form.required') : server.byField.title;
  const endError = startDate && endDate && endDate < startDate ? t('agreements.form.endBeforeStart') : server.byField.endDate;
  const partiesError = !agreement && checked && parties.length === 0 ? t('agreements.form.partiesRequired') : server.byField.parties;

  function addParty() {
    if (candidate && !parties.some((party) => party.code === candidate.code)) setParties([...parties, candidate]);
    setCandidate(null);
  }

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    setChecked(true);
    if (!title.trim() || (startDate && endDate && endDate < startDate) || (!agreement && parties.length === 0)) return;
    onSubmit(
      { title: title.trim(), category, isTwinning, objectives: objectives.trim(), visibility, startDate: orNull(startDate), endDate: orNull(endDate), renewalTerms: orNull(renewalTerms), burdensPublic, unbudgeted, note: orNull(note) },
      parties,
    );
  }

  return (
    <form className="stack agreement-form" onSubmit={handleSubmit} noValidate>
      <TextField label={t('agreements.form.title')} value={title} onChange={setTitle} error={titleError} required maxLength={300} />
      <SelectField label={t('agreements.form.category')} value={category} onChange={(value) => setCategory(value as AgreementCategory)} error={server.byField.category}>
        {AGREEMENT_CATEGORIES.map((value) => (
          <option key={value} value={value}>
            {t(`agreements.categories.${value}`)}
          </option>
        ))}
      </SelectField>
      <CheckboxField label={t('agreements.form.isTwinning')} checked={isTwinning} onChange={setIsTwinning} />
      <TextAreaField label={t('agreements.form.objectives')} value={objectives} onChange={setObjectives} error={server.byField.objectives} rows={4} maxLength={5000} />
      {!agreement && (
        <fieldset aria-describedby={partiesError ? 'parties-error' : undefined}>
          <legend>{t('agreements.form.parties')}</legend>
          <p className="hint">{t('agreements.form.partiesHint')}</p>
          {parties.length > 0 && (
            <ol className="party-list">
              {parties.map((party, index) => (
                <li key={party.code}>
                  <strong>{partyLabel(index + 1, i18n.language)}</strong>: {party.name}{' '}
                  <button type="button" onClick={() => setParties(parties.filter((other) => other.code !== party.code))}>
                    {t('agreements.form.removeParty', { name: party.name })}
                  </button>
                </li>
              ))}
            </ol>
          )}
          <OrganisationPicker legend={partyLabel(parties.length + 1, i18n.language)} value={candidate} onChange={setCandidate} />
          <button type="button" onClick={addParty} disabled={!candidate}>
            {t('agreements.form.addParty', { party: partyLabel(parties.length + 1, i18n.language) })}
          </button>
          {partiesError && (
            <p id="parties-error" className="field-error">
              {partiesError}
            </p>
          )}
        </fieldset>
      )}
      <div className="field-row">
        <TextField label={t('agreements.form.startDate')} type="date" value={startDate} onChange={setStartDate} error={server.byField.startDate} />
        <TextField label={t('agreements.form.endDate')} type="date" value={endDate} onChange={setEndDate} error={endError} />
      </div>
      <TextField label={t('agreements.form.renewalTerms')} value={renewalTerms} onChange={setRenewalTerms} error={server.byField.renewalTerms} maxLength={1000} />
      <SelectField label={t('agreements.form.visibility')} hint={t('agreements.form.visibilityHint')} value={visibility} onChange={(value) => setVisibility(value as Visibility)}>
        {VISIBILITIES.map((value) => (
          <option key={value} value={value}>
            {t(`agreements.visibility.${value}`)}
          </option>
        ))}
      </SelectField>
      <fieldset>
        <legend>{t('agreements.overview.dprd')}</legend>
        <p className="hint">{t('agreements.form.dprdHint')}</p>
        <CheckboxField label={t('agreements.form.burdensPublic')} checked={burdensPublic} onChange={setBurdensPublic} />
        <CheckboxField label={t('agreements.form.unbudgeted')} checked={unbudgeted} onChange={setUnbudgeted} />
      </fieldset>
      <TextAreaField label={t('agreements.form.note')} value={note} onChange={setNote} error={server.byField.note} maxLength={5000} />
      <Problems items={server.general} />
      <div className="actions">
        <button type="submit" className="primary" disabled={pending}>
          {agreement ? t('agreements.form.save') : t('agreements.form.create')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('agreements.form.cancel')}
        </button>
      </div>
    </form>
  );
}
