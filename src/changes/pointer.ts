// JSON pointers (RFC 6901): the address of every change in the spec it names.
import { escapePointerFragment, unescapePointerFragment } from '@redocly/openapi-core';

/** `base` extended by one reference token, escaped. */
export function child(base: string, token: string | number): string {
  return `${base}/${escapePointerFragment(String(token))}`;
}

/** The value `pointer` (a `#/…` fragment or a plain pointer) names in `doc`, or undefined. */
export function lookup(doc: unknown, pointer: string): unknown {
  // openapi-core's unescape also percent-decodes, as a `#/…` fragment needs; a plain pointer is kept as written.
  const plain = pointer.startsWith('#') ? pointer.slice(1) : pointer.replaceAll('%', '%25');
  if (plain === '') return doc;
  let node: unknown = doc;
  for (const raw of plain.slice(1).split('/')) {
    const token = unescapePointerFragment(raw);
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[token];
  }
  return node;
}
