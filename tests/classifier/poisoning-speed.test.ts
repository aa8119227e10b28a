// The poisoning analyzer's shortcuts against what they stand for: each must give exactly what the
// plain code gives, on every text of the catalog and the attack sets and on generated text.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { RegExpParser, visitRegExpAST } from '@eslint-community/regexpp';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { UNTRUE_TO_USER, WHOLE_TEXT_ANCHORS, mayTellUntruth, modelTexts, readsWhole, sentencesOf } from '../../classifier/poisoning.ts';
import { fit, mayMatchSlowly, strictlyPlain, withoutAssertions } from '../../classifier/poisoning-fit.ts';
import { SENTENCE_BREAK, VALUE_BREAK, sentencePieces } from '../../classifier/poisoning-split.ts';
import { crawledTools, publicCorpus } from '../../classifier/eval-poisoning.ts';
import { ROOT } from '../helpers.ts';

const seed = process.env.FC_SEED === undefined ? undefined : Number(process.env.FC_SEED);
const settings = (numRuns: number): fc.Parameters<unknown> => ({ numRuns, ...(seed === undefined ? {} : { seed }) });

/** Every text a model reads in the crawled catalog and the public attack corpus (read once for the file's tests). */
let corpus: readonly string[] | undefined;
function corpusTexts(): readonly string[] {
  corpus ??= [...crawledTools(), ...(publicCorpus() ?? []).map((item) => item.tool)].flatMap((tool) => modelTexts(tool).texts.map((text) => text.text));
  return corpus;
}

// the pieces of text that decide where SENTENCE_BREAK matches
const BREAK_PARTS = ['a', 'b', 'Ab', 'Abc ', 'abc', 'abcd.', 'Efg ', '.', '!', '?', ':', ';', ',', ' ', '\t', '\u00a0', '\u3000', '\n', '\n\n', '- ', '* ', '1.', '1)', '0.', '# ', '#', '> ', '>', '|', '|\n', '。', '！', '？', 'Xyz:', 'é', '😀', 'x'.repeat(38)];

describe('sentence splitting', () => {
  it('gives the pieces String.prototype.split gives, on every text of the catalog and the attack corpus', () => {
    const texts = corpusTexts();
    expect(texts.length).toBeGreaterThan(10_000);
    for (const text of texts) {
      expect(sentencePieces(text)).toEqual(text.split(SENTENCE_BREAK));
      expect(sentencePieces(text, true)).toEqual(text.split(VALUE_BREAK));
    }
  });
  it('gives the pieces String.prototype.split gives on generated text', () => {
    const text = fc.array(fc.constantFrom(...BREAK_PARTS), { maxLength: 16 }).map((parts) => parts.join(''));
    fc.assert(fc.property(text, (value) => {
      expect(sentencePieces(value)).toEqual(value.split(SENTENCE_BREAK));
      expect(sentencePieces(value, true)).toEqual(value.split(VALUE_BREAK));
    }), settings(20_000));
  });
  it('is the pattern the analyzer splits with', () => {
    expect(readFileSync(`${ROOT}/classifier/poisoning.ts`, 'utf8')).toContain('sentencePieces(chunk, values)');
  });
});

function sentencesIn(text: string): string[] {
  return sentencesOf(text).map((sentence) => sentence.text);
}

// Under mutation testing (npm run mutate) the module being mutated is rewritten on disk by Stryker
// (its constants wrapped in mutant switches), so its patterns cannot be read from its source.
const INSTRUMENTED = 'stryMutAct_9fa48';
const classifierSources = readdirSync(join(ROOT, 'classifier')).filter((name) => name.endsWith('.ts')).map((file) => ({ file, source: readFileSync(join(ROOT, 'classifier', file), 'utf8') }));
const instrumented = classifierSources.some(({ source }) => source.includes(INSTRUMENTED));

/** Every regular expression literal the classifier's modules declare at their top level, by name (those not rewritten by Stryker). */
function classifierPatterns(): { name: string; source: string; flags: string }[] {
  const out: { name: string; source: string; flags: string }[] = [];
  for (const { file, source } of classifierSources) {
    if (source.includes(INSTRUMENTED)) continue;
    for (const match of source.matchAll(/^(?:export )?const ([A-Z_]+) = \/(.*)\/([a-z]*);$/gm)) out.push({ name: `${file}:${match[1]}`, source: match[2]!, flags: match[3]! });
    // (a long one is written over several lines, its alternatives as String.raw pieces: `new RegExp([…].join('|'), 'i')`;
    // one built from other constants is left out, as it was when it was written as a template on one line)
    for (const match of source.matchAll(/^(?:export )?const ([A-Z_]+) = (new RegExp\(\n[\s\S]*?\n\));$/gm)) {
      if (/\$\{(?!'[`$]'\})/.test(match[2]!)) continue;
      const pattern = new Function(`return ${match[2]!};`)() as RegExp;
      out.push({ name: `${file}:${match[1]}`, source: pattern.source, flags: pattern.flags });
    }
  }
  return out;
}

