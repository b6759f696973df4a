// Post-emit pass over the emitted document: every example kept in the spec must validate against its schema;
// the ones that do not are dropped and reported with their doc location (read from the emitters' pointer index,
// emit/examples.ts). Like Redocly's example rules, a property the schema does not declare makes an example
// invalid (objects are closed for this check only, not in the spec; subtypes through validate/check-view.ts).
import type { Findings } from '../findings.ts';
import type { Schema } from '../model.ts';
import type { ExampleSources } from '../emit/examples.ts';
import { pointerSegment } from '../emit/examples.ts';
import { ajvChecker } from '../validate/ajv-check.ts';
import { checkView } from '../validate/check-view.ts';
import { schemaWalker, type ExampleChecker } from '../validate/schema-check.ts';
import { componentRef } from '../../openapi/ref-utils.ts';

/** An example in the document: its holder and key (deleted when invalid), its schema and its pointer. */
interface Site {
  holder: Record<string, unknown>;
  key: string;
  schema: Schema;
  /** Its JSON pointer, made only for an example that is dropped (most are kept; a hot path of every build). */
  pointer: () => string;
  /** The `examples` map to prune when emptied. */
  map?: Record<string, unknown>;
  mapHolder?: Record<string, unknown>;
}

export function dropInvalidExamples(document: Schema, sources: ExampleSources, findings: Findings): void {
  const schemas = (document.components as { schemas: Record<string, Schema> }).schemas;
  const view = checkView(schemas);
  const walker = schemaWalker(view);
  let ajv: ExampleChecker | undefined; // built only when some schema needs it
  const check = (schema: Schema, value: unknown): string | undefined => {
    try {
      if (walker.supports(schema)) return walker.checker.check(schema, value);
      ajv ??= ajvChecker(view);
      return ajv.check(schema, value);
    } catch (e) {
      // Ajv throws on some inputs (e.g. a lone surrogate in a key); the example is still reported, not fatal.
      return `cannot be checked: ${(e as Error).message}`;
    }
  };
  // Equal example texts share one value (ParseMemo), and most sites' schema is a lone $ref: such a pair is
  // checked once (one error body, checked against {$ref: Error}, repeats on most pages: bench/README.md).
  const verdicts = new Map<string, Map<unknown, string | undefined>>();
  for (const site of examplesOf(document)) {
    const value = site.key === 'example' ? site.holder.example : (site.holder[site.key] as Schema).value;
    const ref = loneRef(site.schema);
    let byValue = ref === undefined ? undefined : verdicts.get(ref);
    if (ref !== undefined && !byValue) {
      byValue = new Map();
      verdicts.set(ref, byValue);
    }
    let reason: string | undefined;
    if (byValue?.has(value)) reason = byValue.get(value);
    else {
      reason = check(site.schema, value);
      byValue?.set(value, reason);
    }
    if (reason === undefined) continue;
    delete site.holder[site.key];
    if (site.map && site.mapHolder && Object.keys(site.map).length === 0) delete site.mapHolder.examples;
    const pointer = site.pointer();
    const source = sources.byPointer.get(pointer);
    const at = source?.at ?? { file: 'spec/openapi.yaml', line: 1 };
    findings.warn(
      'example-invalid',
      at,
      `${source?.subject ?? pointer} ${source?.where ?? ''}: ` +
        `example does not validate against its schema (${reason}); dropped from the spec`,
      { subject: source?.subject },
    );
  }
}

/** Every example of the document, in document order: operations (parameters, bodies, responses), then components.
 * A hot walk of every build: for-in over the document, and no pointer string until an example is dropped. */
function examplesOf(document: Schema): Site[] {
  const sites: Site[] = [];
  const media = (content: unknown, pointer: () => string): void => {
    const byType = content as Record<string, Schema> | undefined;
    for (const type in byType) {
      const m = byType[type]!;
      const map = m.examples as Record<string, Schema> | undefined;
      if (!map || !m.schema) continue;
      for (const key in map) {
        if (!('value' in map[key]!)) continue;
        const at = () => `${pointer()}/content/${pointerSegment(type)}/examples/${pointerSegment(key)}/value`;
        sites.push({ holder: map, key, schema: m.schema as Schema, pointer: at, map, mapHolder: m });
      }
    }
  };
  const paths = (document.paths ?? {}) as Record<string, Record<string, Schema>>;
  for (const path in paths) {
    const item = paths[path]!;
    for (const method in item) {
      const op = item[method]!;
      const base = () => `/paths/${pointerSegment(path)}/${method}`;
      const parameters = op.parameters as Schema[] | undefined;
      parameters?.forEach((p, i) => {
        if (p.example !== undefined && p.schema)
          sites.push({
            holder: p,
            key: 'example',
            schema: p.schema as Schema,
            pointer: () => `${base()}/parameters/${i}/example`,
          });
      });
      const body = op.requestBody as Schema | undefined;
      if (body?.content) media(body.content, () => `${base()}/requestBody`);
      const responses = (op.responses ?? {}) as Record<string, Schema>;
      for (const status in responses) {
        const content = responses[status]!.content;
        if (content) media(content, () => `${base()}/responses/${pointerSegment(status)}`);
      }
    }
  }
  const schemas = (document.components as { schemas?: Record<string, Schema> } | undefined)?.schemas ?? {};
  for (const name in schemas) {
    if (schemas[name]!.example !== undefined)
      sites.push({
        holder: schemas[name]!,
        key: 'example',
        schema: componentRef(name),
        pointer: () => `/components/schemas/${pointerSegment(name)}/example`,
      });
  }
  return sites;
}

function loneRef(schema: Schema): string | undefined {
  let ref: string | undefined;
  for (const key in schema) {
    if (key !== '$ref' || typeof schema[key] !== 'string') return undefined;
    ref = schema[key] as string;
  }
  return ref;
}
