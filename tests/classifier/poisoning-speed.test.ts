// The poisoning analyzer's shortcuts against what they stand for: each must give exactly what the
// plain code gives, on every text of the catalog and the attack sets and on generated text.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { modelTexts } from '../../classifier/poisoning.ts';
import { SENTENCE_BREAK, sentencePieces } from '../../classifier/poisoning-split.ts';
import { crawledTools, publicCorpus } from '../eval-poisoning.ts';
import { ROOT } from '../helpers.ts';

const seed = process.env.FC_SEED === undefined ? undefined : Number(process.env.FC_SEED);
const settings = (numRuns: number): fc.Parameters<unknown> => ({ numRuns, ...(seed === undefined ? {} : { seed }) });

/** Every text a model reads in the crawled catalog and the public attack corpus. */
function corpusTexts(): string[] {
  const tools = [...crawledTools(), ...(publicCorpus() ?? []).map((item) => item.tool)];
  return tools.flatMap((tool) => modelTexts(tool).texts.map((text) => text.text));
}

// the pieces of text that decide where SENTENCE_BREAK matches
const BREAK_PARTS = ['a', 'b', 'Ab', 'Abc ', 'abc', 'abcd.', 'Efg ', '.', '!', '?', ':', ';', ' ', '\t', '\u00a0', '\u3000', '\n', '\n\n', '- ', '* ', '1.', '1)', '# ', '> ', '|', '。', '！', '？', 'Xyz:', 'é', '😀', 'x'.repeat(38)];

describe('sentence splitting', () => {
  it('gives the pieces String.prototype.split gives, on every text of the catalog and the attack corpus', () => {
    for (const text of corpusTexts()) expect(sentencePieces(text)).toEqual(text.split(SENTENCE_BREAK));
  });
  it('gives the pieces String.prototype.split gives on generated text', () => {
    const text = fc.array(fc.constantFrom(...BREAK_PARTS), { maxLength: 16 }).map((parts) => parts.join(''));
    fc.assert(fc.property(text, (value) => {
      expect(sentencePieces(value)).toEqual(value.split(SENTENCE_BREAK));
    }), settings(20_000));
  });
  it('is the pattern the analyzer splits with', () => {
    expect(readFileSync(`${ROOT}/classifier/poisoning.ts`, 'utf8')).toContain('sentencePieces(chunk)');
  });
});
