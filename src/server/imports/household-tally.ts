import type { ObservationRow } from './observation-writer.ts';
import type { VillageTally } from './household-row.ts';
import type { StoredTally } from './household.repo.ts';

/**
 * A village's household tallies as its observations (source kind `survey`), pure. A village
 * whose households all moved away (tally null) has these cells cleared.
 * - STBM.DS.P1_AKSES_PCT: households with JSP, JSSP, sharing or "layak" ÷ households with a pillar-1 answer;
 * - STBM.DS.KK_JSP / _JSSP / _SHARING / _BABS: households per category, only when every pillar-1
 *   answer of the village is a category (a "layak" answer does not say which);
 * - STBM.DS.PILAR_k_PCT (k = 2..5): households meeting pillar k ÷ households answered for it.
 */
export function householdTallyRows(areaCode: string, tally: VillageTally | null, period: string, row: number, areaColumn = 'Desa'): ObservationRow[] {
  const base = { row, areaCode, areaColumn, period, sourceKind: 'survey' as const, value: null, numerator: null, denominator: null, statusValue: null };
  const rows: ObservationRow[] = [];
  const cell = (indicatorCode: string, column: string, numbers: Partial<Pick<ObservationRow, 'value' | 'numerator' | 'denominator'>> | null) =>
    rows.push(numbers ? { ...base, indicatorCode, column, ...numbers } : { ...base, indicatorCode, column, remove: true });
  cell('STBM.DS.P1_AKSES_PCT', 'Pilar 1', tally && tally.pillar1 > 0 ? { numerator: tally.access, denominator: tally.pillar1 } : null);
  const categories = tally && tally.pillar1 > 0 && tally.onlyCategories;
  for (const category of ['JSP', 'JSSP', 'SHARING', 'BABS'] as const) {
    cell(`STBM.DS.KK_${category}`, 'Pilar 1', categories ? { value: tally.categories[category] } : null);
  }
  for (let index = 0; index < 4; index += 1) {
    const answered = tally?.answered[index] ?? 0;
    cell(`STBM.DS.PILAR_${index + 2}_PCT`, `Pilar ${index + 2}`, answered > 0 ? { numerator: tally?.met[index] ?? 0, denominator: answered } : null);
  }
  return rows;
}

export function storedTallyToVillageTally(stored: StoredTally): VillageTally {
  return {
    pillar1: stored.pillar1,
    access: stored.access,
    categories: { JSP: stored.jsp, JSSP: stored.jssp, SHARING: stored.sharing, BABS: stored.babs },
    onlyCategories: stored.yes_no === 0,
    answered: [stored.answered_2, stored.answered_3, stored.answered_4, stored.answered_5],
    met: [stored.met_2, stored.met_3, stored.met_4, stored.met_5],
  };
}

/** A village's tally of `households` households as stored (household_village_tally's counts), the inverse of storedTallyToVillageTally. */
export function villageTallyToStored(villageCode: string, tally: VillageTally, households: number): StoredTally {
  const { categories, answered, met } = tally;
  return {
    village_code: villageCode,
    households,
    pillar1: tally.pillar1,
    access: tally.access,
    jsp: categories.JSP,
    jssp: categories.JSSP,
    sharing: categories.SHARING,
    babs: categories.BABS,
    yes_no: tally.pillar1 - categories.JSP - categories.JSSP - categories.SHARING - categories.BABS,
    answered_2: answered[0], met_2: met[0],
    answered_3: answered[1], met_3: met[1],
    answered_4: answered[2], met_4: met[2],
    answered_5: answered[3], met_5: met[3],
  };
}
