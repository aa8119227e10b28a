// What the tests of single signal rules share: a server with no traits, and signals as short strings
// ("write:delete:remove", with the weight when asked) that an expectation can list.
import { collectSignals, type Verdict } from '../../classifier/classify.ts';
import { listedOperations, proseSignals, type ServerTraits } from '../../classifier/signals.ts';
import type { AnnotationComparison, McpTool, RawSignal as Signal } from '../../data/schema.ts';

export { tool } from './class-helpers.ts';

/** A server that is neither a user interface nor a database and has no signals of its own. */
export const PLAIN: ServerTraits = { ui: false, database: false, signals: [] };

/** A database server (its "query" runs a query of the caller's choosing), with no signals of its own. */
export const DATABASE: ServerTraits = { ui: false, database: true, signals: [] };

/** A server that drives a user interface (a browser, a simulator), with no signals of its own. */
export const UI: ServerTraits = { ui: true, database: false, signals: [] };

/** Each signal as `effect:label:text`, and `:weight` after it with `{ weight: true }`. */
export function labels(signals: readonly Signal[], { weight = false } = {}): string[] {
  return signals.map((signal) => `${signal.effect}:${signal.label}:${signal.text}${weight ? `:${signal.weight}` : ''}`);
}

/** All of a definition's signals (collectSignals), each as `effect:label:text:weight`. */
export const weighed = (definition: McpTool, traits: ServerTraits = PLAIN): string[] => labels(collectSignals(definition, traits), { weight: true });

/** A signal built by hand, for the decision rules (`decide`); its text defaults to the label's word. */
export function signal(family: Signal['family'], effect: Signal['effect'], label: string, weight: number, text = label.split(':')[1] ?? label): Signal {
  return { family, effect, label, weight, where: family === 'name' ? 'name' : family === 'parameter' ? 'inputSchema.properties.x' : 'description', text };
}

/** A verdict with every flag off (a plain read), with the given changes: each case says exactly which flags it holds. */
export const verdictOf = (changes: Partial<Verdict>): Verdict => ({
  category: 'read',
  destructive: false,
  destructiveScope: 'none',
  financial: false,
  openWorld: false,
  sensitive: false,
  privileged: false,
  hostCode: false,
  writeQuery: false,
  many: 'one',
  ui: false,
  bills: false,
  clusterConfig: false,
  dumpsSecrets: false,
  anyRequest: false,
  ...changes,
});

/** A comparison of annotations with nothing declared and nothing contradicted. */
export const noAnnotations: AnnotationComparison = { declared: {}, inferred: { readOnlyHint: true, destructiveHint: false, openWorldHint: false }, contradictions: [] };

/** A prose field's signals (proseSignals on a plain server), each as `effect:label:text:weight`. */
export const proseWeighed = (text: string, family: 'title' | 'description' = 'description'): string[] =>
  labels(proseSignals(text, family, PLAIN), { weight: true });

/** The operations a description lists (listedOperations), each as `lemma|object|text`. */
export const listed = (text: string): string[] => listedOperations(text).map(({ lemma, object, text: said }) => `${lemma}|${object}|${said}`);
