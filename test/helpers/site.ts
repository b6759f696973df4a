// The documentation site for tests: inputs for the seed and the full corpus, writing it out, and checks that need
// no browser (every relative link resolves; landmarks and heading order).
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, posix } from 'node:path';
import { parse } from 'yaml';
import { operationIndex } from '../../src/generate/operation-index.ts';
import type { Spec } from '../../src/openapi/spec-types.ts';
import { reportJson } from '../../src/rebuild/report/render.ts';
import { siteArtifacts, type SiteInput } from '../../src/site/index.ts';
import { buildCorpusSpecFile, SEED } from './corpus.ts';

export type SiteFile = { path: string; content: string };

export function seedSiteInput(): SiteInput {
  const specYamlText = readFileSync(SEED.file, 'utf8');
  const spec = parse(specYamlText) as Spec;
  return {
    spec,
    report: JSON.parse(readFileSync(SEED.report, 'utf8')),
    operations: operationIndex(spec),
    specYamlText,
    specPath: 'spec/onezone/openapi.yaml',
  };
}

export function corpusSiteInput(): SiteInput {
  const { file, result } = buildCorpusSpecFile();
  const spec = result.document as unknown as Spec;
  return {
    spec,
    report: JSON.parse(reportJson(result)),
    operations: operationIndex(spec),
    specYamlText: readFileSync(file, 'utf8'),
    specPath: 'spec/onezone/openapi.yaml',
  };
}

/** Generates the site into a new temp folder; returns the `site/` folder and the files (paths inside site/). */
export async function writeSite(input: SiteInput, label: string): Promise<{ dir: string; files: SiteFile[] }> {
  const root = mkdtempSync(join(tmpdir(), `onezone-site-${label}-`));
  const artifacts = await siteArtifacts(input);
  for (const a of artifacts) {
    mkdirSync(dirname(join(root, a.path)), { recursive: true });
    writeFileSync(join(root, a.path), a.content);
  }
  return {
    dir: join(root, 'site'),
    files: artifacts.map((a) => ({ path: a.path.replace(/^site\//, ''), content: a.content })),
  };
}

/** Our own pages (Redoc's reference page has its own markup and router). */
export function staticPages(files: SiteFile[]): SiteFile[] {
  return files.filter(
    (f) => f.path.endsWith('.html') && f.path !== 'reference.html' && !f.path.endsWith('/reference.html'),
  );
}

const ID = /\sid="([^"]+)"/g;
const LINK = /\s(?:href|src)="([^"]+)"/g;

/** Every relative href/src of our pages names a file of the site, and its #fragment an id on that page. */
export function brokenLinks(files: SiteFile[]): string[] {
  const byPath = new Map(files.map((f) => [f.path, f.content]));
  const ids = new Map<string, Set<string>>();
  const idsOf = (path: string) => {
    if (!ids.has(path)) ids.set(path, new Set([...(byPath.get(path) ?? '').matchAll(ID)].map((m) => m[1]!)));
    return ids.get(path)!;
  };
  const problems: string[] = [];
  for (const page of staticPages(files)) {
    for (const [, raw] of page.content.matchAll(LINK)) {
      const link = raw!.replace(/&amp;/g, '&');
      if (/^(https?:|mailto:|data:)/.test(link)) continue;
      const [target = '', fragment] = link.split('#');
      const path = target ? posix.normalize(posix.join(posix.dirname(page.path), target)) : page.path;
      if (!byPath.has(path)) problems.push(`${page.path}: ${link} (no ${path})`);
      // reference.html's fragments are Redoc's hash routes (#/<tag>/<operationId>), not ids.
      else if (fragment && !path.endsWith('reference.html') && !idsOf(path).has(fragment))
        problems.push(`${page.path}: ${link} (no id ${fragment} on ${path})`);
    }
  }
  return problems;
}

/** lang, landmarks, skip link, one h1, headings that never skip a level going down, labelled inputs. */
export function structureProblems(page: SiteFile): string[] {
  const html = page.content;
  const problems: string[] = [];
  const need = (ok: boolean, what: string) => ok || problems.push(`${page.path}: ${what}`);
  need(/<html lang="en">/.test(html), 'lang attribute');
  for (const landmark of ['<header', '<nav', '<main', '<footer'])
    need(html.includes(landmark), `${landmark}> landmark`);
  need(/<a class="skip-link" href="#main">/.test(html) && html.includes('id="main"'), 'skip link to main');
  const levels = [...html.matchAll(/<h([1-6])[\s>]/g)].map((m) => Number(m[1]));
  need(levels.filter((l) => l === 1).length === 1 && levels[0] === 1, 'exactly one h1, first');
  for (const [i, level] of levels.entries())
    if (i > 0) need(level <= levels[i - 1]! + 1, `heading h${level} after h${levels[i - 1]}`);
  for (const [, id] of html.matchAll(/<(?:input|textarea) id="([^"]+)"/g))
    need(html.includes(`<label for="${id}">`), `label for #${id}`);
  return problems;
}

/** The text of an HTML fragment: tags dropped, entities decoded (what a reader sees, what a copy button copies). */
export function htmlText(html: string): string {
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}
