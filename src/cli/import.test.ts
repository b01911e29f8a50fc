import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareDataDir, startChild } from '../../test/support/processes.ts';
import { TEST_TMP } from '../../test/support/template.ts';

const FIXTURES = path.resolve(import.meta.dirname, '../../test/fixtures/imports');

/** Runs `kembar …` to completion on a data folder (the embedded engine). */
async function kembar(args: string[], dataDir: string): Promise<{ code: number | null; output: string }> {
  const child = startChild(['bin/kembar.js', ...args], { KEMBAR_DATA_DIR: dataDir, DATABASE_URL: '' });
  const code = await child.exited;
  return { code, output: child.output() };
}

describe('kembar import and export', () => {
  const dataDir = path.join(TEST_TMP, `cli-import-${process.pid}`);
  const outDir = path.join(TEST_TMP, `cli-export-${process.pid}`);
  beforeAll(async () => {
    await prepareDataDir(dataDir);
    fs.mkdirSync(outDir, { recursive: true });
  });
  afterAll(() => {
    fs.rmSync(dataDir, { recursive: true, force: true });
    fs.rmSync(outDir, { recursive: true, force: true });
  });

  it('prints the error report of a broken file, writes nothing and exits 1', async () => {
    const { code, output } = await kembar(['import', path.join(FIXTURES, 'stbm-recap-broken.csv'), '--period', '2016'], dataDir);
    expect(code).toBe(1);
    expect(output).toContain('stbm-recap-broken.csv (stbm-recap): 4 problem(s); nothing was written.');
    expect(output).toContain('  row 5, Jumlah KK: "dua ratus" is not a number');
    expect(output).toContain('  row 4, Kode Desa: no area has the code 52.07.99.9999');
  }, 120_000);

  it('imports a recap (format recognised from the file) with a progress bar, then exports the kabupaten by kecamatan', async () => {
    const imported = await kembar(['import', path.join(FIXTURES, 'stbm-recap-ksb.xlsx')], dataDir);
    expect(imported.code, imported.output).toBe(0);
    expect(imported.output).toContain('Importing [');
    expect(imported.output).toMatch(/Imported: stbm-recap-ksb\.xlsx \(stbm-recap\), 6 row\(s\), period 2017\./);
    expect(imported.output).toMatch(/cells: \d+ new, 0 updated, 0 unchanged, 0 cleared; 6 area\(s\)/);

    const csv = await kembar(['export', '--indicator', 'STBM.DS.KK_TOTAL', '--area', '52.07', '--period', '2017'], dataDir);
    expect(csv.code, csv.output).toBe(0);
    const lines = csv.output.trim().split('\n');
    expect(lines[0]).toBe('indicator_code,kode_wilayah,nama_wilayah,period,value,numerator,denominator,reporting,expected,coverage,origin,as_of,example');
    expect(lines.find((line) => line.startsWith('STBM.DS.KK_TOTAL,52.07.01,'))).toContain(`,2017,${412 + 389 + 1234},`);

    const out = path.join(outDir, 'ksb.xlsx');
    const xlsx = await kembar(['export', '--indicator', 'STBM.DS.KK_TOTAL', '--area', '52.07', '--period', '2017', '--out', out], dataDir);
    expect(xlsx.output).toContain(`Wrote 8 row(s) of STBM.DS.KK_TOTAL for 2017 to ${out}.`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    expect(workbook.getWorksheet('Nilai')?.getRow(3).getCell(2).value).toBe('52.07.01');
  }, 240_000);

  it('checks a household file in a dry run', async () => {
    const { code, output } = await kembar(['import', path.join(FIXTURES, 'household-ksb.csv'), '--dry-run', '--area', '52.07'], dataDir);
    expect(code, output).toBe(0);
    expect(output).toContain('Dry run (nothing written): household-ksb.csv (household), 30 row(s), period 2021.');
    expect(output).toContain('households: 30');
  }, 120_000);
});
