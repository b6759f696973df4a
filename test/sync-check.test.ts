// Drift: in a temporary copy of the project, editing a source page or any generated artifact makes
// `check` fail and name the file; `sync` then brings `check` back to green. A check of an up-to-date
// tree writes nothing.
import { describe, test, before } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { appendFileSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { copyProject, runCli } from './helpers/project-copy.ts';

let root: string;
before(() => {
  root = copyProject();
});

/** Hash of every file in the copy except the linked node_modules (where the type-check cache lives). */
function treeHash(dir: string): string {
  const hash = createHash('sha256');
  const walk = (d: string): void => {
    for (const name of readdirSync(d).sort()) {
      const full = join(d, name);
      if (name === 'node_modules') continue;
      if (statSync(full).isDirectory()) walk(full);
      else hash.update(relative(root, full)).update(readFileSync(full));
    }
  };
  walk(dir);
  return hash.digest('hex');
}

describe('npm run check / npm run sync', () => {
  test('the committed tree is in sync, and checking it changes nothing on disk', () => {
    const before = treeHash(root);
    const run = runCli(root, 'check');
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /check\s+everything is in sync/);
    // One progress line per stage, with its time; the pipeline's stages unless a run before recorded its inputs.
    const rebuilt = !/^pipeline\s+\d+ ms\s+memo hit/m.test(run.stdout);
    const stages = rebuilt ? ['spec', 'changes', 'types', 'site'] : ['pipeline'];
    for (const stage of [...stages, 'compare', 'lint', 'tsc', 'format']) {
      assert.match(run.stdout, new RegExp(`^${stage}\\s+\\d+ ms`, 'm'), `progress line for ${stage}`);
    }
    // Each API's releases oldest first, the default unlabelled: the docs' operation pages per doc set.
    const built =
      'luma@3.0.0-rc15 1, luma 17, luma@18.02.0-beta1 17, onepanel@3.0.0-rc15 57, onepanel 65, ' +
      'onepanel@18.02.0-beta1 65, oneprovider@3.0.0-rc15 25, oneprovider 27, oneprovider@18.02.0-beta1 27, ' +
      'onezone@3.0.0-rc15 213, onezone 213 operations';
    if (rebuilt) assert.match(run.stdout, new RegExp(`^spec .*${built.replace(/[.@]/g, '\\$&')}$`, 'm'));
    assert.match(run.stdout, /^compare\s+\d+ ms\s+1176\/1176 files up to date$/m);
    assert.equal(treeHash(root), before);
  });

  test('a second check with no input changed recomputes nothing, and still reads every file', () => {
    const run = runCli(root, 'check');
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /^pipeline\s+\d+ ms\s+memo hit: no input changed since the last run$/m);
    assert.doesNotMatch(run.stdout, /^(spec|changes|types|site)\s/m);
    assert.match(run.stdout, /^compare\s+\d+ ms\s+1176\/1176 files up to date$/m);
  });

  test("editing the toolkit's own source makes check recompute: every generated file made from it is stale", () => {
    const file = join(root, 'src', 'generate', 'header.ts');
    const original = readFileSync(file, 'utf8');
    // An edit no earlier run has seen: the memo (node_modules/.cache, shared by every copy) holds the runs before.
    writeFileSync(file, original.replace('do not edit.', `do not edit (run ${process.pid}-${Date.now()}).`));
    const run = runCli(root, 'check');
    writeFileSync(file, original);
    assert.equal(run.status, 1);
    assert.doesNotMatch(run.stdout, /memo hit: no input changed/);
    for (const api of ['luma', 'onepanel', 'oneprovider', 'onezone'])
      assert.match(run.stderr, new RegExp(`^stale: generated/${api}/client\\.ts \\(made by the client stage\\)`, 'm'));
    assert.equal(runCli(root, 'check').status, 0);
  });

  test('editing a module the site imports from outside src/site/ makes check report the stale pages', () => {
    // The report page opens with summaryLine (src/rebuild/report/model.ts): "… source page(s) → … operation(s)".
    const file = join(root, 'src', 'rebuild', 'report', 'model.ts');
    const original = readFileSync(file, 'utf8');
    assert.ok(original.includes('source page(s) →'));
    writeFileSync(file, original.replace('source page(s) →', 'documentation page(s) →'));
    const run = runCli(root, 'check');
    writeFileSync(file, original);
    assert.equal(run.status, 1);
    for (const api of ['luma', 'onepanel', 'oneprovider', 'onezone'])
      assert.match(run.stderr, new RegExp(`^stale: site/${api}/report\\.html \\(made by the site stage\\)`, 'm'));
    assert.equal(runCli(root, 'check').status, 0);
  });

  // LUMA's add_user_details page: "Add user details and return user LUMA ID."
  const LUMA_PAGE = 'spec/luma/docs/17.06.0-rc8/operations/add_user_details.md';
  const edits: [string, string, (file: string) => void][] = [
    [
      LUMA_PAGE,
      'spec/luma/openapi.yaml',
      (f) => writeFileSync(f, readFileSync(f, 'utf8').replace('Add user details and return', 'Add a user and return')),
    ],
    ['spec/onezone/openapi.yaml', 'spec/onezone/openapi.yaml', (f) => appendFileSync(f, '# hand edit\n')],
    [
      'spec/onezone/changes/3.0.0-rc15..17.06.0-rc8.json',
      'spec/onezone/changes/3.0.0-rc15..17.06.0-rc8.json',
      (f) => writeFileSync(f, readFileSync(f, 'utf8').replace('"group_remove', '"group_removed')),
    ],
    [
      'generated/onezone/schema.d.ts',
      'generated/onezone/schema.d.ts',
      (f) => appendFileSync(f, 'export type HandEdit = 1;\n'),
    ],
    [
      'generated/onepanel/handlers.ts',
      'generated/onepanel/handlers.ts',
      (f) => writeFileSync(f, readFileSync(f, 'utf8').replace('"x-stub":"true"', '"x-stub":"false"')),
    ],
    [
      'generated/onezone/client.ts',
      'generated/onezone/client.ts',
      (f) => writeFileSync(f, readFileSync(f, 'utf8').replace('https://localhost:8443', 'https://example.org')),
    ],
    [
      'site/onezone/operations/join_space.html',
      'site/onezone/operations/join_space.html',
      (f) => writeFileSync(f, readFileSync(f, 'utf8').replace('Join space', 'Join a space')),
    ],
  ];
  for (const [edited, stale, edit] of edits) {
    test(`editing ${edited} makes check fail naming ${stale}; sync repairs it`, () => {
      edit(join(root, edited));
      const failed = runCli(root, 'check');
      assert.equal(failed.status, 1);
      assert.match(failed.stderr, new RegExp(`stale: ${stale.replace(/\./g, '\\.')} .*run \`npm run sync\``));
      const synced = runCli(root, 'sync');
      assert.equal(synced.status, 0, synced.stderr);
      if (edited === LUMA_PAGE) {
        // The page edit is a real change: the rebuilt spec carries it.
        assert.match(readFileSync(join(root, stale), 'utf8'), /Add a user and return user LUMA ID\./);
        writeFileSync(
          join(root, edited),
          readFileSync(join(root, edited), 'utf8').replace('Add a user and return', 'Add user details and return'),
        );
        assert.equal(runCli(root, 'sync').status, 0);
      }
      const passed = runCli(root, 'check');
      assert.equal(passed.status, 0, passed.stderr);
      // Sync recorded what it made under its inputs: the check after it recomputes nothing.
      assert.match(passed.stdout, /^pipeline\s+\d+ ms\s+memo hit/m);
    });
  }

  test('a file of site/ or generated/ that no stage makes fails check as an orphan; sync removes it', () => {
    writeFileSync(join(root, 'site', 'onezone', 'stray.html'), '<p>left by an older build</p>\n');
    const failed = runCli(root, 'check');
    assert.equal(failed.status, 1);
    assert.match(failed.stderr, /^orphan: site\/onezone\/stray\.html \(no stage makes it\) — run `npm run sync`$/m);
    const synced = runCli(root, 'sync');
    assert.equal(synced.status, 0, synced.stderr);
    assert.match(synced.stdout, /^removed site\/onezone\/stray\.html$/m);
    assert.equal(existsSync(join(root, 'site', 'onezone', 'stray.html')), false);
    assert.equal(runCli(root, 'check').status, 0);
  });

  test('a source line wider than 120 characters fails check, naming file and line', () => {
    const file = join(root, 'src', 'paths.ts');
    const original = readFileSync(file, 'utf8');
    const lines = original.split('\n').length;
    writeFileSync(file, `${original}// ${'x'.repeat(130)}\n`);
    const run = runCli(root, 'check');
    writeFileSync(file, original);
    assert.equal(run.status, 1);
    assert.match(
      run.stderr,
      new RegExp(`^format: src/paths\\.ts:${lines} \\(133 characters\\) is wider than 120`, 'm'),
    );
  });

  test("an unused export and a lint error in the toolkit's code fail check, each naming file and line", () => {
    const file = join(root, 'src', 'paths.ts');
    const original = readFileSync(file, 'utf8');
    const line = original.split('\n').length;
    writeFileSync(file, `${original}export function unusedForTest(a: number): boolean {\n  return a == 1;\n}\n`);
    const run = runCli(root, 'check');
    writeFileSync(file, original);
    assert.equal(run.status, 1);
    assert.match(run.stderr, new RegExp(`^knip: src/paths\\.ts:${line} unused export: unusedForTest$`, 'm'));
    assert.match(run.stderr, new RegExp(`^biome: src/paths\\.ts:${line + 1} lint/suspicious/noDoubleEquals: `, 'm'));
    assert.match(run.stdout, /^format .* 1 lint error\(s\)$/m);
  });

  test('a generated file that no longer type-checks fails check through tsc', () => {
    // Sync would rewrite a broken generated file, so break what it is compiled with: the shared tsconfig.
    const tsconfig = join(root, 'tsconfig.json');
    const original = readFileSync(tsconfig, 'utf8');
    assert.ok(original.includes('"types": ["node"]'));
    writeFileSync(tsconfig, original.replace('"types": ["node"]', '"types": ["node", "no-such-types"]'));
    const run = runCli(root, 'check');
    writeFileSync(tsconfig, original);
    assert.equal(run.status, 1);
    assert.match(run.stderr, /tsc: .*no-such-types/);
  });
});
