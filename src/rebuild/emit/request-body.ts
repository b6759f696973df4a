// Request Body Object: the Body parameter, one media type per Consumes entry (JSON when none is listed).
import type { Operation, Schema } from '../model.ts';
import { ExampleSources, mediaExamples, pointerSegment } from './examples.ts';

export function emitRequestBody(op: Operation, sources = new ExampleSources(), pointer = ''): Schema | undefined {
  const body = op.requestBody;
  if (!body) return undefined;
  const content: Record<string, Schema> = {};
  for (const type of op.consumes.length ? op.consumes : ['application/json']) {
    const media: Schema = { schema: body.schema };
    const shown = op.requestExamples.body ? [op.requestExamples.body] : [];
    const at = () => `${pointer}/content/${pointerSegment(type)}`;
    const examples = mediaExamples(shown, sources, at, op.operationId, 'request body');
    if (examples) media.examples = examples;
    content[type] = media;
  }
  return {
    ...(body.description ? { description: body.description } : {}),
    required: body.required,
    content,
    'x-body-name': body.name,
  };
}
