// Classes of mistakes where a tool only observes but its verb reads as a change: starting or stopping a profiler
// or a trace switches an observation on or off and changes nothing. Each positive case needs its rule; each
// negative case shows what must stay where it is.
import { describe, expect, it } from 'vitest';
import { choice, classify, tool, verdict } from './class-helpers.ts';

describe('starting or stopping a profiler or a trace only observes', () => {
  it('"Begin heap profiling" and a profiler started by name are reads', () => {
    expect(verdict(classify(tool('begin_heap_profiling', 'Begin heap profiling of the Node process; allocations are sampled in memory.')))).toBe('read low');
    expect(verdict(classify(tool('jvm_profiler_start', 'Starts the sampling profiler on the attached JVM.')))).toBe('read low');
  });

  it('stopping one and reading back what it gathered is a read, not a destructive stop', () => {
    expect(verdict(classify(tool('end_tracing', 'End tracing of the Unity player and return the frame timings.')))).toBe('read low');
    expect(verdict(classify(tool('stop_cpu_profile', 'Stop the CPU profile and return hot functions.')))).toBe('read low');
  });

  it('a profiler fronting start, stop and snapshot operations is a read', () => {
    expect(verdict(classify(tool('unreal_profiler', 'Profile the running level: start and stop frame sampling, take a snapshot of engine stats.', { action: choice('start', 'stop', 'snapshot') })))).toBe('read low');
  });

  it('starting or stopping a program, a recording or a service stays what it was', () => {
    expect(verdict(classify(tool('stop_game', 'Stop the running game in the editor.')))).toBe('execute+destructive high');
    expect(verdict(classify(tool('start_screen_recording', 'Start recording the simulator screen.')))).toBe('write medium');
    expect(verdict(classify(tool('stop_service', 'Stop the billing service.')))).toBe('execute+destructive high');
  });
});

describe('evaluating a thing that is not code judges it; code handed over to be judged is text', () => {
  it('"Evaluate marketing copy against a rubric" with the text to judge is a read', () => {
    expect(verdict(classify(tool('evaluate_copy', 'Evaluate marketing copy against the house tone rubric and return a grade with suggestions.', { text: { type: 'string' } })))).toBe('read low');
  });

  it('a code parameter described as the code to review or to score is not code to run', () => {
    expect(verdict(classify(tool('grade_submission', 'Grades a student submission and returns feedback.', { code: { type: 'string', description: 'Source code to be graded by the rubric' } })))).toBe('read low');
    expect(verdict(classify(tool('evaluate_accessibility', 'Evaluates a UI component for WCAG issues and returns a score.', { code: { type: 'string', description: 'The component code to audit' } })))).toBe('read low');
  });

  it('evaluating code, an expression or in a page still runs it', () => {
    expect(verdict(classify(tool('evaluate_expression', 'Evaluate an expression in the paused debugger frame.', { expression: { type: 'string' } })))).toBe('execute high');
    expect(verdict(classify(tool('page_eval', 'Evaluate JavaScript in the current tab and return the result.', { code: { type: 'string', description: 'JavaScript code to evaluate' } })))).toMatch(/^execute/);
    expect(verdict(classify(tool('run_snippet', 'Runs a Python snippet in the sandbox.', { code: { type: 'string', description: 'The code to run' } })))).not.toMatch(/^read/);
  });
});

describe('installing a package the caller names from a registry runs its code on the host', () => {
  it('a pip install or an MCP server install of a named package is critical', () => {
    expect(verdict(classify(tool('pip_install', 'Install a Python package with pip into the active environment.', { package: { type: 'string' } })))).toBe('execute+destructive critical');
    expect(verdict(classify(tool('add_tool_server', 'Installs an MCP server from a git repository and registers it with the editor.', { repo: { type: 'string' } })))).toBe('execute+destructive critical');
  });

  it('installing an app on a device, a fixed package, or no package the caller names stays high', () => {
    expect(verdict(classify(tool('install_app', 'Install an .apk on the connected Android device.', { apk_path: { type: 'string' } })))).toBe('execute high');
    expect(verdict(classify(tool('install_deps', 'Install the project dependencies with npm.')))).toBe('execute high');
    expect(verdict(classify(tool('install_runtime', 'Installs an npm release channel.', { channel: { type: 'string', enum: ['stable', 'beta'] } })))).toBe('execute high');
  });
});
