// Tests written for the mutants StrykerJS left alive in classifier/signals.ts lines 200-271 that the catalog and
// signals-mutants suites did not hold: the object of a name that does two things. Each says what the rule is for, in
// words and tools of its own.
import { describe, expect, it } from 'vitest';
import { nameSignals } from '../../classifier/signals.ts';
import { labels, PLAIN } from './signal-helpers.ts';

describe('the object of a name that does two things (nameObject)', () => {
  it('ends the first verb\'s object at the preposition after it, not after the second verb', () => {
    // `create_key_for_user_and_send_email` creates a key (then mails it): the key is a credential it administers
    expect(labels(nameSignals('create_key_for_user_and_send_email', PLAIN))).toContain('privileged:noun:key:key');
    // one verb: the same key, the same signal
    expect(labels(nameSignals('create_key_for_user', PLAIN))).toContain('privileged:noun:key:key');
  });
});
