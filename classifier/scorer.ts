// The learned scorer: a logistic model over hashed words, word pairs, word stems and parameter-name
// parts of every text a model reads in a definition, beside the rules. It is trained by
// classifier/scorer-train.ts (`npm run train-scorer`) and its weights are data
// (classifier/rules/scorer.json). It reads the same texts as the rules (engine/texts.ts) with the same
// words (runs of letters and digits; Chinese, Japanese and Korean runs as pairs of characters).
import type { McpTool } from '../data/schema.ts';
import { modelTexts } from './engine/texts.ts';
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
  leaveOneSourceOut?: { source: string; poisoned: number; byRules: number; byEither: number; benign: number; benignFlagged: number }[];
}

// (a word of a text: letters and digits, as the data rules read words)
const WORD = /[\p{L}\p{N}]+/gu;
// (a run of Han, kana or Hangul: read as pairs of characters, since no spaces part its words)
const CJK = /[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]/;

/** FNV-1a over a namespace and a string. */
function hash(space: string, text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < space.length; i++) h = Math.imul(h ^ space.charCodeAt(i), 0x01000193);
  h = Math.imul(h ^ 0x3a, 0x01000193);
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0) & MASK;
}

/** The words of a text, lower case; a CJK run as its pairs of characters. */
function wordsOf(text: string): string[] {
  const out: string[] = [];
  for (const match of text.toLowerCase().matchAll(WORD)) {
    const word = match[0];
    if (CJK.test(word) && word.length > 1) for (let i = 0; i + 1 < word.length; i++) out.push(word.slice(i, i + 2));
    else out.push(word);
  }
  return out;
}

/** Every feature of a definition, as `space:text` → bucket (the strings are kept for the evidence). */
export function scorerFeatures(tool: McpTool, notes: readonly string[] = []): Map<string, number> {
  const features = new Map<string, number>();
  const add = (space: string, text: string) => {
    const key = `${space}:${text}`;
    if (!features.has(key)) features.set(key, hash(space, text));
  };
  let length = 0;
  for (const { where, text } of modelTexts(tool).texts) {
    // (values — defaults, enum members, examples — are data; words there count apart from prose)
    const value = /\.(default|enum|examples|const|example)(\.|$)/.test(where);
    const words = wordsOf(text);
    length += words.length;
    for (let i = 0; i < words.length; i++) {
      const word = words[i]!;
      // (words of one or two letters — "a", "to", "of" — say nothing alone; they count in pairs)
      if (word.length > 2 || CJK.test(word)) add(value ? 'v' : 'w', word);
      if (word.length > 5) add('s', word.slice(0, 5));
      if (i > 0) add(value ? 'vb' : 'b', `${words[i - 1]} ${word}`);
    }
  }
  // the parameters' names, in parts ("system_prompt_copy": system, prompt, copy, and "system prompt")
  for (const root of [tool.inputSchema, tool.outputSchema]) {
    if (!root) continue;
    for (const node of parameterNodes(schemaWalk(root, root === tool.inputSchema ? 'inputSchema' : 'outputSchema'))) {
      const parts = splitIdentifier(node.name ?? '').map((token) => token.word);
      for (let i = 0; i < parts.length; i++) {
        add('p', parts[i]!);
        if (i > 0) add('pb', `${parts[i - 1]} ${parts[i]}`);
      }
    }
  }
  for (const note of notes) add('note', note);
  // how long the definition is, in steps of doubling (a long text has more of every word: the model weighs that apart)
  add('len', String(Math.floor(Math.log2(length + 1))));
  return features;
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
  const raised: [string, number][] = [];
  for (const [feature, bucket] of scorerFeatures(tool, notes)) {
    const weight = weights[bucket]!;
    sum += weight;
    if (weight > 0) raised.push([feature, weight]);
  }
  const score = sigmoid(sum);
  raised.sort((a, b) => b[1] - a[1]);
  // (what raised it, in words a reader can weigh: short common words, which every long text has, are left out of the list)
  const telling = raised.filter(([feature]) => feature.length - feature.indexOf(':') > 4);
  return { score, flagged: score >= model.threshold, raisedBy: telling.slice(0, 6).map(([feature]) => feature) };
}
