// The model review's client, cache and budget (classifier/review.ts) in the test process, against the OpenAI-compatible
// stand-in on 127.0.0.1 (tests/llm/fake-openai.ts): llm.test.ts drives the same through the CLI. Each case is one
// promise of docs/model-review.md: what is asked, what is kept when the model
// fails or the endpoint refuses, what the cache answers next time, what the closing report says.
import { writeFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classifyTool } from '../../classifier/classify.ts';
import { MAX_DEFINITION } from '../../classifier/llm.ts';
import { AnswerCache, ModelReviewer, reviewTools, type LlmSettings } from '../../classifier/review.ts';
import type { McpTool } from '../../data/schema.ts';
import { tempDir } from '../helpers.ts';
import { answer, startFakeOpenAI, type FakeOpenAI, type Script } from './fake-openai.ts';

const tool = (name: string, description = `Does ${name}.`): McpTool => ({ name, description, inputSchema: { type: 'object', properties: { id: { type: 'string' } } } });
const rulesOf = (definition: McpTool) => classifyTool({ tool: definition, fingerprint: `sha256:${definition.name}` });

// how the stand-in answers each tool, by its name
const SCRIPT: Script = (request, attempt) => {
  const name = request.tool.name;
  if (name === 'raise') return { content: answer(request, { category: 'write', destructive: true, risk: 'high' }) };
  if (name === 'bad_once') return attempt === 1 ? { content: '{not json' } : {};
  if (name === 'bad_always') return { content: '{not json' };
  if (name === 'busy') return attempt === 1 ? { status: 429, headers: { 'retry-after': '0' } } : {};
  if (name === 'forbidden') return { status: 403, message: 'no access' };
  return {};
};

