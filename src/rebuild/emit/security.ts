// securitySchemes from security.md (else the manifest's), and the global requirement: any one scheme.
import type { Schema, SecurityScheme } from '../model.ts';

export function emitSecurity(
  schemes: SecurityScheme[],
  fallback: Record<string, Schema>,
): { schemes: Record<string, Schema>; requirement: Schema[] } {
  const map = schemes.length ? Object.fromEntries(schemes.map((s) => [s.key, s.scheme])) : fallback;
  return { schemes: map, requirement: Object.keys(map).map((key) => ({ [key]: [] })) };
}
