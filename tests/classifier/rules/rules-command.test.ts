// `toolrisk rules`: every rule with what it concludes, why, its examples and its hits over a data
// folder's classified catalog; a broken classified file is named and left out of the counts.
import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { ruleSet } from '../../../classifier/engine/registry.ts';
import { ruleHits } from '../../../classifier/engine/report.ts';
import type { Classification } from '../../../data/schema.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const scratch = mkdtempSync(join(tmpdir(), 'toolrisk-rules-command-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const run = (args: string[]) => promisify(execFile)(process.execPath, [join(ROOT, 'bin', 'toolrisk.js'), 'rules', ...args], { maxBuffer: 64 * 1024 * 1024 });

describe('toolrisk rules', () => {
  // three classified files of the catalog, and one broken one
  const data = join(scratch, 'data');
  mkdirSync(join(data, 'classified'), { recursive: true });
  const chosen = ['io.github.softeria__ms-365-mcp-server.json', 'io.github.jgraph__drawio-mcp.json', 'npm__bnb-chain-mcp.json'];
  for (const file of chosen) copyFileSync(join(ROOT, 'data', 'classified', file), join(data, 'classified', file));
  writeFileSync(join(data, 'classified', 'broken.json'), '{"slug": ');
  const tools = chosen.flatMap((file) => (JSON.parse(readFileSync(join(data, 'classified', file), 'utf8')) as { tools: Classification[] }).tools);

  it('--json gives every rule with its conclusion, why, references, examples and its hits over the catalog it read', async () => {
    const { stdout, stderr } = await run(['--json', '--data', data]);
    const reports = JSON.parse(stdout) as { id: string; family: string; concludes: unknown; why: string; references: string[]; examples: { match: unknown[]; noMatch: unknown[] }; hits: number }[];
    expect(reports.map((r) => r.id)).toEqual(ruleSet().rules.map((rule) => rule.id));
    const expected = ruleHits(tools);
    for (const report of reports) {
      expect(report.hits, report.id).toBe(expected.get(report.id) ?? 0);
      expect(report.why.length).toBeGreaterThan(10);
      expect(report.examples.match.length).toBeGreaterThan(0);
      expect(report.examples.noMatch.length).toBeGreaterThan(0);
    }
    // how each matches: a data rule its pattern, a phrases rule its phrases, a code rule its file
    const byId = new Map(reports.map((r) => [r.id, r as unknown as { matches: Record<string, unknown> }]));
    expect(byId.get('shouting')!.matches.pattern).toEqual(ruleSet().byId.get('shouting')!.pattern);
    expect(byId.get('irreversible-phrase')!.matches.phrases).toEqual(ruleSet().byId.get('irreversible-phrase')!.phrases);
    expect(byId.get('action-verbs')!.matches).toEqual({ code: 'classifier/signals.ts' });
    expect(reports.find((r) => r.id === 'shouting')!.concludes).toEqual({ warning: expect.objectContaining({ kind: 'shouting', severity: 'note' }) });
    expect(reports.find((r) => r.id === 'extreme-length')!.hits).toBeGreaterThan(0);
    expect(stderr).toContain(`${join(data, 'classified', 'broken.json')} was skipped in the counts`);
  });

  it('prints each rule by family with its conclusion, why and first example, and the total', async () => {
    const { stdout } = await run(['--data', data]);
    expect(stdout).toMatch(/^notes$/m);
    expect(stdout).toMatch(/^ {2}shouting: note: shouting — fires on \d+ catalog tools?$/m);
    expect(stdout).toContain('      e.g. You MUST pass the project id.');
    expect(stdout).toContain(`${ruleSet().rules.length} rules in 6 families`);
  });

  it('without a catalog prints the rules without counts', async () => {
    const { stdout } = await run(['--json', '--data', join(scratch, 'nothing-here')]);
    expect(new Set((JSON.parse(stdout) as { hits: unknown }[]).map((r) => r.hits))).toEqual(new Set([null]));
    expect(readdirSync(scratch)).not.toContain('nothing-here');
  });
});
