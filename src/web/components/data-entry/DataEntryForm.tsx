import { useEffect, useRef, useState } from 'react';
import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AreaDetail } from '../../../common/api/areas.ts';
import { INDICATOR_GROUPS } from '../../../common/api/indicators.ts';
import type { Indicator } from '../../../common/api/indicators.ts';
import type { ObservationSheet } from '../../../common/api/observations.ts';
import type { Period } from '../../../common/period.ts';
import { ApiError } from '../../api/client.ts';
import { useSaveObservationsMutation } from '../../api/useSaveObservationsMutation.ts';
import { decimalMarkOf } from './decimal.ts';
import { changesOf, storedDraft } from './drafts.ts';
import type { DraftField, Drafts } from './drafts.ts';
import { entryProblems } from './field-errors.ts';
import type { EntryProblems } from './field-errors.ts';
import { EntryChoice } from './EntryChoice.tsx';
import { IndicatorField } from './IndicatorField.tsx';
import { SaveBar } from './SaveBar.tsx';
import type { EntrySource } from './sources.ts';

interface DataEntryFormProps {
  area: AreaDetail;
  period: Period;
  currentYear: number;
  source: EntrySource;
  indicators: readonly Indicator[];
  /** Undefined while the stored values of this period are loading. */
  sheet: ObservationSheet | undefined;
  /** Shown instead of the indicators until the sheet is there: loading, or why it failed. */
  whileNoSheet: ReactNode;
  onPeriodChange: (period: Period) => void;
  onSourceChange: (source: EntrySource) => void;
  /** The server refused the save with 403: the account may (no longer) enter data here. */
  onForbidden: () => void;
}

const NO_PROBLEMS: EntryProblems = { byIndicator: new Map(), general: [] };

/**
 * The values of one area, period and source, grouped as the catalogue groups them. Boxes show what
 * is stored until the user types; Save sends only the entries that differ from what is stored,
 * all or nothing. Mounted anew for each period and source, so drafts never cross between them.
 */
export function DataEntryForm({ area, period, currentYear, source, indicators, sheet, whileNoSheet, onPeriodChange, onSourceChange, onForbidden }: DataEntryFormProps) {
  const { t, i18n } = useTranslation();
  const mark = decimalMarkOf(i18n.language);
  const formRef = useRef<HTMLFormElement>(null);
  const [drafts, setDrafts] = useState<Drafts>({});
  const [checked, setChecked] = useState(false);
  const [problems, setProblems] = useState<EntryProblems>(NO_PROBLEMS);
  const [nothingToSave, setNothingToSave] = useState(false);
  const save = useSaveObservationsMutation();

  const stored = new Map((sheet?.items ?? []).filter((item) => item.sourceKind === source).map((item) => [item.indicatorCode, item]));
  const changes = changesOf(indicators, drafts, stored, mark);
  const dirty = changes.entries.length > 0 || changes.invalid.size > 0;
  const groups = INDICATOR_GROUPS.map((group) => ({ group, items: indicators.filter((indicator) => indicator.group === group) })).filter(
    (entry) => entry.items.length > 0,
  );

  // Leaving the page (reload, closing the tab) with unsaved entries asks first.
  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  function setField(indicator: Indicator, field: DraftField, text: string) {
    setDrafts((current) => ({
      ...current,
      [indicator.code]: { ...(current[indicator.code] ?? storedDraft(stored.get(indicator.code), mark)), [field]: text },
    }));
    setNothingToSave(false);
    if (problems.byIndicator.has(indicator.code)) {
      const byIndicator = new Map(problems.byIndicator);
      byIndicator.delete(indicator.code);
      setProblems({ ...problems, byIndicator });
    }
  }

  /** Unsaved entries are lost when the period or source changes: ask first. */
  function guard(change: () => void) {
    if (dirty && !window.confirm(t('dataEntry.discardConfirm'))) return;
    change();
  }

  /** Takes the user to the first entry at fault, clear of the Save bar that stays at the bottom. */
  function focusIndicator(code: string | undefined) {
    const box = code && formRef.current?.querySelector<HTMLElement>(`[data-indicator="${code}"] :is(input, select)`);
    if (!box) return;
    box.focus({ preventScroll: true });
    box.scrollIntoView({ block: 'center' });
  }

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    setChecked(true);
    setProblems(NO_PROBLEMS);
    save.reset();
    if (changes.invalid.size > 0) {
      focusIndicator([...changes.invalid.keys()][0]);
      return;
    }
    if (changes.entries.length === 0) {
      setNothingToSave(true);
      return;
    }
    const values = changes.entries;
    const sent = drafts;
    save.mutate(
      { areaCode: area.code, period: period.code, sourceKind: source, values },
      {
        onSuccess: () => {
          // Saved drafts give way to the stored values; a box edited while saving keeps its text.
          setDrafts((current) => Object.fromEntries(Object.entries(current).filter(([code, draft]) => draft !== sent[code])));
          setChecked(false);
        },
        onError: (error) => {
          if (error instanceof ApiError && error.isForbidden) onForbidden();
          else if (error instanceof ApiError && error.code === 'invalid_request') {
            const found = entryProblems(error.message, values);
            setProblems(found);
            focusIndicator(values.find((entry) => found.byIndicator.has(entry.indicatorCode))?.indicatorCode);
          }
        },
      },
    );
  }

  const rejected = save.error instanceof ApiError && save.error.code === 'invalid_request';
  const showInvalid = checked && changes.invalid.size > 0;
  let status = '';
  if (save.isPending) status = t('status.saving');
  else if (nothingToSave) status = t('dataEntry.noChanges');
  else if (dirty) status = t('dataEntry.unsaved', { count: changes.entries.length + changes.invalid.size });
  else if (save.isSuccess) status = t('dataEntry.saved');

  return (
    <>
      <EntryChoice
        period={period}
        currentYear={currentYear}
        source={source}
        onPeriodChange={(next) => guard(() => onPeriodChange(next))}
        onSourceChange={(next) => guard(() => onSourceChange(next))}
      />
      {sheet === undefined ? (
        whileNoSheet
      ) : (
        <form ref={formRef} className="entry-form" onSubmit={handleSubmit}>
          {groups.length === 0 && <p className="empty">{t('dataEntry.none')}</p>}
          {groups.map(({ group, items }) => (
            <section key={group} aria-labelledby={`group-${group}`}>
              <h2 id={`group-${group}`}>{t(`dataEntry.groups.${group}`)}</h2>
              <ul className="indicators">
                {items.map((indicator) => (
                  <IndicatorField
                    key={indicator.code}
                    indicator={indicator}
                    draft={drafts[indicator.code] ?? storedDraft(stored.get(indicator.code), mark)}
                    stored={stored.get(indicator.code)}
                    mark={mark}
                    onChange={(field, text) => setField(indicator, field, text)}
                    notNumbers={checked ? (changes.invalid.get(indicator.code) ?? []) : []}
                    problems={problems.byIndicator.get(indicator.code) ?? []}
                  />
                ))}
              </ul>
            </section>
          ))}
          <SaveBar
            pending={save.isPending}
            status={status}
            checkFields={showInvalid || rejected}
            general={problems.general}
            error={save.isError && !rejected && !(save.error instanceof ApiError && save.error.isForbidden) ? save.error : null}
          />
        </form>
      )}
    </>
  );
}
