// The documentation site in a real browser (Debian's chromium through playwright-core), served from 127.0.0.1:
// the seed site and the full-corpus site, each browsed as a reader would — by mouse, without JavaScript, at phone
// width and by keyboard — with no console error, failed request or HTTP error on any page visited.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { PROJECT_ROOT } from '../src/paths.ts';
import type { SiteInput } from '../src/site/index.ts';
import { operationPage, schemaPage } from '../src/site/links.ts';
import { refName } from '../src/openapi/ref-utils.ts';
import { serveStatic, type StaticServer } from '../src/static/server.ts';
import {
  brokenLinks,
  corpusSiteInput,
  seedSiteInput,
  staticPages,
  structureProblems,
  writeSite,
  type SiteFile,
} from './helpers/site.ts';

const SCREENSHOTS = join(PROJECT_ROOT, 'test-output', 'screenshots');
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
const PHONE = { width: 375, height: 740 };

interface SiteUnderTest {
  name: string;
  input: SiteInput;
  dir: string;
  files: SiteFile[];
  server: StaticServer;
  /** A tag and the first operation listed under it. */
  tag: string;
  tagOperation: string;
  /** An operation whose success response links to a schema. */
  schemaOperation: { operationId: string; schema: string };
  search: { query: string; operationId: string };
}

let browser: Browser;
const sites: Record<'seed' | 'corpus', SiteUnderTest> = {} as never;

async function prepare(
  name: string,
  input: SiteInput,
  picks: Pick<SiteUnderTest, 'tag' | 'search'> & { schemaOperation?: string },
): Promise<SiteUnderTest> {
  const { dir, files } = await writeSite(input, name);
  const tagOperation = input.operations.find((o) => o.tag === picks.tag)!.operationId;
  const withSchema = input.operations
    .map((o) => {
      const op = Object.values(input.spec.paths)
        .flatMap((item) => Object.values(item))
        .find((x) => x.operationId === o.operationId)!;
      const success = Object.entries(op.responses).find(([status]) => status.startsWith('2'))?.[1];
      return { operationId: o.operationId, schema: refName(success?.content?.['application/json']?.schema) };
    })
    .find((o) => o.schema && (!picks.schemaOperation || o.operationId === picks.schemaOperation));
  assert.ok(withSchema?.schema, `${name}: an operation whose success response has a schema`);
  return {
    name,
    input,
    dir,
    files,
    server: await serveStatic(dir),
    ...picks,
    tagOperation,
    schemaOperation: { operationId: withSchema.operationId, schema: withSchema.schema },
  };
}

before(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  browser = await chromium.launch(LAUNCH);
  const seed = seedSiteInput();
  sites.seed = await prepare('seed', seed, {
    tag: 'Group',
    search: { query: 'join space', operationId: 'join_space' },
    schemaOperation: 'create_space_user_invite_token',
  });
  const corpus = corpusSiteInput();
  const last = corpus.operations.at(-1)!;
  sites.corpus = await prepare('corpus', corpus, {
    tag: corpus.spec.tags![0]!.name,
    search: { query: last.operationId, operationId: last.operationId },
  });
});

after(async () => {
  await browser?.close();
  for (const site of Object.values(sites)) await site.server.close();
});

