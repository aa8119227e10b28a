// A member is let in only where membership is access (rules-125). "member" made any tool that adds, removes or changes
// one administer permissions (the rubric's critical row), whatever it was a member of: a card, a marketing audience, a
// mailing list or a dataset, which let no one reach anything. Where the words say what it belongs to (the noun before it,
// or the phrase after "to", "from", "of", "in" or "on"), that place decides; where they do not, it stays as it was.
// Also rules-125: "renew" takes -s and -ing as it is ("Renew the certificate" was read by no access rule).
import { describe, expect, it } from 'vitest';
import { classify, tool, verdict } from './class-helpers.ts';

const privileged = (name: string, description: string) =>
  classify(tool(name, description, { id: { type: 'string' } }))
    .signals.filter((s) => s.effect === 'privileged')
    .map((s) => `${s.family}:${s.label}`);
const judged = (name: string, description: string) => verdict(classify(tool(name, description, { id: { type: 'string' } })));

describe('a member of a place whose members are let in', () => {
  it('is administered access, whether the place is said before it or after it', () => {
    for (const description of [
      'Add a member to a team.',
      'Add a member to the organization.',
      'Removes a member from a project (Enterprise only).',
      'Invite a member to the workspace.',
      'Add members to a private channel.',
      'Update a group\u2019s members.',
      "Remove a repository's member.",
      'Add a new team member.',
      'Remove a member from the chat room.',
    ]) expect(judged('tool', description), description).toMatch(/^write.* critical$/);
  });

  it('is administered access when nothing says where (a bare `add_member` may be anywhere)', () => {
    expect(judged('tool', 'Add a member.')).toMatch(/^write.* critical$/);
    expect(judged('add_member', 'Adds one.')).toMatch(/^write.* critical$/);
    // (a word that says which or how many is not a place)
    expect(judged('add_new_member', 'Add a new member.')).toMatch(/^write.* critical$/);
    expect(judged('tool', 'Remove all inactive members.')).toMatch(/^write.* critical$/);
    // (what comes after a break in the sentence is not the member's place)
    expect(privileged('tool', 'Add a member, then notify the audience.')).toContain('description:grants-access:prose');
  });

  it('reads the place from a name as from prose', () => {
    expect(privileged('add_team_member', 'Adds one.')).toContain('name:noun:member');
    expect(privileged('add_audience_member', 'Adds one.')).not.toContain('name:noun:member');
    expect(privileged('listProjectMembers', 'Lists them.')).toContain('name:noun:members');
  });
});

describe('a member of anything else', () => {
  it('is a change to that thing, not to who may reach what', () => {
    for (const [name, description] of <[string, string][]>[
      ['tool', 'Add a member to a marketing audience.'],
      ['tool', 'Assign a member to a card.'],
      ['tool', 'Add a member to the mailing list.'],
      ['tool', 'Remove a member from the loyalty club.'],
      ['add_audience_member', 'Add a contact to the audience.'],
    ]) {
      expect(judged(name, description), description).toMatch(/^write/);
      expect(judged(name, description), description).not.toMatch(/critical$/);
      expect(privileged(name, description), description).toEqual([]);
    }
  });

  it('does not make a read of things called members privileged', () => {
    expect(privileged('tool', 'List the members of a partitioned dataset.')).toEqual([]);
    expect(privileged('tool', 'Read a PDS member.')).toEqual([]);
    // the same read of a team's members still is
    expect(privileged('tool', 'List the members of a team.')).toEqual(['description:noun:members']);
  });
});

describe('renewing a credential', () => {
  it('is administered access in every form of the verb', () => {
    for (const description of ['Renew the certificate.', 'Renews an API key before it expires.', 'Renewing the client secret of an app.']) {
      expect(privileged('tool', description), description).toContain('description:issues-credential:prose');
      expect(judged('tool', description), description).toMatch(/^write.* critical$/);
    }
  });
});
