// Every rule against its own examples (classifier/rules/<family>/<id>.yaml): each `match` example
// must fire the rule, each `noMatch` and `todo` example must not. An example runs as a crawled tool
// does (checked, repaired, classified with its server's other tools), so what passes here is what
// the catalog and `toolrisk scan` give.
import { describe, expect, it } from 'vitest';
import { ruleSet } from '../../../classifier/engine/registry.ts';
import type { RuleExample } from '../../../data/schema.ts';
import { rulesFiredBy } from './run-example.ts';

const show = (example: RuleExample) => (typeof example === 'string' ? example : `${example.name}: ${example.description ?? ''}`).slice(0, 100);

for (const rule of ruleSet().rules) {
  describe(`${rule.id} (${rule.file})`, () => {
    it.each(rule.examples.match.map((example) => [show(example), example] as const))('fires on %s', (_, example) => {
      expect([...rulesFiredBy(example)]).toContain(rule.id);
    });
    it.each(rule.examples.noMatch.map((example) => [show(example), example] as const))('does not fire on %s', (_, example) => {
      expect([...rulesFiredBy(example)]).not.toContain(rule.id);
    });
    // (a known miss kept honestly: when the rule learns it, this fails and the example moves to `match`)
    it.each((rule.examples.todo ?? []).map((example) => [show(example), example] as const))('still misses %s (todo)', (_, example) => {
      expect([...rulesFiredBy(example)]).not.toContain(rule.id);
    });
  });
}
