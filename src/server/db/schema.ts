import type { ColumnType, Generated } from 'kysely';
import type { AreaKind, AreaLevel } from '../../common/area-code.ts';

/**
 * Kysely table types. Columns are snake_case in SQL and here, so raw SQL and typed queries read alike.
 * Every table is declared by a migration in ./migrations; keep both in step.
 */
export interface Schema {
  area: AreaTable;
  area_source: AreaSourceTable;
}

/**
 * Every Indonesian administrative area. A Citus reference table in a national deployment
 * (replicated to every node), so large tables keyed by area code can join it locally.
 */
export interface AreaTable {
  code: string;
  parent_code: string | null;
  level: AreaLevel;
  kind: AreaKind;
  name: string;
  /** normalizeSearchText(name) */
  search_name: string;
  /** coreSearchText(name): the name without "Kabupaten", "Kota", … */
  search_core: string;
  /** Set when the area left the official list but data still refers to it. */
  retired_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  updated_at: ColumnType<Date, Date | undefined, Date>;
}

/** Which release of the area data was last applied (one row). */
export interface AreaSourceTable {
  id: Generated<number>;
  package_name: string;
  package_version: string;
  applied_at: ColumnType<Date, Date | undefined, Date>;
}
