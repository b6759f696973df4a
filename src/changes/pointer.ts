// JSON pointers (RFC 6901): the address of every change in the spec it names.

/** `base` extended by one reference token, escaped. */
export function child(base: string, token: string | number): string {
  return `${base}/${String(token).replaceAll('~', '~0').replaceAll('/', '~1')}`;
}

/** The value `pointer` (a `#/…` fragment or a plain pointer) names in `doc`, or undefined. */
export function lookup(doc: unknown, pointer: string): unknown {
  const plain = pointer.startsWith('#') ? decodeURIComponent(pointer.slice(1)) : pointer;
  if (plain === '') return doc;
  let node: unknown = doc;
  for (const raw of plain.slice(1).split('/')) {
    const token = raw.replaceAll('~1', '/').replaceAll('~0', '~');
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[token];
  }
  return node;
}
