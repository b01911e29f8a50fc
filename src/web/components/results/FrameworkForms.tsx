import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { INDICATOR_MEASURES, INDICATOR_TYPES, RESULT_TYPES, TARGET_KINDS } from '../../../common/api/results.ts';
import type { CreatePeriod, CreateResult } from '../../../common/api/results.ts';
import { createIndicator, createPeriod, createResult } from '../../api/programmes.ts';
import type { IndicatorInput } from '../../api/programmes.ts';
import { useAgreementWrite } from '../../api/useAgreementWrite.ts';
import { CheckboxField, SelectField, TextAreaField } from '../agreements/fields.tsx';
import { Problems } from '../agreements/Problems.tsx';
import { formProblems } from '../agreements/server-errors.ts';
import { TextField } from '../TextField.tsx';

type ResultType = (typeof RESULT_TYPES)[number];

/** A result (output, outcome or impact) of the agreement. */
export function ResultForm({ agreementId }: { agreementId: string }) {
  const { t } = useTranslation();
  const [type, setType] = useState<ResultType>('output');
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const add = useAgreementWrite(agreementId, (input: CreateResult) => createResult(agreementId, input));
  const server = formProblems(add.error, ['type', 'title', 'description']);
  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    add.mutate({ type, title: title.trim(), description: description.trim() || null }, { onSuccess: () => setTitle('') });
  }
  return (
    <form className="stack" onSubmit={handleSubmit} noValidate>
      <SelectField label={t('results.resultType')} value={type} onChange={(value) => setType(value as ResultType)}>
        {RESULT_TYPES.map((value) => (
          <option key={value} value={value}>
            {t(`results.types.${value}`)}
          </option>
        ))}
      </SelectField>
      <TextField label={t('results.resultTitle')} value={title} onChange={setTitle} error={server.byField.title} maxLength={300} />
      <TextAreaField label={t('workplan.description')} value={description} onChange={setDescription} error={server.byField.description} maxLength={4000} />
      <Problems items={server.general} />
      <button type="submit" className="primary" disabled={add.isPending}>
        {t('results.saveResult')}
      </button>
    </form>
  );
}

/** An indicator of a result: quantitative (unit or percentage) or qualitative, its baseline and kind of target. */
export function IndicatorForm({ agreementId, resultId }: { agreementId: string; resultId: string }) {
  const { t } = useTranslation();
  const [title, setTitle] = useState('');
  const [type, setType] = useState<IndicatorInput['type']>('quantitative');
  const [measure, setMeasure] = useState<NonNullable<IndicatorInput['measure']>>('unit');
  const [unit, setUnit] = useState('');
  const [ascending, setAscending] = useState(true);
  const [targetKind, setTargetKind] = useState<IndicatorInput['targetKind']>('performance');
  const [baselineYear, setBaselineYear] = useState('');
  const [baselineValue, setBaselineValue] = useState('');
  const add = useAgreementWrite(agreementId, (input: IndicatorInput) => createIndicator(resultId, input));
  const server = formProblems(add.error, ['title', 'type', 'measure', 'unit', 'targetKind', 'baselineYear', 'baselineValue']);
  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    add.mutate(
      {
        title: title.trim(),
        type,
        measure,
        unit: unit.trim() || null,
        ascending,
        targetKind,
        baselineYear: baselineYear ? Number(baselineYear) : null,
        baselineValue: baselineValue && measure === 'unit' ? Number(baselineValue.replace(',', '.')) : null,
      },
      { onSuccess: () => setTitle('') },
    );
  }
  return (
    <form className="stack" onSubmit={handleSubmit} noValidate>
      <TextField label={t('results.indicatorTitle')} value={title} onChange={setTitle} error={server.byField.title} maxLength={300} />
      <SelectField label={t('results.indicatorType')} value={type} onChange={(value) => setType(value as IndicatorInput['type'])}>
        {INDICATOR_TYPES.map((value) => (
          <option key={value} value={value}>
            {t(`results.indicatorTypes.${value}`)}
          </option>
        ))}
      </SelectField>
      {type === 'quantitative' && (
        <SelectField label={t('results.measure')} value={measure} onChange={(value) => setMeasure(value as typeof measure)}>
          {INDICATOR_MEASURES.map((value) => (
            <option key={value} value={value}>
              {t(`results.measures.${value}`)}
            </option>
          ))}
        </SelectField>
      )}
      {type === 'quantitative' && measure === 'unit' && <TextField label={t('results.unit')} value={unit} onChange={setUnit} error={server.byField.unit} maxLength={60} />}
      <CheckboxField label={t('results.ascending')} checked={ascending} onChange={setAscending} />
      <SelectField label={t('results.targetKind')} value={targetKind} onChange={(value) => setTargetKind(value as IndicatorInput['targetKind'])}>
        {TARGET_KINDS.map((value) => (
          <option key={value} value={value}>
            {t(`results.targetKinds.${value}`)}
          </option>
        ))}
      </SelectField>
      <div className="field-row">
        <TextField label={t('results.baselineYear')} inputMode="numeric" value={baselineYear} onChange={setBaselineYear} error={server.byField.baselineYear} />
        {type === 'quantitative' && measure === 'unit' && (
          <TextField label={t('results.baselineValue')} inputMode="decimal" value={baselineValue} onChange={setBaselineValue} error={server.byField.baselineValue} />
        )}
      </div>
      <Problems items={server.general} />
      <button type="submit" className="primary" disabled={add.isPending}>
        {t('results.saveIndicator')}
      </button>
    </form>
  );
}

/** A reporting period of an indicator, with its target. */
export function PeriodForm({ agreementId, indicatorId }: { agreementId: string; indicatorId: string }) {
  const { t } = useTranslation();
  const [periodStart, setPeriodStart] = useState('');
  const [periodEnd, setPeriodEnd] = useState('');
  const [target, setTarget] = useState('');
  const add = useAgreementWrite(agreementId, (input: CreatePeriod) => createPeriod(indicatorId, input));
  const server = formProblems(add.error, ['periodStart', 'periodEnd', 'targetValue']);
  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    add.mutate({ periodStart, periodEnd, targetValue: target ? Number(target.replace(',', '.')) : null });
  }
  return (
    <form className="stack" onSubmit={handleSubmit} noValidate>
      <div className="field-row">
        <TextField label={t('results.periodStart')} type="date" value={periodStart} onChange={setPeriodStart} error={server.byField.periodStart} />
        <TextField label={t('results.periodEnd')} type="date" value={periodEnd} onChange={setPeriodEnd} error={server.byField.periodEnd} />
      </div>
      <TextField label={t('results.target')} inputMode="decimal" value={target} onChange={setTarget} error={server.byField.targetValue} />
      <Problems items={server.general} />
      <button type="submit" className="primary" disabled={add.isPending}>
        {t('results.savePeriod')}
      </button>
    </form>
  );
}
