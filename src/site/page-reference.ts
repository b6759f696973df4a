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
import { REDOC_ASSET, REFERENCE_PAGE } from './links.ts';

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
    '<svg xmlns="http://www.w3.org/2000/svg" width="60" height="16"><text x="0" y="13" font-family="sans-serif" font-size="13" fill="#0044d4">Redocly</text></svg>',
  );

/** reference.html (its assets under `assetPrefix`, relative to the page) and the Redoc bundle it loads. */
export async function referenceArtifacts(
  specYamlText: string,
  assetPrefix = '',
): Promise<{ page: { path: string; content: string }; bundle: { path: string; content: string } }> {
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
    const bundle = offlineBundle(readFileSync(REDOC_BUNDLE, 'utf8'));
    return {
      page: {
        path: REFERENCE_PAGE,
        content: localRedoc(readFileSync(out, 'utf8'), bundle, `./${assetPrefix}${REDOC_ASSET}`),
      },
      bundle: { path: REDOC_ASSET, content: bundle },
    };
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

/** The CDN URLs become the local asset (integrity included); an empty icon stops the browser asking for /favicon.ico. */
function localRedoc(html: string, bundle: string, bundleHref: string): string {
  const integrity = `sha384-${createHash('sha384').update(bundle).digest('base64')}`;
  const local = html
    .replace(CDN_BUNDLE, bundleHref)
    .replace(/integrity="sha384-[^"]*"/, `integrity="${integrity}"`)
    .replace('<head>', '<head>\n  <link rel="icon" href="data:,">');
  if (/https:\/\/cdn\./.test(local) || !local.includes(bundleHref) || !local.includes(integrity)) {
    throw new Error('build-docs output changed: cannot point reference.html at the local Redoc bundle');
  }
  return local;
}
