// Trains the learned scorer (classifier/scorer.ts) and measures it source by source.
//
//   npm run train-scorer -- [--public <file>] [--loso] [--write]
//
// Positives: the project's poisoned sets (tests/poisoning/poisoned-*.json) and, when given, a public
// corpus of poisoned definitions (`[{id, source, attack, tool}]`, read where it lies, never copied).
// Negatives: every real tool in data/crawled/ and the project's hard negatives (benign-*.json).
// The threshold is set on real tools the model did not see (five folds by server) for at most 0.2%
// of them flagged (0.1% stopped 7 fewer of 318 never-trained attacks for no fewer hard negatives flagged; 0.5% flags 4
// more of those 197 hard negatives for 12 more attacks). --loso trains once per source without it (each public repository, each own batch
// with its hard negatives) and prints what the model and the rules catch of it; --write saves the
// model trained on everything to classifier/rules/scorer.json, with its leave-one-source-out figures.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { CrawlSnapshotSchema, type McpTool } from '../data/schema.ts';
import { classifyTool } from './classify.ts';
import { withoutRules } from './engine/data-rules.ts';
import { ruleSet } from './engine/registry.ts';
import { definition, fenced, stopped } from './eval-poisoning.ts';
import { isAnalyser } from './poisoning.ts';
import { SCORER_BITS, scorerFeatures, type ScorerModel } from './scorer.ts';

const ROOT = resolve(fileURLToPath(import.meta.url), '../..');
/** The false-flag rate on real tools the threshold is set for. */
export const FALSE_FLAG_RATE = 0.002;

export interface Example {
  id: string;
  tool: McpTool;
  siblings: ReadonlySet<string>;
  poisoned: boolean;
  /** Where it comes from: `public:owner/repo`, `own:dev2` (a batch, poisoned and benign together), `real:3` (a fold of real tools). */
  group: string;
  buckets: Int32Array;
  /** Whether the rules fence it (a poisoning warning, critical, hidden). */
  rules: boolean;
  /** A scanner's or classifier's definition, which the scorer does not read (warnings.ts). */
  analyser: boolean;
  /** The clean part of an attack, made a negative (not a hard negative anyone wrote; never counted in the figures). */
  topic?: true;
}


/** A seeded generator (mulberry32), so a training run is the same every time. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function example(id: string, raw: unknown, siblings: readonly string[], poisoned: boolean, group: string): Example | undefined {
  const tool = definition(raw);
  if (!tool) return undefined;
  const siblingSet = new Set(siblings);
  const classification = classifyTool({ tool, fingerprint: 'train', siblings: siblingSet });
  const notes = classification.warnings.filter((warning) => warning.severity === 'note').map((warning) => warning.kind);
  const buckets = Int32Array.from(new Set(scorerFeatures(tool, notes).values()));
  return { id, tool, siblings: siblingSet, poisoned, group, buckets, rules: caughtByRules(classification, poisoned), analyser: isAnalyser(tool) };
}

/** The rules' verdict alone (the learned scorer's own warning is not the rules'): fenced, or for an attack, stopped. */
function caughtByRules(classification: ReturnType<typeof classifyTool>, poisoned: boolean): boolean {
  return (fenced(classification) && classification.warnings.some((warning) => warning.severity === 'poisoning' && warning.rule !== 'learned-scorer')) || (poisoned && !fenced(classification) && stopped(classification));
}

/** The rules that name a source as what they were written from (a rule's `source`). */
function rulesWrittenFrom(source: string): Set<string> {
  return new Set(ruleSet().rules.filter((rule) => rule.source?.includes(source)).map((rule) => rule.id));
}

/**
 * The clean part of an attack, as a negative of its own source: its name, the first sentence of its description and its
 * parameters' names, when the rules find nothing in them. Attacks are written on a few favourite subjects (weather,
 * calculators, email), and without these the model learns the subject ("forecast", "city") as a sign of attack.
 */
