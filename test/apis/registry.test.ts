// The profile registry: one profile per folder of spec/ with a sources.yaml, base paths as the docs state them,
// and an API with docs but no profile module served from its spec alone.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { docSetDir, PROJECT_ROOT } from '../../src/paths.ts';
import { API_NAMES, PROFILES, profileOf } from '../../src/apis/registry.ts';

describe('the profile registry', () => {
  test('the four APIs, Onezone first; each base path is its overview.md BasePath', () => {
    assert.deepEqual(API_NAMES, ['onezone', 'onepanel', 'oneprovider', 'luma']);
    for (const profile of PROFILES) {
      const overview = readFileSync(join(docSetDir(profile.name), 'overview.md'), 'utf8');
      assert.equal(profile.basePath, /\*BasePath\* : (\S+)/.exec(overview)?.[1], profile.name);
    }
  });

  test('each API mocks on its own port', () => {
    const ports = PROFILES.map((p) => p.mockPort);
    assert.equal(new Set(ports).size, ports.length);
    assert.equal(profileOf('luma')?.mockPort, 4010);
  });

  test('an API with docs and no profile module gets a plain one: no real operations, the next mock port', async () => {
    const root = mkdtempSync(join(tmpdir(), 'registry-'));
    try {
      for (const entry of ['spec', 'src', 'package.json'])
        cpSync(join(PROJECT_ROOT, entry), join(root, entry), { recursive: true });
      symlinkSync(join(PROJECT_ROOT, 'node_modules'), join(root, 'node_modules'), 'dir');
      mkdirSync(join(root, 'spec', 'plain'));
      writeFileSync(join(root, 'spec', 'plain', 'sources.yaml'), 'info:\n  title: Plain\nbasePath: /api/v3/plain\n');
      const registry = (await import(pathToFileURL(join(root, 'src', 'apis', 'registry.ts')).href)) as {
        profileOf: typeof profileOf;
        API_NAMES: typeof API_NAMES;
      };
      assert.deepEqual(registry.API_NAMES, ['onezone', 'onepanel', 'oneprovider', 'luma', 'plain']);
      const plain = registry.profileOf('plain')!;
      assert.deepEqual(
        { title: plain.title, basePath: plain.basePath, mockPort: plain.mockPort, real: plain.implementations },
        { title: 'Plain', basePath: '/api/v3/plain', mockPort: 4014, real: {} },
      );
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
