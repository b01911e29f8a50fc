import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { request } from 'playwright-core';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, startApp } from './support/app.ts';
import type { RunningApp } from './support/app.ts';
import { launchChromium } from './support/browser.ts';

const ADMIN = { name: 'Ani Admin', email: 'ani.admin@example.org', password: 'Taliwang-Jereweh-Maluk-52' };
const OFFICER = { name: 'Sari Sanitarian', email: 'sari.sanitarian@example.org', password: 'Stop-BABS-Sumbawa-Barat-2016' };

/** Kabupaten Sumbawa Barat and three of its villages (Kemendagri codes from idn-area-data). */
const KSB = '52.07';
const VILLAGES = { labuhanLalar: '52.07.02.2001', lalarLiang: '52.07.02.2009', menala: '52.07.02.1004' };
/** A year no other data of the journey touches, so the kabupaten's figure is this file's alone. */
const PERIOD = '2016';

interface RecapRow {
  kode_desa: string;
  jumlah_kk: number;
  kk_jsp: number | string;
  kk_jssp: number;
  kk_sharing: number;
  kk_babs: number;
  status_sbs: string;
}

/**
 * The recap as a sanitarian's spreadsheet has it: a merged title row above the header, then one
 * row per village. Menala's JSP count is typed in words, the mistake the dry run must catch:
 * it sits on spreadsheet row 5 (title 1, header 2, villages 3–5).
 */
const RECAP: RecapRow[] = [
  { kode_desa: VILLAGES.labuhanLalar, jumlah_kk: 200, kk_jsp: 150, kk_jssp: 20, kk_sharing: 10, kk_babs: 20, status_sbs: 'Terpicu' },
  { kode_desa: VILLAGES.lalarLiang, jumlah_kk: 300, kk_jsp: 200, kk_jssp: 40, kk_sharing: 0, kk_babs: 60, status_sbs: 'Terpicu' },
  { kode_desa: VILLAGES.menala, jumlah_kk: 100, kk_jsp: 'delapan puluh', kk_jssp: 10, kk_sharing: 5, kk_babs: 5, status_sbs: 'SBS_TERVERIFIKASI' },
];
const BROKEN_ROW = 5;
/** Pillar-1 access after the fix: (150+20+10) + (200+40+0) + (80+10+5) over 200 + 300 + 100 = 515 / 600 = 85,8%. */
const EXPECTED = { percent: '85,8%', parts: '515 / 600', coverage: '3 dari 65 desa/kelurahan melapor' };

async function writeRecap(path: string, rows: RecapRow[]): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Rekap STBM');
  const columns = Object.keys(rows[0] ?? {});
  sheet.addRow([`REKAP STBM PER DESA KABUPATEN SUMBAWA BARAT TAHUN ${PERIOD}`]);
  sheet.mergeCells(1, 1, 1, columns.length);
  sheet.addRow(columns);
  for (const row of rows) sheet.addRow(Object.values(row));
  await workbook.xlsx.writeFile(path);
}

/** Text of every match, whitespace collapsed. */
function texts(locator: Locator): Promise<string[]> {
  return locator.allTextContents().then((all) => all.map((text) => text.replace(/\s+/g, ' ').trim()));
}

function collectPageErrors(page: Page): Error[] {
  const errors: Error[] = [];
  page.on('pageerror', (error) => errors.push(error));
  return errors;
}

/**
 * The admin (from the setup link the fresh server prints) invites a data officer of the Sumbawa
 * Barat pemda, who sets a password with the invitation: the accounts journey's steps, over the API.
 */
async function createOfficer(app: RunningApp): Promise<void> {
  if (!app.log) throw new Error('this journey reads the setup link from the server log: run it without E2E_BASE_URL');
  const setupLine = await app.log.waitFor((entry) => typeof entry.url === 'string' && entry.url.includes('/tautan/'));
  const setupToken = new URL(String(setupLine.url)).pathname.split('/').pop();
  const api = await request.newContext({ baseURL: app.baseUrl });
  try {
    const setup = await api.post('/api/auth/setup', { data: { token: setupToken, ...ADMIN } });
    expect(setup.status()).toBe(200);
    const { csrfToken } = (await setup.json()) as { csrfToken: string };
    const invite = await api.post('/api/users', {
      data: { email: OFFICER.email, name: OFFICER.name, organisationCode: KSB, roles: ['data_officer'] },
      headers: { 'x-csrf-token': csrfToken },
    });
    expect(invite.status()).toBe(201);
    const { link } = (await invite.json()) as { link: { url: string } };
    const accept = await api.post('/api/auth/reset', { data: { token: new URL(link.url).pathname.split('/').pop(), newPassword: OFFICER.password } });
    expect(accept.status()).toBe(204);
  } finally {
    await api.dispose();
  }
}

