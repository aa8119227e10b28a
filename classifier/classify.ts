// One tool definition plus its server's context gives one Classification. Pure: no I/O.
// Every sentence, the badge and the policy come from the same record.
import type { AnnotationComparison, Category, Classification, DescriptionWarning, McpTool, Quote, Risk, Signal, SignalEffect } from '../data/schema.ts';
import { RISK_LEVELS } from '../data/schema.ts';
import { toolPolicy } from './policy.ts';
import { annotationSignals, nameSignals, parameterSignals, proseSignals, serverTraits, type ServerContext, type ServerTraits } from './signals.ts';
import { descriptionWarnings } from './warnings.ts';

/** Bumped whenever a change can alter any classification; cached results of other versions are redone. */
export const CLASSIFIER_VERSION = 'rules-3';

export interface ClassifyInput {
  tool: McpTool;
  fingerprint: string;
  server?: ServerContext;
  /** Precomputed traits of the server (saves work when classifying many tools of one server). */
  traits?: ServerTraits;
  /** Names of the server's tools (a reference to one of them is not a warning). */
  siblings?: ReadonlySet<string>;
}

// plain loops, not reduce/filter callbacks: these run for every signal of every tool
function sum(signals: Signal[], effect: SignalEffect, minWeight = 0): number {
  let total = 0;
  for (const s of signals) if (s.effect === effect && s.weight >= minWeight) total += s.weight;
  return total;
}

const has = (signals: Signal[], effect: SignalEffect, min = 0.01): boolean => sum(signals, effect) >= min;

function strongest(signals: Signal[], effect: SignalEffect): Signal | undefined {
  let best: Signal | undefined;
  for (const s of signals) if (s.effect === effect && (!best || s.weight > best.weight)) best = s;
  return best;
}

const CODE_PARAMETER_LABELS = new Set(['param:command', 'param:cmd', 'param:commands', 'param:shell', 'param:bash', 'param:script', 'param:python', 'param:code', 'param:javascript', 'param:js', 'param-text:runs-code']);
const STORING_VERBS = new Set(['verb:create', 'verb:save', 'verb:write', 'verb:update', 'verb:edit', 'verb:add', 'verb:set', 'verb:put', 'verb:store', 'verb:upload', 'verb:commit', 'verb:push', 'verb:insert', 'verb:upsert', 'verb:patch', 'verb:modify', 'verb:append', 'verb:replace']);

export interface Verdict {
  category: Category;
  destructive: boolean;
  financial: boolean;
  openWorld: boolean;
  sensitive: boolean;
  privileged: boolean;
  broad: boolean;
  hostCode: boolean;
}