/** The source with its assertions (all but `^` and `$`) cut out, by regexpp's reading of it; undefined with a back-reference. */
function cutByParser(source: string, flags: string): string | undefined {
  const ast = new RegExpParser({ ecmaVersion: 2025 }).parsePattern(source, 0, source.length, { unicode: flags.includes('u') });
  const cuts: [number, number][] = [];
  let backreference = false;
  visitRegExpAST(ast, {
    onAssertionEnter: (node) => void (node.kind !== 'start' && node.kind !== 'end' && cuts.push([node.start, node.end])),
    onBackreferenceEnter: () => void (backreference = true),
  });
  if (backreference) return undefined;
  const outer: [number, number][] = [];
  for (const cut of cuts.sort((a, b) => a[0] - b[0])) if (outer.length === 0 || cut[0] >= outer[outer.length - 1]![1]) outer.push(cut);
  let cut = source;
  for (const [start, end] of outer.reverse()) cut = cut.slice(0, start) + cut.slice(end);
  return cut;
}

describe('patterns with the u flag', () => {
  const patterns = classifierPatterns();
  // (the ones the analyzer may run through a twin: a twin spells out `\\p{L}` and nothing else that needs the flag)
  const unicode = patterns.filter(({ source, flags }) => flags.includes('u') && !/\\u\{|\\p\{(?!L\})/.test(source)).map(({ name, source, flags }) => ({ name, pattern: new RegExp(source, flags.replace('g', '')) }));
  it('are not run through the twin on text with a character outside the BMP (with the flag a pair is one character, without it two)', () => {
    const pattern = /\bno\s+confirmation\b[^.]{0,40}\bneeded\b/iu;
    const text = `No confirmation ${'😀'.repeat(21)} needed`;
    expect(pattern.test(text)).toBe(true);
    expect(fit(pattern, text, true).test(text)).toBe(false);
    expect(strictlyPlain(text)).toBe(false);
    expect(strictlyPlain(text.replaceAll('😀', '×'))).toBe(true);
    expect(strictlyPlain('Kelvin: 5 \u212a')).toBe(false);
  });
  it('lose exactly their assertions in the relaxed form, as regexpp reads them', () => {
    expect(patterns.length).toBeGreaterThan(instrumented ? 0 : 140);
    for (const { name, source, flags } of patterns) expect(withoutAssertions(source), name).toBe(cutByParser(source, flags));
  });
  // the attack corpus's texts and their sentences, and the sentences of every twentieth text of the
  // catalog (the patterns with `u` are slow: all of the catalog would take a minute)
  const attacks = (publicCorpus() ?? []).flatMap((item) => modelTexts(item.tool).texts.map((text) => text.text));
  const catalog = crawledTools().flatMap((tool) => modelTexts(tool).texts.map((text) => text.text)).filter((_, i) => i % 20 === 0);
  const texts = [...attacks, ...attacks.flatMap(sentencesIn), ...catalog.flatMap(sentencesIn)];
  it('match through the ASCII twin exactly as themselves on text without other letters or surrogates, and are never skipped where they match', () => {
    expect(unicode.length).toBeGreaterThan(instrumented ? 0 : 12);
    let strict = 0;
    let matched = 0;
    for (const text of texts) {
      const isStrict = strictlyPlain(text);
      if (isStrict) strict += 1;
      for (const { name, pattern } of unicode) {
        const own = pattern.exec(text);
        if (own) matched += 1;
        if (isStrict) expect({ ...fit(pattern, text, true).exec(text) }, name).toEqual({ ...own });
        if (own) expect(mayMatchSlowly(pattern, text), name).toBe(true);
      }
    }
    expect(strict).toBeGreaterThan(texts.length * 0.9);
    expect(matched).toBeGreaterThan(instrumented ? 0 : 100);
  });
  it('match through the ASCII twin exactly as themselves on generated text without other letters or surrogates', () => {
    // each pattern's own relaxed form generates text near its matches; ASCII and non-letters around it
    const around = fc.string({ unit: fc.constantFrom('a', 'B', 'k', 's', ' ', '.', '_', '-', '\n', '“', '’', '—', '×', '€', '\u00a0', 'é', '😀'), maxLength: 4 });
    let compared = 0;
    let matched = 0;
    for (const { name, pattern } of unicode) {
      const relaxed = withoutAssertions(pattern.source);
      if (relaxed === undefined) continue;
      let arbitrary: fc.Arbitrary<string>;
      try {
        arbitrary = fc.stringMatching(new RegExp(relaxed.replaceAll('[^\\x00-\\x7f]', '[é中ж]'), pattern.flags.replace('i', '')));
        fc.sample(arbitrary, 1);
      } catch {
        continue;
      }
      fc.assert(
        fc.property(arbitrary, around, around, fc.boolean(), (body, before, after, upper) => {
          const text = `${before}${upper ? body.toUpperCase() : body}${after}`;
          const own = pattern.exec(text);
          if (own) {
            matched += 1;
            expect(mayMatchSlowly(pattern, text), `${name} on ${JSON.stringify(text)}`).toBe(true);
          }
          if (!strictlyPlain(text)) return;
          compared += 1;
          expect({ ...fit(pattern, text, true).exec(text) }, `${name} on ${JSON.stringify(text)}`).toEqual({ ...own });
        }),
        settings(300),
      );
    }
    expect(compared).toBeGreaterThan(instrumented ? 0 : 1000);
    expect(matched).toBeGreaterThan(instrumented ? 0 : 300);
  });
});

/**
 * Runs `check` on generated matches of `pattern` (its assertions left out, so the whole is tested again), in any case
 * and with a few characters around them that may or may not break a word; returns how many were real matches.
 */
function forGeneratedMatches(pattern: RegExp, runs: number, check: (whole: string) => void): number {
  const around = fc.string({ unit: fc.constantFrom('a', 'B', ' ', '.', '\n', 'é', '\u212a', 'İ'), maxLength: 4 });
  const body = fc.stringMatching(new RegExp(withoutAssertions(pattern.source)!, ''));
  let matched = 0;
  fc.assert(
    fc.property(body, around, around, fc.integer({ min: 0, max: 2 }), (text, before, after, casing) => {
      const cased = casing === 0 ? text : casing === 1 ? text.toUpperCase() : text.replace(/[a-z]/g, (char, i: number) => (i % 2 ? char.toUpperCase() : char));
      const whole = `${before}${cased}${after}`;
      if (!pattern.test(whole)) return;
      matched += 1;
      check(whole);
    }),
    settings(runs),
  );
  return matched;
}

/** Runs `check` on every text of the catalog and the attack corpus that any of `patterns` matches; returns how many there were. */
function forCorpusMatches(patterns: readonly RegExp[], check: (text: string) => void): number {
  let matched = 0;
  for (const text of corpusTexts()) {
    if (!patterns.some((pattern) => pattern.test(text))) continue;
    matched += 1;
    check(text);
  }
  return matched;
}

describe('the gate of UNTRUE_TO_USER', () => {
  const pattern = UNTRUE_TO_USER;
  it('lets through every text the pattern matches: generated matches in any case, with text around them', () => {
    expect(forGeneratedMatches(pattern, 6000, (whole) => expect(mayTellUntruth(whole), JSON.stringify(whole)).toBe(true))).toBeGreaterThan(200);
  });
  it('lets through every text of the catalog and the attack corpus the pattern matches', () => {
    // (no catalog text matches it today, and the attack corpus is read only where it is present: no count is asserted)
    forCorpusMatches([pattern], (text) => expect(mayTellUntruth(text), text).toBe(true));
  });
  it('shuts on texts without its words: "still" or "always" needs the model named too, and most of the catalog is turned away', () => {
    // (a gate that lets everything through saves nothing: the pattern then runs on every text)
    expect(mayTellUntruth('Returns the status of a job; a finished job always keeps its log.')).toBe(false);
    expect(mayTellUntruth('Lists the models an agent can call, with their prices.')).toBe(false);
    expect(mayTellUntruth('The assistant still lists every job.')).toBe(true);
    expect(mayTellUntruth('Lists jobs, even finished ones.')).toBe(true);
    const texts = corpusTexts();
    expect(texts.filter((text) => mayTellUntruth(text)).length).toBeLessThan(texts.length / 10);
  });
});

describe('the gate of the whole-text reading', () => {
  // (the reading starts only where one of these matches, or where the model is named in a word of its own family)
  const anchors = Object.entries(WHOLE_TEXT_ANCHORS);
  it.each(anchors)('lets through every generated match of %s, in any case, with text around it', (_, pattern) => {
    expect(forGeneratedMatches(pattern, 3000, (whole) => expect(readsWhole(whole), JSON.stringify(whole)).toBe(true))).toBeGreaterThan(50);
  });
  it('lets through every text of the catalog and the attack corpus that any of them matches', () => {
    expect(forCorpusMatches(Object.values(WHOLE_TEXT_ANCHORS), (text) => expect(readsWhole(text), text).toBe(true))).toBeGreaterThan(50);
  });
  it('shuts on texts with none of their words, and on most of the catalog', () => {
    // (the model named, or an order to "you" in ADDRESSED's words, opens it; "your" or an argument alone does not)
    expect(readsWhole('The assistant lists every job.')).toBe(true);
    expect(readsWhole('Before the first call you need to pick a region.')).toBe(true);
    expect(readsWhole('Returns your jobs, newest first.')).toBe(false);
    expect(readsWhole('Sets mode="fast" for the run.')).toBe(false);
    expect(readsWhole('Lists the jobs of a project, with their owners.')).toBe(false);
    const texts = corpusTexts();
    // (today about one text in nine passes: a gate that lets everything through saves nothing)
    expect(texts.filter((text) => readsWhole(text)).length).toBeLessThan(texts.length * 0.15);
  });
});
