// What `toolrisk rules` prints and /rules/ shows: each rule, what it concludes, why, its examples,
// and how many catalog tools it fires on.
import type { Classification, Rule, RuleExample } from '../../data/schema.ts';
import type { LoadedRule } from './registry.ts';

export interface RuleReport {
  id: string;
  family: Rule['family'];
  file: string;
  reads: Rule['reads'];
  concludes: Rule['concludes'];
  why: string;
  /** How it matches: a data rule's pattern and exclusion, its phrases, or the file its code lives in. */
  matches: Pick<Rule, 'pattern' | 'unless' | 'predicates' | 'phrases' | 'code'>;
  references: string[];
  examples: { match: RuleExample[]; noMatch: RuleExample[]; todo?: RuleExample[] };
  /** Catalog tools it fires on (null where no catalog was read). */
  hits: number | null;
}

/** The ids of the rules behind a classification's signals and warnings, each once. */
export function rulesFiredBy(classification: Pick<Classification, 'signals' | 'warnings'>): Set<string> {
  return new Set([...classification.signals.map((signal) => signal.rule), ...classification.warnings.map((warning) => warning.rule)]);
}

/** How many tools each rule fires on, by rule id (a tool counts once per rule). */
export function ruleHits(classifications: Iterable<Pick<Classification, 'signals' | 'warnings'>>): Map<string, number> {
  const hits = new Map<string, number>();
  for (const classification of classifications) {
    for (const id of rulesFiredBy(classification)) hits.set(id, (hits.get(id) ?? 0) + 1);
  }
  return hits;
}

export function ruleReport(rule: LoadedRule, hits: ReadonlyMap<string, number> | undefined): RuleReport {
  return {
    id: rule.id,
    family: rule.family,
    file: rule.file,
    reads: rule.reads,
    concludes: rule.concludes,
    why: rule.why,
    matches: Object.fromEntries(Object.entries({ pattern: rule.pattern, unless: rule.unless, predicates: rule.predicates, phrases: rule.phrases, code: rule.code }).filter(([, value]) => value !== undefined)),
    references: rule.references ?? [],
    examples: { match: rule.examples.match, noMatch: rule.examples.noMatch, ...(rule.examples.todo?.length ? { todo: rule.examples.todo } : {}) },
    hits: hits ? (hits.get(rule.id) ?? 0) : null,
  };
}

/** What a rule concludes, in a few words: `signal verb:* (read, write…)` or `poisoning warning exfiltration`. */
export function conclusionText(concludes: Rule['concludes']): string {
  if ('signal' in concludes) return `signal ${concludes.signal.labels.join(', ')} (${concludes.signal.effects.join(', ')})`;
  return `${concludes.warning.severity === 'poisoning' ? 'poisoning' : 'note'}: ${concludes.warning.kind}`;
}

/** The trigger words a rule's pattern or phrases are gated by (none for a code rule). */
export function triggerWords(rule: Pick<Rule, 'pattern' | 'phrases'>): string[] {
  return [...new Set([...(rule.pattern?.words ?? []), ...(rule.phrases ?? []).flatMap((phrase) => phrase.words)])];
}

/** An example as one line of text: its description, or its name and description. */
export function exampleText(example: RuleExample, max = 160): string {
  const text = typeof example === 'string' ? example : `${example.name}${example.description ? `: ${example.description}` : ''}`;
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}
