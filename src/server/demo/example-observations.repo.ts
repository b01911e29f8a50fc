import { sql, type Kysely } from 'kysely';
import type { Schema } from '../db/schema.ts';
import type { ExampleCell } from './example-data.ts';

const CHUNK = 1_000;

/**
 * Stores example cells (source kind `example`, no user), skipping cells that already hold the
 * same value, and returns the cells that changed: loading the demo again writes nothing.
 */
export async function upsertExampleObservations(db: Kysely<Schema>, cells: readonly ExampleCell[]): Promise<Array<{ indicatorCode: string; areaCode: string; period: string }>> {
  const changed: Array<{ indicatorCode: string; areaCode: string; period: string }> = [];
  for (let start = 0; start < cells.length; start += CHUNK) {
    const rows = await db
      .insertInto('observation')
      .values(
        cells.slice(start, start + CHUNK).map((cell) => ({
          province_code: cell.areaCode.slice(0, 2),
          indicator_code: cell.indicatorCode,
          area_code: cell.areaCode,
          period: cell.period,
          source_kind: 'example' as const,
          value: cell.value,
          numerator: cell.numerator,
          denominator: cell.denominator,
          status_value: cell.statusValue,
          comment: 'Contoh / example data (kembar demo data): not a real figure',
        })),
      )
      .onConflict((conflict) =>
        conflict
          .columns(['province_code', 'indicator_code', 'area_code', 'period', 'source_kind'])
          .doUpdateSet((eb) => ({
            value: eb.ref('excluded.value'),
            numerator: eb.ref('excluded.numerator'),
            denominator: eb.ref('excluded.denominator'),
            status_value: eb.ref('excluded.status_value'),
            updated_at: new Date(),
          }))
          .where(sql<boolean>`(observation.value, observation.numerator, observation.denominator, observation.status_value) IS DISTINCT FROM (excluded.value, excluded.numerator, excluded.denominator, excluded.status_value)`),
      )
      .returning(['indicator_code', 'area_code', 'period'])
      .execute();
    for (const row of rows) changed.push({ indicatorCode: row.indicator_code, areaCode: row.area_code, period: row.period });
  }
  return changed;
}
