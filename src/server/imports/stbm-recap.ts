import type { ImportError } from '../../common/api/imports.ts';
import { headerKey, isBlank, normaliseAreaCode, parseDate, parseNumber, type CellValue } from './cell-values.ts';
import { fileError, type ImportFormatModule, type ImportInput, type ImportPlan } from './import-format.ts';
import type { ObservationRow } from './observation-writer.ts';
import { openTable } from './open-table.ts';
import { cellOf, findHeader, headerOf, type ColumnSpec, type HeaderMatch, type TableRow } from './table.ts';
import { latestYear } from './period-choice.ts';

/**
 * The STBM village recap (Monev STBM per-desa export or the monthly desa recap sheet, research
 * §6 import 1): one row per desa with its KK counts by latrine category, triggering, SBS status
 * and verification dates, and optionally the pillar 2–5 percentages. Each row becomes the
 * village's observations of the STBM.DS.* catalogue indicators (source kind `import`):
 *
 * | column | indicator |
 * |---|---|
 * | jumlah_kk | STBM.DS.KK_TOTAL |
 * | kk_jsp, kk_jssp, kk_sharing, kk_babs | STBM.DS.KK_JSP, _JSSP, _SHARING, _BABS |
 * | kk_jsp + kk_jssp + kk_sharing over jumlah_kk | STBM.DS.P1_AKSES_PCT (numerator / denominator) |
 * | status_sbs (else from the dates: verified → SBS_TERVERIFIKASI, triggered → TERPICU) | STBM.DS.SBS_STATUS |
 * | tgl_pemicuan given, or a status past BELUM_PICU | STBM.DS.TERPICU = YA (BELUM_PICU → TIDAK) |
 * | pilar2..pilar5 (%) | STBM.DS.PILAR_k_PCT as (pct × jumlah_kk / 100) / jumlah_kk, so villages weigh by their households |
 */

type RecapColumn =
  | 'kode_desa' | 'jumlah_kk' | 'kk_jsp' | 'kk_jssp' | 'kk_sharing' | 'kk_babs'
  | 'tgl_pemicuan' | 'status_sbs' | 'tgl_deklarasi' | 'tgl_verifikasi' | 'pilar_2' | 'pilar_3' | 'pilar_4' | 'pilar_5';

const pillarAliases = (k: number, name: string) => [`pilar_${k}`, `pilar${k}`, `pilar_${k}_pct`, `pilar${k}_pct`, `pct_pilar_${k}`, `persen_pilar_${k}`, `p${k}`, `pilar_${k}_${name}`, `pilar_${k}_${name}_pct`, `${name}_pct`, `pct_${name}`];

export const RECAP_COLUMNS: readonly ColumnSpec<RecapColumn>[] = [
  { key: 'kode_desa', required: true, aliases: ['kode_desa', 'kode_desa_kelurahan', 'kode_kelurahan', 'kd_desa', 'kode_wilayah', 'kode_kemendagri', 'kode'] },
  { key: 'jumlah_kk', required: true, aliases: ['jumlah_kk', 'jml_kk', 'total_kk', 'kk_total', 'jumlah_keluarga', 'kk'] },
  { key: 'kk_jsp', aliases: ['kk_jsp', 'jsp', 'jumlah_kk_jsp', 'kk_pengguna_jsp', 'jamban_sehat_permanen', 'kk_jamban_sehat_permanen'] },
  { key: 'kk_jssp', aliases: ['kk_jssp', 'jssp', 'jumlah_kk_jssp', 'kk_pengguna_jssp', 'jamban_sehat_semi_permanen', 'kk_jamban_sehat_semi_permanen'] },
  { key: 'kk_sharing', aliases: ['kk_sharing', 'sharing', 'jumlah_kk_sharing', 'kk_numpang', 'numpang', 'sharing_komunal', 'kk_sharing_komunal'] },
  { key: 'kk_babs', aliases: ['kk_babs', 'babs', 'jumlah_kk_babs', 'kk_masih_babs', 'kk_od', 'od'] },
  { key: 'tgl_pemicuan', aliases: ['tgl_pemicuan', 'tanggal_pemicuan', 'tgl_picu', 'tanggal_picu'] },
  { key: 'status_sbs', aliases: ['status_sbs', 'status_odf', 'status_desa', 'status_stop_babs', 'status'] },
  { key: 'tgl_deklarasi', aliases: ['tgl_deklarasi', 'tanggal_deklarasi', 'tgl_deklarasi_sbs'] },
  { key: 'tgl_verifikasi', aliases: ['tgl_verifikasi', 'tanggal_verifikasi', 'tgl_verifikasi_sbs', 'tgl_verifikasi_odf'] },
  { key: 'pilar_2', aliases: pillarAliases(2, 'ctps') },
  { key: 'pilar_3', aliases: pillarAliases(3, 'pammrt') },
  { key: 'pilar_4', aliases: pillarAliases(4, 'psrt') },
  { key: 'pilar_5', aliases: pillarAliases(5, 'plcrt') },
];

