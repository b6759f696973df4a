// Property tests on the running server, requests built from the spec: valid ones, and broken ones (wrong
// types, missing and extra fields, __proto__/constructor keys, huge strings, malformed JSON and percent-encoding,
// repeated headers, wrong media types and methods, random paths and bytes). Whatever comes in: never a 5xx,
// every answer is documented and valid (or the spec's Error where no operation answers), the server keeps
// serving, and its state stays right: a model of spaces, members and invite tokens predicts every status.
// Fixed seed, bounded runs.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { parse } from 'yaml';
import type { Spec } from '../src/openapi/spec-types.ts';
import type { User } from '../src/server/accounts.ts';
import { startServer, type RunningServer } from '../src/server/index.ts';
import { SEED_SPEC } from './helpers/corpus.ts';
import { closeRawAgent, rawRequest, type RawResponse } from './helpers/raw-http.ts';
import { valueFor } from './helpers/schema-arbitrary.ts';
import { ADMIN, basicHeader, EXAMPLE_GROUP, JOE, JOE_GROUP, tokenHeader } from './helpers/server-fixtures.ts';
import { SpecChecker, type SpecOp } from './helpers/spec-check.ts';

const SEED = 20260611;
const spec = parse(readFileSync(SEED_SPEC, 'utf8')) as Spec;

interface Attempt {
  op: SpecOp;
  method: string;
  /** Path below the base path, sent exactly as is. */
  path: string;
  headers: Record<string, string | string[]>;
  body?: string | Buffer;
}

let server: RunningServer;
let checker: SpecChecker;
const serverErrors: string[] = [];
const prototypeKeys = Object.getOwnPropertyNames(Object.prototype);

before(async () => {
  checker = await SpecChecker.load(SEED_SPEC);
  server = await startServer({
    port: 0,
    specPath: SEED_SPEC,
    log: (line) => line.startsWith('error') && serverErrors.push(line),
  });
});
after(async () => {
  await server.close();
  closeRawAgent();
});

// ---------------------------------------------------------------------------------------------------------------
// Building requests from the spec

const credentials = fc.constantFrom<Record<string, string>>(
  tokenHeader(ADMIN),
  basicHeader(ADMIN),
  tokenHeader(JOE),
  basicHeader(JOE),
);
const pathValue = fc.oneof(
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 30 }),
  fc.constantFrom(EXAMPLE_GROUP, JOE_GROUP),
);
const operations: SpecOp[] = Object.entries(spec.paths).flatMap(([path, item]) =>
  Object.entries(item).map(([method, op]) => ({ operationId: op.operationId, method: method.toUpperCase(), path, op })),
);
const operation = fc.constantFrom(...operations);

function fillPath(op: SpecOp, values: string[]): string {
  let i = 0;
  return op.path.replace(/\{[^}]+\}/g, () => values[i++] ?? 'x');
}

/** A request the spec allows: path values percent-encoded, a body that validates, valid credentials. */
function validAttempt(op: SpecOp): fc.Arbitrary<Attempt> {
  const schema = op.op.requestBody?.content['application/json']?.schema;
  const body = schema ? valueFor(schema, spec).map((value) => JSON.stringify(value)) : fc.constant(undefined);
  return fc
    .record({ values: fc.array(pathValue, { minLength: 2, maxLength: 2 }), body, auth: credentials })
    .map(({ values, body, auth }) => ({
      op,
      method: op.method,
      path: fillPath(op, values.map(encodeURIComponent)),
      headers: { ...auth, ...(body !== undefined && { 'content-type': 'application/json' }) },
      ...(body !== undefined && { body }),
    }));
}

/** A valid request with its JSON body object at hand, for the body mutations. */
function withBody(op: SpecOp, mutate: (body: Record<string, unknown>) => fc.Arbitrary<string>): fc.Arbitrary<Attempt> {
  return validAttempt(op).chain((attempt) => {
    const body = attempt.body === undefined ? {} : (JSON.parse(String(attempt.body)) as unknown);
    const object = body && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
    return mutate(object).map((text) => ({
      ...attempt,
      body: text,
      headers: { ...attempt.headers, 'content-type': 'application/json' },
    }));
  });
}

