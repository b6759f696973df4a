// Oneprovider's registry: no operation is real yet (the data-access operations need files and storage the
// server does not model); every one answers its stub.
import type { Implementations } from './types.ts';

export const oneproviderImplementations: Implementations = {};
