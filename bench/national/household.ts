// Household (KK) survey file import rate. The generator of the 1,000,000-row file and the importer
// belong to the imports work (bench/household-file.ts); until that file exists this row says so.
import fs from 'node:fs';
import path from 'node:path';
import { PACKAGE_ROOT } from '../../src/server/paths.ts';

export async function householdImportRate(log: (message: string) => void): Promise<string> {
  const generator = path.join(PACKAGE_ROOT, 'bench', 'household-file.ts');
  if (!fs.existsSync(generator)) {
    log('household import: bench/household-file.ts does not exist yet, not measured');
    return 'TODO: not measured (bench/household-file.ts, the 1 M-row file generator of the imports work, does not exist yet)';
  }
  return 'TODO: bench/household-file.ts exists but is not wired into this benchmark yet';
}
