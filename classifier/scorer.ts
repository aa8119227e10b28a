// The learned scorer: a logistic model over hashed words, word pairs, word stems and parameter-name
// parts of every text a model reads in a definition, beside the rules. It is trained by
// classifier/scorer-train.ts (`npm run train-scorer`) and its weights are data
// (classifier/rules/scorer.json). It reads the same texts as the rules (engine/texts.ts) with the same
// words (engine/texts.ts' modelWords; Chinese, Japanese and Korean runs as pairs of characters).
import type { McpTool } from '../data/schema.ts';
import { SPACELESS_SCRIPT as CJK, modelTexts, modelWords } from './engine/texts.ts';
import { parameterNodes, schemaWalk } from './engine/schema.ts';
import { splitIdentifier } from './words.ts';

/** Hashed feature space: 2^18 buckets. */
export const SCORER_BITS = 18;
const MASK = (1 << SCORER_BITS) - 1;

/** The weights file: a bias, a threshold and the non-zero weights by bucket. */
export interface ScorerModel {
  /** What it was trained on, in words. */
  trainedOn: string;
  bits: number;
  bias: number;
  /** The score (a probability) at or above which a tool is flagged. */
  threshold: number;
  /** The false-flag rate on real tools the threshold was set for, measured out of fold. */
  falseFlagRate: number;
  /** Bucket indices, ascending, and their weights (×1000, rounded). */
  index: number[];
  weight: number[];
  /**
   * Leave one source out, measured when these weights were written: per source of attacks, how many there are, how many
   * the rules stop, and how many the rules or a model trained without that source stop; its hard negatives and how many
   * either flags. Published on /methodology/.
   */
  leaveOneSourceOut?: { source: string; poisoned: number; byRules: number; byOtherRules?: number; byEither: number; benign: number; benignFlagged: number }[];
}

/** FNV-1a over a namespace and a string, or two strings joined by a space (a pair: no joined string is made). */
function hash(space: string, text: string, second?: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < space.length; i++) h = Math.imul(h ^ space.charCodeAt(i), 0x01000193);
  h = Math.imul(h ^ 0x3a, 0x01000193);
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  if (second !== undefined) {
    h = Math.imul(h ^ 0x20, 0x01000193);
    for (let i = 0; i < second.length; i++) h = Math.imul(h ^ second.charCodeAt(i), 0x01000193);
  }
  return (h >>> 0) & MASK;
}

/** The words of a text as the scorer reads them: a run of Han, kana or Hangul as its pairs of characters (no spaces part its words). */
function scorerWords(words: readonly string[]): readonly string[] {
  if (!words.some((word) => CJK.test(word))) return words;
  const out: string[] = [];
  for (const word of words) {
    if (CJK.test(word) && word.length > 1) for (let i = 0; i + 1 < word.length; i++) out.push(word.slice(i, i + 2));
    else out.push(word);
  }
  return out;
}

const VALUE_PLACE = /\.(default|enum|examples|const|example)(\.|$)/;

/** Every feature of a definition, handed to `emit` as a namespace and a word or a pair of words (repeats included). */
function visitFeatures(tool: McpTool, notes: readonly string[], emit: (space: string, text: string, second?: string) => void): void {
  let length = 0;
  const textWords = modelWords(tool);
  for (const [at, { where }] of modelTexts(tool).texts.entries()) {
    // (values — defaults, enum members, examples — are data; words there count apart from prose)
    const value = VALUE_PLACE.test(where);
    const words = scorerWords(textWords[at]!);
    length += words.length;
    for (let i = 0; i < words.length; i++) {
      const word = words[i]!;
      // (words of one or two letters — "a", "to", "of" — say nothing alone; they count in pairs)
      if (word.length > 2 || CJK.test(word)) emit(value ? 'v' : 'w', word);
      if (word.length > 5) emit('s', word.slice(0, 5));
      if (i > 0) emit(value ? 'vb' : 'b', words[i - 1]!, word);
    }
  }
  // the parameters' names, in parts ("system_prompt_copy": system, prompt, copy, and "system prompt")
  for (const root of [tool.inputSchema, tool.outputSchema]) {
    if (!root) continue;
    for (const node of parameterNodes(schemaWalk(root, root === tool.inputSchema ? 'inputSchema' : 'outputSchema'))) {
      const parts = splitIdentifier(node.name ?? '').map((token) => token.word);
      for (let i = 0; i < parts.length; i++) {
        emit('p', parts[i]!);
        if (i > 0) emit('pb', parts[i - 1]!, parts[i]!);
      }
    }
  }
  for (const note of notes) emit('note', note);
  // how long the definition is, in steps of doubling (a long text has more of every word: the model weighs that apart)
  emit('len', String(Math.floor(Math.log2(length + 1))));
}

/** Every feature of a definition, as `space:text` → bucket (the strings are kept for training and for the evidence). */
export function scorerFeatures(tool: McpTool, notes: readonly string[] = []): Map<string, number> {
  const features = new Map<string, number>();
  visitFeatures(tool, notes, (space, text, second) => {
    const key = second === undefined ? `${space}:${text}` : `${space}:${text} ${second}`;
    if (!features.has(key)) features.set(key, hash(space, text, second));
  });
  return features;
}

/** The buckets of a definition's features, each once: what a score sums (no strings kept). */
export function scorerBuckets(tool: McpTool, notes: readonly string[] = []): Set<number> {
  const buckets = new Set<number>();
  visitFeatures(tool, notes, (space, text, second) => buckets.add(hash(space, text, second)));
  return buckets;
}

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

/** Weights by bucket, unpacked once per model. */
const UNPACKED = new WeakMap<ScorerModel, Float32Array>();
function weightsOf(model: ScorerModel): Float32Array {
  let weights = UNPACKED.get(model);
  if (!weights) {
    weights = new Float32Array(1 << model.bits);
    model.index.forEach((bucket, i) => (weights![bucket] = model.weight[i]! / 1000));
    UNPACKED.set(model, weights);
  }
  return weights;
}

export interface ScorerVerdict {
  score: number;
  flagged: boolean;
  /** The features that raised the score most, strongest first (`w:exfiltrate`, `b:silently send`). */
  raisedBy: string[];
}

/** The model's score for a definition, and the features that raised it. */
export function scoreTool(model: ScorerModel, tool: McpTool, notes: readonly string[] = []): ScorerVerdict {
  const weights = weightsOf(model);
  let sum = model.bias;
  for (const bucket of scorerBuckets(tool, notes)) sum += weights[bucket]!;
  const score = sigmoid(sum);
  // (the words behind the score are worked out only for a definition it flags: most are not)
  if (score < model.threshold) return { score, flagged: false, raisedBy: [] };
  const raised: [string, number][] = [];
  for (const [feature, bucket] of scorerFeatures(tool, notes)) if (weights[bucket]! > 0) raised.push([feature, weights[bucket]!]);
  raised.sort((a, b) => b[1] - a[1]);
  // (what raised it, in words a reader can weigh: short common words, which every long text has, are left out of the list)
  const telling = raised.filter(([feature]) => feature.length - feature.indexOf(':') > 4);
  return { score, flagged: true, raisedBy: telling.slice(0, 6).map(([feature]) => feature) };
}
