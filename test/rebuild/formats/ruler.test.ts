// src/rebuild/formats/ruler.ts: a named rule chain (markdown-it's Ruler): order, placement by name, on and off.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Ruler } from '../../../src/rebuild/formats/ruler.ts';

const chain = () =>
  new Ruler<string>('fmt/op')
    .push('endpoint', 'E')
    .push('responses', 'R')
    .before('responses', 'parameters', 'P')
    .after('responses', 'examples', 'X');

describe('Ruler', () => {
  const cases: { what: string; edit: (r: Ruler<string>) => unknown; want: string[] }[] = [
    {
      what: 'push appends; before and after place by name',
      edit: () => undefined,
      want: ['fmt/op/endpoint', 'fmt/op/parameters', 'fmt/op/responses', 'fmt/op/examples'],
    },
    {
      what: 'disable takes a rule out of getRules',
      edit: (r) => r.disable(['fmt/op/parameters']),
      want: ['fmt/op/endpoint', 'fmt/op/responses', 'fmt/op/examples'],
    },
    {
      what: 'enable puts it back in its place',
      edit: (r) => {
        r.disable(['fmt/op/parameters', 'fmt/op/examples']);
        r.enable(['fmt/op/parameters']);
      },
      want: ['fmt/op/endpoint', 'fmt/op/parameters', 'fmt/op/responses'],
    },
  ];
  for (const { what, edit, want } of cases) {
    it(what, () => {
      const r = chain();
      edit(r);
      assert.deepEqual(
        r.getRules().map(([name]) => name),
        want,
      );
    });
  }

  it('getRules gives each rule with its qualified name, in order', () => {
    assert.deepEqual(chain().getRules(), [
      ['fmt/op/endpoint', 'E'],
      ['fmt/op/parameters', 'P'],
      ['fmt/op/responses', 'R'],
      ['fmt/op/examples', 'X'],
    ]);
  });

  it('disable returns the names the chain holds, so a caller can report the others', () => {
    assert.deepEqual(chain().disable(['fmt/op/responses', 'fmt/op/nothing', 'other/endpoint']), ['fmt/op/responses']);
  });

  it('names lists disabled rules too', () => {
    const r = chain();
    r.disable(['fmt/op/endpoint']);
    assert.equal(r.names().length, 4);
  });

  it('placing a rule next to one the chain lacks is an error naming both', () => {
    assert.throws(() => chain().before('nothing', 'x', 'Y'), /rule chain fmt\/op has no rule nothing/);
  });
});
