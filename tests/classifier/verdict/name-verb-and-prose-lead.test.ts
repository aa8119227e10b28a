// Which verb is the tool's action when the name and the prose disagree: a name's first word that is a namespace, a
// plural noun or a modifier ("test", "build"), a prose lead that is the name's noun again, and a name verb that is a
// noun.
import { describe, expect, it } from 'vitest';
import { collectSignals, decide } from '../../../classifier/classify.ts';
import { VERBS } from '../../../classifier/lexicon.ts';
import type { McpTool } from '../../../data/schema.ts';
import { classify, verdict } from '../class-helpers.ts';
import { labels, PLAIN, tool, weighed } from '../signal-helpers.ts';

const titled = (definition: McpTool, title: string): McpTool => ({ ...definition, title });
const proseVerbs = (name: string, description: string) => weighed(tool(name, description)).filter((label) => /^[a-z]+:verb:[a-z]+:[A-Z]/.test(label));
const text = { type: 'string' };
/** What decide makes of a tool's signals on a server with no traits: the category and the destructive scope. */
const categoryAndScope = (definition: McpTool) => {
  const { category, destructiveScope } = decide(collectSignals(definition, PLAIN));
  return `${category} ${destructiveScope}`;
};

describe('"test" leading a name as a modifier (testAsModifier)', () => {
  it('lets a title that leads with another verb say what a test tool does', () => {
    // `test_notification` sends a test notification: the title's "Send" is the action, the name's "test" counts little
    expect(weighed(titled(tool('test_notification'), 'Send Test Notification'))).toEqual([
      'execute:verb:test:test:1', 'write:verb:send:Send:2', 'messaging:verb:send:Send:2',
    ]);
  });

  it('keeps "test" when the name has a second verb of its own and the prose says nothing', () => {
    // the name's other verb is no description or title: "test and deploy" does both
    expect(weighed(tool('test_and_deploy'))).toEqual(['execute:verb:test:test:3', 'execute:verb:deploy:deploy:3', 'openWorld:verb:deploy:deploy:3']);
  });

  it('keeps "test" when the description leads with "test" and only adds a read-only note', () => {
    // "without making changes" is a phrase of the description, not a verb leading it
    expect(weighed(tool('test_webhook', 'Test webhook delivery without making changes.'))).toEqual([
      'execute:verb:test:test:3', 'negation:phrase:negation:without making changes:2', 'read:phrase:negation:without making changes:2',
    ]);
  });

  it('keeps "test" when the description leads with no verb and only names one later', () => {
    // "place a food order" further on is a weak hint of what is tested, not the tool's action
    expect(weighed(tool('test_checkout', 'A sandbox checkout that can place a food order.'))).toEqual([
      'execute:verb:test:test:3', 'financial:verb:place-order:order:0.5', 'write:verb:place:place:0.5',
    ]);
  });
});

describe('a name’s first verb that is not its action (nameHeadNotVerb, leadsWithRead)', () => {
  it('drops a verb namespace when the title alone leads with a read', () => {
    expect(weighed(titled(tool('deploy_plugin-info'), 'Get Plugin Info'))).toEqual([
      'execute:verb:deploy:deploy:0', 'openWorld:verb:deploy:deploy:0', 'read:verb:get:Get:2',
    ]);
  });

  it('keeps the verb when the description leads with it, though the title reads', () => {
    // a real action: "Deploys the plugin" does not read, so the name's "deploy" is what the call does
    expect(weighed({ ...tool('deploy_plugin-info', 'Deploys the plugin to production'), title: 'Get Plugin Info' })).toEqual([
      'execute:verb:deploy:deploy:3', 'openWorld:verb:deploy:deploy:3', 'read:verb:get:Get:2', 'execute:verb:deploy:Deploys:2', 'openWorld:verb:deploy:Deploys:2',
    ]);
  });

  it('needs a leading verb that reads: one left only with its reach by a read-only note is not one', () => {
    // "read-only" strips the description's "Deploy" of its execution but leaves its reach outside: that is no read
    expect(weighed(tool('deploy_plugin-info', 'Deploy status of a plugin, read-only.'))).toEqual([
      'execute:verb:deploy:deploy:3', 'openWorld:verb:deploy:deploy:3',
      'negation:phrase:negation:read-only:2', 'read:phrase:negation:read-only:2', 'openWorld:verb:deploy:Deploy:2',
    ]);
  });

  it('weighs only the verbs leading the description, not phrases or verbs further on', () => {
    // a read-only note is a phrase, not a leading verb that would have to read
    expect(weighed(tool('deploy_plugin-info', 'Get plugin info without making changes.'))).toEqual([
      'execute:verb:deploy:deploy:0', 'openWorld:verb:deploy:deploy:0',
      'negation:phrase:negation:without making changes:2', 'read:phrase:negation:without making changes:2', 'read:verb:get:Get:2',
    ]);
    // "places a food order" later in the sentence is what the plugin does, not what this call does
    expect(weighed(tool('deploy_plugin-info', 'Get details of the checkout plugin that places a food order.'))).toEqual([
      'execute:verb:deploy:deploy:0', 'openWorld:verb:deploy:deploy:0', 'read:verb:get:Get:2', 'financial:verb:place-order:order:0.5', 'write:verb:place:places:0.5',
    ]);
  });

  it('clears only the first word’s verb: what the word names and what the prose says of it stay', () => {
    // `grants_summary` sums up grants: "grants" is no action, but grants are still privileges
    expect(weighed(tool('grants_summary', 'Get a summary of the access grants in a project.'))).toEqual([
      'write:verb:grant:grants:0', 'privileged:verb:grant:grants:0', 'privileged:noun:grants:grants:1', 'read:verb:get:Get:2',
      'privileged:noun:access:access:0.5', 'privileged:noun:grants:grants:0.5', 'broad:noun:project:project:0.5',
    ]);
  });

  it('drops what the first word would have run when it was the name’s only verb: a launch agent’s info is read, nothing launched', () => {
    expect(weighed(tool('launch_agent-info', 'Get info about a macOS launch agent.'))).toEqual(['execute:verb:launch:launch:0', 'read:verb:get:Get:2']);
    expect(weighed(tool('restart_job-details', 'Get details of a scheduled restart job.'))).toEqual(['write:verb:restart:restart:0', 'read:verb:get:Get:2']);
    // (a second verb of the name may be what runs the thing: its object stays)
    expect(weighed(tool('stop_and_run_job-info', 'Get info about a job.'))).toContain('execute:object:job:job:3');
  });

  it('relies on no verb both reading and changing something (a reading word after the first is a read)', () => {
    const mixed = Object.entries(VERBS).filter(([, effects]) => effects.includes('read') && effects.some((effect) => effect === 'write' || effect === 'execute'));
    expect(Object.keys(VERBS).length).toBeGreaterThan(100);
    expect(mixed).toEqual([]);
  });

  it('leaves the name’s other strong words alone (a deploy preview is only looked at)', () => {
    expect(weighed(tool('deploy_preview-details', 'Get the details of a deploy preview.'))).toEqual([
      'openWorld:verb:deploy:deploy:0', 'negation:modifier:preview:preview:3', 'read:verb:preview:preview:3', 'read:verb:get:Get:2',
    ]);
  });
});

