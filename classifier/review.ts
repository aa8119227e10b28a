// Model-assisted classification, the I/O part: the OpenAI-compatible client (the openai package),
// retries and backoff, a concurrency limit, the answer cache (data/llm/ for the catalog) and the
// usage and cost report. The prompt, the checks and the merging are pure, in llm.ts beside it;
// the settings come from the command line (bin/llm.ts).
import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import OpenAI from 'openai';
import { ModelAnswerCacheSchema, type Classification, type McpTool, type ModelAnswer, type ModelAnswerCache, type ModelAnswerCacheEntry } from '../data/schema.ts';
import { parseRecord, serializeRecord, writeTextAtomic } from '../data/serialize.ts';
import { MAX_DEFINITION, PROMPT_VERSION, answerJsonSchema, applyAnswer, applyFailure, buildMessages, checkAnswer, definitionText, poisoningBorderline } from './llm.ts';

export interface LlmSettings {
  model: string;
  baseURL?: string;
  apiKey: string;
  /** Requests at once. */
  concurrency: number;
  /** Time limit of one request. */
  timeoutMs: number;
  /** At most this many tools are sent to the model in one run (cached answers do not count). */
  maxTools?: number;
  /** USD per million input and output tokens, for the cost estimate. */
  price?: { input: number; output: number };
  /** Retries of one request after 429 or 5xx. */
  httpRetries: number;
  /** Longest wait between retries, whatever Retry-After says. */
  maxWaitMs: number;
  /** Ask only about tools the rules call borderline on poisoning. */
  borderlineOnly?: boolean;
}

/** Where answers for servers outside the catalog are cached (inspect, classify <file>, eval). */
export function userCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.TOOLRISK_CACHE_DIR ?? join(env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'toolrisk', 'llm');
}

// ---------------------------------------------------------------------------------------------
// The answer cache: one file per server, entries keyed by tool, fingerprint, model and prompt version.
// ---------------------------------------------------------------------------------------------

export class AnswerCache {
  private constructor(
    readonly file: string,
    private text: string | undefined,
    private record: ModelAnswerCache,
    /** Why the file on disk was not usable (it is rewritten). */
    readonly problem?: string,
  ) {}

  static async open(dir: string, slug: string, name: string): Promise<AnswerCache> {
    const file = join(dir, `${slug}.json`);
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch {
      return new AnswerCache(file, undefined, { slug, name, entries: [] });
    }
    try {
      return new AnswerCache(file, text, parseRecord(file, text, ModelAnswerCacheSchema));
    } catch (error) {
      return new AnswerCache(file, text, { slug, name, entries: [] }, (error as Error).message);
    }
  }

  /** The entries for this exact definition and prompt version (and model, when given), newest first. */
  find(tool: string, fingerprint: string, model?: string): ModelAnswerCacheEntry[] {
    return this.record.entries
      .filter((entry) => entry.tool === tool && entry.fingerprint === fingerprint && entry.promptVersion === PROMPT_VERSION && (!model || entry.model === model))
      .sort((a, b) => b.askedAt.localeCompare(a.askedAt));
  }

  put(entry: ModelAnswerCacheEntry): void {
    this.record.entries = this.record.entries.filter(
      (other) => !(other.tool === entry.tool && other.fingerprint === entry.fingerprint && other.model === entry.model && other.promptVersion === entry.promptVersion),
    );
    this.record.entries.push(entry);
  }

  /** Drops entries of definitions the server no longer has. */
  prune(current: ReadonlyMap<string, string>): void {
    this.record.entries = this.record.entries.filter((entry) => current.get(entry.tool) === entry.fingerprint);
  }

  /** The file's text as it was read (or last written), undefined when there is none. */
  get fileText(): string | undefined {
    return this.text;
  }

  /** Writes the file if its bytes change (nothing is written for a server with no entries and no file). */
  async save(): Promise<boolean> {
    if (!this.record.entries.length && this.text === undefined) return false;
    // plain code-unit order: the same bytes on every machine and locale
    const order = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
    this.record.entries.sort((a, b) => order(a.tool, b.tool) || order(a.model, b.model) || order(a.promptVersion, b.promptVersion) || order(a.fingerprint, b.fingerprint));
    const text = serializeRecord(ModelAnswerCacheSchema, this.record);
    if (text === this.text) return false;
    await writeTextAtomic(this.file, text);
    this.text = text;
    return true;
  }
}

/** A classification with the newest cached review of it applied (no network), or as it was. */
export function applyCached(rules: Classification, tool: McpTool, cache: AnswerCache, model?: string): Classification {
  const entry = cache.find(tool.name, rules.fingerprint, model)[0];
  if (!entry) return rules;
  if (entry.status === 'failed' || !entry.answer) return applyFailure(rules, entry.model, entry.error ?? 'no answer');
  // checked again: the file is data, and may have been edited by hand
  const checked = checkAnswer(tool, JSON.stringify(entry.answer));
  if (!checked.ok) return applyFailure(rules, entry.model, `cached answer rejected: ${checked.reason}`);
  return applyAnswer(rules, tool, entry.model, checked.answer, checked.evidence);
}

