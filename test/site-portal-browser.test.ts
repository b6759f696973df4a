// The documentation portal of the four APIs (spec/<api>/openapi.yaml, as `npm run sync` builds it) in a real
// browser (Debian's chromium through playwright-core): navigation, breadcrumbs, anchors, Redoc both ways, ranked
// search across the APIs, samples and copy buttons, Try it, dark mode, report tables, accessibility (axe-core) and
// page weight; screenshots at 1280 and 375 px, light and dark, in test-output/screenshots/.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { parse } from 'yaml';
import { operationIndex } from '../src/generate/operation-index.ts';
import type { Spec } from '../src/openapi/spec-types.ts';
import { PROJECT_ROOT } from '../src/paths.ts';
import { portalArtifacts, type ApiSiteInput } from '../src/site/index.ts';
import { profileOf } from '../src/apis/registry.ts';
import { serveStatic, type StaticServer } from '../src/static/server.ts';
import { startServer } from '../src/server/index.ts';
import { brokenLinks, staticPages, structureProblems } from './helpers/site.ts';

const SCREENSHOTS = join(PROJECT_ROOT, 'test-output', 'screenshots');
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const LAUNCH = {
  executablePath: '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
};
const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 375, height: 740 };
const APIS = ['luma', 'onepanel', 'oneprovider', 'onezone'];
// From spec/onezone/openapi.yaml: POST /spaces, and an operation of the Space tag with a documented cURL id.
const CREATE_SPACE = 'onezone/operations/create_space.html';
const INVITE = 'onezone/operations/create_space_user_invite_token.html';
const INVITE_ID = '9ueUeoZA6KXxNgzlvqmmrbzqE_BQiaHEEDC21sY1Kuc';
const SCHEMA = 'onezone/schemas/SpaceInviteToken.html';

let browser: Browser;
let server: StaticServer;
let dir: string;
let files: { path: string; content: string }[];
const inputs: ApiSiteInput[] = APIS.map((api) => {
  const specYamlText = readFileSync(join(PROJECT_ROOT, 'spec', api, 'openapi.yaml'), 'utf8');
  const spec = parse(specYamlText) as Spec;
  return {
    api,
    spec,
    specYamlText,
    specPath: `spec/${api}/openapi.yaml`,
    report: JSON.parse(readFileSync(join(PROJECT_ROOT, 'spec', api, 'report.json'), 'utf8')),
    operations: operationIndex(spec),
    mockPort: profileOf(api)!.mockPort,
  };
});
const file = (path: string) => files.find((f) => f.path === path)!.content;