const otherTypeValue = fc.oneof(
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.integer(), { maxLength: 3 }),
  fc.object({ maxDepth: 1 }),
  fc.string(),
);
const trickyKey = fc.oneof(
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'hasOwnProperty', 'toString', 'valueOf', 'polluted'),
  fc.string({ maxLength: 12 }),
);
const badEncoding = fc.constantFrom(
  '%E0%A4%A',
  '%',
  '%%',
  '%ZZ',
  '%C0%80',
  '%FF%FE',
  'a%2',
  '%00',
  '..%2F..%2F',
  '%uD800',
);
const mediaType = fc.constantFrom(
  'text/plain',
  'application/xml',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/json-patch+json',
  '',
  'json',
  '*/*',
  'application/json; charset=latin1',
);

/** JSON text of an object with extra members, written by hand so "__proto__" stays an own key. */
function withMembers(body: Record<string, unknown>, extra: [string, unknown][]): string {
  const members = [...Object.entries(body), ...extra].map(
    ([key, value]) => `${JSON.stringify(key)}:${JSON.stringify(value) ?? 'null'}`,
  );
  return `{${members.join(',')}}`;
}

function brokenAttempt(op: SpecOp): fc.Arbitrary<Attempt> {
  const valid = validAttempt(op);
  const keys = (body: Record<string, unknown>) => Object.keys(body);
  return fc.oneof(
    // wrong type for one field
    withBody(op, (body) =>
      keys(body).length
        ? fc
            .tuple(fc.constantFrom(...keys(body)), otherTypeValue)
            .map(([key, value]) => JSON.stringify({ ...body, [key]: value }))
        : otherTypeValue.map((v) => JSON.stringify(v)),
    ),
    // a missing field
    withBody(op, (body) =>
      keys(body).length
        ? fc
            .constantFrom(...keys(body))
            .map((key) => JSON.stringify(Object.fromEntries(Object.entries(body).filter(([k]) => k !== key))))
        : fc.constant('{}'),
    ),
    // extra fields, prototype-polluting keys among them
    withBody(op, (body) =>
      fc
        .array(
          fc.tuple(
            trickyKey,
            fc.oneof(otherTypeValue, fc.constant({ polluted: true }), fc.constant({ prototype: { polluted: true } })),
          ),
          { minLength: 1, maxLength: 4 },
        )
        .map((extra) => withMembers(body, extra)),
    ),
    // a huge string (the default body limit is 1 MiB: some fit, some get 413)
    withBody(op, (body) =>
      fc
        .tuple(fc.constantFrom(...keys(body), 'name'), fc.integer({ min: 100_000, max: 1_500_000 }))
        .map(([key, size]) => JSON.stringify({ ...body, [key]: 'x'.repeat(size) })),
    ),
    // malformed JSON: cut short, or any text
    withBody(op, (body) =>
      fc.oneof(
        fc.nat().map((n) => JSON.stringify(body).slice(0, n % Math.max(1, JSON.stringify(body).length))),
        fc.string({ maxLength: 60 }),
      ),
    ),
    // bytes that are not even UTF-8
    valid.chain((a) =>
      fc.uint8Array({ minLength: 1, maxLength: 200 }).map((bytes) => ({
        ...a,
        body: Buffer.from(bytes),
        headers: { ...a.headers, 'content-type': 'application/json' },
      })),
    ),
    // bad percent-encoding in a path parameter
    valid.chain((a) => badEncoding.map((bad) => ({ ...a, path: fillPath(op, [bad, bad]) }))),
    // repeated headers
    valid.chain((a) =>
      fc
        .constantFrom<Record<string, string[]>>(
          { 'x-auth-token': [ADMIN.token, JOE.token] },
          { 'x-auth-token': [ADMIN.token, ADMIN.token] },
          { authorization: [basicHeader(JOE).Authorization, basicHeader(ADMIN).Authorization] },
          { 'content-type': ['application/json', 'text/plain'] },
          { 'content-type': ['text/plain', 'application/json'] },
        )
        .map((repeated) => ({ ...a, headers: { ...a.headers, ...repeated } })),
    ),
    // a media type the operation does not declare
    valid.chain((a) =>
      mediaType.map((type) => ({ ...a, headers: { ...a.headers, 'content-type': type }, body: a.body ?? '{}' })),
    ),
    // another method
    valid.chain((a) =>
      fc.constantFrom('GET', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD').map((method) => ({ ...a, method })),
    ),
    // random paths, query strings, inside the base path or not
    valid.chain((a) =>
      fc
        .tuple(fc.webPath(), fc.webQueryParameters(), fc.boolean())
        .map(([path, query, inside]) => ({ ...a, path: `${inside ? '' : '/..'}${path || '/'}?${query}` })),
    ),
  );
}

// ---------------------------------------------------------------------------------------------------------------
// What every answer must be

async function sendAttempt(attempt: Attempt): Promise<RawResponse> {
  return rawRequest({
    method: attempt.method,
    url: `${server.url}${attempt.path}`,
    headers: attempt.headers,
    ...(attempt.body !== undefined && { body: attempt.body }),
  });
}

function assertSound(attempt: Attempt, response: RawResponse): void {
  assert.ok(
    response.status >= 200 && response.status < 500,
    `${response.status} for ${describeAttempt(attempt)}: ${response.text.slice(0, 300)}`,
  );
  if (attempt.method === 'HEAD') return;
  const documented = Object.hasOwn(attempt.op.op.responses, String(response.status));
  const problems = documented ? checker.problems(attempt.op.operationId, response) : checker.errorProblems(response);
  assert.deepEqual(problems, [], describeAttempt(attempt));
}

function describeAttempt({ method, path, headers, body }: Attempt): string {
  const text = body === undefined ? '' : String(body);
  return `${method} ${path} ${JSON.stringify(headers)} ${text.length > 200 ? `${text.slice(0, 200)}… (${text.length} chars)` : text}`;
}

/** Create → invite → join still works, and the server still answers. */
async function assertWorkflowWorks(): Promise<void> {
  const created = await rawRequest({
    method: 'POST',
    url: `${server.url}/user/spaces`,
    headers: { ...tokenHeader(ADMIN), 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'after', token: 't', size: 1 }),
  });
  assert.equal(created.status, 201);
  const id = String(created.headers.location).split('/').pop()!;
  const invited = await rawRequest({
    method: 'POST',
    url: `${server.url}/spaces/${id}/users/token`,
    headers: tokenHeader(ADMIN),
  });
  assert.equal(invited.status, 200);
  const { token } = JSON.parse(invited.text) as { token: string };
  const joined = await rawRequest({
    method: 'POST',
    url: `${server.url}/user/spaces/join`,
    headers: { ...tokenHeader(JOE), 'content-type': 'application/json' },
    body: JSON.stringify({ token }),
  });
  assert.equal(joined.status, 201);
}

