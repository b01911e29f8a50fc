import { sql, type Kysely, type RawBuilder } from 'kysely';
import { parsePeriod, PERIOD_TYPES } from '../../common/period.ts';
import type { Schema } from '../db/schema.ts';
import { NATION, type CellKey } from './indicator-values.repo.ts';
import { ownCellColumns, ownCellsSql } from './own-cells.repo.ts';
import type { Aggregate } from './rollup-arithmetic.ts';

/** Parent cells per statement: a national import touches tens of thousands. */
const CHUNK = 2_000;

/** One child cell (with data) of a parent cell being recomputed: the child's area and numbers. */
export interface ChildCell {
  parent: CellKey;
  child: string;
  aggregate: Aggregate;
}

/**
 * Everything the live rollup of a write reads, in one statement per chunk (after the cells were
 * locked, so it sees every write that finished before): for the cells one level above their
 * indicator's collection level (`overOwn`), the own cells of their children, computed from the
 * observations (own-cells.repo.ts's SQL); for the cells higher up (`overStored`), their children's
 * stored cells, each by primary key (the nation reads its 38 provinces, not every cell of the
 * country). Children come from the area table (provinces for the nation), retired ones included:
 * their observations stay until moved. Only children with data are returned.
 */
export async function childCellsOf(db: Kysely<Schema>, overOwn: readonly CellKey[], overStored: readonly CellKey[]): Promise<ChildCell[]> {
  const found: ChildCell[] = [];
  for (let start = 0; start < Math.max(overOwn.length, overStored.length); start += CHUNK) {
    const own = overOwn.slice(start, start + CHUNK);
    const stored = overStored.slice(start, start + CHUNK);
    const ownPart = ownChildren(own);
    const { rows } = await sql<{ own: string; stored: string }>`
      WITH own_observations AS (${ownPart.observations}), own AS (${ownPart.cells}), stored AS (${storedChildren(stored)})
      SELECT (SELECT coalesce(json_agg(json_build_array(x.indicator_code, coalesce(a.parent_code, ${NATION.areaCode}), x.area_code, x.period, ${ownCellColumns(sql`x`)})), '[]')
              FROM own x JOIN indicator i ON i.code = x.indicator_code JOIN area a ON a.code = x.area_code)::text AS own,
             (SELECT coalesce(json_agg(json_build_array(s.position, s.area_code, s.value, s.numerator, s.denominator, s.status_counts, s.reporting, s.example_reporting)), '[]') FROM stored s)::text AS stored`.execute(db);
    const row = rows[0];
    if (!row) continue;
    const ownParents = new Map(own.map((key) => [cellId(key), key]));
    for (const [indicatorCode, parentCode, child, period, ...numbers] of JSON.parse(row.own) as OwnTuple[]) {
      const parent = ownParents.get(cellId({ indicatorCode, areaCode: parentCode, period }));
      if (parent) found.push({ parent, child, aggregate: aggregateOf(numbers) });
    }
    for (const [position, areaCode, ...numbers] of JSON.parse(row.stored) as StoredTuple[]) {
      const parent = stored[position - 1];
      if (parent) found.push({ parent, child: areaCode, aggregate: aggregateOf(numbers) });
    }
  }
  return found;
}

/**
 * The observations under the given cells' areas (their children: provinces for the nation) in the
 * years of the asked periods, each child by primary-key prefix (OFFSET 0 keeps it so whatever the
 * statistics say; PGlite has no autovacuum), and the rows of ownCellsSql over them (reading them
 * as `own_observations`).
 */
function ownChildren(parents: readonly CellKey[]) {
  if (parents.length === 0) {
    return {
      observations: sql`SELECT * FROM observation WHERE false`,
      cells: sql`SELECT NULL::text AS indicator_code, NULL::text AS area_code, NULL::text AS period, NULL::numeric AS v, NULL::numeric AS n, NULL::numeric AS d, NULL::text AS s, NULL::int AS e WHERE false`,
    };
  }
  const periods = [...new Set(parents.map((key) => key.period))];
  const areas = [...new Set(parents.map((key) => key.areaCode))];
  const observations = sql`
    SELECT o.* FROM (SELECT code FROM area WHERE parent_code = ANY(${areas.filter((code) => code !== NATION.areaCode)}::text[])
                     UNION ALL SELECT code FROM area WHERE level = 1 AND ${areas.includes(NATION.areaCode)}) a
    JOIN LATERAL (SELECT * FROM observation o WHERE o.province_code = left(a.code, 2) AND o.indicator_code = ANY(${[...new Set(parents.map((key) => key.indicatorCode))]}::text[])
                  AND o.area_code = a.code AND left(o.period, 4) = ANY(${yearsOfPeriods(periods)}::text[]) AND o.status <> 'draft' OFFSET 0) o ON true`;
  return { observations, cells: ownCellsOver(periods) };
}

/**
 * The rows of ownCellsSql (own-cells.repo.ts) for the given periods over the observations a
 * statement names `own_observations` (non-draft, in the years of the periods), with a period map
 * built in the same statement from the periods holding data (periodMapOf).
 */
export function ownCellsOver(periods: readonly string[]): RawBuilder<unknown> {
  return ownCellsSql(sql`SELECT * FROM own_observations`, periodMapOf(sql`SELECT DISTINCT period FROM own_observations`, periods));
}

