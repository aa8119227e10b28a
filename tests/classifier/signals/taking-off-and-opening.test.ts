// Taking a thing off an item that stays (a change in place) against removing from a store of records (a delete), and
// opening an application, which launches it on a server that drives no user interface.
import { describe, expect, it } from 'vitest';
import { collectSignals } from '../../../classifier/classify.ts';
import type { ServerTraits } from '../../../classifier/signals.ts';
import type { RawSignal as Signal } from '../../../data/schema.ts';
import { labels, PLAIN, tool, UI } from '../signal-helpers.ts';

const prose = (description: string) => labels(collectSignals(tool('x', description), PLAIN).filter((signal) => signal.where === 'description'));
const has = (signals: readonly Signal[], effect: string, label: string) => signals.some((signal) => signal.effect === effect && signal.label === label);
const named = (name: string, traits: ServerTraits = PLAIN) => collectSignals(tool(name), traits);
const inName = (effect: string, label: string, text: string, weight = 3) => ({ family: 'name', effect, label, weight, where: 'name', text });

describe('noun phrases in prose: taking a thing off an item, deleting a container, opening an application', () => {
  it('reads removing from stores of records named in the plural as deleting, not as taking a thing off an item', () => {
    expect(prose('Removes a document from the databases.')).toEqual(['write:verb:remove:Removes', 'destructive:verb:remove:Removes', 'broad:noun:databases:databases']);
    expect(prose('Removes a label from the issues.')).toContain('write:phrase:detaches:Removes a label from the issues');
  });

  it('keeps a path written with a leading "./" inside the noun phrase it names', () => {
    expect(prose('Deletes the ./dist directory and everything in it.')).toContain('broad:container:directory:directory');
  });

  it('finds the application something is opened in past more than one determiner', () => {
    expect(prose('Opens a URL in the current iOS Simulator.')).toEqual(['read:verb:open:Opens', 'execute:phrase:opens-app:Simulator']);
  });
});

describe('taking something off an item, and opening an application, in prose', () => {
  const prose = (description: string) => collectSignals(tool('x', description), PLAIN).filter((signal) => signal.where === 'description');

  it('reads removing a thing from an item that stays as an in-place change', () => {
    expect(has(prose('Removes a label from an issue.'), 'write', 'phrase:detaches')).toBe(true);
    // a person word after "from" is the item, not someone taken off a team
    expect(has(prose('Removes a label from a member profile.'), 'write', 'phrase:detaches')).toBe(true);
    // a capital inside a word is not a service's name: only a capitalised word right after "from" is
    expect(has(prose('Removes a tag from iPhone photos.'), 'write', 'phrase:detaches')).toBe(true);
    expect(has(prose('Removes a contact from Resend.'), 'write', 'phrase:detaches')).toBe(false);
  });

  it('reads removing from a store of records, singular or plural, as deleting', () => {
    expect(has(prose('Removes a job from the queue.'), 'write', 'phrase:detaches')).toBe(false);
    expect(has(prose('Removes a file from the folders.'), 'write', 'phrase:detaches')).toBe(false);
  });

  it('reads opening something in or on an application of the host as launching it', () => {
    expect(has(prose('Open a URL in the iOS Simulator.'), 'execute', 'phrase:opens-app')).toBe(true);
    expect(has(prose('Opens the page on the simulator.'), 'execute', 'phrase:opens-app')).toBe(true);
    expect(has(prose('Opens the page with the simulator.'), 'execute', 'phrase:opens-app')).toBe(false);
  });
});

describe('opening an application named after the verb', () => {
  it('launches it', () => {
    expect(named('open_simulator')).toEqual([inName('read', 'verb:open', 'open'), inName('execute', 'phrase:opens-app', 'simulator')]);
    // (one of two verbs is enough)
    expect(named('open_or_create_simulator')).toContainEqual(inName('execute', 'phrase:opens-app', 'simulator'));
  });

  it('is no launch when the verb comes after (an app bundle opened), nor on a server that drives a UI, where opening is the UI verb', () => {
    expect(named('simulator_open')).toEqual([inName('read', 'verb:open', 'open')]);
    expect(named('open_simulator', UI)).toEqual([inName('execute', 'verb:open', 'open')]);
  });
});
