/**
 * A result period's actual, computed from its updates. Pure: no I/O.
 *
 * Only approved updates count (drafts, submitted and returned ones never change an actual). How
 * approved updates combine depends on the indicator:
 *
 * - quantitative, unit, not cumulative (a flow: "ASN trained", "study visits held"): each update
 *   reports what happened since the last one, so the actual is the SUM of approved values. This is
 *   Akvo RSR's default and the research's "actual = sum of approved updates" rule.
 * - quantitative, unit, cumulative (a stock: "villages verified ODF", "households connected"):
 *   each update reports the running total, so the actual is the value of the LATEST approved update
 *   (summing would count the same villages twice).
 * - quantitative, percentage: a percentage describes a state at a point in time, so the actual is
 *   the LATEST approved update's numerator and denominator (stored as such, never as a percentage);
 *   the value is 100 × numerator / denominator, null when the denominator is 0.
 * - qualitative: no number; the actual is the LATEST approved update's narrative.
 *
 * "Latest" is the most recently approved: the actual is what the partner last confirmed.
 */
export interface IndicatorKind {
  type: 'quantitative' | 'qualitative';
  measure: 'unit' | 'percentage';
  cumulative: boolean;
}

export interface UpdateForActual {
  id: string;
  status: 'draft' | 'submitted' | 'returned' | 'approved';
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  narrative: string | null;
  /** When it was approved (ISO timestamp); null unless approved. */
  approvedAt: string | null;
}

export interface PeriodActual {
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  narrative: string | null;
  /** How many approved updates it was computed from. */
  approvedUpdates: number;
}

export const NO_ACTUAL: PeriodActual = { value: null, numerator: null, denominator: null, narrative: null, approvedUpdates: 0 };

export function computePeriodActual(indicator: IndicatorKind, updates: readonly UpdateForActual[]): PeriodActual {
  const approved = updates.filter((update) => update.status === 'approved').sort(byApproval);
  if (approved.length === 0) return NO_ACTUAL;
  const latest = approved[approved.length - 1] as UpdateForActual;
  const count = approved.length;
  if (indicator.type === 'qualitative') return { ...NO_ACTUAL, narrative: latest.narrative, approvedUpdates: count };
  if (indicator.measure === 'percentage') {
    const { numerator, denominator } = latest;
    const value = numerator === null || denominator === null || denominator === 0 ? null : round((100 * numerator) / denominator);
    return { value, numerator, denominator, narrative: latest.narrative, approvedUpdates: count };
  }
  if (indicator.cumulative) return { ...NO_ACTUAL, value: latest.value, narrative: latest.narrative, approvedUpdates: count };
  const values = approved.map((update) => update.value).filter((value): value is number => value !== null);
  return { ...NO_ACTUAL, value: values.length > 0 ? round(values.reduce((sum, value) => sum + value, 0)) : null, narrative: latest.narrative, approvedUpdates: count };
}

/**
 * Whether the actual reaches the target in the indicator's direction (ascending: at or above;
 * descending: at or below); null when either is missing.
 */
export function targetReached(actual: number | null, target: number | null, ascending: boolean): boolean | null {
  if (actual === null || target === null) return null;
  return ascending ? actual >= target : actual <= target;
}

function byApproval(a: UpdateForActual, b: UpdateForActual): number {
  const at = (a.approvedAt ?? '').localeCompare(b.approvedAt ?? '');
  return at !== 0 ? at : a.id.localeCompare(b.id);
}

/** Sums of decimals keep 6 places (the column's scale), so 0.1 + 0.2 is 0.3. */
function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}
