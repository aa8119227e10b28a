// Loads the labelled set (tests/labels/tools.json) and classifies each labelled tool from
// data/crawled/, with its annotations and with them removed. Shared by `npm run eval` and the test.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { classifyTools, serverContextOf } from './catalog.ts';
import { evaluate, type EvalResult, type Label } from './evaluate.ts';
import { CrawlSnapshotSchema, type Classification, type CrawlSnapshot, type McpTool } from '../data/schema.ts';
import { AnswerCache, reviewTools, type ModelReviewer } from './review.ts';
import { serverSlug } from '../data/slug.ts';

// the repository: the labelled sets live in tests/, the catalog in data/ (the site's build, whose bundle
// lies elsewhere, names it in TOOLRISK_REPO_ROOT)
const ROOT = process.env.TOOLRISK_REPO_ROOT ? resolve(process.env.TOOLRISK_REPO_ROOT) : resolve(fileURLToPath(import.meta.url), '../..');

/**
 * `tools` is the development set (rules may be tuned against it); `holdout` is never tuned against;
 * `npm` holds tools of the npm servers added by use (`toolrisk add`), labelled before the rules were
 * run on them, and never tuned against either; `npm-dev` holds tools of other new npm servers, labelled
 * the same way, which the rules are being tuned against (it joins `tools` once they reach 95% on it);
 * `fresh` holds catalog tools labelled blind in a later round, never tuned against. `fresh2` and `fresh3` are later
 * blind rounds used for development after their first measurement; `fresh4` (servers apart from fresh3's) and `fresh5` (a later
 * seeded sample, at most four tools a server) are never
 * tuned against. `fresh6` holds every tool of 37 npm servers added to the catalog on 2026-11-24 (servers the rules had
 * never seen), labelled blind by two labellers (one half of the servers each) before the rules were run on them; its servers
 * are split alternately by name into `fresh6` (development after its first measurement) and `fresh6-holdout` (never tuned against).
 * `fresh7` and `fresh7-holdout` are the same for every tool of twelve more servers added later that day (608 tools, three labellers).
 * `fresh8` is a seeded sample of the catalog's still unlabelled tools (at most two a server), labelled blind on the
 * afternoon of 2026-11-24 after that day's rules were written, and never tuned against. `fresh9` is a later sample of the
 * same kind (at most three a server), measured once and then used for development; `fresh10` is one more such sample,
 * labelled at the end of that afternoon and never tuned against. `fresh11` (2026-11-29) is a seeded sample of still unlabelled
 * catalog tools, at most three a server for half of it chosen by name and parameters for the critical classes (credentials,
 * membership and sharing, queries, proxies, commands, bulk deletes) and at most four a server for the rest, never tuned against.
 * `fresh12` (2026-11-29, afternoon) is another such sample (at most three a server, 100 of 220 chosen by name for the same
 * classes), labelled blind before that afternoon's rule changes; `fresh11` and `fresh12` are development sets since their
 * first measurements. `fresh13` (2026-11-29, evening) is a sample of the same kind (190 tools, 66 servers), labelled blind
 * before that evening's rule changes, and a development set since its first measurements; `fresh14` is one more such sample
 * (179 tools, 60 servers), labelled blind before the late evening's rule changes and a development set since `fresh15`
 * (2026-11-29, night: 162 tools, at most three a server, 50 chosen by name for the critical classes) was measured; `fresh15`
 * is a development set since `fresh17` (128 tools, labelled blind before the rules of that night's second half) was measured.
 * `fresh16` (143 tools of 49 servers, 41 chosen by name, labelled blind after the night's rules) and `fresh17` are development
 * sets since `fresh19` was measured; `fresh18` (109 tools of 39 servers, labelled blind after the rules written on `fresh15`)
 * and `fresh19` (95 tools of 33 servers, labelled blind after the rules written on `fresh15` and before those written on
 * `fresh16` and `fresh17`) are never tuned against, as is `fresh20` (91 tools of 31 servers, labelled blind after the rules
 * written on `fresh16` and `fresh17`) and `fresh21` (81 tools of 28 servers, labelled blind after the rules that followed `fresh20`)
 * and `fresh22` (73 tools of 25 servers, labelled blind after the rules written on the development sets' critical misses
 * on the night of 2026-11-29) and `fresh23` (65 tools of 22 servers, labelled blind on 2026-11-30 before that session's rules).
 */
/** A fresh round's label set (`tests/labels/<name>.json`), present once that round was labelled. */
export type FreshSet = 'fresh' | 'fresh2' | 'fresh3' | 'fresh4' | 'fresh5' | 'fresh6' | 'fresh6-holdout' | 'fresh7' | 'fresh7-holdout' | 'fresh8' | 'fresh9' | 'fresh10' | 'fresh11'
  | 'fresh12' | 'fresh13' | 'fresh14' | 'fresh15' | 'fresh16' | 'fresh17' | 'fresh18' | 'fresh19' | 'fresh20' | 'fresh21' | 'fresh22'
  | 'fresh23';

export function loadLabels(set: 'tools' | 'holdout' | 'npm' | 'npm-dev' | FreshSet = 'tools'): Label[] {
  return JSON.parse(readFileSync(join(ROOT, 'tests', 'labels', `${set}.json`), 'utf8')) as Label[];
}

/** A label set that a later round added, or none when this checkout does not have it. */
export function loadLabelsIfPresent(set: FreshSet): Label[] {
  return existsSync(join(ROOT, 'tests', 'labels', `${set}.json`)) ? loadLabels(set) : [];
}

