// Where a member belongs (memberLetIn), read from the word before it and from the phrase after "to", "from", "of", "in"
// or "on". member-places.test.ts says what the rule is for; these check how the words are read.
import { describe, expect, it } from 'vitest';
import { classify, tool } from '../class-helpers.ts';

const privileged = (name: string, description: string) =>
  classify(tool(name, description, { id: { type: 'string' } }))
    .signals.filter((s) => s.effect === 'privileged')
    .map((s) => `${s.family}:${s.label}`);

describe('the word before a member', () => {
  it("is its place when it is the name's first word", () => {
    expect(privileged('audience_member_add', 'Adds one.')).toEqual([]);
    expect(privileged('team_member_add', 'Adds one.')).toEqual(['name:noun:member']);
  });

  it("is the noun right before it, whatever comes earlier: a sales team's member is the team's", () => {
    expect(privileged('tool', 'Add a sales team member.')).toContain('description:noun:member');
  });

  it('is in another phrase when more than a space stands between: "settings: members" are no settings\' members', () => {
    expect(privileged('tool', 'Update the audience settings: members.')).toContain('description:noun:members');
  });

  it("is missing when the member is the name's first word, which then says nothing of where", () => {
    expect(privileged('members_add', 'Adds them.')).toEqual(['name:noun:members']);
  });

  it('is a place whatever letters it holds: only an ending of -ed, -ing or a digit makes it a state', () => {
    // ("LinkedIn" holds "ed"; "a shared member", "a pending member" say in what state, not where)
    expect(privileged('tool', 'Add a LinkedIn member.')).toEqual([]);
    expect(privileged('tool', 'Add a pending member.')).toContain('description:noun:member');
  });
});

describe('the phrase after "to", "from", "of", "in" or "on"', () => {
  it('ends at a verb after its head: the team running a campaign is the place, not the campaign', () => {
    expect(privileged('tool', 'Add a member to the team running the campaign.')).toContain('description:noun:member');
  });

  it('has its last word as its head: an engineering team', () => {
    expect(privileged('tool', 'Add a member to the engineering team.')).toContain('description:noun:member');
  });

  it('goes on past a verb before its head: a saved audience is an audience', () => {
    expect(privileged('tool', 'Add a member to a saved audience.')).toEqual([]);
  });

  it('is a place in the plural too: companies, spaces, teams', () => {
    for (const description of ['Add a member to all companies.', 'Add a member to the spaces.', 'Add a member to several teams.']) {
      expect(privileged('tool', description), description).toContain('description:noun:member');
    }
  });

  it('takes no word that says which or how many as its head: "each of the projects" says no place of its own', () => {
    expect(privileged('tool', 'Add a member to each of the projects.')).toContain('description:noun:member');
  });
});
