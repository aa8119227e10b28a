// The accuracy figures that npm run eval prints and /methodology/ shows (classifier/evaluate.ts), worked out by hand on
// a few labelled tools: every ratio, the risk gaps, the confusion matrix, the misses and the printed table.
import { describe, expect, it } from 'vitest';
import { evaluate, formatEval, type Label } from '../../classifier/evaluate.ts';
import type { Category, Classification, Risk } from '../../data/schema.ts';

const label = (tool: string, category: Category, destructive: boolean, risk: Risk): Label => ({ server: 'io.example/s', tool, category, destructive, risk });
/** Only the fields evaluate reads; the rest of a classification plays no part. */
const predicted = (category: Category, destructive: boolean, risk: Risk) => ({ category, destructive, risk }) as Classification;

// four tools: one right in every way, one read as a write (a false destructive, one level too high), one destructive
// write missed as a read (two levels too low: a critical tool let through), one execute under-rated by one level
const PAIRS = [
  { label: label('a', 'read', false, 'low'), classification: predicted('read', false, 'low') },
  { label: label('b', 'read', false, 'low'), classification: predicted('write', true, 'medium') },
  { label: label('c', 'write', true, 'critical'), classification: predicted('read', false, 'medium') },
  { label: label('d', 'execute', true, 'high'), classification: predicted('execute', true, 'medium') },
];

describe('evaluate', () => {
  const result = evaluate(PAIRS);

  it('counts the tools and the share whose category is right', () => {
    expect(result.total).toBe(4);
    expect(result.categoryAccuracy).toBe(2 / 4);
  });

  it('measures destructive precision and recall over the tools it calls and the labels call destructive', () => {
    // called destructive: b (wrong), d (right); labelled destructive: c (missed), d (found)
    expect(result.destructivePrecision).toBe(1 / 2);
    expect(result.destructiveRecall).toBe(1 / 2);
  });

  it('measures risk exactly, within one level, and counts high or critical tools rated lower', () => {
    // exact: a; within one: a, b (+1), d (-1); c is two below; under: c (critical), d (high)
    expect(result.riskAccuracy).toBe(1 / 4);
    expect(result.riskWithinOne).toBe(3 / 4);
    // (c, the one tool labelled critical, is rated lower: recall 0; nothing is rated critical, so no false critical)
    expect(result.criticalLabelled).toBe(1);
    expect(result.criticalRecall).toBe(0);
    expect(result.criticalPrecision).toBe(1);
    expect(result.riskUnder).toBe(2);
  });

  it('does not count a low or medium tool rated lower, nor a high or critical one rated as high or higher, as a dangerous miss', () => {
    expect(evaluate([{ label: label('m', 'write', false, 'medium'), classification: predicted('write', false, 'low') }]).riskUnder).toBe(0);
    expect(evaluate([
      { label: label('h', 'write', true, 'critical'), classification: predicted('write', true, 'critical') },
      { label: label('i', 'execute', false, 'high'), classification: predicted('execute', false, 'critical') },
    ]).riskUnder).toBe(0);
  });

  it('fills the confusion matrix by label (rows) and prediction (columns)', () => {
    expect(result.confusion).toEqual({
      read: { read: 1, write: 1, execute: 0 },
      write: { read: 1, write: 0, execute: 0 },
      execute: { read: 0, write: 0, execute: 1 },
    });
  });

  it('lists every tool wrong in category, destructive or risk, as label and prediction', () => {
    expect(result.misses).toEqual([
      { server: 'io.example/s', tool: 'b', labelled: 'read low', predicted: 'write+destructive medium' },
      { server: 'io.example/s', tool: 'c', labelled: 'write+destructive critical', predicted: 'read medium' },
      { server: 'io.example/s', tool: 'd', labelled: 'execute+destructive high', predicted: 'execute+destructive medium' },
    ]);
    // (wrong in destructive alone, or in category alone, is a miss too)
    expect(evaluate([{ label: label('e', 'write', false, 'medium'), classification: predicted('write', true, 'medium') }]).misses.map((miss) => miss.tool)).toEqual(['e']);
    expect(evaluate([{ label: label('f', 'execute', false, 'high'), classification: predicted('write', false, 'high') }]).misses.map((miss) => miss.tool)).toEqual(['f']);
  });

  it('gives 1 for a ratio with nothing to count, not NaN', () => {
    const empty = evaluate([]);
    expect([empty.total, empty.categoryAccuracy, empty.destructivePrecision, empty.destructiveRecall, empty.riskAccuracy, empty.riskWithinOne, empty.riskUnder]).toEqual([0, 1, 1, 1, 1, 1, 0]);
    // nothing called or labelled destructive
    const calm = evaluate([PAIRS[0]!]);
    expect([calm.destructivePrecision, calm.destructiveRecall]).toEqual([1, 1]);
  });
});

describe('formatEval', () => {
  it('prints the figures as percentages with one decimal, and the matrix in aligned columns', () => {
    expect(formatEval('Held-out set', evaluate(PAIRS)).split('\n')).toEqual([
      'Held-out set: 4 tools',
      '  category accuracy      50.0%',
      '  destructive precision  50.0%',
      '  destructive recall     50.0%',
      '  risk exact             25.0% (within one level 75.0%; 2 high or critical tools rated lower)',
      '  critical recall        0.00 at precision 1.00 (1 labelled critical)',
      '  confusion (rows: labelled, columns: predicted)',
      '                read    write  execute',
      '  read             1        1        0',
      '  write            1        0        0',
      '  execute          0        0        1',
    ]);
  });
});
