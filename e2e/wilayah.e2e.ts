import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { request } from 'playwright-core';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, startApp } from './support/app.ts';
import type { RunningApp } from './support/app.ts';
import { launchChromium } from './support/browser.ts';

/** The kecamatan of Kabupaten Sumbawa Barat (52.07), in code order as the API lists them. */
const KSB_DISTRICTS = ['Jereweh', 'Taliwang', 'Seteluk', 'Sekongkang', 'Brang Rea', 'Poto Tano', 'Brang Ene', 'Maluk'];

const POLL = { timeout: 15_000 };

/** The example data's latest month, and a village of kecamatan Taliwang that gets a real figure for it. */
const EXAMPLE_MONTH = '202506';
const TALIWANG = '52.07.02';
const LABUHAN_LALAR = '52.07.02.2001';
const ACCESS = 'STBM.DS.P1_AKSES_PCT';
const ADMIN = { name: 'Ani Admin', email: 'ani.admin@example.org', password: 'Taliwang-Jereweh-Maluk-52' };
const OFFICER = { name: 'Sari Sanitarian', email: 'sari.sanitarian@example.org', password: 'Stop-BABS-Sumbawa-Barat-2016' };

/**
 * A Sumbawa Barat data officer enters a real pillar-1 figure for Labuhan Lalar in the example
 * month, over the API (the admin from the setup link invites the officer): from then on the
 * kabupaten's and Taliwang's figures are partly example, the village's own is real.
 */
async function enterRealVillageFigure(app: RunningApp): Promise<void> {
  if (!app.log) throw new Error('this journey reads the setup link from the server log: run it without E2E_BASE_URL');
  const setupLine = await app.log.waitFor((entry) => typeof entry.url === 'string' && entry.url.includes('/tautan/'));
  const admin = await request.newContext({ baseURL: app.baseUrl });
  const officer = await request.newContext({ baseURL: app.baseUrl });
  try {
    const setup = await admin.post('/api/auth/setup', { data: { token: new URL(String(setupLine.url)).pathname.split('/').pop(), ...ADMIN } });
    expect(setup.status()).toBe(200);
    const invite = await admin.post('/api/users', {
      data: { email: OFFICER.email, name: OFFICER.name, organisationCode: '52.07', roles: ['data_officer'] },
      headers: { 'x-csrf-token': ((await setup.json()) as { csrfToken: string }).csrfToken },
    });
    expect(invite.status()).toBe(201);
    const { link } = (await invite.json()) as { link: { url: string } };
    const accept = await officer.post('/api/auth/reset', { data: { token: new URL(link.url).pathname.split('/').pop(), newPassword: OFFICER.password } });
    expect(accept.status()).toBe(204);
    const signIn = await officer.post('/api/auth/sign-in', { data: { email: OFFICER.email, password: OFFICER.password } });
    expect(signIn.status()).toBe(200);
    const saved = await officer.put('/api/observations', {
      data: { areaCode: LABUHAN_LALAR, period: EXAMPLE_MONTH, values: [{ indicatorCode: ACCESS, numerator: 180, denominator: 200 }] },
      headers: { 'x-csrf-token': ((await signIn.json()) as { csrfToken: string }).csrfToken },
    });
    expect(saved.status()).toBe(200);
  } finally {
    await admin.dispose();
    await officer.dispose();
  }
}

/** Reporting and example units of one figure, as the values API gives them. */
async function exampleCounts(app: RunningApp, area: string): Promise<{ reporting: number; exampleReporting: number }> {
  const response = await fetch(`${app.baseUrl}/api/values?indicator=${ACCESS}&area=${area}&period=${EXAMPLE_MONTH}`);
  const [figure] = ((await response.json()) as { items: Array<{ reporting: number; exampleReporting: number }> }).items;
  if (!figure) throw new Error(`no figure for ${area}`);
  return figure;
}

/** Text of every match, whitespace collapsed, once it has rendered. */
function texts(locator: Locator): Promise<string[]> {
  return locator.allTextContents().then((all) => all.map((text) => text.replace(/\s+/g, ' ').trim()));
}

/** Fails the test on any uncaught error in the page. */
function collectPageErrors(page: Page): Error[] {
  const errors: Error[] = [];
  page.on('pageerror', (error) => errors.push(error));
  return errors;
}

