// One home for reading the spec's servers: a URL template's {variables} filled in, and the base path.
import type { Spec } from './spec-types.ts';

type Server = NonNullable<Spec['servers']>[number];

/** `server.url` with each `{name}` replaced by `fill(name)`; by default the variable's documented default. */
export function serverUrl(server: Server, fill = (name: string) => server.variables?.[name]?.default ?? name): string {
  return server.url.replace(/\{([^}]+)\}/g, (_, name: string) => fill(name));
}

/** The path of the first server URL (no trailing slash), its variables filled with their defaults. */
export function basePathOf(spec: Pick<Spec, 'servers'>): string {
  const server = spec.servers?.[0];
  if (!server) return '';
  // Relative server URLs ("/api") are resolved against a dummy origin.
  return new URL(serverUrl(server), 'http://localhost').pathname.replace(/\/+$/, '');
}
