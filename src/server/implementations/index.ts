// The registries of hand-written implementations, one per API, keyed by operationId. The server prefers these
// to the stubs (the one stub rule, src/openapi/stub-reply.ts); `npm run sync` never touches this folder. Each
// registry's index.ts says which of its operations are real.
import type { ApiName } from '../spec.ts';
import { lumaImplementations } from './luma/index.ts';
import { onepanelImplementations } from './onepanel/index.ts';
import { oneproviderImplementations } from './oneprovider/index.ts';
import { onezoneImplementations } from './onezone/index.ts';
import type { Registry } from './types.ts';

export const implementations: Readonly<Record<ApiName, Registry>> = {
  onezone: onezoneImplementations,
  onepanel: onepanelImplementations,
  oneprovider: oneproviderImplementations,
  luma: lumaImplementations,
};
