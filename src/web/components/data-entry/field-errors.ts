import type { ObservationEntry } from '../../../common/api/observations.ts';

export interface EntryProblems {
  /** The server's words about each entry, by indicator code. */
  byIndicator: Map<string, string[]>;
  /** Problems that name no entry (the area, the period). */
  general: string[];
}

/**
 * Splits a 400 `invalid_request` message into the problems of each entry. The server lists them
 * as `values[1] (STBM.DS.P1_AKSES_PCT): numerator 1300 is more than denominator 1200; values[2] …`,
 * or, for a malformed body, `body.values.0.numerator: Too small …`. A problem's own text may hold
 * a `; ` too, so the message is cut only where the next problem begins.
 */
export function entryProblems(message: string, sent: readonly ObservationEntry[]): EntryProblems {
  const byIndicator = new Map<string, string[]>();
  const general: string[] = [];
  for (const part of message.split(/; (?=(?:body\.)?(?:values|areaCode|period|sourceKind)\b)/)) {
    const found = /^values\[(\d+)\] \(([^)]*)\): ([\s\S]*)$/.exec(part) ?? /^body\.values\.(\d+)()(?:\.)?([\s\S]*)$/.exec(part);
    const [, index = '', named = '', text = ''] = found ?? [];
    const code = sent[Number(index)]?.indicatorCode ?? named;
    if (!found || !code) {
      general.push(part);
      continue;
    }
    byIndicator.set(code, [...(byIndicator.get(code) ?? []), text.trim()]);
  }
  return { byIndicator, general };
}
