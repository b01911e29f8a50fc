import { sql, type Kysely } from 'kysely';
import { rollupTargets } from '../../common/period.ts';
import type { Schema } from '../db/schema.ts';
import { ownCellColumns } from './own-cells.repo.ts';
import { ownCellsOver, yearsOfPeriods } from './rollup-inputs.repo.ts';

/** Villages per statement: keeps IN lists of a national import reasonable. */
const CHUNK = 1_000;

export interface VillageCell {
  indicatorCode: string;
  areaCode: string;
  period: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  statusCounts: Record<string, number> | null;
  /** Some of the cell comes from example (demo) data. */
  example: boolean;
}

export interface DerivedObservation {
  indicatorCode: string;
  areaCode: string;
  period: string;
  numerator: number | null;
  denominator: number | null;
  statusValue: string | null;
  /** Derived from inputs that include example (demo) data: example data too. */
  fromExample: boolean;
}

/**
 * Advisory lock class of the village status derivation, pg_advisory_xact_lock(class, key): an
 * arbitrary constant ('KMBR') that keeps these keys apart from any other advisory lock.
 */
const DERIVATION_LOCK_CLASS = 0x4b4d4252;
/**
 * How many keys the (village, period) pairs hash into. Not one key each: a national import derives
 * hundreds of thousands of village-periods in one transaction, and every advisory lock takes an
 * entry of PostgreSQL's shared lock table (max_locks_per_transaction × max_connections, 6,400 by
 * default). Sharing a key only makes a writer wait for another that did not need to, rarely.
 */
const DERIVATION_LOCK_KEYS = 1_024;

/**
 * Takes the transaction-scoped lock of each (village, period), held until commit, so that writers
 * re-deriving the same village and period run one after the other: each must read the inputs
 * another has just committed (two writers saving different inputs of one village lock different
 * rollup cells, so nothing else orders them). Keys in ascending order, so that writers of many
 * villages (imports) never wait for each other crosswise, over a sorted subquery as the PostgreSQL
 * manual advises; at most DERIVATION_LOCK_KEYS of them, so one statement, never chunked. The
 * derivation's read must be a later statement: under READ COMMITTED a statement sees what was
 * committed before it started, and this one may have waited.
 */
export async function lockVillagePeriods(db: Kysely<Schema>, targets: ReadonlyArray<{ areaCode: string; period: string }>): Promise<void> {
  const keys = [...new Set(targets.map((target) => derivationLockKey(target.areaCode, target.period)))].sort((a, b) => a - b);
  if (keys.length === 0) return;
  await sql`SELECT pg_advisory_xact_lock(${DERIVATION_LOCK_CLASS}::int, sorted.key) FROM (SELECT key FROM unnest(${keys}::int[]) AS key ORDER BY key) AS sorted`.execute(db);
}

/** A (village, period)'s lock key: FNV-1a of `village|period`, the same in every process. */
function derivationLockKey(areaCode: string, period: string): number {
  const text = `${areaCode}|${period}`;
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) hash = Math.imul(hash ^ text.charCodeAt(index), 0x01000193);
  return (hash >>> 0) % DERIVATION_LOCK_KEYS;
}

/**
 * What re-deriving the statuses of villages for periods reads, in one statement per chunk of
 * villages: their own cells of the status inputs (own-cells.repo.ts: each the preferred source of
 * the period, or its finer periods combined over time) and the `derived` observations stored.
 */
export async function derivationInputs(
  db: Kysely<Schema>,
  codes: { inputs: readonly string[]; derived: readonly string[] },
  villages: readonly string[],
  periods: readonly string[],
): Promise<{ cells: VillageCell[]; stored: DerivedObservation[] }> {
  const cells: VillageCell[] = [];
  const stored: DerivedObservation[] = [];
  for (const part of chunks(villages)) {
    const { rows } = await sql<{ cells: string; stored: string }>`
      WITH own_observations AS (
        SELECT * FROM observation o WHERE o.province_code = ANY(${provincesOf(part)}::text[]) AND o.indicator_code = ANY(${[...codes.inputs]}::text[])
          AND o.area_code = ANY(${part}::text[]) AND left(o.period, 4) = ANY(${yearsOfPeriods(periods)}::text[]) AND o.status <> 'draft'),
      own AS (${ownCellsOver(periods)})
      SELECT (SELECT coalesce(json_agg(json_build_array(x.indicator_code, x.area_code, x.period, ${ownCellColumns(sql`x`)})), '[]') FROM own x JOIN indicator i ON i.code = x.indicator_code)::text AS cells,
             (SELECT coalesce(json_agg(json_build_array(d.indicator_code, d.area_code, d.period, d.numerator, d.denominator, d.status_value, d.from_example)), '[]')
              FROM observation d WHERE d.province_code = ANY(${provincesOf(part)}::text[]) AND d.indicator_code = ANY(${[...codes.derived]}::text[])
                AND d.area_code = ANY(${part}::text[]) AND d.period = ANY(${[...periods]}::text[]) AND d.source_kind = 'derived')::text AS stored`.execute(db);
    const row = rows[0];
    if (!row) continue;
    for (const [indicatorCode, areaCode, period, value, numerator, denominator, statusCounts, , exampleReporting] of JSON.parse(row.cells) as CellTuple[]) {
      cells.push({ indicatorCode, areaCode, period, value: num(value), numerator: num(numerator), denominator: num(denominator), statusCounts, example: exampleReporting > 0 });
    }
    for (const [indicatorCode, areaCode, period, numerator, denominator, statusValue, fromExample] of JSON.parse(row.stored) as DerivedTuple[]) {
      stored.push({ indicatorCode, areaCode, period, numerator: num(numerator), denominator: num(denominator), statusValue, fromExample });
    }
  }
  return { cells, stored };
}

