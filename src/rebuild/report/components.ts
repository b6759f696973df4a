// The report's account of components/schemas: per component, how it was rebuilt (plain, composed, subtype of X,
// parent, nested, inferred), at the line of the page (or example) it came from.
import type { Findings } from '../findings.ts';
import type { ComponentPlan, Schema } from '../model.ts';

export function reportComponents(plans: ComponentPlan[], document: Schema, findings: Findings): void {
  const schemas = (document.components as { schemas: Record<string, Schema> }).schemas;
  for (const plan of [...plans].sort((a, b) => a.name.localeCompare(b.name))) {
    if (!schemas[plan.name]) continue;
    findings.info('definition-rebuilt', plan.at, `${plan.name} [${plan.kinds.join(', ')}]: ${plan.how}`, {
      subject: plan.name,
    });
  }
}
