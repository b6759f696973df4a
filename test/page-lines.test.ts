// PageLines slices lines out of a page on demand; it must give what splitting the page gives.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { PageLines } from '../src/rebuild/markdown/page-lines.ts';

/** The reference: split on \n, drop each line's trailing \r. */
const splitLines = (text: string) => text.split('\n').map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));

test('a swagger2markup page: count, lines and the description excerpt', () => {
  const page =
    '<a name="get_space"></a>\n### Get space details\n```\nGET /spaces/{id}\n```\n\n#### Description\nReturns the details.\n\nMore.\n';
  const lines = new PageLines(page);
  assert.equal(lines.count, 11);
  assert.equal(lines.line(3), 'GET /spaces/{id}');
  assert.equal(lines.line(10), '');
  assert.equal(lines.line(11), '');
  assert.equal(lines.excerpt(8, 10), 'Returns the details.\n\nMore.');
  assert.equal(lines.excerpt(8, 99), 'Returns the details.\n\nMore.\n');
  assert.equal(lines.excerpt(5, 4), '');
});

test('CRLF page: lines and excerpts without the \\r', () => {
  const lines = new PageLines('a\r\nb\r\n\r\nc');
  assert.deepEqual(
    [0, 1, 2, 3].map((i) => lines.line(i)),
    ['a', 'b', '', 'c'],
  );
  assert.equal(lines.excerpt(1, 2), 'a\nb');
});

test('any text, any range: what split and join give (fast-check)', () => {
  const text = fc
    .array(fc.constantFrom('a', 'bc', ' ', '\n', '\r\n', '\r', '|'), { maxLength: 30 })
    .map((parts) => parts.join(''));
  fc.assert(
    fc.property(text, fc.integer({ min: -2, max: 12 }), fc.integer({ min: -2, max: 12 }), (t, from, to) => {
      const lines = new PageLines(t);
      const reference = splitLines(t);
      assert.equal(lines.count, reference.length);
      for (let i = 0; i < reference.length + 2; i++) assert.equal(lines.line(i), reference[i] ?? '');
      assert.equal(lines.excerpt(from, to), reference.slice(from - 1, to).join('\n'));
      assert.deepEqual(lines.all, reference);
    }),
    { numRuns: 20000 },
  );
});
