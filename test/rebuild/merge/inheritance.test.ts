// src/rebuild/merge/inheritance.ts: documented inheritance resolved on the model, and the example check's
// reading of it (src/rebuild/validate/check-view.ts). Pages: onezone HandleServiceProperties,
// DOIServiceProperties, PIDServiceProperties, HandleServicePropertiesUpdate, DOIServicePropertiesUpdate.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { extractDefinition } from '../../../src/rebuild/formats/swagger2markup/definition.ts';
import { resolveInheritance } from '../../../src/rebuild/merge/inheritance.ts';
import { Findings } from '../../../src/rebuild/findings.ts';
import type { Schema } from '../../../src/rebuild/model.ts';
import { checkView } from '../../../src/rebuild/validate/check-view.ts';
import { schemaWalker } from '../../../src/rebuild/validate/schema-check.ts';
import { ajvChecker } from '../../../src/rebuild/validate/ajv-check.ts';
import { fixture, onlyUnit, readText } from '../helpers.ts';

const PAGES = [
  'HandleServiceProperties',
  'DOIServiceProperties',
  'PIDServiceProperties',
  'HandleServicePropertiesUpdate',
  'DOIServicePropertiesUpdate',
];
const definitions = PAGES.map((name) => {
  const file = `swagger2markup/onezone-${name}.md`;
  const read = readText(file, fixture(file));
  return extractDefinition(read.ctx, onlyUnit(read, 'definition'));
});
const findings = new Findings();
const plans = resolveInheritance(definitions, findings);
const schemas: Record<string, Schema> = Object.fromEntries(plans.map((p) => [p.name, p.schema]));
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

describe('resolveInheritance', () => {
  it('every page is a component', () => {
    assert.deepEqual(plans.map((p) => p.name).sort(), [...PAGES].sort());
  });

  it('a subtype is allOf [parent, own properties], its parent matched by the enum and the longest name suffix', () => {
    // Failed before the fix: subtypes were flattened copies of the parent's properties, and the Update subtypes
    // were matched to HandleServiceProperties.
    const doi = schemas.DOIServiceProperties!;
    assert.deepEqual((doi.allOf as Schema[])[0], ref('HandleServiceProperties'));
    const own = (doi.allOf as Schema[])[1]!;
    assert.equal((own.properties as Record<string, unknown>).type, undefined, "type is the parent's");
    assert.ok((own.properties as Record<string, unknown>).doiEndpoint);
    assert.deepEqual((schemas.DOIServicePropertiesUpdate!.allOf as Schema[])[0], ref('HandleServicePropertiesUpdate'));
    assert.deepEqual(plans.find((p) => p.name === 'DOIServiceProperties')?.kinds, ['subtype']);
  });

  it('the parent carries the discriminator, its enum mapped to the subtype pages', () => {
    assert.deepEqual(schemas.HandleServiceProperties!.discriminator, {
      propertyName: 'type',
      mapping: { DOI: ref('DOIServiceProperties').$ref, PID: ref('PIDServiceProperties').$ref },
    });
    // HandleServicePropertiesUpdate.type lists PID, which no page of this set documents: reported.
    assert.deepEqual(schemas.HandleServicePropertiesUpdate!.discriminator, {
      propertyName: 'type',
      mapping: { DOI: ref('DOIServicePropertiesUpdate').$ref },
    });
    assert.deepEqual(
      findings.all.map((f) => [f.code, f.subject]),
      [['dangling-reference', 'HandleServicePropertiesUpdate']],
    );
  });

  it("a subtype's example validates against the subtype, and through the parent (both checkers)", () => {
    const view = checkView(schemas);
    const walker = schemaWalker(view);
    const ajv = ajvChecker(view);
    const example = {
      type: 'DOI',
      host: 'https://mds.test.datacite.org',
      doiEndpoint: '/doi',
      metadataEndpoint: '/m',
      mediaEndpoint: '/media',
      prefix: '10.5072',
      username: 'alice',
      password: 'x',
    };
    for (const checker of [walker.checker, ajv]) {
      assert.equal(checker.check(ref('DOIServiceProperties'), example), undefined);
      assert.equal(checker.check(ref('HandleServiceProperties'), example), undefined);
      // Closed for the check: an undeclared property is refused, through the parent too.
      assert.notEqual(checker.check(ref('HandleServiceProperties'), { ...example, bogus: 1 }), undefined);
      // The subtype's required properties hold.
      assert.notEqual(checker.check(ref('DOIServiceProperties'), { type: 'DOI' }), undefined);
    }
    assert.ok(walker.supports(ref('HandleServiceProperties')));
  });
});
