// docs → sections → model → spec: the whole rebuild, in-process, returning the document and its findings.
import { basename } from 'node:path';
import { Findings, type Location } from './findings.ts';
import { bareManifest, loadManifest, ManifestError, type Manifest } from './docs/manifest.ts';
import { directorySources, manifestSources } from './docs/read-docs.ts';
import { newParseMemo } from './extract/context.ts';
import { extractPage, readPage, type PageRead } from './extract/page.ts';
import { emptyDocModel, type DocModel, type Operation, type Schema, type Source } from './model.ts';
import { mergeOperations, type SchemaEvidence } from './merge/operations.ts';
import { attachCurlOutputs } from './merge/curl-outputs.ts';
import { linkInheritance } from './merge/inheritance.ts';
import { ExampleRegistry } from './emit/examples.ts';
import { emitDefinitions, inferMissing, schemasOf } from './emit/components.ts';
import { referencedNames } from '../openapi/ref-utils.ts';
import { emitInfo } from './emit/info.ts';
import { emitOperation } from './emit/operation.ts';
import { emitSecurity } from './emit/security.ts';
import { emitServers } from './emit/servers.ts';
import { emitTags } from './emit/tags.ts';
import { dropInvalidExamples } from './validate/examples.ts';

export interface BuildInput {
  /** spec/<api>/sources.yaml: facts no page states, and (without docsDir) the list of pages; optional with docsDir. */
  manifestPath?: string;
  /** Read every page of this directory instead of the manifest's list. */
  docsDir?: string;
  /** Paths in findings are shown relative to this folder. */
  displayRoot: string;
}

export interface BuildResult {
  document: Schema;
  findings: Findings;
  operations: Operation[];
  sources: Source[];
}

export const OPENAPI_VERSION = '3.1.0';

export function buildSpec(input: BuildInput): BuildResult {
  const findings = new Findings();
  if (!input.manifestPath && !input.docsDir) throw new ManifestError('nothing to build: no manifest, no doc directory');
  const manifest = input.manifestPath ? loadManifest(input.manifestPath) : bareManifest(input.docsDir!);
  const sources = input.docsDir
    ? directorySources(input.docsDir, findings, input.displayRoot)
    : manifestSources(manifest, input.manifestPath!, findings, input.displayRoot);
  return buildFromSources(sources, manifest, findings);
}

/** Called as each stage of the build ends (the benchmark times them). */
export type StageMark = (stage: 'extract' | 'merge' | 'emit' | 'infer' | 'validate') => void;

/** Pages read before the batch is extracted (see the loop in buildFromSources). */
const READ_BATCH = 16;

export function buildFromSources(
  sources: Source[],
  manifest: Manifest,
  findings = new Findings(),
  mark?: StageMark,
): BuildResult {
  const model = emptyDocModel();
  const plaintext = { basePath: manifest.basePath, statusByDescription: manifest.statusByDescription };
  const memo = newParseMemo();
  // A batch of pages is read (markdown-it, block stream), then extracted: each phase's code and data stay warm
  // in the CPU caches through a batch (A/B: bench/README.md).
  for (let start = 0; start < sources.length; start += READ_BATCH) {
    const pages: PageRead[] = [];
    for (const source of sources.slice(start, start + READ_BATCH)) {
      const page = pageStep(findings, source, () => readPage(source, findings, memo));
      if (page) pages.push(page);
    }
    for (const page of pages) pageStep(findings, page.ctx.source, () => extractPage(page, model, plaintext));
  }
  mark?.('extract');
  assignTags(model, manifest, findings);
  checkTocLinks(model, findings);

  const evidence: SchemaEvidence[] = [];
  const operations = mergeOperations(model.operations, findings, evidence);
  attachCurlOutputs(operations, findings);
  mark?.('merge');
  const examples = new ExampleRegistry();
  const paths: Record<string, Record<string, Schema>> = {};
  const inPathOrder = [...operations].sort(
    (a, b) => a.path.localeCompare(b.path) || methodRank(a.method) - methodRank(b.method),
  );
  for (const op of inPathOrder) (paths[op.path] ??= {})[op.method] = emitOperation(op, examples);
  const definitions = latestDefinitions(model, findings);
  const schemas = emitDefinitions(definitions, examples);
  linkInheritance(definitions, schemas, findings);
  const security = emitSecurity(model.securitySchemes, manifest.securitySchemes);
  if (model.securitySchemes.length === 0 && sources.length > 0) {
    findings.info(
      'inferred-fact',
      { file: 'spec/sources.yaml', line: 1 },
      `no security.md in the input: security schemes ${Object.keys(security.schemes).join(', ')} taken from the manifest`,
    );
  }
  const usedTags = new Set(operations.flatMap((o) => o.tags));
  const document: Schema = {
    openapi: OPENAPI_VERSION,
    info: emitInfo(model.info, manifest.info),
    servers: emitServers(operations, model.info.basePath ?? manifest.basePath, manifest.hostDefault, findings),
    security: security.requirement,
    tags: emitTags(model, usedTags, manifest.tags),
    paths,
    components: { schemas, securitySchemes: security.schemes },
  };

  mark?.('emit');
  const releaseOf = releaseLookup(sources);
  const firstUse = (name: string): Location => {
    const op = operations.find((o) => schemasOf(o).some((schema) => referencedNames(schema).has(name)));
    return op?.at ?? { file: 'spec/openapi.yaml', line: 1 };
  };
  // Names the operations use, from their schemas only (the rest of paths is prose and examples); the
  // components are walked again after inference, which adds some.
  const pathRefs = new Set<string>();
  for (const op of inPathOrder) for (const schema of schemasOf(op)) referencedNames(schema, pathRefs);
  inferMissing(schemas, referencedNames(schemas, new Set(pathRefs)), examples, evidence, releaseOf, firstUse, findings);
  for (const name of referencedNames(schemas, new Set(pathRefs))) if (!schemas[name]) schemas[name] = {};
  reportUnusedDefinitions(definitions, pathRefs, schemas, findings);
  document.components = { schemas: sortKeys(schemas), securitySchemes: security.schemes };
  mark?.('infer');
  dropInvalidExamples(schemas, examples, findings);
  examples.pruneEmptyMaps();
  mark?.('validate');
  return { document, findings, operations, sources };
}

