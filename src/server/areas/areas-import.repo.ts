import { sql, type Kysely } from 'kysely';
import type { CopyIn } from '../db/connect.ts';
import { toCopyText, type CopyValue } from '../db/copy-text.ts';
import type { Schema } from '../db/schema.ts';

/** One area ready to store, with its search columns already computed. */
export interface IncomingArea {
  code: string;
  parentCode: string | null;
  level: number;
  kind: string;
  name: string;
  searchName: string;
  searchCore: string;
}

export interface RenamedArea {
  code: string;
  from: string;
  to: string;
}

export interface AreaChanges {
  added: string[];
  renamed: RenamedArea[];
  /** Gone from the release and referenced by nothing: deleted. */
  removed: string[];
  /** Gone from the release but still referenced by other data: kept, marked retired. */
  retired: string[];
}

const COLUMNS = ['code', 'parent_code', 'level', 'kind', 'name', 'search_name', 'search_core'] as const;
const ROWS_PER_COPY = 20_000;

/**
 * Applies a full release of areas inside the caller's transaction: stages it with COPY, then adds
 * new codes, renames changed ones, deletes vanished ones nothing refers to and retires the rest.
 * Running it twice with the same release changes nothing.
 */
export async function applyAreaRelease(trx: Kysely<Schema>, copyIn: CopyIn, areas: readonly IncomingArea[]): Promise<AreaChanges> {
  await sql`CREATE TEMP TABLE area_incoming (LIKE area INCLUDING DEFAULTS) ON COMMIT DROP`.execute(trx);
  await copyIn('area_incoming', COLUMNS, copyChunks(areas));
  await sql`ANALYZE area_incoming`.execute(trx);

  const renamed = await sql<RenamedArea>`
    SELECT a.code, a.name AS "from", i.name AS "to"
    FROM area a JOIN area_incoming i ON i.code = a.code
    WHERE a.name <> i.name ORDER BY a.code`.execute(trx);
  await sql`
    UPDATE area a SET parent_code = i.parent_code, level = i.level, kind = i.kind, name = i.name,
      search_name = i.search_name, search_core = i.search_core, retired_at = NULL, updated_at = now()
    FROM area_incoming i
    WHERE i.code = a.code AND (a.name <> i.name OR a.kind <> i.kind OR a.retired_at IS NOT NULL)`.execute(trx);

  const added = await sql<{ code: string }>`
    INSERT INTO area (code, parent_code, level, kind, name, search_name, search_core)
    SELECT i.code, i.parent_code, i.level, i.kind, i.name, i.search_name, i.search_core
    FROM area_incoming i WHERE NOT EXISTS (SELECT 1 FROM area a WHERE a.code = i.code)
    RETURNING code`.execute(trx);

  const vanished = await sql<{ code: string }>`
    SELECT a.code FROM area a
    WHERE a.retired_at IS NULL AND NOT EXISTS (SELECT 1 FROM area_incoming i WHERE i.code = a.code)
    ORDER BY a.code`.execute(trx);
  const vanishedCodes = vanished.rows.map((row) => row.code);
  const referenced = await findReferencedCodes(trx, vanishedCodes);
  const removed = vanishedCodes.filter((code) => !referenced.has(code));
  const retired = vanishedCodes.filter((code) => referenced.has(code));
  if (removed.length > 0) await trx.deleteFrom('area').where('code', 'in', removed).execute();
  if (retired.length > 0) await trx.updateTable('area').set({ retired_at: new Date(), updated_at: new Date() }).where('code', 'in', retired).execute();

  return { added: added.rows.map((row) => row.code).sort(), renamed: renamed.rows, removed, retired };
}

export async function recordAreaSource(trx: Kysely<Schema>, packageName: string, packageVersion: string): Promise<void> {
  await trx
    .insertInto('area_source')
    .values({ id: 1, package_name: packageName, package_version: packageVersion, applied_at: new Date() })
    .onConflict((conflict) =>
      conflict.column('id').doUpdateSet({ package_name: packageName, package_version: packageVersion, applied_at: new Date() }),
    )
    .execute();
}

/**
 * Codes among `codes` that any table refers to by a foreign key on `area(code)`. The referencing
 * tables are read from the catalogue, so tables added by later features are covered with no change here.
 */
async function findReferencedCodes(trx: Kysely<Schema>, codes: readonly string[]): Promise<Set<string>> {
  if (codes.length === 0) return new Set();
  const references = await sql<{ table_name: string; column_name: string }>`
    SELECT c.conrelid::regclass::text AS table_name, att.attname AS column_name
    FROM pg_constraint c
    JOIN pg_attribute att ON att.attrelid = c.conrelid AND att.attnum = c.conkey[1]
    WHERE c.contype = 'f' AND c.confrelid = 'area'::regclass AND c.conrelid <> 'area'::regclass`.execute(trx);
  const found = new Set<string>();
  for (const { table_name, column_name } of references.rows) {
    const rows = await sql<{ code: string }>`
      SELECT DISTINCT ${sql.ref(column_name)} AS code FROM ${sql.table(table_name)}
      WHERE ${sql.ref(column_name)} IN (${sql.join(codes)})`.execute(trx);
    for (const row of rows.rows) found.add(row.code);
  }
  return found;
}

function* copyChunks(areas: readonly IncomingArea[]): Generator<string> {
  for (let start = 0; start < areas.length; start += ROWS_PER_COPY) {
    const rows = areas.slice(start, start + ROWS_PER_COPY).map((area): CopyValue[] => [
      area.code, area.parentCode, area.level, area.kind, area.name, area.searchName, area.searchCore,
    ]);
    yield toCopyText(rows);
  }
}
