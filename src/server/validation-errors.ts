// openapi-backend's (ajv's) request validation errors → a 400 naming the first offending field.
import type { ErrorObject } from 'ajv';
import { HttpError } from './errors.ts';

export function badRequest(errors: readonly ErrorObject[]): HttpError {
  const error = errors[0];
  if (!error) return new HttpError(400, 'badValue', 'request', 'Invalid request.');
  // instancePath is /requestBody/…, /path/…, /query/… or /header/…: the part after the location is the field.
  const [location = 'request', ...field] = error.instancePath.split('/').slice(1);
  const where = field.length ? field.join('.') : location;
  const params = error.params as { missingProperty?: string; additionalProperty?: string; type?: string };
  switch (error.keyword) {
    case 'parse':
      return new HttpError(400, 'badValueJSON', 'requestBody', `The request body is not valid JSON: ${error.message}`);
    case 'required': {
      const key = params.missingProperty ?? where;
      return new HttpError(
        400,
        'missingRequiredValue',
        key,
        `Missing required value: ${key === 'requestBody' ? 'the request body' : key}.`,
      );
    }
    case 'additionalProperties': {
      const key = params.additionalProperty ?? where;
      return new HttpError(400, 'badValue', key, `Bad value: ${location} has no parameter ${JSON.stringify(key)}.`);
    }
    case 'type': {
      const type = String(params.type ?? '');
      return new HttpError(
        400,
        `badValue${type.charAt(0).toUpperCase()}${type.slice(1)}`,
        where,
        `Bad value: provided ${JSON.stringify(where)} must be ${article(type)} ${type}.`,
      );
    }
    default:
      return new HttpError(400, 'badValue', where, `Bad value: ${where} ${error.message ?? 'is invalid'}.`);
  }
}

function article(word: string): string {
  return /^[aeiou]/i.test(word) ? 'an' : 'a';
}
