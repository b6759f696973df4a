// Path and query parameters the spec types `integer` are read exactly: decimal digits, within the integers a
// JSON number holds exactly (±(2^53 − 1)). ajv coerces the text with Number(), so `1e3`, `0x10`, ` 7` and
// `9007199254740993` (read as …992) would pass and name another resource; these are a 400 instead.
import type { Operation } from 'openapi-backend';
import { HttpError } from './errors.ts';

interface IntegerParameter {
  name: string;
  in: 'path' | 'query';
}

const DECIMAL_INTEGER = /^(0|-?[1-9][0-9]*)$/;

/** The check for one operation, or undefined when it has no integer path or query parameter. */
export function integerParameterCheck(
  operation: Operation,
): ((params: Record<string, string>, url: string) => void) | undefined {
  const integers = ((operation.parameters ?? []) as { name?: string; in?: string; schema?: { type?: unknown } }[])
    .filter((p) => (p.in === 'path' || p.in === 'query') && typeIsInteger(p.schema?.type))
    .map((p) => ({ name: p.name!, in: p.in }) as IntegerParameter);
  if (!integers.length) return undefined;
  return (params, url) => {
    const query = url.indexOf('?');
    const search = query < 0 ? undefined : new URLSearchParams(url.slice(query + 1));
    for (const parameter of integers) {
      const values = parameter.in === 'path' ? [params[parameter.name]] : (search?.getAll(parameter.name) ?? []);
      for (const value of values) if (value !== undefined) assertExactInteger(parameter, value);
    }
  };
}

function assertExactInteger(parameter: IntegerParameter, value: string): void {
  if (DECIMAL_INTEGER.test(value) && Number.isSafeInteger(Number(value))) return;
  throw new HttpError(
    400,
    'badValue',
    parameter.name,
    `Bad value: ${parameter.in} parameter ${parameter.name} must be an integer in decimal digits between ` +
      `-${Number.MAX_SAFE_INTEGER} and ${Number.MAX_SAFE_INTEGER}, got ${JSON.stringify(value.slice(0, 40))}.`,
  );
}

function typeIsInteger(type: unknown): boolean {
  return type === 'integer' || (Array.isArray(type) && type.includes('integer'));
}