describe('Wilayah: finding an area and walking down its tree', () => {
  let app: RunningApp | undefined;
  let browser: Browser | undefined;

  beforeAll(async () => {
    // With the quick start's example data for Sumbawa Barat: the journey checks how figures made
    // partly or wholly of it are marked.
    const demo = process.env.KEMBAR_DEMO;
    process.env.KEMBAR_DEMO = '1';
    try {
      app = await startApp();
    } finally {
      if (demo === undefined) delete process.env.KEMBAR_DEMO;
      else process.env.KEMBAR_DEMO = demo;
    }
    browser = await launchChromium();
    await enterRealVillageFigure(app);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('searches Sumbawa Barat, opens it, then its kecamatan Taliwang, and switches to English', async () => {
    if (!app || !browser) throw new Error('beforeAll did not finish');
    const page = await browser.newPage();
    const pageErrors = collectPageErrors(page);

    // step: open the home page; it leads to the area browser, in Indonesian by default
    await page.goto(`${app.baseUrl}/`);
    await page.waitForURL(/\/wilayah$/);
    expect(await page.locator('html').getAttribute('lang')).toBe('id');
    await page.getByRole('list', { name: 'Provinsi' }).getByRole('link', { name: 'Nusa Tenggara Barat' }).waitFor();

    // step: search by name and choose the kabupaten among the results
    await page.getByLabel('Cari wilayah').fill('Sumbawa Barat');
    const results = page.getByRole('list', { name: 'Hasil pencarian' });
    await results.getByRole('link', { name: /^Kabupaten Sumbawa Barat\b/ }).click();

    // step: the kabupaten page shows its name, its counts and its 8 kecamatan
    await page.getByRole('heading', { level: 1, name: 'Kabupaten Sumbawa Barat', exact: true }).waitFor();
    expect(page.url()).toMatch(/\/wilayah\/52\.07$/);
    const counts = page.getByRole('list', { name: 'Jumlah wilayah' }).getByRole('listitem');
    expect(await texts(counts)).toEqual(['8 Kecamatan', '65 Desa/kelurahan']);
    const children = page.getByRole('list', { name: 'Wilayah di bawahnya' });
    await expect.poll(() => texts(children.getByRole('link')), POLL).toEqual(KSB_DISTRICTS.map((name) => `${name} Kecamatan`));

    // step: go down to kecamatan Taliwang
    await children.getByRole('link', { name: /^Taliwang\b/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Taliwang', exact: true }).waitFor();
    expect(page.url()).toMatch(/\/wilayah\/52\.07\.02$/);
    const breadcrumb = page.getByRole('navigation', { name: 'Letak wilayah' });
    await breadcrumb.getByRole('link', { name: 'Kabupaten Sumbawa Barat', exact: true }).waitFor();
    expect(await texts(breadcrumb.getByRole('link'))).toEqual([
      'Indonesia',
      'Nusa Tenggara Barat',
      'Kabupaten Sumbawa Barat',
      'Taliwang',
    ]);
    expect(await breadcrumb.getByRole('link', { name: 'Taliwang' }).getAttribute('aria-current')).toBe('page');

    // step: switch to English; the choice survives a reload
    await page.getByRole('button', { name: 'EN', exact: true }).click();
    await page.getByRole('list', { name: 'Areas within' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Taliwang', exact: true }).waitFor();
    await page.getByRole('list', { name: 'Areas within' }).waitFor();

    // step: back to the area browser, whose search box is now labelled in English
    await page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Areas' }).click();
    await page.getByLabel('Search areas').waitFor();
    expect(await page.getByRole('button', { name: 'EN', exact: true }).getAttribute('aria-pressed')).toBe('true');

    expect(pageErrors).toEqual([]);
    await page.close();
  });

  it('says how much of a figure is example data: all, part (how many of how many villages) or none', async () => {
    if (!app || !browser) throw new Error('beforeAll did not finish');
    const page = await browser.newPage();
    const pageErrors = collectPageErrors(page);
    const taliwang = await exampleCounts(app, TALIWANG);
    expect(taliwang.exampleReporting).toBe(taliwang.reporting - 1);
    expect(await exampleCounts(app, '52.07')).toMatchObject({ reporting: 65, exampleReporting: 64 });

    // step: the kabupaten's figure for the example month is partly example, and says so in plain sight
    await page.goto(`${app.baseUrl}/wilayah/52.07`);
    const figure = page.getByRole('group', { name: 'Nilai Kabupaten Sumbawa Barat' });
    await figure.getByText('Sebagian data contoh (64 dari 65 desa/kelurahan)', { exact: true }).waitFor(POLL);
    await figure.getByText('Dari 65 desa/kelurahan yang melapor untuk angka ini, 64 berupa data contoh', { exact: false }).waitFor();

    // step: by kecamatan, Taliwang is partly example and Jereweh wholly; Taliwang's badge explains itself on a click
    const byArea = page.getByRole('table', { name: 'Per wilayah di bawahnya' });
    const taliwangRow = byArea.getByRole('row').filter({ has: page.getByRole('link', { name: 'Taliwang', exact: true }) });
    const partly = `Sebagian data contoh (${taliwang.exampleReporting} dari ${taliwang.reporting} desa/kelurahan)`;
    await taliwangRow.getByText(partly, { exact: true }).click();
    await taliwangRow.getByText(`Dari ${taliwang.reporting} desa/kelurahan yang melapor untuk angka ini`, { exact: false }).waitFor({ state: 'visible' });
    const jerewehRow = byArea.getByRole('row').filter({ has: page.getByRole('link', { name: 'Jereweh', exact: true }) });
    await jerewehRow.getByText('Data contoh', { exact: true }).waitFor();

    // step: by village, Labuhan Lalar's own figure is real (no mark); a neighbour's is example
    const byVillage = page.getByRole('table', { name: 'Per desa/kelurahan' });
    const labuhanLalar = byVillage.getByRole('row').filter({ has: page.getByRole('link', { name: 'Labuhan Lalar' }) });
    await labuhanLalar.getByText('90,0%').waitFor();
    expect(await labuhanLalar.locator('.example-note').count()).toBe(0);
    await byVillage.getByRole('row').nth(1).getByText('Data contoh', { exact: true }).waitFor();

    // step: in English the mark reads "Partly example data (64 of 65 villages)"
    await page.getByRole('button', { name: 'EN', exact: true }).click();
    await page.getByRole('group', { name: 'Value for Kabupaten Sumbawa Barat' }).getByText('Partly example data (64 of 65 villages)', { exact: true }).waitFor();

    expect(pageErrors).toEqual([]);
    await page.close();
  });

  it('tells the user when an area code does not exist', async () => {
    if (!app || !browser) throw new Error('beforeAll did not finish');
    const page = await browser.newPage();

    // step: open a well-formed code that no area has
    await page.goto(`${app.baseUrl}/wilayah/99.99`);
    await page.getByRole('heading', { level: 1, name: 'Wilayah tidak ditemukan' }).waitFor();
    await page.getByRole('alert').waitFor();
    await page.close();
  });

  it('fits a 360px phone screen', async () => {
    if (!app || !browser) throw new Error('beforeAll did not finish');
    const phone = { width: 360, height: 740 };
    const context = await browser.newContext({ viewport: phone, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    const screenshots = join(REPO_ROOT, '.tmp');
    await mkdir(screenshots, { recursive: true });

    // step: the search with results
    await page.goto(`${app.baseUrl}/wilayah?q=Sumbawa`);
    await page.getByRole('list', { name: 'Hasil pencarian' }).getByRole('link').first().waitFor();
    await page.screenshot({ path: join(screenshots, 'e2e-wilayah-phone-search.png') });

    // step: a kabupaten page: no sideways scrolling, and every area link is a comfortable tap target
    await page.goto(`${app.baseUrl}/wilayah/52.07`);
    await page.getByRole('heading', { level: 1, name: 'Kabupaten Sumbawa Barat' }).waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    const links = page.getByRole('list', { name: 'Wilayah di bawahnya' }).getByRole('link');
    for (const box of await links.evaluateAll((all) => all.map((link) => link.getBoundingClientRect().height))) {
      expect(box).toBeGreaterThanOrEqual(44);
    }

    // step: an example mark on a kecamatan card opens its explanation on a tap (a phone has no hover)
    const card = page.getByRole('list', { name: 'Per wilayah di bawahnya' }).getByRole('listitem', { name: 'Jereweh' });
    await card.getByText('Data contoh', { exact: true }).tap();
    await card.getByText('Angka ini dihitung dari data contoh', { exact: false }).waitFor({ state: 'visible' });
    // Against the phone's width, not window.innerWidth: a mobile browser widens its layout viewport to fit what overflows.
    await page.getByRole('group', { name: 'Nilai Kabupaten Sumbawa Barat' }).getByText('Sebagian data contoh', { exact: false }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(phone.width);
    await page.screenshot({ path: join(screenshots, 'e2e-wilayah-phone.png'), fullPage: true });
    await context.close();
  });
});
