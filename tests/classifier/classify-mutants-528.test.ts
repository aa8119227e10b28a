// Tests written for the mutants StrykerJS left alive in classifier/classify.ts lines 528-598: nameNounLead (a prose lead
// that is a noun of the name again), and collectSignals' own adjustments (a name whose only verb is mostly a noun, the rows or
// columns a name adds, a subscription change that takes a price, the page or element a UI tool acts on).
// Each says what the rule is for, in words and tools of its own.
import { describe, expect, it } from 'vitest';
import type { McpTool } from '../../data/schema.ts';
import { tool, UI, weighed } from './signal-helpers.ts';

describe('a prose lead that is a noun of the name again (nameNounLead)', () => {
  it('discounts a title that leads with a word the name uses as a noun', () => {
    // "build" after "for" in the name is the build the artifacts belong to; "Built" says the same, not that the tool builds
    expect(weighed({ ...tool('list_artifacts_for_build'), title: 'Built artifacts for a build' })).toEqual(['read:verb:list:list:3', 'execute:verb:build:Built:0']);
  });

  it('keeps the lead when the same word is also the name’s action', () => {
    // the second "transfer" names a template, the first is what the tool does, and so does the description's "Transfer"
    expect(weighed(tool('transfer_funds_by_transfer_template', 'Transfer funds by a saved transfer template.'))).toEqual([
      'write:verb:transfer:transfer:3',
      'write:verb:transfer:Transfer:2',
      'financial:phrase:money:Transfer funds:1.5',
      'financial:noun:funds:funds:0.5',
      // (the first sentence's action on money, rules-121)
      'write:phrase:moves-money:Transfer funds:2.5',
      'financial:phrase:moves-money:Transfer funds:1.5',
    ]);
  });

  it('takes a verb-like word between a reading name verb and its last word as part of what is read', () => {
    // `get_build_logs`: "Build logs of a job" names the logs again; the tool builds nothing
    expect(weighed(tool('get_build_logs', 'Build logs of a job.'))).toEqual(['read:verb:get:get:3', 'execute:verb:build:build:0.75', 'write:verb:log:logs:0.75', 'execute:verb:build:Build:0']);
    expect(weighed(tool('get_test_report', 'Test report for a run.'))).toEqual(['read:verb:get:get:3', 'execute:verb:test:test:0.75', 'write:verb:report:report:0.75', 'execute:verb:test:Test:0']);
  });

  it('not when the name opens with something else: in `genai-model-eval-run-workflow` the description’s "Run" may be the action', () => {
    expect(weighed(tool('model-eval-run-workflow', 'Run a model evaluation workflow.')).filter((label) => label.includes(':Run:'))).toEqual(['execute:verb:run:Run:2']);
    // (nor when the name's first verb changes things)
    expect(weighed(tool('cancel_build_jobs', 'Build jobs of a pipeline are cancelled.')).filter((label) => label.includes(':Build:'))).toEqual(['execute:verb:build:Build:2']);
  });

  it('looks only at leading verbs: the running thing a description names keeps its weight', () => {
    // "builds" is a plural noun in the name and the object of "Cancel" in the description: what is cancelled is still running builds
    expect(weighed(tool('cancel_pipeline_builds', 'Cancel the running builds of a pipeline.'))).toEqual([
      'execute:object:pipeline:pipeline:3',
      'write:verb:cancel:cancel:3',
      'write:verb:cancel:Cancel:2',
      'execute:object:builds:builds:2',
    ]);
  });
});

