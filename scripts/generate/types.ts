// generated/schema.d.ts: openapi-typescript through its Node API.
import openapiTS, { astToString } from 'openapi-typescript';
import type { OpenAPI3 } from 'openapi-typescript';
import { generatedHeader } from './header.ts';

export async function generateTypes(document: object): Promise<string> {
  // defaultNonNullable off: a property with a default is still optional in what the docs show (e.g. `operation`).
  const ast = await openapiTS(structuredClone(document) as OpenAPI3, { alphabetize: false, defaultNonNullable: false });
  return generatedHeader('openapi-typescript') + astToString(ast);
}
