import { createHash } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { request } from 'playwright-core';
import type { APIRequestContext, Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { samplePdf, samplePng } from '../test/support/sample-files.ts';
import { REPO_ROOT, startApp } from './support/app.ts';
import type { RunningApp } from './support/app.ts';
import { launchChromium } from './support/browser.ts';

const ADMIN = { name: 'Ani Admin', email: 'ani.admin@example.org', password: 'Taliwang-Jereweh-Maluk-52' };
/** Example accounts (not real officials): a coordinator of each legal party. */
const BEKASI = { name: 'Citra Koordinator', email: 'citra.bekasi@example.org', password: 'Kerja-Sama-Bekasi-3275', organisation: '32.75' };
const SLEMAN = { name: 'Dimas Koordinator', email: 'dimas.sleman@example.org', password: 'Kerja-Sama-Sleman-3404', organisation: '34.04' };
const TITLE = 'Kembaran sanitasi Kota Bekasi – Kabupaten Sleman (contoh)';
const KB_TITLE = 'Kesepakatan Bersama Kota Bekasi dan Kabupaten Sleman';
const SCREENSHOTS = join(REPO_ROOT, '.tmp');

function collectPageErrors(page: Page): Error[] {
  const errors: Error[] = [];
  // A failed step leaves a picture of the page behind, to see what the browser saw.
  onTestFailed(async () => {
    await page.screenshot({ path: join(SCREENSHOTS, `e2e-agreements-failed-${Date.now()}.png`), fullPage: true }).catch(() => undefined);
  });
  page.on('pageerror', (error) => errors.push(error));
  page.on('console', (message) => {
    if (process.env.E2E_DEBUG && message.type() === 'error') console.log('console:', message.text());
  });
  page.on('response', async (response) => {
    if (process.env.E2E_DEBUG && response.url().includes('/api/') && response.status() >= 400) console.log(response.request().method(), response.url(), response.status(), await response.text());
  });
  return errors;
}

async function signIn(page: Page, baseUrl: string, account: { email: string; password: string }, next: string): Promise<void> {
  await page.goto(`${baseUrl}/masuk?next=${encodeURIComponent(next)}`);
  await page.getByLabel('Email', { exact: true }).fill(account.email);
  await page.getByLabel('Kata sandi', { exact: true }).fill(account.password);
  await page.getByRole('button', { name: 'Masuk', exact: true }).click();
  await page.waitForURL((url) => url.pathname === next.split('?')[0]);
}

/**
 * The accounts the journey needs, made the way an admin would (accounts.e2e.ts walks these pages
 * in the browser): the first admin from the setup link the server logged, who invites one
 * coordinator per party; each sets a password with their invitation link.
 */
async function createAccounts(app: RunningApp): Promise<void> {
  if (!app.log) throw new Error('the setup link is read from the server log');
  const setupLine = await app.log.waitFor((entry) => typeof entry.url === 'string' && entry.url.includes('/tautan/'));
  const token = new URL(String(setupLine.url)).pathname.split('/').pop();
  const api: APIRequestContext = await request.newContext({ baseURL: app.baseUrl });
  try {
    const setup = await api.post('/api/auth/setup', { data: { token, email: ADMIN.email, name: ADMIN.name, password: ADMIN.password } });
    expect(setup.status()).toBe(200);
    const { csrfToken } = (await setup.json()) as { csrfToken: string };
    for (const account of [BEKASI, SLEMAN]) {
      const invited = await api.post('/api/users', {
        headers: { 'x-csrf-token': csrfToken },
        data: { email: account.email, name: account.name, organisationCode: account.organisation, roles: ['coordinator'] },
      });
      expect(invited.status(), await invited.text()).toBe(201);
      const { link } = (await invited.json()) as { link: { url: string } };
      const redeemed = await api.post('/api/auth/reset', { data: { token: new URL(link.url).pathname.split('/').pop(), newPassword: account.password } });
      expect(redeemed.status(), await redeemed.text()).toBe(204);
    }
  } finally {
    await api.dispose();
  }
}

describe('Agreements: a Kota Bekasi coordinator sets up a twinning with Kabupaten Sleman, and the partner approves its first result', () => {
  let app: RunningApp | undefined;
  let browser: Browser | undefined;
  let agreementPath = '';

  beforeAll(async () => {
    app = await startApp();
    browser = await launchChromium();
    // Against E2E_BASE_URL (a server someone runs) the accounts must exist already: there is no setup link to read.
    if (app.log) await createAccounts(app);
    await mkdir(SCREENSHOTS, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('shows the founding KSB–Bekasi twinning to anyone: parties, facilitator, witnesses, scope and the signing on 26 October 2021', async () => {
    if (!app || !browser) throw new Error('beforeAll did not finish');
    const context = await browser.newContext();
    const page = await context.newPage();
    const pageErrors = collectPageErrors(page);

    // step: the menu leads to the agreements; searching "Sumbawa" finds the founding twinning
    await page.goto(`${app.baseUrl}/wilayah`);
    await page.getByRole('navigation', { name: 'Menu utama' }).getByRole('link', { name: 'Kerja sama', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Kerja sama' }).waitFor();
    await page.getByRole('searchbox', { name: 'Cari' }).fill('Sumbawa');
    await page.getByRole('button', { name: 'Terapkan' }).click();
    await page.waitForURL(/\/kerja-sama\?q=Sumbawa$/);
    const card = page.getByRole('listitem').filter({ hasText: 'Sumbawa Barat' }).first();
    await card.getByText('Ditandatangani 26 Oktober 2021').waitFor();

    // step: its workspace names both parties in PIHAK order and the signing date
    await card.getByRole('link').first().click();
    await page.waitForURL(/\/kerja-sama\/[0-9a-f-]{36}$/);
    const header = page.getByRole('main').locator('header');
    await header.getByText('Kabupaten Sumbawa Barat').first().waitFor();
    await header.getByText('Kota Bekasi').first().waitFor();
    await header.getByText('Ditandatangani 26 Oktober 2021').waitFor();

    // step: participants: FORKALIM facilitates; witnesses attended online
    await page.getByRole('navigation', { name: 'Bagian kerja sama' }).getByRole('link', { name: 'Peserta' }).click();
    await page.getByRole('listitem', { name: /^Fasilitator: .*FORKALIM/ }).waitFor();
    expect(await page.getByRole('listitem', { name: /^Saksi: / }).count()).toBeGreaterThanOrEqual(4);

    // step: scope: six fields, the ones that are not an urusan flagged for legal review
    await page.getByRole('navigation', { name: 'Bagian kerja sama' }).getByRole('link', { name: 'Ruang lingkup' }).click();
    const scope = page.getByRole('list', { name: 'Ruang lingkup' }).getByRole('listitem');
    await scope.first().waitFor();
    expect(await scope.count()).toBe(6);
    await page.getByText('Perlu kajian hukum TKKSD').first().waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, 'e2e-agreements-founding-scope.png'), fullPage: true });

    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('creates the twinning, adds scope and a KB, is refused KB signed until the guards are met, then plans and evidences an activity and submits a result', async () => {
    if (!app || !browser) throw new Error('beforeAll did not finish');
    const context = await browser.newContext();
    const page = await context.newPage();
    const pageErrors = collectPageErrors(page);
    const sections = page.getByRole('navigation', { name: 'Bagian kerja sama' });

    // step: the Bekasi coordinator signs in and starts a new agreement
    await signIn(page, app.baseUrl, BEKASI, '/kerja-sama');
    await page.getByRole('link', { name: 'Kerja sama baru' }).click();
    await page.getByRole('heading', { level: 1, name: 'Kerja sama baru' }).waitFor();
    await page.getByLabel('Judul', { exact: true }).fill(TITLE);
    await page.getByLabel('Maksud dan tujuan', { exact: true }).fill('Saling belajar pengelolaan air limbah domestik dan sanitasi aman.');

    // step: the two legal parties, in order: Kota Bekasi first, then Kabupaten Sleman
    await page.getByRole('group', { name: 'PIHAK PERTAMA' }).getByRole('searchbox').fill('Kota Bekasi');
    await page.getByRole('radio', { name: 'Pemerintah Kota Bekasi', exact: true }).check();
    await page.getByRole('button', { name: 'Tambahkan sebagai PIHAK PERTAMA' }).click();
    await page.getByRole('group', { name: 'PIHAK KEDUA' }).getByRole('searchbox').fill('Sleman');
    await page.getByRole('radio', { name: 'Pemerintah Kabupaten Sleman', exact: true }).check();
    await page.getByRole('button', { name: 'Tambahkan sebagai PIHAK KEDUA' }).click();
    await page.getByRole('button', { name: 'Buat kerja sama' }).click();
    await page.waitForURL(/\/kerja-sama\/[0-9a-f-]{36}$/);
    agreementPath = new URL(page.url()).pathname;
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await page.getByText('Rancangan', { exact: true }).first().waitFor();

    // step: two scope items, each mapped to its urusan
    await sections.getByRole('link', { name: 'Ruang lingkup' }).click();
    await page.getByText('Tambah bidang', { exact: true }).click();
    for (const [label, urusan] of [
      ['Kesehatan', 'Kesehatan'],
      ['Perumahan dan Permukiman', 'Perumahan Rakyat dan Kawasan Permukiman'],
    ] as const) {
      await page.getByLabel('Bidang', { exact: true }).fill(label);
      await page.getByLabel('Urusan pemerintahan', { exact: true }).selectOption({ label: urusan });
      await page.getByRole('button', { name: 'Simpan bidang' }).click();
      await page.getByRole('list', { name: 'Ruang lingkup' }).getByRole('listitem', { name: label, exact: true }).waitFor();
    }

    // step: the KB document, and its file: a real PDF, whose SHA-256 the page shows
    await sections.getByRole('link', { name: 'Dokumen' }).click();
    await page.getByText('Tambah dokumen', { exact: true }).click();
    await page.getByLabel('Jenis dokumen', { exact: true }).selectOption('kb');
    await page.getByLabel('Judul dokumen', { exact: true }).fill(KB_TITLE);
    await page.getByRole('button', { name: 'Simpan dokumen' }).click();
    const kb = page.getByRole('listitem').filter({ has: page.getByText(KB_TITLE, { exact: true }) });
    await kb.waitFor();
    const pdf = samplePdf('Kesepakatan Bersama Kota Bekasi dan Kabupaten Sleman');
    await kb.getByLabel('Berkas (PDF, gambar, atau DOCX)').setInputFiles({ name: 'kb-bekasi-sleman.pdf', mimeType: 'application/pdf', buffer: pdf });
    await kb.getByRole('button', { name: 'Unggah berkas' }).click();
    await kb.getByText('Berkas tersimpan sebagai versi 1.').waitFor();
    const sha256 = createHash('sha256').update(pdf).digest('hex');
    await kb.getByText(`SHA-256 ${sha256.slice(0, 12)}…`).waitFor();

    // step: KB signed is refused: the dialog lists the unmet guards, and the status stays Rancangan
    await page.getByRole('button', { name: 'Ubah status' }).click();
    const dialog = page.getByRole('dialog', { name: 'Ubah status kerja sama' });
    await dialog.getByRole('radio', { name: /^KB ditandatangani/ }).check();
    await dialog.getByRole('list', { name: 'Syarat yang belum terpenuhi' }).getByText('Belum ada KB dengan tanggal penandatanganan.').waitFor();
    await dialog.getByRole('button', { name: 'Pindahkan' }).click();
    const refusal = dialog.getByRole('alert');
    await refusal.getByText('Status tidak berubah', { exact: false }).waitFor();
    await refusal.getByText('Belum ada KB dengan tanggal penandatanganan.').waitFor();
    await dialog.getByRole('button', { name: 'Tutup' }).click();
    await page.getByRole('main').locator('header').getByText('Rancangan', { exact: true }).waitFor();

    // step: meet them: each party's kepala daerah (position only: no names are invented), their signatures, the signing date and place
    await sections.getByRole('link', { name: 'Peserta' }).click();
    await page.getByText('Tambah orang', { exact: true }).click();
    for (const [organisation, position] of [
      ['Pemerintah Kota Bekasi', 'Wali Kota Bekasi'],
      ['Pemerintah Kabupaten Sleman', 'Bupati Sleman'],
    ] as const) {
      await page.getByLabel('Organisasi', { exact: true }).selectOption({ label: organisation });
      await page.getByLabel('Jabatan', { exact: true }).fill(position);
      await page.getByRole('button', { name: 'Simpan orang' }).click();
      await page.getByRole('list', { name: organisation }).getByText(position).waitFor();
    }
    await sections.getByRole('link', { name: 'Dokumen' }).click();
    await kb.getByText('Tambah penanda tangan', { exact: true }).click();
    for (const position of ['Wali Kota Bekasi', 'Bupati Sleman']) {
      const form = kb.getByRole('form', { name: `Tambah penanda tangan: ${KB_TITLE}` });
      await form.getByLabel('Orang', { exact: true }).selectOption({ label: `Nama tidak disebutkan sumber, ${position} (${position === 'Bupati Sleman' ? 'Pemerintah Kabupaten Sleman' : 'Pemerintah Kota Bekasi'})` });
      await form.getByRole('button', { name: 'Simpan penanda tangan' }).click();
      await kb.getByRole('list', { name: 'Penanda tangan' }).getByText(position, { exact: false }).waitFor();
    }
    const today = new Date().toISOString().slice(0, 10);
    await kb.getByText('Rincian dokumen', { exact: true }).click();
    const details = kb.getByRole('form', { name: `Rincian dokumen: ${KB_TITLE}` });
    await details.getByLabel('Tanggal penandatanganan', { exact: true }).fill(today);
    await details.getByLabel('Tempat penandatanganan', { exact: true }).fill('Kota Bekasi');
    await details.getByRole('button', { name: 'Simpan' }).click();
    await details.getByText('Tersimpan.').waitFor();

    // step: now KB signed is allowed; warnings of unconfirmed rules show, but do not block
    await page.getByRole('button', { name: 'Ubah status' }).click();
    await dialog.getByRole('radio', { name: /^KB ditandatangani.*Semua syarat terpenuhi/ }).check();
    await dialog.getByRole('list', { name: /^Peringatan/ }).getByRole('listitem').first().waitFor();
    await dialog.getByRole('button', { name: 'Pindahkan' }).click();
    await page.getByRole('status').getByText('Status sekarang: KB ditandatangani.', { exact: false }).waitFor();
    await page.getByRole('main').locator('header').getByText('KB ditandatangani', { exact: true }).waitFor();
    await sections.getByRole('link', { name: 'Riwayat status' }).click();
    await page.getByRole('list', { name: 'Riwayat status' }).getByText('KB ditandatangani').waitFor();

    // step: the work plan: a study visit hosted by Kota Bekasi, with its APBD budget in rupiah
    await sections.getByRole('link', { name: 'Rencana kerja' }).click();
    await page.getByText('Rencanakan kegiatan', { exact: true }).click();
    const plan = page.getByRole('form', { name: 'Rencanakan kegiatan' });
    await plan.getByLabel('Jenis kegiatan', { exact: true }).selectOption('study_visit');
    await plan.getByLabel('Nama kegiatan', { exact: true }).fill('Kunjungan studi IPLT Kota Bekasi');
    await plan.getByLabel('Tuan rumah', { exact: true }).selectOption({ label: 'Pemerintah Kota Bekasi' });
    await plan.getByLabel('Rencana mulai', { exact: true }).fill('2027-02-01');
    await plan.getByLabel('Rencana selesai', { exact: true }).fill('2027-02-03');
    await plan.getByLabel('Lokasi', { exact: true }).fill('IPLT Kota Bekasi');
    await plan.getByRole('group', { name: 'Anggaran menurut sumber' }).getByRole('button', { name: 'Tambah baris' }).click();
    await plan.getByLabel('Rencana (Rp)', { exact: true }).fill('15.000.000');
    await plan.getByRole('button', { name: 'Simpan kegiatan' }).click();
    const activity = page.getByRole('listitem', { name: 'Kunjungan studi IPLT Kota Bekasi' });
    await activity.getByText('Anggaran: rencana Rp 15.000.000', { exact: false }).waitFor();

    // step: evidence: a photo (a real PNG) with a caption
    await activity.getByText('Tambah bukti', { exact: true }).click();
    const evidence = activity.getByRole('form', { name: 'Tambah bukti: Kunjungan studi IPLT Kota Bekasi' });
    await evidence.getByLabel('Keterangan', { exact: true }).fill('Foto persiapan kunjungan');
    await evidence.getByLabel('Berkas', { exact: true }).setInputFiles({ name: 'persiapan.png', mimeType: 'image/png', buffer: samplePng() });
    await evidence.getByRole('button', { name: 'Simpan bukti' }).click();
    await activity.getByRole('link', { name: 'Foto persiapan kunjungan' }).waitFor();

    // step: the results framework: an output, its indicator and a 2027 period with a target of 10 people
    await sections.getByRole('link', { name: 'Hasil' }).click();
    await page.getByText('Tambah hasil', { exact: true }).click();
    await page.getByLabel('Rumusan hasil', { exact: true }).fill('Kapasitas operator IPLT Kabupaten Sleman meningkat');
    await page.getByRole('button', { name: 'Simpan hasil' }).click();
    await page.getByRole('heading', { level: 3, name: 'Kapasitas operator IPLT Kabupaten Sleman meningkat' }).waitFor();
    await page.getByText('Tambah indikator', { exact: true }).click();
    await page.getByLabel('Nama indikator', { exact: true }).fill('Operator IPLT yang dilatih');
    await page.getByLabel('Satuan', { exact: true }).fill('orang');
    await page.getByRole('button', { name: 'Simpan indikator' }).click();
    const indicator = page.getByRole('region', { name: 'Operator IPLT yang dilatih' });
    await indicator.getByText('Tambah periode', { exact: true }).click();
    await indicator.getByLabel('Awal periode', { exact: true }).fill('2027-01-01');
    await indicator.getByLabel('Akhir periode', { exact: true }).fill('2027-12-31');
    await indicator.getByLabel('Target', { exact: true }).fill('10');
    await indicator.getByRole('button', { name: 'Simpan periode' }).click();
    const period = indicator.getByRole('group', { name: '1 Januari 2027 – 31 Desember 2027' });
    await period.getByText('Target 10 orang').waitFor();

    // step: a draft update of 4 people with the photo as evidence, then submitted
    await period.getByText('Laporkan capaian', { exact: true }).click();
    await period.getByLabel('Nilai', { exact: true }).fill('4');
    await period.getByLabel('Uraian', { exact: true }).fill('Empat operator IPLT Sleman mengikuti kunjungan studi.');
    await period.getByRole('checkbox', { name: 'Kunjungan studi IPLT Kota Bekasi: Foto persiapan kunjungan' }).check();
    await period.getByRole('button', { name: 'Simpan sebagai draf' }).click();
    const update = period.getByRole('listitem').filter({ hasText: 'Empat operator IPLT Sleman' });
    await update.getByText('Draf', { exact: true }).waitFor();
    await update.getByRole('button', { name: 'Ajukan' }).click();
    await update.getByText('Diajukan', { exact: true }).waitFor();
    // The submitter does not review their own update.
    expect(await update.getByRole('button', { name: 'Setujui' }).count()).toBe(0);
    await period.getByText('Belum ada capaian yang disetujui').waitFor();

    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('lets the Sleman coordinator, in another browser, approve the update: the actual becomes 4 people', async () => {
    if (!app || !browser) throw new Error('beforeAll did not finish');
    expect(agreementPath).toMatch(/^\/kerja-sama\/[0-9a-f-]{36}$/);
    const context: BrowserContext = await browser.newContext();
    const page = await context.newPage();
    const pageErrors = collectPageErrors(page);

    // step: the partner signs in straight to the results
    await signIn(page, app.baseUrl, SLEMAN, `${agreementPath}/hasil`);
    const period = page.getByRole('region', { name: 'Operator IPLT yang dilatih' }).getByRole('group', { name: '1 Januari 2027 – 31 Desember 2027' });
    const update = period.getByRole('listitem').filter({ hasText: 'Empat operator IPLT Sleman' });
    await update.getByText('Diajukan', { exact: true }).waitFor();
    await update.getByText(`Diajukan oleh ${BEKASI.email}`, { exact: false }).waitFor();

    // step: approve; the period's actual is now the approved value
    await update.getByRole('button', { name: 'Setujui' }).click();
    await update.getByText('Disetujui', { exact: true }).waitFor();
    await update.getByText(`Ditinjau oleh ${SLEMAN.email}`, { exact: false }).waitFor();
    await period.getByText('Capaian 4 orang').waitFor();

    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('fits a 360px phone screen: list, workspace, documents and the transition dialog', async () => {
    if (!app || !browser) throw new Error('beforeAll did not finish');
    const context = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    const shoot = async (name: string) => {
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `${name} scrolls sideways`).toBeLessThanOrEqual(0);
      await page.screenshot({ path: join(SCREENSHOTS, `e2e-agreements-phone-${name}.png`), fullPage: true });
    };
    await signIn(page, app.baseUrl, BEKASI, '/kerja-sama');
    await page.getByRole('link', { name: TITLE }).first().waitFor();
    await shoot('list');
    await page.goto(`${app.baseUrl}${agreementPath}`);
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await shoot('overview');
    await page.goto(`${app.baseUrl}${agreementPath}/dokumen`);
    await page.getByText(KB_TITLE, { exact: true }).waitFor();
    await shoot('documents');
    await page.goto(`${app.baseUrl}${agreementPath}/rencana-kerja`);
    await page.getByRole('listitem', { name: 'Kunjungan studi IPLT Kota Bekasi' }).waitFor();
    await shoot('workplan');
    await page.getByRole('button', { name: 'Ubah status' }).click();
    await page.getByRole('dialog', { name: 'Ubah status kerja sama' }).getByRole('radio').first().waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, 'e2e-agreements-phone-transition.png') });
    await context.close();
  });
});
