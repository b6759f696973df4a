// Prose constraints (issue 23 item 7): a description's length and character rules become minLength, maxLength
// and pattern, with x-inferred-from naming the line and an info finding for the report. The Onepanel page is the
// docs' own; the other phrasings are one sentence each.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../../src/paths.ts';
import { Findings } from '../../../src/rebuild/findings.ts';
import type { Schema } from '../../../src/rebuild/model.ts';
import { proseConstraints } from '../../../src/rebuild/post-emit/prose-constraints.ts';

const PAGE = 'spec/onepanel/docs/17.06.0-rc8/definitions/UserCreateRequest.md';

function run(properties: Record<string, Schema>, text = '') {
  const document: Schema = { components: { schemas: { S: { type: 'object', properties } } } };
  const findings = new Findings();
  proseConstraints(document, [{ file: 'page.md', text, release: 'r', order: 0 }], findings);
  return { properties, findings: findings.all };
}

test("Onepanel's UserCreateRequest: the password and username rules of its page, at their lines", () => {
  const text = readFileSync(join(PROJECT_ROOT, PAGE), 'utf8');
  // The descriptions as the page's rows state them (lines 9 and 11).
  const rows = text.split('\n');
  const description = (line: number) => rows[line - 1]!.split('|')[2]!;
  const password: Schema = { type: 'string', description: description(9) };
  const username: Schema = { type: 'string', description: description(11) };
  const document: Schema = { components: { schemas: { UserCreateRequest: { properties: { password, username } } } } };
  const findings = new Findings();
  proseConstraints(document, [{ file: PAGE, text, release: '17.06.0-rc8', order: 0 }], findings);
  assert.equal(password.minLength, 8);
  const pattern = new RegExp(password.pattern as string, 'u');
  for (const ok of ['Password1', 'aB3aaaaa']) assert.ok(pattern.test(ok), ok);
  // No lower case letter, no upper case letter, no digit, a colon.
  for (const bad of ['P@@$$W0RD', 'password1', 'Password', 'Pass:word1']) assert.ok(!pattern.test(bad), bad);
  assert.equal(password['x-inferred-from'], `${PAGE}:9`);
  assert.equal(username.minLength, 4);
  assert.equal(username.pattern, '^[a-zA-Z0-9]*$');
  assert.equal(username['x-inferred-from'], `${PAGE}:11`);
  const infos = findings.all.filter((f) => f.code === 'inferred-constraint');
  assert.deepEqual(
    infos.map((f) => `${f.file}:${f.line}`),
    [`${PAGE}:9`, `${PAGE}:11`],
  );
  assert.ok(infos.every((f) => f.severity === 'info'));
});

test('each phrasing alone: at most, a minimum of 2, must not contain, contain only', () => {
  const { properties } = run({
    a: { type: 'string', description: 'A code. It must be at most 12 characters long.' },
    b: { type: 'string', description: 'A key with a minimum of 2 numeric characters [0-9].' },
    c: { type: 'string', description: 'A label that must not contain a slash character [/].' },
    d: { type: 'string', description: 'An id that may contain only lower case letters [a-z].' },
  });
  assert.equal(properties.a!.maxLength, 12);
  assert.equal(properties.b!.pattern, '^(?=(?:.*[0-9]){2}).*$');
  assert.ok(new RegExp(properties.b!.pattern as string, 'u').test('a1b2'));
  assert.ok(!new RegExp(properties.b!.pattern as string, 'u').test('a1b'));
  assert.equal(properties.c!.pattern, '^(?!.*[/]).*$');
  assert.equal(properties.d!.pattern, '^[a-z]*$');
});

test('no rule read: prose stays prose; stated keywords and non-strings are left alone', () => {
  const { properties, findings } = run({
    plain: { type: 'string', description: 'The user name.' },
    stated: { type: 'string', minLength: 2, description: 'At least 8 characters long.' },
    count: { type: 'integer', description: 'At least 8 characters long.' },
  });
  assert.deepEqual(properties.plain, { type: 'string', description: 'The user name.' });
  assert.equal(properties.stated!.minLength, 2);
  assert.equal(properties.count!.minLength, undefined);
  assert.deepEqual(findings, []);
});
