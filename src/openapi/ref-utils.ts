// One home for what a reference to a schema component looks like, as Redocly keeps it in ref-utils.ts: every
// module that writes, reads or walks `#/components/schemas/<Name>` goes through these.

/** The JSON pointer prefix of every schema component reference. */
const SCHEMA_REF_PREFIX = '#/components/schemas/';

/** A `$ref` to the schema component `name`. */
export function componentRef(name: string): { $ref: string } {
  return { $ref: SCHEMA_REF_PREFIX + name };
}

/** The component name a `$ref` string points at, or undefined for any other reference. */
export function refTarget(ref: unknown): string | undefined {
  // Component names match ^[a-zA-Z0-9._-]+$ (OpenAPI 3.1), so a name is never percent-encoded.
  return typeof ref === 'string' && ref.startsWith(SCHEMA_REF_PREFIX) ? ref.slice(SCHEMA_REF_PREFIX.length) : undefined;
}

/** The component name of a `{ $ref }` schema, or undefined for an inline schema. */
export function refName(schema: unknown): string | undefined {
  return typeof schema === 'object' && schema !== null ? refTarget((schema as { $ref?: unknown }).$ref) : undefined;
}

/** Component names referenced anywhere in `root`, outside example values; added to `names`. */
export function referencedNames(root: unknown, names = new Set<string>()): Set<string> {
  if (Array.isArray(root)) for (const item of root) referencedNames(item, names);
  else if (root && typeof root === 'object') {
    // A hot walk over whole documents: for-in, no entry arrays (bench/README.md).
    const node = root as Record<string, unknown>;
    for (const key in node) {
      const value = node[key];
      if (key === '$ref') {
        const name = refTarget(value);
        if (name !== undefined) names.add(name);
      }
      // Example values and code samples are data: a `$ref` inside them refers to nothing.
      else if (value && typeof value === 'object' && key !== 'example' && key !== 'examples' && key !== 'x-codeSamples')
        referencedNames(value, names);
    }
  }
  return names;
}

/** `value` with every schema component reference made absolute under `base` (a document URI for validators). */
export function rebaseRefs<T>(value: T, base: string): T {
  return JSON.parse(JSON.stringify(value).replaceAll(`"${SCHEMA_REF_PREFIX}`, `"${base}${SCHEMA_REF_PREFIX}`)) as T;
}