function topicOf(attack: Example): Example[] {
  const { name, description, inputSchema } = attack.tool;
  const first = /^[^.!?\n。！？]*[.!?。！？]?/.exec(description ?? '')?.[0]?.trim() ?? '';
  const properties = Object.fromEntries(Object.keys((inputSchema as { properties?: Record<string, unknown> }).properties ?? {}).map((key) => [key, { type: 'string' }]));
  const made = example(`${attack.id} (its subject)`, { name, ...(first ? { description: first } : {}), inputSchema: { type: 'object', properties } }, [...attack.siblings], false, attack.group);
  return made && !made.rules ? [{ ...made, topic: true }] : [];
}

/** A set to measure: `[{id, tool, siblings?, attack?}]`, benign where `attack` is "benign" or the file's name starts with `benign`. */
function measuredSet(file: string): Example[] {
  const benignFile = /(^|\/)benign[^/]*$/.test(file);
  const items = JSON.parse(readFileSync(file, 'utf8')) as { id: string; attack?: string; siblings?: string[]; tool: unknown }[];
  return items.flatMap((item) => example(item.id, item.tool, item.siblings ?? [], !benignFile && item.attack !== 'benign', `measured:${file}`) ?? []);
}

/** Every example: own sets, the public corpus when given, real tools in five folds by server. */
export function loadExamples(publicFile?: string): Example[] {
  const examples: Example[] = [];
  const dir = join(ROOT, 'tests', 'poisoning');
  for (const file of readdirSync(dir).filter((name) => /^(poisoned|benign)-[\w-]+\.json$/.test(name)).sort()) {
    const poisoned = file.startsWith('poisoned-');
    const batch = file.replace(/^(poisoned|benign)-/, '').replace(/\.json$/, '');
    for (const item of JSON.parse(readFileSync(join(dir, file), 'utf8')) as { id: string; siblings?: string[]; tool: unknown }[]) {
      const made = example(item.id, item.tool, item.siblings ?? [], poisoned, `own:${batch}`);
      if (made) examples.push(made);
      if (made?.poisoned) examples.push(...topicOf(made));
    }
  }
  if (publicFile) {
    for (const item of JSON.parse(readFileSync(publicFile, 'utf8')) as { id: string; source: string; attack?: string; tool: unknown }[]) {
      const made = example(item.id, item.tool, [], item.attack !== 'benign', `public:${item.source.split(':')[0]}`);
      if (made) examples.push(made);
      if (made?.poisoned) examples.push(...topicOf(made));
    }
  }
  const crawled = join(ROOT, 'data', 'crawled');
  for (const name of readdirSync(crawled).filter((file) => file.endsWith('.json')).sort()) {
    const snapshot = CrawlSnapshotSchema.parse(JSON.parse(readFileSync(join(crawled, name), 'utf8')));
    const siblings = snapshot.tools.map((tool) => tool.name);
    // (a server's tools stay in one fold: a model never sees a server it is measured on)
    let fold = 0;
    for (let i = 0; i < snapshot.name.length; i++) fold = (fold * 31 + snapshot.name.charCodeAt(i)) % 5;
    for (const tool of snapshot.tools) {
      const made = example(`${snapshot.name} ${tool.name}`, tool, siblings, false, `real:${fold}`);
      if (made) examples.push(made);
    }
  }
  return examples;
}

interface Trained {
  bias: number;
  weights: Float32Array;
}

// (hard negatives, written to look like attacks, weigh as much as eight real tools each: at 1 the model flagged 7% of them)
const HARD_NEGATIVE_WEIGHT = 8;
/**
 * Own batches kept out of every training, so that `npm run eval` measures the shipped model on them as on sets it never
 * saw: blind batches written before the rules and the model they measure (holdout13 and holdout14 before the scorer,
 * holdout20 and holdout21 after the rules written on holdout17, holdout22 after those written on holdout18 and holdout19, holdout23 after those written on wip17 to wip19, holdout24 on 2026-11-30 after them, holdout25 after the rules of that day; holdout23 is a development set of the rules since).
 */
// (wip17 to wip20 are development sets of the rules; training on wip17 to wip19 lowered detection on the never-trained sets at
// the same false-flag rate, 294 to 286 of their 378 attacks, and training on wip20 raised the threshold and lowered it again,
// 262 to 249 of 360 with 2 more of 240 hard negatives flagged, so the weights were not trained on them)
export const NEVER_TRAINED = new Set(['own:holdout13', 'own:holdout14', 'own:holdout20', 'own:holdout21', 'own:holdout22', 'own:holdout23', 'own:holdout24', 'own:holdout25', 'own:wip17', 'own:wip18', 'own:wip19', 'own:wip20']);
const UNTRAINED: ReadonlySet<string> = NEVER_TRAINED;

