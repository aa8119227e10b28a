// Tests written for the mutants StrykerJS left alive in classifier/classify.ts lines 753-774: the note classifyTool adds
// for a definition the crawler had to repair or cut, and how a tool fronting many operations is judged (which operation
// decides, which others count with it, and when the tool's own words already say as much).
// Each says what the rule is for, in tools of its own.
import { describe, expect, it } from 'vitest';
import { classifyTool } from '../../classifier/classify.ts';
import type { Classification, McpTool } from '../../data/schema.ts';
import { choice, classify, tool, verdict } from './class-helpers.ts';

const SERVER = { name: 'io.example/notes', description: 'A notes server' };
const withProblems = (definition: McpTool, problems: string[]) => classifyTool({ tool: definition, fingerprint: 'sha256:test', server: SERVER, problems });
/** The operations as `name:category/scope/risk`, the one that decides marked with `*`. */
const operationsOf = (c: Classification) => c.operations.map((o) => `${o.name}:${o.category}/${o.destructiveScope}/${o.risk}${o.decisive ? '*' : ''}`);

describe('the note on a definition the crawler repaired or cut', () => {
  const notes = tool('list_notes', 'Lists the notes of a notebook.', { notebook: { type: 'string' } });
  const deep = 'inputSchema: nested deeper than 64 levels; read to that depth';
  const huge = 'inputSchema: more than 100,000 values; read up to that many';

  it('says a definition cut to the bounds is only too large, and leaves the verdict as it is', () => {
    const c = withProblems(notes, [deep, huge]);
    expect(c.warnings).toEqual([
      {
        kind: 'invalid-definition',
        severity: 'note',
        message: `the server's definition is larger than a definition may be (${deep}; ${huge}); it was classified from what was read`,
        evidence: { where: 'name', text: 'list_notes' },
      },
    ]);
    // a note, not a finding: the risk, score and policy are those of the same tool without it
    const plain = withProblems(notes, []);
    expect(plain.warnings).toEqual([]);
    expect([verdict(c), c.score, c.policy]).toEqual([verdict(plain), plain.score, plain.policy]);
    expect(verdict(c)).toBe('read low');
  });

  it('calls the definition invalid as soon as one problem is not a cut', () => {
    const c = withProblems(notes, [deep, 'inputSchema.type: expected "object"']);
    expect(c.warnings.map((w) => w.message)).toEqual([
      `the server's definition is not a valid MCP tool (${deep}; inputSchema.type: expected "object"); it was classified from what it has`,
    ]);
  });

  it('names the first three problems only, in at most 300 characters', () => {
    const few = withProblems(notes, ['name: too long', 'description: not a string', 'inputSchema.type: missing', 'title: not a string']);
    expect(few.warnings.map((w) => w.message)).toEqual([
      `the server's definition is not a valid MCP tool (name: too long; description: not a string; inputSchema.type: missing); it was classified from what it has`,
    ]);
    // (three long problems are cut, so a hostile definition cannot fill the note)
    const long = ['a', 'b', 'c'].map((letter) => `${letter}: ${'x'.repeat(200)}`);
    const [warning] = withProblems(notes, long).warnings;
    expect(warning!.message).toBe(`the server's definition is not a valid MCP tool (${long.join('; ').slice(0, 300)}); it was classified from what it has`);
  });
});

describe('an action enum that names fewer than two operations', () => {
  it('keeps the verb of its one known value in the tool’s own verdict', () => {
    // "frobnicate" is no operation the rules know, so there is no set of operations; "delete" still says the tool deletes
    const c = classify(tool('notes', 'Notes of a notebook.', { action: choice('delete', 'frobnicate') }));
    expect([verdict(c), c.destructiveScope, c.operations]).toEqual(['write+destructive high', 'item', []]);
  });
});

describe('which operation decides', () => {
  it('the riskiest, whatever the category of a less risky one', () => {
    // deleting every script is critical; running one is high: the tool is critical, and deleting them all is what decides
    const c = classify(tool('scripts', 'Scripts of a project.', { action: choice('run', 'delete_all') }));
    expect(operationsOf(c)).toEqual(['run:execute/none/high', 'delete_all:write/broad/critical*']);
    expect([c.risk, c.destructive, c.destructiveScope]).toEqual(['critical', true, 'broad']);
  });

  it('among operations of equal risk, the one that runs things over the one that writes', () => {
    const c = classify(tool('scripts', 'Scripts of a project.', { action: choice('purge', 'run') }));
    expect(operationsOf(c)).toEqual(['purge:write/item/high', 'run:execute/none/high*']);
    // (what the other operation of that risk does counts too: the tool runs and deletes)
    expect([verdict(c), c.destructiveScope]).toEqual(['execute+destructive high', 'item']);
  });

  it('among operations of equal risk and category, the one with the wider change', () => {
    // stopping a job ends it in place; starting one changes nothing that exists
    const c = classify(tool('jobs', 'Jobs of a queue.', { action: choice('start', 'stop') }));
    expect(operationsOf(c)).toEqual(['start:execute/none/high', 'stop:execute/in-place/high*']);
  });

  it('among operations that weigh the same, the first listed', () => {
    expect(operationsOf(classify(tool('notes', 'Notes of a notebook.', { action: choice('create', 'add') })))).toEqual(['create:write/none/medium*', 'add:write/none/medium']);
  });
});

describe('which other operations count with the one that decides', () => {
  it('only those of its risk: a bulk read does not make a single update a bulk one', () => {
    // reading many notes at once is low; updating one in place is medium, not the high of an update that sweeps a filter
    const c = classify(tool('notes', 'Notes of a notebook.', { action: choice('bulk_get', 'update') }));
    expect(operationsOf(c)).toEqual(['bulk_get:read/none/low', 'update:write/in-place/medium*']);
    expect([verdict(c), c.destructiveScope]).toEqual(['write+destructive medium', 'in-place']);
  });
});

describe('when the tool’s own words already say what its riskiest operation does', () => {
  it('no operation is said to decide when the operations add nothing riskier or of another category', () => {
    const updates = classify(tool('update_notes', 'Updates notes of a notebook.', { mode: choice('update', 'patch') }));
    expect(operationsOf(updates)).toEqual(['update:write/in-place/medium', 'patch:write/in-place/medium']);
    expect(verdict(updates)).toBe('write+destructive medium');
    const creates = classify(tool('notes', 'Creates notes in a notebook.', { action: choice('create', 'add') }));
    expect(operationsOf(creates)).toEqual(['create:write/none/medium', 'add:write/none/medium']);
    expect([verdict(creates), creates.destructiveScope]).toEqual(['write medium', 'none']);
  });

  it('an operation of the same risk but another category still decides: a tool that deletes and runs scripts runs things', () => {
    const c = classify(tool('scripts', 'Deletes scripts of a project.', { action: choice('run', 'execute') }));
    expect(operationsOf(c)).toEqual(['run:execute/none/high*', 'execute:execute/none/high']);
    expect([verdict(c), c.destructiveScope]).toEqual(['execute+destructive high', 'item']);
  });
});
