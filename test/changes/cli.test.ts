// npm run changes: two spec files or two releases of an API in, a changelog out; exit 1 under --fail-on breaking
// when one breaks, 2 with one line naming the file that cannot be read or is not OpenAPI 3.x.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../src/paths.ts';

let dir = '';
const file = (name: string) => join(dir, name);

function changes(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/changes.ts', ...args], {
    cwd: PROJECT_ROOT,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const OLD = `openapi: 3.0.3
info: { title: t, version: "1" }
paths:
  /groups/{id}:
    delete:
      operationId: remove_group
      x-privileges: [group_remove]
      x-doc-source: old/remove_group.md:3
      responses: { "204": { description: gone } }
  /old:
    get:
      responses: { "200": { description: ok } }
`;
const NEW = `openapi: 3.0.3
info: { title: t, version: "2" }
paths:
  /groups/{id}:
    delete:
      operationId: remove_group
      x-privileges: [group_delete]
      x-doc-source: new/remove_group.md:3
      responses: { "204": { description: gone } }
  /session:
    post:
      responses: { "200": { description: ok } }
`;

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'changes-cli-'));
  writeFileSync(file('old.yaml'), OLD);
  writeFileSync(file('new.yaml'), NEW);
  writeFileSync(file('new.json'), JSON.stringify({ openapi: '3.1.0', info: { title: 't', version: '2' }, paths: {} }));
  writeFileSync(file('broken.yaml'), 'openapi: 3.0.3\npaths:\n  /a: [unclosed\n');
  writeFileSync(file('swagger.yaml'), 'swagger: "2.0"\ninfo: { title: t, version: "1" }\npaths: {}\n');
  // A project root with a release index, laid out as spec/releases.json names it.
  mkdirSync(join(dir, 'root', 'spec', 'onezone', 'releases', '1.0'), { recursive: true });
  copyFileSync(file('old.yaml'), join(dir, 'root', 'spec', 'onezone', 'releases', '1.0', 'openapi.yaml'));
  copyFileSync(file('new.yaml'), join(dir, 'root', 'spec', 'onezone', 'openapi.yaml'));
  writeFileSync(
    join(dir, 'root', 'spec', 'releases.json'),
    JSON.stringify({
      default: '2.0',
      releases: [
        { api: 'onezone', release: '1.0', spec: 'spec/onezone/releases/1.0/openapi.yaml' },
        { api: 'onezone', release: '2.0', spec: 'spec/onezone/openapi.yaml' },
      ],
    }),
  );
});
after(() => rmSync(dir, { recursive: true, force: true }));

describe('changes: two spec files', () => {
  test('--format json: added, removed and changed operations, with pointers and doc sources', () => {
    const r = changes(file('old.yaml'), file('new.yaml'), '--format', 'json');
    assert.equal(r.status, 0, r.stderr);
    const log = JSON.parse(r.stdout);
    assert.deepEqual(log.summary, { added: 1, removed: 1, changed: 1, deprecated: 0, breaking: 2 });
    assert.deepEqual(log.added, [{ method: 'post', path: '/session', pointer: '/paths/~1session/post' }]);
    assert.deepEqual(log.removed, [
      { method: 'get', path: '/old', breaking: true, rule: 'api-removed', oldPointer: '/paths/~1old/get' },
    ]);
    assert.deepEqual(log.changed[0].changes[0], {
      breaking: true,
      rule: 'api-privilege-removed',
      message: 'privilege `group_remove` no longer suffices (now: `group_delete`)',
      pointer: '/paths/~1groups~1{id}/delete/x-privileges',
      oldPointer: '/paths/~1groups~1{id}/delete/x-privileges',
      source: 'new/remove_group.md:3',
      oldSource: 'old/remove_group.md:3',
    });
    assert.deepEqual(log.deprecated, []);
  });

  test('text: one line per operation, its changes under it, breaking ones marked', () => {
    const r = changes(file('old.yaml'), file('new.yaml'));
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^Removed:\n {2}GET \/old {2}\[breaking\]$/m);
    assert.match(r.stdout, /^Added:\n {2}POST \/session$/m);
    assert.match(
      r.stdout,
      /^ {2}DELETE \/groups\/\{id\} \(remove_group\) {2}\[breaking\] {2}new\/remove_group\.md:3 \(was old\/remove_group\.md:3\)\n {4}! privilege `group_remove` no longer suffices/m,
    );
  });

  test('--fail-on breaking exits 1 when a change breaks, 0 when none does', () => {
    const breaking = changes(file('old.yaml'), file('new.yaml'), '--fail-on', 'breaking');
    assert.equal(breaking.status, 1);
    assert.equal(breaking.stderr, 'changes: 2 breaking change(s) (--fail-on breaking)\n');
    const calm = changes(file('new.yaml'), file('new.yaml'), '--fail-on', 'breaking');
    assert.equal(calm.status, 0, calm.stderr);
    assert.match(calm.stdout, /No differences\./);
  });

  test('a JSON file is read like a YAML one', () => {
    const r = changes(file('old.yaml'), file('new.json'), '--format', 'json');
    assert.equal(r.status, 0, r.stderr);
    assert.equal(JSON.parse(r.stdout).summary.removed, 2);
  });
});

