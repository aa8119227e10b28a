// The classifier's runs over files, which commands only call and print: the whole catalog
// (data/crawled/ → data/classified/, cached by fingerprint and classifier version, with the model
// review when asked) and a saved tools/list result (`toolrisk classify <file>`), one result per
// input tool. The classification itself is pure (catalog.ts, classify.ts); the reading and
// writing is here.
import { availableParallelism } from 'node:os';
import { readFile, rm } from 'node:fs/promises';
import { Worker } from 'node:worker_threads';
import { join } from 'node:path';
import { z } from 'zod';
import { ClassifiedServerSchema, ClassifierStateSchema, CrawlSnapshotSchema, McpToolSchema, RISK_LEVELS, type Classification, type ClassifiedServer, type CrawlSnapshot, type McpTool, type Risk } from '../data/schema.ts';
import { DataFileError, formatZodError, parseRecord, serializeRecord, writeTextAtomic } from '../data/serialize.ts';
import { jsonFiles, readSnapshotText } from '../crawler/index-files.ts';
import { RunCache, readOptional } from './run-cache.ts';
import { checkListedTools } from '../crawler/tools.ts';
import { cacheFrom, cacheKey, classifySnapshot, classifyTools, repairedProblems, type ClassifyFailure, type ServerClassification } from './catalog.ts';
import { classifierVersion } from './version.ts';
import { renderGateway, renderIntercept, serverPolicy, singleToolModel } from './policy.ts';
import type { SnapshotJob } from './snapshot-worker.ts';
import { AnswerCache, reviewTools, type ModelReviewer } from './review.ts';

export interface ClassifyCatalogSummary {
  servers: number;
  tools: number;
  classified: number;
  reused: number;
  unchanged: number;
  errors: string[];
  /** Tools whose classification carries a model review (asked now or from data/llm/). */
  reviewed: number;
  /** Servers classified in worker threads (the rest in the calling thread). */
  inWorkers: number;
  ms: number;
}

export interface ClassifyOptions {
  /** Asks the model about tools without a cached answer (`--llm`). */
  reviewer?: ModelReviewer;
}

/** `data/classifier.json`, relative to the data folder. */
export const CLASSIFIER_STATE_FILE = 'classifier.json';

/** The classifier version data/classified/ was made with; none when the file is missing, or broken (with the problem, naming it). */
export async function readClassifierState(file: string): Promise<{ version?: string; problem?: string }> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return {};
  }
  try {
    return { version: parseRecord(file, text, ClassifierStateSchema).classifierVersion };
  } catch (error) {
    return { problem: `${(error as Error).message} (every tool is classified again, and the file rewritten)` };
  }
}

async function readPrevious(file: string): Promise<{ text: string; record?: ClassifiedServer } | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return undefined;
  }
  try {
    return { text, record: parseRecord(file, text, ClassifiedServerSchema) };
  } catch {
    return { text }; // a broken or old file is rebuilt
  }
}

/** Servers in progress at once without a model: enough to overlap one server's file reads and writes with another's classification. */
const FILE_LANES = 4;
/** Below this many servers a run classifies in its own thread: starting workers costs more than it saves. */
const WORKER_THRESHOLD = 64;

/**
 * Classifies snapshots in worker threads, one per core but one (at most four): a whole catalog is
 * CPU-bound. A worker that fails or cannot start leaves its job to the calling thread, so the
 * results are the same either way.
 */
type FromWorker = { result: ServerClassification; failures: ClassifyFailure[] } | undefined;

class SnapshotPool {
  private readonly workers: Worker[] = [];
  private readonly idle: Worker[] = [];
  private readonly waiting: (() => void)[] = [];
  /** Jobs sent and not answered, with the worker that has each. */
  private readonly pending = new Map<number, { worker: Worker; resolve: (value: FromWorker) => void }>();
  private next = 0;

  constructor(size: number) {
    for (let i = 0; i < size; i++) {
      try {
        const worker = new Worker(new URL('./snapshot-worker.js', import.meta.url));
        worker.unref();
        worker.on('message', (message: { id: number; result?: ServerClassification; failures?: ClassifyFailure[]; error?: string }) => {
          const job = this.pending.get(message.id);
          this.pending.delete(message.id);
          job?.resolve(message.result ? { result: message.result, failures: message.failures ?? [] } : undefined);
          this.release(worker);
        });
        // a worker that dies hands its jobs back to the calling thread
        worker.on('error', () => this.fail(worker));
        worker.on('exit', () => this.fail(worker));
        this.workers.push(worker);
        this.idle.push(worker);
      } catch {
        break;
      }
    }
  }

  private release(worker: Worker): void {
    const waiter = this.waiting.shift();
    this.idle.push(worker);
    waiter?.();
  }

