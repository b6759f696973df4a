// The statuses the server can send that the docs do not list (issue 23 item 9), per API of the default release.
// The expected counts are the docs' own: LUMA's and Oneprovider's operation pages list no 401 at all, 8 of
// Onepanel's do not list one, 48 of Onepanel's 65 list no 400 (17 do); only Onepanel checks roles on every call.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { PROJECT_ROOT } from '../../src/paths.ts';
import { undocumentedStatusesOf } from '../../src/server/index.ts';

const byApi = new Map(undocumentedStatusesOf({}).map((entry) => [entry.api, entry]));
const gap = (api: string, status: number) => byApi.get(api)!.gaps.find((g) => g.status === status)?.operations ?? [];

test('401: every LUMA and Oneprovider operation, 8 of Onepanel’s', () => {
  assert.equal(byApi.get('luma')!.operations, 17);
  assert.equal(gap('luma', 401).length, 17);
  assert.equal(byApi.get('oneprovider')!.operations, 27);
  assert.equal(gap('oneprovider', 401).length, 27);
  assert.equal(gap('onepanel', 401).length, 8);
  // add_user.md lists 204, 400, 403 and 500: no 401.
  assert.ok(gap('onepanel', 401).includes('add_user'));
});

test('400 on the 48 Onepanel operations whose docs list none; none on Onezone, which lists it everywhere', () => {
  assert.equal(gap('onepanel', 400).length, 48);
  assert.ok(!gap('onepanel', 400).includes('add_user'), 'add_user.md lists a 400');
  assert.deepEqual(gap('onezone', 400), []);
});

test('415 only where a body is documented; 403 on Onepanel from its roles wherever it lists none', () => {
  // join_group.md documents a body; get_user_group.md none.
  assert.ok(gap('onezone', 415).includes('join_group'));
  assert.ok(!gap('onezone', 415).includes('get_user_group'));
  // get_cluster_cookie.md lists 200, 401, 403, 500: every Onepanel operation documents its 403.
  assert.deepEqual(gap('onepanel', 403), []);
});

test('npm run serve -- --statuses prints the list per API and exits 0 without serving', () => {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/serve.ts', '--statuses'], {
    cwd: PROJECT_ROOT,
    encoding: 'utf8',
    timeout: 60_000,
  });
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stdout, /^luma \(17 operations\): statuses the server can send that the docs do not list$/m);
  assert.match(run.stdout, /^ {2}401 {2}every operation: no or wrong credentials/m);
  assert.doesNotMatch(run.stdout, /serving/);
});
