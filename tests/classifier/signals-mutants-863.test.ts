// Tests written for the mutants StrykerJS left alive in classifier/signals.ts lines 863-957 on rules-128 (sixteenth
// session): the name's own signals pinned whole (nameSignals): a dry run, an upsert, a change that ends a whole item,
// and opening an application, which launches it on a server that drives no UI.
import { describe, expect, it } from 'vitest';
import { collectSignals } from '../../classifier/classify.ts';
import type { ServerTraits } from '../../classifier/signals.ts';
import { PLAIN, tool, UI } from './signal-helpers.ts';

const named = (name: string, traits: ServerTraits = PLAIN) => collectSignals(tool(name), traits);
const inName = (effect: string, label: string, text: string, weight = 3) => ({ family: 'name', effect, label, weight, where: 'name', text });

describe("a name's own signals", () => {
  it('say a dry run reads, and keep what the verb would read', () => {
    expect(named('dry_run_fetch_url')).toEqual([
      inName('negation', 'modifier:dry-run', 'dry_run'),
      inName('read', 'verb:dry-run', 'dry_run'),
      inName('read', 'verb:fetch', 'fetch'),
      inName('openWorld', 'verb:fetch', 'fetch'),
    ]);
  });

  it('say "create or update" replaces a whole item, quoting the name', () => {
    expect(named('create_or_update_file')).toContainEqual(inName('destructive', 'whole:upsert', 'create_or_update_file', 0));
  });

  it('say a subscription changed may change what is billed, from the name', () => {
    expect(named('update_subscription')).toContainEqual(inName('financial', 'commits:subscription', 'subscription', 0));
  });

  it('say cancelling a subscription ends it whole', () => {
    expect(named('cancel_subscription')).toEqual([inName('write', 'verb:cancel', 'cancel'), inName('destructive', 'whole:cancel', 'subscription', 0)]);
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
