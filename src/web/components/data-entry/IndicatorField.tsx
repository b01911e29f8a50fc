import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Indicator } from '../../../common/api/indicators.ts';
import type { Observation } from '../../../common/api/observations.ts';
import { useFormatDate } from '../useFormatDate.ts';
import type { DecimalMark } from './decimal.ts';
import type { Draft, DraftField } from './drafts.ts';
import { indicatorName, unitLabel } from './labels.ts';
import { NumberField } from './NumberField.tsx';
import { RatioPreview } from './RatioPreview.tsx';
import { StatusField } from './StatusField.tsx';

interface IndicatorFieldProps {
  indicator: Indicator;
  /** What the boxes show: the user's draft, or the stored value. */
  draft: Draft;
  stored: Observation | undefined;
  mark: DecimalMark;
  onChange: (field: DraftField, text: string) => void;
  /** Fields whose text is not a number (shown once the user has tried to save). */
  notNumbers: readonly DraftField[];
  /** The server's objections to this entry, in its own words. */
  problems: readonly string[];
}

/** One indicator: its name, the boxes its measure needs, its definition on request, and who last changed it. */
export function IndicatorField({ indicator, draft, stored, mark, onChange, notNumbers, problems }: IndicatorFieldProps) {
  const { t, i18n } = useTranslation();
  const formatDate = useFormatDate();
  const id = useId();
  const name = indicatorName(indicator, i18n.language);
  const nameId = `${id}-name`;
  const metaId = `${id}-meta`;
  const problemsId = `${id}-problems`;
  const describedBy = [stored ? metaId : '', problems.length > 0 ? problemsId : ''].filter(Boolean).join(' ') || undefined;
  const invalid = problems.length > 0;
  const notANumber = (field: DraftField) => (notNumbers.includes(field) ? t('dataEntry.notANumber') : undefined);

  return (
    <li className="indicator" data-indicator={indicator.code} aria-labelledby={nameId}>
      {indicator.measure === 'ratio' && (
        <fieldset aria-describedby={describedBy}>
          <legend id={nameId} className="indicator-name">
            {name}
          </legend>
          <div className="ratio">
            <NumberField
              label={<RatioLabel part={t('dataEntry.numerator')} text={indicator.numerator} />}
              value={draft.numerator}
              onChange={(text) => onChange('numerator', text)}
              error={notANumber('numerator')}
              invalid={invalid}
            />
            <NumberField
              label={<RatioLabel part={t('dataEntry.denominator')} text={indicator.denominator} />}
              value={draft.denominator}
              onChange={(text) => onChange('denominator', text)}
              error={notANumber('denominator')}
              invalid={invalid}
            />
          </div>
          <RatioPreview numerator={draft.numerator} denominator={draft.denominator} mark={mark} proportion={indicator.proportion !== false} />
        </fieldset>
      )}
      {indicator.measure === 'value' && (
        <NumberField
          label={name}
          labelId={nameId}
          labelClassName="indicator-name"
          value={draft.value}
          onChange={(text) => onChange('value', text)}
          suffix={unitLabel(t, indicator.unit)}
          error={notANumber('value')}
          invalid={invalid}
          describedBy={describedBy}
        />
      )}
      {indicator.measure === 'status' && (
        <StatusField
          label={name}
          labelId={nameId}
          options={indicator.statusValues ?? []}
          value={draft.statusValue}
          onChange={(value) => onChange('statusValue', value)}
          invalid={invalid}
          describedBy={describedBy}
        />
      )}
      {problems.length > 0 && (
        <ul id={problemsId} className="field-error problems">
          {problems.map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
      )}
      {stored && (
        <p id={metaId} className="hint">
          {stored.updatedBy
            ? t('dataEntry.lastChanged', { email: stored.updatedBy, date: formatDate(stored.updatedAt) })
            : t('dataEntry.lastChangedAt', { date: formatDate(stored.updatedAt) })}
        </p>
      )}
      <details className="definition">
        <summary>
          {t('dataEntry.definition')}
          <span className="visually-hidden">: {name}</span>
        </summary>
        <p>{indicator.definition}</p>
        <p className="hint">
          {t('dataEntry.code', { code: indicator.code })} · {t('dataEntry.unit', { unit: unitLabel(t, indicator.unit) })}
        </p>
      </details>
    </li>
  );
}

/** "Pembilang" in bold, then what is counted, as the catalogue says it. */
function RatioLabel({ part, text }: { part: string; text: string | null }) {
  return (
    <>
      <span className="ratio-part">{part}</span>{' '}
      {text && <span className="ratio-text">{text}</span>}
    </>
  );
}
