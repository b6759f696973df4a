// Request Body Object: the Body parameter, one media type per Consumes entry (JSON when none is listed).
import type { Operation, Schema } from '../model.ts';
import type { ExampleRegistry } from './examples.ts';

export function emitRequestBody(op: Operation, examples: ExampleRegistry): Schema | undefined {
  const body = op.requestBody;
  if (!body) return undefined;
  const content: Record<string, Schema> = {};
  for (const type of op.consumes.length ? op.consumes : ['application/json']) {
    const media: Schema = { schema: body.schema };
    examples.mediaExamples(
      media,
      op.requestExamples.body ? [op.requestExamples.body] : [],
      body.schema,
      op.operationId,
      'request body',
    );
    content[type] = media;
  }
  return {
    ...(body.description ? { description: body.description } : {}),
    required: body.required,
    content,
    'x-body-name': body.name,
  };
}
