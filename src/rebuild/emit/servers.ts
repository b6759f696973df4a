// Servers from where the cURL samples send requests: `https://$HOST:8443/api/v3/onezone/...` → a server
// `https://{host}:8443/api/v3/onezone` with a `host` variable. Samples off the base path are reported.
import type { Findings } from '../findings.ts';
import type { Operation, Schema } from '../model.ts';

export function emitServers(
  ops: Operation[],
  basePath: string | undefined,
  hostDefault: string,
  findings: Findings,
): Schema[] {
  const bases = ops.flatMap((op) => op.curlTargets.map((t) => t.base).filter((b): b is string => b !== undefined));
  const base = basePath ?? mostCommon(bases) ?? '';
  const counts = new Map<string, number>();
  for (const op of ops) {
    for (const t of op.curlTargets) {
      if (t.base !== undefined && t.base !== base) {
        findings.warn(
          'curl-mismatch',
          t.at,
          `cURL sample of ${op.operationId} uses base path ${t.base || '/'} but the API's base path is ${base}`,
          { subject: op.operationId },
        );
        continue;
      }
      counts.set(t.origin, (counts.get(t.origin) ?? 0) + 1);
    }
  }
  const urls = [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([origin]) => origin + base);
  if (urls.length === 0) urls.push(`https://{host}${base}`);
  return urls.map((url) => {
    const server: Schema = { url };
    const vars = [...url.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!);
    if (vars.length)
      server.variables = Object.fromEntries(
        vars.map((v) => [
          v,
          {
            default: v === 'host' ? hostDefault : v,
            description: `Value of $${v.toUpperCase()} in the documented cURL samples.`,
          },
        ]),
      );
    return server;
  });
}

function mostCommon(values: string[]): string | undefined {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
}
