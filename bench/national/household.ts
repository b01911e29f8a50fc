// Household (KK) survey file import rate, through the import service, on the benchmark's database
// (after the national load, so the rollups it updates are national-sized). The 1,000,000-row file
// generator and the timing belong to the imports work: bench/household-file.ts.
import fs from 'node:fs';
import path from 'node:path';
import type { Database } from '../../src/server/db/connect.ts';
import { PACKAGE_ROOT } from '../../src/server/paths.ts';

interface HouseholdBench {
  benchHouseholdImport(database: Database, options: { rows: number }, log: (message: string) => void): Promise<{ rows: number; rowsPerSecond: number; importSeconds: number; status: string }>;
}

/** The import rate as a table cell, or why it was not measured. */
export async function householdImportRate(database: Database, rows: number, log: (message: string) => void): Promise<string> {
  const file = path.join(PACKAGE_ROOT, 'bench', 'household-file.ts');
  if (!fs.existsSync(file)) {
    log('household import: bench/household-file.ts does not exist, not measured');
    return 'TODO: not measured (bench/household-file.ts, the file generator of the imports work, is missing)';
  }
  // Loaded by path so this benchmark still builds and runs where that file is absent.
  const bench: HouseholdBench = await import(file);
  const result = await bench.benchHouseholdImport(database, { rows }, log);
  if (result.status !== 'succeeded') return `import ${result.status} (${result.rows.toLocaleString('en')} rows)`;
  return `${Math.round(result.rowsPerSecond).toLocaleString('en')} rows/s (${result.rows.toLocaleString('en')} rows in ${result.importSeconds.toFixed(1)} s)`;
}
