import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgreementDetail } from '../../../common/api/agreements.ts';
import type { Activity } from '../../../common/api/programmes.ts';
import type { ResultIndicator, UpdateInput } from '../../../common/api/results.ts';
import { createUpdate } from '../../api/programmes.ts';
import { useActivitiesQuery } from '../../api/useActivitiesQuery.ts';
import { useAgreementWrite } from '../../api/useAgreementWrite.ts';
import { useEvidenceQuery } from '../../api/useEvidenceQuery.ts';
import { CheckboxField, TextAreaField } from '../agreements/fields.tsx';
import { Problems } from '../agreements/Problems.tsx';
import { formProblems } from '../agreements/server-errors.ts';
import { TextField } from '../TextField.tsx';

const toNumber = (text: string) => (text.trim() === '' ? null : Number(text.trim().replace(/\./g, '').replace(',', '.')));

/** A draft update: a value (or numerator and denominator, or only words for a qualitative indicator), a narrative and evidence from the activities. */
export function UpdateForm({ agreement, indicator, periodId }: { agreement: AgreementDetail; indicator: ResultIndicator; periodId: string }) {
  const { t } = useTranslation();
  const [value, setValue] = useState('');
  const [numerator, setNumerator] = useState('');
  const [denominator, setDenominator] = useState('');
  const [narrative, setNarrative] = useState('');
  const [evidenceIds, setEvidenceIds] = useState<string[]>([]);
  const activities = useActivitiesQuery(agreement.id);
  const save = useAgreementWrite(agreement.id, (input: UpdateInput) => createUpdate(periodId, input));
  const server = formProblems(save.error, ['value', 'numerator', 'denominator', 'narrative', 'evidenceIds']);
  const quantitative = indicator.type === 'quantitative';
  const percentage = quantitative && indicator.measure === 'percentage';

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const input: UpdateInput = { narrative: narrative.trim() || null, evidenceIds };
    if (percentage) Object.assign(input, { numerator: toNumber(numerator), denominator: toNumber(denominator) });
    else if (quantitative) input.value = toNumber(value);
    save.mutate(input, {
      onSuccess: () => {
        setValue('');
        setNumerator('');
        setDenominator('');
        setNarrative('');
        setEvidenceIds([]);
      },
    });
  }

  const toggle = (id: string) => (on: boolean) => setEvidenceIds((current) => (on ? [...current, id] : current.filter((other) => other !== id)));
  const withEvidence = (activities.data?.items ?? []).filter((activity) => activity.evidenceCount > 0);

  return (
    <form className="stack" onSubmit={handleSubmit} noValidate>
      {quantitative && !percentage && <TextField label={t('results.value')} inputMode="decimal" value={value} onChange={setValue} error={server.byField.value} />}
      {percentage && (
        <div className="field-row">
          <TextField label={t('results.numerator')} inputMode="decimal" value={numerator} onChange={setNumerator} error={server.byField.numerator} />
          <TextField label={t('results.denominator')} inputMode="decimal" value={denominator} onChange={setDenominator} error={server.byField.denominator} />
        </div>
      )}
      <TextAreaField label={t('results.narrative')} value={narrative} onChange={setNarrative} error={server.byField.narrative} maxLength={4000} />
      {withEvidence.length > 0 && (
        <fieldset>
          <legend>{t('results.evidence')}</legend>
          {withEvidence.map((activity) => (
            <EvidenceChoices key={activity.id} agreementId={agreement.id} activity={activity} chosen={evidenceIds} onToggle={toggle} />
          ))}
        </fieldset>
      )}
      <Problems items={server.general} />
      <button type="submit" className="primary" disabled={save.isPending}>
        {t('results.saveDraft')}
      </button>
    </form>
  );
}

function EvidenceChoices({ agreementId, activity, chosen, onToggle }: { agreementId: string; activity: Activity; chosen: string[]; onToggle: (id: string) => (on: boolean) => void }) {
  const evidence = useEvidenceQuery(agreementId, activity.id);
  return (
    <>
      {(evidence.data?.items ?? []).map((item) => (
        <CheckboxField key={item.id} label={`${activity.title}: ${item.caption}`} checked={chosen.includes(item.id)} onChange={onToggle(item.id)} />
      ))}
    </>
  );
}
