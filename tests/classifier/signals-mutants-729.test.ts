// Tests written for the mutants StrykerJS left alive in classifier/signals.ts lines 729-796 on rules-128 (sixteenth
// session): what a verb that starts, stops or kills things acts on (processSession, controlledProgram), and "set up".
import { describe, expect, it } from 'vitest';
import { collectSignals } from '../../classifier/classify.ts';
import { labels, PLAIN, tool } from './signal-helpers.ts';

const named = (name: string) => labels(collectSignals(tool(name), PLAIN));

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

describe('"up" after a verb', () => {
  it('makes only "set" a setup: cleaning up files still deletes them', () => {
    expect(named('clean_up_files')).toContain('destructive:verb:clean:clean');
  });
});