describe('changes: --api with a release index', () => {
  test('--from and --to as spec/releases.json names them; Markdown lists breaking changes first', () => {
    const r = changes(
      '--api',
      'onezone',
      '--from',
      '1.0',
      '--to',
      '2.0',
      '--format',
      'markdown',
      '--root',
      join(dir, 'root'),
    );
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^# Changes from onezone 1\.0 to onezone 2\.0$/m);
    const breaking = r.stdout.indexOf('## Breaking changes');
    const other = r.stdout.indexOf('## Other changes');
    assert.ok(breaking > 0 && other > breaking, r.stdout);
    assert.match(r.stdout, /^- `GET \/old`$/m);
    assert.match(
      r.stdout,
      /^- privilege `group_remove` no longer suffices \(now: `group_delete`\) \(`api-privilege-removed`/m,
    );
    assert.match(r.stdout.slice(other), /^- `POST \/session`$/m);
  });

  test('--to defaults to the default release', () => {
    const r = changes('--api', 'onezone', '--from', '1.0', '--format', 'json', '--root', join(dir, 'root'));
    assert.equal(r.status, 0, r.stderr);
    assert.equal(JSON.parse(r.stdout).summary.breaking, 2);
  });

  test('an unknown release is one line naming the index and the releases it has', () => {
    const r = changes('--api', 'onezone', '--from', '0.9', '--root', join(dir, 'root'));
    assert.equal(r.status, 2);
    assert.equal(
      r.stderr,
      `changes: ${join(dir, 'root', 'spec', 'releases.json')}: no onezone release 0.9 (onezone releases: 1.0, 2.0)\n`,
    );
  });

  test('a root without a release index is one line naming the missing file', () => {
    const r = changes('--api', 'onezone', '--from', '1.0', '--root', dir);
    assert.equal(r.status, 2);
    assert.equal(
      r.stderr,
      `changes: ${join(dir, 'spec', 'releases.json')}: cannot read the release index (no such file)\n`,
    );
  });
});

describe('changes: bad input is one line and exit 2', () => {
  test('a missing file', () => {
    const r = changes(file('nope.yaml'), file('new.yaml'));
    assert.equal(r.status, 2);
    assert.equal(r.stderr, `changes: ${file('nope.yaml')}: cannot read (no such file)\n`);
  });

  test('a file that is not YAML names its line and column', () => {
    const r = changes(file('old.yaml'), file('broken.yaml'));
    assert.equal(r.status, 2);
    assert.match(
      r.stderr,
      new RegExp(`^changes: ${file('broken.yaml').replaceAll('.', '\\.')}:\\d+:\\d+: not valid YAML or JSON: .+\\n$`),
    );
    assert.doesNotMatch(r.stderr, /\n {4}at /);
  });

  test('a Swagger 2.0 file', () => {
    const r = changes(file('swagger.yaml'), file('new.yaml'));
    assert.equal(r.status, 2);
    assert.equal(r.stderr, `changes: ${file('swagger.yaml')}:1: not an OpenAPI 3.x document (swagger: 2.0)\n`);
  });

  test('one spec file, or files and --api together, or --from without --api', () => {
    assert.deepEqual(
      changes(file('old.yaml')).stderr,
      'changes: give two spec files <old.yaml> <new.yaml>, or --api and --from\n',
    );
    assert.equal(
      changes(file('old.yaml'), file('new.yaml'), '--api', 'onezone', '--from', '1.0').stderr,
      'changes: give either two spec files or --api with --from, not both\n',
    );
    assert.equal(changes('--from', '1.0').stderr, 'changes: --from and --to need --api\n');
    assert.equal(changes('--api', 'onezone').stderr, 'changes: --api needs --from <release>\n');
  });
});

describe('changes: the command line', () => {
  test('npm run changes -- --help prints the usage and exits 0', () => {
    const r = spawnSync('npm', ['run', '-s', 'changes', '--', '--help'], { cwd: PROJECT_ROOT, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^usage: npm run changes -- <old\.yaml> <new\.yaml> \| --api name --from release/);
    assert.match(r.stdout, /--fail-on <breaking> +exit 1 when a breaking change is found/);
  });

  test('an unknown option, a bad --format or --fail-on value: one line and the usage, exit 2', () => {
    for (const [args, line] of [
      [['--bogus'], "changes: unknown option '--bogus'"],
      [['--format', 'xml', 'a', 'b'], "changes: --format must be one of text, markdown, json, got 'xml'"],
      [['--fail-on', 'any', 'a', 'b'], "changes: --fail-on must be 'breaking', got 'any'"],
      [['a', 'b', 'c'], "changes: unexpected argument 'c'"],
    ] as const) {
      const r = changes(...args);
      assert.equal(r.status, 2, args.join(' '));
      assert.equal(r.stderr.split('\n')[0], line);
      assert.match(r.stderr, /\nusage: npm run changes/);
    }
  });
});
