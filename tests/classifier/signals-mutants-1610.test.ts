// Tests written for the mutants StrykerJS left alive in classifier/signals.ts lines 1610-1669 on rules-129 (seventeenth
// session): ephemeralClearSignals and addedStateSignals as whole signals (family, label, location, quote), and how far
// from its verb a request may stand, and which verb claims what no one holds.
import { describe, expect, it } from 'vitest';
import { addedStateSignals, ephemeralClearSignals } from '../../classifier/signals.ts';
import { tool } from './class-helpers.ts';

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
