import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgreementDetail } from '../../../common/api/agreements.ts';
import { ACTIVITY_TYPES, BUDGET_SOURCES } from '../../../common/api/programmes.ts';
import type { Activity } from '../../../common/api/programmes.ts';
import type { ActivityStatus } from '../../../common/activity-status.ts';
import { createActivity, updateActivity } from '../../api/programmes.ts';
import type { ActivityInput } from '../../api/programmes.ts';
import { useAgreementWrite } from '../../api/useAgreementWrite.ts';
import { SelectField, TextAreaField } from '../agreements/fields.tsx';
import { Problems } from '../agreements/Problems.tsx';
import { formProblems } from '../agreements/server-errors.ts';
import { TextField } from '../TextField.tsx';
import { activityState, emptyActivity, toActivityInput } from './activity-form.ts';
import type { ActivityFormErrors, ActivityFormState, BudgetRow, ParticipantRow } from './activity-form.ts';

interface ActivityFormProps {
  agreement: AgreementDetail;
  /** The activity to change; without it the form plans a new one. */
  activity?: Activity;
  onDone?: () => void;
}

const SERVER_FIELDS = ['type', 'title', 'description', 'hostOrganisationCode', 'plannedStart', 'plannedEnd', 'actualStart', 'actualEnd', 'location', 'status', 'participants', 'budget', 'outputs', 'lessons'];

