// Shared by the per-module tests under test/rebuild/: reads the page fixtures of test/fixtures/ (and nothing
// else) and takes a page through the Markdown front end, so each test can hand one unit to one extractor.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import assert from 'node:assert/strict';
import { newParseMemo, type PageContext } from '../../src/rebuild/extract/context.ts';
import { readBlocks } from '../../src/rebuild/formats/swagger2markup/index.ts';
import { unitRules } from '../../src/rebuild/formats/swagger2markup/unit-rules.ts';
import { PageLines } from '../../src/rebuild/markdown/page-lines.ts';
import { Findings, type Finding, type Location } from '../../src/rebuild/findings.ts';
import type { Block } from '../../src/rebuild/markdown/blocks.ts';
import { splitUnits, type Unit, type UnitKind } from '../../src/rebuild/formats/swagger2markup/units.ts';
import type { Example } from '../../src/rebuild/model.ts';

const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));

/** The text of a fixture, e.g. `swagger2markup/onezone-check_my_ports.md`. */
export function fixture(name: string): string {
  return readFileSync(FIXTURES + name, 'utf8');
}

export interface ReadFixture {
  ctx: PageContext;
  blocks: Block[];
  findings: Finding[];
}

/** A swagger2markup page (a fixture or a variant of one) read into blocks, with its context and findings sink. */
export function readText(file: string, text: string): ReadFixture {
  const findings = new Findings();
  const source = { file, text, release: '17.06.0-rc8', order: 0 };
  const ctx: PageContext = { source, lines: new PageLines(text), findings, memo: newParseMemo() };
  return { ctx, blocks: readBlocks(ctx), findings: findings.all };
}

/** The units of the page of the given kind. */
export function unitsOf(read: ReadFixture, kind: UnitKind): Unit[] {
  return splitUnits(read.blocks, unitRules()).filter((u) => u.kind === kind);
}

/** The one unit of the given kind on the page. */
export function onlyUnit(read: ReadFixture, kind: UnitKind): Unit {
  const units = unitsOf(read, kind);
  assert.equal(units.length, 1, `one ${kind} unit`);
  return units[0]!;
}

/** 1-based line of the first line of `text` holding `needle`, at or after line `from`. */
export function lineOf(text: string, needle: string, from = 1): number {
  const lines = text.split('\n');
  for (let i = from - 1; i < lines.length; i++) if (lines[i]!.includes(needle)) return i + 1;
  throw new Error(`"${needle}" is not on the page`);
}

/** A location on a page, for model objects built by hand. */
export function at(file: string, line: number): Location {
  return { file, line };
}

export function example(value: unknown, location: Location, origin: Example['origin'] = 'example'): Example {
  return { value, at: location, origin };
}
