// A rule example run the way a crawled tool is: the definition checked (and repaired) as the crawler
// checks a listing, then classified with its server's other tools. What it gives is the set of rule
// ids its signals and warnings record.
import { checkListedTools } from '../../../crawler/tools.ts';
import { classifyTools, repairedProblems } from '../../../classifier/catalog.ts';
import { rulesFiredBy as rulesOf } from '../../../classifier/engine/report.ts';
import type { Classification, RuleExample } from '../../../data/schema.ts';

const FILLER = ' It returns what was asked for, as the server holds it.';

/** The definition an example stands for: a bare description becomes a tool named `x`. */
export function definitionOf(example: RuleExample): Record<string, unknown> {
  if (typeof example === 'string') return { name: 'x', description: example, inputSchema: { type: 'object' } };
  const { siblings: _siblings, server: _server, note: _note, padTo, ...definition } = example;
  let description = definition.description;
  if (padTo !== undefined) {
    description = description ?? '';
    while (description.length < padTo) description += FILLER;
    description = description.slice(0, padTo);
  }
  return { inputSchema: { type: 'object' }, ...definition, ...(description === undefined ? {} : { description }) };
}

/** The classification of an example's tool, as `toolrisk classify` would give it. */
export function classifyExample(example: RuleExample): Classification {
  const siblings = typeof example === 'string' ? [] : (example.siblings ?? []);
  const server = typeof example === 'string' ? undefined : example.server;
  const listing = [definitionOf(example), ...siblings.map((name) => ({ name, inputSchema: { type: 'object' } }))];
  const checked = checkListedTools(listing);
  const own = checked.tools[0];
  if (!own || own.name !== listing[0]!.name) throw new Error(`the example ${JSON.stringify(listing[0]).slice(0, 120)} is not a definition the crawler keeps: ${checked.warnings.map((w) => w.message).join('; ')}`);
  const fingerprints = [...checked.fingerprints.values()];
  const { classifications, failures } = classifyTools(checked.tools, fingerprints, { name: server?.name ?? 'example/server', description: server?.description }, new Map(), undefined, repairedProblems(checked.invalidTools));
  if (failures.length) throw new Error(`the example could not be classified: ${failures.map((f) => f.error).join('; ')}`);
  return classifications[0]!;
}

/** The ids of the rules an example's tool fires. */
export function rulesFiredBy(example: RuleExample): Set<string> {
  return rulesOf(classifyExample(example));
}