type Numeric = number | string | null;
type CellTuple = [string, string, string, Numeric, Numeric, Numeric, Record<string, number> | null, number, number];
type DerivedTuple = [string, string, string, Numeric, Numeric, string | null, boolean];

/** Stores derived observations (source kind `derived`, no user), replacing earlier ones. */
export async function upsertDerivedObservations(db: Kysely<Schema>, rows: readonly DerivedObservation[]): Promise<void> {
  for (let start = 0; start < rows.length; start += CHUNK) {
    await db
      .insertInto('observation')
      .values(
        rows.slice(start, start + CHUNK).map((row) => ({
          province_code: row.areaCode.slice(0, 2),
          indicator_code: row.indicatorCode,
          area_code: row.areaCode,
          period: row.period,
          source_kind: 'derived' as const,
          value: null,
          numerator: row.numerator,
          denominator: row.denominator,
          status_value: row.statusValue,
          from_example: row.fromExample,
        })),
      )
      .onConflict((conflict) =>
        conflict.columns(['province_code', 'indicator_code', 'area_code', 'period', 'source_kind']).doUpdateSet((eb) => ({
          numerator: eb.ref('excluded.numerator'),
          denominator: eb.ref('excluded.denominator'),
          status_value: eb.ref('excluded.status_value'),
          from_example: eb.ref('excluded.from_example'),
          updated_at: new Date(),
        })),
      )
      .execute();
  }
}

/** Removes derived observations whose status became unknown, one statement per chunk. */
export async function deleteDerivedObservations(db: Kysely<Schema>, keys: ReadonlyArray<Pick<DerivedObservation, 'indicatorCode' | 'areaCode' | 'period'>>): Promise<void> {
  for (let start = 0; start < keys.length; start += CHUNK) {
    const part = keys.slice(start, start + CHUNK);
    await sql`
      DELETE FROM observation o USING unnest(${part.map((key) => key.areaCode.slice(0, 2))}::text[], ${part.map((key) => key.indicatorCode)}::text[],
                                             ${part.map((key) => key.areaCode)}::text[], ${part.map((key) => key.period)}::text[]) AS k(province_code, indicator_code, area_code, period)
      WHERE o.province_code = k.province_code AND o.indicator_code = k.indicator_code AND o.area_code = k.area_code AND o.period = k.period AND o.source_kind = 'derived'`.execute(db);
  }
}

/**
 * Every (village, period) with a status input or a stored derived value: what a full re-derivation
 * visits (a village's code is its 13-character, level-4 form). Inputs count in their own period
 * and every coarser one it rolls into, as their own cells do.
 */
export async function villagePeriodsToDerive(db: Kysely<Schema>, inputCodes: readonly string[], derivedCodes: readonly string[]): Promise<Array<{ areaCode: string; period: string }>> {
  const { rows } = await sql<{ area_code: string; period: string; derived: boolean }>`
    SELECT DISTINCT area_code, period, false AS derived FROM observation
     WHERE indicator_code IN (${sql.join(inputCodes)}) AND length(area_code) = 13 AND status <> 'draft'
    UNION
    SELECT area_code, period, true FROM observation
     WHERE indicator_code IN (${sql.join(derivedCodes)}) AND source_kind = 'derived'`.execute(db);
  const unique = new Map<string, { areaCode: string; period: string }>();
  for (const row of rows) {
    for (const period of row.derived ? [row.period] : [row.period, ...rollupTargets(row.period)]) unique.set(`${row.area_code}|${period}`, { areaCode: row.area_code, period });
  }
  return [...unique.values()].sort((a, b) => (a.areaCode === b.areaCode ? (a.period < b.period ? -1 : a.period > b.period ? 1 : 0) : a.areaCode < b.areaCode ? -1 : 1));
}

function* chunks(values: readonly string[]): Generator<string[]> {
  for (let start = 0; start < values.length; start += CHUNK) yield values.slice(start, start + CHUNK);
}

function provincesOf(areaCodes: readonly string[]): string[] {
  return [...new Set(areaCodes.map((code) => code.slice(0, 2)))];
}

function num(value: Numeric): number | null {
  return value === null ? null : Number(value);
}
