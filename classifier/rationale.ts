// The sentences and quotes a person reads: what the tool does, why that is its risk, and the words
// of the definition that decided it. Generated from the same verdict and signals as the badge and
// the policy, so they cannot disagree. Pure.
import type { AnnotationComparison, DescriptionWarning, McpTool, Operation, Quote, Risk, RawSignal as Signal, ToolPolicy } from '../data/schema.ts';
import type { Verdict } from './classify.ts';
import { CODE_PARAMETER_LABELS, VERB_SCOPE, WRITABLE_QUERY_LABELS, verbOf } from './lexicon.ts';
import { firstSentence } from './words.ts';
import { type Action, actionOf, actionPhrase } from './action.ts';
import { ruleSet } from './engine/registry.ts';
import { locationParts } from '../data/location.ts';

const PLACE_NAMES = new Map<string, string>();

/** How a location reads in a sentence ("tool name", "parameter path description"); memoized, locations repeat. */
export function placeName(where: string): string {
  let name = PLACE_NAMES.get(where);
  if (name === undefined) {
    name = describePlace(where);
    if (PLACE_NAMES.size > 50_000) PLACE_NAMES.clear();
    PLACE_NAMES.set(where, name);
  }
  return name;
}

function describePlace(where: string): string {
  if (where === 'name' || where === 'title' || where === 'description') return `tool ${where}`;
  if (where === 'server') return 'server description';
  if (where.startsWith('annotations.')) return `declared ${where.slice('annotations.'.length)}`;
  const output = where.startsWith('outputSchema.');
  const parts = locationParts(where).slice(1);
  // `properties` is a keyword only where a parameter's name follows it: a parameter may itself be named "properties"
  const names: string[] = [];
  let suffix: keyof typeof SUFFIX_NAMES | undefined;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    if (part === 'properties' && i + 1 < parts.length) names.push(parts[++i]!);
    else if (i === parts.length - 1 && Object.hasOwn(SUFFIX_NAMES, part)) suffix = part as keyof typeof SUFFIX_NAMES;
    else names.push(part);
  }
  // the schema's own description or title
  if (names.length === 0) return `${output ? 'output' : 'input'} schema${suffix ? ` ${suffix}` : ''}`;
  return `${output ? 'output field' : 'parameter'} ${names.join('.')}${suffix ? SUFFIX_NAMES[suffix] : ''}`;
}
const SUFFIX_NAMES = { description: ' description', enum: ' values', default: ' default value', examples: ' examples', example: ' example', const: ' value', title: ' title' } as const;

/** A quote as the generated sentences show it: in curly quotes, cut at 80 characters. */
export function shortQuote(text: string): string {
  return `“${text.length > 80 ? `${text.slice(0, 80)}…` : text}”`;
}

function quoteList(signals: readonly Signal[], max = 3): string {
  // a handful of quotes: a small array is cheaper than a Set here, and this runs for every tool
  const seen: string[] = [];
  const parts: string[] = [];
  // (one signal needs no sorted copy)
  for (const s of signals.length > 1 ? [...signals].sort((a, b) => b.weight - a.weight) : signals) {
    const key = `${s.where}\u0000${s.text.toLowerCase()}`;
    if (seen.includes(key)) continue;
    seen.push(key);
    parts.push(`${shortQuote(s.text)} in the ${placeName(s.where)}`);
    if (parts.length === max) break;
  }
  return parts.join(', ');
}

/** The signals that decided each part of the verdict: what the evidence shows and the sentences cite. */
export interface DecisiveSignals {
  category: Signal[];
  destructive: Signal[];
  financial: Signal[];
  openWorld: Signal[];
  sensitive: Signal[];
  privileged: Signal[];
}

const CODE_LABELS: ReadonlySet<string> = new Set([...CODE_PARAMETER_LABELS, ...WRITABLE_QUERY_LABELS, 'phrase:runs-code', 'param-text:javascript']);