const SBS_STATUSES = ['BELUM_PICU', 'TERPICU', 'DEKLARASI_SBS', 'SBS_TERVERIFIKASI'] as const;
type SbsStatus = (typeof SBS_STATUSES)[number];

/** The SBS status as sanitarians write it ("Sudah dipicu", "ODF", "Terverifikasi", …), or null when it is none of them. */
export function parseSbsStatus(cell: CellValue): SbsStatus | null {
  const key = headerKey(cell);
  if ((SBS_STATUSES as readonly string[]).includes(key.toUpperCase())) return key.toUpperCase() as SbsStatus;
  if (/^(belum|belum_(di)?picu|belum_terpicu|od|babs)$/.test(key)) return 'BELUM_PICU';
  if (/^((sudah_)?(di)?picu|terpicu|sudah_terpicu|pemicuan)$/.test(key)) return 'TERPICU';
  if (/^(deklarasi|deklarasi_(sbs|odf)|sudah_deklarasi|dideklarasikan)$/.test(key)) return 'DEKLARASI_SBS';
  if (/^((sbs|odf|stop_babs)(_terverifikasi)?|terverifikasi|verifikasi|sudah_verifikasi|(sbs|odf)_verified)$/.test(key)) return 'SBS_TERVERIFIKASI';
  return null;
}

export const stbmRecapFormat: ImportFormatModule = {
  async read(input: ImportInput): Promise<ImportPlan> {
    const opened = await openTable(input.bytes);
    if (!opened.ok) return emptyPlan(fileError(opened.message));
    const found = await findHeader(opened.table, RECAP_COLUMNS);
    if (!found.ok) return emptyPlan(fileError(`No header row with ${found.missing.join(', ')} was found in the first rows`, found.missing.join(', ')));
    const errors: ImportError[] = [];
    const villages: RecapRow[] = [];
    const rowOfVillage = new Map<string, number>();
    let total = 0;
    for await (const row of found.rows) {
      total += 1;
      if (total % 1_000 === 0) input.onRowsRead(total);
      const parsed = parseRecapRow(found.header, row, errors);
      if (!parsed) continue;
      const first = rowOfVillage.get(parsed.areaCode);
      if (first !== undefined) {
        errors.push({ row: row.number, column: headerOf(found.header, 'kode_desa'), message: `${parsed.areaCode} is already on row ${first}: give each village once` });
        continue;
      }
      rowOfVillage.set(parsed.areaCode, row.number);
      villages.push(parsed);
    }
    input.onRowsRead(total);
    const period = input.period ?? latestYear(villages.flatMap((village) => village.dates));
    if (!period) return { total, period: null, rows: [], errors: [...errors, fileError('The file has no verification or triggering dates to take the year from: give the period (e.g. ?period=2024)', 'period')] };
    return { total, period, rows: villages.flatMap((village) => toObservations(village, period, found.header)), errors };
  },
};

interface RecapRow {
  row: number;
  areaCode: string;
  counts: Partial<Record<'jumlah_kk' | 'kk_jsp' | 'kk_jssp' | 'kk_sharing' | 'kk_babs', number>>;
  pillars: Partial<Record<'pilar_2' | 'pilar_3' | 'pilar_4' | 'pilar_5', number>>;
  status: SbsStatus | null;
  triggered: boolean;
  dates: string[];
}

const COUNT_COLUMNS = ['jumlah_kk', 'kk_jsp', 'kk_jssp', 'kk_sharing', 'kk_babs'] as const;
const PILLAR_COLUMNS = ['pilar_2', 'pilar_3', 'pilar_4', 'pilar_5'] as const;

