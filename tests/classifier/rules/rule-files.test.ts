// The rule files themselves: a malformed one stops the classifier, naming the file, the rule and
// the field; every rule the code names has a file, and every code rule is raised by the file it names.
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { classifyWithRulesOf } from './classify-with-rules.ts';
import { checkRules, readRuleFiles, RuleFileError, ruleSet, rulesDigest, rulesDir } from '../../../classifier/engine/registry.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const scratch = mkdtempSync(join(tmpdir(), 'toolrisk-rules-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const GOOD = `id: loud-words
family: notes
reads: [description]
pattern:
  words: [loud]
  regex: '\\bLOUD\\b'
concludes:
  warning: {kind: shouting, severity: note}
why: The description is loud about something.
examples:
  match: [It is LOUD.]
  noMatch: [It is quiet.]
`;

/** The first problem checkRules finds in one rule file written at `family/name`. */
function problemOf(text: string, place = 'notes/loud-words.yaml', extra: Record<string, string> = {}): RuleFileError {
  const dir = mkdtempSync(join(scratch, 'set-'));
  const rules = join(dir, 'classifier', 'rules');
  for (const [file, body] of Object.entries({ [place]: text, ...extra })) {
    mkdirSync(dirname(join(rules, file)), { recursive: true });
    writeFileSync(join(rules, file), body);
  }
  try {
    checkRules(readRuleFiles(rules));
  } catch (error) {
    if (error instanceof RuleFileError) return error;
    throw error;
  }
  throw new Error('the rule file was accepted');
}

describe('a malformed rule file', () => {
  it('is named with its rule and the field that is wrong', () => {
    const noCounterExample = problemOf(GOOD.replace('  noMatch: [It is quiet.]\n', ''));
    expect(noCounterExample.message).toMatch(/^classifier\/rules\/notes\/loud-words\.yaml: rule "loud-words": field examples\.noMatch: /);
    const badRegex = problemOf(GOOD.replace("'\\bLOUD\\b'", "'(LOUD'"));
    expect(badRegex.message).toContain('rule "loud-words": field pattern.regex: the regex does not compile');
    const longRegex = problemOf(GOOD.replace("'\\bLOUD\\b'", `'${'a'.repeat(301)}'`));
    expect(longRegex.message).toContain('field pattern.regex');
    const badWord = problemOf(GOOD.replace('words: [loud]', 'words: [Loud_Word]'));
    expect(badWord.message).toContain('field pattern.words.0: a trigger word is one lower-case word');
    const badSource = problemOf(GOOD.replace('why:', 'source: [my notes]\nwhy:'));
    expect(badSource.message).toContain('field source.0');
    const unknownField = problemOf(GOOD.replace('why:', 'weight: 3\nwhy:'));
    expect(unknownField.message).toMatch(/rule "loud-words": .*weight/);
  });

  it("gives a tool's rationale a clause only for an effect it concludes, and only one that says the tool's words", () => {
    const signalRule = (because: string) => `id: loud-words
family: flags
reads: [description]
code: classifier/signals.ts
concludes:
  signal: {labels: ['phrase:loud'], effects: [destructive]}
why: The description is loud about something.
because:
${because}
examples:
  match: [It is LOUD.]
  noMatch: [It is quiet.]
`;
    expect(problemOf(signalRule('  financial: "it is {text}, which costs money"'), 'flags/loud-words.yaml').message).toContain('field because.financial: the rule concludes no financial signal (its effects: destructive)');
    expect(problemOf(signalRule('  destructive: "it is loud, which breaks things"'), 'flags/loud-words.yaml').message).toContain("field because.destructive: says {text}, the words the rule matched in the tool");
    expect(problemOf(GOOD.replace('why:', 'because:\n  read: "it reads {text} out loud"\nwhy:')).message).toContain('field because.read: the rule concludes no read signal (its effects: none)');
  });

  it('is named when it is not YAML, lies in the wrong place, or repeats an id', () => {
    expect(problemOf('id: [unclosed').message).toMatch(/^classifier\/rules\/notes\/loud-words\.yaml: not valid YAML/);
    expect(problemOf(GOOD, 'notes/other-name.yaml').message).toContain('field id: the file must be named loud-words.yaml');
    expect(problemOf(GOOD, 'flags/loud-words.yaml').message).toContain('field family: the rule says notes but lies in flags/');
    const twice = problemOf(GOOD, 'notes/loud-words.yaml', { 'poisoning/loud-words.yaml': GOOD.replace('family: notes', 'family: poisoning') });
    expect(twice.message).toContain('field id: also the id of classifier/rules/notes/loud-words.yaml');
  });

  it('stops `toolrisk classify` before it reads anything, naming the file, the rule and the field', async () => {
    const root = mkdtempSync(join(scratch, 'clone-'));
    cpSync(rulesDir(), join(root, 'classifier', 'rules'), { recursive: true });
    const shouting = join(root, 'classifier', 'rules', 'notes', 'shouting.yaml');
    writeFileSync(shouting, readFileSync(shouting, 'utf8').replace(/\n {2}noMatch:[\s\S]*$/, '\n'));
    const run = await classifyWithRulesOf(root);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('classifier/rules/notes/shouting.yaml: rule "shouting": field examples.noMatch: ');
  });
});

