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
  /** Media type objects given an `examples` map, so maps emptied by the validator can be removed. */
  private readonly mediaObjects: Schema[] = [];

  /** A media type's `examples` map: one entry per documented example (no map when there are none). */
  mediaExamples(media: Schema, examples: Example[], schema: Schema | undefined, subject: string, where: string): void {
    if (examples.length === 0) return;
    const map: Record<string, unknown> = {};
    media.examples = map;
    this.mediaObjects.push(media);
    examples.forEach((ex, i) => {
      const key = ex.origin === 'curl' ? `curl${i === 0 ? '' : i}` : i === 0 ? 'documented' : `documented${i}`;
      const entry = {
        summary: `${ex.origin === 'curl' ? 'Output of the cURL sample' : 'Documented example'} (${ex.at.file}:${ex.at.line})`,
        value: ex.value,
      };
      map[key] = entry;
      if (schema) this.sites.push({ schema, container: map, key, value: ex.value, at: ex.at, subject, where });
    });
  }

  /** Removes the `examples` maps whose every example was dropped. */
  pruneEmptyMaps(): void {
    for (const media of this.mediaObjects) {
      if (Object.keys(media.examples as object).length === 0) delete media.examples;
    }
  }

  /** A single `example` field on a parameter or schema. */
  single(
    container: Record<string, unknown>,
    key: string,
    value: unknown,
    schema: Schema,
    at: Location,
    subject: string,
    where: string,
  ): void {
    container[key] = value;
    this.sites.push({ schema, container, key, value, at, subject, where });
  }
}
