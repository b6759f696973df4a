// 415: a request body must come in one of the media types the operation's requestBody declares. openapi-backend
// validates the body but not its media type (it parses any body as JSON), so the declared list is checked here.
import type { Operation } from 'openapi-backend';
import { HttpError } from './errors.ts';

export function assertSupportedMediaType(
  operation: Operation,
  contentType: string | string[] | undefined,
  hasBody: boolean,
): void {
  const content = (operation.requestBody as { content?: Record<string, unknown> } | undefined)?.content;
  // Operations without a documented body ignore one, as the docs' cURL samples send none.
  if (!content || !hasBody) return;
  const declared = Object.keys(content);
  const media = mediaType(contentType);
  if (media && declared.some((range) => mediaRangeMatches(range.toLowerCase(), media))) return;
  throw new HttpError(
    415,
    'unsupportedMediaType',
    'Content-Type',
    `${media ? `Media type ${media} is` : 'A request body without Content-Type is'} not supported here; ` +
      `send ${declared.join(' or ')}.`,
  );
}

/** "Application/JSON; charset=utf-8" → "application/json". */
function mediaType(header: string | string[] | undefined): string | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  const media = value?.split(';', 1)[0]?.trim().toLowerCase();
  return media || undefined;
}

function mediaRangeMatches(range: string, media: string): boolean {
  if (range === '*/*' || range === media) return true;
  return range.endsWith('/*') && media.startsWith(range.slice(0, -1));
}