function withEffect(signals: readonly Signal[], effect: Signal['effect'], min: number): Signal[] {
  return signals.filter((s) => s.effect === effect && s.weight >= min);
}

export function decisiveSignals(verdict: Verdict, signals: readonly Signal[]): DecisiveSignals {
  const own = signals.filter((s) => s.family !== 'server' && s.family !== 'annotation');
  const category = verdict.category;
  let forCategory = own.filter((s) => (s.effect === category || (category === 'write' && s.effect === 'messaging') || (category === 'read' && s.effect === 'negation')) && s.weight >= 1.5);
  if (category === 'execute' && (verdict.hostCode || verdict.writeQuery)) {
    const code = own.filter((s) => CODE_LABELS.has(s.label));
    if (code.length) forCategory = [...code, ...forCategory];
  }
  if (!forCategory.length) forCategory = own.filter((s) => s.effect === category && s.weight > 0);

  const destructive = verdict.destructive
    ? own.filter((s) => (s.effect === 'destructive' && s.weight >= 1) || (s.effect === 'broad' && s.family === 'name' && verdict.destructiveScope === 'broad') || ((s.label.startsWith('verb:') || s.label.startsWith('enum:')) && s.weight >= 1.5 && s.effect !== 'read' && scoped(s.label)))
    : [];
  return {
    category: forCategory,
    destructive,
    financial: verdict.financial ? withEffect(own, 'financial', 1) : [],
    openWorld: verdict.openWorld ? [...withEffect(own, 'openWorld', 0.75), ...(verdict.category === 'write' ? withEffect(own, 'messaging', 2) : [])] : [],
    sensitive: verdict.sensitive ? withEffect(own, 'sensitive', 1) : [],
    privileged: verdict.privileged ? own.filter((s) => (verdict.category === 'read' ? s.label === 'reveals:credential' : s.effect === 'privileged' && s.family === 'name')) : [],
  };
}

const scoped = (label: string): boolean => VERB_SCOPE.has(label.slice(label.indexOf(':') + 1));

