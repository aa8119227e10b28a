// classifier/run.ts in the test process: the catalog run (worker pool, cache, model answers, clean-up, summary), the
// saved tools/list file and the --json shape. The CLI tests drive the same through child processes and catalog.test.ts
// through the whole committed catalog. Each case is one promise docs/classification.md makes of `toolrisk classify`.
import { existsSync } from 'node:fs';
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classifySnapshot } from '../../classifier/catalog.ts';
import { PROMPT_VERSION } from '../../classifier/llm.ts';
import { ModelReviewer, type LlmSettings } from '../../classifier/review.ts';
import { atOrAbove, classifyCatalog, classifyToolsFile, listClassifiedFiles, toolJson } from '../../classifier/run.ts';
import { renderGateway, renderIntercept, singleToolModel } from '../../classifier/policy.ts';
import { checkListedTools } from '../../crawler/tools.ts';
import { snapshotFrom } from '../../crawler/snapshot.ts';
import { ClassifiedServerSchema, CrawlSnapshotSchema, IndexEntrySchema, ModelAnswerCacheSchema, RISK_LEVELS, type CrawlSnapshot, type McpTool, type ModelAnswer } from '../../data/schema.ts';
import { DataFileError, serializeRecord, writeRecord } from '../../data/serialize.ts';
import { tempDir } from '../helpers.ts';
import { answer, startFakeOpenAI, type FakeOpenAI } from '../llm/fake-openai.ts';

const tool = (name: string, description: string): McpTool => ({ name, description, inputSchema: { type: 'object', properties: { id: { type: 'string' } } } });

/** A snapshot as `toolrisk crawl` writes it, of a server named io.example/<name>. */
function snapshotOf(name: string, tools: McpTool[]): CrawlSnapshot {
  const entry = IndexEntrySchema.parse({ server: { name: `io.example/${name}`, description: `The ${name} server.`, version: '1.0.0' } });
  return snapshotFrom(entry, { kind: 'recorded', file: `${name}.json` }, { status: 'ok', source: 'recorded', timings: { totalMs: 1 }, ...checkListedTools(tools) }, undefined, '2026-11-01T00:00:00.000Z');
}

const twoTools = (i: number) => [tool(`delete_record_${i}`, `Delete record ${i} permanently.`), tool(`get_record_${i}`, `Get record ${i}.`)];
const numbered = (count: number) => Array.from({ length: count }, (_, i) => snapshotOf(`s${String(i).padStart(3, '0')}`, twoTools(i)));

async function writeSnapshots(dataDir: string, snapshots: CrawlSnapshot[]): Promise<void> {
  await mkdir(join(dataDir, 'crawled'), { recursive: true });
  for (const snapshot of snapshots) await writeRecord(join(dataDir, 'crawled', `${snapshot.slug}.json`), CrawlSnapshotSchema, snapshot);
}

const classifiedText = (dataDir: string, slug: string) => readFile(join(dataDir, 'classified', `${slug}.json`), 'utf8');

