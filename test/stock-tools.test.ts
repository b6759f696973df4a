// The stock command-line tools users run in the project root work with its redocly.yaml (whose plugin used to be
// TypeScript, which neither tool can load).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../src/paths.ts';

const bin = (name: string) => join(PROJECT_ROOT, 'node_modules', '.bin', name);
const run = (name: string, args: string[]) =>
  spawnSync(bin(name), args, {
    cwd: PROJECT_ROOT,
    encoding: 'utf8',
    timeout: 120_000,
    env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
  });

test('npx redocly lint passes on each API spec with the project rules, plugin included', () => {
  for (const api of ['luma', 'onezone']) {
    const lint = run('redocly', ['lint', `spec/${api}/openapi.yaml`]);
    assert.equal(lint.status, 0, lint.stdout + lint.stderr);
    assert.match(lint.stdout + lint.stderr, /Your API description is valid/);
  }
});

test('npx openapi-typescript turns a spec into types in the project root', () => {
  const dir = mkdtempSync(join(tmpdir(), 'stock-ts-'));
  try {
    const out = join(dir, 'luma.d.ts');
    const types = run('openapi-typescript', ['spec/luma/openapi.yaml', '-o', out]);
    assert.equal(types.status, 0, types.stdout + types.stderr);
    // LUMA's add_user_details page: POST /admin/users.
    assert.match(readFileSync(out, 'utf8'), /"\/admin\/users": \{/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
