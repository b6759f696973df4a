// The format-neutral model between the doc sections and the OpenAPI emitters. Every field remembers the doc
// location it came from, so merges and findings can point back at file:line.
import type { Location } from './findings.ts';

/** A JSON Schema (OpenAPI 3.1 dialect) as emitted; refs point at schema components (src/openapi/ref-utils.ts). */
export type Schema = { [key: string]: unknown };

export interface Source {
  /** Path as shown in findings (relative to the doc root or the project). */
  file: string;
  text: string;
  /** Release label the page belongs to; later `order` wins when releases are merged. */
  release: string;
  order: number;
}

export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required: boolean;
  description: string;
  schema: Schema;
  at: Location;
}

interface RequestBody {
  name: string;
  required: boolean;
  description: string;
  schema: Schema;
  at: Location;
}

export interface Header {
  name: string;
  description: string;
  schema: Schema;
}

export interface Example {
  value: unknown;
  at: Location;
  /** Where the example was shown: the example section, or the output of a cURL sample. */
  origin: 'example' | 'curl';
}

export interface Response {
  status: string;
  description: string;
  /** Absent for "No Content". */
  schema?: Schema;
  headers: Header[];
  examples: Example[];
  at: Location;
}

interface CodeSample {
  label: string;
  lang: string;
  source: string;
  at: Location;
}

export interface Operation {
  operationId: string;
  method: string;
  path: string;
  summary: string;
  description: string;
  deprecated: boolean;
  tags: string[];
  /** Privileges named in the description; holding any one of them is documented to suffice. */
  privileges: string[];
  /** "This operation has public access": no security requirement. */
  public: boolean;
  parameters: Parameter[];
  requestBody?: RequestBody;
  responses: Response[];
  consumes: string[];
  produces: string[];
  /** `###### Request path`, `###### Request query` (an object of query parameter values), `###### Request body`. */
  requestExamples: { path?: Example; query?: Example; body?: Example };
  codeSamples: CodeSample[];
  /** JSON printed after cURL samples: attached to the success response as examples. */
  curlOutputs: Example[];
  /** Where the cURL samples send requests (origin + base path), evidence for `servers`. */
  curlTargets: { origin: string; base?: string; at: Location }[];
  release: string;
  order: number;
  at: Location;
  /** Where each top-level field was read, for merge reports. */
  fieldAt: Partial<Record<keyof Operation, Location>>;
}

export interface SchemaDefinition {
  name: string;
  description: string;
  schema: Schema;
  examples: Example[];
  /** `*Polymorphism* : Inheritance` (or `Composition`) with its `*Discriminator*`, as the page states it. */
  polymorphism?: { kind: string; discriminator?: string; at: Location };
  /** Inline object tables of the page, nested into `schema` (a property's object, array items or map values). */
  nested: { anchor: string; at: Location }[];
  at: Location;
}

/** How a component was rebuilt, for the report: one line per component with the page line it came from. */
type ComponentKind = 'plain' | 'composed' | 'subtype' | 'parent' | 'nested' | 'inferred';

/**
 * One entry of components/schemas, decided on the model before anything is emitted: a definition page (with
 * its inheritance resolved) or a schema inferred from examples.
 */
export interface ComponentPlan {
  name: string;
  schema: Schema;
  /** The example shown on the definition page (emitted as the schema's `example`). */
  example?: Example;
  /** True for definition pages: always a component, used or not. */
  page: boolean;
  kinds: ComponentKind[];
  /** One sentence for the report: how the schema was rebuilt. */
  how: string;
  at: Location;
}

export interface Tag {
  name: string;
  description: string;
  /** operationIds listed under the tag (from paths.md). */
  operationIds: string[];
  at: Location;
}

export interface SecurityScheme {
  key: string;
  scheme: Schema;
  at: Location;
}

export interface ApiInfo {
  title?: string;
  version?: string;
  description?: string;
  contact?: { name?: string; email?: string };
  license?: { name?: string; url?: string };
  basePath?: string;
  tagDescriptions: Record<string, string>;
  at?: Location;
}

/** Everything read from one doc set before merging. */
export interface DocModel {
  operations: Operation[];
  definitions: SchemaDefinition[];
  tags: Tag[];
  securitySchemes: SecurityScheme[];
  info: ApiInfo;
  /** Targets of TOC links, checked against what was found. */
  tocLinks: { target: string; at: Location }[];
}

export function emptyDocModel(): DocModel {
  return {
    operations: [],
    definitions: [],
    tags: [],
    securitySchemes: [],
    info: { tagDescriptions: {} },
    tocLinks: [],
  };
}

/** An operation with nothing extracted yet, located at the first line of its page. */
export function blankOperation(source: Source): Operation {
  return {
    operationId: '',
    method: '',
    path: '',
    summary: '',
    description: '',
    deprecated: false,
    tags: [],
    privileges: [],
    public: false,
    parameters: [],
    responses: [],
    consumes: [],
    produces: [],
    requestExamples: {},
    codeSamples: [],
    curlOutputs: [],
    curlTargets: [],
    release: source.release,
    order: source.order,
    at: { file: source.file, line: 1 },
    fieldAt: {},
  };
}
