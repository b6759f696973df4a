// One contract suite, two targets: our server (under the spec's base path) and Prism's mock (without it).
// For every operation the documented example request, sent with the admin's credentials, must get a
// documented status whose body and headers validate against the spec. The server also runs the suite on
// the full-corpus spec, and the workflow tests (real state: spaces, invite tokens, joins) run against it.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createClient, type Auth } from '../generated/onezone/client.ts';
import { startMock, type RunningMock } from '../src/mock/prism.ts';
import { startServer, type RunningServer } from '../src/server/index.ts';
import { buildCorpusSpecFile, SEED_SPEC } from './helpers/corpus.ts';
import { exampleRequest } from './helpers/example-requests.ts';
import { freePort } from './helpers/prism.ts';
import { ADMIN, basicHeader, EXAMPLE_GROUP, JOE, JOE_GROUP } from './helpers/server-fixtures.ts';
import { SpecChecker } from './helpers/spec-check.ts';

interface Target {
  name: string;
  specPath: string;
  /** Starts the target; answers its base URL (the spec's paths go right after it). */
  start(): Promise<{ baseUrl: string; stop(): Promise<void> }>;
}

const corpusSpec = buildCorpusSpecFile().file;

const ourServer =
  (specPath: string): Target['start'] =>
  async () => {
    const server = await startServer({ port: 0, specPath, log: false });
    return { baseUrl: server.url, stop: () => server.close() };
  };

const TARGETS: Target[] = [
  { name: 'our server, seed spec', specPath: SEED_SPEC, start: ourServer(SEED_SPEC) },
  {
    name: 'Prism mock, seed spec',
    specPath: SEED_SPEC,
    start: async () => {
      const mock: RunningMock = await startMock({ port: await freePort(), specPath: SEED_SPEC });
      return { baseUrl: mock.url, stop: () => mock.stop() };
    },
  },
  { name: 'our server, full-corpus spec', specPath: corpusSpec, start: ourServer(corpusSpec) },
];

for (const target of TARGETS) {
  describe(`contract: ${target.name}`, () => {
    let baseUrl = '';
    let checker: SpecChecker;
    let stop: (() => Promise<void>) | undefined;
    before(async () => {
      checker = await SpecChecker.load(target.specPath);
      ({ baseUrl, stop } = await target.start());
    });
    after(() => stop?.());

    test('every operation answers its documented example request with a documented, valid response', async (t) => {
      for (const op of checker.operations) {
        await t.test(`${op.method} ${op.path} (${op.operationId})`, async () => {
          const request = exampleRequest(checker.document, op);
          const res = await fetch(`${baseUrl}${request.path}`, {
            method: request.method,
            headers: { ...request.headers, ...basicHeader(ADMIN) },
            body: request.body,
          });
          const text = await res.text();
          assert.ok(res.status < 500, `${res.status}: ${text}`);
          assert.deepEqual(checker.problems(op.operationId, { status: res.status, headers: res.headers, text }), []);
        });
      }
    });

    test('every operation that documents 401 answers it, with a valid body, to a request without credentials', async (t) => {
      for (const op of checker.operations) {
        const isPublic = Array.isArray(op.op.security) && op.op.security.length === 0;
        if (isPublic || !op.op.responses['401']) continue;
        await t.test(`${op.method} ${op.path} (${op.operationId})`, async () => {
          const request = exampleRequest(checker.document, op);
          const res = await fetch(`${baseUrl}${request.path}`, {
            method: request.method,
            headers: request.headers,
            body: request.body,
          });
          const text = await res.text();
          assert.equal(res.status, 401, text);
          assert.deepEqual(checker.problems(op.operationId, { status: 401, headers: res.headers, text }), []);
        });
      }
    });
  });
}

