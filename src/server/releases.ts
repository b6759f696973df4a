// Which specs a release serves: each API's spec of that release (spec/releases.yaml and the manifests say which
// APIs have one), and the APIs it has no docs for, with the reason.
import { join } from 'node:path';
import { PROJECT_ROOT } from '../paths.ts';
import { loadReleasePlan, releaseTargets } from '../sync/releases.ts';

interface ReleaseSpecs {
  release: string;
  /** The default release's specs: other releases' privileges are renamed from theirs. */
  isDefault: boolean;
  specs: { api: string; path: string; defaultPath: string }[];
  /** The APIs the release has no spec of. */
  missing: { api: string; reason: string }[];
}

/** The specs of one release; an unknown release throws a one-line message naming the known ones. */
export function releaseSpecs(release: string, root = PROJECT_ROOT): ReleaseSpecs {
  const plan = loadReleasePlan(root);
  if (!plan.order.includes(release))
    throw new Error(`unknown release '${release}' (known releases: ${plan.order.join(', ')})`);
  const targets = releaseTargets(root, plan);
  const defaults = new Map(targets.filter((t) => t.isDefault).map((t) => [t.api, t.specDir]));
  return {
    release,
    isDefault: release === plan.default,
    specs: targets
      .filter((t) => t.release === release)
      .map((t) => ({
        api: t.api,
        path: join(root, t.specDir, 'openapi.yaml'),
        defaultPath: join(root, defaults.get(t.api) ?? t.specDir, 'openapi.yaml'),
      })),
    missing: plan.missing.filter((m) => m.release === release).map(({ api, reason }) => ({ api, reason })),
  };
}