/** Decides category and flags from the signals. */
export function decide(signals: Signal[]): Verdict {
  const fromName = signals.filter((s) => s.family === 'name');
  const negated = signals.some((s) => s.effect === 'negation' && s.family !== 'name');
  const nameNeutralized = fromName.some((s) => s.effect === 'negation');
  const strong = (effect: SignalEffect, from: Signal[] = signals) => sum(from, effect, 1.5);
  const read = sum(signals, 'read');
  let write = sum(signals, 'write') + 0.5 * sum(signals, 'messaging');
  let execute = sum(signals, 'execute');
  let strongWrite = strong('write');
  let strongExecute = strong('execute');
  if (negated) {
    // "read-only", "does not modify": the prose outweighs weak write hints, never the name's own verb
    write = sum(fromName, 'write');
    strongWrite = strong('write', fromName);
    const parameters = signals.filter((s) => s.family === 'parameter');
    execute = sum(fromName, 'execute') + sum(parameters, 'execute');
    strongExecute = strong('execute', fromName) + strong('execute', parameters);
  }
  // a parameter that takes a command or code to run makes the tool run it (`start_process(command)`),
  // unless the name says the code is only stored (`create_script`, `save_snippet`)
  const codeParameter = signals.some((s) => CODE_PARAMETER_LABELS.has(s.label) && s.weight >= 1.5);
  const stores = fromName.some((s) => s.effect === 'write' && s.weight >= 3 && STORING_VERBS.has(s.label));
  let category: Category;
  if (nameNeutralized && sum(fromName, 'write') === 0 && sum(fromName, 'execute') === 0) category = 'read';
  // a clear action outweighs reading (`get_or_create`, `run_query`); a side effect outweighs a read
  else if (strongExecute >= 2 && (strongExecute >= strongWrite || (codeParameter && !stores))) category = 'execute';
  else if (strongWrite >= 1.5 && strongWrite >= strongExecute) category = 'write';
  else if (execute > read && execute >= write) category = 'execute';
  else if (write > read) category = 'write';
  else category = 'read';

  // on a browser, UI or device server, changing the page or device is driving it
  if (category === 'write' && signals.some((s) => s.label === 'server:ui-automation')) category = 'execute';
  const changes = category !== 'read';
  const destructiveScore = sum(signals, 'destructive');
  const destructive = changes && !nameNeutralized && (destructiveScore >= 1.5 || (destructiveScore > 0 && sum(fromName, 'destructive') > 0));
  const financialScore = sum(signals, 'financial');
  // money moves when the name or the prose says so (charge, refund, payment…); an amount parameter alone is not enough
  const moneyWords = signals.filter((s) => s.effect === 'financial' && (s.family === 'name' || s.family === 'description' || s.family === 'title'));
  const financial = changes && !nameNeutralized && moneyWords.length > 0 && financialScore >= 1;
  const ui = signals.some((s) => s.label === 'server:ui-automation');
  // scripts on a browser or device server run in the page or app, not on the host
  const hostCode =
    category === 'execute' &&
    !ui &&
    signals.some((s) => (s.label === 'param:command' || s.label === 'param:cmd' || s.label === 'param:commands' || s.label === 'param:shell' || s.label === 'param:bash' || s.label === 'param:script' || s.label === 'param:python' || s.label === 'param-text:runs-code' || (s.label === 'phrase:runs-code' && /command|shell|bash|terminal|script|python/i.test(s.text)) || (s.label === 'param:code' && !signals.some((t) => t.label === 'server:ui-automation'))));
  const arbitrary = category === 'execute' && !negated && (hostCode || signals.some((s) => s.label === 'param:sql' || s.label === 'param:sql-query' || s.label === 'param:database-query' || s.label === 'phrase:arbitrary'));
  return {
    category,
    // code, commands or queries of the caller's choosing can delete anything
    destructive: destructive || arbitrary,
    financial,
    openWorld: has(signals, 'openWorld', 0.75) || (category === 'write' && has(signals, 'messaging', 2)),
    sensitive: has(signals, 'sensitive', 1),
    privileged: changes && has(fromName, 'privileged') && (has(fromName, 'write') || has(fromName, 'execute')),
    broad: destructive && (has(fromName, 'broad') || signals.some((s) => s.label === 'param:recursive' || s.label === 'param:force')),
    hostCode,
  };
}

export function riskOf(verdict: Verdict, warnings: DescriptionWarning[]): Risk {
  let level: number;
  if (verdict.category === 'read') level = verdict.sensitive ? 1 : 0;
  else if (verdict.category === 'write') level = verdict.destructive ? 2 : 1;
  else level = 2;
  if ((verdict.destructive && verdict.broad) || verdict.financial || verdict.privileged || verdict.hostCode) level = 3;
  if (warnings.length) level = Math.min(3, level + 1);
  return RISK_LEVELS[level]!;
}

export const BANDS: Record<Risk, [number, number]> = { low: [5, 29], medium: [30, 54], high: [55, 79], critical: [80, 100] };

function scoreOf(risk: Risk, verdict: Verdict, warnings: DescriptionWarning[], signals: Signal[]): number {
  const [low, high] = BANDS[risk];
  let score = low + 4;
  if (verdict.destructive) score += 5;
  if (verdict.broad) score += 4;
  if (verdict.financial) score += 5;
  if (verdict.privileged) score += 4;
  if (verdict.hostCode) score += 6;
  if (verdict.openWorld) score += 3;
  if (verdict.sensitive) score += 3;
  score += 4 * warnings.length;
  score += Math.min(4, signals.filter((s) => s.family === 'name' && s.weight >= 3).length);
  return Math.max(low, Math.min(high, Math.round(score)));
}

function confidenceOf(verdict: Verdict, signals: Signal[]): number {
  const scores = { read: sum(signals, 'read'), write: sum(signals, 'write'), execute: sum(signals, 'execute') };
  const top = scores[verdict.category];
  const others = Object.entries(scores).filter(([key]) => key !== verdict.category).map(([, value]) => value);
  const runnerUp = Math.max(0, ...others);
  const fromDefinition = signals.some((s) => s.family === 'name' || s.family === 'description' || s.family === 'title' || s.family === 'parameter');
  if (top === 0) return fromDefinition ? 0.4 : 0.25;
  const margin = (top - runnerUp) / (top + runnerUp);
  const strength = Math.min(1, top / 4);
  return Math.round(Math.max(0.2, Math.min(0.99, 0.35 + 0.35 * margin + 0.3 * strength)) * 100) / 100;
}

