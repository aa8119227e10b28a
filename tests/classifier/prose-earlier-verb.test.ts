// A name with two verb-like words in a row after a namespace (`billing_get_charge_history`) was read with the second
// as its action, the first taken for part of a compound noun (as "eval" is in `genai-model-eval-delete-run`). When the
// description or title leads with the first, the two agree that it is the action; the second starts its object.
// The catalog held 36 tools of this class.
import { describe, expect, it } from 'vitest';
import { classify, tool, verdict } from './class-helpers.ts';
import { weighed } from './signal-helpers.ts';

const nameSignals = (name: string, description: string) => weighed(tool(name, description)).filter((label) => /:(verb|object):[a-z]+:[a-z]+:/.test(label) && !/:[A-Z]/.test(label));

describe('the earlier of two verbs of a name, when the prose leads with it', () => {
  it('is the action: getting a charge history or listing invite codes only reads', () => {
    expect(verdict(classify(tool('billing_get_charge_history', 'Get the charge history of an account.')))).toBe('read low');
    expect(verdict(classify(tool('hr_list_invite_codes', 'List invite codes of the team.')))).toBe('read low');
    expect(nameSignals('billing_get_charge_history', 'Get the charge history of an account.')).toEqual(['read:verb:get:get:3', 'write:verb:charge:charge:0.75', 'financial:verb:charge:charge:0.75']);
  });

  it('is the action when a title leads with it, as when a description does', () => {
    const titled = { ...tool('billing_get_charge_history'), title: 'Get the charge history' };
    expect(weighed(titled).filter((label) => label.includes(':verb:'))).toEqual(['read:verb:get:get:3', 'write:verb:charge:charge:0.75', 'financial:verb:charge:charge:0.75', 'read:verb:get:Get:2']);
  });

  it("raises the name's word, not the prose's: a lead written in lower case keeps its own weight", () => {
    expect(weighed(tool('billing_get_charge_history', 'get the charge history of an account.')).filter((label) => label.includes(':verb:get:'))).toEqual(['read:verb:get:get:3', 'read:verb:get:get:2']);
  });

  it("takes what the later verb would have run with it: the status of a launch agent is read, no agent launched", () => {
    expect(nameSignals('mac_get_launch_agent_status', '')).toContain('execute:object:agent:agent:3');
    expect(nameSignals('mac_get_launch_agent_status', 'Get the status of a launch agent.')).toEqual(['read:verb:get:get:3', 'execute:verb:launch:launch:0.75', 'read:verb:status:status:0.75']);
    expect(verdict(classify(tool('mac_get_launch_agent_status', 'Get the status of a launch agent.')))).toBe('read low');
  });

  it('changes nothing when the prose leads with the later verb: a team share is deleted', () => {
    expect(nameSignals('team_share_delete', 'Delete a team share.')).toEqual(['write:verb:share:share:0.75', 'write:verb:delete:delete:3', 'destructive:verb:delete:delete:3']);
    // (a share, like a file share, holds what is shared in it: deleting it is deleting a container)
    expect(verdict(classify(tool('team_share_delete', 'Delete a team share.')))).toBe('write+destructive critical');
  });

  it('changes nothing without prose that leads with it: the name alone keeps its reading', () => {
    expect(nameSignals('billing_get_charge_history', '')).toEqual(['read:verb:get:get:0.75', 'write:verb:charge:charge:3', 'financial:verb:charge:charge:3']);
    expect(nameSignals('billing_get_charge_history', 'Returns the charge history of an account.')).toEqual(['read:verb:get:get:0.75', 'write:verb:charge:charge:3', 'financial:verb:charge:charge:3']);
  });
});