  private fail(worker: Worker): void {
    const index = this.workers.indexOf(worker);
    if (index === -1) return;
    this.workers.splice(index, 1);
    const idle = this.idle.indexOf(worker);
    if (idle !== -1) this.idle.splice(idle, 1);
    for (const [id, job] of this.pending) if (job.worker === worker) {
      this.pending.delete(id);
      job.resolve(undefined);
    }
    for (const waiter of this.waiting.splice(0)) waiter();
  }

  /** The classification of one snapshot, or undefined when no worker could do it. */
  async classify(snapshot: CrawlSnapshot, previous: ClassifiedServer | undefined, reuse: boolean): Promise<FromWorker> {
    while (this.idle.length === 0) {
      if (this.workers.length === 0) return undefined;
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    }
    const worker = this.idle.pop()!;
    const id = this.next++;
    return new Promise((resolve) => {
      this.pending.set(id, { worker, resolve });
      worker.postMessage({ id, snapshot, previous, reuse } satisfies SnapshotJob);
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }
}

/** Classifies every snapshot in data/crawled/ into data/classified/, writing only files whose bytes change. */
export async function classifyCatalog(
  dataDir: string,
  log: (line: string) => void = () => {},
  /** Called with each server's snapshot and classification, for callers that report on them. */
  onServer?: (snapshot: CrawlSnapshot, record: ClassifiedServer) => void,
  options: ClassifyOptions = {},
): Promise<ClassifyCatalogSummary> {
  const started = performance.now();
  const stateFile = join(dataDir, CLASSIFIER_STATE_FILE);
  // the verdicts in data/classified/ are reused only when this classifier version made them
  const recorded = await readClassifierState(stateFile);
  const reuse = recorded.version === classifierVersion();
  const outDir = join(dataDir, 'classified');
  const answersDir = join(dataDir, 'llm');
  // (a server whose inputs are as the last run left them is passed over unread: run-cache.ts)
  // (kept by every run without a model; used only when data/classified/ was made by this version)
  const runCache = !options.reviewer && !onServer ? await RunCache.open(dataDir, classifierVersion()) : undefined;
  const { snapshots, errors, skipped, crawledOf } = await readSnapshots(join(dataDir, 'crawled'), outDir, answersDir, runCache, reuse);
  const summary: ClassifyCatalogSummary = { servers: 0, tools: 0, classified: 0, reused: 0, unchanged: 0, errors: [...(recorded.problem ? [recorded.problem] : []), ...errors], reviewed: 0, inWorkers: 0, ms: 0 };
  for (const { tools, reviewed } of skipped) {
    summary.servers += 1;
    summary.tools += tools;
    summary.reused += tools;
    summary.reviewed += reviewed;
    summary.unchanged += 1;
  }
  let done = 0;
  const totalTools = snapshots.reduce((sum, snapshot) => sum + snapshot.tools.length, 0);
  // each server's problems, in the order of the snapshots whatever order the lanes finish in
  const serverErrors: string[][] = snapshots.map(() => []);
  // (a whole catalog without a model: the classification is spread over the cores)
  const cores = Math.min(4, availableParallelism());
  const pool = !options.reviewer && cores > 1 && snapshots.length >= WORKER_THRESHOLD ? new SnapshotPool(cores) : undefined;
  const classifyOne = async (snapshot: CrawlSnapshot, position: number) => {
    const errorsOf = serverErrors[position]!;
    const file = join(outDir, `${snapshot.slug}.json`);
    const previous = await readPrevious(file);
    const report = (failure: ClassifyFailure) =>
      errorsOf.push(`${join('crawled', `${snapshot.slug}.json`)}: tool #${failure.index + 1} ${JSON.stringify(failure.tool)} could not be classified (listed as unclassified, never allowed): ${failure.error}`);
    // (a server whose every tool is in the cache costs less here than the copy to a worker would)
    const cache = pool ? cacheFrom(previous?.record, reuse) : undefined;
    const cached = cache !== undefined && snapshot.fingerprints.every((entry) => cache.has(cacheKey(entry.fingerprint, entry.name)));
    const fromWorker = pool && !cached ? await pool.classify(snapshot, previous?.record, reuse) : undefined;
    if (fromWorker) {
      fromWorker.failures.forEach(report);
      summary.inWorkers += 1;
    }
    const result = fromWorker?.result ?? classifySnapshot(snapshot, previous?.record, report, reuse);
    // model reviews: asked with --llm, else applied from data/llm/ (committed with the data)
    const answers = await AnswerCache.open(answersDir, snapshot.slug, snapshot.name);
    // (a problem that names the file already, as a DataFileError does, is not given its name twice)
    if (answers.problem) errorsOf.push(`${answers.problem.startsWith(`${answers.file}: `) ? answers.problem : `${answers.file}: ${answers.problem}`} (its answers are ignored; the next classify --llm rewrites it)`);
    const tools = await reviewTools(options.reviewer, snapshot.name, snapshot.tools, result.record.tools, answers);
    if (tools.some((tool) => tool.review)) {
      result.record = { ...result.record, tools, policy: serverPolicy(snapshot.name, tools.map((tool) => tool.policy)) };
      summary.reviewed += tools.filter((tool) => tool.review).length;
    }
    if (options.reviewer) {
      answers.prune(new Map(snapshot.fingerprints.map((entry) => [entry.name, entry.fingerprint])));
      // a file that cannot be written loses this server's new answers, not the run
      await answers.save().catch((error: Error) => errorsOf.push(`${answers.file}: could not save the model answers: ${error.message}`));
      done += snapshot.tools.length;
      log(`model review: ${snapshot.name} done (${done} of ${totalTools} tools)`);
    }
    onServer?.(snapshot, result.record);
    summary.servers += 1;
    summary.tools += result.record.tools.length;
    summary.classified += result.classified;
    summary.reused += result.reused;
    const text = serializeRecord(ClassifiedServerSchema, result.record);
    // (a server with a problem to report is read again next time, so that it is reported again)
    const crawled = crawledOf.get(snapshot);
    // (the answers as they were read for this classification: a file rewritten since then is read again next time)
    if (runCache && crawled && errorsOf.length === 0) {
      const reviewed = result.record.tools.filter((tool) => tool.review).length;
      runCache.record(crawled.name, snapshot.slug, runCache.inputs(crawled.text, answers.fileText), text, { tools: result.record.tools.length, reviewed });
    }
    if (previous?.text === text) {
      summary.unchanged += 1;
      return;
    }
    await writeTextAtomic(file, text);
    log(`classified ${snapshot.name}: ${result.classified} new, ${result.reused} from the cache`);
  };
  // several servers at once: with a model, as many as the reviewer's own limit of requests in flight
  // (a catalog of many one-tool servers still keeps that many going); without one, a few, so one
  // server's files are read and written while another is classified
  let next = 0;
  const lanes = Math.max(1, Math.min(options.reviewer ? options.reviewer.settings.concurrency : FILE_LANES, snapshots.length));
  await Promise.all(
    Array.from({ length: lanes }, async () => {
      while (next < snapshots.length) {
        const position = next++;
        await classifyOne(snapshots[position]!, position);
      }
    }),
  );
  await pool?.close();
  // every server is classified by this version now: record it once
  if (!reuse) await writeTextAtomic(stateFile, serializeRecord(ClassifierStateSchema, { classifierVersion: classifierVersion() }));
  for (const errors of serverErrors) summary.errors.push(...errors);
  await runCache?.save();
  // a classification (or cached model answers) whose snapshot is gone goes too
  const current = new Set([...snapshots.map((snapshot) => `${snapshot.slug}.json`), ...skipped.map(({ slug }) => `${slug}.json`)]);
  // (a folder that cannot be read or a file that cannot be removed is reported; what was classified stays written)
  for (const folder of ['classified', 'llm'] as const) {
    let names: string[];
    try {
      names = await jsonFiles(join(dataDir, folder));
    } catch (error) {
      summary.errors.push(`${folder}: could not be read to remove files whose crawl snapshot is gone (${(error as Error).message})`);
      continue;
    }
    for (const name of names) {
      if (current.has(name)) continue;
      try {
        await rm(join(dataDir, folder, name), { force: true });
        log(`removed ${folder}/${name} (no crawl snapshot)`);
      } catch (error) {
        summary.errors.push(`${join(folder, name)}: its crawl snapshot is gone, but it could not be removed (${(error as Error).message})`);
      }
    }
  }
  summary.ms = Math.round(performance.now() - started);
  return summary;
}

/**
 * The crawl snapshots of a folder, in file order, each with its file's name and text; a file that cannot be read or
 * parsed is reported by name and skipped. With a run record and `skip`, a server whose inputs and classified file are as
 * the last run left them is not parsed: it is listed in `skipped` with its slug and tool count.
 */
async function readSnapshots(crawledDir: string, outDir: string, answersDir: string, runCache: RunCache | undefined, skip: boolean) {
  const snapshots: CrawlSnapshot[] = [];
  const errors: string[] = [];
  const skipped: { slug: string; tools: number; reviewed: number }[] = [];
  const crawledOf = new Map<CrawlSnapshot, { name: string; text: string }>();
  for (const name of await jsonFiles(crawledDir)) {
    const file = join(crawledDir, name);
    let text: string | undefined;
    try {
      text = await readSnapshotText(file);
    } catch (error) {
      errors.push((error as Error).message);
      continue;
    }
    if (text === undefined) continue;
    const slug = skip ? runCache?.slugOf(name) : undefined;
    if (runCache && slug !== undefined) {
      const inputs = runCache.inputs(text, await readOptional(join(answersDir, `${slug}.json`)));
      const counts = runCache.unchanged(name, inputs, await readOptional(join(outDir, `${slug}.json`)));
      if (counts !== undefined) {
        skipped.push({ slug, ...counts });
        continue;
      }
    }
    try {
      const snapshot = parseRecord(file, text, CrawlSnapshotSchema);
      snapshots.push(snapshot);
      crawledOf.set(snapshot, { name, text });
    } catch (error) {
      errors.push(error instanceof DataFileError ? error.message : `${file}: ${(error as Error).message}`);
    }
  }
  return { snapshots, errors, skipped, crawledOf };
}

/** A saved tools/list result: `{"tools":[…]}`, a bare array, or `{"server":{…}, "tools":[…]}`. */
const ToolsFileSchema = z.union([
  z.array(z.unknown()),
  z.object({
    server: z.object({ name: z.string().optional(), title: z.string().optional(), description: z.string().optional() }).optional(),
    tools: z.array(z.unknown()),
  }),
]);

export interface FileClassification {
  server: { name: string; title?: string; description?: string };
  results: ({ name: string; classification: Classification; tool: McpTool } | { name?: string; index: number; error: string })[];
}

export function classifyToolsFile(file: string, text: string): FileClassification {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new DataFileError(file, `not valid JSON (${(error as Error).message})`);
  }
  const parsed = ToolsFileSchema.safeParse(json);
  if (!parsed.success) {
    throw new DataFileError(file, `expected {"tools":[…]}, a bare array of tools, or {"server":{…},"tools":[…]}:\n${formatZodError(parsed.error)}`);
  }
  const listed = Array.isArray(parsed.data) ? parsed.data : parsed.data.tools;
  const serverInfo = Array.isArray(parsed.data) ? undefined : parsed.data.server;
  const server = { name: serverInfo?.name ?? file, title: serverInfo?.title, description: serverInfo?.description };
  const checked = checkListedTools(listed);
  const { classifications, failures } = classifyTools(checked.tools, checked.tools.map((tool) => checked.fingerprints.get(tool.name)!), server, undefined, undefined, repairedProblems(checked.invalidTools));
  const byName = new Map(classifications.map((classification) => [classification.tool, classification]));
  const failed = new Map(failures.map((failure) => [failure.tool, failure.error]));
  const toolsByName = new Map(checked.tools.map((tool) => [tool.name, tool]));
  const invalid = new Map(checked.invalidTools.map((tool) => [tool.index, tool]));
  const seen = new Set<string>();
  const results: FileClassification['results'] = listed.map((raw, index) => {
    const bad = invalid.get(index);
    if (bad && !bad.repaired) return { name: bad.name, index, error: `not a valid MCP tool definition: ${bad.problems.join('; ')}` };
    const name = McpToolSchema.shape.name.safeParse((raw as { name?: unknown }).name).data!;
    if (seen.has(name)) return { name, index, error: 'duplicate tool name: only the first definition is classified' };
    seen.add(name);
    const classification = byName.get(name);
    const tool = toolsByName.get(name);
    if (!classification || !tool) return { name, index, error: `could not be classified: ${failed.get(name) ?? (bad ? bad.problems.join('; ') : 'unknown error')}` };
    return { name, classification, tool };
  });
  return { server, results };
}

/** The `--json` form of one classified tool (issue-specified shape, input order). */
export function toolJson(classification: Classification) {
  const model = singleToolModel(classification.policy);
  return {
    name: classification.tool,
    category: classification.category,
    risk: classification.risk,
    destructive: classification.destructive,
    financial: classification.financial,
    openWorld: classification.openWorld,
    sensitive: classification.sensitive,
    destructiveScope: classification.destructiveScope,
    operations: classification.operations,
    score: classification.score,
    confidence: classification.confidence,
    // the same shape as the JSON API: one sentence per entry
    rationale: classification.rationale,
    evidence: classification.evidence,
    // what each decision rests on, with the exact text it came from
    signals: classification.signals,
    warnings: classification.warnings,
    policy: { intercept: renderIntercept(model), gateway: renderGateway(model) },
    ...(classification.review ? { review: classification.review } : {}),
  };
}

export function atOrAbove(risk: Risk, threshold: Risk): boolean {
  return RISK_LEVELS.indexOf(risk) >= RISK_LEVELS.indexOf(threshold);
}

export function listClassifiedFiles(dataDir: string): Promise<string[]> {
  return jsonFiles(join(dataDir, 'classified'));
}
