import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cutPoints, ranges } from './mutation-ranges.ts';
import { ROOT } from './helpers.ts';

describe('mutation ranges (npm run mutate:chunks)', () => {
  const source = readFileSync(join(ROOT, 'classifier', 'signals.ts'), 'utf8');
  const total = source.split('\n').length;

  it('cover the whole file, in order, without gaps or overlaps', () => {
    const cut = ranges(source, 250);
    expect(cut.length).toBeGreaterThan(3);
    expect(cut[0]![0]).toBe(1);
    expect(cut.at(-1)![1]).toBe(total);
    for (let i = 1; i < cut.length; i++) expect(cut[i]![0]).toBe(cut[i - 1]![1] + 1);
  });

  it('start only where a top-level declaration (or its leading comment) starts, never inside a function', () => {
    const points = new Set(cutPoints(source));
    const lines = source.split('\n');
    for (const [start] of ranges(source, 250).slice(1)) {
      expect(points.has(start), `range starts at line ${start}: ${lines[start - 1]}`).toBe(true);
      expect(lines[start - 1]).toMatch(/^(\/\/|\/\*|\*|export |function |const |let |class |type |interface |enum |for |if )/);
    }
  });

  it('are at least the size asked, a short tail joining the range before it', () => {
    const cut = ranges(source, 250);
    for (const [start, end] of cut.slice(0, -1)) expect(end - start + 1).toBeGreaterThanOrEqual(250);
    expect(cut.at(-1)![1] - cut.at(-1)![0] + 1).toBeGreaterThanOrEqual(125);
  });

  it('keep a declaration with the comment lines above it', () => {
    const text = ['const a = 1;', '', '// says what b is', '// on two lines', 'function b() {', '  return 2;', '}', 'const c = 3;'].join('\n');
    expect(cutPoints(text)).toEqual([1, 3, 8]);
    expect(ranges(text, 2)).toEqual([[1, 2], [3, 7], [8, 8]]);
    expect(ranges(text, 4)).toEqual([[1, 8]]);
  });
});
