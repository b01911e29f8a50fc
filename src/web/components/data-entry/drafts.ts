import type { Indicator } from '../../../common/api/indicators.ts';
import type { Observation, ObservationEntry } from '../../../common/api/observations.ts';
import { formatDecimal, parseDecimal } from './decimal.ts';
import type { DecimalMark } from './decimal.ts';

/** What the user has typed for one indicator; only the fields of its measure are used. */
export interface Draft {
  value: string;
  numerator: string;
  denominator: string;
  statusValue: string;
}
export type DraftField = keyof Draft;

/** Drafts of the indicators the user has touched, by code; the others show what is stored. */
export type Drafts = Readonly<Partial<Record<string, Draft>>>;

/** The stored observation as input text (empty fields when nothing is stored). */
export function storedDraft(observation: Observation | undefined, mark: DecimalMark): Draft {
  return {
    value: formatDecimal(observation?.value ?? null, mark),
    numerator: formatDecimal(observation?.numerator ?? null, mark),
    denominator: formatDecimal(observation?.denominator ?? null, mark),
    statusValue: observation?.statusValue ?? '',
  };
}

/** The fields the user fills for an indicator of this measure. */
export function fieldsOf(indicator: Indicator): DraftField[] {
  switch (indicator.measure) {
    case 'ratio':
      return ['numerator', 'denominator'];
    case 'value':
      return ['value'];
    case 'status':
      return ['statusValue'];
  }
}

export type ReadEntry = { entry: ObservationEntry; invalid?: undefined } | { entry?: undefined; invalid: DraftField[] };

/**
 * The entry a draft stands for, or the fields whose text is not a number. Empty fields become
 * null: an entry with nothing in it clears the stored value.
 */
export function readDraft(indicator: Indicator, draft: Draft, mark: DecimalMark): ReadEntry {
  const indicatorCode = indicator.code;
  if (indicator.measure === 'status') return { entry: { indicatorCode, statusValue: draft.statusValue || null } };
  const number = (field: DraftField) => parseDecimal(draft[field], mark);
  const invalid = fieldsOf(indicator).filter((field) => Number.isNaN(number(field)));
  if (invalid.length > 0) return { invalid };
  if (indicator.measure === 'value') return { entry: { indicatorCode, value: number('value') } };
  return { entry: { indicatorCode, numerator: number('numerator'), denominator: number('denominator') } };
}

/** True when saving `entry` would leave the stored observation as it is. */
export function isUnchanged(indicator: Indicator, entry: ObservationEntry, stored: Observation | undefined): boolean {
  return fieldsOf(indicator).every((field) => (entry[field] ?? null) === (stored?.[field] ?? null));
}

export interface Changes {
  /** Entries that differ from what is stored, in catalogue order. */
  entries: ObservationEntry[];
  /** Fields whose text is not a number, by indicator code. */
  invalid: Map<string, DraftField[]>;
}

/**
 * What the Save button would send: the touched indicators whose value differs from the stored one.
 * A stored comment goes along, so changing a value does not erase the note that came with it.
 */
export function changesOf(indicators: readonly Indicator[], drafts: Drafts, stored: ReadonlyMap<string, Observation>, mark: DecimalMark): Changes {
  const entries: ObservationEntry[] = [];
  const invalid = new Map<string, DraftField[]>();
  for (const indicator of indicators) {
    const draft = drafts[indicator.code];
    if (!draft) continue;
    const read = readDraft(indicator, draft, mark);
    if (read.invalid) invalid.set(indicator.code, read.invalid);
    else if (!isUnchanged(indicator, read.entry, stored.get(indicator.code))) {
      const comment = stored.get(indicator.code)?.comment;
      entries.push(comment ? { ...read.entry, comment } : read.entry);
    }
  }
  return { entries, invalid };
}