describe('classifyCatalog: a catalog spread over worker threads', () => {
  const cores = availableParallelism() > 1;

  it('classifies 64 servers in workers into the bytes the calling thread gives, then reuses every tool and writes nothing', async () => {
    const data = await tempDir('toolrisk-run-');
    try {
      const snapshots = numbered(64);
      await writeSnapshots(data.path, snapshots);
      const lines: string[] = [];
      const seen: string[] = [];
      const startedAt = performance.now();
      const first = await classifyCatalog(data.path, (line) => lines.push(line), (snapshot, record) => seen.push(`${snapshot.name}=${record.name}`));
      const wall = performance.now() - startedAt;
      expect(first).toMatchObject({ servers: 64, tools: 128, classified: 128, reused: 0, unchanged: 0, reviewed: 0, errors: [] });
      // (on one core everything runs in the calling thread)
      expect(first.inWorkers).toBe(cores ? 64 : 0);
      expect(first.ms).toBeGreaterThanOrEqual(0);
      expect(first.ms).toBeLessThanOrEqual(Math.ceil(wall));
      expect(seen.sort()).toEqual(snapshots.map((snapshot) => `${snapshot.name}=${snapshot.name}`).sort());
      expect(lines.filter((line) => line.startsWith('classified '))).toContain('classified io.example/s007: 2 new, 0 from the cache');
      expect((await listClassifiedFiles(data.path)).length).toBe(64);
      for (const snapshot of snapshots) {
        const inThread = serializeRecord(ClassifiedServerSchema, classifySnapshot(snapshot).record);
        expect(await classifiedText(data.path, snapshot.slug), snapshot.slug).toBe(inThread);
      }
      // every tool is in the cache: nothing goes to a worker, nothing is written
      const again = await classifyCatalog(data.path);
      expect(again).toMatchObject({ servers: 64, tools: 128, classified: 0, reused: 128, unchanged: 64, inWorkers: 0, errors: [] });
      // one tool of one server changed: the other 63 are passed over unread, and that one alone is too few to start
      // workers for (its other tool from the cache)
      const changed = snapshotOf('s005', [tool('delete_record_5', 'Delete record 5 permanently.'), tool('get_record_5', 'Get record 5 and its history.')]);
      await writeRecord(join(data.path, 'crawled', `${changed.slug}.json`), CrawlSnapshotSchema, changed);
      const third = await classifyCatalog(data.path);
      expect(third).toMatchObject({ classified: 1, reused: 127, unchanged: 63, inWorkers: 0 });
      expect(await classifiedText(data.path, changed.slug)).toBe(serializeRecord(ClassifiedServerSchema, classifySnapshot(changed).record));
    } finally {
      await data.remove();
    }
  }, 120_000);

  it('classifies a catalog of fewer than 64 servers in the calling thread, with the same bytes', async () => {
    const data = await tempDir('toolrisk-run-');
    try {
      const snapshots = numbered(63);
      await writeSnapshots(data.path, snapshots);
      const summary = await classifyCatalog(data.path);
      expect(summary).toMatchObject({ servers: 63, tools: 126, classified: 126, inWorkers: 0, errors: [] });
      expect(await classifiedText(data.path, snapshots[62]!.slug)).toBe(serializeRecord(ClassifiedServerSchema, classifySnapshot(snapshots[62]!).record));
    } finally {
      await data.remove();
    }
  }, 120_000);
});

