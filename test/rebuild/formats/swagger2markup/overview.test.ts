// src/rebuild/formats/swagger2markup/overview.ts: overview.md → title, version, contact, license, base path, tags.
// Page: test/rebuild/pages.ts.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { extract, OVERVIEW_PAGE } from '../../pages.ts';

describe('overview extractor (overview.md)', () => {
  it('reads title, version, contact, license, base path and tag texts', () => {
    const x = extract('overview.md', OVERVIEW_PAGE);
    assert.deepEqual(x.findings, []);
    const info = x.model.info;
    assert.equal(info.title, 'Onezone');
    assert.equal(info.description, 'This is the RESTful API definition of Onezone.');
    assert.equal(info.version, '17.06.0-rc8');
    assert.deepEqual(info.contact, { name: 'Onedata support', email: 'info@onedata.org' });
    assert.deepEqual(info.license, { name: 'Apache 2.0', url: 'http://www.apache.org/licenses/LICENSE-2.0.html' });
    assert.equal(info.basePath, '/api/v3/onezone');
    assert.deepEqual(info.tagDescriptions, { User: 'Regular user operations', Space: 'Space management operations' });
  });
});
