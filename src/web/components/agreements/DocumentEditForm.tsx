import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgreementDetail, AgreementDocument, UpdateDocument } from '../../../common/api/agreements.ts';
import { CLAUSE_KEYS, SIGNED_DOCUMENT_KINDS } from '../../../common/agreements/vocabulary.ts';
import type { ClauseKey } from '../../../common/agreements/vocabulary.ts';
import { updateDocument } from '../../api/agreements.ts';
import { useAgreementWrite } from '../../api/useAgreementWrite.ts';
import { TextField } from '../TextField.tsx';
import { CheckboxField } from './fields.tsx';
import { Problems } from './Problems.tsx';
import { formProblems } from './server-errors.ts';

/** Signing date and place, term, each party's number and the clause checklist of one document. */
export function DocumentEditForm({ agreement, document }: { agreement: AgreementDetail; document: AgreementDocument }) {
  const { t } = useTranslation();
  const signed = SIGNED_DOCUMENT_KINDS.has(document.kind);
  const parties = agreement.participants.filter((participant) => participant.role === 'pihak');
  const [signedOn, setSignedOn] = useState(document.signedOn ?? '');
  const [signedPlace, setSignedPlace] = useState(document.signedPlace ?? '');
  const [effectiveStart, setEffectiveStart] = useState(document.effectiveStart ?? '');
  const [effectiveEnd, setEffectiveEnd] = useState(document.effectiveEnd ?? '');
  const [numbers, setNumbers] = useState<Record<string, string>>(Object.fromEntries(document.numbers.map((entry) => [entry.organisation.code, entry.number])));
  const [clauses, setClauses] = useState<ClauseKey[]>(document.clauses);
  const save = useAgreementWrite(agreement.id, (input: UpdateDocument) => updateDocument(agreement.id, document.id, input));
  const server = formProblems(save.error, ['signedOn', 'signedPlace', 'effectiveStart', 'effectiveEnd', 'numbers', 'clauses']);

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const input: UpdateDocument = {
      signedOn: signedOn || null,
      signedPlace: signedPlace.trim() || null,
      effectiveStart: effectiveStart || null,
      effectiveEnd: effectiveEnd || null,
    };
    if (signed) {
      input.numbers = Object.entries(numbers)
        .filter(([, number]) => number.trim() !== '')
        .map(([organisationCode, number]) => ({ organisationCode, number: number.trim() }));
      input.clauses = clauses;
    }
    save.mutate(input);
  }

  const toggle = (key: ClauseKey) => (on: boolean) => setClauses((current) => (on ? [...current, key] : current.filter((other) => other !== key)));

  return (
    <form className="stack" onSubmit={handleSubmit} noValidate aria-label={`${t('documents.details')}: ${document.title}`}>
      <div className="field-row">
        <TextField label={t('documents.signedOn')} type="date" value={signedOn} onChange={setSignedOn} error={server.byField.signedOn} />
        <TextField label={t('documents.signedPlace')} value={signedPlace} onChange={setSignedPlace} error={server.byField.signedPlace} maxLength={300} />
      </div>
      <div className="field-row">
        <TextField label={t('agreements.form.startDate')} type="date" value={effectiveStart} onChange={setEffectiveStart} error={server.byField.effectiveStart} />
        <TextField label={t('agreements.form.endDate')} type="date" value={effectiveEnd} onChange={setEffectiveEnd} error={server.byField.effectiveEnd} />
      </div>
      {signed && (
        <fieldset>
          <legend>{t('documents.numbers')}</legend>
          <p className="hint">{t('documents.numbersHint')}</p>
          {parties.map((party) => (
            <TextField
              key={party.id}
              label={t('documents.numberOf', { name: party.organisation.name })}
              value={numbers[party.organisation.code] ?? ''}
              onChange={(value) => setNumbers((current) => ({ ...current, [party.organisation.code]: value }))}
              maxLength={200}
            />
          ))}
          {server.byField.numbers && <p className="field-error">{server.byField.numbers}</p>}
        </fieldset>
      )}
      {signed && (
        <fieldset>
          <legend>{t('documents.clauses')}</legend>
          <p className="hint">{t('documents.clausesHint')}</p>
          <div className="clause-grid">
            {CLAUSE_KEYS.map((key) => (
              <CheckboxField key={key} label={t(`documents.clauseNames.${key}`)} checked={clauses.includes(key)} onChange={toggle(key)} />
            ))}
          </div>
        </fieldset>
      )}
      <Problems items={server.general} />
      {save.isSuccess && (
        <p className="status" role="status">
          {t('documents.saved')}
        </p>
      )}
      <button type="submit" className="primary" disabled={save.isPending}>
        {t('agreements.form.save')}
      </button>
    </form>
  );
}
