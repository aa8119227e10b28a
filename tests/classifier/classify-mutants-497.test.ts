// Tests written for the mutants StrykerJS left alive in classifier/classify.ts lines 497-563 on rules-125 (thirteenth
// session): a prose lead that is the name's noun again (nameNounLead). When a name opens with its one verb and that verb
// reads, the verb-like words between it and the last word qualify what is read (`get_build_logs`: "Build logs of a job"
// does not build); a name that opens with a change, or the name's last word, keep the prose's verb as the action.
// Run again on rules-128 (sixteenth session): a head that is not the name's action leaves the action's object alone (522:7).
import { describe, expect, it } from 'vitest';
import { classify, tool, verdict } from './class-helpers.ts';
import { weighed } from './signal-helpers.ts';

const proseVerbs = (name: string, description: string) => weighed(tool(name, description)).filter((label) => /^[a-z]+:verb:[a-z]+:[A-Z]/.test(label));

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
