import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, startApp } from './support/app.ts';
import type { RunningApp } from './support/app.ts';
import { launchChromium } from './support/browser.ts';

/** The kecamatan of Kabupaten Sumbawa Barat (52.07), in code order as the API lists them. */
const KSB_DISTRICTS = ['Jereweh', 'Taliwang', 'Seteluk', 'Sekongkang', 'Brang Rea', 'Poto Tano', 'Brang Ene', 'Maluk'];

const POLL = { timeout: 15_000 };

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
    app = await startApp();
    browser = await launchChromium();
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
    const context = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
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
    await page.screenshot({ path: join(screenshots, 'e2e-wilayah-phone.png'), fullPage: true });
    await context.close();
  });
});
