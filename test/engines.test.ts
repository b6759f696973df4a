// `npm ci` on Node 20 prints no EBADENGINE: every package in package-lock.json that declares engines.node
// accepts the lowest Node the project supports (root package.json engines.node) and the Node running the tests,
// and @apidevtools/json-schema-ref-parser (through openapi-backend) is locked at the version package.json's
// `overrides` pins, its last release for Node 20.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/** The part of semver this test uses (the project has no @types/semver). */
interface Semver {
  minVersion(range: string): { version: string } | null;
  satisfies(version: string, range: string, options?: { includePrerelease?: boolean }): boolean;
  major(version: string): number;
}
const semver = createRequire(import.meta.url)('semver') as Semver;

interface Manifest {
  engines?: { node?: string };
  overrides?: Record<string, unknown>;
}
interface LockEntry {
  name?: string;
  version?: string;
  engines?: Record<string, unknown> | string[];
}
interface Lock {
  lockfileVersion: number;
  packages: Record<string, LockEntry>;
}

const ROOT = new URL('../', import.meta.url);
const manifest = JSON.parse(readFileSync(new URL('package.json', ROOT), 'utf8')) as Manifest;
const lock = JSON.parse(readFileSync(new URL('package-lock.json', ROOT), 'utf8')) as Lock;

const OVERRIDDEN = '@apidevtools/json-schema-ref-parser';

/** The lowest Node the project supports: the smallest version package.json's engines.node admits. */
function lowestSupportedNode(): string {
  const range = manifest.engines?.node;
  assert.equal(typeof range, 'string', 'package.json declares engines.node');
  const lowest = semver.minVersion(range as string);
  assert.ok(lowest, `engines.node ${range} admits some version`);
  return lowest.version;
}

/** Lock entries (not the root) whose package declares engines.node, with that range. */
function nodeRanges(): { path: string; range: string }[] {
  const ranges: { path: string; range: string }[] = [];
  for (const [path, entry] of Object.entries(lock.packages)) {
    if (path === '' || !entry.engines || Array.isArray(entry.engines)) continue;
    const range = entry.engines.node;
    if (range !== undefined) ranges.push({ path, range: String(range) });
  }
  return ranges;
}

/** Lines naming each package whose engines.node does not admit `version`, the way npm checks it. */
function offenders(version: string): string[] {
  return nodeRanges()
    .filter(({ range }) => !semver.satisfies(version, range, { includePrerelease: true }))
    .map(({ path, range }) => `  ${path}@${lock.packages[path]?.version ?? '?'}: engines.node "${range}"`);
}

describe('engines: npm ci on the supported Node versions prints no EBADENGINE', () => {
  test('package-lock.json is a lockfileVersion 3 lock whose packages declare engines.node', () => {
    assert.equal(lock.lockfileVersion, 3);
    assert.ok(nodeRanges().length > 100, `only ${nodeRanges().length} packages declare engines.node`);
  });

  test('the lowest supported Node (package.json engines.node) is a Node 20 release', () => {
    assert.equal(semver.major(lowestSupportedNode()), 20, `engines.node ${manifest.engines?.node}`);
  });

  test('every locked package admits the lowest supported Node', () => {
    const lowest = lowestSupportedNode();
    const bad = offenders(lowest);
    assert.deepEqual(bad, [], `packages in package-lock.json that refuse Node ${lowest}:\n${bad.join('\n')}`);
  });

  test('every locked package admits the Node running the tests', () => {
    const bad = offenders(process.version);
    assert.deepEqual(bad, [], `packages in package-lock.json that refuse Node ${process.version}:\n${bad.join('\n')}`);
  });

  test(`${OVERRIDDEN} is locked at the version package.json overrides it to`, () => {
    const override = manifest.overrides?.[OVERRIDDEN];
    assert.equal(typeof override, 'string', `package.json overrides ${OVERRIDDEN} with a version`);
    const entries = Object.entries(lock.packages).filter(([path]) => path.endsWith(`node_modules/${OVERRIDDEN}`));
    assert.ok(entries.length > 0, `package-lock.json has an entry for ${OVERRIDDEN}`);
    const versions = entries.map(([path, entry]) => `${path}@${entry.version}`);
    const expected = entries.map(([path]) => `${path}@${override}`);
    assert.deepEqual(versions, expected, `the override pins ${OVERRIDDEN} to ${override}`);
  });
});