function compareAnnotations(tool: McpTool, verdict: Verdict, signals: Signal[]): AnnotationComparison {
  const declared = { ...tool.annotations };
  delete declared.title;
  const inferred = { readOnlyHint: verdict.category === 'read', destructiveHint: verdict.destructive, openWorldHint: verdict.openWorld };
  const contradictions: AnnotationComparison['contradictions'] = [];
  const quote = (effect: SignalEffect) => {
    const best = strongest(signals.filter((s) => s.family !== 'annotation'), effect);
    return best ? ` (“${best.text}” in the ${placeName(best.where)})` : '';
  };
  if (declared.readOnlyHint === true && !inferred.readOnlyHint) {
    contradictions.push({ hint: 'readOnlyHint', declared: true, inferred: false, message: `The server declares readOnlyHint: true, but the definition says the tool changes things${quote(verdict.category === 'execute' ? 'execute' : 'write')}.` });
  }
  if (declared.destructiveHint === false && inferred.destructiveHint) {
    contradictions.push({ hint: 'destructiveHint', declared: false, inferred: true, message: `The server declares destructiveHint: false, but the definition says the tool can delete or overwrite${quote('destructive')}.` });
  }
  if (declared.readOnlyHint === false && inferred.readOnlyHint && signals.some((s) => s.family !== 'annotation' && s.effect === 'read')) {
    contradictions.push({ hint: 'readOnlyHint', declared: false, inferred: true, message: `The server declares readOnlyHint: false, but nothing in the definition shows a side effect${quote('read')}.` });
  }
  if (declared.openWorldHint === false && inferred.openWorldHint) {
    contradictions.push({ hint: 'openWorldHint', declared: false, inferred: true, message: `The server declares openWorldHint: false, but the definition reaches outside systems${quote('openWorld')}.` });
  }
  return { declared, inferred, contradictions };
}

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
  const path = where.replace(/^inputSchema\./, '').replace(/\.properties\./g, '.').replace(/^properties\./, '');
  const [param, ...rest] = path.replace(/\.(description|enum)$/, '').split('.');
  const suffix = where.endsWith('.description') ? ' description' : where.endsWith('.enum') ? ' values' : '';
  return `parameter ${[param, ...rest].join('.')}${suffix}`;
}

const EFFECT_NAMES: Partial<Record<SignalEffect, string>> = {
  destructive: 'it can delete, overwrite or irreversibly change data',
  financial: 'it moves money',
  openWorld: 'it reaches systems outside the server',
  sensitive: 'it handles secrets, credentials or personal data',
};

/** A quote as the generated sentences show it: in curly quotes, cut at 80 characters. */
export function shortQuote(text: string): string {
  return `“${text.length > 80 ? `${text.slice(0, 80)}…` : text}”`;
}

function quoteList(signals: Signal[]): string {
  const seen = new Set<string>();
  const parts: string[] = [];
  for (const s of [...signals].sort((a, b) => b.weight - a.weight)) {
    const key = `${s.where}\u0000${s.text}`;
    if (seen.has(key)) continue;
    seen.add(key);
    parts.push(`${shortQuote(s.text)} in the ${placeName(s.where)}`);
    if (parts.length === 3) break;
  }
  return parts.join('; ');
}

const CATEGORY_MEANING: Record<Category, string> = {
  read: 'it only retrieves or observes, with no side effect',
  write: 'it creates, changes or deletes stored data or state, or sends something to someone',
  execute: 'it runs code, commands, queries or workflows, or drives a browser, UI or device',
};

function riskReason(risk: Risk, verdict: Verdict, warnings: DescriptionWarning[]): string {
  const reasons: string[] = [];
  if (verdict.hostCode) reasons.push('it runs arbitrary code or commands on the host');
  if (verdict.financial) reasons.push('it moves money');
  if (verdict.privileged) reasons.push('it administers privileges or credentials');
  if (verdict.destructive && verdict.broad) reasons.push('it is destructive with a broad scope');
  else if (verdict.destructive) reasons.push('it is a destructive change');
  if (!reasons.length) {
    if (verdict.category === 'execute') reasons.push('it executes actions');
    else if (verdict.category === 'write') reasons.push('it changes state');
    else if (verdict.sensitive) reasons.push('it reads sensitive data');
    else reasons.push('it only reads');
  }
  if (warnings.length) reasons.push(`its definition carries ${warnings.length === 1 ? 'a warning' : `${warnings.length} warnings`}, which raises the level by one`);
  return `Risk ${risk}: ${reasons.join('; ')}.`;
}

