// src/rebuild/emit/security.ts: components.securitySchemes and the global requirement (any one scheme).
// Schemes: onezone security.md (17.06.0-rc8): api_key (X-Auth-Token header) and basic.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { emitSecurity } from '../../../src/rebuild/emit/security.ts';
import type { SecurityScheme } from '../../../src/rebuild/model.ts';
import { at } from '../helpers.ts';

const SCHEMES: SecurityScheme[] = [
  { key: 'api_key', scheme: { type: 'apiKey', name: 'X-Auth-Token', in: 'header' }, at: at('security.md', 6) },
  { key: 'basic', scheme: { type: 'http', scheme: 'basic' }, at: at('security.md', 13) },
];

describe('emitSecurity', () => {
  it('security.md schemes by key; the requirement lists each alone (either one suffices)', () => {
    const { schemes, requirement } = emitSecurity(SCHEMES, { fallback: { type: 'http', scheme: 'bearer' } });
    assert.deepEqual(schemes, {
      api_key: { type: 'apiKey', name: 'X-Auth-Token', in: 'header' },
      basic: { type: 'http', scheme: 'basic' },
    });
    assert.deepEqual(requirement, [{ api_key: [] }, { basic: [] }]);
  });

  it('no security.md: the manifest fallback, and its keys in the requirement', () => {
    const fallback = { api_key: { type: 'apiKey', name: 'X-Auth-Token', in: 'header' } };
    const { schemes, requirement } = emitSecurity([], fallback);
    assert.deepEqual(schemes, fallback);
    assert.deepEqual(requirement, [{ api_key: [] }]);
  });
});
