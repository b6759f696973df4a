// Where each example placed in the spec came from. The emitters stay pure (model in, OpenAPI objects out) and
// note, beside the objects, the JSON pointer of every example they write with its doc location; the post-emit
// pass that drops invalid examples (src/rebuild/post-emit/drop-invalid-examples.ts) walks the document and
// reads locations from this index, by pointer: no back-pointers into the document.
import { escapePointerFragment } from '@redocly/openapi-core';
import type { Location } from '../findings.ts';
import type { Example, Schema } from '../model.ts';

export interface ExampleSource {
  at: Location;
  /** Operation or schema the example belongs to. */
  subject: string;
  /** Where in it: `response 200`, `request body`, `parameter id`, `definition example`. */
  where: string;
}

/** JSON pointer (RFC 6901) of an example value in the emitted document → where it came from. */
export class ExampleSources {
  readonly byPointer = new Map<string, ExampleSource>();

  note(pointer: string, source: ExampleSource): void {
    this.byPointer.set(pointer, source);
  }
}

/** One JSON pointer segment (openapi-core's escaping, which returns keys without `~` or `/` as they are). */
export function pointerSegment(key: string | number): string {
  return escapePointerFragment(String(key));
}

/**
 * A media type's `examples` map: one entry per documented example (undefined when there are none). The media
 * type's pointer is asked for only when there are examples: most media types have none.
 */
export function mediaExamples(
  examples: Example[],
  sources: ExampleSources,
  mediaPointer: () => string,
  subject: string,
  where: string,
): Record<string, Schema> | undefined {
  if (examples.length === 0) return undefined;
  const pointer = mediaPointer();
  const map: Record<string, Schema> = {};
  examples.forEach((ex, i) => {
    const key = ex.origin === 'curl' ? `curl${i === 0 ? '' : i}` : i === 0 ? 'documented' : `documented${i}`;
    const kind = ex.origin === 'curl' ? 'Output of the cURL sample' : 'Documented example';
    map[key] = {
      summary: `${kind} (${ex.at.file}:${ex.at.line})`,
      value: ex.value,
    };
    sources.note(`${pointer}/examples/${pointerSegment(key)}/value`, { at: ex.at, subject, where });
  });
  return map;
}
