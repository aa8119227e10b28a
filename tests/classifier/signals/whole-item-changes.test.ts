// Names and prose that change a whole item: create-or-update (an upsert), merging, restoring or cancelling it, and a
// subscription changed or ended. Each replaces or ends what exists rather than adding to it.
import { describe, expect, it } from 'vitest';
import { collectSignals } from '../../../classifier/classify.ts';
import { nameSignals, proseSignals, type ServerTraits } from '../../../classifier/signals.ts';
import { labels, PLAIN, tool } from '../signal-helpers.ts';

const nameLabels = (text: string) => labels(nameSignals(text, PLAIN));
const proseLabels = (text: string) => labels(proseSignals(text, 'description', PLAIN));
const named = (name: string, traits: ServerTraits = PLAIN) => collectSignals(tool(name), traits);
const inName = (effect: string, label: string, text: string, weight = 3) => ({ family: 'name', effect, label, weight, where: 'name', text });

describe('a name that creates or updates (an upsert)', () => {
  it('reads any creating verb coordinated with an updating or replacing one as an upsert', () => {
    expect(nameLabels('insert_or_update_row')).toEqual(['write:verb:insert:insert', 'write:verb:update:update', 'destructive:whole:upsert:insert_or_update_row']);
    expect(nameLabels('add_or_update_label')).toContain('destructive:whole:upsert:add_or_update_label');
    expect(nameLabels('add_or_replace_file')).toContain('destructive:whole:upsert:add_or_replace_file');
    expect(nameLabels('create_or_replace_secret')).toContain('destructive:whole:upsert:create_or_replace_secret');
  });

  it('needs both halves: creating or reading is no upsert', () => {
    expect(nameLabels('create_or_get_user')).toEqual(['write:verb:create:create', 'read:verb:get:get']);
  });
});

describe('a name that merges, restores or cancels a whole item', () => {
  it('reads merging a pull request or cancelling orders as a change to the whole item', () => {
    expect(nameLabels('merge_pull_request')).toEqual(['write:verb:merge:merge', 'destructive:whole:merge:pull']);
    expect(nameLabels('cancel_requested_orders')).toEqual(['write:verb:cancel:cancel', 'destructive:whole:cancel:orders']);
    // (one word "pullrequest" is not the word "request")
    expect(nameLabels('merge_pullrequest_into_branch')).toEqual(['write:verb:merge:merge', 'destructive:whole:merge:branch']);
  });

  it('does not read cancelling a request for a booking as cancelling the booking', () => {
    expect(nameLabels('cancel_request_for_booking')).toEqual(['write:verb:cancel:cancel']);
  });

  it('does not count a whole-item change in a dry run', () => {
    expect(nameLabels('dry_run_cancel_order')).toEqual(['negation:modifier:dry-run:dry_run', 'read:verb:dry-run:dry_run']);
    expect(nameLabels('dry_run_merge_branch')).toEqual(['negation:modifier:dry-run:dry_run', 'read:verb:dry-run:dry_run']);
  });
});

describe('a whole item merged, restored or cancelled in prose', () => {
  it('reads what is restored from after the object', () => {
    expect(proseLabels('Restore a database from the latest backup.')).toEqual(['write:verb:restore:Restore', 'destructive:whole:restore:backup', 'broad:noun:database:database']);
  });

  it('looks for what is restored from only after the verb, not in a heading before it', () => {
    expect(proseLabels('Backup management: restore a page to an earlier revision.')).toEqual(['write:verb:restore:restore']);
  });

  it('takes what is cancelled from the object phrase: cancelling a reminder for a meeting keeps the meeting', () => {
    expect(proseLabels('Cancel the reminder for a meeting.')).toEqual(['write:verb:cancel:Cancel']);
  });

  it('counts no whole-item change in a description that says it changes nothing', () => {
    expect(proseLabels('Merge two branches in memory and report conflicts; read-only, the repository is not changed.'))
      .toEqual(['negation:phrase:negation:read-only', 'read:phrase:negation:read-only', 'broad:noun:repository:repository']);
  });
});

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
