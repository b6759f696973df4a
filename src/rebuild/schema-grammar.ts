// The little type language of swagger2markup's "Schema" column: `string`, `integer (int64)`, `enum (a, b)`,
// `< string > array`, `< string, integer > map`, `[Space](../definitions/Space.md#space)`, `No Content`,
// and `[name](#op-name)` pointing at an inline object table on the same page (alone, as array items or as map
// values: `< string, [users](#panelconfiguration-users) > map`).
import type { Span } from './markdown/blocks.ts';
import type { Schema } from './model.ts';
import { componentRef } from '../openapi/ref-utils.ts';

export type TypeExpr =
  | { kind: 'schema'; schema: Schema }
  | { kind: 'local'; anchor: string; shape: 'object' | 'array' | 'map' }
  | { kind: 'none' };

type Tok = { t: 'word'; v: string } | { t: 'punct'; v: string } | { t: 'ref'; name: string; href: string };

const PRIMITIVES = new Set(['string', 'integer', 'number', 'boolean', 'object', 'file']);

export class TypeSyntaxError extends Error {}

/** Parses a Schema cell; throws TypeSyntaxError with a readable reason when the cell is not in the grammar. */
export function parseTypeExpr(spans: readonly Span[]): TypeExpr {
  // Most cells are one bare primitive (`string`, `integer`): no tokens needed.
  const only = spans.length === 1 ? spans[0] : undefined;
  if (only?.kind === 'text' && PRIMITIVES.has(only.text) && only.text !== 'file')
    return { kind: 'schema', schema: { type: only.text } };
  const toks = tokenize(spans);
  if (toks.length === 0) throw new TypeSyntaxError('empty schema cell');
  let pos = 0;
  const peek = (): Tok | undefined => toks[pos];
  const take = (): Tok => {
    const tok = toks[pos++];
    if (!tok) throw new TypeSyntaxError('schema cell ends early');
    return tok;
  };
  const expect = (v: string): void => {
    const tok = take();
    if (tok.t === 'ref' || tok.v !== v) throw new TypeSyntaxError(`expected "${v}"`);
  };

  const parse = (): TypeExpr => {
    const tok = take();
    if (tok.t === 'ref') {
      if (tok.href.startsWith('#')) return { kind: 'local', anchor: tok.href.slice(1), shape: 'object' };
      // Component names are what OpenAPI allows in components/schemas keys.
      if (!/^[A-Za-z0-9._-]+$/.test(tok.name)) throw new TypeSyntaxError(`"${tok.name}" is not a schema name`);
      return { kind: 'schema', schema: componentRef(tok.name) };
    }
    if (tok.v === '<') {
      const inner = [parse()];
      while (peek()?.t === 'punct' && (peek() as { v: string }).v === ',') {
        take();
        inner.push(parse());
      }
      expect('>');
      const shape = take();
      if (shape.t !== 'word' || (shape.v !== 'array' && shape.v !== 'map')) {
        throw new TypeSyntaxError('expected "array" or "map" after "< … >"');
      }
      const item = inner[inner.length - 1]!;
      if (item.kind === 'local') {
        if (item.shape !== 'object') throw new TypeSyntaxError('a collection of collections of inline objects');
        return { ...item, shape: shape.v };
      }
      if (item.kind === 'none') throw new TypeSyntaxError('"No Content" inside a collection');
      return shape.v === 'array'
        ? { kind: 'schema', schema: { type: 'array', items: item.schema } }
        : { kind: 'schema', schema: { type: 'object', additionalProperties: item.schema } };
    }
    if (tok.v === 'enum') {
      expect('(');
      const values: string[] = [];
      for (let next = take(); !(next.t === 'punct' && next.v === ')'); next = take()) {
        if (next.t === 'word') values.push(next.v);
        else if (next.t === 'ref' || next.v !== ',') throw new TypeSyntaxError('unexpected token in enum');
      }
      return { kind: 'schema', schema: { type: 'string', enum: values } };
    }
    if (tok.v === 'No' && peek()?.t === 'word' && (peek() as { v: string }).v === 'Content') {
      take();
      return { kind: 'none' };
    }
    if (PRIMITIVES.has(tok.v)) {
      const schema: Schema = tok.v === 'file' ? { type: 'string', format: 'binary' } : { type: tok.v };
      if (peek()?.t === 'punct' && (peek() as { v: string }).v === '(') {
        take();
        const format = take();
        if (format.t !== 'word') throw new TypeSyntaxError('expected a format name');
        schema.format = format.v;
        expect(')');
      }
      return { kind: 'schema', schema };
    }
    throw new TypeSyntaxError(`unknown type "${tok.t === 'word' ? tok.v : '?'}"`);
  };

  const result = parse();
  if (pos < toks.length) throw new TypeSyntaxError('unexpected text after the type');
  return result;
}

function tokenize(spans: readonly Span[]): Tok[] {
  const toks: Tok[] = [];
  for (const s of spans) {
    if (s.kind === 'link') {
      toks.push({ t: 'ref', name: s.text.trim(), href: s.href });
      continue;
    }
    if (s.kind === 'br') continue;
    for (const m of s.text.matchAll(/[<>(),]|[^\s<>(),]+/g)) {
      toks.push(/^[<>(),]$/.test(m[0]) ? { t: 'punct', v: m[0] } : { t: 'word', v: m[0] });
    }
  }
  return toks;
}
