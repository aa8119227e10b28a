// Tests written for the mutants StrykerJS left alive in classifier/classify.ts lines 1-210: the start of decide() —
// a negation in the prose that outweighs weak write hints unless an output file is still written (lines 194-199), and
// which tools produce files (lines 204-210: a name's own file-producing verb, else the leading verb of the title or the
// description). widerScope and the kindBits cache (lines 74, 145-156) have no test here: see mutation-notes-cls-a.md.
// Each says what the rule is for, in words and tools of its own.
import { describe, expect, it } from 'vitest';
import { collectSignals, decide } from '../../classifier/classify.ts';
import type { McpTool } from '../../data/schema.ts';
import { labels, PLAIN, signal, tool, weighed } from './signal-helpers.ts';

const text = { type: 'string' };
/** What decide makes of a tool's signals on a server with no traits: the category and the destructive scope. */
const verdict = (definition: McpTool) => {
  const { category, destructiveScope } = decide(collectSignals(definition, PLAIN));
  return `${category} ${destructiveScope}`;
};

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
    expect(verdict(definition)).toBe('read none');
  });

  it('reads the negations of the title and of the description as separate words', () => {
    // "never writes" ends the title's negation, "Read-only" opens the description's: the word "writes" still stands alone
    expect(verdict(compare('Read-only: lists the files that differ between two directory trees.', 'Compare directories (never writes)'))).toBe('read none');
  });

  it('still counts a weak output-file hint toward writing when the negation is not about files', () => {
    // ("read-only" on the remote side; the output hint is weak, so only the sum of write weights can make it a write)
    const readOnly = signal('description', 'negation', 'phrase:negation', 2, 'read-only');
    const weakOutput = signal('parameter', 'write', 'param:output-file', 1, 'out');
    expect(decide([readOnly, weakOutput]).category).toBe('write');
    expect(decide([readOnly]).category).toBe('read');
  });
});

describe('what makes a tool produce files (decide: producesFiles), and a name verb that is a noun (collectSignals)', () => {
  it('leaves it to the description when the name\'s only verb is a noun there, and drops what that verb would have run', () => {
    // `workflow_run_logs`: "run" is the run of a workflow (the description's leading verb disagrees, so the name's verb counts
    // little, and "workflow" is no object of a run); "Export … to a ZIP file" with a file name writes that file, and can overwrite one
    const definition = tool('workflow_run_logs', 'Export the logs of a workflow run to a ZIP file.', { filename: text });
    expect(labels(collectSignals(definition, PLAIN).filter((s) => s.family === 'name'), { weight: true })).toEqual(['execute:verb:run:run:1', 'write:verb:log:logs:0.75']);
    expect(verdict(definition)).toBe('write item');
    expect(verdict(tool('workflow_run_logs', 'Get the logs of a workflow run.', { run_id: text }))).toBe('read none');
    // (a name whose verb the description agrees with keeps both: `workflow_run`, "Run a workflow")
    expect(verdict(tool('workflow_run', 'Run a workflow.', { workflow_id: text }))).toBe('execute none');
  });

  it('takes the title\'s leading verb as it takes the description\'s', () => {
    // a name with no verb of its own (`page_pdf`), a title that saves, a description that only says what the file is
    const definition: McpTool = { ...tool('page_pdf', 'A PDF of the current page.', { filename: text }), title: 'Save the page as PDF' };
    expect(verdict(definition)).toBe('write item');
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
    expect(verdict(definition)).toBe('read none');
  });
});
