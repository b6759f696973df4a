// The example request of an operation: documented examples first, openapi-sampler (Redoc's sampler) where the
// docs show none. Both the cURL and the TypeScript samples are built from it.
import { sample } from 'openapi-sampler';
import type { Spec, SpecOperation, SpecParameter } from '../openapi/spec-types.ts';

export interface ExampleRequest {
  /** Parameter values by location (`path`, `query`, `header`, `cookie`) and name. */
  params: Record<string, Record<string, unknown>>;
  /** Absent when the body is optional and the docs show no example. */
  body?: { value: unknown };
}

function parameterExample(p: SpecParameter, spec: Spec): unknown {
  if (p.example !== undefined) return p.example;
  if (p.schema) return sample(p.schema as never, { skipReadOnly: true }, spec);
  return p.name;
}

/** A path template as a pattern over a documented request URL: `/spaces/{id}/users` → `/spaces/(…)/users`. */
function templatePattern(path: string): { pattern: RegExp; names: string[] } {
  const names: string[] = [];
  const source = path
    .split(/(\{[^}]+\})/)
    .map((part) => {
      const m = /^\{([^}]+)\}$/.exec(part);
      if (!m) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      names.push(m[1]!);
      return `([^?#\\s'"\\\\]+?)`;
    })
    .join('');
  return { pattern: new RegExp(`${source}(?=[?#\\s'"\\\\]|$)`, 'm'), names };
}

/**
 * The path parameter values of the documented request: the ids the docs' cURL samples (x-codeSamples, or the
 * cURL in the description) put in the request path. Shell variables ($GROUP_ID) are not values.
 */
function documentedPathValues(op: SpecOperation, path: string): Record<string, string> {
  const { pattern, names } = templatePattern(path);
  if (!names.length) return {};
  const sources = [...(op['x-codeSamples'] ?? []).map((s) => s.source), op.description ?? ''];
  for (const source of sources) {
    for (const line of source.split('\n')) {
      const url = /https?:\/\/\S+/.exec(line)?.[0];
      const m = url ? pattern.exec(url) : null;
      if (!m) continue;
      const values: Record<string, string> = {};
      names.forEach((name, i) => {
        const value = m[i + 1]!;
        if (!value.includes('$')) values[name] = decodeURIComponentSafe(value);
      });
      if (Object.keys(values).length) return values;
    }
  }
  return {};
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** `path`: the operation's path template; the documented request's path values win over schema samples. */
export function exampleRequest(op: SpecOperation, spec: Spec, path?: string): ExampleRequest {
  const params: ExampleRequest['params'] = {};
  const documented = path ? documentedPathValues(op, path) : {};
  for (const p of op.parameters ?? []) {
    if (p.in !== 'path' && !p.required) continue;
    const group = params[p.in] ?? {};
    params[p.in] = group;
    group[p.name] = p.in === 'path' && p.name in documented ? documented[p.name] : parameterExample(p, spec);
  }
  const media = op.requestBody?.content['application/json'];
  const example = media && Object.values(media.examples ?? {})[0];
  if (example) return { params, body: { value: example.value } };
  if (media?.schema && op.requestBody?.required)
    return { params, body: { value: sample(media.schema as never, { skipReadOnly: true }, spec) } };
  return { params };
}
