// src/rebuild/report/render.ts: REPORT.md and report.json name the rule that made each finding.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { buildFromSources } from '../../../src/rebuild/build.ts';
import { bareManifest } from '../../../src/rebuild/docs/manifest.ts';
import { reportJson, reportMarkdown } from '../../../src/rebuild/report/render.ts';
import { fixture, lineOf } from '../helpers.ts';

const FILE = 'check_my_ports.md';
const PAGE = fixture('swagger2markup/onezone-check_my_ports.md');
const result = buildFromSources([{ file: FILE, text: PAGE, release: 'rc8', order: 1 }], bareManifest('docs'));
// The page's cURL sample goes to /api/v3/onezone, a base path no manifest or overview.md states here.
const CURL_LINE = lineOf(PAGE, 'curl ');

describe('the rule of each finding in the report', () => {
  it('REPORT.md tables have a Rule column', () => {
    const md = reportMarkdown(result, 'test');
    assert.ok(md.includes('| Where | Severity | Subject | Rule | Finding |\n|---|---|---|---|---|'));
    const row = md.split('\n').find((l) => l.startsWith(`| \`${FILE}:${CURL_LINE}\``));
    assert.match(row ?? '', /^\| `check_my_ports\.md:\d+` \| warning \| [^|]* \| emit\/servers \| /);
  });

  it('report.json gives the rule beside the code', () => {
    const findings = JSON.parse(reportJson(result)).findings as { code: string; line: number; rule: string }[];
    assert.deepEqual(
      findings.filter((f) => f.code === 'curl-mismatch').map((f) => [f.line, f.rule]),
      [[CURL_LINE, 'emit/servers']],
    );
  });
});
