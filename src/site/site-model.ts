// What every page needs to know about the others: operations joined with their index entries, which operations
// and schemas use each schema, and which build-report findings concern each operation or schema.
import type { IndexedOperation } from '../generate/operation-index.ts';
import { specOperations } from '../generate/operation-index.ts';
import type { Spec, SpecOperation } from '../openapi/spec-types.ts';
import type { SiteInfo } from './layout.ts';
import { operationPage, schemaPage } from './links.ts';
import type { Finding } from '../rebuild/findings.ts';
import type { ReportJson } from '../rebuild/report/model.ts';
import { referencedSchemas } from './schema-model.ts';

export interface SiteOperation {
  entry: IndexedOperation;
  /** Lower-case key under the path item, as in the spec. */
  method: string;
  path: string;
  op: SpecOperation;
}

export interface NumberedFinding {
  /** Position in report.json's findings: the row id on the report page. */
  index: number;
  finding: Finding;
}

export interface SiteModel {
  spec: Spec;
  report: ReportJson;
  site: SiteInfo;
  operations: SiteOperation[];
  schemaNames: string[];
  /** Schema → operations that use it, directly or through other schemas. */
  usedBy: Map<string, SiteOperation[]>;
  /** Schema → schemas that reference it directly. */
  referencedBy: Map<string, string[]>;
  /** Page (inside site/) of a finding's subject: an operation, a renamed operation, or a schema. */
  subjectPage(subject: string | undefined): string | undefined;
  /** The name the spec has for a finding's subject now: a renamed operation's current operationId. */
  subjectName(subject: string): string;
  findingsFor(page: string): NumberedFinding[];
}

export function siteModel(spec: Spec, report: ReportJson, index: IndexedOperation[], site: SiteInfo): SiteModel {
  const inSpec = new Map(specOperations(spec).map((o) => [o.op.operationId, o]));
  const operations = index.map((entry) => {
    const found = inSpec.get(entry.operationId);
    if (!found)
      throw new Error(
        `operation index lists ${entry.operationId}, which the spec does not have (stale generated/operations.json?)`,
      );
    return { entry, ...found };
  });
  if (operations.length !== inSpec.size)
    throw new Error(`the spec has ${inSpec.size} operations but the operation index lists ${operations.length}`);

  const schemas = spec.components.schemas;
  const schemaNames = Object.keys(schemas);
  const schemaRefs = new Map(schemaNames.map((name) => [name, referencedSchemas(schemas[name])]));
  const referencedBy = new Map<string, string[]>(schemaNames.map((n) => [n, []]));
  for (const [from, refs] of schemaRefs) for (const to of refs) referencedBy.get(to)?.push(from);

  const usedBy = new Map<string, SiteOperation[]>(schemaNames.map((n) => [n, []]));
  for (const operation of operations) {
    const { parameters, requestBody, responses } = operation.op;
    const reached = referencedSchemas([parameters, requestBody, responses]);
    for (const name of reached) for (const next of schemaRefs.get(name) ?? []) reached.add(next);
    for (const name of reached) usedBy.get(name)?.push(operation);
  }

  // A merge that renamed an operation reports it under the old id; follow the rename to the page.
  const renamed = new Map<string, string>();
  for (const f of report.findings) {
    if (
      f.code === 'merged-change' &&
      /operationId changed/.test(f.message) &&
      typeof f.before === 'string' &&
      typeof f.after === 'string'
    ) {
      renamed.set(f.before, f.after);
    }
  }
  const subjectPage = (subject: string | undefined): string | undefined => {
    if (subject === undefined) return undefined;
    const id = renamed.get(subject) ?? subject;
    if (inSpec.has(id)) return operationPage(id);
    if (Object.hasOwn(schemas, subject)) return schemaPage(subject);
    return undefined;
  };
  const byPage = new Map<string, NumberedFinding[]>();
  report.findings.forEach((finding, i) => {
    const target = subjectPage(finding.subject);
    if (target) byPage.set(target, [...(byPage.get(target) ?? []), { index: i, finding }]);
  });

  return {
    spec,
    report,
    site,
    operations,
    schemaNames,
    usedBy,
    referencedBy,
    subjectPage,
    subjectName: (subject) => renamed.get(subject) ?? subject,
    findingsFor: (page) => byPage.get(page) ?? [],
  };
}
