import type { Migration } from 'kysely';
import * as createAreas from './2026-11-28T0900-create-areas.ts';
import * as createAccounts from './2026-11-28T1000-create-accounts.ts';
import * as createObservations from './2026-11-28T1100-create-observations.ts';
import * as createIndicatorValues from './2026-11-28T1200-create-indicator-values.ts';
import * as createImports from './2026-11-28T1300-create-imports.ts';
import * as createAgreements from './2026-11-28T1400-create-agreements.ts';
import * as createProgrammes from './2026-11-28T1500-create-programmes.ts';
import * as derivedAndExampleData from './2026-11-28T1530-derived-and-example-data.ts';
import * as exampleReporting from './2026-11-28T1600-example-reporting.ts';
import * as importJobFiles from './2026-11-28T1700-import-job-files.ts';
import * as ownCellsNotStored from './2026-11-28T1800-own-cells-not-stored.ts';
import * as householdHashBytes from './2026-12-07T1900-household-hash-bytes.ts';
import * as rollupCellsWithoutIndicatorKey from './2026-12-07T2200-rollup-cells-without-indicator-key.ts';

/**
 * Every migration, by name. Names sort in the order they run (Kysely's Migrator sorts them);
 * a new migration gets a later timestamp. Never edit one that has run anywhere.
 * Listed statically, not read from the folder, so the list is the same under tsx, bundlers and tests.
 */
export const migrations: Record<string, Migration> = {
  '2026-11-28T0900-create-areas': createAreas,
  '2026-11-28T1000-create-accounts': createAccounts,
  '2026-11-28T1100-create-observations': createObservations,
  '2026-11-28T1200-create-indicator-values': createIndicatorValues,
  '2026-11-28T1300-create-imports': createImports,
  '2026-11-28T1400-create-agreements': createAgreements,
  '2026-11-28T1500-create-programmes': createProgrammes,
  '2026-11-28T1530-derived-and-example-data': derivedAndExampleData,
  '2026-11-28T1600-example-reporting': exampleReporting,
  '2026-11-28T1700-import-job-files': importJobFiles,
  '2026-11-28T1800-own-cells-not-stored': ownCellsNotStored,
  '2026-12-07T1900-household-hash-bytes': householdHashBytes,
  '2026-12-07T2100-import-file-retention': await import('./2026-12-07T2100-import-file-retention.ts'),
  '2026-12-07T2200-rollup-cells-without-indicator-key': rollupCellsWithoutIndicatorKey,
};
