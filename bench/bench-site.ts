// npm run bench:site [-- <docs-dir>]: builds the full-corpus documentation site, serves it on 127.0.0.1 and, in one
// browser run, loads an operation page and Redoc's reference page of the same spec in turn: bytes transferred
// for everything each page loads (CDP Network events) and first-contentful-paint, twice — on the bare loopback,
// and under a phone profile (Lighthouse's mobile throttling: 4× slower CPU, 150 ms round trips, 1.6 Mbit/s).
// Prints medians and ratios against the targets: ≤ 50 KiB, first paint ≤ 1/3 of Redoc's.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { chromium, type Browser, type CDPSession, type Page } from 'playwright-core';
import { docSetDir, PROJECT_ROOT } from '../src/paths.ts';
import { operationIndex } from '../src/generate/operation-index.ts';
import type { Spec } from '../src/openapi/spec-types.ts';
import { buildSpec } from '../src/rebuild/build.ts';
import { specYaml } from '../src/rebuild/emit/yaml.ts';
import { reportJson } from '../src/rebuild/report/render.ts';
import { siteArtifacts } from '../src/site/index.ts';
import { REFERENCE_PAGE } from '../src/site/links.ts';
import { serveStatic } from '../src/static/server.ts';
import { existingDir, parseCommand } from '../src/cli/args.ts';

const CORPUS = docSetDir('onezone');
const {
  positionals: [docsDir],
} = parseCommand({
  name: 'bench:site',
  usage: 'usage: npm run bench:site -- [docs-dir]',
  summary: 'Bytes and first paint of an operation page vs the Redoc page, on loopback and a phone profile.',
  options: {},
  positionals: [
    {
      name: 'docs-dir',
      default: CORPUS,
      defaultText: 'spec/onezone/docs/17.06.0-rc8',
      parse: existingDir,
      help: 'the doc directory to build the site from',
    },
  ],
});
const ROUNDS = 7;
const BUDGET = 50 * 1024;
const PHONE = {
  latency: 150,
  downloadThroughput: (1.6 * 1024 * 1024) / 8,
  uploadThroughput: (750 * 1024) / 8,
  cpuSlowdown: 4,
};

interface Tab {
  page: Page;
  cdp: CDPSession;
  transferred: number;
  requests: number;
}

/** A tab of its own for each page (the renderer stays warm, as when reading page after page, and Redoc's heavy
 * page cannot slow down the next load of ours); HTTP cache off. */
async function openTab(browser: Browser, phone: boolean): Promise<Tab> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const tab: Tab = { page, cdp, transferred: 0, requests: 0 };
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  cdp.on('Network.loadingFinished', (e) => {
    tab.transferred += e.encodedDataLength;
    tab.requests++;
  });
  if (phone) {
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: PHONE.latency,
      downloadThroughput: PHONE.downloadThroughput,
      uploadThroughput: PHONE.uploadThroughput,
    });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: PHONE.cpuSlowdown });
  }
  return tab;
}

