// The measure of how often a tool's "why" is its own (classifier/eval-rationale.ts): quotes, names and digits do not
// make two rationales different; six tools with one reduced rationale are shared, five are not.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { rationaleSharing, reducedRationale } from '../../classifier/eval-rationale.ts';

const dir = mkdtempSync(join(tmpdir(), 'toolrisk-sharing-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('rationale sharing', () => {
  it('takes quotes, the names and digits out before comparing', () => {
    expect(reducedRationale(['What it does: “Gets 3 issues” (tool description).', 'Risk low: get_issue only reads.'], ['get_issue'])).toBe('what it does: (tool description). risk low: only reads.');
  });

  it('counts the tools whose reduced rationale six or more tools have', () => {
    const tool = (name: string, why: string) => ({ tool: name, rationale: [`What it does: “${name} does it”.`, `Risk low: ${why}.`] });
    writeFileSync(join(dir, 'a.json'), JSON.stringify({ name: 'io.example/alpha', tools: [1, 2, 3].map((n) => tool(`t${n}`, 'it only reads')) }));
    writeFileSync(join(dir, 'b.json'), JSON.stringify({ name: 'io.example/beta', tools: [...[4, 5, 6].map((n) => tool(`u${n}`, 'it only reads')), ...[1, 2, 3, 4, 5].map((n) => tool(`v${n}`, 'to list pages, it only reads'))] }));
    const sharing = rationaleSharing(dir);
    expect(sharing.total).toBe(11);
    expect(sharing.shared).toBe(6);
    expect(sharing.top[0]).toEqual({ rationale: 'what it does: . risk low: it only reads.', tools: 6 });
  });
});
