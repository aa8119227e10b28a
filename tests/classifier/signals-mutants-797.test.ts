// Tests written for the mutants StrykerJS left alive in classifier/signals.ts lines 797-862 on rules-128 (sixteenth
// session): what "evaluate" does with what follows it (judgedEvaluation), in both its spellings.
import { describe, expect, it } from 'vitest';
import { collectSignals } from '../../classifier/classify.ts';
import { labels, PLAIN, tool } from './signal-helpers.ts';

const verbs = (name: string) => labels(collectSignals(tool(name), PLAIN)).filter((label) => label.includes(':verb:'));

describe('evaluating', () => {
  it('computes a math expression, whether the name says "evaluate" or "eval"', () => {
    expect(verbs('evaluate_math_expression')).toEqual(['read:verb:calculate:evaluate']);
    expect(verbs('eval_math_expression')).toEqual(['read:verb:calculate:eval']);
  });

  it('runs code, and judges anything else', () => {
    expect(verbs('evaluate_javascript')).toEqual(['execute:verb:evaluate:evaluate']);
    expect(verbs('evaluate_answer')).toEqual(['read:verb:review:evaluate']);
  });
});
