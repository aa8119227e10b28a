// Data rules (a pattern in a rule file, no code of their own) run over the texts of one tool. Each
// text is split into words once; the rules' trigger words, gathered from the rule files when they are
// loaded, decide which rules can fire on it before any regex runs (a trigger word in Chinese, Japanese
// or Korean is looked for inside the text, where no spaces part the words). One warning per rule at most: the
// first place it fires.
import type { DescriptionWarning, McpTool, RuleField } from '../../data/schema.ts';
import { own } from '../../data/own.ts';
import { SPACELESS_SCRIPT, codePointName, modelTexts, modelWords, wordsIn, type ModelText } from './texts.ts';
import { ruleSet, type LoadedRule, type RuleSet } from './registry.ts';
import { inputProperties } from './properties.ts';
import { splitIdentifier } from '../words.ts';
import { verbOf } from '../lexicon.ts';

/** The part of a definition a text at this location belongs to. */
export function fieldOf(where: string): RuleField {
  if (where === 'name' || where === 'title' || where === 'description' || where === 'server') return where;
  if (where.startsWith('annotations.')) return 'annotations';
  if (where.startsWith('outputSchema.')) return 'output-schema';
  const last = where.slice(where.lastIndexOf('.') + 1);
  return last === 'description' || last === 'title' ? 'parameter-descriptions' : 'parameter-values';
}

interface Index {
  /** The fields some rule of the family reads: texts of other fields are not even split into words. */
  fields: ReadonlySet<RuleField>;
  /** Rules of a family that every text of a field they read is tried against (no trigger words). */
  always: readonly LoadedRule[];
  /** Trigger word → the rules it can fire. */
  byWord: ReadonlyMap<string, readonly LoadedRule[]>;
  /** Trigger words in Chinese, Japanese or Korean, found anywhere in a text (no spaces part those words), with their rules. */
  bySubstring: readonly (readonly [string, readonly LoadedRule[]])[];
}

const INDEXES = new WeakMap<RuleSet, Map<string, Index>>();

function indexOf(set: RuleSet, family: string): Index {
  let perFamily = INDEXES.get(set);
  if (!perFamily) INDEXES.set(set, (perFamily = new Map()));
  let index = perFamily.get(family);
  if (!index) {
    const always: LoadedRule[] = [];
    const byWord = new Map<string, LoadedRule[]>();
    const bySubstring = new Map<string, LoadedRule[]>();
    const fields = new Set<RuleField>();
    for (const rule of set.rules) {
      if (rule.family !== family || !rule.pattern) continue;
      for (const field of rule.reads) fields.add(field);
      if (!rule.pattern.words) always.push(rule);
      else {
        for (const word of rule.pattern.words) {
          // (a trigger word in Han, kana or Hangul is looked for inside the text, not as a whole token)
          const map = SPACELESS_SCRIPT.test(word) ? bySubstring : byWord;
          map.set(word, [...(map.get(word) ?? []), rule]);
        }
      }
    }
    perFamily.set(family, (index = { fields, always, byWord, bySubstring: [...bySubstring] }));
  }
  return index;
}

/** The rules of a family whose trigger words a text holds (its words given, lower case), plus those without any. */
function candidates(index: Index, text: string, words: readonly string[]): Set<LoadedRule> {
  const found = new Set<LoadedRule>(index.always);
  if (index.byWord.size > 0) {
    for (const word of words) {
      const rules = index.byWord.get(word);
      if (rules) for (const rule of rules) found.add(rule);
    }
  }
  // (only a text with such letters can hold such a word)
  if (index.bySubstring.length > 0 && SPACELESS_SCRIPT.test(text)) {
    for (const [word, rules] of index.bySubstring) if (text.includes(word)) for (const rule of rules) found.add(rule);
  }
  return found;
}

export interface DataRuleContext {
  /** Names of the server's tools. */
  siblings: ReadonlySet<string>;
  /** Warnings other rules gave the tool so far. */
  warnings: readonly DescriptionWarning[];
}

function fill(template: string, match: RegExpExecArray | undefined, text: string): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => {
    if (key === 'match') return (match?.[0] ?? text).slice(0, 80);
    if (key === 'length') return text.length.toLocaleString('en-US');
    if (key === 'codepoint') return match ? codePointName(match[0]) : whole;
    return own(match?.groups, key)?.slice(0, 80) ?? whole;
  });
}

function holds(rule: LoadedRule, match: RegExpExecArray | undefined, tool: McpTool, context: DataRuleContext): boolean {
  for (const predicate of rule.predicates ?? []) {
    if (predicate === 'names-unlisted-tool') {
      const named = match?.groups?.tool;
      if (named === undefined || context.siblings.has(named) || named === tool.name) return false;
    } else if (predicate === 'no-invisible-unicode-warning') {
      if (context.warnings.some((warning) => warning.kind === 'invisible-unicode')) return false;
    } else if (predicate === 'names-changing-tool') {
      if (!match || !namesChangingTool(match, tool.name)) return false;
    }
  }
  return true;
}

