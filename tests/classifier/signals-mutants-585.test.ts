// Tests written for the mutants StrykerJS left alive in classifier/signals.ts lines 585-660 on rules-128 (sixteenth
// session): which forms of a verb are its "-s" form (inSForm), the plural of a noun as often as a verb.
import { describe, expect, it } from 'vitest';
import { inSForm } from '../../classifier/signals.ts';

describe('the "-s" form of a verb', () => {
  it('is the lemma with -s, -es or -ies, done again too ("refetches", "recopies")', () => {
    expect(['deletes', 'pushes', 'copies', 'refetches', 'recopies'].filter(inSForm)).toEqual(['deletes', 'pushes', 'copies', 'refetches', 'recopies']);
  });

  it('is no other form: past, participle, "-ing", nor the lemma itself', () => {
    expect(['deleted', 'deleting', 'pushed', 'copied', 'delete', 'push'].filter(inSForm)).toEqual([]);
  });
});