/** Plans an activity, or records how it went: dates, host, participants by sex, budget by source, outputs and lessons. */
export function ActivityForm({ agreement, activity, onDone }: ActivityFormProps) {
  const { t } = useTranslation();
  const organisations = [...new Map(agreement.participants.map((participant) => [participant.organisation.code, participant.organisation])).values()];
  const firstParty = agreement.participants.find((participant) => participant.role === 'pihak')?.organisation.code ?? organisations[0]?.code ?? '';
  const [state, setState] = useState<ActivityFormState>(activity ? activityState(activity) : emptyActivity(firstParty));
  const [errors, setErrors] = useState<ActivityFormErrors>({});
  const save = useAgreementWrite(agreement.id, (input: ActivityInput) => (activity ? updateActivity(activity.id, input) : createActivity(agreement.id, input)));
  const server = formProblems(save.error, SERVER_FIELDS);
  const statuses: ActivityStatus[] = activity ? [activity.status, ...activity.nextStatuses] : ['planned', 'done'];
  const set = <K extends keyof ActivityFormState>(key: K) => (value: ActivityFormState[K]) => setState((current) => ({ ...current, [key]: value }));
  const problem = (key: keyof ActivityFormErrors) => {
    const code = errors[key];
    if (!code) return undefined;
    return code === 'endBeforeStart' ? t('agreements.form.endBeforeStart') : code === 'amount' ? t('workplan.amountInvalid') : code === 'organisation' ? t('agreements.participants.organisationRequired') : t('agreements.form.required');
  };

  function setRow<T>(key: 'participants' | 'budget', index: number, change: Partial<T>) {
    setState((current) => ({ ...current, [key]: current[key].map((row, at) => (at === index ? { ...row, ...change } : row)) }));
  }

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const result = toActivityInput(state);
    if ('errors' in result) {
      setErrors(result.errors);
      return;
    }
    setErrors({});
    save.mutate(result.input, {
      onSuccess: () => {
        if (!activity) setState(emptyActivity(firstParty));
        onDone?.();
      },
    });
  }

  const organisationOptions = organisations.map((organisation) => (
    <option key={organisation.code} value={organisation.code}>
      {organisation.name}
    </option>
  ));

  return (
    <form className="stack activity-form" onSubmit={handleSubmit} noValidate aria-label={activity ? `${t('workplan.edit')}: ${activity.title}` : t('workplan.addActivity')}>
      <SelectField label={t('workplan.type')} value={state.type} onChange={(value) => set('type')(value as ActivityFormState['type'])} error={server.byField.type}>
        {ACTIVITY_TYPES.map((type) => (
          <option key={type} value={type}>
            {t(`workplan.types.${type}`)}
          </option>
        ))}
      </SelectField>
      <TextField label={t('workplan.title')} value={state.title} onChange={set('title')} error={problem('title') ?? server.byField.title} maxLength={200} />
      <TextAreaField label={t('workplan.description')} value={state.description} onChange={set('description')} error={server.byField.description} maxLength={4000} />
      <SelectField label={t('workplan.host')} value={state.hostOrganisationCode} onChange={set('hostOrganisationCode')} error={problem('hostOrganisationCode') ?? server.byField.hostOrganisationCode}>
        {organisationOptions}
      </SelectField>
      <div className="field-row">
        <TextField label={t('workplan.plannedStart')} type="date" value={state.plannedStart} onChange={set('plannedStart')} error={problem('plannedStart') ?? server.byField.plannedStart} />
        <TextField label={t('workplan.plannedEnd')} type="date" value={state.plannedEnd} onChange={set('plannedEnd')} error={problem('plannedEnd') ?? server.byField.plannedEnd} />
      </div>
      <TextField label={t('workplan.location')} value={state.location} onChange={set('location')} error={server.byField.location} maxLength={300} />
      <SelectField label={t('workplan.status')} value={state.status} onChange={(value) => set('status')(value as ActivityStatus)} error={server.byField.status}>
        {statuses.map((status) => (
          <option key={status} value={status}>
            {t(`workplan.statuses.${status}`)}
          </option>
        ))}
      </SelectField>
      {state.status !== 'planned' && (
        <div className="field-row">
          <TextField label={t('workplan.actualStart')} type="date" value={state.actualStart} onChange={set('actualStart')} error={server.byField.actualStart} />
          <TextField label={t('workplan.actualEnd')} type="date" value={state.actualEnd} onChange={set('actualEnd')} error={server.byField.actualEnd} />
        </div>
      )}
      <fieldset>
        <legend>{t('workplan.participantsHeading')}</legend>
        {state.participants.map((row, index) => (
          <div key={index} className="row-group" role="group" aria-label={`${t('workplan.participantsHeading')} ${index + 1}`}>
            <SelectField label={t('organisationPicker.label')} value={row.organisationCode} onChange={(value) => setRow<ParticipantRow>('participants', index, { organisationCode: value })}>
              <option value="" />
              {organisationOptions}
            </SelectField>
            <div className="field-row">
              <TextField label={t('workplan.female')} inputMode="numeric" value={row.female} onChange={(value) => setRow<ParticipantRow>('participants', index, { female: value })} />
              <TextField label={t('workplan.male')} inputMode="numeric" value={row.male} onChange={(value) => setRow<ParticipantRow>('participants', index, { male: value })} />
            </div>
            {problem(`participants.${index}`) && <p className="field-error">{problem(`participants.${index}`)}</p>}
            <button type="button" onClick={() => set('participants')(state.participants.filter((_, at) => at !== index))}>
              {t('workplan.removeLine')}
            </button>
          </div>
        ))}
        <button type="button" onClick={() => set('participants')([...state.participants, { organisationCode: firstParty, female: '', male: '' }])}>
          {t('workplan.addLine')}
        </button>
        {server.byField.participants && <p className="field-error">{server.byField.participants}</p>}
      </fieldset>
      <fieldset>
        <legend>{t('workplan.budgetHeading')}</legend>
        {state.budget.map((line, index) => (
          <div key={index} className="row-group" role="group" aria-label={`${t('workplan.budgetHeading')} ${index + 1}`}>
            <SelectField label={t('workplan.budgetSource')} value={line.source} onChange={(value) => setRow<BudgetRow>('budget', index, { source: value as BudgetRow['source'] })}>
              {BUDGET_SOURCES.map((source) => (
                <option key={source} value={source}>
                  {t(`workplan.budgetSources.${source}`)}
                </option>
              ))}
            </SelectField>
            <SelectField label={t('workplan.budgetOrganisation')} value={line.organisationCode} onChange={(value) => setRow<BudgetRow>('budget', index, { organisationCode: value })}>
              <option value="" />
              {organisationOptions}
            </SelectField>
            <div className="field-row">
              <TextField label={t('workplan.planned')} inputMode="numeric" value={line.planned} onChange={(value) => setRow<BudgetRow>('budget', index, { planned: value })} />
              <TextField label={t('workplan.actual')} inputMode="numeric" value={line.actual} onChange={(value) => setRow<BudgetRow>('budget', index, { actual: value })} />
            </div>
            {problem(`budget.${index}`) && <p className="field-error">{problem(`budget.${index}`)}</p>}
            <button type="button" onClick={() => set('budget')(state.budget.filter((_, at) => at !== index))}>
              {t('workplan.removeLine')}
            </button>
          </div>
        ))}
        <button type="button" onClick={() => set('budget')([...state.budget, { source: 'apbd', organisationCode: firstParty, planned: '', actual: '' }])}>
          {t('workplan.addLine')}
        </button>
        {server.byField.budget && <p className="field-error">{server.byField.budget}</p>}
      </fieldset>
      <TextAreaField label={t('workplan.outputs')} value={state.outputs} onChange={set('outputs')} error={server.byField.outputs} maxLength={4000} />
      <TextAreaField label={t('workplan.lessons')} value={state.lessons} onChange={set('lessons')} error={server.byField.lessons} maxLength={4000} />
      <Problems items={server.general} />
      <div className="actions">
        <button type="submit" className="primary" disabled={save.isPending}>
          {t('workplan.save')}
        </button>
        {onDone && (
          <button type="button" onClick={onDone}>
            {t('workplan.cancel')}
          </button>
        )}
      </div>
    </form>
  );
}