before(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const root = mkdtempSync(join(tmpdir(), 'onezone-portal-'));
  const artifacts = await portalArtifacts(inputs);
  for (const a of artifacts) {
    mkdirSync(dirname(join(root, a.path)), { recursive: true });
    writeFileSync(join(root, a.path), a.content);
  }
  dir = join(root, 'site');
  files = artifacts.map((a) => ({ path: a.path.replace(/^site\//, ''), content: a.content }));
  server = await serveStatic(dir);
  browser = await chromium.launch(LAUNCH);
});

after(async () => {
  await browser?.close();
  await server?.close();
});

const url = (path: string) => server.url + path;

/** A fresh context; fails on any console error, page error, failed request or HTTP error. Off-machine requests abort. */
async function browse(options: BrowserContextOptions, visit: (page: Page) => Promise<void>): Promise<void> {
  const context = await browser.newContext(options);
  await context.route('**/*', (route) => {
    const { hostname } = new URL(route.request().url());
    return hostname === '127.0.0.1' ? route.continue() : route.abort('blockedbyclient');
  });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(`console error on ${page.url()}: ${m.text()}`));
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

const shoot = (page: Page, name: string, fullPage = false) =>
  page.screenshot({ path: join(SCREENSHOTS, `portal-${name}.png`), fullPage });

/** Search results (links in #results) for a deep-linked query, best first. */
async function searchResults(page: Page, query: string): Promise<{ href: string; text: string }[]> {
  await page.goto(url(`search.html?q=${encodeURIComponent(query)}`));
  await page
    .locator('#search-status')
    .filter({ hasText: /result/ })
    .waitFor();
  return page
    .locator('#results a')
    .evaluateAll((links) => links.map((a) => ({ href: a.getAttribute('href') ?? '', text: a.textContent ?? '' })));
}

describe('portal: pages and links (no browser)', () => {
  test('every relative link resolves; every page has landmarks, one h1 and ordered headings', () => {
    assert.deepEqual(brokenLinks(files), []);
    const pages = staticPages(files).filter((f) => !f.path.endsWith('reference.html'));
    assert.deepEqual(pages.flatMap(structureProblems), []);
  });

  test('the search index is ≤ 150 KiB gzipped; an operation page with its CSS and JS is ≤ 50 KiB', () => {
    const index = gzipSync(file('search-index.json')).length;
    assert.ok(index <= 150 * 1024, `search-index.json: ${index} bytes gzipped`);
    const heaviest = files
      .filter((f) => /^[a-z]+\/operations\//.test(f.path))
      .sort((a, b) => b.content.length - a.content.length)[0]!;
    const assets = Buffer.byteLength(file('assets/site.css')) + Buffer.byteLength(file('assets/site.js'));
    const raw = Buffer.byteLength(heaviest.content) + assets;
    assert.ok(raw <= 50 * 1024, `${heaviest.path} + site.css + site.js: ${raw} bytes uncompressed`);
  });
});

describe('portal in the browser', () => {
  test('home lists the four APIs with version, operation count and how to authenticate', async () => {
    await browse({ viewport: DESKTOP }, async (page) => {
      await page.goto(url('index.html'));
      const cards = page.locator('.api-card');
      assert.equal(await cards.count(), 4);
      for (const { spec } of inputs) {
        const card = cards.filter({ has: page.getByRole('heading', { name: spec.info.title, exact: true }) });
        const text = await card.innerText();
        const count = Object.values(spec.paths).reduce((n, item) => n + Object.keys(item).length, 0);
        assert.match(text, new RegExp(`Version\\s+${spec.info.version.replace(/\./g, '\\.')}`));
        assert.match(text, new RegExp(`Operations\\s+${count}\\b`));
        const schemes = Object.values(spec.components.securitySchemes ?? {});
        if (schemes.some((s) => s.type === 'apiKey')) assert.match(text, /X-Auth-Token header/);
        if (schemes.some((s) => s.type === 'http')) assert.match(text, /HTTP basic/);
      }
      await page.locator('#api-onezone').getByRole('link', { name: 'Onezone', exact: true }).click();
      await page.waitForURL('**/onezone/index.html');
    });
  });

  test('operation page: API navigation beside it at 1280 px, folded on a phone, working without JavaScript', async () => {
    for (const javaScriptEnabled of [true, false]) {
      await browse({ viewport: DESKTOP, javaScriptEnabled }, async (page) => {
        await page.goto(url(INVITE));
        const nav = page.getByRole('navigation', { name: 'Onezone API' });
        // Tags → operations: the current tag is open, the page marked.
        const current = nav.locator('a[aria-current="page"]');
        assert.ok(await current.isVisible(), 'the current operation is visible in the navigation');
        assert.equal(await current.innerText(), 'Create space user invite token');
        await nav.locator('summary', { hasText: /^Group/ }).click();
        await nav.getByRole('link', { name: 'Create child group invitation token' }).click();
        await page.waitForURL('**/onezone/operations/create_child_group_token.html');
        assert.equal(await page.locator('h1').innerText(), 'Create child group invitation token');
      });
    }
    await browse({ viewport: PHONE }, async (page) => {
      await page.goto(url(INVITE));
      const nav = page.getByRole('navigation', { name: 'Onezone API' });
      assert.equal(await nav.locator('a[aria-current="page"]').isVisible(), false, 'folded away on a phone');
      await nav.locator('summary').first().click();
      assert.ok(await nav.locator('a[aria-current="page"]').isVisible(), 'unfolds on a tap');
    });
  });

  test('breadcrumbs Home › API › tag › operation, and visible heading anchors', async () => {
    await browse({ viewport: DESKTOP }, async (page) => {
      await page.goto(url(INVITE));
      const crumbs = page.getByRole('navigation', { name: 'Breadcrumb' });
      assert.deepEqual(await crumbs.locator('li').allInnerTexts(), [
        'Home',
        'Onezone',
        'Space',
        'Create space user invite token',
      ]);
      const anchor = page.locator('#parameters a.anchor');
      await page.locator('#parameters').hover();
      assert.ok(await anchor.isVisible());
      assert.equal(await anchor.getAttribute('href'), '#parameters');
      await anchor.click();
      assert.ok(page.url().endsWith('#parameters'));
      await crumbs.getByRole('link', { name: 'Space' }).click();
      await page.waitForURL('**/onezone/index.html#tag-Space');
      await page.goto(url(INVITE));
      await crumbs.getByRole('link', { name: 'Home' }).click();
      await page.waitForURL(/\/index\.html$/);
      assert.equal(await page.locator('h1').innerText(), 'Onedata REST APIs');
    });
  });

  test('an operation page links to its Redoc section, and Redoc links back to the static page', async () => {
    await browse({ viewport: DESKTOP }, async (page) => {
      await page.goto(url(INVITE));
      await page.getByRole('link', { name: 'This operation in the Redoc reference' }).click();
      await page.waitForURL('**/onezone/reference.html#/space/create_space_user_invite_token');
      const section = page.locator('[data-section-id="/space/create_space_user_invite_token"]');
      await section.waitFor();
      assert.match(await section.innerText(), /Create space user invite token/);
      const back = page.getByRole('navigation', { name: 'Static pages' }).getByRole('link', {
        name: 'This operation as a static page',
      });
      await back.click();
      await page.waitForURL(`**/${INVITE}`);
    });
  });

  test('search: ranked, across the APIs, deep-linkable, keyboard-usable; the index loads only on the search page', async () => {
    await browse({ viewport: DESKTOP }, async (page) => {
      const requested: string[] = [];
      page.on('request', (r) => requested.push(r.url()));
      await page.goto(url(INVITE));
      await page.waitForLoadState('networkidle');
      assert.ok(!requested.some((u) => /search-index|minisearch/.test(u)), 'an operation page loads no search index');

      const space = await searchResults(page, 'space');
      const rank = space.findIndex((r) => r.href === CREATE_SPACE);
      assert.ok(rank >= 0 && rank < 3, `POST /spaces is result ${rank + 1} for "space"`);
      assert.match(space[rank]!.text, /POST\s*\/spaces\s*Create new space/);
      await shoot(page, 'search-space');
      for (const query of ['space_invite_user', 'X-Auth-Token', 'Location']) {
        const hits = await searchResults(page, query);
        assert.ok(hits.length >= 1, `"${query}": ${hits.length} results`);
      }
      assert.ok((await searchResults(page, 'space_invite_user')).some((r) => r.href === INVITE));
      const invite = await searchResults(page, 'invite token');
      assert.ok(
        invite.some((r) => r.text.includes('Create child group invitation token')),
        invite.map((r) => r.text).join('\n'),
      );
      // Results name their API.
      const luma = await searchResults(page, 'user mapping');
      assert.ok((await page.locator('#results li').first().innerText()).includes('LUMA'), JSON.stringify(luma[0]));

      // The header's search form leads here, the URL follows the query, and the keyboard walks the results.
      await page.goto(url(INVITE));
      await page.getByLabel('Search operations and schemas').fill('create space');
      await page.getByLabel('Search operations and schemas').press('Enter');
      await page.waitForURL(/search\.html\?q=create\+space|search\.html\?q=create%20space/);
      await page.locator('#results a').first().waitFor();
      await page.getByLabel('Search operations and schemas').fill('join space');
      await page.waitForURL(/q=join%20space/);
      await page.locator('#results a').first().waitFor();
      await page.getByLabel('Search operations and schemas').press('ArrowDown');
      const first = await page.locator('#results a').first().getAttribute('href');
      assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('href')), first);
      await page.keyboard.press('ArrowDown');
      const second = await page.locator('#results a').nth(1).getAttribute('href');
      assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('href')), second);
      await page.keyboard.press('Escape');
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'search-input');
      await page.getByLabel('Search operations and schemas').press('ArrowDown');
      await page.keyboard.press('Enter');
      await page.waitForURL(`**/${first}`);
    });
  });

  test('samples: documented ids, each once, highlighted; copy buttons added by script only', async () => {
    await browse({ viewport: DESKTOP, permissions: ['clipboard-read', 'clipboard-write'] }, async (page) => {
      await page.goto(url(INVITE));
      const samples = page.locator('section[aria-labelledby="samples"]');
      const text = await page.locator('main').innerText();
      assert.equal(text.split(`/spaces/${INVITE_ID}/users/token`).length - 1, 2, 'the cURL sample and Try it');
      assert.match(await samples.locator('code.language-ts').innerText(), new RegExp(`id: '${INVITE_ID}'`));
      assert.ok((await samples.locator('code.language-bash span.tok-k').count()) >= 1, 'highlighted');
      const row = page.locator('section[aria-labelledby="parameters"] tr', { hasText: 'Space ID.' });
      assert.match(await row.innerText(), new RegExp(`Example: "${INVITE_ID}"`));
      const auth = await page.locator('section[aria-labelledby="authorization"]').innerText();
      assert.match(auth, /Authentication: either a token in the X-Auth-Token header or HTTP basic/);
      assert.match(auth, /space_invite_user/);
      const copy = samples.getByRole('button', { name: 'Copy code to the clipboard' }).first();
      await copy.click();
      assert.match(await page.evaluate(() => navigator.clipboard.readText()), /^curl -u username:password -X POST/);
      assert.equal(await copy.innerText(), 'Copied');
      await shoot(page, 'operation-1280-light', true);
    });
    await browse({ viewport: DESKTOP, javaScriptEnabled: false }, async (page) => {
      await page.goto(url(INVITE));
      assert.equal(await page.locator('button.copy').count(), 0);
      assert.ok(await page.locator('code.language-ts').isVisible());
    });
  });

  test('Try it sends the documented request and shows status, headers and body', async () => {
    // The pages' CSP (src/static/server.ts) must allow connecting to the API server for this to work in a
    // browser; bypassCSP stands in for that here, and the API server is simulated (CORS headers included).
    await browse({ viewport: DESKTOP, bypassCSP: true }, async (page) => {
      const seen: { method: string; url: string; headers: Record<string, string> }[] = [];
      await page.route('http://127.0.0.1:8080/**', async (route) => {
        const r = route.request();
        seen.push({ method: r.method(), url: r.url(), headers: await r.allHeaders() });
        await route.fulfill({
          status: 200,
          headers: {
            'content-type': 'application/json',
            'access-control-allow-origin': '*',
            'access-control-expose-headers': 'x-stub',
            'x-stub': 'true',
          },
          body: JSON.stringify({ token: 'JKAxNWxvY2F0aW9uIG9uZXpvbmUK' }),
        });
      });
      await page.goto(url(INVITE));
      const form = page.locator('form.try-it');
      assert.match(await form.innerText(), /admin/);
      assert.match(await form.innerText(), /http:\/\/127\.0\.0\.1:8080\/api\/v3\/onezone/);
      assert.match(await form.innerText(), /http:\/\/127\.0\.0\.1:4013/);
      await form.getByRole('button', { name: 'Send request' }).click();
      await form.locator('.try-status').waitFor();
      const shown = await form.locator('.try-response').innerText();
      assert.match(
        shown,
        /^200 OK from http:\/\/127\.0\.0\.1:8080\/api\/v3\/onezone\/spaces\/9ueUeoZA6KXxNgzlvqmmrbzqE_BQiaHEEDC21sY1Kuc\/users\/token/,
      );
      assert.match(shown, /x-stub: true/);
      assert.match(shown, /"token": "JKAxNWxvY2F0aW9uIG9uZXpvbmUK"/);
      const sent = seen.find((s) => s.method === 'POST')!;
      assert.equal(sent.url, `http://127.0.0.1:8080/api/v3/onezone/spaces/${INVITE_ID}/users/token`);
      assert.equal(sent.headers['x-auth-token'], 'admin-token-3f9c1e7a5b2d4c8e');
      await shoot(page, 'try-it');
    });
  });

  test('Try it against the real validating server (CORS from the portal origin): status, headers and body', async () => {
    // The validating server on a free port, allowing the portal's origin; the form's target is pointed at it.
    const origin = new URL(server.url).origin;
    const api = await startServer({ port: 0, corsOrigins: [origin] });
    try {
      await browse({ viewport: DESKTOP, bypassCSP: true }, async (page) => {
        await page.goto(url('onezone/operations/get_user.html'));
        const form = page.locator('form.try-it');
        await form
          .locator('input[name="target"]')
          .first()
          .evaluate((input, base) => {
            (input as HTMLInputElement).value = base;
          }, api.urls.onezone!);
        await form.getByRole('button', { name: 'Send request' }).click();
        await form.locator('.try-status').waitFor();
        const shown = await form.locator('.try-response').innerText();
        assert.match(shown, new RegExp(`^200 OK from ${api.urls.onezone!.replace(/[.]/g, '\\.')}/user`));
        assert.match(shown, /content-type: application\/json/);
        assert.match(shown, /"userId"|"name"/);
      });
    } finally {
      await api.close();
    }
  });

  test('dark mode follows prefers-color-scheme; screenshots at 1280 and 375 px, light and dark', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      for (const [width, viewport] of [
        [1280, DESKTOP],
        [375, PHONE],
      ] as const) {
        await browse({ viewport, colorScheme }, async (page) => {
          for (const [name, path] of [
            ['home', 'index.html'],
            ['operation', INVITE],
            ['schema', SCHEMA],
            ['search', 'search.html?q=space'],
            ['report', 'onezone/report.html'],
          ] as const) {
            await page.goto(url(path));
            if (name === 'search') await page.locator('#results a').first().waitFor();
            const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
            assert.equal(background, colorScheme === 'dark' ? 'rgb(20, 24, 28)' : 'rgb(255, 255, 255)', path);
            const { scroll, inner } = await page.evaluate(() => ({
              scroll: document.documentElement.scrollWidth,
              inner: window.innerWidth,
            }));
            assert.ok(scroll <= inner, `${path}: ${scroll} px wide in ${inner} px`);
            await shoot(page, `${name}-${width}-${colorScheme}`);
          }
        });
      }
    }
  });

  test('report tables wrap between words at 1280 and 375 px, and name operations by their operationIds', async () => {
    for (const viewport of [DESKTOP, PHONE]) {
      await browse({ viewport }, async (page) => {
        await page.goto(url('onezone/report.html'));
        const broken = await page.evaluate(() => {
          const found: string[] = [];
          const cells = [...document.querySelectorAll('main table td')].slice(0, 400);
          for (const cell of cells) {
            const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
            for (let node = walker.nextNode(); node; node = walker.nextNode()) {
              if (node.parentElement?.closest('code, pre, details')) continue;
              const text = node.textContent ?? '';
              for (const m of text.matchAll(/[A-Za-z]{4,}/g)) {
                const range = document.createRange();
                range.setStart(node, m.index!);
                range.setEnd(node, m.index! + m[0].length);
                const tops = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
                if (tops.size > 1) found.push(m[0]);
              }
            }
          }
          return found;
        });
        assert.deepEqual(broken, [], `words split across lines at ${viewport.width} px`);
      });
    }
    const report = file('onezone/report.html');
    assert.match(
      report,
      /<a href="operations\/createUserGroupInviteToken.html"><code>createUserGroupInviteToken<\/code><\/a> <span class="muted">\(was <code>create_user_group_invite_token<\/code>\)/,
    );
    assert.doesNotMatch(report, />create_user_group_invite_token<\/a>/);
  });

  test('axe-core: no serious or critical violation on the home, operation, schema, search and report pages', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      // axe is injected as an inline script: the pages' CSP would refuse it.
      await browse({ viewport: DESKTOP, colorScheme, bypassCSP: true }, async (page) => {
        for (const path of ['index.html', INVITE, SCHEMA, 'search.html?q=space', 'onezone/report.html']) {
          await page.goto(url(path));
          if (path.startsWith('search')) await page.locator('#results a').first().waitFor();
          await page.addScriptTag({ content: AXE });
          const violations = await page.evaluate(async () => {
            const result = await (
              window as unknown as { axe: { run(): Promise<{ violations: unknown[] }> } }
            ).axe.run();
            return (result.violations as { id: string; impact: string; nodes: { target: string[] }[] }[])
              .filter((v) => v.impact === 'serious' || v.impact === 'critical')
              .map(
                (v) =>
                  `${v.id} (${v.impact}): ${v.nodes
                    .slice(0, 3)
                    .map((n) => n.target.join(' '))
                    .join(', ')}`,
              );
          });
          assert.deepEqual(violations, [], `${path} (${colorScheme})`);
        }
      });
    }
  });

  test('print styles hide the navigation, search and Try it', async () => {
    await browse({ viewport: DESKTOP }, async (page) => {
      await page.goto(url(INVITE));
      await page.emulateMedia({ media: 'print' });
      for (const selector of ['.site-header', '.api-nav', 'form.try-it'])
        assert.equal(await page.locator(selector).isVisible(), false, selector);
      assert.ok(await page.locator('section[aria-labelledby="responses"]').isVisible());
    });
  });
});
