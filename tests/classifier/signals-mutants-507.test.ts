// Tests written for the mutants StrykerJS left alive in classifier/signals.ts, lines 507-766: the primary verbs of a name
// (a verb in the "-s" form at the start, a verb coordinated by "and"/"or"), and the helpers resolveAction asks about the
// deciding verb (a work item resolved, a session of a process, a program started or stopped, a report built, a task sent
// to a model, an evaluation of something that is not code, a test that only probes), and the dry-run and preview
// modifiers of a name. Each says what the rule is for, in words and tools of its own.
import { describe, expect, it } from 'vitest';
import { nameSignals, proseSignals } from '../../classifier/signals.ts';
import { labels, PLAIN } from './signal-helpers.ts';

// effect, label, quoted text and weight of each signal, in order
const name = (tool: string) => labels(nameSignals(tool, PLAIN), { weight: true });
const prose = (description: string) => labels(proseSignals(description, 'description', PLAIN), { weight: true });

describe('the primary verbs of a name', () => {
  it('keeps a first verb that only ends in "s" (`dismiss`) as the action, beside a verb after "and"', () => {
    // "dismiss" is a verb in its base form, not a plural resource such as `tags` in `tags_create`
    expect(name('dismiss_alert_and_close')).toEqual(['write:verb:dismiss:dismiss:3', 'write:verb:close:close:3']);
  });

  it('counts a first word in the "-s" form as an action when "or" coordinates it with the verb after', () => {
    expect(name('enables_or_disable')).toEqual(['write:verb:enable:enables:3', 'write:verb:disable:disable:3']);
  });
});

describe('resolving a work item (resolvedWork)', () => {
  it('reads "Resolve an incident" as closing it, though a name word follows a second work word later in the sentence', () => {
    // the incident is what is resolved; "alert ID optional" only says what else may be given
    expect(prose('Resolve an incident; alert ID optional.')).toEqual(['write:verb:close:Resolve:2']);
  });
});

describe('a session that runs as a process (processSession)', () => {
  it('reads closing SSH sessions, in the plural, as stopping what runs', () => {
    expect(name('close_ssh_sessions')).toEqual(['execute:object:sessions:sessions:3', 'write:verb:close:close:3']);
  });

  it('takes a session named first in a name, with nothing before it, as a plain record', () => {
    expect(name('session_close')).toEqual(['write:verb:close:close:3']);
  });
});

describe('a program started, stopped or reloaded (controlledProgram)', () => {
  it('reads "Stop running apps" as stopping the apps: "running" is not the activity that stops', () => {
    expect(prose('Stop running apps.')).toEqual(['write:verb:stop:Stop:2', 'execute:object:apps:apps:2']);
  });

  it('reads "running" right after the verb as the activity stopped, not as a modifier of what runs', () => {
    expect(prose('Stop running queries.')).toEqual(['write:verb:stop:Stop:2', 'execute:phrase:runs-code:running queries:2.5']);
  });

  it('finds the program before two control verbs in a name (`emulator_start_stop`)', () => {
    expect(name('emulator_start_stop')).toEqual(['write:verb:start:start:0.75', 'execute:object:emulator:emulator:3', 'write:verb:stop:stop:3']);
  });

  it('counts a page as a program only when it is reloaded', () => {
    expect(prose('Reload the current page.')).toEqual(['write:verb:reload:Reload:2', 'execute:object:page:page:2']);
    expect(prose('Stop the current page from loading.')).toEqual(['write:verb:stop:Stop:2']);
  });

  it('takes the head of the phrase after "running" as what runs, where the phrase ends', () => {
    expect(prose('Stop all running scripts in the project.')).toEqual([
      'write:verb:stop:Stop:2', 'execute:object:scripts:scripts:2', 'execute:phrase:runs-code:running scripts:2.5',
      'broad:phrase:broad:all:0.5', 'broad:noun:all:all:0.5', 'broad:noun:project:project:0.5',
    ]);
  });

  it('does not take "running" itself as what runs when the phrase ends right after it', () => {
    expect(prose('Stop the script running in the background.')).toEqual(['write:verb:stop:Stop:2']);
  });

  it('looks at most three words past "running" for the head of the phrase', () => {
    expect(prose('Stop all running local dev preview scripts.')).toEqual(['write:verb:stop:Stop:2', 'broad:phrase:broad:all:0.5', 'broad:noun:all:all:0.5']);
  });
});

