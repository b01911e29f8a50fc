import { describe, expect, it } from 'vitest';
import { headerKey, normaliseAreaCode, normaliseName, parseDate, parseNumber } from './cell-values.ts';
import { readKkNumber, readPillar, readPillar1, readVisitStatus } from './household-row.ts';
import { householdTallyRows } from './household-tally.ts';
import { latestYear } from './period-choice.ts';
import { detectDelimiter, readCsv } from './read-csv.ts';
import { parseSbsStatus } from './stbm-recap.ts';
import { columnLetter } from './template-import.ts';
import { columnsFor, metaRows, parseMeta } from './template-layout.ts';
import { findHeader, type ColumnSpec, type Table } from './table.ts';
import type { Indicator } from '../../common/api/indicators.ts';

const value = <T>(parsed: { ok: true; value: T } | { ok: false; message: string }) => (parsed.ok ? parsed.value : `error: ${parsed.message}`);

describe('numbers as Indonesians write them', () => {
  it.each([
    ['1.234', true, 1234], ['1,234', true, 1234], ['1.234.567', true, 1234567], ['12.040', true, 12040],
    ['96,06', false, 96.06], ['96.06', false, 96.06], ['1.234,5', false, 1234.5], ['1,234.5', false, 1234.5],
    ['  412 ', true, 412], ['70,20%', false, 70.2], [' 1 234 ', true, 1234], [412, true, 412], ['0', true, 0], ['-3', true, -3],
  ] as const)('%s (whole number: %s) → %s', (text, integer, expected) => {
    expect(value(parseNumber(text, { integer }))).toBe(expected);
  });

  it.each([
    ['dua ratus', true, '"dua ratus" is not a number'], ['1,5', true, '1.5 is not a whole number'], ['#VALUE!', true, '"#VALUE!" is not a number'],
    ['1.23.4', true, '"1.23.4" is not a number (thousands are grouped by three digits)'], ['', true, 'empty'], ['12,34.5,6', false, '"12,34.5,6" mixes separators in a way that is not a number'],
  ] as const)('refuses %s', (text, integer, message) => {
    expect(value(parseNumber(text, { integer }))).toBe(`error: ${message}`);
  });
});

describe('dates', () => {
  it.each([
    ['10/03/2016', '2016-03-10'], ['1/4/2016', '2016-04-01'], ['2019-11-20', '2019-11-20'], ['02-10-2017', '2017-10-02'],
    ['26 Oktober 2021', '2021-10-26'], ['19 Agustus 2021', '2021-08-19'], ['5 Des 2020', '2020-12-05'], [44491, '2021-10-22'], ['44491', '2021-10-22'],
  ] as const)('%s → %s', (text, expected) => {
    expect(value(parseDate(text))).toBe(expected);
  });

  it('takes Excel date cells and refuses impossible dates', () => {
    expect(value(parseDate(new Date(Date.UTC(2021, 9, 26))))).toBe('2021-10-26');
    expect(value(parseDate('31/02/2021'))).toBe('error: "31/02/2021" is not a date');
    expect(value(parseDate('kemarin'))).toMatch(/^error: "kemarin" is not a date/);
    expect(value(parseDate(12))).toBe('error: 12 is not a date');
  });

  it('chooses the year of the latest date for the period', () => {
    expect(latestYear(['2016-03-10', '2017-10-02', '2015-01-01'])).toBe('2017');
    expect(latestYear([])).toBeNull();
  });
});

describe('headers, codes and names', () => {
  it('reads a header any way it is written', () => {
    for (const header of ['Kode Desa', 'kode_desa', 'KODE DESA', ' Kode  Desa ', 'Kode-Desa']) expect(headerKey(header)).toBe('kode_desa');
    expect(headerKey('Jumlah KK')).toBe('jumlah_kk');
    expect(headerKey('No. KK')).toBe('no_kk');
    expect(headerKey('Pilar 2 (%)')).toBe('pilar_2_pct');
  });

  it('reads village codes with or without dots', () => {
    expect(normaliseAreaCode('5207022001')).toBe('52.07.02.2001');
    expect(normaliseAreaCode(' 52.07.02.2001 ')).toBe('52.07.02.2001');
    expect(normaliseAreaCode(3275011003)).toBe('32.75.01.1003');
    expect(normaliseAreaCode('ABC')).toBeNull();
    expect(normaliseAreaCode('52.07.99.99999')).toBeNull();
  });

  it('folds village names for matching', () => {
    expect(normaliseName('Kel. Bekasi Jaya')).toBe('bekasi jaya');
    expect(normaliseName('Desa Beru')).toBe('beru');
  });

  it('finds the header row below title rows and merged banners', async () => {
    const specs: ColumnSpec<'kode' | 'kk'>[] = [{ key: 'kode', required: true, aliases: ['kode_desa'] }, { key: 'kk', required: true, aliases: ['jumlah_kk'] }];
    const table: Table = readCsv(Buffer.from('REKAP STBM (DATA CONTOH);;\n;;\nKode Desa;Nama;Jumlah KK\n52.07.01.2001;Goa;412\n'));
    const found = await findHeader(table, specs);
    if (!found.ok) throw new Error('no header');
    expect(found.header.row).toBe(3);
    const rows = [];
    for await (const row of found.rows) rows.push(row);
    expect(rows).toEqual([{ number: 4, cells: ['52.07.01.2001', 'Goa', '412'] }]);
    const missing = await findHeader(readCsv(Buffer.from('a,b\n1,2\n')), specs);
    expect(missing).toEqual({ ok: false, missing: ['kode_desa', 'jumlah_kk'] });
  });
});