describe('a prose lead that is a word of the name', () => {
  it("is that noun again between a reading verb and the name's last word", () => {
    expect(proseVerbs('get_build_logs', 'Build logs of a job.')).toEqual(['execute:verb:build:Build:0']);
    expect(verdict(classify(tool('get_build_logs', 'Build logs of a job.')))).toBe('read low');
  });

  it('stays the action when the name opens with a verb that changes things', () => {
    expect(proseVerbs('create_build_trigger', 'Build a trigger that starts on every push.')).toEqual(['execute:verb:build:Build:2']);
    expect(proseVerbs('update_report_schedule', 'Report on the schedule of each job.')).toEqual(['write:verb:report:Report:2']);
  });

  it("stays the action when it is the name's last word: getting a test run that the description says it runs", () => {
    expect(proseVerbs('get_test_run', 'Run the test suite and return the results.')).toEqual(['execute:verb:run:Run:2']);
    expect(verdict(classify(tool('get_test_run', 'Run the test suite and return the results.')))).toBe('execute high');
  });
});

describe("a name's first word that is not its action (nameHeadNotVerb)", () => {
  it('leaves what the action runs: a plural resource before "launch" does not take the container away', () => {
    // ("deploys" is the resource, "launch" the name's one action; prose that leads with a read and a read noun after it
    // demote a first word that is the action, and only then what it would have run)
    const named = weighed(tool('deploys_launch_container_info', 'Get info on a container.')).filter((label) => /^execute:(verb|object):/.test(label));
    expect(named).toEqual(['execute:object:container:container:3', 'execute:verb:launch:launch:3']);
  });
});

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

describe('what makes a tool produce files (decide: producesFiles), and a name verb that is a noun (collectSignals)', () => {
  it('leaves it to the description when the name\'s only verb is a noun there, and drops what that verb would have run', () => {
    // `workflow_run_logs`: "run" is the run of a workflow (the description's leading verb disagrees, so the name's verb counts
    // little, and "workflow" is no object of a run); "Export … to a ZIP file" with a file name writes that file, and can overwrite one
    const definition = tool('workflow_run_logs', 'Export the logs of a workflow run to a ZIP file.', { filename: text });
    expect(labels(collectSignals(definition, PLAIN).filter((s) => s.family === 'name'), { weight: true })).toEqual(['execute:verb:run:run:1', 'write:verb:log:logs:0.75']);
    expect(categoryAndScope(definition)).toBe('write item');
    expect(categoryAndScope(tool('workflow_run_logs', 'Get the logs of a workflow run.', { run_id: text }))).toBe('read none');
    // (a name whose verb the description agrees with keeps both: `workflow_run`, "Run a workflow")
    expect(categoryAndScope(tool('workflow_run', 'Run a workflow.', { workflow_id: text }))).toBe('execute none');
  });

  it('takes the title\'s leading verb as it takes the description\'s', () => {
    // a name with no verb of its own (`page_pdf`), a title that saves, a description that only says what the file is
    const definition: McpTool = { ...tool('page_pdf', 'A PDF of the current page.', { filename: text }), title: 'Save the page as PDF' };
    expect(categoryAndScope(definition)).toBe('write item');
    // without the title nothing says the file is made, so nothing says one in the way is overwritten
    expect(decide(collectSignals(tool('page_pdf', 'A PDF of the current page.', { filename: text }), PLAIN)).destructiveScope).toBe('none');
  });

  it('does not count a leading word of the prose that is the name\'s noun ("Exports of the workspace")', () => {
    // a list of past exports, filtered by a file name: nothing is exported, nothing written
    const definition: McpTool = {
      ...tool('workspace_exports', 'Exports of the workspace, newest first. Filter by file name.', { file_name: { type: 'string', description: 'Only exports whose file name contains this' } }),
      title: 'List workspace exports',
    };
    expect(weighed(definition)).toContain('read:verb:export:Exports:0');
    expect(categoryAndScope(definition)).toBe('read none');
  });
});
