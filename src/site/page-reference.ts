// reference.html: Redocly's `build-docs` (Redoc 3, prerendered) of the same spec. @redocly/cli has no Node API for
// it, so the CLI runs on a temporary copy of the spec; its page is then pointed at a local copy of the Redoc
// bundle the CLI ships (it would load it from Redocly's CDN), so the site loads nothing from elsewhere.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { anchorId, INDEX_PAGE, REDOC_ASSET, REFERENCE_PAGE, redocTagSlug } from './links.ts';
import type { SiteModel } from './site-model.ts';
import { escapeHtml } from './html.ts';
import { PROJECT_ROOT } from '../paths.ts';
import { cacheDir, fileMemo, packageVersion } from '../sync/memo.ts';

/** What the way back from Redoc to the static pages needs: the API's index, the home page, Redoc's tag slugs. */
export interface ReferenceLinks {
  home?: string;
  /** Redoc tag slug → the tag's fragment on the index page. */
  tags: Record<string, string>;
  /** The Redoc pages of the API's other releases. */
  releases?: { label: string; href: string }[];
}

export function referenceLinks(model: SiteModel): ReferenceLinks {
  const tags: Record<string, string> = {};
  for (const o of model.operations) if (o.entry.tag) tags[redocTagSlug(o.entry.tag)] = anchorId('tag', o.entry.tag);
  return { ...(model.site.home ? { home: model.site.home } : {}), tags };
}

/** A fixed box on Redoc's page: the static page of what Redoc shows (its hash route followed), and home. */
function backLinks(links: ReferenceLinks): string {
  const home = links.home ? ` · <a href="${links.home}" style="color:#0b57a4">All APIs</a>` : '';
  const releases = (links.releases ?? [])
    .map((r) => ` · <a href="${escapeHtml(r.href)}" style="color:#0b57a4">${escapeHtml(r.label)}</a>`)
    .join('');
  const boxStyle =
    'position:fixed;z-index:1000;right:12px;bottom:12px;background:#fff;color:#1d2327;' +
    'border:1px solid #8a949e;border-radius:6px;padding:6px 10px;font:14px/1.4 system-ui,sans-serif;' +
    'box-shadow:0 2px 8px rgb(0 0 0 / .2)';
  const staticPage = `<a id="static-page" href="${INDEX_PAGE}" style="color:#0b57a4">Static pages</a>`;
  return `<nav aria-label="Static pages" id="static-pages" style="${boxStyle}">${staticPage}${home}${releases}</nav>
<script>(function () {
  var tags = ${JSON.stringify(links.tags)};
  function update() {
    var parts = decodeURIComponent(location.hash.replace(/^#[/]?/, '')).split('/');
    var link = document.getElementById('static-page');
    if (parts[1]) {
      link.href = 'operations/' + parts[1].replace(/[^A-Za-z0-9_.-]/g, '_') + '.html';
      link.textContent = 'This operation as a static page';
    } else if (tags[parts[0]]) {
      link.href = '${INDEX_PAGE}#' + tags[parts[0]];
      link.textContent = 'This tag as a static page';
    } else {
      link.href = '${INDEX_PAGE}';
      link.textContent = 'Static pages';
    }
  }
  addEventListener('hashchange', update);
  update();
})();</script>`;
}

const CLI_DIR = dirname(createRequire(import.meta.url).resolve('@redocly/cli/package.json'));
const CLI = join(CLI_DIR, 'bin', 'cli.js');
/** The bundle build-docs itself hashes for the page's integrity attribute: the page's exact dependency. */
const REDOC_BUNDLE = join(CLI_DIR, 'lib', 'chunks', 'redoc.standalone.js');
const CDN_BUNDLE = /https:\/\/cdn\.redocly\.com\/redoc\/v[^"/]+\/bundles\/redoc\.standalone\.js/g;
// The one thing the bundle itself fetches: the Redocly logo of its sidebar credit, from Redocly's CDN. The local
// copy shows the credit with a text logo instead (the only change made to the bundle).
const CDN_LOGO = /https:\/\/cdn\.redoc\.ly\/redoc\/logo-mini(?:-full)?\.svg/g;
const TEXT_LOGO =
  'data:image/svg+xml,' +
  encodeURIComponent(
    '<svg xmlns="http://www.w3.org/2000/svg" width="60" height="16">' +
      '<text x="0" y="13" font-family="sans-serif" font-size="13" fill="#0044d4">Redocly</text></svg>',
  );

/** reference.html (its assets under `assetPrefix`, relative to the page) and the Redoc bundle it loads. */
export async function referenceArtifacts(
  specYamlText: string,
  assetPrefix = '',
  links: ReferenceLinks = { tags: {} },
): Promise<{ page: { path: string; content: string }; bundle: { path: string; content: string } }> {
  const { value: built } = await fileMemo(cacheDir(PROJECT_ROOT)).get(
    'redoc-build-docs',
    [specYamlText, packageVersion('@redocly/cli')],
    () => buildDocs(specYamlText),
  );
  bundleText ??= offlineBundle(readFileSync(REDOC_BUNDLE, 'utf8'));
  const bundle = bundleText;
  return {
    page: {
      path: REFERENCE_PAGE,
      content: localRedoc(built, bundle, `./${assetPrefix}${REDOC_ASSET}`).replace(
        '<body>',
        () => `<body>\n${backLinks(links)}`,
      ),
    },
    bundle: { path: REDOC_ASSET, content: bundle },
  };
}

/** The offline Redoc bundle, made once per process (it is large, and every API's page loads the same one). */
let bundleText: string | undefined;

/** build-docs' page of a spec. Slow (a CLI run of seconds): memoised under the spec text and the CLI's version,
 * like the other slow third-party stages (src/sync/memo.ts). */
async function buildDocs(specYamlText: string): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'onezone-reference-'));
  try {
    const spec = join(dir, 'openapi.yaml');
    const out = join(dir, 'reference.html');
    writeFileSync(spec, specYamlText);
    // Run in the temporary folder: rendering needs no lint configuration, so no project plugin loads; no telemetry.
    await promisify(execFile)(process.execPath, [CLI, 'build-docs', spec, '-o', out], {
      cwd: dir,
      env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
    });
    return readFileSync(out, 'utf8');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function offlineBundle(bundle: string): string {
  const offline = bundle.replace(CDN_LOGO, TEXT_LOGO);
  if (offline === bundle || offline.includes('cdn.redoc.ly'))
    throw new Error(`${REDOC_BUNDLE} changed: cannot make it load nothing from Redocly's CDN`);
  return offline;
}

/**
 * The CDN URLs become the local asset (integrity included); an empty icon stops the browser asking for
 * /favicon.ico.
 */
let integrityText: string | undefined;

function localRedoc(html: string, bundle: string, bundleHref: string): string {
  integrityText ??= `sha384-${createHash('sha384').update(bundle).digest('base64')}`;
  const integrity = integrityText;
  const local = html
    .replace(CDN_BUNDLE, bundleHref)
    .replace(/integrity="sha384-[^"]*"/, `integrity="${integrity}"`)
    .replace('<head>', '<head>\n  <link rel="icon" href="data:,">');
  if (/https:\/\/cdn\./.test(local) || !local.includes(bundleHref) || !local.includes(integrity)) {
    throw new Error('build-docs output changed: cannot point reference.html at the local Redoc bundle');
  }
  return local;
}
