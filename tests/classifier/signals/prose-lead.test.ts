// What a description or title says through the verb that leads it: which word leads, what the lead verb brings with it,
// what a negation keeps out, and what a phrase past the first sentence is worth.
import { describe, expect, it } from 'vitest';
import { proseSignals } from '../../../classifier/signals.ts';
import { labels, PLAIN, proseWeighed as description } from '../signal-helpers.ts';

const title = (text: string) => description(text, 'title');
const proseLabels = (text: string) => labels(proseSignals(text, 'description', PLAIN));
const titleLabels = (text: string) => labels(proseSignals(text, 'title', PLAIN));

describe('a description read for signals', () => {
  it('is read up to its 4,000th character, and no further', () => {
    const padding = 'x '.repeat(1900);
    expect(description(`Lists the rows. ${padding}It permanently drops the table.`)).toEqual([
      'read:verb:list:Lists:2',
      'destructive:phrase:irreversible:permanently:2',
    ]);
    // the same warning past the 4,000th character is not read: a huge description is flagged elsewhere
    expect(description(`Lists the rows. ${padding}${'x '.repeat(100)}It permanently drops the table.`)).toEqual(['read:verb:list:Lists:2']);
  });
});

describe('the leading word of a prose field', () => {
  it('is no verb when written in capitals (a SQL keyword, an HTTP method, a heading)', () => {
    expect(description('CREATE TABLE statements for every table in the schema.')).not.toContain('write:verb:create:CREATE:2');
    expect(description('CREATE TABLE statements for every table in the schema.').filter((signal) => signal.includes(':verb:'))).toEqual([]);
    // the same words in sentence case lead
    expect(description('Create table statements for every table in the schema.')).toContain('write:verb:create:Create:2');
  });

  it('is a thing, not an action, when a noun-like word leads a title (a Title Case title is a name)', () => {
    expect(title('Email Metrics')).toEqual([]);
    expect(title('Reports Overview')).toEqual([]);
    // in a description the same words lead
    expect(description('Email metrics for a campaign.')).toEqual(['write:verb:email:Email:2', 'messaging:verb:email:Email:2']);
    expect(description('Reports Overview')).toEqual(['write:verb:report:Reports:2']);
  });

  it('leads when only punctuation or symbols come before it', () => {
    for (const text of ['— Delete the record.', '## Delete the record.', '"Delete" the record.']) {
      expect(description(text), text).toEqual(['write:verb:delete:Delete:2', 'destructive:verb:delete:Delete:2']);
    }
  });
});

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

describe('the verb that leads a description or title', () => {
  it('takes the verb after an opening "For …ing"', () => {
    expect(proseLabels('For sending SMS messages to a phone number.')).toEqual(['write:verb:send:sending', 'messaging:verb:send:sending', 'messaging:phrase:sends-message:sending SMS']);
  });

  it('reads "invoke" as the action when nothing follows it', () => {
    expect(proseLabels('Invoke')).toEqual(['execute:verb:invoke:Invoke']);
    expect(proseLabels('The cloud function to invoke')).toEqual(['execute:verb:invoke:invoke']);
  });

  it('takes a sentence that ends with "for" as having no leading verb', () => {
    expect(proseLabels('What a token is good for.')).toEqual(['privileged:noun:token:token']);
  });

  it('needs an "-ing" verb after "for": "Tool for run configurations" names a thing', () => {
    expect(proseLabels('Tool for run configurations.')).toEqual([]);
  });

  it('does not take advice on when to call the tool for its action', () => {
    expect(proseLabels('Tool to call first before any other tool.')).toEqual([]);
  });

  it('takes the verb right after a heading\'s separator, not a word of the heading', () => {
    expect(proseLabels('Azure Deploy operations - Manage container registries.')).toEqual(['write:verb:manage:Manage', 'broad:noun:registries:registries']);
  });

  it('takes only the first word after a heading\'s separator ("a list of…" lists nothing)', () => {
    expect(proseLabels('Project tools: a list of what this server offers.')).toEqual(['broad:noun:project:Project']);
  });

  it('reads a UI action on a device as driving it only when no other verb leads', () => {
    expect(proseLabels('Tap the button on the device screen.')).toEqual(['execute:phrase:drives-ui:Tap']);
    expect(proseLabels('Tap to open the app on the device.')).toEqual(['read:verb:open:open', 'execute:phrase:opens-app:app']);
  });

  it('reads a title whole, past a period', () => {
    expect(titleLabels('Bulk cleanup. Delete all files that match a pattern')).toContain('broad:phrase:by-filter:all files that match');
  });
});

describe('phrases past the first sentence', () => {
  it('reads loading into a scene only in the first sentence', () => {
    expect(proseLabels('Load a sprite into a Sprite2D node.')).toContain('write:phrase:loads-into:Load a sprite into a Sprite2D node');
    expect(proseLabels('Imports an image as a texture resource. Load a sprite into a Sprite2D node afterwards.')).toEqual(['write:verb:import:Imports']);
  });

  // a first sentence with no period is cut at 300 characters: what starts right at the cut is past it
  const deletes = 'Deletes the droplets of one project in one region, waiting between calls so that the rate limit holds, and reports each droplet it removed with its name, its size, its region and the time it was created, so that the caller can check the list against the billing page afterwards, picking the droplets by tag.';
  const lists = 'Lists the settings of a project in one region, waiting between calls so that the rate limit holds, and reports each setting it found with its name, its value, its own scope and the time it was last changed, so that the caller can check the list against the dashboard afterwards, including any stored API keys.';

  it('does not count a filter named right where a long first sentence is cut', () => {
    expect(deletes.indexOf('by tag')).toBe(300);
    expect(proseLabels(deletes)).toEqual(['write:verb:delete:Deletes', 'destructive:verb:delete:Deletes', 'broad:noun:project:project']);
  });

  it('weighs secrets named right where a long first sentence is cut as said later', () => {
    expect(lists.indexOf('API keys')).toBe(300);
    const secrets = proseSignals(lists, 'description', PLAIN).filter((signal) => signal.label === 'phrase:sensitive');
    expect(secrets.map((signal) => [signal.text, signal.weight])).toEqual([['API keys', 0.5]]);
  });
});
