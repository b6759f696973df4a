// The portal of every release in a real browser (Debian's chromium through playwright-core), JavaScript off: the
// release switcher from a Onezone 17.06.0-rc8 operation page to its 3.0.0-rc15 page, and the "What changed" page
// with its breaking changes first; with JavaScript, the search scoped to a release. Titles and privileges are the
// docs pages' (spec/onezone/docs/<release>/operations/remove_group.md).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { portalArtifacts } from '../src/site/index.ts';
import { serveStatic, type StaticServer } from '../src/static/server.ts';
import { releasePortalInputs } from './helpers/release-portal.ts';

const LAUNCH = {
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-sync'],
};

let browser: Browser;
let server: StaticServer;
let root: string;

before(async () => {
  root = mkdtempSync(join(tmpdir(), 'onezone-releases-'));
  const { apis, releases } = releasePortalInputs();
  for (const a of await portalArtifacts(apis, releases)) {
    mkdirSync(dirname(join(root, a.path)), { recursive: true });
    writeFileSync(join(root, a.path), a.content);
  }
  server = await serveStatic(join(root, 'site'));
  browser = await chromium.launch(LAUNCH);
});

after(async () => {
  await browser?.close();
  await server?.close();
  if (root) rmSync(root, { recursive: true, force: true });
});

const url = (path: string) => server.url + path;

/** A fresh context that fails on any page error, failed request or HTTP error; nothing leaves the machine. */
async function browse(options: BrowserContextOptions, visit: (page: Page) => Promise<void>): Promise<void> {
  const context = await browser.newContext(options);
  await context.route('**/*', (route) =>
    new URL(route.request().url()).hostname === '127.0.0.1' ? route.continue() : route.abort('blockedbyclient'),
  );
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`page error on ${page.url()}: ${e.message}`));
  page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()} (${r.failure()?.errorText})`));
  page.on('response', (r) => r.status() >= 400 && problems.push(`HTTP ${r.status()}: ${r.url()}`));
  try {
    await visit(page);
  } finally {
    await context.close();
  }
  assert.deepEqual(problems, []);
}

describe('portal of every release in the browser', () => {
  test('without JavaScript, the switcher leads from Onezone 17.06.0-rc8 remove_group to its 3.0.0-rc15 page', async () => {
    await browse({ javaScriptEnabled: false }, async (page) => {
      await page.goto(url('onezone/operations/remove_group.html'));
      const releases = page.getByRole('navigation', { name: 'Releases' });
      assert.match(await page.locator('main').innerText(), /group_delete/);
      await releases.getByRole('link', { name: '3.0.0-rc15', exact: true }).click();
      await page.waitForURL('**/onezone/3.0.0-rc15/operations/remove_group.html');
      assert.equal(await page.locator('h1').innerText(), 'Remove group');
      assert.match(await page.locator('main').innerText(), /group_remove/);
      assert.equal(
        await releases.locator('[aria-current="true"]').innerText(),
        '3.0.0-rc15',
        'the switcher marks the release shown',
      );
      // And back: the default release's page of the same operation.
      await releases.getByRole('link', { name: '17.06.0-rc8', exact: true }).click();
      await page.waitForURL('**/onezone/operations/remove_group.html');
    });
  });

  test('without JavaScript, "What changed" lists DELETE /groups/{id} under Breaking changes, the first section', async () => {
    await browse({ javaScriptEnabled: false }, async (page) => {
      await page.goto(url('onezone/operations/remove_group.html'));
      const releases = page.getByRole('navigation', { name: 'Releases' });
      await releases.getByRole('link', { name: '3.0.0-rc15 → 17.06.0-rc8' }).click();
      await page.waitForURL('**/onezone/changes/3.0.0-rc15..17.06.0-rc8.html');
      const first = page.locator('main section').first();
      assert.equal(await first.locator('h2').innerText(), 'Breaking changes #');
      const entry = first.locator('article', { has: page.locator('h3#op-delete--groups-id-') });
      const text = await entry.innerText();
      assert.match(text, /DELETE \/groups\/\{id\}/);
      assert.match(text, /privilege group_remove no longer suffices \(now: group_delete\)/);
      assert.match(text, /spec\/onezone\/docs\/3\.0\.0-rc15\/operations\/remove_group\.md:3/);
    });
  });

  test('search scoped to 3.0.0-rc15 finds the 3.0.0-rc15 pages', async () => {
    await browse({}, async (page) => {
      await page.goto(url('search.html?q=remove%20group&release=3.0.0-rc15'));
      await page
        .locator('#search-status')
        .filter({ hasText: /result/ })
        .waitFor();
      assert.equal(await page.locator('#search-release').inputValue(), '3.0.0-rc15');
      const hrefs = await page.locator('#results a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      assert.ok(hrefs.includes('onezone/3.0.0-rc15/operations/remove_group.html'), hrefs.join(' '));
      assert.ok(hrefs.every((h) => /\/3\.0\.0-rc15\//.test(h ?? '')));
      await page.locator('#search-release').selectOption('17.06.0-rc8');
      await page.waitForURL((u) => !u.search.includes('release='));
      await page.locator('#results a[href="onezone/operations/remove_group.html"]').waitFor();
    });
  });
});