/** Logistic regression by AdaGrad over binary features, positives weighted up to balance the classes. */
export function train(all: readonly Example[], seed = 1): Trained {
  const examples = all.filter((item) => !UNTRAINED.has(item.group));
  const size = 1 << SCORER_BITS;
  const weights = new Float32Array(size);
  const squares = new Float32Array(size).fill(1e-8);
  let bias = 0;
  let biasSquares = 1e-8;
  const positives = examples.filter((item) => item.poisoned).length;
  const positiveWeight = Math.min(50, (examples.length - positives) / Math.max(1, positives));
  const order = examples.map((_, i) => i);
  const next = random(seed);
  const rate = 0.2;
  const l2 = 1e-4;
  for (let epoch = 0; epoch < 12; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const at of order) {
      const item = examples[at]!;
      let sum = bias;
      for (const bucket of item.buckets) sum += weights[bucket]!;
      const p = 1 / (1 + Math.exp(-sum));
      const gradient = (p - (item.poisoned ? 1 : 0)) * (item.poisoned ? positiveWeight : item.group.startsWith('real:') ? 1 : HARD_NEGATIVE_WEIGHT);
      for (const bucket of item.buckets) {
        const g = gradient + l2 * weights[bucket]!;
        squares[bucket]! += g * g;
        weights[bucket]! -= (rate * g) / Math.sqrt(squares[bucket]!);
      }
      biasSquares += gradient * gradient;
      bias -= (rate * gradient) / Math.sqrt(biasSquares);
    }
  }
  return prune({ bias, weights });
}

/** How many weights a model keeps: the strongest, so the weights file stays small (the rest are set to 0 before any measuring). */
export const KEPT_WEIGHTS = 20_000;
function prune(model: Trained): Trained {
  const strengths = Float32Array.from(model.weights, Math.abs).sort().reverse();
  const floor = strengths[KEPT_WEIGHTS] ?? 0;
  const weights = model.weights.map((value) => (Math.abs(value) > floor ? value : 0));
  return { bias: model.bias, weights };
}

export function score(model: Trained, item: Example): number {
  let sum = model.bias;
  for (const bucket of item.buckets) sum += model.weights[bucket]!;
  return 1 / (1 + Math.exp(-sum));
}

/** The lowest score that flags at most `rate` of the given real tools' scores. */
export function thresholdFor(realScores: readonly number[], rate = FALSE_FLAG_RATE): number {
  const sorted = [...realScores].sort((a, b) => b - a);
  const allowed = Math.floor(rate * sorted.length);
  // (flag only above the highest score past the allowance)
  return Math.min(1, (sorted[allowed] ?? 0) + 1e-9);
}

/** Scores of every real tool by a model trained without its fold, and the threshold they give. */
export function outOfFoldThreshold(examples: readonly Example[], rate = FALSE_FLAG_RATE): { threshold: number; realScores: number[] } {
  const realScores: number[] = [];
  for (let fold = 0; fold < 5; fold++) {
    const model = train(examples.filter((item) => item.group !== `real:${fold}`));
    for (const item of examples) if (item.group === `real:${fold}`) realScores.push(score(model, item));
  }
  return { threshold: thresholdFor(realScores, rate), realScores };
}

export interface SourceResult {
  source: string;
  poisoned: number;
  byRules: number;
  byModel: number;
  byEither: number;
  benign: number;
  benignByRules: number;
  benignByModel: number;
  realFlagged: number;
  realTotal: number;
  benignByEither: number;
  /** Attacks the rules catch with the rules written from this source left out; undefined when no rule names it. */
  byOtherRules?: number;
  /** How many rules name this source. */
  ownRules: number;
}

/**
 * Leave one source out: for each source, five models trained without it, each also without one fold of real tools.
 * The threshold comes from the five folds' scores pooled (each real tool scored by the model that did not see it); a
 * held-out definition counts as flagged when at least three of the five models flag it.
 */