describe('a name whose only verb is mostly a noun, against the verb leading the prose (collectSignals)', () => {
  it('lets a title that leads with another verb lower the name’s noun-like verb', () => {
    // `prometheus_build_info` reads build information, as its title says
    expect(weighed({ ...tool('prometheus_build_info'), title: 'Get Prometheus Build Info' })).toEqual(['execute:verb:build:build:1', 'read:verb:get:Get:2']);
  });

  it('counts only a verb that leads the prose, not a weak mention later in it', () => {
    // no verb leads "Restaurants near…": the name's "search" stays the action, "place an order" does not outweigh it
    expect(weighed(tool('restaurant_search', 'Restaurants near an address where you can place an order for delivery.'))).toEqual([
      'read:verb:search:search:3',
      'financial:verb:place-order:order:0.5',
      'write:verb:place:place:0.5',
    ]);
  });

  it('lowers the name’s primary word only, not another use of the same word', () => {
    // the last "reply" is the name's action (to a weight of 1 under the listing lead); the first stays a weak 0.75
    expect(weighed(tool('ticket_reply_to_reply', 'Lists the replies posted to a reply in a support ticket.'))).toEqual([
      'write:verb:reply:reply:0.75',
      'messaging:verb:reply:reply:0.75',
      'write:verb:reply:reply:1',
      'messaging:verb:reply:reply:1',
      'read:verb:list:Lists:2',
    ]);
  });

  it('lowers the noun-like verb and drops the running thing it would name', () => {
    // "Get a CI run": the name's "run" is the run read back, and nothing is started
    expect(weighed(tool('ci_run_by_run_id', 'Get a CI run by its run id.'))).toEqual(['execute:verb:run:run:1', 'read:verb:get:Get:2']);
  });
});

describe('the rows, columns or sheets a name adds', () => {
  it('marks a grid part after any word but a preposition', () => {
    // ("json" only ends like "on")
    expect(weighed(tool('insert_json_rows', 'Insert rows given as JSON objects into a table.'))).toContain('write:name:grid-part:rows:0');
    expect(weighed(tool('write_to_sheet', 'Write values into a sheet.')).filter((label) => label.includes('grid-part'))).toEqual([]);
  });
});

describe('a subscription change that takes a price, plan or items', () => {
  it('gives the committed subscription weight only when the call changes what it bills', () => {
    expect(weighed(tool('update_subscriptions', 'Update subscriptions.', { price: { type: 'string' } }))).toEqual([
      'financial:commits:subscriptions:subscriptions:1',
      'write:verb:update:update:3',
      'write:verb:update:Update:2',
      'financial:param:price:price:1',
    ]);
    expect(weighed(tool('update_subscriptions', 'Update subscriptions.', { note: { type: 'string' } }))).toContain('financial:commits:subscriptions:subscriptions:0');
  });

  it('takes a schema whose properties are null (a nil map of a Go server) without failing', () => {
    const nil = { name: 'update_subscription', description: 'Update a subscription.', inputSchema: { type: 'object', properties: null } } as unknown as McpTool;
    expect(weighed(nil)).toEqual(['financial:commits:subscription:subscription:0', 'write:verb:update:update:3', 'write:verb:update:Update:2']);
  });
});

describe('the page or element a UI tool acts on', () => {
  const opening = 'Open a new page in the browser. ';
  const waits = 'It waits for the page to load and returns its id, title and address so later calls can act on it. '.repeat(3);

  it('takes a page for a document’s only when the opening of the description says so', () => {
    expect(weighed(tool('new_page', `${opening}Pages showing a PDF are handled too.`), UI)).toEqual(['execute:verb:open:Open:2']);
    // a PDF mentioned past the first 300 characters does not make the browser's page a document's
    expect(`${opening}${waits}`.length).toBeGreaterThan(300);
    expect(weighed(tool('new_page', `${opening}${waits}Pages showing a PDF are handled too.`), UI)).toEqual(['execute:verb:open:Open:2', 'execute:ui:target:page:0']);
  });

  it('keeps a click on a page a UI action, even on a page showing a document', () => {
    expect(weighed(tool('clickOnPage', 'Click an element on the page; works on web pages and PDF documents opened in the browser.'), UI)).toEqual([
      'execute:verb:click:click:3',
      'execute:verb:click:Click:2',
      'openWorld:phrase:open-world:web pages:1',
      'execute:ui:target:clickOnPage:0',
    ]);
  });
});
