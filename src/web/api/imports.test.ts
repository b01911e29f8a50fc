import { describe, expect, it } from 'vitest';
import { importErrorsUrl, importQuery, templateUrl } from './imports.ts';

describe('import URLs', () => {
  const file = new File(['kode_desa;jumlah_kk\n'], 'Rekap STBM & Mei.csv', { type: 'text/csv' });

  it('names the format, the dry run and the file, and adds period and area only when given', () => {
    expect(new URLSearchParams(importQuery({ file, format: 'stbm-recap', dryRun: true }))).toEqual(
      new URLSearchParams({ format: 'stbm-recap', dryRun: 'true', fileName: 'Rekap STBM & Mei.csv' }),
    );
    const full = new URLSearchParams(importQuery({ file, format: 'dhis2-csv', dryRun: false, period: '202611', area: '52.07' }));
    expect(Object.fromEntries(full)).toEqual({ format: 'dhis2-csv', dryRun: 'false', fileName: 'Rekap STBM & Mei.csv', period: '202611', area: '52.07' });
  });

  it('builds the error report and template paths', () => {
    expect(importErrorsUrl('0b6f5d1e-8a8e-4a4e-9b1e-2f0c1d2e3f40', 'xlsx')).toBe('/api/imports/0b6f5d1e-8a8e-4a4e-9b1e-2f0c1d2e3f40/errors.xlsx');
    expect(templateUrl('52.07', '2026', 'stbm')).toBe('/api/imports/template?area=52.07&period=2026&set=stbm');
  });
});
