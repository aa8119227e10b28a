// More of the sentences and quotes a tool page shows (classifier/rationale.ts), beyond
// rationale-mutants.test.ts: how quotes are told apart (quoteList, line 55), which signals
// decisiveSignals cites (lines 81-99), which words count in a lead sentence and how the fallback is
// tidied (lines 123, 144), and the risk reasons of uncommon verdicts (lines 189-190).
// Verdicts and signals are built by hand, so each case says exactly which words and flags it holds.
import { describe, expect, it } from 'vitest';
import type { Verdict } from '../../classifier/classify.ts';
import { decisiveSignals, evidenceFor, rationaleFor, whatItDoes } from '../../classifier/rationale.ts';
import type { Signal, ToolPolicy } from '../../data/schema.ts';
import { labels, noAnnotations, signal, tool, verdictOf } from './signal-helpers.ts';

const policy = (choice: ToolPolicy['choice']): ToolPolicy => ({ tool: 't', choice, rules: [], limits: [], placeholders: [] });
const at = (s: Signal, where: string): Signal => ({ ...s, where });

describe('quoteList (through rationaleFor): one quote per word and place', () => {
  it('two different words that only share their capitals ("Maße", measurements, and "Masse", mass) are both quoted', () => {
    // a German description: "Löscht die Maße und die Masse des Modells"
    const verdict = verdictOf({ category: 'write', destructive: true, destructiveScope: 'item' });
    const signals = [signal('description', 'destructive', 'verb:delete', 2, 'Maße'), signal('description', 'destructive', 'verb:delete', 2, 'Masse')];
    const sentences = rationaleFor(tool('loesche_masse', 'Löscht die Maße und die Masse des Modells.'), 'high', verdict, signals, [], noAnnotations, [], policy('deny'), 0.9);
    expect(sentences).toContain('Destructive (item): it deletes or overwrites the whole of an item (“Maße” in the tool description, “Masse” in the tool description).');
  });
});

describe('decisiveSignals: whose words are cited', () => {
  it("the server's description is not cited for a tool's category: only the tool's own words are", () => {
    // "Creates a calendar event" on a server whose description says it writes to calendars
    const verdict = verdictOf({ category: 'write' });
    const own = signal('description', 'write', 'verb:create', 2, 'Creates');
    const server = at(signal('server', 'write', 'verb:write', 2, 'writes'), 'server');
    expect(labels(decisiveSignals(verdict, [own, server]).category)).toEqual(['write:verb:create:Creates']);
  });

  it('words about running code are put first only for a tool that runs code, not for a write that uploads code', () => {
    // update_worker_script: "Updates the script of a deployed worker" writes platform code (hostCode) but is a write,
    // and the category sentence cites its writing verb
    const verdict = verdictOf({ category: 'write', destructive: true, destructiveScope: 'in-place', hostCode: true });
    const writes = signal('name', 'write', 'verb:update', 3, 'update');
    const code = signal('parameter', 'execute', 'param:script', 2, 'script');
    expect(labels(decisiveSignals(verdict, [writes, code]).category)).toEqual(['write:verb:update:update']);
  });

  it('a read that hands over a credential cites the credential it reveals as why it is privileged', () => {
    // get_api_key: "Returns the API key of a project"
    const verdict = verdictOf({ category: 'read', privileged: true });
    const reveals = signal('name', 'privileged', 'reveals:credential', 0, 'api_key');
    const admin = signal('name', 'privileged', 'object:key', 2, 'key');
    expect(labels(decisiveSignals(verdict, [signal('name', 'read', 'verb:get', 3, 'get'), reveals, admin]).privileged)).toEqual(['privileged:reveals:credential:api_key']);
  });

  it("a tool that administers permissions is privileged because of its name's privileged words, and those are highlighted", () => {
    // grant_role: "Grants a role to a user"
    const verdict = verdictOf({ category: 'write', privileged: true });
    const name = signal('name', 'privileged', 'object:role', 2, 'role');
    const param = signal('parameter', 'privileged', 'param:permission', 2, 'permission');
    const decisive = decisiveSignals(verdict, [signal('name', 'write', 'verb:grant', 3, 'grant'), name, param]);
    expect(labels(decisive.privileged)).toEqual(['privileged:object:role:role']);
    expect(evidenceFor(verdict, [], [], decisive)).toEqual([
      { where: 'name', text: 'grant' },
      { where: 'name', text: 'role' },
    ]);
  });
});

describe('whatItDoes: which words make a sentence', () => {
  it('a last word whose only letter is its last character counts ("Molecules in 3D."): the short sentence is quoted, not the next', () => {
    expect(whatItDoes(tool('view_molecule', 'Molecules in 3D. Renders a molecule from its SMILES string.'))).toBe('What it does: “Molecules in 3D” (tool description).');
  });

  it('a description with no real sentence is quoted as it is, without the spaces it ends with', () => {
    expect(whatItDoes(tool('preview_widget', 'Experimental preview   '))).toBe('What it does: “Experimental preview” (tool description).');
  });
});

describe('rationaleFor: the risk reason of a merged verdict', () => {
  const riskLine = (verdict: Verdict, risk: 'low' | 'medium' | 'high'): string | undefined =>
    rationaleFor(tool('t', 'A tool that does a thing.'), risk, verdict, [], [], noAnnotations, [], policy('allow'), 0.9).find((s) => s.startsWith('Risk'));

  it('a read handed a whole-item scope still says it only reads, never that what it deletes is gone', () => {
    // (classifyTool and applyAnswer never build this verdict today: a read's scope is always none; the sentence
    // must not claim a deletion the category sentence denies if a caller of rationaleFor ever does)
    expect(riskLine(verdictOf({ category: 'read', destructiveScope: 'item' }), 'low')).toBe('Risk low: it only reads; the policy allows it.');
  });

  it('a tool that runs things and is billed gives running as the reason; being billed is said only of writes', () => {
    // (starting a compute instance runs something that is billed; creating a volume writes something billed)
    expect(riskLine(verdictOf({ category: 'execute', bills: true }), 'high')).toBe('Risk high: running things has effects beyond the call; the policy allows it.');
    expect(riskLine(verdictOf({ category: 'write', bills: true }), 'medium')).toBe('Risk medium: it creates or resizes something that is billed while it exists; the policy allows it.');
  });
});