describe('CSV files', () => {
  it('detects the delimiter, even with decimal commas in a semicolon file', () => {
    expect(detectDelimiter('a,b,c\n1,2,3\n')).toBe(',');
    expect(detectDelimiter('kode;kk;pct\n52;1.234;96,06\n53;12;70,5\n')).toBe(';');
    expect(detectDelimiter('a\tb\n1\t2\n')).toBe('\t');
    expect(detectDelimiter('"a,b";c\n"1,2";3\n')).toBe(';');
  });

  it('reads quoted fields, a byte-order mark and UTF-16', async () => {
    const rows = async (bytes: Uint8Array) => {
      const found = [];
      for await (const row of readCsv(bytes)) found.push(row.cells);
      return found;
    };
    expect(await rows(Buffer.from('\uFEFFkode,nama\n52,"Sumbawa, Barat"\n'))).toEqual([['kode', 'nama'], ['52', 'Sumbawa, Barat']]);
    expect(await rows(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('kode;kk\r\n52;7\r\n', 'utf16le')]))).toEqual([['kode', 'kk'], ['52', '7']]);
  });
});

describe('household cells', () => {
  it('reads pillar answers and latrine categories', () => {
    expect(['layak', 'Ya', '1', '✓', 'TRUE'].map((text) => value(readPillar(text)))).toEqual([true, true, true, true, true]);
    expect(['tidak layak', 'Tidak', '0', 'x', 'belum'].map((text) => value(readPillar(text)))).toEqual([false, false, false, false, false]);
    expect(value(readPillar(''))).toBeNull();
    expect(value(readPillar('mungkin'))).toMatch(/^error: "mungkin" is not a pillar result/);
    expect(['JSP', 'jssp', 'Numpang', 'komunal', 'OD', 'layak', 'tidak layak'].map((text) => value(readPillar1(text)))).toEqual(['JSP', 'JSSP', 'SHARING', 'SHARING', 'BABS', 'LAYAK', 'TIDAK_LAYAK']);
    expect(value(readVisitStatus('Selesai'))).toBe('selesai');
    expect(value(readVisitStatus('batal'))).toMatch(/^error/);
  });

  it('reads the No KK as 16 digits and refuses one Excel has rounded', () => {
    expect(value(readKkNumber("'5207 9901 0000 0001"))).toBe('5207990100000001');
    expect(value(readKkNumber(5207990100000001))).toBe('5207990100000001');
    expect(value(readKkNumber(Number('9207990100000001')))).toMatch(/Excel has rounded/);
    expect(value(readKkNumber('520799010000000'))).toBe('error: the No KK must be 16 digits');
  });

  it('turns a village tally into survey observations, clearing cells a tally no longer supports', () => {
    const tally = { pillar1: 10, access: 9, categories: { JSP: 0, JSSP: 0, SHARING: 0, BABS: 0 }, onlyCategories: false, answered: [10, 0, 4, 4] as [number, number, number, number], met: [7, 0, 3, 1] as [number, number, number, number] };
    const rows = householdTallyRows('52.07.01.2001', tally, '2021', 3);
    const shown = rows.map((row) => `${row.indicatorCode} ${row.remove ? 'clear' : `${row.numerator ?? row.value}/${row.denominator ?? ''}`}`);
    expect(shown).toEqual([
      'STBM.DS.P1_AKSES_PCT 9/10', 'STBM.DS.KK_JSP clear', 'STBM.DS.KK_JSSP clear', 'STBM.DS.KK_SHARING clear', 'STBM.DS.KK_BABS clear',
      'STBM.DS.PILAR_2_PCT 7/10', 'STBM.DS.PILAR_3_PCT clear', 'STBM.DS.PILAR_4_PCT 3/4', 'STBM.DS.PILAR_5_PCT 1/4',
    ]);
    expect(rows.every((row) => row.sourceKind === 'survey' && row.period === '2021')).toBe(true);
  });
});

describe('recap statuses and the template layout', () => {
  it('reads SBS statuses as sanitarians write them', () => {
    expect(['SBS Terverifikasi', 'ODF', 'terverifikasi', 'Deklarasi', 'sudah dipicu', 'Terpicu', 'belum dipicu', 'BELUM_PICU'].map(parseSbsStatus)).toEqual([
      'SBS_TERVERIFIKASI', 'SBS_TERVERIFIKASI', 'SBS_TERVERIFIKASI', 'DEKLARASI_SBS', 'TERPICU', 'TERPICU', 'BELUM_PICU', 'BELUM_PICU',
    ]);
    expect(parseSbsStatus('entah')).toBeNull();
  });

  it('maps indicators to columns (two for a ratio) and reads its own metadata back', () => {
    const indicator = (code: string, measure: Indicator['measure']) => ({ code, measure }) as Pick<Indicator, 'code' | 'measure'>;
    const columns = columnsFor([indicator('A.B.C', 'value'), indicator('A.B.R', 'ratio'), indicator('A.B.S', 'status')] as Indicator[]);
    expect(columns.map((column) => `${columnLetter(column.column)} ${column.indicatorCode} ${column.part}`)).toEqual(['D A.B.C value', 'E A.B.R numerator', 'F A.B.R denominator', 'G A.B.S status']);
    const meta = { area: '52.07', period: '2025', set: 'stbm', columns };
    expect(parseMeta(metaRows(meta))).toEqual({ ok: true, meta });
    expect(parseMeta([['something else']])).toMatchObject({ ok: false });
    expect(parseMeta([['kembar-template', 2]])).toMatchObject({ ok: false, message: expect.stringContaining('version 2') });
    expect(columnLetter(27)).toBe('AA');
  });
});