// ---------------------------------------------------------------------------------------------
// Asking the model.
// ---------------------------------------------------------------------------------------------

export interface ReviewStats {
  asked: number;
  answered: number;
  failed: number;
  cached: number;
  overBudget: number;
  notAsked: number;
  httpRetries: number;
  waitedMs: number;
  inputTokens: number;
  outputTokens: number;
}

class Semaphore {
  private waiting: (() => void)[] = [];
  private active = 0;
  constructor(private readonly limit: number) {}
  async run<T>(task: () => Promise<T>): Promise<T> {
    // a finished task hands its slot straight to the next waiter, so no newcomer can slip in between
    if (this.active >= this.limit) await new Promise<void>((resume) => this.waiting.push(resume));
    else this.active += 1;
    try {
      return await task();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.active -= 1;
    }
  }
}

/** Milliseconds to wait before retrying, from Retry-After (seconds or an HTTP date) or retry-after-ms. */
export function retryAfterMs(headers: Headers | undefined, now = Date.now()): number | undefined {
  const ms = headers?.get('retry-after-ms');
  if (ms && Number.isFinite(Number(ms))) return Math.max(0, Number(ms));
  const value = headers?.get('retry-after');
  if (!value) return undefined;
  if (/^\d+(\.\d+)?$/.test(value.trim())) return Number(value) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

const sleep = (ms: number) => new Promise((resume) => setTimeout(resume, ms));

/** A failure that will fail every request alike (a wrong key, an unknown model): no use asking on. */
class FatalError extends Error {}

export class ModelReviewer {
  readonly stats: ReviewStats = { asked: 0, answered: 0, failed: 0, cached: 0, overBudget: 0, notAsked: 0, httpRetries: 0, waitedMs: 0, inputTokens: 0, outputTokens: 0 };
  private readonly client: OpenAI;
  private readonly limit: Semaphore;
  /** Set when the endpoint refused in a way every request would share. */
  private fatal?: string;
  private started = 0;

  constructor(
    readonly settings: LlmSettings,
    private readonly log: (line: string) => void = () => {},
  ) {
    this.client = new OpenAI({ apiKey: settings.apiKey, baseURL: settings.baseURL, maxRetries: 0, timeout: settings.timeoutMs });
    this.limit = new Semaphore(settings.concurrency);
  }

  /** One request, retried after 429 and 5xx (waiting as Retry-After says, else backing off). */
  private async complete(tool: McpTool, serverName: string, usage: { inputTokens: number; outputTokens: number }): Promise<string | null | undefined> {
    for (let attempt = 0; ; attempt++) {
      try {
        const response = await this.client.chat.completions.create({
          model: this.settings.model,
          messages: buildMessages(tool, serverName),
          response_format: { type: 'json_schema', json_schema: { name: 'tool_classification', strict: true, schema: answerJsonSchema() } },
        });
        usage.inputTokens += response.usage?.prompt_tokens ?? 0;
        usage.outputTokens += response.usage?.completion_tokens ?? 0;
        this.stats.inputTokens += response.usage?.prompt_tokens ?? 0;
        this.stats.outputTokens += response.usage?.completion_tokens ?? 0;
        const message = response.choices[0]?.message;
        if (message?.refusal) throw new Error(`the model refused: ${message.refusal}`);
        return message?.content;
      } catch (error) {
        if (error instanceof OpenAI.APIConnectionTimeoutError) throw new Error(`no reply within ${this.settings.timeoutMs} ms`);
        if (!(error instanceof OpenAI.APIError) || error.status === undefined) throw error;
        const status = error.status;
        if (status === 401 || status === 403 || status === 404) throw new FatalError(`HTTP ${status} from the endpoint: ${error.message}`);
        // an endpoint without structured output refuses every request alike
        if (status === 400 && /response_format|json_schema/i.test(error.message)) {
          throw new FatalError(`HTTP 400: the endpoint or model does not take response_format json_schema (structured output), which --llm needs: ${error.message}`);
        }
        if ((status === 429 || status >= 500) && attempt < this.settings.httpRetries) {
          const wait = Math.min(this.settings.maxWaitMs, retryAfterMs(error.headers) ?? 1000 * 2 ** attempt * (0.75 + Math.random() / 2));
          this.stats.httpRetries += 1;
          this.stats.waitedMs += wait;
          this.log(`model: HTTP ${status} for ${tool.name}; retrying in ${(wait / 1000).toFixed(1)} s (${attempt + 1} of ${this.settings.httpRetries})`);
          await sleep(wait);
          continue;
        }
        throw new Error(`HTTP ${status}: ${error.message}`);
      }
    }
  }

  /**
   * One tool: its cached answer if there is a valid one, else the model's (an invalid or failed
   * answer is asked once more; then the rules' verdict stands and the failure is recorded).
   */
  async review(rules: Classification, tool: McpTool, serverName: string, cache: AnswerCache): Promise<Classification> {
    const model = this.settings.model;
    // this model's valid cached answer; a cached failure is asked again
    const applied = applyCached(rules, tool, cache, model);
    if (applied.review?.status === 'ok') {
      this.stats.cached += 1;
      return applied;
    }
    // not asked this run: whatever review is already stored stands, so nothing committed is lost
    if (this.fatal) {
      this.stats.notAsked += 1;
      return applyCached(rules, tool, cache);
    }
    if (this.settings.borderlineOnly && !poisoningBorderline(rules)) {
      this.stats.notAsked += 1;
      return applyCached(rules, tool, cache);
    }
    if (this.settings.maxTools !== undefined && this.started >= this.settings.maxTools) {
      this.stats.overBudget += 1;
      return applyCached(rules, tool, cache);
    }
    const record = (status: 'ok' | 'failed', usage: { inputTokens: number; outputTokens: number }, answer?: ModelAnswer, error?: string) =>
      cache.put({ tool: tool.name, fingerprint: rules.fingerprint, model, promptVersion: PROMPT_VERSION, askedAt: new Date().toISOString(), status, answer, error, usage });
    const size = definitionText(tool).length;
    if (size > MAX_DEFINITION) {
      const reason = `not asked: the definition is ${size.toLocaleString('en-US')} characters, over the ${MAX_DEFINITION.toLocaleString('en-US')} sent to a model`;
      this.stats.failed += 1;
      record('failed', { inputTokens: 0, outputTokens: 0 }, undefined, reason);
      return applyFailure(rules, model, reason);
    }
    this.started += 1;
    return this.limit.run(async () => {
      if (this.fatal) {
        this.stats.notAsked += 1;
        return applyCached(rules, tool, cache);
      }
      this.stats.asked += 1;
      const usage = { inputTokens: 0, outputTokens: 0 };
      let reason = '';
      for (let attempt = 1; attempt <= 2; attempt++) {
        try {
          const checked = checkAnswer(tool, await this.complete(tool, serverName, usage));
          if (checked.ok) {
            this.stats.answered += 1;
            record('ok', usage, checked.answer);
            return applyAnswer(rules, tool, model, checked.answer, checked.evidence);
          }
          reason = checked.reason;
        } catch (error) {
          reason = (error as Error).message;
          if (error instanceof FatalError) {
            this.fatal = reason;
            this.stats.failed += 1;
            this.log(`model: ${reason}; no more tools are sent this run`);
            return applyCached(rules, tool, cache);
          }
        }
        this.log(`model: ${serverName} / ${tool.name}: ${reason}${attempt === 1 ? '; asking once more' : '; keeping the rules verdict'}`);
      }
      this.stats.failed += 1;
      record('failed', usage, undefined, reason);
      return applyFailure(rules, model, reason);
    });
  }

  /** The closing report: tools, failures, tokens and the estimated cost. */
  report(): string {
    const s = this.stats;
    const parts = [`${s.asked} tools asked`, `${s.answered} answered`];
    if (s.failed) parts.push(`${s.failed} failed (rules verdict kept)`);
    parts.push(`${s.cached} from the cache`);
    if (s.overBudget) parts.push(`${s.overBudget} not asked: over --max-tools ${this.settings.maxTools} (rules verdict kept)`);
    if (s.notAsked) parts.push(`${s.notAsked} not asked after the endpoint refused`);
    if (s.httpRetries) parts.push(`${s.httpRetries} retries after 429/5xx (${(s.waitedMs / 1000).toFixed(1)} s waited)`);
    const tokens = `${s.inputTokens.toLocaleString('en-US')} input + ${s.outputTokens.toLocaleString('en-US')} output tokens`;
    const price = this.settings.price;
    const cost = price
      ? `estimated cost $${((s.inputTokens * price.input + s.outputTokens * price.output) / 1e6).toFixed(4)} (at $${price.input}/$${price.output} per million tokens)`
      : 'cost unknown for this model: pass --llm-price <in,out> (USD per million tokens); a local model costs nothing';
    return `model review (${this.settings.model}, prompt ${PROMPT_VERSION}): ${parts.join(', ')}; ${tokens}; ${cost}.${this.fatal ? ` Stopped asking: ${this.fatal}` : ''}`;
  }
}

/**
 * Reviews every tool of one server (cached answers first), concurrently within the limit. Without
 * a reviewer, the newest cached answer of any model is applied: the result depends on the data
 * alone, not on the environment.
 */
export async function reviewTools(
  reviewer: ModelReviewer | undefined,
  serverName: string,
  tools: readonly McpTool[],
  classifications: readonly Classification[],
  cache: AnswerCache,
): Promise<Classification[]> {
  const byName = new Map(tools.map((tool) => [tool.name, tool]));
  return Promise.all(
    classifications.map((classification) => {
      const tool = byName.get(classification.tool);
      if (!tool) return classification;
      return reviewer ? reviewer.review(classification, tool, serverName, cache) : applyCached(classification, tool, cache);
    }),
  );
}
