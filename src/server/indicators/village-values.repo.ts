import { sql, type Kysely } from 'kysely';
import { descendantRange } from '../../common/area-code.ts';
import type { Schema } from '../db/schema.ts';
import { NATION, provinceOf } from './indicator-values.repo.ts';

/**
 * One page of the villages under an area (all of Indonesia for the nation), ordered by code, each
 * with its rolled-up cell of one indicator and period when it has one. Reads the `area` reference
 * table by code range and the cells by primary key, so a page costs the same in a kecamatan and
 * in the whole country.
 */
export function villageCellPage(db: Kysely<Schema>, query: { indicatorCode: string; areaCode: string; period: string; limit: number; offset: number }) {
  let villages = db
    .selectFrom('area as a')
    .leftJoin('indicator_value as v', (join) =>
      join
        .on(sql<boolean>`v.province_code = left(a.code, 2)`)
        .on('v.indicator_code', '=', query.indicatorCode)
        .onRef('v.area_code', '=', 'a.code')
        .on('v.period', '=', query.period)
        .on('v.reporting', '>', 0),
    )
    .select(['a.code', 'a.name', 'v.value', 'v.numerator', 'v.denominator', 'v.status_counts', 'v.reporting', 'v.example_reporting', 'v.origin', 'v.as_of'])
    .where('a.level', '=', 4)
    .where('a.retired_at', 'is', null);
  if (query.areaCode !== NATION.areaCode) {
    const range = descendantRange(query.areaCode);
    villages = villages.where('a.code', '>=', range.low).where('a.code', '<', range.high);
  }
  return villages.orderBy('a.code').limit(query.limit).offset(query.offset).execute();
}

/** The periods for which an area has a value of the indicator. */
export async function periodsWithData(db: Kysely<Schema>, indicatorCode: string, areaCode: string): Promise<string[]> {
  const rows = await db
    .selectFrom('indicator_value')
    .select('period')
    .where('province_code', '=', provinceOf(areaCode))
    .where('indicator_code', '=', indicatorCode)
    .where('area_code', '=', areaCode)
    .where('reporting', '>', 0)
    .execute();
  return rows.map((row) => row.period);
}
