// Signal rules of phrases (`phrases` in classifier/rules/flags/*-phrase.yaml): a malformed phrase stops the classifier,
// naming the file, the rule and the field; a long alternation in `anyOf` parts finds what the one alternation would;
// and a phrase added in a rule file fires with no other edit.
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { classifyWithRulesOf } from './classify-with-rules.ts';
import { checkRules, firstMatch, phraseFinder, readRuleFiles, RuleFileError, rulesDir } from '../../../classifier/engine/registry.ts';
import { phraseTable, proseSignals } from '../../../classifier/signals.ts';
import { labels, PLAIN } from '../signal-helpers.ts';

const scratch = mkdtempSync(join(tmpdir(), 'toolrisk-phrase-rules-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const SHREDS = `id: shreds-phrase
family: flags
reads: [title, description]
phrases:
  - order: 15
    effect: destructive
    weight: 2
    words: [shred, shreds, shredding]
    flags: i
    regex: '\\bshred(s|ding)?\\b'
  - order: 1000
    effect: destructive
    weight: 1
    words: [wipe, wipes, burn, burns]
    anyOf:
      - '\\bwipes?\\s+(it|them)\\s+clean\\b'
      - '\\bburns?\\s+(it|them)\\b'
concludes:
  signal:
    labels: ['phrase:shreds']
    effects: [destructive]
why: The description says the tool shreds what it is given.
examples:
  match: [Shreds the document.]
  noMatch: [Reads the document.]
`;

/** A rules folder holding these files (family/name → text), beside copies of the real rule files when asked. */
function rulesWith(files: Record<string, string>, { real = false } = {}): string {
  const rules = join(mkdtempSync(join(scratch, 'set-')), 'classifier', 'rules');
  if (real) cpSync(rulesDir(), rules, { recursive: true });
  for (const [file, body] of Object.entries(files)) {
    mkdirSync(dirname(join(rules, file)), { recursive: true });
    writeFileSync(join(rules, file), body);
  }
  return rules;
}

/** The first problem checkRules finds in a rule file of phrases. */
function problemOf(text: string, extra: Record<string, string> = {}): RuleFileError {
  try {
    checkRules(readRuleFiles(rulesWith({ 'flags/shreds-phrase.yaml': text, ...extra })));
  } catch (error) {
    if (error instanceof RuleFileError) return error;
    throw error;
  }
  throw new Error('the rule file was accepted');
}

describe('a malformed rule of phrases', () => {
  const named = /^classifier\/rules\/flags\/shreds-phrase\.yaml: rule "shreds-phrase": field /;

  it('is accepted when well formed', () => {
    const set = checkRules(readRuleFiles(rulesWith({ 'flags/shreds-phrase.yaml': SHREDS })));
    expect(set.byId.get('shreds-phrase')!.compiled!.phrases!.map((parts) => parts.length)).toEqual([1, 2]);
  });

  it('is refused when a regex or a part of anyOf does not compile, naming the field', () => {
    const regex = problemOf(SHREDS.replace("'\\bshred(s|ding)?\\b'", "'\\bshred(s|ding?\\b'"));
    expect(regex.message).toMatch(named);
    expect(regex.message).toContain('field phrases.0.regex: the regex does not compile');
    const part = problemOf(SHREDS.replace("'\\bburns?\\s+(it|them)\\b'", "'\\bburns?\\s+(it|them\\b'"));
    expect(part.message).toContain('rule "shreds-phrase": field phrases.1.anyOf.1: the regex does not compile');
  });

  it('is refused when a regex or a part of anyOf is over 300 characters', () => {
    const long = `'${'a'.repeat(301)}'`;
    expect(problemOf(SHREDS.replace("'\\bshred(s|ding)?\\b'", long)).message).toMatch(/rule "shreds-phrase": field phrases\.0\.regex: .*300/);
    expect(problemOf(SHREDS.replace("'\\bburns?\\s+(it|them)\\b'", long)).message).toMatch(/rule "shreds-phrase": field phrases\.1\.anyOf\.1: .*300/);
    // (300 is fine)
    expect(() => checkRules(readRuleFiles(rulesWith({ 'flags/shreds-phrase.yaml': SHREDS.replace("'\\bburns?\\s+(it|them)\\b'", `'${'a'.repeat(300)}'`) })))).not.toThrow();
  });

  it('is refused when it concludes a wildcard label, or more than one', () => {
    const wildcard = problemOf(SHREDS.replace("labels: ['phrase:shreds']", "labels: ['phrase:*']"));
    expect(wildcard.message).toMatch(named);
    expect(wildcard.message).toContain('field concludes.signal.labels: a rule of phrases concludes one exact label (no `*`)');
    expect(problemOf(SHREDS.replace("labels: ['phrase:shreds']", "labels: ['phrase:shreds', 'phrase:burns']")).message).toContain('field concludes.signal.labels');
  });

  it('is refused when a phrase has neither regex nor anyOf, or both', () => {
    expect(problemOf(SHREDS.replace("    regex: '\\bshred(s|ding)?\\b'\n", '')).message).toContain('field phrases.0: a phrase needs a regex or anyOf');
    expect(problemOf(SHREDS.replace('    anyOf:\n', "    regex: 'x'\n    anyOf:\n")).message).toContain('field phrases.1: a phrase needs a regex or anyOf');
  });

  it('is refused when a phrase gives an effect the rule does not conclude, or an order another phrase has', () => {
    expect(problemOf(SHREDS.replace('effect: destructive\n    weight: 2', 'effect: write\n    weight: 2')).message).toContain('field phrases.0.effect: write is not among the effects the rule concludes (destructive)');
    const other = SHREDS.replaceAll('shreds-phrase', 'burns-phrase').replace("'phrase:shreds'", "'phrase:burns'").replace('order: 1000', 'order: 1001');
    expect(problemOf(SHREDS, { 'flags/burns-phrase.yaml': other }).message).toContain('field phrases.0.order: 15 is also the order of a phrase of burns-phrase');
  });

  it('is refused when it also has a pattern or code', () => {
    expect(problemOf(SHREDS.replace('concludes:', 'code: classifier/signals.ts\nconcludes:')).message).toContain('field code: a rule has one of pattern, phrases and code, not phrases and code');
    expect(problemOf(SHREDS.replace('concludes:', "pattern:\n  regex: 'x'\nconcludes:")).message).toContain('field phrases: a rule has one of pattern, phrases and code, not pattern and phrases');
  });
});

describe('a phrase in anyOf parts', () => {
  it('is found where the single alternation would find it: the part that starts first, and of two at one place the earlier part', () => {
    const at = (parts: RegExp[], text: string) => {
      const match = firstMatch(parts, text);
      return match && `${match[0]}@${match.index}`;
    };
    expect(at([/b+/, /a/], 'xab')).toBe('a@1');
    expect(at([/ab/, /a/], 'xab')).toBe('ab@1');
    expect(at([/a/, /ab/], 'xab')).toBe('a@1');
    expect(at([/q/, /z/], 'xab')).toBeNull();
    // as /ab|a|b+/ would
    for (const text of ['xab', 'bbba', 'ba', 'q']) expect(at([/ab/, /a|b+/], text), text).toBe(at([/ab|a|b+/], text));
  });

  it('is found alike by the finder the classifier uses (the parts joined in one regex, unless a part refers to its own groups)', () => {
    const found = (parts: RegExp[], text: string) => {
      const match = phraseFinder(parts)(text);
      return match && `${match[0]}@${match.index}`;
    };
    for (const parts of [[/b+/, /a/], [/ab/, /a/], [/a/, /ab/], [/q/, /z/], [/(x)y/, /(a)\1/], [/(?<first>x)y/, /(?<first>a)b/]]) {
      for (const text of ['xab', 'zaab', 'bbba', 'xyab', 'q']) {
        const match = firstMatch(parts, text);
        expect(found(parts, text), `${parts.join(' ')} on ${text}`).toBe(match && `${match[0]}@${match.index}`);
      }
    }
  });
});

describe('a phrase added in a rule file', () => {
  const description = 'Shreds the document so that nothing of it remains.';

  it('fires with no other edit: the phrase table is built from the rule files, trigger words included', () => {
    const table = phraseTable(checkRules(readRuleFiles(rulesWith({ 'flags/shreds-phrase.yaml': SHREDS }, { real: true }))));
    // (its order puts it between the phrase of order 10 and the one of order 20)
    const order = table.phrases.map((phrase) => phrase.label);
    expect(order.slice(0, 3)).toEqual(['phrase:irreversible', 'phrase:shreds', 'phrase:overwrite']);
    expect(order.at(-1)).toBe('phrase:shreds');
    expect(labels(proseSignals(description, 'description', PLAIN, table), { weight: true })).toContain('destructive:phrase:shreds:Shreds:2');
    // an anyOf part fires too (case-sensitive: that phrase has no flags); and the classifier's own table knows nothing of the new rule
    expect(labels(proseSignals('Copies the files and burns them to a CD.', 'description', PLAIN, table), { weight: true })).toContain('destructive:phrase:shreds:burns them:1');
    expect(labels(proseSignals('Copies the files. Burns them to a CD.', 'description', PLAIN, table)).filter((label) => label.includes('phrase:shreds'))).toEqual([]);
    expect(labels(proseSignals(description, 'description', PLAIN)).filter((label) => label.includes('phrase:shreds'))).toEqual([]);
  });

  it('fires through the whole classifier, recorded as the new rule, when the rules are read from a clone that has it', async () => {
    const rules = rulesWith({ 'flags/shreds-phrase.yaml': SHREDS }, { real: true });
    const before = process.env.TOOLRISK_REPO_ROOT;
    process.env.TOOLRISK_REPO_ROOT = dirname(dirname(rules));
    vi.resetModules();
    try {
      const { classifyExample } = await import('./run-example.ts');
      const classification = classifyExample({ name: 'shred_document', description, inputSchema: { type: 'object', properties: { id: { type: 'string' } } } });
      expect(classification.signals.filter((signal) => signal.label === 'phrase:shreds').map((signal) => [signal.rule, signal.text])).toEqual([['shreds-phrase', 'Shreds']]);
    } finally {
      if (before === undefined) delete process.env.TOOLRISK_REPO_ROOT;
      else process.env.TOOLRISK_REPO_ROOT = before;
      vi.resetModules();
    }
  });
});

describe('a malformed rule of phrases in the clone', () => {
  const broken = () => rulesWith({ 'flags/shreds-phrase.yaml': SHREDS.replace("'\\bshred(s|ding)?\\b'", "'(shred'") }, { real: true });

  it('is read when classification starts, not when the classifier is imported', async () => {
    const before = process.env.TOOLRISK_REPO_ROOT;
    process.env.TOOLRISK_REPO_ROOT = dirname(dirname(broken()));
    vi.resetModules();
    try {
      const signals = await import('../../../classifier/signals.ts');
      expect(() => signals.proseSignals('Shreds the document.', 'description', PLAIN)).toThrow(/shreds-phrase\.yaml: rule "shreds-phrase": field phrases\.0\.regex: the regex does not compile/);
    } finally {
      if (before === undefined) delete process.env.TOOLRISK_REPO_ROOT;
      else process.env.TOOLRISK_REPO_ROOT = before;
      vi.resetModules();
    }
  });

  it('stops `toolrisk classify`, naming the file, the rule and the field', async () => {
    const root = dirname(dirname(broken()));
    const run = await classifyWithRulesOf(root);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('classifier/rules/flags/shreds-phrase.yaml: rule "shreds-phrase": field phrases.0.regex: the regex does not compile');
  });
});
