// Tests written for the mutants StrykerJS left alive in classifier/classify.ts lines 492-527: the rules collectSignals runs
// on a name's first word once every signal is gathered, testAsModifier ("test" leading a name names a test thing when the
// description or title leads with another verb) and nameHeadNotVerb with leadsWithRead (a verb leading a name is a
// namespace or a plural noun when the description or title leads with a read). Each says what the rule is for, in tools of its own.
import { describe, expect, it } from 'vitest';
import { VERBS } from '../../classifier/lexicon.ts';
import type { McpTool } from '../../data/schema.ts';
import { tool, weighed } from './signal-helpers.ts';
const titled = (definition: McpTool, title: string): McpTool => ({ ...definition, title });

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
