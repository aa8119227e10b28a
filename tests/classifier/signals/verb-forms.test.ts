// The forms of a verb the rules read: the "-s" form, a verb done again ("redeploy", "repay"), "set up", and which verbs
// of a name are its primary ones (and the memo that keeps that answer per list of words).
import { describe, expect, it } from 'vitest';
import { classifyTool, collectSignals } from '../../../classifier/classify.ts';
import { verbOf, VERBS } from '../../../classifier/lexicon.ts';
import { inSForm, nameSignals, primaryVerbIndexes } from '../../../classifier/signals.ts';
import { splitIdentifier } from '../../../classifier/words.ts';
import { labels, PLAIN, tool } from '../signal-helpers.ts';

// effect, label, quoted text and weight of each signal, in order
const name = (tool: string) => labels(nameSignals(tool, PLAIN), { weight: true });
const named = (name: string) => labels(collectSignals(tool(name), PLAIN));

describe('verbs in a name in their "-s" form (inSForm, nounWordsOfName)', () => {
  it('tells a verb in its "-s" form from its base form and from words that are no verb at all', () => {
    expect(inSForm('tests')).toBe(true);
    expect(inSForm('replies')).toBe(true);
    expect(inSForm('test')).toBe(false);
    expect(inSForm('contacts')).toBe(false);
    expect(inSForm('xyzzy')).toBe(false);
  });

  it('takes a plural of a verb done again before the action (`redeploys_list`) without failing: the action is the list', () => {
    const signals = collectSignals(tool('redeploys_list'), PLAIN);
    expect(signals.find((signal) => signal.label === 'verb:list')?.weight).toBe(3);
  });

  it('reads the "-s" form of a verb done again ("redeploys", "reapplies") as a plural noun, as it reads "deploys"', () => {
    expect(inSForm('redeploys')).toBe(true);
    expect(inSForm('reapplies')).toBe(true);
    expect(inSForm('redeploy')).toBe(false);
    // listing redeploys deploys nothing: the name's only action is the list, as for `deploys_list`
    const verbs = (name: string) => collectSignals(tool(name, 'Lists them.'), PLAIN).filter((signal) => signal.where === 'name' && signal.label.startsWith('verb:')).map((signal) => signal.label);
    expect(verbs('deploys_list')).not.toContain('verb:deploy');
    expect(verbs('redeploys_list')).not.toContain('verb:deploy');
    expect(verbs('redeploys_list')).toContain('verb:list');
  });
});

describe('the "-s" form of a verb', () => {
  it('is the lemma with -s, -es or -ies, done again too ("refetches", "recopies")', () => {
    expect(['deletes', 'pushes', 'copies', 'refetches', 'recopies'].filter(inSForm)).toEqual(['deletes', 'pushes', 'copies', 'refetches', 'recopies']);
  });

  it('is no other form: past, participle, "-ing", nor the lemma itself', () => {
    expect(['deleted', 'deleting', 'pushed', 'copied', 'delete', 'push'].filter(inSForm)).toEqual([]);
  });
});

describe('the primary verbs of a name', () => {
  it('keeps a first verb that only ends in "s" (`dismiss`) as the action, beside a verb after "and"', () => {
    // "dismiss" is a verb in its base form, not a plural resource such as `tags` in `tags_create`
    expect(name('dismiss_alert_and_close')).toEqual(['write:verb:dismiss:dismiss:3', 'write:verb:close:close:3']);
  });

  it('counts a first word in the "-s" form as an action when "or" coordinates it with the verb after', () => {
    expect(name('enables_or_disable')).toEqual(['write:verb:enable:enables:3', 'write:verb:disable:disable:3']);
  });
});

describe('the memo of a name\'s primary verbs (primaryVerbIndexes)', () => {
  // the answer is kept per first token object and reused only for the very same list of tokens
  it('does not hand a shorter list\'s answer to a longer one that starts with the same token', () => {
    const tokens = splitIdentifier('get_or_create_page');
    expect([...primaryVerbIndexes(tokens.slice(0, 1))]).toEqual([0]);
    expect([...primaryVerbIndexes(tokens)].sort()).toEqual([0, 2]);
  });

  it('does not hand an answer to a list of the same length that differs after the first token', () => {
    const created = splitIdentifier('page_create_now');
    const named = splitIdentifier('page_title_text');
    expect([...primaryVerbIndexes(created)]).toEqual([1]);
    // the same first token object, other words after it
    expect([...primaryVerbIndexes([created[0]!, ...named.slice(1)])]).toEqual([]);
    // and the first answer is still the first list's
    expect([...primaryVerbIndexes(created)]).toEqual([1]);
  });
});

describe('"up" after a verb', () => {
  it('makes only "set" a setup: cleaning up files still deletes them', () => {
    expect(named('clean_up_files')).toContain('destructive:verb:clean:clean');
  });
});

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