/** First paint of a fresh load; on the loopback also waits for everything the page loads and counts its bytes. */
async function load(
  tab: Tab,
  url: string,
  complete: boolean,
): Promise<{ fcp: number; transferred: number; requests: number }> {
  await tab.page.bringToFront(); // a background tab paints late
  await tab.page.goto('about:blank');
  tab.transferred = 0;
  tab.requests = 0;
  await tab.page.goto(url, { waitUntil: complete ? 'networkidle' : 'commit' });
  const fcp = await tab.page.evaluate(
    () =>
      new Promise<number>((resolve) =>
        new PerformanceObserver((list) => {
          const entry = list.getEntriesByName('first-contentful-paint')[0];
          if (entry) resolve(entry.startTime);
        }).observe({ type: 'paint', buffered: true }),
      ),
  );
  return { fcp, transferred: tab.transferred, requests: tab.requests };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

const result = buildSpec({
  manifestPath: join(PROJECT_ROOT, 'spec', 'onezone', 'sources.yaml'),
  docsDir,
  displayRoot: docsDir,
});
const spec = result.document as unknown as Spec;
const files = await siteArtifacts({
  spec,
  report: JSON.parse(reportJson(result)),
  operations: operationIndex(spec),
  specYamlText: specYaml(result.document, 'bench'),
  specPath: 'spec/onezone/openapi.yaml',
});
const root = mkdtempSync(join(tmpdir(), 'bench-site-'));
for (const f of files) {
  mkdirSync(dirname(join(root, f.path)), { recursive: true });
  writeFileSync(join(root, f.path), f.content);
}
// The heaviest operation page: the budget holds for every page if it holds for this one.
const heaviest = files
  .filter((f) => f.path.startsWith('site/operations/'))
  .sort((a, b) => Buffer.byteLength(b.content) - Buffer.byteLength(a.content))[0]!;
const operationPath = heaviest.path.replace(/^site\//, '');
// An empty page shows how much of a first paint is the browser's own floor (bench only, not part of the site).
const EMPTY_PAGE = 'bench-empty.html';
writeFileSync(
  join(root, 'site', EMPTY_PAGE),
  '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>empty</title><link rel="icon" href="data:,"></head><body><p>.</p></body></html>',
);
const server = await serveStatic(join(root, 'site'));
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});

console.log(
  `corpus: ${docsDir} (${result.operations.length} operations); operation page: ${operationPath} (the largest)`,
);
console.log(`medians of ${ROUNDS} loads of each page, alternating, HTTP cache off, same browser run`);
try {
  for (const phone of [false, true]) {
    const [ourTab, redocTab] = [await openTab(browser, phone), await openTab(browser, phone)];
    const ours: Awaited<ReturnType<typeof load>>[] = [];
    const redoc: Awaited<ReturnType<typeof load>>[] = [];
    const empty: number[] = [];
    // One warm-up load each, then alternate so neither page gets a quieter machine.
    for (let i = 0; i <= ROUNDS; i++) {
      const [o, r] = [
        await load(ourTab, server.url + operationPath, !phone),
        await load(redocTab, server.url + REFERENCE_PAGE, !phone),
      ];
      const e = await load(ourTab, server.url + EMPTY_PAGE, !phone);
      if (i > 0) {
        ours.push(o);
        redoc.push(r);
        empty.push(e.fcp);
      }
    }
    const [o, r] = [median(ours.map((l) => l.fcp)), median(redoc.map((l) => l.fcp))];
    const ratio = o / r;
    const profile = phone
      ? `phone profile (${PHONE.cpuSlowdown}× CPU, ${PHONE.latency} ms RTT, 1.6 Mbit/s)`
      : 'loopback, no throttling';
    console.log(`\n${profile}`);
    if (!phone) {
      const [ot, rt] = [median(ours.map((l) => l.transferred)), median(redoc.map((l) => l.transferred))];
      console.log(
        `  transferred: operation page ${kib(ot)} in ${ours[0]!.requests} requests (target ≤ ${kib(BUDGET)}: ${ot <= BUDGET ? 'ok' : 'MISSED'}); Redoc ${kib(rt)} in ${redoc[0]!.requests} requests; ${(rt / ot).toFixed(0)}× less`,
      );
    }
    console.log(
      `  first contentful paint: operation page ${o.toFixed(0)} ms, Redoc ${r.toFixed(0)} ms; ratio ${ratio.toFixed(2)} (target ≤ 0.33: ${ratio <= 1 / 3 ? 'ok' : 'MISSED'})`,
    );
    console.log(`  an empty page paints at ${median(empty).toFixed(0)} ms here: the floor under both`);
    for (const tab of [ourTab, redocTab]) await tab.page.context().close();
  }
} finally {
  await browser.close();
  await server.close();
}