export function rationaleFor(category: Category, risk: Risk, verdict: Verdict, signals: Signal[], warnings: DescriptionWarning[], annotations: AnnotationComparison): string[] {
  const sentences: string[] = [];
  const categorySignals = signals.filter((s) => s.effect === category || (category === 'read' && s.effect === 'negation') || (category === 'write' && s.effect === 'messaging'));
  sentences.push(
    categorySignals.length
      ? `Category ${category}: ${CATEGORY_MEANING[category]}, from ${quoteList(categorySignals)}.`
      : `Category ${category}: nothing in the definition shows a side effect or an action, so it is taken to only retrieve or observe.`,
  );
  for (const flag of ['destructive', 'financial', 'openWorld', 'sensitive'] as const) {
    if (!verdict[flag]) continue;
    const flagSignals = signals.filter((s) => s.effect === flag || (flag === 'openWorld' && s.effect === 'messaging'));
    sentences.push(`${flag === 'openWorld' ? 'Open world' : flag[0]!.toUpperCase() + flag.slice(1)}: ${EFFECT_NAMES[flag]}${flagSignals.length ? `, from ${quoteList(flagSignals)}` : ''}.`);
  }
  sentences.push(riskReason(risk, verdict, warnings));
  for (const warning of warnings) sentences.push(`Warning: ${warning.message} (“${warning.evidence.text.slice(0, 80)}” in the ${placeName(warning.evidence.where)}).`);
  for (const contradiction of annotations.contradictions) sentences.push(contradiction.message);
  return sentences;
}

function evidenceFor(signals: Signal[], warnings: DescriptionWarning[]): Quote[] {
  const seen = new Set<string>();
  const quotes: Quote[] = [];
  const push = (quote: Quote) => {
    const key = `${quote.where}\u0000${quote.text}`;
    if (seen.has(key) || quotes.length >= 12) return;
    seen.add(key);
    quotes.push(quote);
  };
  for (const warning of warnings) push(warning.evidence);
  for (const s of [...signals].sort((a, b) => b.weight - a.weight)) if (s.weight > 0) push({ where: s.where, text: s.text });
  return quotes;
}

/** All signals for a tool: name, title, description, parameters, server context, annotations. */
export function collectSignals(tool: McpTool, traits: ServerTraits): Signal[] {
  const signals: Signal[] = [...nameSignals(tool.name, traits)];
  if (tool.title) signals.push(...proseSignals(tool.title, 'title', traits));
  if (tool.annotations?.title && tool.annotations.title !== tool.title) {
    // an annotation title is still the server's own words about the tool; counted like a title
    signals.push(...proseSignals(tool.annotations.title, 'title', traits).map((s) => ({ ...s, where: 'annotations.title' as const })));
  }
  if (tool.description) signals.push(...proseSignals(tool.description, 'description', traits));
  signals.push(...parameterSignals(tool, traits));
  signals.push(...annotationSignals(tool));
  if (traits.ui || traits.database) {
    for (const s of traits.signals) signals.push({ ...s, weight: 0 });
  }
  return signals;
}

export function classifyTool(input: ClassifyInput): Classification {
  const { tool } = input;
  const traits = input.traits ?? serverTraits(input.server);
  const signals = collectSignals(tool, traits);
  const warnings = descriptionWarnings(tool, input.siblings);
  const verdict = decide(signals);
  const risk = riskOf(verdict, warnings);
  const annotations = compareAnnotations(tool, verdict, signals);
  return {
    tool: tool.name,
    fingerprint: input.fingerprint,
    category: verdict.category,
    destructive: verdict.destructive,
    financial: verdict.financial,
    openWorld: verdict.openWorld,
    sensitive: verdict.sensitive,
    warnings,
    risk,
    score: scoreOf(risk, verdict, warnings, signals),
    confidence: confidenceOf(verdict, signals),
    signals,
    rationale: rationaleFor(verdict.category, risk, verdict, signals, warnings, annotations),
    evidence: evidenceFor(signals, warnings),
    annotations,
    policy: toolPolicy(tool, { risk, financial: verdict.financial, warned: warnings.length > 0, category: verdict.category }),
  };
}
