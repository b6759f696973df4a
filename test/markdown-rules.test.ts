// The rebuilder's markdown-it replaces two core rules (markdown/shared-inline.ts parses each distinct inline run
// once per build; markdown/normalize-when-needed.ts copies a page only when it has \r or NUL) and the block
// state's line table (markdown/line-marked-state.ts). Its tokens must be exactly stock markdown-it's: on every
// corpus page, whatever page a run was first seen on. The same holds for the blocks read from them, whose cells
// are read once per shared run.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Findings } from '../src/rebuild/findings.ts';
import { directorySources } from '../src/rebuild/docs/read-docs.ts';
import {
  markdownBlocks,
  newSharedRuns,
  parseMarkdownTokens,
  parseSharedTokens,
} from '../src/rebuild/markdown/markdown-blocks.ts';
import type { InlineCache } from '../src/rebuild/markdown/shared-inline.ts';
import { CORPUS_DIR } from './helpers/corpus.ts';

const pages = directorySources(CORPUS_DIR, new Findings(), CORPUS_DIR);

test('corpus: every page parses to stock markdown-it tokens with one cache shared by all pages, in either order', () => {
  assert.equal(pages.length, 268);
  for (const order of [pages, [...pages].reverse()]) {
    const cache: InlineCache = new Map();
    for (const page of order)
      assert.deepStrictEqual(parseSharedTokens(page.text, cache), parseMarkdownTokens(page.text), page.file);
    // One entry per distinct inline run, counted on stock tokens: repeated runs were not parsed again.
    const distinct = new Set(
      pages.flatMap((p) =>
        parseMarkdownTokens(p.text)
          .filter((t) => t.type === 'inline')
          .map((t) => t.content),
      ),
    );
    assert.equal(cache.size, distinct.size);
  }
});

test('corpus: a run repeated on two pages is parsed once (the Responses heading of two operation pages)', () => {
  const cache: InlineCache = new Map();
  const heading = (file: string) => {
    const page = pages.find((p) => p.file === file)!;
    return parseSharedTokens(page.text, cache).find((t) => t.type === 'inline' && t.content === 'Responses')!;
  };
  const first = heading('operations/create_space.md');
  const second = heading('operations/get_space.md');
  assert.equal(second.children, first.children);
  assert.equal(first.children![0]!.content, 'Responses');
});

test('corpus: blocks read with the runs shared across pages equal blocks read page by page; a repeated cell is read once', () => {
  const shared = newSharedRuns();
  for (const page of pages)
    assert.deepStrictEqual(markdownBlocks(page.text, undefined, shared), markdownBlocks(page.text), page.file);
  // The Responses table header of two operation pages: one cell object, read from the first page's tokens.
  const responsesHeader = (file: string) => {
    const blocks = markdownBlocks(pages.find((p) => p.file === file)!.text, undefined, shared);
    const table = blocks.find((b) => b.kind === 'table' && b.header[0]?.text === 'HTTP Code');
    return table?.kind === 'table' ? table.header : [];
  };
  const first = responsesHeader('operations/create_space.md');
  const second = responsesHeader('operations/get_space.md');
  assert.deepEqual(
    first.map((c) => c.text),
    ['HTTP Code', 'Description', 'Schema'],
  );
  assert.equal(second[1], first[1]);
});

test('a page that defines link references is parsed on its own: the same run can be a link there', () => {
  const cache: InlineCache = new Map();
  const plain = parseSharedTokens('See [Error]\n', cache);
  assert.deepEqual(
    plain[1]!.children!.map((t) => t.type),
    ['text'],
  );
  const withReference = 'See [Error]\n\n[Error]: https://example.org/error\n';
  const tokens = parseSharedTokens(withReference, cache);
  assert.deepStrictEqual(tokens, parseMarkdownTokens(withReference));
  assert.deepEqual(
    tokens[1]!.children!.map((t) => t.type),
    ['text', 'link_open', 'text', 'link_close'],
  );
  assert.equal(tokens[1]!.children![1]!.attrGet('href'), 'https://example.org/error');
});

test('line ends and NUL: \\r\\n, a lone \\r and NUL give the stock tokens (same lines, U+FFFD)', () => {
  const cache: InlineCache = new Map();
  for (const page of [
    '# Title\r\n\r\n| a | b |\r\n|---|---|\r\n| 1 | 2 |\r\n',
    'one\rtwo\r\rthree\n',
    'nul \0 here\n\n```\n\0\n```\n',
  ]) {
    assert.deepStrictEqual(parseSharedTokens(page, cache), parseMarkdownTokens(page), JSON.stringify(page));
  }
  const lines = parseSharedTokens('one\rtwo\r\rthree\n', new Map())
    .filter((t) => t.type === 'paragraph_open')
    .map((t) => t.map);
  assert.deepEqual(lines, [
    [0, 2],
    [3, 4],
  ]);
  assert.equal(parseSharedTokens('a\0b\n', new Map())[1]!.content, 'a\uFFFDb');
});