describe('classifyCatalog: what it keeps, rebuilds, removes and reports', () => {
  it('rebuilds a broken classification, reports a broken snapshot and a broken answers file in order, and removes files whose snapshot is gone', async () => {
    const data = await tempDir('toolrisk-run-');
    try {
      const [a, b, c] = ['alpha', 'beta', 'gamma'].map((name, i) => snapshotOf(name, twoTools(i)));
      await writeSnapshots(data.path, [a!, b!, c!]);
      await writeFile(join(data.path, 'crawled', 'broken.json'), '{"slug": ');
      await mkdir(join(data.path, 'classified'), { recursive: true });
      await writeFile(join(data.path, 'classified', `${b!.slug}.json`), 'not json at all');
      await writeFile(join(data.path, 'classified', 'io.example__gone.json'), '{}');
      await mkdir(join(data.path, 'llm'), { recursive: true });
      await writeFile(join(data.path, 'llm', 'io.example__gone.json'), '{}');
      // answers files of two servers that cannot be read: each named, in the order of the snapshots
      await writeFile(join(data.path, 'llm', `${c!.slug}.json`), '[1,');
      await writeFile(join(data.path, 'llm', `${a!.slug}.json`), '{"slug": 3}');
      const lines: string[] = [];
      const summary = await classifyCatalog(data.path, (line) => lines.push(line));
      expect(summary).toMatchObject({ servers: 3, tools: 6, classified: 6, unchanged: 0 });
      expect(summary.errors).toHaveLength(3);
      expect(summary.errors[0]).toContain('broken.json');
      expect(summary.errors[1]).toMatch(new RegExp(`llm/${a!.slug}\\.json: .*\\(its answers are ignored; the next classify --llm rewrites it\\)$`, 's'));
      expect(summary.errors[2]).toContain(`llm/${c!.slug}.json: not valid JSON`);
      // (each names its file once, first)
      expect(summary.errors.slice(1).map((error) => error.split('.json').length - 1)).toEqual([1, 1]);
      expect(await classifiedText(data.path, b!.slug)).toBe(serializeRecord(ClassifiedServerSchema, classifySnapshot(b!).record));
      expect(existsSync(join(data.path, 'classified', 'io.example__gone.json'))).toBe(false);
      expect(existsSync(join(data.path, 'llm', 'io.example__gone.json'))).toBe(false);
      expect(lines).toContain('removed classified/io.example__gone.json (no crawl snapshot)');
      expect(lines).toContain('removed llm/io.example__gone.json (no crawl snapshot)');
      // the answers files that could not be read are left for the next classify --llm, not removed
      expect((await readdir(join(data.path, 'llm'))).sort()).toEqual([`${a!.slug}.json`, `${c!.slug}.json`]);
    } finally {
      await data.remove();
    }
  });

  it('applies the model answers committed in data/llm/ without a model, and recomputes the server policy from them', async () => {
    const data = await tempDir('toolrisk-run-');
    try {
      const snapshot = snapshotOf('answered', [tool('list_items', 'List the items.'), tool('get_item', 'Get an item.')]);
      await writeSnapshots(data.path, [snapshot]);
      const without = classifySnapshot(snapshot).record;
      const fingerprint = snapshot.fingerprints.find((entry) => entry.name === 'list_items')!.fingerprint;
      const verdict: ModelAnswer = { category: 'read', destructive: false, financial: false, openWorld: false, sensitive: true, risk: 'medium', poisoning: false, poisoningQuote: '', rationale: 'Items can hold personal data.', evidence: ['List the items'] };
      await writeRecord(join(data.path, 'llm', `${snapshot.slug}.json`), ModelAnswerCacheSchema, {
        slug: snapshot.slug,
        name: snapshot.name,
        entries: [{ tool: 'list_items', fingerprint, model: 'fixture-model', promptVersion: PROMPT_VERSION, askedAt: '2026-11-01T00:00:00.000Z', status: 'ok', answer: verdict, usage: { inputTokens: 900, outputTokens: 80 } }],
      });
      const summary = await classifyCatalog(data.path);
      expect(summary).toMatchObject({ servers: 1, reviewed: 1, errors: [] });
      const record = ClassifiedServerSchema.parse(JSON.parse(await classifiedText(data.path, snapshot.slug)));
      expect(record.tools.map((t) => [t.tool, t.review?.status ?? '-', t.risk])).toEqual([
        ['list_items', 'ok', 'medium'],
        ['get_item', '-', without.tools[1]!.risk],
      ]);
      expect(without.tools[0]!.risk).toBe('low');
      // the server's policy follows the reviewed tools, not the rules' alone
      expect(record.policy).not.toEqual(without.policy);
      // the answers file is the committed record: a run without a model leaves it as it was
      expect(existsSync(join(data.path, 'llm', `${snapshot.slug}.json`))).toBe(true);
      // a second run passes the unchanged server over, and still counts its reviewed tool
      expect(await classifyCatalog(data.path)).toMatchObject({ servers: 1, reviewed: 1, unchanged: 1, classified: 0, errors: [] });
    } finally {
      await data.remove();
    }
  });
});

