// Tests written for the mutants StrykerJS left alive in classifier/lexicon.ts: a verb done again (`redeploy`, `repay`)
// is that verb, down to verbs of three letters, and the invariants the lexicon's cache relies on. The cache's size bound and
// the cache itself only save work and memory (docs/mutation.md). Each says what the rule is for, in words of its own.
import { describe, expect, it } from 'vitest';
import { classifyTool } from '../../classifier/classify.ts';
import { VERBS, verbOf } from '../../classifier/lexicon.ts';
import { PLAIN, tool } from './signal-helpers.ts';

describe('a verb done again (verbOf)', () => {
  it('is the verb itself, also when that verb has three letters', () => {
    expect(['redeploys', 'repay', 'rebuy', 'readd', 'retag'].map((word) => verbOf(word)?.lemma)).toEqual(['deploy', 'pay', 'buy', 'add', 'tag']);
  });

  it('but "re" before a two-letter verb is a word of its own (`rego`, a registration)', () => {
    expect(verbOf('rego')).toBeUndefined();
  });

  it('so repaying a loan moves money, as paying it does', () => {
    const repay = classifyTool({ tool: tool('repay_loan', 'Repay part of a loan from the linked account.', { loan_id: { type: 'string' }, amount: { type: 'number' } }), fingerprint: 'sha256:test', traits: PLAIN });
    expect([repay.category, repay.risk, repay.financial]).toEqual(['write', 'critical', true]);
  });

  it('relies on every verb of the lexicon having an effect (a verb with none would be cached as no verb)', () => {
    expect(Object.keys(VERBS).length).toBeGreaterThan(100);
    expect(Object.entries(VERBS).filter(([, effects]) => effects.length === 0)).toEqual([]);
  });
});
