import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { Secret, TOTP } from 'otpauth';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, startApp } from './support/app.ts';
import type { RunningApp } from './support/app.ts';
import { launchChromium } from './support/browser.ts';

const ADMIN = { name: 'Ani Admin', email: 'ani.admin@example.org', password: 'Taliwang-Jereweh-Maluk-52' };
const OFFICER = { name: 'Budi Petugas', email: 'budi.petugas@example.org', password: 'Sanitasi-Aman-Bekasi-2021' };

/** Fails the test on any uncaught error in the page. */
function collectPageErrors(page: Page): Error[] {
  const errors: Error[] = [];
  page.on('pageerror', (error) => errors.push(error));
  return errors;
}

/** The code an authenticator app holding `key` shows now. */
function totpCode(key: string): string {
  return new TOTP({ algorithm: 'SHA1', digits: 6, period: 30, secret: Secret.fromBase32(key) }).generate();
}

/** The Indonesian name of a catalogue indicator, which labels its box on the data-entry form. */
async function indicatorName(baseUrl: string, code: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/indicators?level=village`);
  const body = (await response.json()) as { items: { code: string; nameId: string }[] };
  const found = body.items.find((item) => item.code === code);
  if (!found) throw new Error(`${code} is not among the village indicators`);
  return found.nameId;
}

/** Stored values of one area and period (`GET /api/observations`, public), as the server has them. */
async function storedValues(baseUrl: string, area: string, period: string): Promise<Record<string, unknown>[]> {
  const response = await fetch(`${baseUrl}/api/observations?area=${area}&period=${period}`);
  return ((await response.json()) as { items: Record<string, unknown>[] }).items;
}

/** Kota Bekasi's Bekasijaya, which the officer may edit, and Sumbawa Barat's Labuhan Lalar, which they may not. */
const BEKASIJAYA = '32.75.01.1001';
const LABUHAN_LALAR = '52.07.02.2001';
/** The city and the kecamatan (32.75.01) that Bekasijaya rolls up into. */
const KOTA_BEKASI = '32.75';
const BEKASIJAYA_KECAMATAN = 'Bekasi Timur';
const KK_TOTAL = 'STBM.DS.KK_TOTAL';
const PILLAR_1_ACCESS = 'STBM.DS.P1_AKSES_PCT';

async function signIn(page: Page, account: { email: string; password: string }): Promise<void> {
  await page.getByLabel('Email', { exact: true }).fill(account.email);
  await page.getByLabel('Kata sandi', { exact: true }).fill(account.password);
  await page.getByRole('button', { name: 'Masuk', exact: true }).click();
}

/**
 * One fresh server for the file, so the tests run in order: the first creates the admin and the
 * officer that the later ones sign in as.
 */
describe('Accounts: the first admin invites a data officer, who may open only what is theirs', () => {
  let app: RunningApp | undefined;
  let browser: Browser | undefined;

  beforeAll(async () => {
    app = await startApp();
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('sets up the admin, invites the officer, who sees their organisation, not the users page, and enters data only in Kota Bekasi', async () => {
    if (!app || !browser) throw new Error('beforeAll did not finish');
    if (!app.log) throw new Error('this journey reads the setup link from the server log: run it without E2E_BASE_URL');
    const context = await browser.newContext();
    const page = await context.newPage();
    const pageErrors = collectPageErrors(page);
    const mainMenu = page.getByRole('navigation', { name: 'Menu utama' });

    // step: a fresh server prints a one-time setup link (a JSON log line whose url holds /tautan/)
    const setupLine = await app.log.waitFor((entry) => typeof entry.url === 'string' && entry.url.includes('/tautan/'));
    const setupPath = new URL(String(setupLine.url)).pathname;

    // step: open it and create the first admin, who is then signed in and taken to the users page
    await page.goto(`${app.baseUrl}${setupPath}`);
    await page.getByRole('heading', { level: 1, name: 'Siapkan admin pertama' }).waitFor();
    await page.getByLabel('Nama', { exact: true }).fill(ADMIN.name);
    await page.getByLabel('Email', { exact: true }).fill(ADMIN.email);
    await page.getByLabel('Kata sandi baru', { exact: true }).fill(ADMIN.password);
    await page.getByLabel('Ulangi kata sandi', { exact: true }).fill(ADMIN.password);
    await page.getByRole('button', { name: 'Buat akun admin' }).click();
    await page.waitForURL(/\/pengguna$/);
    await page.getByRole('heading', { level: 1, name: 'Pengguna' }).waitFor();
    await mainMenu.getByRole('link', { name: 'Riwayat perubahan', exact: true }).waitFor();
    await page.getByRole('banner').getByRole('link', { name: ADMIN.name, exact: true }).waitFor();

    // step: invite a data officer for Kota Bekasi
    const invite = page.getByRole('region', { name: 'Undang pengguna' });
    await invite.getByLabel('Email', { exact: true }).fill(OFFICER.email);
    await invite.getByLabel('Nama', { exact: true }).fill(OFFICER.name);
    await invite.getByLabel('Cari organisasi').fill('Kota Bekasi');
    await invite.getByRole('radio', { name: 'Pemerintah Kota Bekasi', exact: true }).check();
    await invite.getByRole('checkbox', { name: 'Petugas data', exact: true }).check();
    await invite.getByRole('button', { name: 'Undang', exact: true }).click();

    // step: the page shows the invitation link to send, and lists the officer as not yet accepted
    const invitation = invite.getByRole('textbox', { name: 'Tautan undangan' });
    const invitationUrl = await invitation.inputValue();
    expect(invitationUrl).toMatch(/\/tautan\/[A-Za-z0-9_-]{32,64}$/);
    const officerCard = page.getByRole('listitem', { name: OFFICER.name });
    await officerCard.getByText('Belum menerima undangan').waitFor();
    await officerCard.getByText('Pemerintah Kota Bekasi').waitFor();

    // step: sign out
    await page.getByRole('button', { name: 'Keluar', exact: true }).click();
    await page.getByRole('banner').getByRole('link', { name: 'Masuk', exact: true }).waitFor();
    expect(await mainMenu.getByRole('link', { name: 'Pengguna' }).count()).toBe(0);

    // step: open the invitation and choose a password
    await page.goto(`${app.baseUrl}${new URL(invitationUrl).pathname}`);
    await page.getByRole('heading', { level: 1, name: 'Selamat datang di Kembar' }).waitFor();
    await page.getByLabel('Kata sandi baru', { exact: true }).fill(OFFICER.password);
    await page.getByLabel('Ulangi kata sandi', { exact: true }).fill(OFFICER.password);
    await page.getByRole('button', { name: 'Simpan kata sandi' }).click();
    await page.getByText('Kata sandi tersimpan').waitFor();

    // step: sign in as the officer
    await page.getByRole('main').getByRole('link', { name: 'Masuk', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Masuk' }).waitFor();
    await signIn(page, OFFICER);
    await page.waitForURL(/\/wilayah$/);

    // step: the profile shows the officer's organisation and role; the menu has no admin pages
    await page.getByRole('banner').getByRole('link', { name: OFFICER.name, exact: true }).click();
    await page.waitForURL(/\/profil$/);
    const account = page.getByRole('region', { name: 'Akun saya' });
    await account.getByText('Pemerintah Kota Bekasi').waitFor();
    await account.getByText('Petugas data', { exact: true }).waitFor();
    expect(await mainMenu.getByRole('link', { name: 'Pengguna' }).count()).toBe(0);

    // step: the users page is for admins only
    await page.goto(`${app.baseUrl}/pengguna`);
    await page.getByRole('heading', { level: 1, name: 'Anda tidak berhak membuka halaman ini' }).waitFor();

    // step: a Sumbawa Barat village lies outside Kota Bekasi: its page offers no data entry, and the editor says why
    await page.goto(`${app.baseUrl}/wilayah/${LABUHAN_LALAR}`);
    await page.getByRole('heading', { level: 1, name: 'Labuhan Lalar', exact: true }).waitFor();
    expect(await page.getByRole('link', { name: 'Isi data', exact: true }).count()).toBe(0);
    await page.goto(`${app.baseUrl}/wilayah/${LABUHAN_LALAR}/isi-data`);
    await page.getByRole('heading', { level: 1, name: 'Anda tidak berhak membuka halaman ini' }).waitFor();
    await page.getByText('berada di luar wilayah organisasi Anda, Pemerintah Kota Bekasi', { exact: false }).waitFor();
    expect(await page.getByRole('button', { name: 'Simpan', exact: true }).count()).toBe(0);
    expect(await page.getByRole('textbox').count()).toBe(0);

    // step: a Kota Bekasi kelurahan offers "Isi data", which opens the editor on the current month
    await page.goto(`${app.baseUrl}/wilayah/${BEKASIJAYA}`);
    await page.getByRole('heading', { level: 1, name: 'Bekasijaya', exact: true }).waitFor();
    await page.getByRole('link', { name: 'Isi data', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Isi data: Bekasijaya' }).waitFor();
    await page.waitForURL(/\/isi-data\?periode=\d{6}$/);
    const period = new URL(page.url()).searchParams.get('periode') ?? '';
    expect(await page.getByLabel('Sumber data', { exact: true }).inputValue()).toBe('routine');

    // step: the number of families, typed with a thousands dot, and the pillar-1 access ratio, whose percentage shows as it is typed
    const total = page.getByRole('textbox', { name: await indicatorName(app.baseUrl, KK_TOTAL), exact: true });
    const access = page.getByRole('listitem', { name: await indicatorName(app.baseUrl, PILLAR_1_ACCESS), exact: true });
    await total.fill('1.200');
    await access.getByRole('textbox', { name: /^Pembilang/ }).fill('1150');
    await access.getByRole('textbox', { name: /^Penyebut/ }).fill('1200');
    await access.getByRole('status').getByText('95,8%').waitFor();
    await page.getByText('Perubahan belum disimpan: 2').waitFor();

    // step: save; the values are stored as numbers, with who entered them
    await page.getByRole('button', { name: 'Simpan', exact: true }).click();
    await page.getByText('Tersimpan.', { exact: true }).waitFor();
    const stored = await storedValues(app.baseUrl, BEKASIJAYA, period);
    expect(stored.map((item) => [item.indicatorCode, item.sourceKind, item.value, item.numerator, item.denominator])).toEqual([
      [KK_TOTAL, 'routine', 1200, null, null],
      [PILLAR_1_ACCESS, 'routine', null, 1150, 1200],
    ]);

    // step: after a reload the form shows the stored values, and who last changed them
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Isi data: Bekasijaya' }).waitFor();
    await expect.poll(() => total.inputValue()).toBe('1200');
    expect(await access.getByRole('textbox', { name: /^Pembilang/ }).inputValue()).toBe('1150');
    expect(await access.getByRole('textbox', { name: /^Penyebut/ }).inputValue()).toBe('1200');
    await access.getByText(`Terakhir diubah oleh ${OFFICER.email}`, { exact: false }).waitFor();

    // step: the city page's indicator panel rolls the saved month up at once: 1150 / 1200 = 95,8%, from 1 of the 56 kelurahan
    await page.goto(`${app.baseUrl}/wilayah/${KOTA_BEKASI}`);
    await page.getByRole('heading', { level: 1, name: 'Kota Bekasi', exact: true }).waitFor();
    const panel = page.getByRole('region', { name: 'Indikator', exact: true });
    const indicatorSelect = panel.getByLabel('Indikator', { exact: true });
    await indicatorSelect.waitFor();
    expect(await indicatorSelect.inputValue()).toBe(PILLAR_1_ACCESS);
    const [savedYear, savedMonth] = [period.slice(0, 4), String(Number(period.slice(4)))];
    if ((await panel.getByLabel('Tahun', { exact: true }).inputValue()) !== savedYear) {
      await panel.getByLabel('Tahun', { exact: true }).selectOption(savedYear);
    }
    if ((await panel.getByLabel('Bulan', { exact: true }).inputValue()) !== savedMonth) {
      await panel.getByLabel('Bulan', { exact: true }).selectOption(savedMonth);
    }
    const figure = panel.getByRole('group', { name: 'Nilai Kota Bekasi' });
    await figure.getByText('95,8%', { exact: true }).waitFor();
    await figure.getByText('1.150 / 1.200', { exact: true }).waitFor();
    await figure.getByText('1 dari 56 desa/kelurahan melapor', { exact: true }).waitFor();

    // step: the kecamatan holding Bekasijaya (32.75.01, Bekasi Timur in idn-area-data) shows the same 95,8% in the children table
    const children = panel.getByRole('table', { name: 'Per wilayah di bawahnya' });
    const kecamatan = children.getByRole('row', { name: new RegExp(`^${BEKASIJAYA_KECAMATAN}\\b`) });
    await kecamatan.getByRole('cell', { name: '95,8%', exact: true }).waitFor();
    expect(await kecamatan.getByRole('link', { name: BEKASIJAYA_KECAMATAN, exact: true }).getAttribute('href')).toBe('/wilayah/32.75.01');

    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('refuses a numerator above its denominator with the server’s message at the field, and saves nothing', async () => {
    if (!app || !browser) throw new Error('beforeAll did not finish');
    // A phone, to see the message and the Save bar where a field officer would.
    const context = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    const pageErrors = collectPageErrors(page);
    const period = '202610';

    // step: the officer opens the editor for October 2026
    await page.goto(`${app.baseUrl}/masuk?next=${encodeURIComponent(`/wilayah/${BEKASIJAYA}/isi-data?periode=${period}`)}`);
    await signIn(page, OFFICER);
    await page.getByRole('heading', { level: 1, name: 'Isi data: Bekasijaya' }).waitFor();
    expect(await page.getByLabel('Bulan', { exact: true }).inputValue()).toBe('10');
    const before = await storedValues(app.baseUrl, BEKASIJAYA, period);

    // step: a valid total and a ratio whose numerator is above its denominator
    const total = page.getByRole('textbox', { name: await indicatorName(app.baseUrl, KK_TOTAL), exact: true });
    const access = page.getByRole('listitem', { name: await indicatorName(app.baseUrl, PILLAR_1_ACCESS), exact: true });
    await total.fill('1.300');
    await access.getByRole('textbox', { name: /^Pembilang/ }).fill('1.300');
    await access.getByRole('textbox', { name: /^Penyebut/ }).fill('1.200');
    await page.getByRole('button', { name: 'Simpan', exact: true }).click();

    // step: the server's words show at the ratio, which is marked invalid; the form says nothing was saved
    await access.getByText('numerator 1300 is more than denominator 1200').waitFor();
    await page.getByRole('alert').getByText('Belum ada yang disimpan', { exact: false }).waitFor();
    expect(await access.getByRole('textbox', { name: /^Pembilang/ }).getAttribute('aria-invalid')).toBe('true');
    expect(await total.getAttribute('aria-invalid')).toBeNull();
    await page.screenshot({ path: join(REPO_ROOT, '.tmp', 'e2e-accounts-phone-editor-invalid.png') });

    // step: all or nothing: not even the valid total was stored
    expect(await storedValues(app.baseUrl, BEKASIJAYA, period)).toEqual(before);

    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('asks a signed-out visitor to sign in, then returns the admin to the page they wanted', async () => {
    if (!app || !browser) throw new Error('beforeAll did not finish');
    const context = await browser.newContext();
    const page = await context.newPage();
    const pageErrors = collectPageErrors(page);

    // step: signed out, the audit trail asks for a sign-in
    await page.goto(`${app.baseUrl}/riwayat?entity=app_user`);
    await page.getByRole('heading', { level: 1, name: 'Silakan masuk' }).waitFor();

    // step: a wrong password is refused with a message; the right one leads back to the audit trail
    await page.getByRole('main').getByRole('link', { name: 'Masuk', exact: true }).click();
    await signIn(page, { email: ADMIN.email, password: 'not-the-password' });
    await page.getByRole('alert').getByText('Email atau kata sandi salah.').waitFor();
    await signIn(page, ADMIN);
    await page.waitForURL(/\/riwayat\?entity=app_user$/);
    await page.getByRole('heading', { level: 1, name: 'Riwayat perubahan' }).waitFor();

    // step: the officer's history, from their card on the users page: created, then their password set
    await page.getByRole('navigation', { name: 'Menu utama' }).getByRole('link', { name: 'Pengguna', exact: true }).click();
    await page.getByRole('listitem', { name: OFFICER.name }).getByRole('link', { name: /^Riwayat/ }).click();
    await page.waitForURL(/\/riwayat\?entity=app_user&id=[0-9a-f-]{36}$/);
    const entries = page.getByRole('list', { name: 'Perubahan' }).getByRole('listitem');
    await entries.filter({ hasText: 'Dibuat' }).getByText(OFFICER.email).first().waitFor();
    await entries.filter({ hasText: 'Diubah' }).first().waitFor();

    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('fits a 360px phone screen', async () => {
    if (!app || !browser) throw new Error('beforeAll did not finish');
    const context = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    const screenshots = join(REPO_ROOT, '.tmp');
    await mkdir(screenshots, { recursive: true });
    const shoot = async (name: string) => {
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `${name} scrolls sideways`).toBeLessThanOrEqual(0);
      await page.screenshot({ path: join(screenshots, `e2e-accounts-phone-${name}.png`), fullPage: true });
    };

    // step: the sign-in page, then the admin's pages
    await page.goto(`${app.baseUrl}/masuk?next=/pengguna`);
    await page.getByRole('heading', { level: 1, name: 'Masuk' }).waitFor();
    await shoot('sign-in');
    await signIn(page, ADMIN);
    await page.getByRole('listitem', { name: OFFICER.name }).waitFor();
    await shoot('users');

    await page.goto(`${app.baseUrl}/riwayat`);
    await page.getByRole('list', { name: 'Perubahan' }).getByRole('listitem').first().waitFor();
    await shoot('audit');

    await page.goto(`${app.baseUrl}/profil`);
    await page.getByRole('region', { name: 'Akun saya' }).waitFor();
    await shoot('profile');

    // step: a link that does not exist
    await page.goto(`${app.baseUrl}/tautan/${'x'.repeat(43)}`);
    await page.getByRole('heading', { level: 1, name: 'Tautan tidak berlaku' }).waitFor();
    await shoot('invalid-link');

    // step: the data-entry editor: one column, every box and select a comfortable tap target
    await page.goto(`${app.baseUrl}/wilayah/${BEKASIJAYA}`);
    await page.getByRole('link', { name: 'Isi data', exact: true }).waitFor();
    await shoot('area-enter-data');

    // step: the city page's indicator panel: the figure, then the kecamatan as cards, none wider than the screen
    await page.goto(`${app.baseUrl}/wilayah/${KOTA_BEKASI}`);
    const panel = page.getByRole('region', { name: 'Indikator', exact: true });
    await panel.getByRole('group', { name: 'Nilai Kota Bekasi' }).getByText('95,8%', { exact: true }).waitFor();
    await panel.getByRole('list', { name: 'Per wilayah di bawahnya' }).getByRole('listitem', { name: BEKASIJAYA_KECAMATAN }).getByText('95,8%').waitFor();
    await panel.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(screenshots, 'e2e-accounts-phone-area-indicators.png') });
    await shoot('area-indicators');
    await page.getByRole('link', { name: 'Isi data', exact: true }).click();
    await page.getByRole('button', { name: 'Simpan', exact: true }).waitFor();
    const boxes = page.getByRole('main').locator('input, select');
    expect(await boxes.count()).toBeGreaterThan(10);
    for (const height of await boxes.evaluateAll((all) => all.map((box) => box.getBoundingClientRect().height))) {
      expect(height).toBeGreaterThanOrEqual(44);
    }
    await page.screenshot({ path: join(screenshots, 'e2e-accounts-phone-editor-top.png') });
    await shoot('editor');
    await context.close();
  });

  it('turns on two-step verification for the admin, after which signing in asks for the code', async () => {
    if (!app || !browser) throw new Error('beforeAll did not finish');
    const context = await browser.newContext();
    const page = await context.newPage();
    const pageErrors = collectPageErrors(page);

    // step: on the profile, start two-step verification: a QR code and the key to type or copy
    await page.goto(`${app.baseUrl}/masuk?next=/profil`);
    await signIn(page, ADMIN);
    await page.waitForURL(/\/profil$/);
    const totp = page.getByRole('region', { name: 'Verifikasi dua langkah' });
    await totp.getByRole('button', { name: 'Aktifkan verifikasi dua langkah' }).click();
    await totp.getByRole('img', { name: 'Kode QR untuk aplikasi autentikator' }).waitFor();
    const key = await totp.getByRole('textbox', { name: 'Kunci' }).inputValue();

    // step: confirm with the code the app would show; it is on
    await totp.getByLabel('Kode 6 angka').fill(totpCode(key));
    await totp.getByRole('button', { name: 'Aktifkan', exact: true }).click();
    await totp.getByText(/^Aktif:/).waitFor();

    // step: sign out; signing in now asks for a code, refuses a wrong one, and accepts the right one
    await page.getByRole('button', { name: 'Keluar', exact: true }).click();
    await page.goto(`${app.baseUrl}/masuk?next=/profil`);
    await signIn(page, ADMIN);
    const code = page.getByLabel('Kode autentikasi');
    await code.waitFor();
    const wrong = totpCode(key) === '000000' ? '111111' : '000000';
    await code.fill(wrong);
    await page.getByRole('button', { name: 'Masuk', exact: true }).click();
    await page.getByRole('alert').getByText('Kode salah atau sudah kedaluwarsa', { exact: false }).waitFor();
    await code.fill(totpCode(key));
    await page.getByRole('button', { name: 'Masuk', exact: true }).click();
    await page.waitForURL(/\/profil$/);

    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