/**
 * A second labeller's blind labels of a never-tuned set (tests/labels/second/<set>.json), when present: the same
 * tools, labelled from the definitions and the guide alone, without the first labels or the rules' verdicts.
 */
export function loadSecondLabels(set: 'holdout' | 'npm' | 'fresh' | 'fresh6-holdout' | 'fresh7-holdout'): Label[] | undefined {
  const file = join(ROOT, 'tests', 'labels', 'second', `${set}.json`);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Label[]) : undefined;
}

export interface Agreement {
  total: number;
  category: number;
  destructive: number;
  risk: number;
  /** The first labels of the tools whose category both labellers gave alike. */
  agreed: Label[];
}

/** How often two labellings of the same tools agree (fractions), matched by server and tool. */
export function agreement(first: readonly Label[], second: readonly Label[]): Agreement {
  const key = (label: Label) => `${label.server}\u0000${label.tool}`;
  const other = new Map(second.map((label) => [key(label), label]));
  let category = 0;
  let destructive = 0;
  let risk = 0;
  const agreed: Label[] = [];
  for (const label of first) {
    const twin = other.get(key(label));
    if (!twin) throw new Error(`second labels lack ${label.server} / ${label.tool}`);
    if (twin.category === label.category) {
      category += 1;
      agreed.push(label);
    }
    if (twin.destructive === label.destructive) destructive += 1;
    if (twin.risk === label.risk) risk += 1;
  }
  const of = (count: number) => (first.length ? count / first.length : 0);
  return { total: first.length, category: of(category), destructive: of(destructive), risk: of(risk), agreed };
}

function byServer(labels: Label[]): Map<string, Label[]> {
  const grouped = new Map<string, Label[]>();
  for (const label of labels) grouped.set(label.server, [...(grouped.get(label.server) ?? []), label]);
  return grouped;
}

function snapshotOf(server: string): CrawlSnapshot {
  return CrawlSnapshotSchema.parse(JSON.parse(readFileSync(join(ROOT, 'data', 'crawled', `${serverSlug(server)}.json`), 'utf8')));
}

/**
 * Scores the rules on labelled tools. `cache` (server and annotation choice to that server's
 * classifications) lets several sets that share servers classify each server once.
 */
export function runEval(labels: Label[], withAnnotations: boolean, cache?: Map<string, Map<string, Classification>>): EvalResult {
  const pairs: Parameters<typeof evaluate>[0] = [];
  for (const [server, serverLabels] of byServer(labels)) {
    const key = `${withAnnotations ? 'with' : 'without'} ${server}`;
    let byName = cache?.get(key);
    if (!byName) {
      const snapshot = snapshotOf(server);
      const strip = (tool: McpTool): McpTool => {
        if (withAnnotations) return tool;
        const { annotations: _dropped, ...rest } = tool;
        return rest;
      };
      const tools = snapshot.tools.map(strip);
      const { classifications } = classifyTools(tools, snapshot.fingerprints.map((entry) => entry.fingerprint), serverContextOf(snapshot));
      byName = new Map(classifications.map((classification) => [classification.tool, classification]));
      cache?.set(key, byName);
    }
    for (const label of serverLabels) {
      const classification = byName.get(label.tool);
      if (!classification) throw new Error(`labelled tool ${label.server} / ${label.tool} is not in data/crawled/`);
      pairs.push({ label, classification });
    }
  }
  return evaluate(pairs);
}

export interface ModelEval {
  rules: EvalResult;
  /** The model's own answers, over the tools it answered validly. */
  model: EvalResult;
  /** The merged verdicts (rules where the model failed). */
  merged: EvalResult;
  answered: number;
}

/** The labelled tools reviewed by a model (answers cached in `cacheDir`), scored three ways. */
export async function runModelEval(labels: Label[], reviewer: ModelReviewer, cacheDir: string): Promise<ModelEval> {
  const rules: Parameters<typeof evaluate>[0] = [];
  const model: Parameters<typeof evaluate>[0] = [];
  const merged: Parameters<typeof evaluate>[0] = [];
  for (const [server, serverLabels] of byServer(labels)) {
    const snapshot = snapshotOf(server);
    const { classifications } = classifyTools(snapshot.tools, snapshot.fingerprints.map((entry) => entry.fingerprint), serverContextOf(snapshot));
    const wanted = new Set(serverLabels.map((label) => label.tool));
    const labelled = classifications.filter((classification) => wanted.has(classification.tool));
    const cache = await AnswerCache.open(cacheDir, snapshot.slug, snapshot.name);
    const reviewed = await reviewTools(reviewer, snapshot.name, snapshot.tools, labelled, cache);
    await cache.save();
    const find = (list: Classification[], label: Label) => {
      const found = list.find((classification) => classification.tool === label.tool);
      if (!found) throw new Error(`labelled tool ${label.server} / ${label.tool} is not in data/crawled/`);
      return found;
    };
    for (const label of serverLabels) {
      const own = find(labelled, label);
      const after = find(reviewed, label);
      rules.push({ label, classification: own });
      merged.push({ label, classification: after });
      const answer = after.review?.answer;
      if (answer) model.push({ label, classification: { ...own, category: answer.category, destructive: answer.destructive } });
    }
  }
  return { rules: evaluate(rules), model: evaluate(model), merged: evaluate(merged), answered: model.length };
}
