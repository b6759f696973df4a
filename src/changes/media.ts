// The media types of a request body or response, and their schemas.
import { child } from './pointer.ts';
import { isObject } from './resolve.ts';

export interface Media {
  type: string;
  pointer: string;
  schema: { node: unknown; pointer: string } | undefined;
}

/** `content` of `holder` (at `pointer`) by media type. */
export function mediaOf(holder: Record<string, unknown>, pointer: string): Map<string, Media> {
  const out = new Map<string, Media>();
  if (!isObject(holder.content)) return out;
  for (const type of Object.keys(holder.content)) {
    const at = child(child(pointer, 'content'), type);
    const entry = holder.content[type];
    const schema =
      isObject(entry) && entry.schema !== undefined ? { node: entry.schema, pointer: child(at, 'schema') } : undefined;
    out.set(type.toLowerCase(), { type, pointer: at, schema });
  }
  return out;
}
