// 415: a request body must come in one of the media types the operation's requestBody declares, and without a
// content coding: no doc names one, so a gzip/deflate/br body is refused (with Accept-Encoding: identity, RFC 9110
// §15.5.16) rather than decoded. openapi-backend validates the body but not its media type (it parses any body as
// JSON), so both are checked here.
import type { Operation } from 'openapi-backend';
import { HttpError } from './errors.ts';

export function assertSupportedMediaType(
  operation: Operation,
  contentType: string | string[] | undefined,
  contentEncoding: string | string[] | undefined,
  hasBody: boolean,
): void {
  const body = operation.requestBody as
    | { content?: Record<string, unknown>; 'x-declared-media-types'?: string[] }
    | undefined;
  const content = body?.content;
  // Operations without a documented body ignore one, as the docs' cURL samples send none.
  if (!content || !hasBody) return;
  const coding = mediaType(contentEncoding);
  if (coding && coding !== 'identity')
    throw new HttpError(
      415,
      'unsupportedMediaType',
      'Content-Encoding',
      `Content-Encoding ${coding} is not supported here; send the body without a content coding.`,
      { 'Accept-Encoding': 'identity' },
    );
  const declared = body['x-declared-media-types'] ?? Object.keys(content);
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

/** "Application/JSON; charset=utf-8" → "application/json" (and "GZIP" → "gzip"). */
function mediaType(header: string | string[] | undefined): string | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  const media = value?.split(';', 1)[0]?.trim().toLowerCase();
  return media || undefined;
}

function mediaRangeMatches(range: string, media: string): boolean {
  if (range === '*/*' || range === media) return true;
  return range.endsWith('/*') && media.startsWith(range.slice(0, -1));
}
