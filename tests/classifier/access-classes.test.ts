// Access administered, as the description says it (rules-122): a credential issued, rotated, revealed or revoked, a role or
// permission granted, a member added or removed, a thing made public. The rubric's critical row, which the rules read only
// from names (`create_api_key`, `add_member`): with a name that says nothing of it, the same words in prose were medium, and
// "Issue a new API key" or "Mint a JWT" a read. Each case is a tool of its own, named `tool` so that only its prose speaks.
import { describe, expect, it } from 'vitest';
import { classify, tool, verdict } from './class-helpers.ts';

const judged = (description: string) => verdict(classify(tool('tool', description, { id: { type: 'string' } })));

describe('a credential issued, rotated, revealed or revoked', () => {
  it('is critical whatever the verb, known or not', () => {
    for (const description of [
      'Create a new API key.',
      'Issue a new API key.',
      'Issues an access token for the user.',
      'Generate a personal access token.',
      'Mint a JWT for the service account.',
      'Rotate the client secret.',
      'Reveal the client secret of an app.',
      'Reset the password of a user.',
      'Use this tool to create an API key for a project.',
    ]) expect(judged(description), description).toMatch(/^write.* critical$/);
    expect(judged('Revoke an API key.')).toMatch(/^write\+destructive critical$/);
  });

  it('is said where the tool says it', () => {
    const c = classify(tool('tool', 'Issue a new API key for the workspace. Returns the key once.'));
    expect(c.signals.filter((s) => s.label === 'issues-credential:prose' || (s.family === 'description' && s.label === 'verb:issue')).map((s) => `${s.effect}:${s.label}:${s.text}`)).toEqual([
      'privileged:issues-credential:prose:Issue a new API key',
      'write:verb:issue:Issue',
    ]);
    // (a verb the lexicon does not know is named in its base form, whatever form the text has)
    expect(classify(tool('tool', 'Issuing access tokens for bots.')).signals.filter((s) => s.family === 'description' && s.effect === 'write').map((s) => s.label)).toEqual(['verb:issue']);
  });

  it('is no administration when a password or secret is only generated for the caller, or the caller hands the tool their own', () => {
    expect(judged('Generate a secure random password.')).not.toMatch(/critical/);
    expect(judged('Set your API token for the server to use.')).not.toMatch(/critical/);
  });
});

describe('access administered as the second of two things a tool does (rules-123)', () => {
  it('is critical and a write, though the sentence opens with a read', () => {
    expect(judged('List members and remove a member from a team.')).toMatch(/^write.* critical$/);
    expect(judged('Get a user and update their role.')).toMatch(/^write.* critical$/);
    expect(judged('Generate or rotate the events API key for an app.')).toMatch(/^write.* critical$/);
  });

  it('is no administration when what is removed is the session the tool keeps for its user', () => {
    expect(judged('Disconnect the account and remove stored credentials.')).not.toMatch(/critical/);
    const c = classify(tool('tool', 'Sign out and delete the cached access token.'));
    expect(c.signals.filter((s) => s.label.endsWith(':prose')).map((s) => s.label)).toEqual([]);
  });
});

describe('who may do what, or see what', () => {
  it('is critical when a role or permission is granted or taken, a member added or removed, a thing made public', () => {
    for (const description of [
      'Grant a role to a user.',
      'Set permissions on a file.',
      'Add a member to the organization.',
      'Remove a collaborator from a repository.',
      'Make the repository public.',
      'Change the visibility of a project.',
    ]) expect(judged(description), description).toMatch(/ critical$/);
  });

  it('leaves alone what only names access, members or secrets', () => {
    for (const description of [
      'Update the API key description.',
      'Create a secret scanning alert.',
      'Get the access logs.',
      'Make a private note.',
      'Update member details.',
      'Create a note for members.',
      'Assign a member to a card.',
      'Create a design token.',
      'Count tokens in a prompt.',
      'Validate an access token.',
    ]) expect(judged(description), description).not.toMatch(/critical/);
  });
});