// a tool's name in prose: snake_case, kebab-case or camelCase (`confirm_purchase_order`, `upgradePlan`)
const TOOL_NAME_IN_TEXT = /[A-Za-z][A-Za-z0-9]*(?:[_-][A-Za-z0-9]+)+|[a-z]+(?:[A-Z][a-z0-9]*)+/g;
const CHANGING_EFFECTS: ReadonlySet<string> = new Set(['write', 'destructive', 'financial', 'messaging', 'execute', 'privileged']);

/**
 * Whether a tool is named around a match (from the sentence before it to a little after) whose name's verb changes, deletes,
 * sends, runs or pays (`upgrade_plan`, `confirm_purchase_order`; not `get_status`), other than the tool itself.
 */
function namesChangingTool(match: RegExpExecArray, own: string): boolean {
  const around = match.input.slice(Math.max(0, match.index - 240), match.index + match[0].length + 120);
  for (const named of around.matchAll(TOOL_NAME_IN_TEXT)) {
    // (not the tool itself, nor a constant or an environment variable: `MS365_REQUIRE_CONFIRM`)
    if (named[0] === own || named[0] === named[0].toUpperCase()) continue;
    if (splitIdentifier(named[0]).some((token) => verbOf(token.word)?.effects.some((effect) => CHANGING_EFFECTS.has(effect)))) return true;
  }
  return false;
}

/** Where a rule fires first in one text, or undefined. */
function fireIn(rule: LoadedRule, text: string, tool: McpTool, context: DataRuleContext): { match?: RegExpExecArray } | undefined {
  const pattern = rule.pattern!;
  if (pattern.longerThan !== undefined && text.length <= pattern.longerThan) return undefined;
  if (rule.compiled?.unless?.test(text)) return undefined;
  const regex = rule.compiled?.regex;
  if (!regex) return holds(rule, undefined, tool, context) ? {} : undefined;
  // (every match in turn: the first may name a listed tool and a later one not)
  for (const match of text.matchAll(regex)) if (holds(rule, match, tool, context)) return { match };
  return undefined;
}

// rules left out while a measure runs (`withoutRules`): the leave-one-source-out figures of the rules written from a set
let disabled: ReadonlySet<string> = new Set();

/** Runs `work` with the rules named left out (the data rules, and the code rules' findings), then puts them back. */
export function withoutRules<T>(ids: ReadonlySet<string>, work: () => T): T {
  const before = disabled;
  disabled = ids;
  try {
    return work();
  } finally {
    disabled = before;
  }
}

/** Whether a rule is left out of the measure running now. */
export const isLeftOut = (id: string): boolean => disabled.size > 0 && disabled.has(id);

/** The warnings the data rules of a family give one tool, in the order of the rule files. */
export function dataRuleWarnings(family: 'notes' | 'poisoning', tool: McpTool, context: DataRuleContext, set: RuleSet = ruleSet()): DescriptionWarning[] {
  const index = indexOf(set, family);
  if (index.always.length === 0 && index.byWord.size === 0 && index.bySubstring.length === 0) return [];
  const fired = new Map<LoadedRule, DescriptionWarning>();
  // (each rule of the family that reads `field` and has not fired yet, tried on one text)
  const tryRules = (text: string, words: readonly string[], field: RuleField, where: DescriptionWarning['evidence']['where']) => {
    for (const rule of candidates(index, text, words)) {
      if (fired.has(rule) || !rule.reads.includes(field) || !('warning' in rule.concludes) || isLeftOut(rule.id)) continue;
      const hit = fireIn(rule, text, tool, context);
      if (!hit) continue;
      const { kind, severity, message } = rule.concludes.warning;
      fired.set(rule, { kind, severity, rule: rule.id, message: fill(message ?? rule.why, hit.match, text), evidence: { where, text: hit.match?.[0] ?? text.slice(0, 80) } });
    }
  };
  const { texts } = modelTexts(tool);
  const words = modelWords(tool);
  texts.forEach((read: ModelText, at) => {
    const { where } = read;
    const field = fieldOf(where);
    if (!index.fields.has(field)) return;
    // (the description whole, past the extractor's bounds: its length and its last characters count)
    const text = where === 'description' ? (tool.description ?? read.text) : read.text;
    tryRules(text, text === read.text ? words[at]! : wordsIn(text), field, where);
  });
  // parameter names, for the rules that read them (a name can be a sentence: `__paste_your_system_prompt_here__`)
  if (index.fields.has('parameter-names')) {
    for (const property of inputProperties(tool.inputSchema)) tryRules(property.name, wordsIn(property.name), 'parameter-names', property.path as DescriptionWarning['evidence']['where']);
  }
  if (fired.size === 0) return [];
  return set.rules.filter((rule) => fired.has(rule)).map((rule) => fired.get(rule)!);
}