export function leaveOneSourceOut(examples: readonly Example[], rate = FALSE_FLAG_RATE): SourceResult[] {
  const sources = [...new Set(examples.filter((item) => !item.group.startsWith('real:')).map((item) => item.group))].sort();
  return sources.map((source) => {
    const held = examples.filter((item) => item.group === source);
    const votes = new Map<Example, number>();
    const realScores: number[] = [];
    const heldScores: number[][] = [];
    for (let fold = 0; fold < 5; fold++) {
      const model = train(examples.filter((item) => item.group !== source && item.group !== `real:${fold}`));
      for (const item of examples) if (item.group === `real:${fold}`) realScores.push(score(model, item));
      heldScores.push(held.map((item) => score(model, item)));
    }
    const threshold = thresholdFor(realScores, rate);
    held.forEach((item, i) => votes.set(item, heldScores.filter((scores) => scores[i]! >= threshold).length));
    const flags = (item: Example) => !item.analyser && (votes.get(item) ?? 0) >= 3;
    const poisoned = held.filter((item) => item.poisoned);
    const benign = held.filter((item) => !item.poisoned && !item.topic);
    // (and the rules without those written from this source: each attack classified again with them left out)
    const own = rulesWrittenFrom(source);
    const byOtherRules = own.size ? withoutRules(own, () => poisoned.filter((item) => caughtByRules(classifyTool({ tool: item.tool, fingerprint: 'train', siblings: item.siblings }), true)).length) : undefined;
    return {
      source,
      ownRules: own.size,
      ...(byOtherRules === undefined ? {} : { byOtherRules }),
      poisoned: poisoned.length,
      byRules: poisoned.filter((item) => item.rules).length,
      byModel: poisoned.filter(flags).length,
      byEither: poisoned.filter((item) => item.rules || flags(item)).length,
      benign: benign.length,
      benignByRules: benign.filter((item) => item.rules).length,
      benignByModel: benign.filter(flags).length,
      benignByEither: benign.filter((item) => item.rules || flags(item)).length,
      realFlagged: realScores.filter((value) => value >= threshold).length,
      realTotal: realScores.length,
    };
  });
}

/** The model as a weights file: its non-zero weights only, ×1000. */
export function packModel(model: Trained, threshold: number, trainedOn: string, rate = FALSE_FLAG_RATE): ScorerModel {
  const index: number[] = [];
  const weight: number[] = [];
  model.weights.forEach((value, bucket) => {
    if (value !== 0) {
      index.push(bucket);
      weight.push(Math.round(value * 1000));
    }
  });
  return { trainedOn, bits: SCORER_BITS, bias: Math.round(model.bias * 1000) / 1000, threshold: Number(threshold.toFixed(6)), falseFlagRate: rate, index, weight };
}

function percent(part: number, whole: number): string {
  return whole ? `${part}/${whole} (${((100 * part) / whole).toFixed(1)}%)` : '—';
}

