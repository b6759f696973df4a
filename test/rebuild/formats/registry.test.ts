// src/rebuild/formats/registry.ts and extract/page.ts: each page goes to the format that recognises it by name and
// text, before any parse. Pages: test/fixtures/ (see its README).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { newParseMemo } from '../../../src/rebuild/extract/context.ts';
import { readPage } from '../../../src/rebuild/extract/page.ts';
import { Findings } from '../../../src/rebuild/findings.ts';
import { FormatRegistry } from '../../../src/rebuild/formats/registry.ts';
import { fixture } from '../helpers.ts';

const MARKDOWN = fixture('swagger2markup/onezone-check_my_ports.md');
const PLAIN = fixture('plaintext/onedata-org-create_user_group_invite_token.txt');

describe('FormatRegistry.detect (built-in formats)', () => {
  const cases: { what: string; file: string; text: string; want: string | undefined }[] = [
    { what: 'a swagger2markup operation page', file: 'check_my_ports.md', text: MARKDOWN, want: 'swagger2markup' },
    // spec/source/000_*.txt: a swagger2markup page saved as .txt.
    { what: 'swagger2markup Markdown saved as .txt', file: '000.txt', text: MARKDOWN, want: 'swagger2markup' },
    { what: 'the onedata.org plain-text reference', file: '003.txt', text: PLAIN, want: 'plaintext' },
    { what: "plain-text labels in a .md page (Markdown's)", file: '003.md', text: PLAIN, want: 'swagger2markup' },
    {
      what: 'plain-text labels under a swagger2markup anchor line',
      file: '003.txt',
      text: `<a name="create_user_group_invite_token"></a>\n${PLAIN}`,
      want: 'swagger2markup',
    },
    { what: 'a page no built-in format reads', file: 'paths.adoc', text: '== Paths\n', want: undefined },
  ];
  const formats = FormatRegistry.withBuiltins();
  for (const { what, file, text, want } of cases) {
    it(`${what} → ${want ?? 'no format'}`, () => assert.equal(formats.detect(file, text)?.name, want));
  }

  it('picks directory pages by the extensions the formats read', () => {
    assert.deepEqual(
      ['a.md', 'B.MARKDOWN', 'c.txt', 'd.adoc', 'e.ops', 'md'].map((f) => formats.mayRead(f)),
      [true, true, true, false, false, false],
    );
    assert.equal(formats.extensionList(), '.txt, .md or .markdown');
  });

  it('disable reports the names no format has', () => {
    assert.deepEqual(
      FormatRegistry.withBuiltins().disable(['swagger2markup/operation/parameters', 'swagger2markup/nothing']),
      ['swagger2markup/nothing'],
    );
  });
});

describe('readPage', () => {
  it('reads a plain-text page as its lines, never through markdown-it', () => {
    const memo = newParseMemo();
    const page = readPage({ file: '003.txt', text: PLAIN, release: '20.02', order: 0 }, new Findings(), memo);
    assert.equal(page.format?.name, 'plaintext');
    assert.deepEqual(page.read, PLAIN.split('\n'));
    assert.equal(memo.inline.size, 0, 'no inline run was parsed');
  });

  it('reads a swagger2markup page into Markdown blocks', () => {
    const memo = newParseMemo();
    const page = readPage(
      { file: 'check_my_ports.md', text: MARKDOWN, release: 'rc8', order: 0 },
      new Findings(),
      memo,
    );
    assert.equal(page.format?.name, 'swagger2markup');
    assert.deepEqual(
      (page.read as { kind: string }[]).slice(0, 2).map((b) => b.kind),
      ['anchor', 'heading'],
    );
    assert.ok(memo.inline.size > 0);
  });
});
