// Tests written for the mutants StrykerJS left alive in classifier/signals.ts lines 1880-1919 on rules-131 (eighteenth
// session): sharing an item in a role (sharedAccessSignals after its visibility part), its signals compared whole; and
// phrasesTheTriggersMiss, the check that the trigger scan hides no phrase. With the real scan that check is empty on every
// text (that is what the catalog test holds), so here a scan that finds nothing stands in, and the check must then name
// each pattern that matches, within the part of the text its reader reads.
import { describe, expect, it } from 'vitest';
import { phrasesTheTriggersMiss, sharedAccessSignals } from '../../classifier/signals.ts';
import { tool } from './signal-helpers.ts';

const role = { type: 'string', enum: ['reader', 'writer', 'owner'] };

describe('sharing an item in a role (sharedAccessSignals)', () => {
  it('is a signal of the parameter that picks the role', () => {
    expect(sharedAccessSignals(tool('share_file', 'Share a file with a user.', { file_id: { type: 'string' }, email: { type: 'string' }, role }))).toEqual([
      { family: 'parameter', effect: 'privileged', label: 'grants-access:role', weight: 0, where: 'inputSchema.properties.role', text: 'role' },
    ]);
  });

  it('is a signal of the description when no parameter picks the role', () => {
    expect(sharedAccessSignals(tool('share_file', 'Share a file with a user as an editor.', { file_id: { type: 'string' }, email: { type: 'string' } }))).toEqual([
      { family: 'description', effect: 'privileged', label: 'grants-access:role', weight: 0, where: 'description', text: 'as an editor' },
    ]);
  });

  it('is read when sharing is one of the name\'s verbs, not only when it is the only one', () => {
    expect(sharedAccessSignals(tool('create_and_share_document', 'Create a document and share it.', { title: { type: 'string' }, role })).map((s) => s.label)).toEqual([
      'grants-access:role',
    ]);
  });

  it('needs a name that shares: a role given to an update is not a share', () => {
    expect(sharedAccessSignals(tool('update_document', 'Update a document.', { document_id: { type: 'string' }, role }))).toEqual([]);
  });

  it('reads only the call\'s own parameters: a role inside a nested filter is not the one granted', () => {
    expect(sharedAccessSignals(tool('share_file', 'Share a file.', { file_id: { type: 'string' }, filter: { type: 'object', properties: { role } } }))).toEqual([]);
  });
});

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
