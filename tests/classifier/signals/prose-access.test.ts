// Access administered as the first sentence says it (proseAccessSignals): a generated password or secret is the caller's
// value, a generated key or client secret is a credential issued, and the lead verb gets a signal of its own only when
// the lexicon does not know it as a change, or when it is a second action.
import { describe, expect, it } from 'vitest';
import { proseAccessSignals } from '../../../classifier/signals.ts';
import { tool } from '../signal-helpers.ts';

const said = (description: string) => proseAccessSignals(tool('tool', description));
const privileged = (label: string, text: string) => ({ family: 'description', effect: 'privileged', label, weight: 0, where: 'description', text });
const leadVerb = (lemma: string, text: string, weight = 2) => ({ family: 'description', effect: 'write', label: `verb:${lemma}`, weight, where: 'description', text });

describe('a generated value', () => {
  it('is no credential when it is a password or a secret, in the singular too', () => {
    expect(said('Generate a password.')).toEqual([]);
    expect(said('Generate a new secret.')).toEqual([]);
  });

  it('is a credential issued when a secret is only part of its name: a client secret, a secret key', () => {
    expect(said('Generate a client secret.')).toEqual([privileged('issues-credential:prose', 'Generate a client secret'), leadVerb('generate', 'Generate')]);
    expect(said('Generate a secret key.')).toEqual([privileged('issues-credential:prose', 'Generate a secret key'), leadVerb('generate', 'Generate')]);
  });
});

describe("the lead verb's own signal", () => {
  it('is left out for a verb the lexicon knows as a change, however it is capitalised', () => {
    expect(said('Revoke the API key.')).toEqual([privileged('issues-credential:prose', 'Revoke the API key')]);
    expect(said('REVOKE the API key.')).toEqual([privileged('issues-credential:prose', 'REVOKE the API key')]);
    expect(said('Grant a role to the user.')).toEqual([privileged('grants-access:prose', 'Grant a role')]);
    // (a verb that only runs something, as "promote" does a deployment, is a change too)
    expect(said('Promote a team member to admin.')).toEqual([privileged('grants-access:prose', 'Promote a team member')]);
  });

  it('is left out when a word of the phrase only ends in "or" or "and": a vendor key is no second action', () => {
    expect(said('Revoke the vendor API key.')).toEqual([privileged('issues-credential:prose', 'Revoke the vendor API key')]);
  });

  it('is given to a verb the lexicon does not know, in its base form', () => {
    expect(said('Issue a new API key.')).toEqual([privileged('issues-credential:prose', 'Issue a new API key'), leadVerb('issue', 'Issue')]);
    expect(said('Mint a JWT for the service account.')).toEqual([privileged('issues-credential:prose', 'Mint a JWT'), leadVerb('mint', 'Mint')]);
  });

  it('is given to a second action, which the lead verb does not speak for', () => {
    expect(said('List members and remove a member from a team.')).toEqual([privileged('grants-access:prose', 'remove a member'), leadVerb('remove', 'remove', 2.5)]);
  });
});
