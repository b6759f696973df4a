// The state budget holds (issue 23 item 3): each store is flooded with bodies of one shape until the 507, and
// the heap (heapUsed after a full GC) has grown by at most 1.25× the configured budget. Before the budget was
// charged from a body's structure, LUMA details made of many small objects cost 5.35× their charge. A body
// nested deeper than 64 levels is a 400 before it is parsed (it was a 500 from JSON.stringify's recursion).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { startServer, type RunningServer } from '../../src/server/index.ts';
import { ADMIN, tokenHeader } from '../helpers/server-fixtures.ts';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const heap = () => {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
};

const BUDGET = 8 * 1024 * 1024;
const json = { ...tokenHeader(ADMIN), 'content-type': 'application/json' };

/** Sends `body(i)` until the first 507 (at most `max` requests); returns the statuses seen. */
async function floodUntilFull(
  url: string,
  headers: Record<string, string>,
  body: (i: number) => unknown,
  max = 20_000,
) {
  const statuses = new Map<number, number>();
  for (let i = 0; i < max; i++) {
    const res = await fetch(url, { method: 'POST', headers, body: JSON.stringify(body(i)) });
    await res.arrayBuffer();
    statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
    if (res.status === 507) return statuses;
    assert.ok(res.status < 300, `request ${i}: ${res.status}`);
  }
  assert.fail(`no 507 after ${max} requests: ${JSON.stringify([...statuses])}`);
}

// A LUMA user's details (UserDetails: id, name, connectedAccounts, …) in the shapes a flood can take, each within
// the 16 KB a user's details may be.
const unique = (i: number) => `${i}-${Math.random().toString(36).slice(2)}`;
const SHAPES: Record<string, (i: number) => unknown> = {
  flat: (i) => ({ id: unique(i), name: 'n'.repeat(15_000) }),
  'many small objects': (i) => ({ id: unique(i), connectedAccounts: Array.from({ length: 5000 }, () => ({})) }),
  wide: (i) => ({ id: unique(i), ...Object.fromEntries(Array.from({ length: 1200 }, (_, k) => [`k${k}`, k])) }),
  nested: (i) => {
    let value: unknown = { id: unique(i) };
    for (let d = 0; d < 60; d++) value = { a: value, b: [d, `${d}`] };
    return { id: unique(i), connectedAccounts: [value] };
  },
  'non-ASCII': (i) => ({ id: unique(i), name: 'żółć日本'.repeat(900) }),
  'unique strings': (i) => ({ id: unique(i), emails: Array.from({ length: 500 }, (_, k) => `${k}.${unique(i)}`) }),
};

describe('the state budget holds against floods of every shape', () => {
  for (const [shape, body] of Object.entries(SHAPES)) {
    test(`LUMA details, ${shape}: heap growth ≤ 1.25× the budget at the 507`, async () => {
      const server = await startServer({ port: 0, log: false, state: { budgetBytes: BUDGET } });
      try {
        const url = `${server.urls.luma}/admin/users`;
        // One created and one refused request first, so what they compile or cache is not counted as state.
        const first = await fetch(url, { method: 'POST', headers: json, body: '{"id":"warm"}' });
        assert.equal(first.status, 201);
        await fetch(url, { method: 'POST', headers: json, body: '[' });
        const start = heap();
        const statuses = await floodUntilFull(url, json, body);
        const grown = heap() - start;
        assert.ok((statuses.get(201) ?? 0) >= 10, `${JSON.stringify([...statuses])}`);
        assert.ok(grown <= 1.25 * BUDGET, `${shape}: the heap grew ${grown} bytes, budget ${BUDGET}`);
      } finally {
        await server.close();
      }
    });
  }

  test('Onezone spaces: heap growth ≤ 1.25× the budget at the 507', async () => {
    // The quota of 1000 spaces a user is lifted, so that the budget is what stops the flood.
    const state = { budgetBytes: BUDGET, spacesPerUser: 100_000 };
    const server = await startServer({ port: 0, log: false, state });
    try {
      const spaces = `${server.urls.onezone}/user/spaces`;
      assert.equal((await fetch(spaces, { method: 'POST', headers: json, body: '{"name":"warm"}' })).status, 201);
      // Requests that keep nothing, so that what a cold process compiles and caches is not counted as state.
      for (let i = 0; i < 300; i++)
        await (await fetch(spaces, { method: 'POST', headers: json, body: '[' })).arrayBuffer();
      const start = heap();
      // Names of 700 characters, at most 760 UTF-8 bytes (at most 1024 are kept), whatever the random part's length.
      const made = await floodUntilFull(spaces, json, (i) => ({ name: `ś${unique(i)}`.repeat(60).slice(0, 700) }));
      const grown = heap() - start;
      assert.ok((made.get(201) ?? 0) >= 1000, JSON.stringify([...made]));
      assert.ok(grown <= 1.25 * BUDGET, `spaces: the heap grew ${grown} bytes, budget ${BUDGET}`);
    } finally {
      await server.close();
    }
  });
});

describe('nesting', () => {
  let server: RunningServer;
  before(async () => {
    server = await startServer({ port: 0, log: false });
  });
  after(() => server.close());

  test('details nested 5000 deep are a 400 in LUMA’s Error shape, not a 500', async () => {
    const deep = `{"id":"d","connectedAccounts":[${'['.repeat(5000)}${']'.repeat(5000)}]}`;
    const res = await fetch(`${server.urls.luma}/admin/users`, { method: 'POST', headers: json, body: deep });
    assert.equal(res.status, 400);
    const body = (await res.json()) as Record<string, string>;
    assert.match(body.errorDescription!, /nests deeper than 64 levels/);
  });

  test('brackets inside strings do not count as nesting', async () => {
    const body = JSON.stringify({ id: 'brackets', name: '['.repeat(500) });
    const res = await fetch(`${server.urls.luma}/admin/users`, { method: 'POST', headers: json, body });
    assert.equal(res.status, 201);
  });
});
