// The notes descriptionWarnings adds (classifier/warnings.ts) word for word, and firstSentence (classifier/words.ts) at its
// edges: a quick mutation run of the two files (2026-11-26, rules-125) left their messages and a leading-space case alive,
// since only the slow suites it leaves out read them.
import { describe, expect, it } from 'vitest';
import { ANALYSIS_LIMITS } from '../../classifier/poisoning.ts';
import { descriptionWarnings } from '../../classifier/warnings.ts';
import { firstSentence } from '../../classifier/words.ts';

const notes = (description: string | undefined, name = 'get_item') =>
  descriptionWarnings({ name, ...(description === undefined ? {} : { description }), inputSchema: { type: 'object', properties: {} } })
    .filter((warning) => warning.severity === 'note')
    .map((warning) => ({ kind: warning.kind, message: warning.message, evidence: warning.evidence }));

describe('descriptionWarnings: the notes, word for word', () => {
  it('names a tool the description points to that the crawl did not list, once', () => {
    expect(notes('Call the list_users tool first, then call the other_thing tool.')).toEqual([
      { kind: 'unknown-tool-reference', message: 'refers to a tool named “list_users” that this crawl did not list (it may come from another server, or the listing was partial)', evidence: { where: 'description', text: 'Call the list_users tool' } },
    ]);
  });

  it('says when a description insists in capitals, and when it is extremely long', () => {
    expect(notes('You MUST pass an id.')).toEqual([{ kind: 'shouting', message: 'insists in capitals (“MUST”); style, not a risk by itself', evidence: { where: 'description', text: 'MUST' } }]);
    const long = `Gets an item. ${'x'.repeat(10_000)}`;
    expect(notes(long)).toEqual([{ kind: 'extreme-length', message: `the description is ${long.length.toLocaleString('en-US')} characters long`, evidence: { where: 'description', text: long.slice(0, 80) } }]);
  });

  it('says when the definition was too large to read whole, at the tool\'s name', () => {
    let schema: Record<string, unknown> = { type: 'string' };
    for (let i = 0; i < 200; i++) schema = { type: 'object', properties: { p: schema } };
    const found = descriptionWarnings({ name: 'deep_tool', description: 'Gets it.', inputSchema: schema as { type: 'object' } }).filter((warning) => warning.kind === 'truncated-analysis');
    expect(found.map((warning) => [warning.severity, warning.message, warning.evidence])).toEqual([['note', `the definition is too large or deep to read whole; the poisoning check read it up to its limits (${ANALYSIS_LIMITS})`, { where: 'name', text: 'deep_tool' }]]);
  });

  it('adds no note to a tool without a description', () => {
    expect(notes(undefined)).toEqual([]);
  });
});

describe('firstSentence', () => {
  it('starts at the first character that is not a space, and gives nothing for a description of spaces', () => {
    expect(firstSentence(' Deletes the item. Then more.')).toEqual({ text: 'Deletes the item', start: 1 });
    expect(firstSentence('   ')).toEqual({ text: '', start: 0 });
    expect(firstSentence('')).toEqual({ text: '', start: 0 });
  });
});