const MARKUP = /[*_#`>|]+/g;
const SPACES = /\s+/g;
const LETTER = /\p{L}/u;

/** `text.replace(/\s+/g, ' ')`, with no new string when every run of whitespace already is a single space (none is other whitespace, none is two spaces). */
function squeezeSpaces(text: string): string {
  return /[^\S ]| {2}/.test(text) ? text.replace(SPACES, ' ') : text;
}

/**
 * Three words (pieces between single spaces with a letter) make a sentence; two do when the first is a verb. (Counts the
 * words of `clean.split(' ')` up to the third, with no array of them.)
 */
function isSentence(clean: string): boolean {
  let count = 0;
  let first = '';
  for (let from = 0; count < 3; ) {
    const end = clean.indexOf(' ', from);
    const word = end === -1 ? clean.slice(from) : clean.slice(from, end);
    if (LETTER.test(word)) {
      if (count === 0) first = word;
      count++;
    }
    if (end === -1) break;
    from = end + 1;
  }
  return count >= 3 || (count === 2 && verbOf(first.toLowerCase()) !== undefined);
}

/** The first real sentence of a description: headings ("🎯 Purpose", "**When to use:**") and markup skipped. */
function leadSentence(description: string): string {
  let rest = description.slice(0, 2000);
  for (let i = 0; i < 6 && rest.trim(); i++) {
    const { text, start } = firstSentence(rest);
    const clean = squeezeSpaces(text.replace(MARKUP, ' ')).trim();
    // three words make a sentence; two do when the first is a verb ("Translates text.", not "Beta feature.")
    if (!clean.endsWith(':') && isSentence(clean)) return clean;
    rest = rest.slice(start + text.length + 1);
  }
  return squeezeSpaces(firstSentence(description).text).trim();
}

/** What the tool does, in its own words: the description's first sentence, else its title or name. */
export function whatItDoes(tool: McpTool): string {
  const sentence = leadSentence(tool.description ?? '');
  if (sentence.length >= 8) return `What it does: ${shortQuote(sentence)} (tool description).`;
  if (tool.title) return `What it does: ${shortQuote(tool.title)} (tool title; there is no usable description).`;
  return `What it does: the definition has no description, so it is judged from its name ${shortQuote(tool.name)} and parameters.`;
}

function categorySentence(verdict: Verdict, decisive: DecisiveSignals): string {
  const from = decisive.category.length ? ` (${quoteList(decisive.category)})` : '';
  switch (verdict.category) {
    case 'read':
      return decisive.category.length
        ? `Category read: it returns data and changes nothing${from}.`
        : 'Category read: nothing in the definition shows a side effect or an action, so it is taken to only return data.';
    case 'write': {
      const what = { none: 'creates or sends something new without changing what exists', 'in-place': 'changes existing things in place', item: 'deletes or overwrites the whole of an existing item', broad: 'can delete or overwrite many things at once' }[verdict.destructiveScope];
      return `Category write: it ${what}${from}.`;
    }
    case 'execute': {
      const what = verdict.hostCode
        ? 'runs commands or code of the caller’s choosing'
        : verdict.writeQuery || decisive.category.some((s) => /sql|query|arbitrary/.test(s.label))
          ? 'runs queries the caller writes'
          : verdict.ui
            ? 'drives a browser, page or device'
            : 'runs or starts something: a job, process, workflow, test or deployment';
      return `Category execute: it ${what}${from}.`;
    }
  }
}

/**
 * The clause the rule behind the heaviest of `candidates` gives for `effect`, filled with the words it matched in this
 * tool (rules/…yaml `because`); undefined when none of them has one.
 */
function because(candidates: readonly Signal[], effect: Signal['effect']): string | undefined {
  const sorted = candidates.length > 1 ? [...candidates].sort((a, b) => b.weight - a.weight) : candidates;
  for (const signal of sorted) {
    const template = ruleSet().ruleOfLabel(signal.label)?.because?.[effect];
    if (!template) continue;
    // ("Delete" at the start of a sentence reads "delete" inside one; "SQL" stays)
    const words = signal.text.replace(/\s+/g, ' ').trim().replace(/^\p{Lu}(?=\p{Ll}*\b)/u, (first) => first.toLowerCase());
    return template.replaceAll('{text}', words.length > 60 ? `${words.slice(0, 60)}…` : words);
  }
  return undefined;
}

// the kinds of signal that make a tool privileged whatever their weight (classify.ts decide)
const PRIVILEGE_KINDS = /^(issues-credential|grants-access|reveals):/;

function riskSentence(risk: Risk, verdict: Verdict, warnings: readonly DescriptionWarning[], policy: ToolPolicy, signals: readonly Signal[], decisive: DecisiveSignals, action: Action): string {
  const reasons: string[] = [];
  const labelled = (prefix: string) => signals.filter((s) => s.label.startsWith(prefix));
  if (warnings.some((w) => w.severity === 'poisoning')) reasons.push('its definition carries tool poisoning, text that tries to steer the model');
  if (warnings.some((w) => w.kind === 'conversation-collection')) reasons.push('a parameter asks for what the user said or what the model was told, and whatever a call passes there goes to the server');
  const code = decisive.category.filter((s) => CODE_LABELS.has(s.label));
  if (verdict.hostCode) reasons.push(because([...code, ...labelled('launch:')], 'execute') ?? 'whatever it runs executes with the server’s rights, so it can read, change or delete anything they reach');
  if (verdict.writeQuery && !verdict.hostCode) reasons.push(because(code.filter((s) => WRITABLE_QUERY_LABELS.has(s.label)), 'execute') ?? 'a query of the caller’s choosing can change or delete data');
  if (verdict.financial) reasons.push(because(decisive.financial, 'financial') ?? 'it moves money, which cannot be taken back by the agent');
  if (verdict.privileged) {
    const fallback = verdict.category === 'read' ? 'it hands over credentials, which grant access to whoever reads them' : 'it administers credentials or permissions, which decide who can reach what';
    // (a read is privileged only for what it hands over; a change, for what it administers)
    const deciding = verdict.category === 'read' ? signals.filter((s) => s.label.startsWith('reveals:')) : [...decisive.privileged, ...signals.filter((s) => s.effect === 'privileged' && (s.weight >= 1 || PRIVILEGE_KINDS.test(s.label)))];
    reasons.push(because(deciding, 'privileged') ?? fallback);
  }
  if (verdict.anyRequest && !verdict.hostCode) reasons.push(because(labelled('any-request:'), 'write') ?? 'it sends requests of the caller’s choosing to any path of the API it is signed in to, so it can do whatever that API allows');
  if (verdict.clusterConfig && !verdict.hostCode) reasons.push(because(labelled('cluster-config:'), 'execute') ?? 'configuration of the caller’s choosing on a cluster can run any workload there and change who may do what');
  if (!reasons.length) {
    if (verdict.destructiveScope === 'broad') reasons.push(because(decisive.destructive.filter((s) => s.effect === 'broad'), 'broad') ?? 'it can remove a container of many items or many items at once');
    else if (verdict.destructiveScope === 'item' && verdict.category !== 'read') reasons.push(because(decisive.destructive, 'destructive') ?? 'what it deletes or overwrites is gone as a whole');
    else if (verdict.bills && verdict.category === 'write') reasons.push(because(labelled('bills:'), 'write') ?? 'it creates or resizes something that is billed while it exists');
    else if (verdict.dumpsSecrets) reasons.push(because(labelled('phrase:dumps-secrets'), 'sensitive') ?? 'it returns every secret or variable of the place it reads at once, so one call hands over all of them');
    // (code or a query that did not make it host code or a writing query says nothing of the server's rights)
    else if (verdict.category === 'execute') reasons.push(because(labelled('phrase:runs-in-app'), 'execute') ?? because(decisive.category.filter((s) => !CODE_LABELS.has(s.label)), 'execute') ?? 'running things has effects beyond the call');
    else if (verdict.destructiveScope === 'in-place' && verdict.many === 'filter') reasons.push('one call can change many existing things');
    else if (verdict.destructiveScope === 'in-place') reasons.push('it changes one existing thing at a time, which can be set back');
    else if (verdict.category === 'write') reasons.push('what it adds is new and leaves existing data alone');
    else if (verdict.sensitive) reasons.push('what it returns may include secrets or personal data');
    else reasons.push('it only reads');
  }
  const fence = {
    allow: 'the policy allows it',
    limit: policy.rules.some((rule) => rule.conditions?.length) ? 'the policy limits how often it runs and checks its arguments' : 'the policy limits how often it runs',
    deny: 'the policy asks a human to approve each call',
    hide: 'the policy hides it from the agent',
  }[policy.choice];
  // what this tool does, in its own words, opens the why: two tools share it only when they do the same thing
  const phrase = actionPhrase(action);
  const opening = !phrase ? '' : action.verb ? `to ${phrase}, ` : `for ${phrase}, `;
  return `Risk ${risk}: ${opening}${reasons.join('; ')}; ${fence}.`;
}

const FLAG_SENTENCES = {
  destructive: { none: '', 'in-place': 'it changes or cancels existing things in place', item: 'it deletes or overwrites the whole of an item', broad: 'it can delete or overwrite many items, or a container of them' },
  financial: 'it moves money',
  openWorld: 'it reaches systems outside the server',
  sensitive: 'it handles secrets, credentials or personal data',
} as const;

export function rationaleFor(
  tool: McpTool,
  risk: Risk,
  verdict: Verdict,
  signals: readonly Signal[],
  warnings: readonly DescriptionWarning[],
  annotations: AnnotationComparison,
  operations: readonly Operation[],
  policy: ToolPolicy,
  confidence: number,
  decisive: DecisiveSignals = decisiveSignals(verdict, signals),
  server?: string,
): string[] {
  const sentences = [whatItDoes(tool), categorySentence(verdict, decisive), riskSentence(risk, verdict, warnings, policy, signals, decisive, actionOf(tool, server))];
  if (operations.length) {
    const deciding = operations.find((operation) => operation.decisive);
    const names = operations.slice(0, 8).map((operation) => operation.name).join(', ');
    const source = operations[0]!.where === 'description' ? 'its description lists' : `it fronts`;
    sentences.push(`Operations: ${source} ${operations.length} operations (${names}${operations.length > 8 ? ', …' : ''}); ${deciding ? `the riskiest, ${shortQuote(deciding.name)}, decides` : 'none is riskier than the rest of its definition'}.`);
  }
  if (verdict.destructive) sentences.push(`Destructive (${verdict.destructiveScope}): ${FLAG_SENTENCES.destructive[verdict.destructiveScope]}${decisive.destructive.length ? ` (${quoteList(decisive.destructive)})` : ''}.`);
  for (const flag of ['financial', 'openWorld', 'sensitive'] as const) {
    if (!verdict[flag]) continue;
    const quotes = decisive[flag];
    sentences.push(`${flag === 'openWorld' ? 'Open world' : flag[0]!.toUpperCase() + flag.slice(1)}: ${FLAG_SENTENCES[flag]}${quotes.length ? ` (${quoteList(quotes)})` : ''}.`);
  }
  for (const warning of warnings) {
    if (warning.severity === 'poisoning') {
      // what the text tries to make the model do, then the sentence itself (decoded when it was hidden)
      const said = warning.sentence ? `${warning.decoded ? 'hidden text, decoded: ' : ''}${shortQuote(warning.sentence.replace(/\s+/g, ' '))}` : shortQuote(warning.evidence.text);
      sentences.push(`Poisoning (${warning.kind}): the definition ${warning.message}: ${said} in the ${placeName(warning.evidence.where)}.`);
    } else if (warning.severity === 'high') {
      sentences.push(`Collects the conversation: the definition ${warning.message} (${shortQuote(warning.evidence.text)} in the ${placeName(warning.evidence.where)}).`);
    } else {
      sentences.push(`Note: ${warning.message} (${shortQuote(warning.evidence.text)} in the ${placeName(warning.evidence.where)}); this does not change the verdict.`);
    }
  }
  for (const contradiction of annotations.contradictions) sentences.push(contradiction.message);
  if (confidence < 0.5) sentences.push(`Unsure: the definition says little about what the tool does (confidence ${confidence.toFixed(2)}); read its description before relying on this verdict.`);
  return sentences;
}

/** The quotes a page highlights: the warnings' evidence and the signals that decided the verdict, nothing incidental. */
export function evidenceFor(verdict: Verdict, signals: readonly Signal[], warnings: readonly DescriptionWarning[], decisive: DecisiveSignals = decisiveSignals(verdict, signals)): Quote[] {
  const seen = new Set<string>();
  const quotes: Quote[] = [];
  const push = (quote: Quote) => {
    const key = `${quote.where}\u0000${quote.text}`;
    if (seen.has(key) || quotes.length >= 10) return;
    seen.add(key);
    quotes.push(quote);
  };
  for (const warning of warnings) if (warning.severity === 'poisoning') push(warning.evidence);
  for (const list of [decisive.category, decisive.destructive, decisive.financial, decisive.privileged, decisive.sensitive, decisive.openWorld]) {
    for (const s of list.length > 1 ? [...list].sort((a, b) => b.weight - a.weight) : list) push({ where: s.where, text: s.text });
  }
  return quotes;
}

