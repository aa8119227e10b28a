// The confidence of a verdict nothing weighs for: lowest when the definition says nothing, a little higher when it says
// something (a title counts) but nothing about reading or changing.
import { describe, expect, it } from 'vitest';
import { classifyTool } from '../../../classifier/classify.ts';
import type { Classification, McpTool } from '../../../data/schema.ts';
import { PLAIN, tool } from '../signal-helpers.ts';

const classified = (definition: McpTool): Classification => classifyTool({ tool: definition, fingerprint: 'sha256:test', traits: PLAIN });

describe('the confidence of a verdict nothing weighs for (confidenceOf)', () => {
  it('counts a title as part of the definition: a definition that says something, but nothing about reading or changing, is 0.4', () => {
    // ("Password vault" makes the tool sensitive, and says nothing it does)
    const titled = classified({ ...tool('xyzzy'), title: 'Password vault' });
    expect(titled.signals.every((s) => s.family === 'title')).toBe(true);
    expect([titled.category, titled.risk, titled.confidence]).toEqual(['read', 'medium', 0.4]);
    // (an annotation's title is the server's words about the tool too)
    expect(classified({ ...tool('xyzzy'), annotations: { title: 'Password vault' } }).confidence).toBe(0.4);
  });

  it('is lowest, 0.25, when the definition says nothing at all', () => {
    const bare = classified(tool('xyzzy'));
    expect(bare.signals).toEqual([]);
    expect([bare.category, bare.risk, bare.confidence]).toEqual(['read', 'low', 0.25]);
  });
});
