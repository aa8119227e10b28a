// What the deciding verb acts on changes what it does: a work item resolved, a session that runs as a process, a program
// started or stopped, a report built, a task sent to a model, a math expression evaluated, a test that only probes.
import { describe, expect, it } from 'vitest';
import { collectSignals } from '../../../classifier/classify.ts';
import { nameSignals, proseSignals } from '../../../classifier/signals.ts';
import { labels, PLAIN, tool } from '../signal-helpers.ts';

// effect, label, quoted text and weight of each signal, in order
const name = (tool: string) => labels(nameSignals(tool, PLAIN), { weight: true });
const prose = (description: string) => labels(proseSignals(description, 'description', PLAIN), { weight: true });
const named = (name: string) => labels(collectSignals(tool(name), PLAIN));
const verbs = (name: string) => labels(collectSignals(tool(name), PLAIN)).filter((label) => label.includes(':verb:'));

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

describe('a session that runs as a process', () => {
  it('is one when the word one or two before it names a process: an SSH login session', () => {
    expect(named('close_ssh_login_session')).toContain('execute:object:session:session');
    expect(named('close_login_session')).not.toContain('execute:object:session:session');
  });
});

describe('what a process verb controls', () => {
  it('is the program after it, though that word is a verb too: restarting a build runs it again', () => {
    expect(named('restart_build')).toContain('execute:object:build:build');
    expect(named('restart_running_build')).toContain('execute:object:build:build');
    // (a verb-like word before the program is no "-ing" form that ends the search: a test browser is a browser)
    expect(named('kill_test_browser')).toContain('execute:object:browser:browser');
  });
});

describe('evaluating', () => {
  it('computes a math expression, whether the name says "evaluate" or "eval"', () => {
    expect(verbs('evaluate_math_expression')).toEqual(['read:verb:calculate:evaluate']);
    expect(verbs('eval_math_expression')).toEqual(['read:verb:calculate:eval']);
  });

  it('runs code, and judges anything else', () => {
    expect(verbs('evaluate_javascript')).toEqual(['execute:verb:evaluate:evaluate']);
    expect(verbs('evaluate_answer')).toEqual(['read:verb:review:evaluate']);
  });
});
