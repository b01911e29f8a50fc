import type { Kysely } from 'kysely';
import { areaLevel } from '../../common/area-code.ts';
import { rollupTargets } from '../../common/period.ts';
import {
  DERIVED_INDICATOR_CODES,
  deriveVillageStatuses,
  VILLAGE_STATUS_INPUT_CODES,
  VILLAGE_STATUS_INPUTS,
  type DerivedValue,
  type Share,
  type VillageFacts,
} from '../../common/village-status.ts';
import type { Schema } from '../db/schema.ts';
import type { CellKey } from './indicator-values.repo.ts';
import {
  deleteDerivedObservations,
  derivationInputs,
  lockVillagePeriods,
  upsertDerivedObservations,
  villagePeriodsToDerive,
  type DerivedObservation,
  type VillageCell,
} from './village-status.repo.ts';

/**
 * Re-derives the village statuses (common/village-status.ts) of every village and period whose
 * inputs a write touched, inside the writer's transaction, before any rollup cell is locked: the
 * rules read each village's own cells, computed from its observations (the preferred source, finer
 * periods combined), so a monthly SBS status and a yearly pillar survey together decide the year.
 * Stores only what changed (source kind `derived`; cleared when the status became unknown) and
 * returns those cells, which the caller rolls up with the written ones.
 */
export async function rederiveVillageStatuses(trx: Kysely<Schema>, written: readonly CellKey[]): Promise<CellKey[]> {
  const targets = affectedVillagePeriods(written);
  // Writers of the same village and period derive one after the other (village-status.repo.ts).
  // No deadlock with the rollup cells' row locks (lockCells): every writer takes its village
  // locks, in one ascending order, before any cell lock, and its cell locks in lockCells' one
  // global order. A writer waiting for a village lock holds only its observations: the entered
  // ones it wrote (derived indicators cannot be entered), which the holder of the village lock
  // neither writes nor locks; that holder writes only the derived observations of its locked
  // villages. (This holds as every transaction rolls up once: one save, one import.)
  await lockVillagePeriods(trx, targets);
  return rederiveFor(trx, targets);
}

/**
 * Re-derives the statuses of every village and period that has status inputs or derived values
 * (after a bulk load or a full rebuild of the rollups; repair). Returns the cells that changed.
 */
export async function rederiveAllVillageStatuses(trx: Kysely<Schema>): Promise<CellKey[]> {
  const targets = await villagePeriodsToDerive(trx, VILLAGE_STATUS_INPUT_CODES, DERIVED_INDICATOR_CODES);
  // Every lock before the first pass (in one order, as writers take theirs), not pass by pass.
  await lockVillagePeriods(trx, targets);
  const changed: CellKey[] = [];
  for (let start = 0; start < targets.length; start += ALL_CHUNK) changed.push(...(await rederiveFor(trx, targets.slice(start, start + ALL_CHUNK))));
  return changed;
}

/** Village-periods per pass of a full re-derivation (bounds memory at national scale). */
const ALL_CHUNK = 5_000;

/** Derives and stores the statuses of village-periods already locked (lockVillagePeriods). */
async function rederiveFor(trx: Kysely<Schema>, targets: ReadonlyArray<{ areaCode: string; period: string }>): Promise<CellKey[]> {
  if (targets.length === 0) return [];
  const villages = [...new Set(targets.map((target) => target.areaCode))];
  const periods = [...new Set(targets.map((target) => target.period))];
  const read = await derivationInputs(trx, { inputs: VILLAGE_STATUS_INPUT_CODES, derived: DERIVED_INDICATOR_CODES }, villages, periods);
  const inputs = groupByVillagePeriod(read.cells);
  const stored = new Map(read.stored.map((row) => [cellId(row), row]));
  const upserts: DerivedObservation[] = [];
  const clears: CellKey[] = [];
  for (const target of targets) {
    const cells = inputs.get(`${target.areaCode}|${target.period}`);
    const derived = deriveVillageStatuses(factsOf(cells));
    // A status derived from example inputs is example data too, so its figures say so.
    const fromExample = [...(cells?.values() ?? [])].some((cell) => cell.example);
    for (const [indicatorCode, value] of Object.entries(derived)) {
      const key = { indicatorCode, areaCode: target.areaCode, period: target.period };
      const before = stored.get(cellId(key));
      if (value === null) {
        if (before) clears.push(key);
      } else {
        const row = { ...key, ...storedShape(value), fromExample };
        const same = before && before.numerator === row.numerator && before.denominator === row.denominator && before.statusValue === row.statusValue && before.fromExample === fromExample;
        if (!same) upserts.push(row);
      }
    }
  }
  await upsertDerivedObservations(trx, upserts);
  await deleteDerivedObservations(trx, clears);
  return [...upserts.map(({ indicatorCode, areaCode, period }) => ({ indicatorCode, areaCode, period })), ...clears];
}

/** Each (village, period) whose status inputs may have changed: the written period and every coarser one it rolls into. */
export function affectedVillagePeriods(written: readonly CellKey[]): Array<{ areaCode: string; period: string }> {
  const unique = new Map<string, { areaCode: string; period: string }>();
  for (const cell of written) {
    if (!VILLAGE_STATUS_INPUT_CODES.includes(cell.indicatorCode) || areaLevel(cell.areaCode) !== 4) continue;
    for (const period of [cell.period, ...rollupTargets(cell.period)]) unique.set(`${cell.areaCode}|${period}`, { areaCode: cell.areaCode, period });
  }
  return [...unique.values()];
}

function groupByVillagePeriod(cells: readonly VillageCell[]): Map<string, Map<string, VillageCell>> {
  const grouped = new Map<string, Map<string, VillageCell>>();
  for (const cell of cells) {
    const id = `${cell.areaCode}|${cell.period}`;
    const byIndicator = grouped.get(id) ?? new Map<string, VillageCell>();
    byIndicator.set(cell.indicatorCode, cell);
    grouped.set(id, byIndicator);
  }
  return grouped;
}

/** The rules' facts from a village's cells: a status cell of one village counts 1 for its status. */
function factsOf(cells: ReadonlyMap<string, VillageCell> | undefined): VillageFacts {
  const status = cells?.get(VILLAGE_STATUS_INPUTS.sbsStatus)?.statusCounts;
  const share = (code: string): Share | null => {
    const cell = cells?.get(code);
    return cell && cell.numerator !== null && cell.denominator !== null ? { numerator: cell.numerator, denominator: cell.denominator } : null;
  };
  return {
    sbsStatus: Object.entries(status ?? {}).find(([, count]) => count > 0)?.[0] ?? null,
    kkTotal: cells?.get(VILLAGE_STATUS_INPUTS.kkTotal)?.value ?? null,
    kkBabs: cells?.get(VILLAGE_STATUS_INPUTS.kkBabs)?.value ?? null,
    pillars: VILLAGE_STATUS_INPUTS.pillars.map(share),
  };
}

function storedShape(value: NonNullable<DerivedValue>): Pick<DerivedObservation, 'numerator' | 'denominator' | 'statusValue'> {
  return 'statusValue' in value ? { numerator: null, denominator: null, statusValue: value.statusValue } : { numerator: value.numerator, denominator: value.denominator, statusValue: null };
}

function cellId(cell: CellKey): string {
  return `${cell.indicatorCode}|${cell.areaCode}|${cell.period}`;
}
