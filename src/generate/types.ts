// generated/schema.d.ts: openapi-typescript through its Node API.
import type { OpenAPI3 } from 'openapi-typescript';
import { generatedHeader } from './header.ts';

export async function generateTypes(document: object, from: string): Promise<string> {
  // Imported on use: loading openapi-typescript is slow, and a memo hit in `check` need not pay for it.
  const { default: openapiTS, astToString } = await import('openapi-typescript');
  // defaultNonNullable off: a property with a default is still optional in what the docs show (e.g. `operation`).
  const ast = await openapiTS(structuredClone(document) as OpenAPI3, { alphabetize: false, defaultNonNullable: false });
  return generatedHeader('openapi-typescript', from) + astToString(ast);
}