describe('ModelReviewer against an OpenAI-compatible server on 127.0.0.1', () => {
  let fake: FakeOpenAI;
  let work: Awaited<ReturnType<typeof tempDir>>;
  const settings = (more: Partial<LlmSettings> = {}): LlmSettings => ({ model: 'stand-in', baseURL: fake.baseURL, apiKey: 'test-key', concurrency: 2, timeoutMs: 10_000, httpRetries: 2, maxWaitMs: 50, ...more });
  const asked = (name: string) => fake.requests.filter((request) => request.tool.name === name).length;

  beforeAll(async () => {
    fake = await startFakeOpenAI(SCRIPT);
    work = await tempDir('toolrisk-reviewer-');
  });
  afterAll(async () => {
    await fake?.close();
    await work?.remove();
  });

  it('merges a valid answer, counts its tokens, and answers from the cache next time without asking', async () => {
    const cache = await AnswerCache.open(work.path, 'first', 'io.example/first');
    const reviewer = new ModelReviewer(settings());
    const definition = tool('raise');
    const merged = await reviewer.review(rulesOf(definition), definition, 'io.example/first', cache);
    expect(merged.review?.status).toBe('ok');
    expect([merged.category, merged.risk]).toEqual(['write', 'high']);
    expect(reviewer.stats).toMatchObject({ asked: 1, answered: 1, failed: 0, cached: 0, inputTokens: 1000, outputTokens: 100 });
    expect(await cache.save()).toBe(true);
    // a second run reads the file: no request, the same verdict
    const again = new ModelReviewer(settings());
    const reopened = await AnswerCache.open(work.path, 'first', 'io.example/first');
    const cached = await again.review(rulesOf(definition), definition, 'io.example/first', reopened);
    expect(asked('raise')).toBe(1);
    expect(again.stats).toMatchObject({ asked: 0, cached: 1 });
    expect([cached.category, cached.risk, cached.review?.status]).toEqual(['write', 'high', 'ok']);
    // (nothing changed: nothing written)
    expect(await reopened.save()).toBe(false);
  });

  it('asks once more after an invalid answer, and after a second keeps the rules verdict and records the failure', async () => {
    const cache = await AnswerCache.open(work.path, 'second', 'io.example/second');
    const reviewer = new ModelReviewer(settings());
    const [once, always] = [tool('bad_once'), tool('bad_always')];
    const results = await reviewTools(reviewer, 'io.example/second', [once, always], [rulesOf(once), rulesOf(always)], cache);
    expect([asked('bad_once'), asked('bad_always')]).toEqual([2, 2]);
    expect(results.map((c) => c.review?.status)).toEqual(['ok', 'failed']);
    expect(results[1]!.risk).toBe(rulesOf(always).risk);
    expect(results[1]!.review?.error).toMatch(/^the reply is not valid JSON/);
    expect(cache.find('bad_always', 'sha256:bad_always').map((entry) => entry.status)).toEqual(['failed']);
    expect(reviewer.stats).toMatchObject({ asked: 2, answered: 1, failed: 1 });
    // a cached failure is asked again on the next run
    const next = new ModelReviewer(settings());
    await next.review(rulesOf(always), always, 'io.example/second', cache);
    expect(asked('bad_always')).toBe(4);
  });

  it('waits as Retry-After says after a 429, then succeeds, and says so in the report', async () => {
    const cache = await AnswerCache.open(work.path, 'third', 'io.example/third');
    const reviewer = new ModelReviewer(settings({ price: { input: 2, output: 8 } }));
    const busy = tool('busy');
    const merged = await reviewer.review(rulesOf(busy), busy, 'io.example/third', cache);
    expect(merged.review?.status).toBe('ok');
    expect(asked('busy')).toBe(2);
    expect(reviewer.stats.httpRetries).toBe(1);
    expect(reviewer.report()).toBe('model review (stand-in, prompt llm-2): 1 tools asked, 1 answered, 0 from the cache, 1 retries after 429/5xx (0.0 s waited); 1,000 input + 100 output tokens; estimated cost $0.0028 (at $2/$8 per million tokens).');
  });

  it('stops asking when the endpoint refuses, keeps every rules verdict, and says why', async () => {
    const cache = await AnswerCache.open(work.path, 'fourth', 'io.example/fourth');
    const lines: string[] = [];
    const reviewer = new ModelReviewer(settings({ concurrency: 1 }), (line) => lines.push(line));
    const tools = [tool('forbidden'), tool('after_one'), tool('after_two')];
    const results = await reviewTools(reviewer, 'io.example/fourth', tools, tools.map(rulesOf), cache);
    expect(asked('forbidden')).toBe(1);
    expect(asked('after_one') + asked('after_two')).toBe(0);
    expect(results.map((c) => c.review)).toEqual([undefined, undefined, undefined]);
    expect(reviewer.stats).toMatchObject({ asked: 1, failed: 1, notAsked: 2 });
    expect(lines.join('\n')).toContain('model: HTTP 403 from the endpoint');
    expect(reviewer.report()).toMatch(/2 not asked after the endpoint refused; .* Stopped asking: HTTP 403 from the endpoint: /);
    expect(reviewer.report()).toContain('cost unknown for this model: pass --llm-price');
  });

  it('sends no more than --max-tools tools, only borderline ones when asked to, and never a definition over the size limit', async () => {
    const cache = await AnswerCache.open(work.path, 'fifth', 'io.example/fifth');
    const budget = new ModelReviewer(settings({ maxTools: 1, concurrency: 1 }));
    const [a, b] = [tool('budget_a'), tool('budget_b')];
    await reviewTools(budget, 'io.example/fifth', [a, b], [rulesOf(a), rulesOf(b)], cache);
    expect(asked('budget_a') + asked('budget_b')).toBe(1);
    expect(budget.stats).toMatchObject({ asked: 1, overBudget: 1 });
    expect(budget.report()).toContain('1 not asked: over --max-tools 1 (rules verdict kept)');

    const borderline = new ModelReviewer(settings({ borderlineOnly: true }));
    const plain = tool('plain_tool');
    await borderline.review(rulesOf(plain), plain, 'io.example/fifth', cache);
    expect(asked('plain_tool')).toBe(0);
    expect(borderline.stats.notAsked).toBe(1);

    const huge = tool('huge', 'x'.repeat(MAX_DEFINITION + 1));
    const failed = await new ModelReviewer(settings()).review(rulesOf(huge), huge, 'io.example/fifth', cache);
    expect(asked('huge')).toBe(0);
    expect(failed.review?.error).toMatch(/^not asked: the definition is [\d,]+ characters, over the 120,000 sent to a model$/);
  });

  it('applies the newest cached answer of any model without a reviewer, and drops answers of definitions the server no longer has', async () => {
    const cache = await AnswerCache.open(work.path, 'first', 'io.example/first');
    const definition = tool('raise');
    const [offline] = await reviewTools(undefined, 'io.example/first', [definition], [rulesOf(definition)], cache);
    expect([offline!.risk, offline!.review?.model]).toEqual(['high', 'stand-in']);
    // a tool the listing does not have is left as it is
    const [unknown] = await reviewTools(undefined, 'io.example/first', [], [rulesOf(definition)], cache);
    expect(unknown!.review).toBeUndefined();
    cache.prune(new Map([['raise', 'sha256:changed']]));
    expect(cache.find('raise', 'sha256:raise')).toEqual([]);
  });

  it('rewrites a cache file that is not one, and says why', async () => {
    await writeFile(`${work.path}/broken.json`, '{ "slug": 3 }\n');
    const cache = await AnswerCache.open(work.path, 'broken', 'io.example/broken');
    expect(cache.problem).toBeTruthy();
    expect(cache.find('x', 'sha256:x')).toEqual([]);
  });
});
