// Tests written for the mutants StrykerJS left alive in classifier/signals.ts lines 1079-1154 on rules-129 (seventeenth
// session): proseSignals whole. Which verb leads ("Tool to…" only when the first word does not lead, within the first eight
// words, "for …ing" only after the tool itself), what a lead verb brings with it (a client connection, a whole item, an
// application opened), what a negation keeps out, and what a phrase past the first sentence is worth.
import { describe, expect, it } from 'vitest';
import { proseWeighed as description } from './signal-helpers.ts';

describe('the verb that leads a description', () => {
  it('is its first word when that leads, whatever verb follows "to"', () => {
    expect(description('Creates a ticket to track the bug.')).toEqual(['write:verb:create:Creates:2']);
    expect(description('Reads the settings to update the cache.')).toEqual(['read:verb:read:Reads:2']);
  });

  it('is looked for after "to" only within the first eight words', () => {
    expect(description('This is the main tool of the server that you call to delete files.')).toEqual([]);
    expect(description('The main tool of this server, used to delete files.')).toContain('destructive:verb:delete:delete:2');
  });

  it('follows "for" or the tool itself only as "for …ing"', () => {
    expect(description('Server tool deleting stale branches.')).toEqual(['broad:phrase:by-filter:deleting stale branches:1']);
    expect(description('Server tool for deleting stale branches.')).toContain('destructive:verb:delete:deleting:2');
  });
});

describe('what a lead verb brings with it', () => {
  it('reads, quoting "Connect to", when it connects to a thing; another verb before "to" keeps its own effect', () => {
    expect(description('Connect to a MongoDB instance.')).toEqual(['read:phrase:connects-to:Connect to:2']);
    expect(description('Write to the log file.')).toEqual(['write:verb:write:Write:2']);
  });

  it('reads what a restore restores from anywhere after the verb', () => {
    expect(description('Restore a database from a backup taken last night.')).toContain('destructive:whole:restore:backup:0');
  });

  it('reads what a merge or a cancel ends to the end of its object phrase', () => {
    expect(description('Merge the pull request.')).toEqual(['write:verb:merge:Merge:2', 'destructive:whole:merge:pull:0']);
    expect(description('Cancel the subscription.')).toEqual(['write:verb:cancel:Cancel:2', 'destructive:whole:cancel:subscription:0']);
  });

  it('opens an application only when the verb is "open"', () => {
    expect(description('Open the simulator.')).toEqual(['read:verb:open:Open:2', 'execute:phrase:opens-app:simulator:2.5']);
    expect(description('Close the simulator.')).toEqual(['write:verb:close:Close:2']);
  });
});

describe('a negation', () => {
  it('keeps out what the lead verb would change or delete', () => {
    expect(description('Delete preview (read-only): shows what would be deleted.')).toEqual([
      'negation:phrase:negation:read-only:2',
      'read:phrase:negation:read-only:2',
    ]);
  });

  it('keeps out destructive and executing phrases', () => {
    expect(description('Does not modify anything; shows what would be permanently deleted.')).toEqual([
      'negation:phrase:negation:Does not modify:2',
      'read:phrase:negation:Does not modify:2',
    ]);
    expect(description('Read-only: never runs arbitrary code.')).toEqual(['negation:phrase:negation:Read-only:2', 'read:phrase:negation:Read-only:2']);
  });
});

describe('a phrase past the first sentence', () => {
  it('is no upsert nor a program run through a CLI: those are said of the tool in its first sentence', () => {
    expect(description('Saves the record. Creates or updates the index mapping.')).toEqual(['write:verb:save:Saves:2']);
    expect(description('Checks the code. Or run an existing query via the CLI.')).toEqual(['read:verb:check:Checks:2']);
    // in the first sentence they count
    expect(description('Creates or updates the index mapping.')).toContain('destructive:phrase:upsert:Creates or updates:0');
  });

  it('keeps its weight when it destroys, and weighs 0.5 when it runs code, moves money or names a secret', () => {
    expect(description('Lists backups. Deleted backups cannot be undone.')).toEqual(['read:verb:list:Lists:2', 'destructive:phrase:irreversible:cannot be undone:2']);
    expect(description('Lists the invoices. Use it before you charge a customer.')).toEqual(['read:verb:list:Lists:2', 'financial:phrase:money:charge:0.5']);
    expect(description('Lists the invoices. Each has an API key.')).toEqual(['read:verb:list:Lists:2', 'sensitive:phrase:sensitive:API key:0.5']);
  });
});

describe('the nouns of the first sentence', () => {
  it('are read in its first twelve words', () => {
    expect(description('Lists the rows the caller can see in the current view of the whole shared database.')).toEqual([
      'read:verb:list:Lists:2',
      'broad:phrase:broad:whole:0.5',
    ]);
    expect(description('Lists the rows of the whole shared database.')).toContain('broad:noun:database:database:0.5');
  });
});
