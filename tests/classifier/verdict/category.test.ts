// How the category is weighed from the strong and the weak signals: an overwrite said in the first sentence, code a
// platform runs, and a negation about writing against a parameter that only looks like an output file.
import { describe, expect, it } from 'vitest';
import { classifyTool, collectSignals, decide, type Verdict } from '../../../classifier/classify.ts';
import type { McpTool } from '../../../data/schema.ts';
import { labels, PLAIN, signal, tool } from '../signal-helpers.ts';

const text = { type: 'string' };
const verdictOf = (definition: McpTool): Verdict => decide(collectSignals(definition, PLAIN));
const signalsOf = (definition: McpTool): string[] => labels(collectSignals(definition, PLAIN));
/** What decide makes of a tool's signals on a server with no traits: the category and the destructive scope. */
const categoryAndScope = (definition: McpTool) => {
  const { category, destructiveScope } = decide(collectSignals(definition, PLAIN));
  return `${category} ${destructiveScope}`;
};

describe('the category from the strong and the weak sums', () => {
  it('lets a strong write decide only when it is at least as strong as the strong execute beside it', () => {
    // (the rules give no execute signal a weight between 1.5 and 2 today: this holds decide's own order of the two)
    const update = (weight: number) => signal('description', 'write', 'verb:update', weight, 'Update');
    const run = (weight: number) => signal('description', 'execute', 'verb:run', weight, 'Run');
    expect(decide([update(1.5), run(1.8)]).category).toBe('execute');
    expect(decide([update(1.5), run(1.5)]).category).toBe('write');
    expect(decide([update(1.8), run(1.5)]).category).toBe('write');
  });

  it('among weak hints, takes an execute over a write only when it weighs at least as much', () => {
    // a verb in the name that is not its primary one (0.75) and code-running said past the first sentence (0.5)
    const nameUpdate = (weight: number) => signal('name', 'write', 'verb:update', weight, 'update');
    const laterRuns = (weight: number) => signal('description', 'execute', 'phrase:runs-code', weight, 'runs scripts');
    expect(decide([nameUpdate(0.75), laterRuns(0.5)]).category).toBe('write');
    expect(decide([nameUpdate(0.5), laterRuns(0.75)]).category).toBe('execute');
    expect(decide([nameUpdate(0.75), laterRuns(0.75)]).category).toBe('execute');
  });
});

describe('an overwrite said in the first sentence (phrase:replaces-whole)', () => {
  it('makes a tool that only loads a write', () => {
    const load = tool('load_diagram_file', 'Load a file into the current session, replacing the entire diagram.', { path: text });
    expect(signalsOf(load)).toContain('read:verb:load:load');
    expect(verdictOf(load)).toMatchObject({ category: 'write', destructiveScope: 'item' });
  });

  it('leaves a tool that runs a program running it: what it overwrites is said by the scope', () => {
    const formatter = tool('run_formatter', 'Run the code formatter over the project, overwriting the existing files in place.');
    expect(signalsOf(formatter)).toContain('write:phrase:replaces-whole:overwriting');
    expect(verdictOf(formatter)).toMatchObject({ category: 'execute', destructiveScope: 'item', hostCode: false });
  });
});

describe('code that a platform compiles and runs (platform-code)', () => {
  const body = { type: 'string', description: 'Source code of the function body' };

  it('writing a function body to the platform puts code of the caller\'s choosing on it', () => {
    const create = tool('create_function', 'Create a function on the platform.', { name: text, body });
    expect(verdictOf(create)).toMatchObject({ category: 'write', hostCode: true, destructiveScope: 'broad' });
  });

  it('a dry run of that deployment runs no code: it stays a read', () => {
    const dryRun = tool('dry_run_deploy_function', 'Checks a function deployment without deploying it.', { body });
    expect(signalsOf(dryRun)).toContain('write:platform-code:function:function');
    expect(verdictOf(dryRun)).toMatchObject({ category: 'read', hostCode: false, destructiveScope: 'none' });
    expect(classifyTool({ tool: dryRun, fingerprint: 'sha256:test', server: { name: 'io.example/functions', description: 'Serverless functions' } }).risk).toBe('low');
  });
});

describe('a negation in the prose and a file the tool is told to write (decide, negated)', () => {
  // `target_dir` reads like a place to write to; the description says nothing is written
  const compare = (description: string, title?: string): McpTool => ({ ...tool('compare_directories', description, { source_dir: text, target_dir: text }), ...(title ? { title } : {}) });

  it('lets a negation about writing outweigh a parameter that only looks like an output file', () => {
    const definition = compare('Compares two directory trees and lists the files that differ. Never writes to either directory.');
    const signals = collectSignals(definition, PLAIN);
    expect(labels(signals).filter((s) => s.includes('negation') || s.includes('output-file'))).toEqual([
      'negation:phrase:negation:Never writes',
      'read:phrase:negation:Never writes',
      'write:param:output-file:target_dir',
    ]);
    expect(categoryAndScope(definition)).toBe('read none');
  });

  it('reads the negations of the title and of the description as separate words', () => {
    // "never writes" ends the title's negation, "Read-only" opens the description's: the word "writes" still stands alone
    expect(categoryAndScope(compare('Read-only: lists the files that differ between two directory trees.', 'Compare directories (never writes)'))).toBe('read none');
  });

  it('still counts a weak output-file hint toward writing when the negation is not about files', () => {
    // ("read-only" on the remote side; the output hint is weak, so only the sum of write weights can make it a write)
    const readOnly = signal('description', 'negation', 'phrase:negation', 2, 'read-only');
    const weakOutput = signal('parameter', 'write', 'param:output-file', 1, 'out');
    expect(decide([readOnly, weakOutput]).category).toBe('write');
    expect(decide([readOnly]).category).toBe('read');
  });
});