describe('requests built from the spec', () => {
  test('valid requests get a documented status with a valid body, never a 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(operation.chain(validAttempt), async (attempt) => {
        const response = await sendAttempt(attempt);
        assertSound(attempt, response);
        assert.ok(Object.hasOwn(attempt.op.op.responses, String(response.status)), `${response.status} is documented`);
      }),
      { seed: SEED, numRuns: 300 },
    );
    await assertWorkflowWorks();
  });

  test('broken requests get a 4xx in the spec’s Error shape, never a 5xx or a crash', async () => {
    await fc.assert(
      fc.asyncProperty(operation.chain(brokenAttempt), async (attempt) => {
        assertSound(attempt, await sendAttempt(attempt));
      }),
      { seed: SEED, numRuns: 600 },
    );
    await assertWorkflowWorks();
    assert.deepEqual(serverErrors, []);
  });

  test('nothing reached Object.prototype', () => {
    assert.deepEqual(Object.getOwnPropertyNames(Object.prototype), prototypeKeys);
    assert.equal(({} as { polluted?: unknown }).polluted, undefined);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// State: a model of spaces, memberships and invite tokens predicts every status

interface Model {
  /** Per space: username → may invite (the creator may, joiners may not). */
  spaces: Map<string, boolean>[];
  spaceIds: string[];
  tokens: { token: string; spaceIndex: number; used: boolean }[];
}

const asUser = (user: User) => ({ ...tokenHeader(user), 'content-type': 'application/json' });

async function call(
  operationId: string,
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: unknown,
): Promise<RawResponse> {
  const response = await rawRequest({
    method,
    url: `${server.url}${path}`,
    headers,
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  assert.deepEqual(checker.problems(operationId, response), []);
  return response;
}

class CreateSpace implements fc.AsyncCommand<Model, object> {
  constructor(readonly user: User) {}
  check = () => true;
  async run(model: Model): Promise<void> {
    const response = await call('create_user_space', 'POST', '/user/spaces', asUser(this.user), {
      name: 'model space',
      token: 't',
      size: 1,
    });
    assert.equal(response.status, 201);
    model.spaceIds.push(String(response.headers.location).split('/').pop()!);
    model.spaces.push(new Map([[this.user.username, true]]));
  }
  toString = () => `CreateSpace(${this.user.username})`;
}

class Invite implements fc.AsyncCommand<Model, object> {
  constructor(
    readonly user: User,
    readonly pick: number,
  ) {}
  check = (model: Readonly<Model>) => model.spaces.length > 0;
  async run(model: Model): Promise<void> {
    const index = this.pick % model.spaces.length;
    const response = await call(
      'create_space_user_invite_token',
      'POST',
      `/spaces/${model.spaceIds[index]}/users/token`,
      asUser(this.user),
    );
    const mayInvite = model.spaces[index]!.get(this.user.username) === true;
    assert.equal(response.status, mayInvite ? 200 : 403);
    if (mayInvite)
      model.tokens.push({
        token: (JSON.parse(response.text) as { token: string }).token,
        spaceIndex: index,
        used: false,
      });
  }
  toString = () => `Invite(${this.user.username}, ${this.pick})`;
}

class Join implements fc.AsyncCommand<Model, object> {
  constructor(
    readonly user: User,
    readonly pick: number,
    readonly tamper: boolean,
  ) {}
  check = (model: Readonly<Model>) => model.tokens.length > 0;
  async run(model: Model): Promise<void> {
    const entry = model.tokens[this.pick % model.tokens.length]!;
    const token = this.tamper ? `${entry.token.slice(0, -1)}${entry.token.endsWith('A') ? 'B' : 'A'}` : entry.token;
    const response = await call('join_space', 'POST', '/user/spaces/join', asUser(this.user), { token });
    const members = model.spaces[entry.spaceIndex]!;
    const error =
      response.status === 201 ? undefined : (JSON.parse(response.text) as { error: { id: string } }).error.id;
    if (this.tamper || entry.used) assert.deepEqual([response.status, error], [400, 'badValueToken']);
    else if (members.has(this.user.username))
      assert.deepEqual([response.status, error], [400, 'relationAlreadyExists']);
    else {
      assert.equal(response.status, 201);
      assert.equal(response.headers.location, `/user/spaces/${model.spaceIds[entry.spaceIndex]}`);
      entry.used = true;
      members.set(this.user.username, false);
    }
  }
  toString = () => `Join(${this.user.username}, ${this.pick}${this.tamper ? ', tampered' : ''})`;
}

class InviteToUnknownSpace implements fc.AsyncCommand<Model, object> {
  constructor(
    readonly user: User,
    readonly id: string,
  ) {}
  check = () => true;
  async run(): Promise<void> {
    const response = await call(
      'create_space_user_invite_token',
      'POST',
      `/spaces/${encodeURIComponent(this.id)}/users/token`,
      asUser(this.user),
    );
    assert.equal(response.status, 404);
  }
  toString = () => `InviteToUnknownSpace(${this.user.username}, ${JSON.stringify(this.id)})`;
}

test('a model of spaces, members and invite tokens predicts every answer of any sequence of calls', async () => {
  const user = fc.constantFrom(ADMIN, JOE);
  const commands = fc.commands(
    [
      user.map((u) => new CreateSpace(u)),
      fc.tuple(user, fc.nat()).map(([u, n]) => new Invite(u, n)),
      fc.tuple(user, fc.nat(), fc.boolean()).map(([u, n, tamper]) => new Join(u, n, tamper)),
      fc
        .tuple(user, fc.string({ unit: 'grapheme', minLength: 1, maxLength: 20 }))
        .map(([u, id]) => new InviteToUnknownSpace(u, `unknown-${id}`)),
    ],
    { maxCommands: 40, size: 'large' },
  );
  await fc.assert(
    fc.asyncProperty(commands, (cmds) =>
      fc.asyncModelRun(() => ({ model: { spaces: [], spaceIds: [], tokens: [] }, real: {} }), cmds),
    ),
    { seed: SEED, numRuns: 60 },
  );
});
