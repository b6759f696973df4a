// The slice of the OpenAPI document the generators read (the spec is the rebuilder's own output).
interface SpecExample {
  value: unknown;
  summary?: string;
}

export interface SpecMedia {
  schema?: Record<string, unknown>;
  examples?: Record<string, SpecExample>;
}

export interface SpecResponse {
  description: string;
  headers?: Record<string, { description?: string; schema?: Record<string, unknown> }>;
  content?: Record<string, SpecMedia>;
}

export interface SpecParameter {
  name: string;
  in: string;
  required?: boolean;
  description?: string;
  schema?: Record<string, unknown>;
  example?: unknown;
}

export interface SpecOperation {
  operationId: string;
  summary?: string;
  description?: string;
  tags?: string[];
  deprecated?: boolean;
  security?: Record<string, string[]>[];
  parameters?: SpecParameter[];
  requestBody?: { required?: boolean; description?: string; content: Record<string, SpecMedia> };
  responses: Record<string, SpecResponse>;
  'x-privileges'?: string[];
  'x-codeSamples'?: { lang: string; label: string; source: string }[];
  'x-doc-source'?: string;
}

export interface Spec {
  openapi: string;
  info: { title: string; version: string; description?: string };
  servers?: { url: string; variables?: Record<string, { default: string }> }[];
  security?: Record<string, string[]>[];
  tags?: { name: string; description?: string }[];
  paths: Record<string, Record<string, SpecOperation>>;
  components: {
    schemas: Record<string, Record<string, unknown>>;
    securitySchemes: Record<string, { type: string; name?: string; in?: string; scheme?: string }>;
  };
}

/** The rebuilt document as a Spec, checked where the rest of the toolkit relies on its shape. */
export function asSpec(document: Record<string, unknown>, from: string): Spec {
  const { openapi, info, paths, components } = document as Partial<Record<keyof Spec, unknown>>;
  const isObject = (v: unknown) => typeof v === 'object' && v !== null && !Array.isArray(v);
  if (typeof openapi !== 'string' || !isObject(info) || !isObject(paths) || !isObject(components))
    throw new Error(`${from}: not an OpenAPI document (needs openapi, info, paths and components)`);
  return document as Partial<Spec> as Spec;
}
