// Prefilters (classifier/prefilter.ts) against the patterns they are derived from: a prefilter may
// let a text through that its pattern does not match, never turn away one it does. Checked on the
// patterns' own generated matches (with letters, cased letters and other scripts around them) and on
// every sentence of the attack sets and a sample of the catalog.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { RegExpParser, visitRegExpAST } from '@eslint-community/regexpp';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { modelTexts, sentencesOf } from '../../classifier/poisoning.ts';
import { keysOf, mayMatch, prefilterOf } from '../../classifier/prefilter.ts';
import { crawledTools, loadPoisoningSet, publicCorpus } from '../eval-poisoning.ts';
import { ROOT } from '../helpers.ts';

const seed = process.env.FC_SEED === undefined ? undefined : Number(process.env.FC_SEED);
const settings = (numRuns: number): fc.Parameters<unknown> => ({ numRuns, ...(seed === undefined ? {} : { seed }) });

/** Every regular expression literal the classifier's modules declare at their top level, by name. */
function classifierPatterns(): { name: string; pattern: RegExp }[] {
  const out: { name: string; pattern: RegExp }[] = [];
  for (const file of readdirSync(join(ROOT, 'classifier')).filter((name) => name.endsWith('.ts'))) {
    const source = readFileSync(join(ROOT, 'classifier', file), 'utf8');
    for (const match of source.matchAll(/^(?:export )?const ([A-Z_]+) = \/(.*)\/([a-z]*);$/gm)) {
      out.push({ name: `${file}:${match[1]}`, pattern: new RegExp(match[2]!, match[3]!.replace('g', '')) });
    }
  }
  return out;
}

/** The pattern without its lookarounds, word boundaries and case-insensitivity, which fast-check cannot generate from (what it then generates is tried against the whole pattern). */
function generable(pattern: RegExp): RegExp {
  const ast = new RegExpParser({ ecmaVersion: 2025 }).parsePattern(pattern.source, 0, pattern.source.length, { unicode: pattern.unicode });
  const cuts: [number, number][] = [];
  visitRegExpAST(ast, { onAssertionEnter: (node) => void (node.kind !== 'start' && node.kind !== 'end' && cuts.push([node.start, node.end])) });
  let source = pattern.source;
  // (a cut inside another is part of it; the outer ones are made from the last back)
  const outer: [number, number][] = [];
  for (const cut of cuts.sort((a, b) => a[0] - b[0])) if (outer.length === 0 || cut[0] >= outer[outer.length - 1]![1]) outer.push(cut);
  for (const [start, end] of outer.reverse()) source = source.slice(0, start) + source.slice(end);
  // (fast-check spells out the complement of ASCII character by character: a few stand for it)
  return new RegExp(source.replaceAll('[^\\x00-\\x7f]', '[é中ж]'), pattern.flags.replace('i', ''));
}

describe('prefilters', () => {
  const patterns = classifierPatterns();
  const filters = new Map(patterns.map(({ name, pattern }) => [name, prefilterOf(pattern)]));
  it('are derived for the patterns that need words, and sum up most of the big ones', () => {
    expect(patterns.length).toBeGreaterThan(140);
    const big = patterns.filter(({ pattern }) => pattern.source.length > 300);
    expect(big.length).toBeGreaterThan(15);
    expect(big.filter(({ name }) => filters.get(name)!.clauses.length > 0).length).toBeGreaterThan(big.length * 0.9);
  });

  it('never turn away a text a pattern matches: generated matches, with letters and cased letters around them', () => {
    let tried = 0;
    let matched = 0;
    const around = fc.string({ unit: fc.constantFrom('a', 'B', ' ', '.', '_', '-', '@', '~', '\n', 'é', '中', 'x', 'K'), maxLength: 4 });
    for (const { name, pattern } of patterns) {
      let arbitrary: fc.Arbitrary<string>;
      try {
        arbitrary = fc.stringMatching(generable(pattern));
        fc.sample(arbitrary, 1);
      } catch {
        continue;
      }
      tried += 1;
      const filter = filters.get(name)!;
      fc.assert(
        fc.property(arbitrary, around, around, fc.boolean(), (body, before, after, upper) => {
          const text = `${before}${upper ? body.toUpperCase() : body}${after}`;
          if (!pattern.test(text)) return;
          matched += 1;
          expect(mayMatch(filter, keysOf(text)), `${name} on ${JSON.stringify(text)}`).toBe(true);
        }),
        settings(60),
      );
    }
    expect(tried).toBeGreaterThan(patterns.length * 0.6);
    expect(matched).toBeGreaterThan(tried * 20);
  });

  it('never turn away a text a pattern matches: every sentence of the attack sets and a sample of the catalog', () => {
    const tools = [...readdirSync(join(ROOT, 'tests', 'poisoning')).flatMap((file) => loadPoisoningSet(file.replace(/\.json$/, '')).map((item) => item.tool)), ...(publicCorpus() ?? []).map((item) => item.tool), ...crawledTools().filter((_, i) => i % 7 === 0)];
    const texts = tools.flatMap((tool) => modelTexts(tool).texts.flatMap((text) => [text.text, ...sentencesOf(text.text).map((sentence) => sentence.text)]));
    expect(texts.length).toBeGreaterThan(10_000);
    let matches = 0;
    let turnedAway = 0;
    for (const text of texts) {
      const bits = keysOf(text);
      for (const { name, pattern } of patterns) {
        const filter = filters.get(name)!;
        const may = mayMatch(filter, bits);
        if (!may) turnedAway += 1;
        if (pattern.test(text)) {
          matches += 1;
          if (!may) expect.fail(`${name} matches ${JSON.stringify(text.slice(0, 200))} but its prefilter turns it away`);
        }
      }
    }
    expect(matches).toBeGreaterThan(10_000);
    // and they turn away most texts: that is what they are for
    expect(turnedAway).toBeGreaterThan(texts.length * patterns.length * 0.5);
  });

  it('read the Kelvin sign and the long s as any key, and letters of other scripts case-folded', () => {
    const key = prefilterOf(/\bkey\b/iu);
    expect(mayMatch(key, keysOf('a \u212Aey'))).toBe(true);
    expect(mayMatch(key, keysOf('a monkey'))).toBe(false);
    const russian = prefilterOf(/отправь/iu);
    expect(mayMatch(russian, keysOf('ОТПРАВЬ это'))).toBe(true);
    expect(mayMatch(russian, keysOf('send it'))).toBe(false);
  });
});
