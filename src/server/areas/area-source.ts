import { parse } from 'csv-parse/sync';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { areaKind, areaLevel, isAreaCode, parentCode, type AreaKind, type AreaLevel } from '../../common/area-code.ts';

/** One area as published by the area data package. */
export interface SourceArea {
  code: string;
  parentCode: string | null;
  level: AreaLevel;
  kind: AreaKind;
  name: string;
}

export interface AreaRelease {
  packageName: string;
  packageVersion: string;
  /** Parents always come before their children. */
  areas: SourceArea[];
}

const PACKAGE_NAME = 'idn-area-data';

/** File, level and parent column of each level, in the package's `data/` folder. */
const FILES: ReadonlyArray<{ file: string; level: AreaLevel; parentColumn: string | null }> = [
  { file: 'provinces.csv', level: 1, parentColumn: null },
  { file: 'regencies.csv', level: 2, parentColumn: 'province_code' },
  { file: 'districts.csv', level: 3, parentColumn: 'regency_code' },
  { file: 'villages.csv', level: 4, parentColumn: 'district_code' },
];

/**
 * Reads every province, kabupaten/kota, kecamatan and desa/kelurahan from the installed
 * `idn-area-data` package (ODbL). Throws naming the file and line of the first malformed row,
 * so a broken package release never half-loads.
 */
export function readAreaRelease(): AreaRelease {
  const require = createRequire(import.meta.url);
  const packageJsonPath = require.resolve(`${PACKAGE_NAME}/package.json`);
  const { version } = JSON.parse(fs.readFileSync(packageJsonPath, 'utf8')) as { version: string };
  const dataDir = path.join(path.dirname(packageJsonPath), 'data');
  const areas = FILES.flatMap(({ file, level, parentColumn }) =>
    readLevel(path.join(dataDir, file), level, parentColumn),
  );
  return { packageName: PACKAGE_NAME, packageVersion: version, areas };
}

function readLevel(file: string, level: AreaLevel, parentColumn: string | null): SourceArea[] {
  const records: Record<string, string>[] = parse(fs.readFileSync(file), { columns: true, skip_empty_lines: true, trim: true });
  return records.map((record, index) => {
    const where = `${path.basename(file)} row ${index + 2}`; // +1 for the header, +1 for 1-based lines
    const code = record.code ?? '';
    const name = record.name ?? '';
    if (!isAreaCode(code) || areaLevel(code) !== level) throw new Error(`${where}: code "${code}" is not a level-${level} area code`);
    if (!name) throw new Error(`${where}: name is empty`);
    const parent = parentCode(code);
    if (parentColumn && record[parentColumn] !== parent) {
      throw new Error(`${where}: ${parentColumn} "${record[parentColumn]}" does not match code ${code}`);
    }
    return { code, parentCode: parent, level, kind: areaKind(code, name), name };
  });
}
