// Two labellings of the same tools: how far they agree, and which tools both give the same category.
import { describe, expect, it } from 'vitest';
import { agreement, loadLabels, loadSecondLabels } from '../../classifier/eval-labels.ts';
import type { Label } from '../../classifier/evaluate.ts';

const label = (tool: string, category: Label['category'], destructive: boolean, risk: Label['risk']): Label => ({ server: 'io.example/s', tool, category, destructive, risk });

describe('agreement between two labellers', () => {
  it('counts each field on its own and keeps the tools whose category agrees', () => {
    const first = [label('a', 'read', false, 'low'), label('b', 'write', true, 'high'), label('c', 'execute', true, 'critical'), label('d', 'write', false, 'medium')];
    const second = [label('d', 'write', true, 'medium'), label('c', 'write', true, 'high'), label('b', 'write', true, 'high'), label('a', 'read', false, 'medium')];
    const result = agreement(first, second);
    expect(result.total).toBe(4);
    expect(result.category).toBe(0.75);
    expect(result.destructive).toBe(0.75);
    expect(result.risk).toBe(0.5);
    expect(result.agreed.map((l) => l.tool)).toEqual(['a', 'b', 'd']);
  });

  it('names a tool the second labelling lacks', () => {
    expect(() => agreement([label('a', 'read', false, 'low')], [label('b', 'read', false, 'low')])).toThrow('io.example/s / a');
  });

  it('the committed second labels cover every tool of their never-tuned set, in the same order', () => {
    for (const set of ['holdout', 'npm', 'fresh'] as const) {
      const second = loadSecondLabels(set);
      expect(second, set).toBeDefined();
      expect(second!.map((l) => `${l.server}/${l.tool}`)).toEqual(loadLabels(set).map((l) => `${l.server}/${l.tool}`));
    }
  });
});
