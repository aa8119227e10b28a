// `toolrisk classify FILE --json` gives each tool's signals, each with the exact text of the
// definition it came from, so a reader sees what a verdict rests on.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir, toolrisk, writeFileIn } from '../helpers.ts';

let dir: { path: string; remove(): Promise<void> };
beforeAll(async () => {
  dir = await tempDir('toolrisk-classify-signals-');
});
afterAll(() => dir.remove());

describe('classify --json', () => {
  it("lists each tool's signals with the text they quote", async () => {
    const file = await writeFileIn(join(dir.path, 'tools.json'), JSON.stringify({ tools: [{ name: 'delete_repository', description: 'Delete a repository permanently.', inputSchema: { type: 'object', properties: { repo: { type: 'string' } } } }] }));
    const result = await toolrisk('classify', file, '--json');
    expect(result.code, result.stderr).toBe(0);
    const [tool] = JSON.parse(result.stdout) as { name: string; signals: { label: string; effect: string; text: string; where: string }[] }[];
    expect(tool!.signals.length).toBeGreaterThan(0);
    expect(tool!.signals).toContainEqual(expect.objectContaining({ label: 'verb:delete', effect: 'destructive', where: 'name', text: 'delete' }));
    expect(tool!.signals).toContainEqual(expect.objectContaining({ label: 'phrase:irreversible', where: 'description', text: 'permanently' }));
  });
});
