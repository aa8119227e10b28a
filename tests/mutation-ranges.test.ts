import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bodyCutPoints, chunkName, cutPoints, rangeUnchanged, ranges, reportRange, withoutCovered } from './mutation-ranges.ts';
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

  it('cut a function longer than twice the size between the statements of its body, each statement whole', () => {
    const text = [
      'const a = 1;', // 1
      'function long(x: number) {', // 2
      '  const y = x + 1;', // 3
      '  // why z', // 4
      '  const z = [', // 5
      '    y,', // 6
      '  ];', // 7
      '  if (y > 2) {', // 8
      '    return 1;', // 9
      '  } else if (y > 1) {', // 10
      '    return 2;', // 11
      '  }', // 12
      '  else return z.length', // 13
      '    + 1;', // 14
      '  return 0;', // 15
      '}', // 16
      'const b = 2;', // 17
    ].join('\n');
    // (3 is the body's first line, which starts with the function; 13 is an `else`; 14 goes on from 13)
    expect(bodyCutPoints(text, 10)).toEqual([4, 8, 15]);
    // a function no longer than the limit is not cut
    expect(bodyCutPoints(text, 15)).toEqual([]);
    expect(ranges(text, 2)).toEqual([[1, 3], [4, 7], [8, 14], [15, 16], [17, 17]]);
    expect(ranges(text, 10)).toEqual([[1, 17]]);
  });

  it('leave out the lines measured already, whatever ranges they were measured in', () => {
    expect(withoutCovered([1, 100], [])).toEqual([[1, 100]]);
    expect(withoutCovered([1, 100], [[1, 100]])).toEqual([]);
    expect(withoutCovered([1, 100], [[1, 343]])).toEqual([]);
    // (covered ranges in any order, some outside, one overlapping each end)
    expect(withoutCovered([50, 200], [[150, 180], [1, 60], [300, 400], [90, 99]])).toEqual([[61, 89], [100, 149], [181, 200]]);
    expect(withoutCovered([50, 200], [[190, 250]])).toEqual([[50, 189]]);
    expect(withoutCovered([50, 200], [[201, 250], [1, 49]])).toEqual([[50, 200]]);
  });

  it('name a chunk\'s report after its file and lines, and read the lines back from the name', () => {
    expect(chunkName('classifier/signals.ts', [767, 1017])).toBe('classifier_signals@767-1017');
    expect(reportRange('classifier_signals@767-1017.json', 'classifier/signals.ts', [800, 900])).toEqual([767, 1017]);
    // a name for another file, or small files sharing a run: the lines the file's mutants span
    expect(reportRange('classifier_signals@767-1017.json', 'classifier/words.ts', [12, 40, 7])).toEqual([7, 40]);
    expect(reportRange('classifier_words@1-53+2.json', 'classifier/words.ts', [3, 50])).toEqual([3, 50]);
    expect(reportRange('mutation.json', 'data/slug.ts', [])).toEqual([1, 0]);
  });

  it('keep a report while the lines it speaks for are unchanged, wherever else the file changed', () => {
    const then = ['a', 'b', 'c', 'd', 'e'].join('\n');
    const edited = ['a', 'B', 'c', 'd', 'e'].join('\n');
    expect(rangeUnchanged(then, then, [1, 5])).toBe(true);
    expect(rangeUnchanged(then, edited, [3, 5])).toBe(true);
    expect(rangeUnchanged(then, edited, [1, 2])).toBe(false);
    expect(rangeUnchanged(then, edited, [2, 2])).toBe(false);
    // a line added above moves the range: its lines are not at the same place any more
    expect(rangeUnchanged(then, `x\n${then}`, [3, 5])).toBe(false);
    // a file that is gone, or too short for the range
    expect(rangeUnchanged(then, undefined, [1, 1])).toBe(false);
    expect(rangeUnchanged(then, 'a\nb', [1, 3])).toBe(false);
  });
});
