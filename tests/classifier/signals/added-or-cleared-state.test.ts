// Approving a request or claiming what no one holds adds state (addedStateSignals); clearing what only the server holds
// for a while, a cache or a session, loses no stored item (ephemeralClearSignals).
import { describe, expect, it } from 'vitest';
import { addedStateSignals, ephemeralClearSignals } from '../../../classifier/signals.ts';
import { labels, tool } from '../signal-helpers.ts';

const added = (name: string, description = '', properties: Record<string, unknown> = {}) => labels(addedStateSignals(tool(name, description, properties)));

describe('approving a request or claiming what no one holds (addedStateSignals)', () => {
  it('reads approving or accepting a request as adding state', () => {
    expect(added('approve_request')).toEqual(['write:adds-state:approve:request']);
    expect(added('approve_join_requests')).toEqual(['write:adds-state:approve:requests']);
    expect(added('approve', 'Approves a join request.')).toEqual(['write:adds-state:approve:request']);
  });

  it('finds the request before the verb in a name written object first', () => {
    expect(added('dm_request_accept')).toEqual(['write:adds-state:accept:request']);
    expect(added('request_approve')).toEqual(['write:adds-state:approve:request']);
  });

  it('leaves a request for a change, or a request that is only a modifier, to its own verdict', () => {
    expect(added('approve_pull_request')).toEqual([]);
    // a "request completion" is a completion
    expect(added('accept_request_completion')).toEqual([]);
  });

  it('reads claiming the next or an unclaimed item as adding state, only when it follows the verb closely', () => {
    expect(added('claim_next_task')).toEqual(['write:adds-state:claim:next']);
    // "next" far from the verb says nothing about what is claimed
    expect(added('claim_ticket', 'Claim the ticket you were assigned for the next sprint')).toEqual([]);
  });

  it('keeps the verdict when a parameter says the call also updates something', () => {
    expect(added('accept_invite_request', '', { member_id: { type: 'string', description: 'Member ID (updates member status to active)' } })).toEqual([]);
  });

  it('reads only parameter descriptions that are text', () => {
    // a malformed schema from a server: a list where a description should be is not read as one
    expect(added('accept_invite_request', '', { member_id: { type: 'string', description: ['Updates member status'] } })).toEqual(['write:adds-state:accept:request']);
  });
});

describe('clearing what only the server holds for a while', () => {
  it('is said by the name, quoting its noun', () => {
    expect(ephemeralClearSignals(tool('clear_codegen_session'))).toEqual([
      { family: 'name', effect: 'destructive', label: 'ephemeral:session', weight: 0, where: 'name', text: 'session' },
    ]);
  });

  it('or by the first sentence, its noun in lower case in the label and as written in the quote', () => {
    expect(ephemeralClearSignals(tool('clear_snapshots', 'Clear the snapshot Cache.'))).toEqual([
      { family: 'description', effect: 'destructive', label: 'ephemeral:cache', weight: 0, where: 'description', text: 'Clear the snapshot Cache' },
    ]);
    expect(ephemeralClearSignals(tool('clear_snapshots', 'Clear the stored snapshots.'))).toEqual([]);
  });
});

describe('accepting a request or claiming what no one holds', () => {
  it('adds state, said by the name or by the first sentence', () => {
    expect(addedStateSignals(tool('dm_request_accept'))).toEqual([
      { family: 'name', effect: 'write', label: 'adds-state:accept', weight: 0, where: 'name', text: 'request' },
    ]);
    expect(addedStateSignals(tool('respond', 'Accept the join request.'))).toEqual([
      { family: 'description', effect: 'write', label: 'adds-state:accept', weight: 0, where: 'description', text: 'request' },
    ]);
    expect(addedStateSignals(tool('claim_next_task'))).toEqual([
      { family: 'name', effect: 'write', label: 'adds-state:claim', weight: 0, where: 'name', text: 'next' },
    ]);
  });

  it('needs the request within six words after the verb (three before it in a name)', () => {
    expect(addedStateSignals(tool('respond', 'Accept the terms shown in the dialog before the request.'))).toEqual([]);
    expect(addedStateSignals(tool('request_for_a_new_accept'))).toEqual([]);
  });

  it('is claiming only for "claim": getting the next task takes nothing', () => {
    expect(addedStateSignals(tool('get_next_task'))).toEqual([]);
  });
});