describe('classifyCatalog with a model (--llm), against the stand-in on 127.0.0.1', () => {
  let fake: FakeOpenAI;
  beforeAll(async () => {
    fake = await startFakeOpenAI((request) => ({ delayMs: 150, content: answer(request, { category: 'read', risk: 'medium', sensitive: true }) }));
  });
  afterAll(async () => fake?.close());
  const settings = (concurrency: number): LlmSettings => ({ model: 'stand-in', baseURL: fake.baseURL, apiKey: 'test-key', concurrency, timeoutMs: 10_000, httpRetries: 0, maxWaitMs: 10 });

  it('keeps as many servers in flight as the model may answer, saves each server\'s answers, and counts progress in tools', async () => {
    const data = await tempDir('toolrisk-run-');
    try {
      const snapshots = ['one', 'two', 'three'].map((name) => snapshotOf(name, [tool(`get_${name}`, `Get the ${name}.`)]));
      await writeSnapshots(data.path, snapshots);
      const lines: string[] = [];
      const before = fake.requests.length;
      const summary = await classifyCatalog(data.path, (line) => lines.push(line), undefined, { reviewer: new ModelReviewer(settings(3)) });
      expect(fake.requests.length - before).toBe(3);
      // three one-tool servers and three requests allowed at once: all three were asked together
      expect(fake.maxInFlight()).toBe(3);
      expect(summary).toMatchObject({ servers: 3, reviewed: 3, inWorkers: 0, errors: [] });
      expect(lines.filter((line) => line.startsWith('model review: ')).map((line) => line.replace(/io\.example\/\w+/, 'S'))).toEqual([
        'model review: S done (1 of 3 tools)',
        'model review: S done (2 of 3 tools)',
        'model review: S done (3 of 3 tools)',
      ]);
      for (const snapshot of snapshots) {
        const saved = ModelAnswerCacheSchema.parse(JSON.parse(await readFile(join(data.path, 'llm', `${snapshot.slug}.json`), 'utf8')));
        expect(saved.entries.map((entry) => [entry.tool, entry.status])).toEqual([[snapshot.tools[0]!.name, 'ok']]);
      }
    } finally {
      await data.remove();
    }
  });

  it('classifies in the calling thread when a model reviews, however large the catalog', async () => {
    const data = await tempDir('toolrisk-run-');
    try {
      await writeSnapshots(data.path, numbered(64));
      const summary = await classifyCatalog(data.path, undefined, undefined, { reviewer: new ModelReviewer(settings(16)) });
      expect(summary).toMatchObject({ servers: 64, reviewed: 128, inWorkers: 0, errors: [] });
    } finally {
      await data.remove();
    }
  }, 120_000);

  it('loses only the answers of a server whose answers file cannot be written, and says which', async () => {
    const data = await tempDir('toolrisk-run-');
    try {
      const snapshot = snapshotOf('unwritable', [tool('get_thing', 'Get the thing.')]);
      await writeSnapshots(data.path, [snapshot]);
      // data/llm is a file: nothing can be written under it
      await writeFile(join(data.path, 'llm'), 'in the way');
      const summary = await classifyCatalog(data.path, undefined, undefined, { reviewer: new ModelReviewer(settings(2)) });
      expect(summary.servers).toBe(1);
      expect(summary.errors).toHaveLength(2);
      expect(summary.errors[0]).toMatch(new RegExp(`llm/${snapshot.slug}\\.json: could not save the model answers: `));
      // (nor can the clean-up read it: said, and the run ends with its summary)
      expect(summary.errors[1]).toMatch(/^llm: could not be read to remove files whose crawl snapshot is gone \(ENOTDIR/);
      // the classification, with its review, is written all the same
      const record = ClassifiedServerSchema.parse(JSON.parse(await classifiedText(data.path, snapshot.slug)));
      expect(record.tools[0]!.review?.status).toBe('ok');
    } finally {
      await data.remove();
    }
  });
});

describe('classifyToolsFile: a saved tools/list result', () => {
  it('names the server after the file when the file does not, and takes the name, title and description it gives', () => {
    const tools = [tool('get_a', 'Get a.')];
    expect(classifyToolsFile('saved/tools.json', JSON.stringify(tools)).server).toEqual({ name: 'saved/tools.json', title: undefined, description: undefined });
    expect(classifyToolsFile('saved/tools.json', JSON.stringify({ tools })).server.name).toBe('saved/tools.json');
    const named = classifyToolsFile('saved/tools.json', JSON.stringify({ server: { name: 'io.example/named', title: 'Named', description: 'A server.' }, tools }));
    expect(named.server).toEqual({ name: 'io.example/named', title: 'Named', description: 'A server.' });
  });

  it('gives one result per listed tool in order: the invalid, the duplicate and the good each in its place', () => {
    const listed = [tool('first', 'Get the first.'), { description: 'A tool without a name.' }, 42, tool('first', 'Again.'), tool('last', 'Delete the last.')];
    const { results } = classifyToolsFile('f.json', JSON.stringify({ tools: listed }));
    expect(results).toHaveLength(5);
    expect(results.map((result) => ('classification' in result ? `${result.name}:ok` : `${result.name ?? '-'}#${result.index}:${result.error.split(':')[0]}`))).toEqual([
      'first:ok',
      '-#1:not a valid MCP tool definition',
      '-#2:not a valid MCP tool definition',
      'first#3:duplicate tool name',
      'last:ok',
    ]);
    const last = results[4]!;
    expect('classification' in last && last.classification.destructive).toBe(true);
    expect('tool' in last && last.tool.name).toBe('last');
  });

  it('throws a DataFileError naming the file for text that is not JSON, and for JSON of another shape', () => {
    const notJson = (() => {
      try {
        classifyToolsFile('in/bad.json', '{tools');
      } catch (error) {
        return error;
      }
    })();
    expect(notJson).toBeInstanceOf(DataFileError);
    expect((notJson as Error).message).toMatch(/^in\/bad\.json: not valid JSON \(/);
    expect(() => classifyToolsFile('in/shape.json', '{"tool": []}')).toThrow(/^in\/shape\.json: expected \{"tools":\[…\]\}, a bare array of tools, or \{"server":\{…\},"tools":\[…\]\}:\n/);
  });
});

describe('toolJson and atOrAbove: what classify --json prints and what --fail-on counts', () => {
  it('prints the classification in the documented shape, with both policies, and the review only when there is one', () => {
    const { results } = classifyToolsFile('f.json', JSON.stringify([tool('delete_file', 'Delete a file permanently.')]));
    const first = results[0]!;
    if (!('classification' in first)) throw new Error('expected a classification');
    const c = first.classification;
    const json = toolJson(c);
    expect(Object.keys(json)).toEqual(['name', 'category', 'risk', 'destructive', 'financial', 'openWorld', 'sensitive', 'destructiveScope', 'operations', 'score', 'confidence', 'rationale', 'evidence', 'signals', 'warnings', 'policy']);
    expect(json).toMatchObject({ name: 'delete_file', category: c.category, risk: c.risk, destructive: true, financial: false, score: c.score, confidence: c.confidence });
    expect(json.rationale).toBe(c.rationale);
    expect(json.evidence).toBe(c.evidence);
    const model = singleToolModel(c.policy);
    expect(json.policy).toEqual({ intercept: renderIntercept(model), gateway: renderGateway(model) });
    expect(Object.keys(json.policy.intercept).length).toBeGreaterThan(0);
    const review = { status: 'ok', model: 'm', askedAt: '2026-11-01T00:00:00.000Z' } as unknown as NonNullable<typeof c.review>;
    expect(toolJson({ ...c, review }).review).toBe(review);
    expect(Object.keys(toolJson({ ...c, review })).at(-1)).toBe('review');
  });

  it('counts a risk as failing at the threshold and above, never below', () => {
    const table = RISK_LEVELS.map((risk) => RISK_LEVELS.map((threshold) => (atOrAbove(risk, threshold) ? 1 : 0)).join('')).join(' ');
    expect(RISK_LEVELS).toEqual(['low', 'medium', 'high', 'critical']);
    expect(table).toBe('1000 1100 1110 1111');
  });
});
