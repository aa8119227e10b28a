// The note on a definition the crawler had to repair or cut: a cut is only "too large" and leaves the verdict as it is,
// any other problem makes the definition invalid, and the note stays short.
import { describe, expect, it } from 'vitest';
import { classifyTool } from '../../../classifier/classify.ts';
import type { McpTool } from '../../../data/schema.ts';
import { tool, verdict } from '../class-helpers.ts';

const SERVER = { name: 'io.example/notes', description: 'A notes server' };
const withProblems = (definition: McpTool, problems: string[]) => classifyTool({ tool: definition, fingerprint: 'sha256:test', server: SERVER, problems });

describe('the note on a definition the crawler repaired or cut', () => {
  const notes = tool('list_notes', 'Lists the notes of a notebook.', { notebook: { type: 'string' } });
  const deep = 'inputSchema: nested deeper than 64 levels; read to that depth';
  const huge = 'inputSchema: more than 100,000 values; read up to that many';

  it('says a definition cut to the bounds is only too large, and leaves the verdict as it is', () => {
    const c = withProblems(notes, [deep, huge]);
    expect(c.warnings).toEqual([
      {
        kind: 'invalid-definition',
        rule: 'invalid-definition',
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