/** The leave-one-source-out table, in Markdown. */
export function formatLeaveOneSourceOut(rows: readonly SourceResult[], rate = FALSE_FLAG_RATE): string {
  const lines = [
    `Leave one source out (for each source, five models trained without it and without one fold of real tools each; threshold for ≤ ${(100 * rate).toFixed(2)}% ` +
      'of real tools out of fold; flagged when three of the five flag; the rules as they are, tuned on the own development batches and the public corpus):',
    '| source | poisoned | rules | rules without those written from it | model | rules or model | hard negatives flagged: rules / model | real tools flagged by the model |',
    '|---|---:|---:|---:|---:|---:|---:|---:|',
  ];
  const totals = { poisoned: 0, byRules: 0, byModel: 0, byEither: 0, benign: 0, benignByRules: 0, benignByModel: 0 };
  for (const row of rows) {
    totals.poisoned += row.poisoned;
    totals.byRules += row.byRules;
    totals.byModel += row.byModel;
    totals.byEither += row.byEither;
    totals.benign += row.benign;
    totals.benignByRules += row.benignByRules;
    totals.benignByModel += row.benignByModel;
    const without = row.byOtherRules === undefined ? 'no rule names it' : `${percent(row.byOtherRules, row.poisoned)} (${row.ownRules} rules out)`;
    lines.push(`| ${row.source} | ${row.poisoned} | ${percent(row.byRules, row.poisoned)} | ${without} | ${percent(row.byModel, row.poisoned)} | ${percent(row.byEither, row.poisoned)} | ${row.benignByRules} / ${row.benignByModel} of ${row.benign} | ${percent(row.realFlagged, row.realTotal)} |`);
  }
  lines.push(`| all | ${totals.poisoned} | ${percent(totals.byRules, totals.poisoned)} | | ${percent(totals.byModel, totals.poisoned)} | ${percent(totals.byEither, totals.poisoned)} | ${totals.benignByRules} / ${totals.benignByModel} of ${totals.benign} | |`);
  return lines.join('\n');
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { public: { type: 'string' }, loso: { type: 'boolean' }, write: { type: 'boolean' }, rate: { type: 'string' }, measure: { type: 'string', multiple: true } }, strict: true });
  const rate = values.rate === undefined ? FALSE_FLAG_RATE : Number(values.rate);
  if (!(rate > 0 && rate < 1)) throw new Error(`--rate ${values.rate}: a share of real tools between 0 and 1, such as 0.005`);
  const started = Date.now();
  const examples = loadExamples(values.public ?? process.env.TOOLRISK_PUBLIC_CORPUS);
  const positives = examples.filter((item) => item.poisoned).length;
  console.log(`${examples.length} examples (${positives} poisoned), features in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (values.loso) console.log(`\n${formatLeaveOneSourceOut(leaveOneSourceOut(examples, rate), rate)}`);
  if (values.measure?.length) {
    // sets the model never saw: trained on everything, flagged from the out-of-fold threshold
    // (an own batch being measured is left out of the training)
    const measuredBatches = new Set(values.measure.map((file) => `own:${file.replace(/^.*\//, '').replace(/^(poisoned|benign)-/, '').replace(/\.json$/, '')}`));
    const training = examples.filter((item) => !measuredBatches.has(item.group));
    const { threshold } = outOfFoldThreshold(training, rate);
    const model = train(training);
    console.log(`\nSets never trained on (threshold ${threshold.toFixed(4)}, for ≤ ${(100 * rate).toFixed(2)}% of real tools out of fold):`);
    for (const file of values.measure) {
      const held = measuredSet(file);
      const poisoned = held.filter((item) => item.poisoned);
      const benign = held.filter((item) => !item.poisoned);
      const flags = (item: Example) => !item.analyser && score(model, item) >= threshold;
      const count = (items: Example[], flagged: (item: Example) => boolean) => percent(items.filter(flagged).length, items.length);
      const either = (item: Example) => item.rules || flags(item);
      console.log(`  ${file}: poisoned ${poisoned.length}: rules ${count(poisoned, (item) => item.rules)}, model ${count(poisoned, flags)}, either ${count(poisoned, either)}`);
      console.log(`    benign ${benign.length} flagged: rules ${count(benign, (item) => item.rules)}, model ${count(benign, flags)}, either ${count(benign, either)}`);
    }
  }
  if (values.write) {
    const { threshold, realScores } = outOfFoldThreshold(examples, rate);
    const model = train(examples);
    const trained = examples.filter((item) => !UNTRAINED.has(item.group));
    const sources = [...new Set(trained.map((item) => (item.group.startsWith('real:') ? 'real tools of data/crawled' : item.group)))].sort();
    const packed = packModel(model, threshold, `${trained.length} definitions (${trained.filter((item) => item.poisoned).length} poisoned): ${sources.join(', ')}`, rate);
    // (the figures the site publishes beside the weights they describe)
    packed.leaveOneSourceOut = leaveOneSourceOut(examples, rate).map((row) => ({
      source: row.source,
      poisoned: row.poisoned,
      byRules: row.byRules,
      ...(row.byOtherRules === undefined ? {} : { byOtherRules: row.byOtherRules }),
      byEither: row.byEither,
      benign: row.benign,
      benignFlagged: row.benignByEither,
    }));
    const file = join(ROOT, 'classifier', 'rules', 'scorer.json');
    writeFileSync(file, `${JSON.stringify(packed)}\n`);
    const flagged = realScores.filter((value) => value >= threshold).length;
    console.log(`\nwrote ${file}: ${packed.index.length} weights, threshold ${packed.threshold} (out of fold, ${flagged}/${realScores.length} real tools at or above it)`);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
