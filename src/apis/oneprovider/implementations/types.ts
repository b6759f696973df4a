// The implementation contract bound to oneprovider's operations and state (generated/oneprovider/schema.d.ts;
// types only). It has no implementation yet: only the registry's type.
import type { operations } from '../../../../generated/oneprovider/schema.d.ts';
import type * as Generic from '../../implementation-types.ts';
import type { OneproviderState } from '../state.ts';

export type Implementations = Generic.Implementations<operations, OneproviderState>;
