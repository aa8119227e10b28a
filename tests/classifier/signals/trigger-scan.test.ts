// The check that the trigger scan, which picks the rules worth running on a text, hides no phrase a rule would find.
import { describe, expect, it } from 'vitest';
import { phrasesTheTriggersMiss } from '../../../classifier/signals.ts';

describe('the check that the trigger scan hides no phrase (phrasesTheTriggersMiss)', () => {
  const findsNothing = () => 0;
  const findsEverything = () => -1;
  // (spaces and x's: no pattern matches them, so they only push a phrase further into the text)
  const filler = (length: number) => 'x '.repeat(length / 2);

  it('names each kind of pattern that matches where the scan found none of its words', () => {
    const cases: [string, string[]][] = [
      ['Returns the API key of the project.', ['phrase:sensitive']],
      ['Does not delete anything.', ['phrase:negation']],
      ['Supports creating and deleting boards.', ['listing']],
      ['Actions: list, get', ['listing']],
      ['Paid automatically from your wallet.', ['phrase:pays']],
      ['Sends a signed transaction.', ['phrase:moves-assets']],
    ];
    for (const [text, missed] of cases) {
      expect(phrasesTheTriggersMiss(text, findsNothing), text).toEqual(missed);
      // the same text is fine when the scan finds the words, as the real scan does
      expect(phrasesTheTriggersMiss(text, findsEverything), text).toEqual([]);
      expect(phrasesTheTriggersMiss(text), text).toEqual([]);
    }
  });

  it('looks only where each reader looks: lists in the first 2,000 characters, money moved in the first 1,500', () => {
    expect(phrasesTheTriggersMiss(`${filler(2100)}Actions: list, get`, findsNothing)).toEqual([]);
    expect(phrasesTheTriggersMiss(`${filler(1600)}Paid automatically from your wallet.`, findsNothing)).toEqual([]);
    expect(phrasesTheTriggersMiss(`${filler(1600)}Sends a signed transaction.`, findsNothing)).toEqual([]);
    // (nearer the start the same phrases are named)
    expect(phrasesTheTriggersMiss(`${filler(1000)}Actions: list, get. Paid automatically from your wallet. Sends a signed transaction.`, findsNothing)).toEqual([
      'listing',
      'phrase:pays',
      'phrase:moves-assets',
    ]);
  });
});