/** The kabupaten page's indicator panel, on pillar-1 access for the whole of `PERIOD`. */
async function openKsbFigure(page: Page): Promise<Locator> {
  const panel = page.getByRole('region', { name: 'Indikator' });
  await panel.getByLabel('Indikator', { exact: true }).waitFor();
  await panel.getByLabel('Indikator', { exact: true }).selectOption('STBM.DS.P1_AKSES_PCT');
  await panel.getByLabel('Tahun', { exact: true }).selectOption(PERIOD);
  await panel.getByLabel('Bulan', { exact: true }).selectOption('');
  return panel.getByRole('group', { name: 'Nilai Kabupaten Sumbawa Barat' });
}

describe('Impor: a Sumbawa Barat data officer imports a village recap, fixes the reported error and sees the figure change', () => {
  let app: RunningApp | undefined;
  let browser: Browser | undefined;
  let files = '';

  beforeAll(async () => {
    // With the quick start's example data (KSB 2019–2025, marked as example) and the published
    // figures: the journey checks both are shown for what they are. Its own import is for 2016.
    const demo = process.env.KEMBAR_DEMO;
    process.env.KEMBAR_DEMO = '1';
    try {
      app = await startApp();
    } finally {
      if (demo === undefined) delete process.env.KEMBAR_DEMO;
      else process.env.KEMBAR_DEMO = demo;
    }
    browser = await launchChromium();
    files = await mkdtemp(join(tmpdir(), 'kembar-e2e-imports-'));
    await createOfficer(app);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    if (files) await rm(files, { recursive: true, force: true });
  });

  it('dry run names row and column of the mistake, nothing is written; the fixed file imports and 52.07 shows 85,8%', async () => {
    if (!app || !browser) throw new Error('beforeAll did not finish');
    const page = await browser.newPage();
    const pageErrors = collectPageErrors(page);
    const brokenFile = join(files, 'rekap-stbm-ksb-2016.xlsx');
    const fixedFile = join(files, 'rekap-stbm-ksb-2016-perbaikan.xlsx');
    await writeRecap(brokenFile, RECAP);

    // step: sign in as the officer
    await page.goto(`${app.baseUrl}/masuk`);
    await page.getByLabel('Email', { exact: true }).fill(OFFICER.email);
    await page.getByLabel('Kata sandi', { exact: true }).fill(OFFICER.password);
    await page.getByRole('button', { name: 'Masuk', exact: true }).click();
    await page.waitForURL(/\/wilayah$/);

    // step: the kabupaten has no pillar-1 figure for 2016 yet; the page offers "Impor data"
    await page.goto(`${app.baseUrl}/wilayah/${KSB}`);
    await page.getByRole('heading', { level: 1, name: 'Kabupaten Sumbawa Barat' }).waitFor();

    // step: the panel opens on the latest example figures (loaded on a first start), marked as such,
    // beside the real published figures with their sources
    const latest = page.getByRole('group', { name: 'Nilai Kabupaten Sumbawa Barat' });
    await latest.getByText('Data contoh', { exact: true }).waitFor();
    const published = page.getByRole('region', { name: 'Indikator' }).locator('details.published');
    await published.locator('summary').click();
    const aman = published.getByRole('listitem').filter({ hasText: 'Akses sanitasi aman (2023)' });
    await aman.getByText('16,84%').waitFor();
    expect(await aman.getByRole('link').getAttribute('href')).toMatch(/^https:\/\/kabarntb\.com\//);

    const before = await openKsbFigure(page);
    await before.getByText('Belum ada data untuk periode ini.').waitFor();
    await page.getByRole('main').getByRole('link', { name: 'Impor data', exact: true }).click();

    // step: the wizard opens on the STBM recap, for the officer's kabupaten
    await page.waitForURL(/\/impor\?wilayah=52\.07$/);
    await page.getByRole('heading', { level: 1, name: 'Impor data' }).waitFor();
    expect(await page.getByRole('radio', { name: /^Rekap STBM per desa/ }).isChecked()).toBe(true);
    expect(await page.getByLabel('Wilayah', { exact: true }).inputValue()).toBe(KSB);
    await page.getByText('Kabupaten Sumbawa Barat').waitFor();

    // step: period and the recap XLSX; the dry run reports one error, by row and column
    await page.getByLabel('Periode', { exact: true }).fill(PERIOD);
    await page.getByLabel('Berkas', { exact: true }).setInputFiles(brokenFile);
    await page.getByRole('button', { name: 'Periksa (uji coba)' }).click();
    const report = page.getByRole('region', { name: '3. Uji coba' });
    await report.getByRole('alert').filter({ hasText: '1 kesalahan' }).waitFor();
    const errorRows = report.getByRole('table', { name: 'Kesalahan dalam berkas' }).getByRole('row');
    expect(await errorRows.count()).toBe(2);
    const [row, column, message] = await texts(errorRows.nth(1).getByRole('cell'));
    expect(row).toBe(String(BROKEN_ROW));
    expect(column).toBe('kk_jsp');
    expect(message).toContain('delapan puluh');
    expect(await report.getByRole('button', { name: 'Impor sekarang' }).count()).toBe(0);

    // step: the error list downloads as CSV with the same row and column
    const download = page.waitForEvent('download');
    await report.getByRole('link', { name: 'Unduh kesalahan (CSV)' }).click();
    const csv = await readFile(await (await download).path(), 'utf8');
    expect(csv).toContain(String(BROKEN_ROW));
    expect(csv).toContain('kk_jsp');

    // step: the dry run wrote nothing: the kabupaten still has no figure for 2016
    const values = await fetch(`${app.baseUrl}/api/values?indicator=STBM.DS.P1_AKSES_PCT&area=${KSB}&period=${PERIOD}`);
    expect(((await values.json()) as { items: { value: number | null }[] }).items[0]?.value ?? null).toBeNull();

    // step: the officer fixes Menala's count, checks the corrected file again: clean, 3 villages
    await writeRecap(fixedFile, RECAP.map((entry) => (entry.kode_desa === VILLAGES.menala ? { ...entry, kk_jsp: 80 } : entry)));
    await page.getByLabel('Berkas', { exact: true }).setInputFiles(fixedFile);
    await page.getByRole('button', { name: 'Periksa (uji coba)' }).click();
    await report.getByText('Tidak ada kesalahan.', { exact: false }).waitFor();
    const counts = report.getByRole('definition');
    const terms = await texts(report.getByRole('term'));
    expect(terms.slice(0, 2)).toEqual(['Baris dibaca', 'Desa/kelurahan']);
    expect((await texts(counts)).slice(0, 2)).toEqual(['3', '3']);

    // step: confirm; the import runs with a progress bar and reports what it wrote
    await report.getByRole('button', { name: 'Impor sekarang' }).click();
    const result = page.getByRole('region', { name: '4. Impor' });
    await result.getByText('Impor selesai.').waitFor({ timeout: 30_000 });

    // step: "Riwayat impor" lists the officer's jobs newest first: the import, its dry run, the broken dry run;
    // the imported file downloads again, byte for byte the one that was checked
    const history = page.getByRole('table', { name: 'Riwayat impor' });
    const historyRows = async () => Promise.all((await history.getByRole('row').all()).slice(1).map((entry) => texts(entry.getByRole('cell'))));
    await expect
      .poll(async () => (await historyRows()).map(([, file, format, status, rows, errors]) => [file, format, status, rows, errors]), { timeout: 10_000 })
      .toEqual([
        ['rekap-stbm-ksb-2016-perbaikan.xlsx', 'Rekap STBM', 'Selesai', '3', '0'],
        ['rekap-stbm-ksb-2016-perbaikan.xlsx', 'Rekap STBM · uji coba', 'Selesai', '3', '0'],
        ['rekap-stbm-ksb-2016.xlsx', 'Rekap STBM · uji coba', 'Gagal', '3', '1'],
      ]);
    const kept = page.waitForEvent('download');
    await history.getByRole('link', { name: 'Unduh berkas rekap-stbm-ksb-2016-perbaikan.xlsx' }).first().click();
    expect(Buffer.compare(await readFile(await (await kept).path()), await readFile(fixedFile))).toBe(0);

    // step: the link leads to the kabupaten, whose 2016 figure is now the file's: 515 of 600 KK
    await result.getByRole('link', { name: 'Lihat angka Kabupaten Sumbawa Barat' }).click();
    await page.waitForURL(/\/wilayah\/52\.07$/);
    const after = await openKsbFigure(page);
    await after.getByText(EXPECTED.percent, { exact: true }).waitFor();
    await after.getByText(EXPECTED.parts, { exact: true }).waitFor();
    await after.getByText(EXPECTED.coverage, { exact: true }).waitFor();

    // step: by village, Labuhan Lalar shows its own 90,0% (180 of 200)
    const byVillage = page.getByRole('table', { name: 'Per desa/kelurahan' });
    const labuhanLalar = byVillage.getByRole('row').filter({ has: page.getByRole('link', { name: 'Labuhan Lalar' }) });
    await labuhanLalar.getByText('90,0%').waitFor();

    // step: the imported figures are real, so neither the kabupaten's 2016 figure nor its villages
    // say "Data contoh", although Sumbawa Barat holds example data for 2019–2025: the mark follows the data
    expect(await after.getByText('Data contoh', { exact: true }).count()).toBe(0);
    expect(await labuhanLalar.getByText('Data contoh', { exact: true }).count()).toBe(0);
    for (const area of [KSB, VILLAGES.labuhanLalar.slice(0, 8), VILLAGES.labuhanLalar]) {
      const response = await fetch(`${app.baseUrl}/api/values?indicator=STBM.DS.P1_AKSES_PCT&area=${area}&period=${PERIOD}`);
      const [figure] = ((await response.json()) as { items: Array<{ reporting: number; example: boolean; exampleReporting: number }> }).items;
      expect(figure, area).toMatchObject({ example: false, exampleReporting: 0 });
      expect(figure?.reporting, area).toBeGreaterThan(0);
    }

    await mkdir(join(REPO_ROOT, '.tmp'), { recursive: true });
    await page.screenshot({ path: join(REPO_ROOT, '.tmp', 'e2e-imports-figure.png'), fullPage: true });

    // step: back on /impor, the history opens the broken dry run's report with its error by row and column
    await page.goto(`${app.baseUrl}/impor`);
    await page.getByRole('link', { name: 'Buka laporan impor rekap-stbm-ksb-2016.xlsx' }).click();
    const opened = page.getByRole('region', { name: 'Laporan impor rekap-stbm-ksb-2016.xlsx' });
    const openedError = opened.getByRole('table', { name: 'Kesalahan dalam berkas' }).getByRole('row').nth(1);
    await openedError.waitFor();
    const [openedRow, openedColumn] = await texts(openedError.getByRole('cell'));
    expect([openedRow, openedColumn]).toEqual([String(BROKEN_ROW), 'kk_jsp']);
    expect(pageErrors).toEqual([]);
    await page.close();
  });

  it('offers the Excel template of the kabupaten for a period: a real workbook with its 65 villages as rows', async () => {
    if (!app || !browser) throw new Error('beforeAll did not finish');
    const context = await browser.newContext();
    const signedIn = await context.request.post(`${app.baseUrl}/api/auth/sign-in`, { data: { email: OFFICER.email, password: OFFICER.password } });
    expect(signedIn.ok()).toBe(true);
    const page = await context.newPage();

    // step: choose the template format; the download needs the period first
    await page.goto(`${app.baseUrl}/impor?wilayah=${KSB}`);
    await page.getByRole('radio', { name: /^Templat Excel Kembar/ }).check();
    expect(await page.getByRole('link', { name: 'Unduh templat' }).count()).toBe(0);
    await page.getByLabel('Periode', { exact: true }).fill('202611');

    // step: download it and open it: sheet "Data", villages from row 4, every one in Sumbawa Barat
    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Unduh templat' }).click();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(await (await download).path());
    const sheet = workbook.getWorksheet('Data');
    if (!sheet) throw new Error('the template has no sheet "Data"');
    const codes: string[] = [];
    sheet.eachRow((row, number) => {
      if (number >= 4) codes.push(String(row.getCell(1).value));
    });
    expect(codes).toHaveLength(65);
    expect(codes.every((code) => code.startsWith(`${KSB}.`))).toBe(true);
    expect(codes).toContain(VILLAGES.labuhanLalar);
    await context.close();
  });

  it('the indicator browser: search, filter by pillar, read a formula and its source, in Indonesian and English', async () => {
    if (!app || !browser) throw new Error('beforeAll did not finish');
    const page = await browser.newPage();
    const pageErrors = collectPageErrors(page);

    // step: the main menu leads to the catalogue, grouped by domain
    await page.goto(`${app.baseUrl}/wilayah`);
    await page.getByRole('navigation', { name: 'Menu utama' }).getByRole('link', { name: 'Indikator' }).click();
    await page.getByRole('heading', { level: 1, name: 'Katalog indikator' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Air limbah domestik' }).waitFor();

    // step: pillar 1 at village level, then the word "sehat": the pillar-1 access share remains among the latrine counts
    await page.getByLabel('Pilar STBM').selectOption('1');
    await page.getByLabel('Tingkat pengumpulan').selectOption('village');
    await page.getByLabel('Cari indikator').fill('akses');
    expect(page.url()).toMatch(/pilar=1/);
    expect(await page.getByRole('heading', { level: 2, name: 'Air limbah domestik' }).count()).toBe(0);
    const list = page.getByRole('list', { name: 'STBM desa/kelurahan' });
    await list.getByRole('link', { name: '% KK akses jamban sehat (pilar 1)' }).click();

    // step: its page gives the formula as numerator over denominator, how it adds up, and its sources
    await page.waitForURL(/\/indikator\/STBM\.DS\.P1_AKSES_PCT$/);
    await page.getByRole('heading', { level: 1, name: '% KK akses jamban sehat (pilar 1)' }).waitFor();
    const definition = page.getByRole('main');
    await definition.getByText('Pembilang ÷ penyebut').waitFor();
    // (Playwright's case-insensitive match trips over Σ, so the check reads the words after it.)
    await definition.getByText('penyebut (bukan rata-rata persentase)').waitFor();
    expect(await definition.getByRole('link', { name: 'S58' }).getAttribute('href')).toMatch(/^https:\/\//);

    // step: Back returns to the filtered list; in English the page reads in English
    await page.goBack();
    expect(await page.getByLabel('Pilar STBM').inputValue()).toBe('1');
    await page.getByRole('button', { name: 'EN', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Indicator catalogue' }).waitFor();
    await page.getByRole('link', { name: '% households with access to a healthy latrine (pillar 1)' }).waitFor();
    await page.getByRole('button', { name: 'ID', exact: true }).click();

    expect(pageErrors).toEqual([]);
    await page.close();
  });

  it('fits a 360px phone: the catalogue, an indicator, the wizard and the kabupaten with its villages', async () => {
    if (!app || !browser) throw new Error('beforeAll did not finish');
    const context = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
    const signedIn = await context.request.post(`${app.baseUrl}/api/auth/sign-in`, { data: { email: OFFICER.email, password: OFFICER.password } });
    expect(signedIn.ok()).toBe(true);
    const page = await context.newPage();
    await mkdir(join(REPO_ROOT, '.tmp'), { recursive: true });
    const pages: [string, string, string][] = [
      ['/indikator', 'Katalog indikator', 'indicators'],
      ['/indikator/ACC.KAB.AMAN_PCT', 'Akses sanitasi aman', 'indicator'],
      ['/impor?wilayah=52.07', 'Impor data', 'wizard'],
      ['/wilayah/52.07', 'Kabupaten Sumbawa Barat', 'kabupaten'],
    ];
    for (const [path, heading, name] of pages) {
      await page.goto(`${app.baseUrl}${path}`);
      await page.getByRole('heading', { level: 1, name: heading }).waitFor();
      await expect.poll(() => page.getByRole('status').filter({ hasText: 'Memuat' }).count(), { timeout: 15_000 }).toBe(0);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, path).toBeLessThanOrEqual(0);
      await page.screenshot({ path: join(REPO_ROOT, '.tmp', `e2e-imports-phone-${name}.png`), fullPage: true });
    }
    await context.close();
  });
});
