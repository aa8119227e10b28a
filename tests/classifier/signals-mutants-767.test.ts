// Tests written for the mutants StrykerJS left alive in classifier/signals.ts lines 767-1017: the name rules of
// nameSignals ("dry run" and the other neutralizers, create-or-update names, whole-item changes, apps opened) and the
// prose rules of proseSignals (the leading verb and the openings before it, a heading's separator, UI actions, whole-item
// objects, phrases said past the first sentence). Each says what the rule is for, in words and tools of its own.
import { describe, expect, it } from 'vitest';
import { nameSignals, proseSignals } from '../../classifier/signals.ts';
import { labels, PLAIN } from './signal-helpers.ts';

const name = (text: string) => labels(nameSignals(text, PLAIN));
const description = (text: string) => labels(proseSignals(text, 'description', PLAIN));
const title = (text: string) => labels(proseSignals(text, 'title', PLAIN));

describe('a dry run in a name', () => {
  it('reads "dry run" as one modifier that takes away what the action would do', () => {
    expect(name('deploy_dry_run')).toEqual(['openWorld:verb:deploy:deploy', 'negation:modifier:dry-run:dry_run', 'read:verb:dry-run:dry_run']);
    expect(name('dry_run_deploy')).toEqual(['negation:modifier:dry-run:dry_run', 'read:verb:dry-run:dry_run', 'openWorld:verb:deploy:deploy']);
  });

  it('does not read the "run" of "dry run" as an action of its own', () => {
    // ("run connectivity checks" alone would probe; here "run" belongs to "dry run")
    expect(name('dry_run_connectivity_checks')).toEqual(['negation:modifier:dry-run:dry_run', 'read:verb:dry-run:dry_run']);
  });

  it('needs the word "dry" itself: another neutralizer before "run" is a modifier of its own', () => {
    expect(name('preview_run')).toEqual(['negation:modifier:preview:preview', 'read:verb:preview:preview']);
    expect(name('validate_run_config')).toEqual(['negation:modifier:validate:validate', 'read:verb:validate:validate']);
  });

  it('takes "dry" without a "run" after it, at the end of a name, for no dry run', () => {
    expect(name('sync_dry')).toEqual(['write:verb:sync:sync']);
  });
});

describe('a name that creates or updates (an upsert)', () => {
  it('reads any creating verb coordinated with an updating or replacing one as an upsert', () => {
    expect(name('insert_or_update_row')).toEqual(['write:verb:insert:insert', 'write:verb:update:update', 'destructive:whole:upsert:insert_or_update_row']);
    expect(name('add_or_update_label')).toContain('destructive:whole:upsert:add_or_update_label');
    expect(name('add_or_replace_file')).toContain('destructive:whole:upsert:add_or_replace_file');
    expect(name('create_or_replace_secret')).toContain('destructive:whole:upsert:create_or_replace_secret');
  });

  it('needs both halves: creating or reading is no upsert', () => {
    expect(name('create_or_get_user')).toEqual(['write:verb:create:create', 'read:verb:get:get']);
  });
});

describe('a name that merges, restores or cancels a whole item', () => {
  it('reads merging a pull request or cancelling orders as a change to the whole item', () => {
    expect(name('merge_pull_request')).toEqual(['write:verb:merge:merge', 'destructive:whole:merge:pull']);
    expect(name('cancel_requested_orders')).toEqual(['write:verb:cancel:cancel', 'destructive:whole:cancel:orders']);
    // (one word "pullrequest" is not the word "request")
    expect(name('merge_pullrequest_into_branch')).toEqual(['write:verb:merge:merge', 'destructive:whole:merge:branch']);
  });

  it('does not read cancelling a request for a booking as cancelling the booking', () => {
    expect(name('cancel_request_for_booking')).toEqual(['write:verb:cancel:cancel']);
  });

  it('does not count a whole-item change in a dry run', () => {
    expect(name('dry_run_cancel_order')).toEqual(['negation:modifier:dry-run:dry_run', 'read:verb:dry-run:dry_run']);
    expect(name('dry_run_merge_branch')).toEqual(['negation:modifier:dry-run:dry_run', 'read:verb:dry-run:dry_run']);
  });
});