describe('the parsed rule files, kept between starts', () => {
  it('are what parsing gives, are parsed anew when a file changes or the cache is broken, and one set is kept', () => {
    const dir = mkdtempSync(join(scratch, 'cache-'));
    const rules = join(dir, 'classifier', 'rules');
    mkdirSync(join(rules, 'notes'), { recursive: true });
    writeFileSync(join(rules, 'notes', 'loud-words.yaml'), GOOD);
    const cache = join(dir, 'cache');
    const fresh = readRuleFiles(rules, undefined);
    expect(readRuleFiles(rules, cache)).toEqual(fresh);
    const [kept] = readdirSync(cache);
    expect(kept).toMatch(/^rules-[0-9a-f]{16}\.json$/);
    // (read from the cache: a cache file changed by hand is what comes back, which shows it was read)
    writeFileSync(join(cache, kept!), JSON.stringify([{ file: 'from-the-cache', rule: {} }]));
    expect(readRuleFiles(rules, cache)).toEqual([{ file: 'from-the-cache', rule: {} }]);
    // a broken cache file is parsed anew
    writeFileSync(join(cache, kept!), '[{"file": ');
    expect(readRuleFiles(rules, cache)).toEqual(fresh);
    // a changed rule file is parsed anew, and the cache of the earlier bytes goes
    writeFileSync(join(rules, 'notes', 'loud-words.yaml'), GOOD.replace('The description is loud', 'The text is loud'));
    const changed = readRuleFiles(rules, cache);
    expect((changed[0]!.rule as { why: string }).why).toBe('The text is loud about something.');
    expect(readdirSync(cache)).toHaveLength(1);
    expect(readdirSync(cache)[0]).not.toBe(kept);
    // a YAML error is still named, cache or not
    writeFileSync(join(rules, 'notes', 'loud-words.yaml'), 'id: [unclosed');
    expect(() => readRuleFiles(rules, cache)).toThrow(/^classifier\/rules\/notes\/loud-words\.yaml: not valid YAML/);
  });
});

describe("the classifier's version", () => {
  const digestOf = (text: string) => {
    const dir = mkdtempSync(join(scratch, 'digest-'));
    mkdirSync(join(dir, 'classifier', 'rules', 'notes'), { recursive: true });
    writeFileSync(join(dir, 'classifier', 'rules', 'notes', 'loud-words.yaml'), text);
    return rulesDigest(checkRules(readRuleFiles(join(dir, 'classifier', 'rules'))));
  };

  it('changes with what a rule decides, not with its examples', () => {
    const base = digestOf(GOOD);
    expect(digestOf(GOOD.replace("'\\bLOUD\\b'", "'\\bLOUDER\\b'"))).not.toBe(base);
    expect(digestOf(GOOD.replace('The description is loud', 'The text is loud'))).not.toBe(base);
    expect(digestOf(GOOD.replace('noMatch: [It is quiet.]', 'noMatch: [It is quiet., It whispers.]'))).toBe(base);
  });
});

describe('rules named in code', () => {
  const set = ruleSet();
  const sources = ['classifier/classify.ts', 'classifier/warnings.ts', 'classifier/poisoning.ts'].map((file) => readFileSync(join(ROOT, file), 'utf8'));

  it('every rule the code names by id has a file', () => {
    const named = sources.flatMap((source) => [...source.matchAll(/ruleById\('([a-z0-9-]+)'\)/g)].map((m) => m[1]!));
    expect(named.length).toBeGreaterThan(0);
    expect(named.filter((id) => !set.byId.has(id))).toEqual([]);
  });

  it('every code rule is raised in the file it names: a warning by its id, a signal by its label', () => {
    const raises = (code: string, rule: (typeof set.rules)[number]) =>
      'warning' in rule.concludes ? code.includes(`'${rule.id}'`) : rule.concludes.signal.labels.some((label) => (label.endsWith(':*') ? new RegExp(`['\`]${label.slice(0, -1)}`).test(code) : code.includes(`'${label}'`)));
    const unraised = set.rules.filter((rule) => rule.code !== undefined && !raises(readFileSync(join(ROOT, rule.code), 'utf8'), rule));
    expect(unraised.map((rule) => `${rule.id} (${rule.code})`)).toEqual([]);
  });
});