/** One step on one page; a page the rebuilder chokes on is reported, never allowed to take the build down. */
function pageStep<T>(findings: Findings, source: Source, step: () => T): T | undefined {
  try {
    return step();
  } catch (e) {
    findings.error(
      'unrecognised-page',
      { file: source.file, line: 1 },
      `page could not be read: ${(e as Error).message}; page dropped`,
    );
    return undefined;
  }
}

function methodRank(method: string): number {
  return ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'].indexOf(method);
}

/** Tags from paths.md groups; operations no group lists get the manifest's path-prefix tag (reported). */
function assignTags(model: DocModel, manifest: Manifest, findings: Findings): void {
  const tagsOf = new Map<string, string[]>();
  for (const tag of model.tags)
    for (const id of tag.operationIds) tagsOf.set(id, [...(tagsOf.get(id) ?? []), tag.name]);
  const rules = [...manifest.tags].sort((a, b) => b.pathPrefix.length - a.pathPrefix.length);
  for (const op of model.operations) {
    const page = basename(op.at.file).replace(/\.(md|txt)$/, '');
    op.tags = [...new Set([...(tagsOf.get(op.operationId) ?? []), ...(tagsOf.get(page) ?? [])])];
    if (op.tags.length > 0) continue;
    const rule = rules.find((t) => op.path.startsWith(t.pathPrefix));
    if (rule) {
      op.tags = [rule.name];
      if (model.tags.length > 0) {
        findings.warn(
          'inferred-fact',
          op.at,
          `${op.operationId} is in no paths.md group; tag ${rule.name} assigned by path prefix ${rule.pathPrefix}`,
          { subject: op.operationId },
        );
      }
    } else
      findings.warn(
        'inferred-fact',
        op.at,
        `${op.operationId} has no tag: no paths.md group lists it and no tag rule matches ${op.path}`,
        { subject: op.operationId },
      );
  }
  const defined = new Set(model.operations.flatMap((o) => [o.operationId, basename(o.at.file).replace(/\.md$/, '')]));
  for (const tag of model.tags) {
    for (const id of tag.operationIds) {
      if (!defined.has(id)) {
        findings.warn('dangling-reference', tag.at, `tag ${tag.name} lists operation ${id}, which no page defines`, {
          subject: id,
        });
      }
    }
  }
}

function checkTocLinks(model: DocModel, findings: Findings): void {
  const known = new Set([
    ...model.operations.flatMap((o) => [o.operationId, basename(o.at.file).replace(/\.md$/, '')]),
    ...model.definitions.map((d) => d.name),
  ]);
  for (const link of model.tocLinks) {
    const target = /([^/#]+?)(?:\.md)?(?:#.*)?$/.exec(link.target)?.[1] ?? '';
    if (target && !known.has(target))
      findings.warn('dangling-reference', link.at, `link to ${link.target} points at no operation or definition`);
  }
}

/** One definition per name: the latest release wins; same-release duplicates must agree. */
function latestDefinitions(model: DocModel, findings: Findings) {
  const byName = new Map<string, DocModel['definitions'][number]>();
  for (const d of model.definitions) {
    const kept = byName.get(d.name);
    if (kept && JSON.stringify(kept.schema) !== JSON.stringify(d.schema)) {
      findings.warn(
        'conflicting-operation',
        d.at,
        `definition ${d.name} differs from ${kept.at.file}:${kept.at.line}; the later page wins`,
        { subject: d.name, related: kept.at },
      );
    }
    byName.set(d.name, d);
  }
  return [...byName.values()];
}

function releaseLookup(sources: Source[]) {
  const byFile = new Map(sources.map((s) => [s.file, { release: s.release, order: s.order }]));
  return (at: Location) => byFile.get(at.file) ?? { release: 'unknown', order: 0 };
}

function sortKeys<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => a.localeCompare(b)));
}

/** Definitions no operation reaches (directly or through other schemas) are left out, and reported. */
function reportUnusedDefinitions(
  definitions: DocModel['definitions'],
  pathRefs: Set<string>,
  schemas: Record<string, Schema>,
  findings: Findings,
): void {
  const reached = new Set<string>();
  const queue = [...pathRefs];
  while (queue.length) {
    const name = queue.pop()!;
    if (reached.has(name)) continue;
    reached.add(name);
    queue.push(...referencedNames(schemas[name]));
  }
  for (const d of definitions) {
    if (reached.has(d.name)) continue;
    delete schemas[d.name];
    findings.warn(
      'unused-definition',
      d.at,
      `definition ${d.name} is used by no operation; left out of components/schemas`,
      { subject: d.name },
    );
  }
}