/** The years whose period codes can lie inside the periods (observations are scoped by the first four characters). */
export function yearsOfPeriods(periods: readonly string[]): string[] {
  return [...new Set(periods.flatMap(yearsOf))];
}

/** The stored cells with data directly under each given cell's area, same indicator and period, by primary key. */
function storedChildren(parents: readonly CellKey[]) {
  return sql`
    SELECT k.position, v.area_code, v.value, v.numerator, v.denominator, v.status_counts, v.reporting, v.example_reporting
    FROM unnest(${parents.map((key) => key.indicatorCode)}::text[], ${parents.map((key) => key.period)}::text[], ${parents.map((key) => key.areaCode)}::text[])
         WITH ORDINALITY AS k(indicator_code, period, parent_code, position)
    JOIN LATERAL (SELECT code FROM area WHERE parent_code = k.parent_code
                  UNION ALL SELECT code FROM area WHERE level = 1 AND k.parent_code = ${NATION.areaCode}) AS a ON true
    JOIN LATERAL (SELECT * FROM indicator_value v WHERE v.province_code = left(a.code, 2) AND v.indicator_code = k.indicator_code
                  AND v.area_code = a.code AND v.period = k.period AND v.reporting > 0 OFFSET 0) AS v ON true`;
}

/**
 * A period map (own-cells.repo.ts) pairing each period of `observed` (rows with a `period` column)
 * with every one of `targets` holding it, built in the statement from the periods' days: the map
 * then holds only periods with data, without a statement first listing them. The days are those of
 * common/period.ts, in SQL (rollup-inputs.test.ts compares them for every form of code).
 */
export function periodMapOf(observed: RawBuilder<unknown>, targets: readonly string[]): RawBuilder<unknown> {
  const parsed = targets.map(parsePeriod);
  return sql`
    SELECT p.period, t.target, p.period_type, t.target_type, to_char(p.first_day, 'YYYYMMDD')::int AS start
    FROM (SELECT x.period, d.period_type, d.first_day, d.last_day FROM (${observed}) x CROSS JOIN LATERAL (${periodDays(sql`x.period`)}) d) p
    JOIN unnest(${targets}::text[], ${parsed.map((period) => PERIOD_TYPES.indexOf(period.type))}::int[], ${parsed.map((period) => period.start)}::date[],
                ${parsed.map((period) => period.end)}::date[]) AS t(target, target_type, first_day, last_day)
      ON t.first_day <= p.first_day AND p.last_day <= t.last_day`;
}

/**
 * One row (period_type: the index in PERIOD_TYPES, first_day, last_day) for a period code in any
 * form common/period.ts accepts: 20211026, 2021W43 (or W01: ISO weeks), 202110, 2021Q3, 2021S2, 2021.
 */
export function periodDays(code: RawBuilder<unknown>): RawBuilder<unknown> {
  const year = sql`left(${code}, 4)::int`;
  const number = sql`substr(${code}, 6)::int`;
  return sql`
    SELECT k.period_type, k.first_day, (k.first_day + k.length)::date - 1 AS last_day
    FROM (SELECT CASE WHEN strpos(${code}, 'W') > 0 THEN 1 WHEN strpos(${code}, 'Q') > 0 THEN 3 WHEN strpos(${code}, 'S') > 0 THEN 4
                      WHEN length(${code}) = 8 THEN 0 WHEN length(${code}) = 6 THEN 2 ELSE 5 END AS period_type) t
    CROSS JOIN LATERAL (SELECT t.period_type,
      CASE t.period_type WHEN 0 THEN to_date(${code}, 'YYYYMMDD') WHEN 1 THEN to_date(${year} || '-' || ${number} || '-1', 'IYYY-IW-ID')
        WHEN 2 THEN to_date(${code}, 'YYYYMM') WHEN 3 THEN make_date(${year}, ${number} * 3 - 2, 1) WHEN 4 THEN make_date(${year}, ${number} * 6 - 5, 1)
        ELSE make_date(${year}, 1, 1) END AS first_day,
      CASE t.period_type WHEN 0 THEN interval '1 day' WHEN 1 THEN interval '7 days' WHEN 2 THEN interval '1 month' WHEN 3 THEN interval '3 months'
        WHEN 4 THEN interval '6 months' ELSE interval '1 year' END AS length) k`;
}

/** The years whose period codes can lie inside a period (a week coded 2025W1 may start in 2024, but then lies in no 2024 period). */
function yearsOf(period: string): string[] {
  const { start, end } = parsePeriod(period);
  const years: string[] = [];
  for (let year = Number(start.slice(0, 4)); year <= Number(end.slice(0, 4)); year += 1) years.push(String(year));
  return years;
}

type Numbers = [number | string | null, number | string | null, number | string | null, Record<string, number> | null, number, number];
/** indicator, parent area, area, period, numbers. */
type OwnTuple = [string, string, string, string, ...Numbers];
type StoredTuple = [number, string, ...Numbers];

function aggregateOf([value, numerator, denominator, statusCounts, reporting, exampleReporting]: Numbers): Aggregate {
  return { value: num(value), numerator: num(numerator), denominator: num(denominator), statusCounts, reporting, exampleReporting };
}

function cellId(key: CellKey): string {
  return `${key.indicatorCode}|${key.areaCode}|${key.period}`;
}

function num(value: number | string | null): number | null {
  return value === null ? null : Number(value);
}