describe('workflows (our server, seed spec)', () => {
  let server: RunningServer;
  let checker: SpecChecker;
  before(async () => {
    checker = await SpecChecker.load(SEED_SPEC);
    server = await startServer({ port: 0, specPath: SEED_SPEC, log: false });
  });
  after(() => server.close());

  // openapi-fetch reads the body; the raw text is kept for checking it against the spec.
  const bodies = new WeakMap<Response, string>();
  const recordingFetch = async (request: Request) => {
    const response = await fetch(request);
    bodies.set(response, await response.clone().text());
    return response;
  };
  const client = (auth?: Auth) => createClient({ baseUrl: server.url, fetch: recordingFetch, ...(auth && { auth }) });
  const admin = () => client({ username: ADMIN.username, password: ADMIN.password });
  const joe = () => client({ token: JOE.token });

  /** Asserts the response is documented and valid for the operation, and returns its parsed body. */
  function documented(operationId: string, response: Response): unknown {
    const text = bodies.get(response) ?? '';
    assert.deepEqual(checker.problems(operationId, { status: response.status, headers: response.headers, text }), []);
    return text ? (JSON.parse(text) as unknown) : undefined;
  }
  const errorId = (operationId: string, response: Response) =>
    (documented(operationId, response) as { error: { id: string } }).error.id;

  async function createSpace(name: string): Promise<string> {
    const { response } = await admin().POST('/user/spaces', { body: { name, token: 'unused', size: 1024 } });
    documented('create_user_space', response);
    assert.equal(response.status, 201);
    const location = response.headers.get('location') ?? '';
    assert.match(location, /^\/user\/spaces\/[A-Za-z0-9_-]{43}$/);
    return location.slice('/user/spaces/'.length);
  }

  async function inviteToken(spaceId: string): Promise<string> {
    const { data, response } = await admin().POST('/spaces/{id}/users/token', { params: { path: { id: spaceId } } });
    documented('create_space_user_invite_token', response);
    assert.equal(response.status, 200);
    assert.ok(data?.token);
    return data.token;
  }

  test('create a space → invite token → the ordinary user joins and is a member', async () => {
    const spaceId = await createSpace('workflow space');
    const token = await inviteToken(spaceId);

    const joined = await joe().POST('/user/spaces/join', { body: { token } });
    documented('join_space', joined.response);
    assert.equal(joined.response.status, 201);
    assert.equal(joined.response.headers.get('location'), `/user/spaces/${spaceId}`);

    const again = await joe().POST('/user/spaces/join', { body: { token } });
    assert.equal(again.response.status, 400, 'a token is single-use');
    assert.equal(errorId('join_space', again.response), 'badValueToken');

    // A fresh token shows the membership: joe cannot join a space he is already in.
    const member = await joe().POST('/user/spaces/join', { body: { token: await inviteToken(spaceId) } });
    assert.equal(member.response.status, 400);
    assert.equal(errorId('join_space', member.response), 'relationAlreadyExists');
  });

  test('401 without credentials and with wrong ones', async () => {
    const spaceId = await createSpace('401 space');
    for (const auth of [undefined, { token: 'not-a-token' }, { username: JOE.username, password: 'wrong' }]) {
      const { response } = await client(auth).POST('/spaces/{id}/users/token', { params: { path: { id: spaceId } } });
      assert.equal(response.status, 401);
      documented('create_space_user_invite_token', response);
    }
  });

  test('403 for the ordinary user without space_invite_user, member or not', async () => {
    const spaceId = await createSpace('403 space');
    const outsider = await joe().POST('/spaces/{id}/users/token', { params: { path: { id: spaceId } } });
    assert.equal(outsider.response.status, 403);
    documented('create_space_user_invite_token', outsider.response);

    // Joining gives membership, not the privilege to invite.
    await joe().POST('/user/spaces/join', { body: { token: await inviteToken(spaceId) } });
    const member = await joe().POST('/spaces/{id}/users/token', { params: { path: { id: spaceId } } });
    assert.equal(member.response.status, 403);
    documented('create_space_user_invite_token', member.response);
  });

  test('forged, malformed and wrong-kind tokens are refused with 400', async () => {
    const spaceId = await createSpace('token space');
    const real = await inviteToken(spaceId);
    const oneCharOff = `${real.slice(0, -1)}${real.endsWith('A') ? 'B' : 'A'}`;
    const groupToken = await admin().POST('/groups/{id}/users/token', {
      params: { path: { id: EXAMPLE_GROUP } },
      body: {},
    });
    assert.equal(groupToken.response.status, 200);
    const refused: [string, RegExp][] = [
      [oneCharOff, /not issued/],
      ['A'.repeat(real.length), /not issued/],
      ['malformed', /not an invite token/],
      ['', /not an invite token/],
      [`${real}.extra`, /not an invite token/],
      [groupToken.data!.token, /does not invite to a space/],
    ];
    for (const [token, why] of refused) {
      const { response } = await joe().POST('/user/spaces/join', { body: { token } });
      assert.equal(response.status, 400, token);
      const { error } = documented('join_space', response) as { error: { id: string; description: string } };
      assert.equal(error.id, 'badValueToken');
      assert.match(error.description, why);
    }
    // The real token was not spent by those attempts.
    assert.equal((await joe().POST('/user/spaces/join', { body: { token: real } })).response.status, 201);
  });

  test('unknown space and group ids → 404', async () => {
    const space = await admin().POST('/spaces/{id}/users/token', { params: { path: { id: 'no-such-space' } } });
    assert.equal(space.response.status, 404);
    documented('create_space_user_invite_token', space.response);
    // 404 before 403: joe lacks the privilege too, but the space does not exist.
    assert.equal(
      (await joe().POST('/spaces/{id}/users/token', { params: { path: { id: 'no-such-space' } } })).response.status,
      404,
    );
    const group = await admin().POST('/groups/{id}/users/token', { params: { path: { id: 'no-such-group' } } });
    assert.equal(group.response.status, 404);
    documented('createUserGroupInviteToken', group.response);
  });

  test('group invite tokens follow group_add_user, or the oz_groups_add_relationships admin privilege', async () => {
    const asJoe = (id: string) => joe().POST('/groups/{id}/users/token', { params: { path: { id } } });
    assert.equal((await asJoe(JOE_GROUP)).response.status, 200, 'joe holds group_add_user in his group');
    const denied = await asJoe(EXAMPLE_GROUP);
    assert.equal(denied.response.status, 403, 'joe only holds group_view in the example group');
    documented('createUserGroupInviteToken', denied.response);
    const asAdmin = await admin().POST('/groups/{id}/users/token', { params: { path: { id: JOE_GROUP } } });
    assert.equal(
      asAdmin.response.status,
      200,
      'the admin is no member of joe-group but holds oz_groups_add_relationships',
    );
    documented('createUserGroupInviteToken', asAdmin.response);
    const viaToken = await client({ token: ADMIN.token }).POST('/groups/{id}/users/token', {
      params: { path: { id: JOE_GROUP } },
    });
    assert.equal(viaToken.response.status, 200);
    assert.notEqual(viaToken.data?.token, asAdmin.data?.token, 'every token is new');
  });
});