/** Runs `visit` in a fresh context; fails on any console error, page error, failed request or HTTP status ≥ 400. */
async function browse(options: BrowserContextOptions, visit: (page: Page) => Promise<void>): Promise<void> {
  const context = await browser.newContext(options);
  // Nothing may leave the machine: any request off 127.0.0.1 is aborted, which counts as a failed request.
  await context.route('**/*', (route) => {
    const { protocol, hostname } = new URL(route.request().url());
    return protocol === 'file:' || hostname === '127.0.0.1' ? route.continue() : route.abort('blockedbyclient');
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

/** The viewport, or the whole page for the pages people read top to bottom. */
const shoot = (page: Page, site: SiteUnderTest, what: string, fullPage = false) =>
  page.screenshot({ path: join(SCREENSHOTS, `${site.name}-${what}.png`), fullPage });
const h1 = (page: Page) => page.locator('h1').innerText();
const summaryOf = (site: SiteUnderTest, operationId: string) =>
  site.input.operations.find((o) => o.operationId === operationId)!.summary;

for (const key of ['seed', 'corpus'] as const) {
  describe(`${key} site in the browser`, () => {
    const site = () => sites[key];
    const url = (path: string) => site().server.url + path;

    test('index → tag → operation', async () => {
      await browse({}, async (page) => {
        await page.goto(url('index.html'));
        await shoot(page, site(), 'index');
        await page
          .getByRole('navigation', { name: 'Tags' })
          .getByRole('link', { name: site().tag, exact: true })
          .click();
        assert.ok(page.url().endsWith(`#tag-${site().tag}`));
        await page.locator(`section[aria-labelledby="tag-${site().tag}"] .op-list a`).first().click();
        await page.waitForURL(`**/${operationPage(site().tagOperation)}`);
        assert.equal(await h1(page), summaryOf(site(), site().tagOperation) || site().tagOperation);
        await shoot(page, site(), 'operation', true);
      });
    });

    test('search finds an operation: the header form opens search.html with ranked results', async () => {
      const { query, operationId } = site().search;
      await browse({}, async (page) => {
        await page.goto(url('index.html'));
        await page.getByLabel('Search operations and schemas').fill(query);
        await page.getByLabel('Search operations and schemas').press('Enter');
        await page.waitForURL(/search\.html\?q=/);
        const hit = page.locator(`#results a[href="${operationPage(operationId)}"]`);
        await hit.waitFor();
        assert.equal(await page.locator('#results a').first().getAttribute('href'), operationPage(operationId));
        assert.match(await page.locator('#search-status').innerText(), /results? for/);
        await shoot(page, site(), 'search-page');
        await hit.click();
        await page.waitForURL(`**/${operationPage(operationId)}`);
        assert.equal(await h1(page), summaryOf(site(), operationId));
      });
    });

    test('opens a schema from an operation, and comes back through "Used by"', async () => {
      const { operationId, schema } = site().schemaOperation;
      await browse({}, async (page) => {
        await page.goto(url(operationPage(operationId)));
        await page
          .locator(`section[aria-labelledby="responses"] a[href$="${schemaPage(schema)}"]`)
          .first()
          .click();
        await page.waitForURL(`**/${schemaPage(schema)}`);
        assert.equal(await h1(page), schema);
        await shoot(page, site(), 'schema', true);
        await page.locator(`section[aria-labelledby="used-by"] a[href$="${operationPage(operationId)}"]`).click();
        await page.waitForURL(`**/${operationPage(operationId)}`);
      });
    });

    test('the report page lists the findings and links to what they concern', async () => {
      await browse({}, async (page) => {
        await page.goto(url('index.html'));
        await page.getByRole('navigation', { name: 'Site' }).getByRole('link', { name: 'Build report' }).click();
        await page.waitForURL('**/report.html');
        assert.equal(await h1(page), 'Build report');
        await shoot(page, site(), 'report');
        const link = page.locator('main table a[href^="operations/"]').first();
        const target = await link.getAttribute('href');
        await link.click();
        await page.waitForURL(`**/${target}`);
        assert.ok(await page.locator('#report-notes').isVisible(), 'the operation lists its report notes');
      });
    });

    test('works with JavaScript disabled: index, operation pages and the search form', async () => {
      const { query, operationId } = site().search;
      await browse({ javaScriptEnabled: false }, async (page) => {
        await page.goto(url('index.html'));
        assert.equal(await page.locator('main .op-list a').count(), site().input.operations.length);
        await page.goto(url(operationPage(operationId)));
        // The API navigation works without JavaScript too: its current tag is open.
        assert.ok(await page.locator('.api-nav a[aria-current="page"]').isVisible());
        await page.goto(url(operationPage(operationId)));
        assert.equal(await h1(page), summaryOf(site(), operationId));
        assert.ok(await page.locator('section[aria-labelledby="responses"]').isVisible());
        assert.ok(await page.locator('code.language-ts').isVisible(), 'the TypeScript sample is there');
        await shoot(page, site(), 'no-js-operation', true);
        // Without JavaScript the search page says so and leads to the API's index instead.
        await page.getByLabel('Search operations and schemas').fill(query);
        await page.getByLabel('Search operations and schemas').press('Enter');
        await page.waitForURL(/search\.html\?q=/);
        assert.match(await page.locator('main').innerText(), /Ranked search needs JavaScript/);
        await page.locator('main noscript a, main a[href="index.html"]').first().click();
        await page.waitForURL('**/index.html');
      });
    });

    test('no horizontal scroll at 375 px on index, operation, schema, report and search pages', async () => {
      const pages = [
        'index.html',
        operationPage(site().tagOperation),
        operationPage(site().schemaOperation.operationId),
        schemaPage(site().schemaOperation.schema),
        'report.html',
        'search.html',
      ];
      await browse({ viewport: PHONE }, async (page) => {
        for (const path of pages) {
          await page.goto(url(path), { waitUntil: 'networkidle' });
          const { scroll, width } = await page.evaluate(() => ({
            scroll: document.documentElement.scrollWidth,
            width: window.innerWidth,
          }));
          assert.ok(scroll <= width, `${path}: ${scroll} px wide in a ${width} px window`);
        }
        await page.goto(url(operationPage(site().tagOperation)));
        await shoot(page, site(), 'phone-operation');
      });
    });

    test('keyboard: Tab reaches the search input, then the first operation link, with a visible focus ring', async () => {
      await browse({}, async (page) => {
        await page.goto(url('index.html'));
        const firstOperation = await page.locator('main .op-list a').first().getAttribute('href');
        const reached: string[] = [];
        for (let i = 0; i < 40 && !reached.includes(firstOperation!); i++) {
          await page.keyboard.press('Tab');
          const focused = await page.evaluate(() => {
            const el = document.activeElement as HTMLElement;
            return { id: el.id, href: el.getAttribute('href'), outline: getComputedStyle(el).outlineStyle };
          });
          assert.notEqual(focused.outline, 'none', `focus on ${focused.id || focused.href} is visible`);
          reached.push(focused.href ?? `#${focused.id}`);
        }
        assert.ok(reached.includes('#search-input'), `search input reached: ${reached.join(' ')}`);
        assert.ok(
          reached.indexOf(firstOperation!) > reached.indexOf('#search-input'),
          `first operation link reached after it: ${reached.join(' ')}`,
        );
        await shoot(page, site(), 'keyboard-focus');
      });
    });

    test('the static pages also work from file:// (relative links)', async () => {
      const fileUrl = (path: string) => pathToFileURL(join(site().dir, path)).href;
      await browse({}, async (page) => {
        await page.goto(fileUrl('index.html'));
        await page.locator(`main a[href="${operationPage(site().schemaOperation.operationId)}"]`).click();
        await page
          .locator(`section[aria-labelledby="responses"] a[href$="${schemaPage(site().schemaOperation.schema)}"]`)
          .first()
          .click();
        assert.equal(await h1(page), site().schemaOperation.schema);
      });
    });

    test('the Redoc reference page loads everything from the site itself', async () => {
      await browse({}, async (page) => {
        await page.goto(url('reference.html'), { waitUntil: 'networkidle' });
        assert.equal(
          await page.locator('h1').first().innerText(),
          `${site().input.spec.info.title} (${site().input.spec.info.version})`,
        );
        await shoot(page, site(), 'reference');
      });
    });
  });
}

describe('corpus site: completeness', () => {
  test('every operation and every schema of the corpus spec has a page', () => {
    const { input, dir } = sites.corpus;
    assert.ok(input.operations.length > 200, `${input.operations.length} operations`);
    for (const op of input.operations) assert.ok(existsSync(join(dir, operationPage(op.operationId))), op.operationId);
    for (const name of Object.keys(input.spec.components.schemas))
      assert.ok(existsSync(join(dir, schemaPage(name))), name);
  });

  test('every relative link resolves, and every page has landmarks and ordered headings', () => {
    assert.deepEqual(brokenLinks(sites.corpus.files), []);
    assert.deepEqual(staticPages(sites.corpus.files).flatMap(structureProblems), []);
  });

  test('a sample of operation and schema pages open without errors', async () => {
    const { input } = sites.corpus;
    const pick = <T>(list: T[]) => [
      list[0]!,
      list[Math.floor(list.length / 3)]!,
      list[Math.floor((2 * list.length) / 3)]!,
      list.at(-1)!,
    ];
    const pages = [
      ...pick(input.operations).map((o) => operationPage(o.operationId)),
      ...pick(Object.keys(input.spec.components.schemas)).map(schemaPage),
    ];
    await browse({}, async (page) => {
      for (const path of pages) {
        await page.goto(sites.corpus.server.url + path);
        assert.ok((await h1(page)).length > 0, `${path} has a title`);
      }
    });
  });
});
