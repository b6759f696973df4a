// docs → sections → model → spec: the whole rebuild, in-process, returning the document and its findings.
import { basename } from 'node:path';
import { Findings, type Location } from './findings.ts';
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { bareManifest, lineOfKey, loadManifest, ManifestError, type Manifest } from './docs/manifest.ts';
import { directorySources, manifestSources } from './docs/read-docs.ts';
import { newParseMemo } from './extract/context.ts';
import { extractPage, readPage, type PageRead } from './extract/page.ts';
import { FormatRegistry, type DocFormat } from './formats/registry.ts';
import { emptyDocModel, type DocModel, type Operation, type Schema, type Source } from './model.ts';
import { mergeOperations, type SchemaEvidence } from './merge/operations.ts';
import { attachCurlOutputs } from './merge/curl-outputs.ts';
import { latestDefinitions } from './merge/definitions.ts';
import { resolveInheritance } from './merge/inheritance.ts';
import { inferComponents } from './merge/infer-components.ts';
import { emitComponents } from './emit/components.ts';
import { ExampleSources, pointerSegment } from './emit/examples.ts';
import { emitInfo } from './emit/info.ts';
import { emitOperation } from './emit/operation.ts';
import { emitSecurity } from './emit/security.ts';
import { emitServers } from './emit/servers.ts';
import { emitTags } from './emit/tags.ts';
import { removeUnusedComponents } from './post-emit/remove-unused-components.ts';
import { dropInvalidExamples } from './post-emit/drop-invalid-examples.ts';
import { proseConstraints } from './post-emit/prose-constraints.ts';
import { reportComponents } from './report/components.ts';

export interface BuildInput {
  /** spec/<api>/sources.yaml: facts no page states, and (without docsDir) the list of pages; optional with docsDir. */
  manifestPath?: string;
  /** Read every page of this directory instead of the manifest's list. */
  docsDir?: string;
  /** Paths in findings are shown relative to this folder. */
  displayRoot: string;
  /** The formats the manifest lists (formats/load.ts), tried before the built-in ones. */
  formats?: readonly DocFormat[];
}

/** How a build reads its pages, and where its manifest is shown in findings. */
export interface BuildOptions {
  formats?: FormatRegistry;
  /** The manifest's path as findings show it; facts taken from it are located there. */
  manifestFile?: string;
}

export interface BuildResult {
  document: Schema;
  findings: Findings;
  operations: Operation[];
  sources: Source[];
}

const OPENAPI_VERSION = '3.1.0';

export function buildSpec(input: BuildInput): BuildResult {
  const findings = new Findings();
  if (!input.manifestPath && !input.docsDir)
    throw new ManifestError('(no input)', 0, 'nothing to build: no manifest, no doc directory');
  const manifest = input.manifestPath ? loadManifest(input.manifestPath) : bareManifest(input.docsDir!);
  if (input.manifestPath && manifest.formats?.length && !input.formats)
    throw new ManifestError(
      input.manifestPath,
      lineOfKey(readFileSync(input.manifestPath, 'utf8'), 'formats'),
      'the manifest lists formats: load them (loadFormats in src/rebuild/formats/load.ts) before the build',
    );
  const formats = formatsFor(manifest, input.manifestPath, input.formats);
  const sources = findings.within('docs/read', () =>
    input.docsDir
      ? directorySources(input.docsDir, findings, input.displayRoot, formats)
      : manifestSources(manifest, input.manifestPath!, findings, input.displayRoot, formats),
  );
  const manifestFile = input.manifestPath && relative(input.displayRoot, input.manifestPath);
  return buildFromSources(sources, manifest, findings, undefined, { formats, manifestFile });
}

