// components/schemas, emitted from the component plans decided on the model (definition pages with their
// inheritance resolved, then inferred schemas): pure, sorted by name; a page's example becomes `example`.
import type { ComponentPlan, Schema } from '../model.ts';
import { ExampleSources, pointerSegment } from './examples.ts';

export function emitComponents(plans: ComponentPlan[], sources = new ExampleSources()): Record<string, Schema> {
  const schemas: Record<string, Schema> = {};
  for (const plan of [...plans].sort((a, b) => a.name.localeCompare(b.name))) {
    const schema: Schema = { ...plan.schema };
    if (plan.example) {
      schema.example = plan.example.value;
      sources.note(`/components/schemas/${pointerSegment(plan.name)}/example`, {
        at: plan.example.at,
        subject: plan.name,
        where: 'definition example',
      });
    }
    schemas[plan.name] = schema;
  }
  return schemas;
}
