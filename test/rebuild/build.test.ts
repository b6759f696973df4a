// src/rebuild/build.ts through a manifest (sources.yaml) written next to a copy of a fixture page: the rules it
// disables, the findings located at the manifest, pages no format reads.
import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSpec, type BuildResult } from '../../src/rebuild/build.ts';
import { ManifestError } from '../../src/rebuild/docs/manifest.ts';
import type { Schema } from '../../src/rebuild/model.ts';
import { fixture, lineOf } from './helpers.ts';

const PAGE = fixture('swagger2markup/onezone-check_my_ports.md');
const dirs: string[] = [];
after(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** Builds check_my_ports.md (and `extra` pages) through a manifest ending with `tail`. */
function build(tail: string, extra: Record<string, string> = {}): { result: BuildResult; dir: string } {
  const dir = mkdtempSync(join(tmpdir(), 'rebuild-build-'));
  dirs.push(dir);
  const pages = { 'check_my_ports.md': PAGE, ...extra };
  for (const [name, text] of Object.entries(pages)) writeFileSync(join(dir, name), text);
  const sources = Object.keys(pages).map((f) => `  - file: ${f}\n    release: rc8\n    order: 1\n`);
  const manifest = `info: { title: T, version: "1", description: D }\nbasePath: /api/v3/onezone\n`;
  writeFileSync(join(dir, 'sources.yaml'), `${manifest}sources:\n${sources.join('')}${tail}`);
  return { result: buildSpec({ manifestPath: join(dir, 'sources.yaml'), displayRoot: dir }), dir };
}

const responses = (r: BuildResult) =>
  (r.document.paths as Record<string, Record<string, Schema>>)['/provider/test/check_my_ports']!.post!
    .responses as Record<string, { content?: Record<string, { examples?: Record<string, { value: unknown }> }> }>;

describe('rules a manifest disables', () => {
  const whole = build('').result;
  const without = build('rules:\n  disable: [swagger2markup/operation/example-responses]\n').result;

  it('with every rule on, the 400 response keeps the example the page shows', () => {
    assert.deepEqual(responses(whole)['400']!.content!['application/json']!.examples!.documented!.value, {
      error: 'Provided data could not be understood by the server',
    });
  });

  it('without example-responses, no response keeps an example', () => {
    assert.deepEqual(
      Object.values(responses(without)).filter((r) => r.content?.['application/json']?.examples),
      [],
    );
  });

  it("without it, the example sections are unclaimed: reported by the chain's last rule", () => {
    const headings = ['##### Example HTTP response', '###### Response 200', '###### Response 400'];
    const unknown = without.findings.all.filter((f) => f.code === 'unknown-section');
    assert.deepEqual(
      unknown.slice(0, 3).map((f) => [f.line, f.rule]),
      headings.map((h) => [lineOf(PAGE, h), 'swagger2markup/operation/unclaimed-sections']),
    );
    assert.equal(whole.findings.all.filter((f) => f.code === 'unknown-section').length, 0);
  });

  it('a rule no format has is a manifest error at its rules: line, listing the rules there are', () => {
    assert.throws(
      () => build('rules:\n  disable: [swagger2markup/operation/no-such-rule]\n'),
      (e: unknown) =>
        e instanceof ManifestError &&
        e.line === 7 &&
        /names swagger2markup\/operation\/no-such-rule, which no format has/.test(e.what) &&
        e.what.includes('swagger2markup/operation/example-responses'),
    );
  });
});

describe('findings located at the manifest and at pages', () => {
  it('security schemes taken from the manifest are located at that manifest, not spec/sources.yaml', () => {
    const { result } = build('');
    const fact = result.findings.all.find((f) => f.message.startsWith('no security.md in the input'));
    assert.deepEqual([fact?.file, fact?.line, fact?.rule], ['sources.yaml', 1, 'emit/security']);
  });

  it('a listed page no format reads is an unrecognised-page error at its first line', () => {
    const { result } = build('', { 'notes.adoc': '= Notes\n' });
    assert.deepEqual(
      result.findings.byCode('unrecognised-page').map((f) => [f.file, f.line, f.severity, f.rule]),
      [['notes.adoc', 1, 'error', 'page/detect']],
    );
  });
});