describe('building a report, a profile or a query (composedThing)', () => {
  it('reads building a composed thing at the end of the sentence as generating it', () => {
    expect(prose('Build a risk profile')).toEqual(['read:verb:generate:Build:2']);
    expect(name('build_risk_profile')).toEqual(['read:verb:generate:build:3']);
  });

  it('reads a composed thing before another noun ("a query string", "a payload object") as what is built', () => {
    expect(prose('Build a query string for the search API.')).toEqual(['read:verb:generate:Build:2']);
    expect(prose('Build a payload object for the webhook.')).toEqual(['read:verb:generate:Build:2']);
  });

  it('keeps a build whose phrase runs past four words (a module) as a build', () => {
    expect(prose('Build the search index query filter module.')).toEqual(['execute:verb:build:Build:2', 'broad:noun:index:index:0.5']);
  });

  it('reads a name ending in "build" after a composed thing as generating it (`risk_profile_build`)', () => {
    expect(name('risk_profile_build')).toEqual(['read:verb:generate:build:3']);
  });

  it('takes a composed thing before "build" only when "build" ends the name', () => {
    // a Helm chart built and then deployed is packaged and run
    expect(name('chart_build_and_deploy')).toEqual(['execute:verb:build:build:3', 'execute:verb:deploy:deploy:3', 'openWorld:verb:deploy:deploy:3']);
  });

  it('reads a bare `build` as a build', () => {
    expect(name('build')).toEqual(['execute:verb:build:build:3']);
  });
});

describe('sending a task to a model (toModel)', () => {
  it('reads a name that ends on a modifier after "to" as sending, with no model named', () => {
    expect(name('send_to_remote')).toEqual(['write:verb:send:send:3', 'messaging:verb:send:send:3']);
  });

  it('reads sending a task to a local model as asking it', () => {
    expect(prose('Send a task to the local model.')).toEqual(['read:verb:ask:Send:2']);
  });

  it('reads past up to five modifiers of the model, and no further', () => {
    expect(prose('Send a task to the configured local coding model.')).toEqual(['read:verb:ask:Send:2']);
    expect(prose('Send the prompt to another small local reasoning language model.')).toEqual(['read:verb:ask:Send:2']);
    // six: the run of modifiers is not followed to its end
    expect(prose('Send the prompt to the other small local reasoning language model.')).toEqual(['write:verb:send:Send:2', 'messaging:verb:send:Send:2']);
  });
});

describe('evaluating something that is not code (judgedEvaluation)', () => {
  it('reads a math expression or a spreadsheet formula, in the singular, as computed', () => {
    expect(prose('Evaluate a math expression.')).toEqual(['read:verb:calculate:Evaluate:2']);
    expect(prose('Evaluate a spreadsheet formula.')).toEqual(['read:verb:calculate:Evaluate:2']);
  });

  it('needs the whole word "expression" or "formula": a formulation or a self-expression is judged', () => {
    expect(prose('Evaluate a math formulation for correctness.')).toEqual(['read:verb:review:Evaluate:2']);
    expect(prose("Evaluate a student's logical self-expression in an essay.")).toEqual(['read:verb:review:Evaluate:2']);
  });

  it('keeps evaluating with only a determiner for an object as running code', () => {
    expect(prose('Evaluate this in the page.')).toEqual(['execute:verb:evaluate:Evaluate:2']);
  });
});

describe('a test that only probes (probedObject)', () => {
  it('reads a probed thing first in the name, before "test", as a probe (`auth_test`)', () => {
    expect(name('auth_test')).toEqual(['read:verb:probe:test:3']);
  });
});

describe('dry-run and preview modifiers of a name (neutralizing)', () => {
  it('takes "dry" only as part of "dry run"', () => {
    // a dryer's drying mode: setting it writes a setting
    expect(name('set_dry_mode')).toEqual(['write:verb:set:set:3']);
    expect(name('start_tumble_dry')).toEqual(['write:verb:start:start:3']);
  });

  it('neutralizes the action beside a dry run (`deploy_dry_run`, `deploy_dryrun`)', () => {
    expect(name('deploy_dry_run')).toEqual(['openWorld:verb:deploy:deploy:3', 'negation:modifier:dry-run:dry_run:3', 'read:verb:dry-run:dry_run:3']);
    expect(name('deploy_dryrun')).toEqual(['openWorld:verb:deploy:deploy:3', 'negation:modifier:dryrun:dryrun:3', 'read:verb:dryrun:dryrun:3']);
  });

  it('neutralizes the action right after a two-word "dry run" (`schema_dry_run_migrate`)', () => {
    expect(name('schema_dry_run_migrate')).toEqual(['negation:modifier:dry-run:dry_run:3', 'read:verb:dry-run:dry_run:3']);
  });

  it('keeps the action when the dry run is not beside it', () => {
    // deleting old dry-run reports deletes them
    expect(name('delete_old_dry_run_reports')).toEqual(['write:verb:delete:delete:3', 'destructive:verb:delete:delete:3', 'execute:verb:run:run:0.75', 'write:verb:report:reports:0.75']);
    // a one-word "dryrun", then "and deploy": the deploy is real
    expect(name('stack_dryrun_and_deploy')).toEqual(['execute:verb:deploy:deploy:3', 'openWorld:verb:deploy:deploy:3']);
  });
});
