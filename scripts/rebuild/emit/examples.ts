// Every example placed in the spec is registered with its doc location, so the validator can drop the ones
// that do not match their schema and report where they came from.
import type { Location } from '../findings.ts';
import type { Example, Schema } from '../model.ts';

export interface ExampleSite {
  schema: Schema;
  /** Object holding the example under `key` (deleted when invalid). */
  container: Record<string, unknown>;
  key: string;
  value: unknown;
  at: Location;
  subject: string;
  where: string;
}

export class ExampleRegistry {
  readonly sites: ExampleSite[] = [];

  /** Media-type `examples` map: one entry per documented example. */
  mediaExamples(examples: Example[], schema: Schema | undefined, subject: string, where: string): Record<string, unknown> | undefined {
    if (examples.length === 0) return undefined;
    const map: Record<string, unknown> = {};
    examples.forEach((ex, i) => {
      const key = ex.origin === 'curl' ? `curl${i === 0 ? '' : i}` : i === 0 ? 'documented' : `documented${i}`;
      const entry = { summary: `${ex.origin === 'curl' ? 'Output of the cURL sample' : 'Documented example'} (${ex.at.file}:${ex.at.line})`, value: ex.value };
      map[key] = entry;
      if (schema) this.sites.push({ schema, container: map, key, value: ex.value, at: ex.at, subject, where });
    });
    return map;
  }

  /** A single `example` field on a parameter or schema. */
  single(container: Record<string, unknown>, key: string, value: unknown, schema: Schema, at: Location, subject: string, where: string): void {
    container[key] = value;
    this.sites.push({ schema, container, key, value, at, subject, where });
  }
}