describe('the verb that leads a description or title', () => {
  it('takes the verb after an opening "For …ing"', () => {
    expect(description('For sending SMS messages to a phone number.')).toEqual(['write:verb:send:sending', 'messaging:verb:send:sending', 'messaging:phrase:sends-message:sending SMS']);
  });

  it('reads "invoke" as the action when nothing follows it', () => {
    expect(description('Invoke')).toEqual(['execute:verb:invoke:Invoke']);
    expect(description('The cloud function to invoke')).toEqual(['execute:verb:invoke:invoke']);
  });

  it('takes a sentence that ends with "for" as having no leading verb', () => {
    expect(description('What a token is good for.')).toEqual(['privileged:noun:token:token']);
  });

  it('needs an "-ing" verb after "for": "Tool for run configurations" names a thing', () => {
    expect(description('Tool for run configurations.')).toEqual([]);
  });

  it('does not take advice on when to call the tool for its action', () => {
    expect(description('Tool to call first before any other tool.')).toEqual([]);
  });

  it('takes the verb right after a heading\'s separator, not a word of the heading', () => {
    expect(description('Azure Deploy operations - Manage container registries.')).toEqual(['write:verb:manage:Manage', 'broad:noun:registries:registries']);
  });

  it('takes only the first word after a heading\'s separator ("a list of…" lists nothing)', () => {
    expect(description('Project tools: a list of what this server offers.')).toEqual(['broad:noun:project:Project']);
  });

  it('reads a UI action on a device as driving it only when no other verb leads', () => {
    expect(description('Tap the button on the device screen.')).toEqual(['execute:phrase:drives-ui:Tap']);
    expect(description('Tap to open the app on the device.')).toEqual(['read:verb:open:open', 'execute:phrase:opens-app:app']);
  });

  it('reads a title whole, past a period', () => {
    expect(title('Bulk cleanup. Delete all files that match a pattern')).toContain('broad:phrase:by-filter:all files that match');
  });
});

describe('a whole item merged, restored or cancelled in prose', () => {
  it('reads what is restored from after the object', () => {
    expect(description('Restore a database from the latest backup.')).toEqual(['write:verb:restore:Restore', 'destructive:whole:restore:backup', 'broad:noun:database:database']);
  });

  it('looks for what is restored from only after the verb, not in a heading before it', () => {
    expect(description('Backup management: restore a page to an earlier revision.')).toEqual(['write:verb:restore:restore']);
  });

  it('takes what is cancelled from the object phrase: cancelling a reminder for a meeting keeps the meeting', () => {
    expect(description('Cancel the reminder for a meeting.')).toEqual(['write:verb:cancel:Cancel']);
  });

  it('counts no whole-item change in a description that says it changes nothing', () => {
    expect(description('Merge two branches in memory and report conflicts; read-only, the repository is not changed.'))
      .toEqual(['negation:phrase:negation:read-only', 'read:phrase:negation:read-only', 'broad:noun:repository:repository']);
  });
});

describe('phrases past the first sentence', () => {
  it('reads loading into a scene only in the first sentence', () => {
    expect(description('Load a sprite into a Sprite2D node.')).toContain('write:phrase:loads-into:Load a sprite into a Sprite2D node');
    expect(description('Imports an image as a texture resource. Load a sprite into a Sprite2D node afterwards.')).toEqual(['write:verb:import:Imports']);
  });

  // a first sentence with no period is cut at 300 characters: what starts right at the cut is past it
  const deletes = 'Deletes the droplets of one project in one region, waiting between calls so that the rate limit holds, and reports each droplet it removed with its name, its size, its region and the time it was created, so that the caller can check the list against the billing page afterwards, picking the droplets by tag.';
  const lists = 'Lists the settings of a project in one region, waiting between calls so that the rate limit holds, and reports each setting it found with its name, its value, its own scope and the time it was last changed, so that the caller can check the list against the dashboard afterwards, including any stored API keys.';

  it('does not count a filter named right where a long first sentence is cut', () => {
    expect(deletes.indexOf('by tag')).toBe(300);
    expect(description(deletes)).toEqual(['write:verb:delete:Deletes', 'destructive:verb:delete:Deletes', 'broad:noun:project:project']);
  });

  it('weighs secrets named right where a long first sentence is cut as said later', () => {
    expect(lists.indexOf('API keys')).toBe(300);
    const secrets = proseSignals(lists, 'description', PLAIN).filter((signal) => signal.label === 'phrase:sensitive');
    expect(secrets.map((signal) => [signal.text, signal.weight])).toEqual([['API keys', 0.5]]);
  });
});
