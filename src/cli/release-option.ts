// --release of serve and mock: a release of spec/releases.yaml, checked before any work.
import { join } from 'node:path';
import { PROJECT_ROOT } from '../paths.ts';
import { releaseSpecs } from '../server/releases.ts';
import { loadReleasePlan } from '../sync/releases.ts';
import { type StringOption, UsageError } from './args.ts';

export function releaseOption(help: string): StringOption<string> {
  const { order: releases, default: fallback } = loadReleasePlan(PROJECT_ROOT);
  return {
    type: 'string',
    value: 'name',
    defaultText: fallback ?? 'the one release',
    help: `${help}; one of ${releases.join(', ')}`,
    parse: (raw, label) => {
      if (!releases.includes(raw))
        throw new UsageError(`${label}: unknown release '${raw}' (known releases: ${releases.join(', ')})`);
      return raw;
    },
  };
}

/** The spec of `api` at `release` (default: spec/<api>/openapi.yaml); exits 2 when the release lacks the API. */
export function specOfRelease(command: string, usage: string, api: string, release: string | undefined): string {
  if (release === undefined) return join(PROJECT_ROOT, 'spec', api, 'openapi.yaml');
  const { specs, missing } = releaseSpecs(release);
  const spec = specs.find((s) => s.api === api);
  if (spec) return spec.path;
  const why = missing.find((m) => m.api === api)?.reason ?? 'its docs list no such release';
  process.stderr.write(`${command}: ${api} has no ${release} spec: ${why}\n${usage}\n`);
  process.exit(2);
}