/** One data row read and checked; its problems are added to `errors` (then it returns null). */
function parseRecapRow(header: HeaderMatch<RecapColumn>, row: TableRow, errors: ImportError[]): RecapRow | null {
  const problems: ImportError[] = [];
  const problem = (key: RecapColumn, message: string) => problems.push({ row: row.number, column: headerOf(header, key), message });
  const codeCell = cellOf(header, row, 'kode_desa');
  const areaCode = normaliseAreaCode(codeCell);
  if (isBlank(codeCell)) problem('kode_desa', 'the village code is empty');
  else if (!areaCode) problem('kode_desa', `"${String(codeCell)}" is not a Kemendagri village code (like 52.07.02.2001)`);
  const counts: RecapRow['counts'] = {};
  for (const key of COUNT_COLUMNS) {
    const cell = cellOf(header, row, key);
    if (isBlank(cell)) continue;
    const parsed = parseNumber(cell, { integer: true });
    if (!parsed.ok) problem(key, parsed.message);
    else if (parsed.value < 0) problem(key, `${parsed.value} is negative`);
    else counts[key] = parsed.value;
  }
  if (counts.jumlah_kk === undefined && !problems.some((entry) => entry.column === headerOf(header, 'jumlah_kk'))) problem('jumlah_kk', 'the number of KK is empty');
  const categorised = (counts.kk_jsp ?? 0) + (counts.kk_jssp ?? 0) + (counts.kk_sharing ?? 0) + (counts.kk_babs ?? 0);
  if (counts.jumlah_kk !== undefined && categorised > counts.jumlah_kk) {
    problem('kk_babs', `kk_jsp + kk_jssp + kk_sharing + kk_babs = ${categorised}, more than jumlah_kk ${counts.jumlah_kk}`);
  }
  const pillars: RecapRow['pillars'] = {};
  for (const key of PILLAR_COLUMNS) {
    const cell = cellOf(header, row, key);
    if (isBlank(cell)) continue;
    const parsed = parseNumber(cell, { integer: false });
    if (!parsed.ok) problem(key, parsed.message);
    else if (parsed.value < 0 || parsed.value > 100) problem(key, `${parsed.value} is not a percentage between 0 and 100`);
    else pillars[key] = parsed.value;
  }
  const dates: Partial<Record<'tgl_pemicuan' | 'tgl_deklarasi' | 'tgl_verifikasi', string>> = {};
  for (const key of ['tgl_pemicuan', 'tgl_deklarasi', 'tgl_verifikasi'] as const) {
    const cell = cellOf(header, row, key);
    if (isBlank(cell)) continue;
    const parsed = parseDate(cell);
    if (parsed.ok) dates[key] = parsed.value;
    else problem(key, parsed.message);
  }
  const statusCell = cellOf(header, row, 'status_sbs');
  let status = isBlank(statusCell) ? null : parseSbsStatus(statusCell);
  if (!isBlank(statusCell) && !status) problem('status_sbs', `"${String(statusCell)}" is not an SBS status: use ${SBS_STATUSES.join(', ')} (or belum dipicu, terpicu, deklarasi, terverifikasi)`);
  status ??= dates.tgl_verifikasi ? 'SBS_TERVERIFIKASI' : dates.tgl_deklarasi ? 'DEKLARASI_SBS' : dates.tgl_pemicuan ? 'TERPICU' : null;
  errors.push(...problems);
  if (problems.length > 0 || !areaCode) return null;
  return { row: row.number, areaCode, counts, pillars, status, triggered: dates.tgl_pemicuan !== undefined, dates: Object.values(dates) };
}

function toObservations(village: RecapRow, period: string, header: HeaderMatch<RecapColumn>): ObservationRow[] {
  const base = { row: village.row, areaCode: village.areaCode, areaColumn: headerOf(header, 'kode_desa'), period, sourceKind: 'import' as const, value: null, numerator: null, denominator: null, statusValue: null };
  const rows: ObservationRow[] = [];
  const indicatorOf = { jumlah_kk: 'STBM.DS.KK_TOTAL', kk_jsp: 'STBM.DS.KK_JSP', kk_jssp: 'STBM.DS.KK_JSSP', kk_sharing: 'STBM.DS.KK_SHARING', kk_babs: 'STBM.DS.KK_BABS' } as const;
  for (const key of COUNT_COLUMNS) {
    const value = village.counts[key];
    if (value !== undefined) rows.push({ ...base, column: headerOf(header, key), indicatorCode: indicatorOf[key], value });
  }
  const { jumlah_kk: households, kk_jsp: jsp, kk_jssp: jssp, kk_sharing: sharing } = village.counts;
  if (households !== undefined && jsp !== undefined && jssp !== undefined && sharing !== undefined) {
    rows.push({ ...base, column: headerOf(header, 'kk_jsp'), indicatorCode: 'STBM.DS.P1_AKSES_PCT', numerator: jsp + jssp + sharing, denominator: households });
  }
  if (village.status) rows.push({ ...base, column: headerOf(header, 'status_sbs'), indicatorCode: 'STBM.DS.SBS_STATUS', statusValue: village.status });
  const triggered = village.triggered || (village.status !== null && village.status !== 'BELUM_PICU');
  if (triggered || village.status === 'BELUM_PICU') {
    rows.push({ ...base, column: headerOf(header, 'tgl_pemicuan'), indicatorCode: 'STBM.DS.TERPICU', statusValue: triggered ? 'YA' : 'TIDAK' });
  }
  for (const [index, key] of PILLAR_COLUMNS.entries()) {
    const percent = village.pillars[key];
    if (percent !== undefined && households !== undefined) {
      rows.push({ ...base, column: headerOf(header, key), indicatorCode: `STBM.DS.PILAR_${index + 2}_PCT`, numerator: (percent * households) / 100, denominator: households });
    }
  }
  return rows;
}

function emptyPlan(error: ImportError): ImportPlan {
  return { total: 0, period: null, rows: [], errors: [error] };
}
