import { sql, type Kysely } from 'kysely';

/**
 * The example (demo) flag follows the data, not the region: a figure is example when some of the
 * reporting units behind it come from example observations.
 * - `indicator_value.example_reporting`: of the `reporting` units behind a cell, how many come from
 *   example data (at the collection level 1 when the chosen, preferred-source observation is
 *   example; summed upward like `reporting`);
 * - `observation.from_example`: a `derived` observation computed by the village status rules from
 *   inputs that include example data is itself example data.
 * Existing cells: village-level cells of example observations only are marked here; run
 * `kembar values rebuild` after upgrading to recount every cell (and ancestors) exactly.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE indicator_value ADD COLUMN example_reporting integer NOT NULL DEFAULT 0`.execute(db);
  await sql`ALTER TABLE indicator_value ADD CONSTRAINT indicator_value_example_reporting_check CHECK (example_reporting BETWEEN 0 AND reporting)`.execute(db);
  await sql`ALTER TABLE observation ADD COLUMN from_example boolean NOT NULL DEFAULT false`.execute(db);
  await sql`COMMENT ON COLUMN observation.from_example IS 'A derived value computed from example (demo) inputs: example data too'`.execute(db);
  // Cells written before this migration: mark those whose own observations are example; ancestors follow on the next rebuild.
  await sql`
    UPDATE indicator_value v SET example_reporting = 1
    WHERE v.origin = 'observed' AND v.reporting = 1
      AND EXISTS (SELECT 1 FROM observation o WHERE o.province_code = v.province_code AND o.indicator_code = v.indicator_code
                    AND o.area_code = v.area_code AND o.source_kind = 'example')
      AND NOT EXISTS (SELECT 1 FROM observation o WHERE o.province_code = v.province_code AND o.indicator_code = v.indicator_code
                    AND o.area_code = v.area_code AND o.source_kind <> 'example')`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE observation DROP COLUMN from_example`.execute(db);
  await sql`ALTER TABLE indicator_value DROP CONSTRAINT indicator_value_example_reporting_check`.execute(db);
  await sql`ALTER TABLE indicator_value DROP COLUMN example_reporting`.execute(db);
}