/** The built-in formats behind `extra`, with the rules the manifest disables turned off. */
function formatsFor(manifest: Manifest, manifestPath?: string, extra: readonly DocFormat[] = []) {
  const formats = FormatRegistry.withBuiltins(extra);
  const unknown = formats.disable(manifest.rules?.disable ?? []);
  if (unknown.length > 0)
    throw new ManifestError(
      manifestPath ?? '(manifest)',
      manifestPath ? lineOfKey(readFileSync(manifestPath, 'utf8'), 'rules') : 1,
      `rules.disable names ${unknown.join(', ')}, which no format has; the rules are ${formats.ruleNames().join(', ')}`,
    );
  return formats;
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
  { formats = formatsFor(manifest), manifestFile }: BuildOptions = {},
): BuildResult {
  const model = emptyDocModel();
  const facts = { basePath: manifest.basePath, statusByDescription: manifest.statusByDescription };
  const memo = newParseMemo();
  // A batch of pages is read (markdown-it, block stream), then extracted: each phase's code and data stay warm
  // in the CPU caches through a batch (A/B: bench/README.md).
  for (let start = 0; start < sources.length; start += READ_BATCH) {
    const pages: PageRead[] = [];
    for (const source of sources.slice(start, start + READ_BATCH)) {
      const page = pageStep(findings, source, () => readPage(source, findings, memo, formats));
      if (page) pages.push(page);
    }
    for (const page of pages) pageStep(findings, page.ctx.source, () => extractPage(page, model, facts));
  }
  mark?.('extract');
  // Pages that hold no operation at all are no API: an empty spec would replace a good one.
  const firstPage = sources[0];
  if (model.operations.length === 0 && firstPage && !findings.hasErrors)
    findings.error(
      'no-input',
      { file: firstPage.file, line: 1 },
      `no operation page among the ${sources.length} page(s) read; nothing to build a spec from`,
      { rule: 'build/operations' },
    );
  findings.within('build/tags', () => assignTags(model, manifest, findings));
  findings.within('build/toc-links', () => checkTocLinks(model, findings));

  // Merge, on the model: releases, cURL outputs, definition pages (latest wins), inheritance, inference.
  const evidence: SchemaEvidence[] = [];
  const operations = findings.within('merge/operations', () => mergeOperations(model.operations, findings, evidence));
  findings.within('merge/curl-outputs', () => attachCurlOutputs(operations, findings));
  const inPathOrder = [...operations].sort(
    (a, b) => a.path.localeCompare(b.path) || methodRank(a.method) - methodRank(b.method),
  );
  const definitions = findings.within('merge/definitions', () => latestDefinitions(model.definitions, findings));
  mark?.('merge');
  const pagePlans = findings.within('merge/inheritance', () => resolveInheritance(definitions, findings));
  const plans = findings.within('merge/infer-components', () =>
    inferComponents(inPathOrder, pagePlans, evidence, releaseLookup(sources), findings),
  );
  mark?.('infer');

  // Emit: pure, model in, OpenAPI objects out (plus where each example came from).
  const exampleSources = new ExampleSources();
  const paths: Record<string, Record<string, Schema>> = {};
  for (const op of inPathOrder) {
    const pointer = `/paths/${pointerSegment(op.path)}/${op.method}`;
    paths[op.path] ??= {};
    paths[op.path]![op.method] = emitOperation(op, exampleSources, pointer);
  }
  const security = emitSecurity(model.securitySchemes, manifest.securitySchemes);
  if (model.securitySchemes.length === 0 && firstPage) {
    findings.info(
      'inferred-fact',
      { file: manifestFile ?? firstPage.file, line: 1 },
      'no security.md in the input: ' +
        `security schemes ${Object.keys(security.schemes).join(', ')} taken from the manifest`,
      { rule: 'emit/security' },
    );
  }
  const usedTags = new Set(operations.flatMap((o) => o.tags));
  const document: Schema = {
    openapi: OPENAPI_VERSION,
    info: emitInfo(model.info, manifest.info),
    servers: findings.within('emit/servers', () =>
      emitServers(operations, model.info.basePath ?? manifest.basePath, manifest.hostDefault, findings),
    ),
    security: security.requirement,
    tags: emitTags(model, usedTags, manifest.tags),
    paths,
    components: { schemas: emitComponents(plans, exampleSources), securitySchemes: security.schemes },
  };
  mark?.('emit');

  // Post-emit passes over the emitted document, in the way Redocly runs decorators.
  findings.within('post-emit/remove-unused-components', () =>
    removeUnusedComponents(document, new Map(definitions.map((d) => [d.name, d.at])), findings),
  );
  findings.within('post-emit/prose-constraints', () => proseConstraints(document, sources, findings));
  findings.within('post-emit/drop-invalid-examples', () => dropInvalidExamples(document, exampleSources, findings));
  findings.within('report/components', () => reportComponents(plans, document, findings));
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
      { rule: 'build/page' },
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
    const page = pageName(op.at.file);
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
  const defined = new Set(model.operations.flatMap((o) => [o.operationId, pageName(o.at.file)]));
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
    ...model.operations.flatMap((o) => [o.operationId, pageName(o.at.file)]),
    ...model.definitions.map((d) => d.name),
  ]);
  for (const link of model.tocLinks) {
    const target = /([^/#]+?)(?:\.md)?(?:#.*)?$/.exec(link.target)?.[1] ?? '';
    if (target && !known.has(target))
      findings.warn('dangling-reference', link.at, `link to ${link.target} points at no operation or definition`);
  }
}

/** A page's file name without its extension: how tag tables and TOCs link split pages. */
const pageName = (file: string) => basename(file).replace(/\.[^.]+$/, '');

function releaseLookup(sources: Source[]) {
  const byFile = new Map(sources.map((s) => [s.file, { release: s.release, order: s.order }]));
  return (at: Location) => byFile.get(at.file) ?? { release: 'unknown', order: 0 };
}
