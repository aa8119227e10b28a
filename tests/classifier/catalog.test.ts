// The classified catalog in data/: consistency of every generated sentence with its record,
// evidence quoted exactly, the cache, and the labelled-set accuracy gate.
import { readdirSync, readFileSync } from 'node:fs';
import { cp, readFile, mkdir } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { textAtLocation } from '../../classifier/poisoning.ts';
import { CATEGORIES, ClassifiedServerSchema, CrawlSnapshotSchema, RISK_LEVELS, type ClassifiedServer } from '../../data/schema.ts';
import { classifyCatalog } from '../../classifier/run.ts';
import { loadLabels, loadLabelsIfPresent, runEval } from '../../classifier/eval-labels.ts';
import { ROOT, tempDir, turnEventLoop } from '../helpers.ts';
import { classifySnapshot } from '../../classifier/catalog.ts';
import { serializeRecord } from '../../data/serialize.ts';

function loadClassified(): ClassifiedServer[] {
  const dir = join(ROOT, 'data', 'classified');
  return readdirSync(dir).map((file) => ClassifiedServerSchema.parse(JSON.parse(readFileSync(join(dir, file), 'utf8'))));
}

/** Generated text with quoted (server-supplied) spans removed. */
// (quotes are the definition's words, and so is the tool's action that opens the risk sentence: "Risk low: to get critical alerts, …")
const ownWords = (text: string) => text.replace(/“[^”]*”/g, '“”').replace(/(Risk \w+: )(to|for) [^,;]*, /g, '$1');

describe('the classified catalog', () => {
  const servers = loadClassified();

  it('has every crawled tool, classified by the current classifier version', () => {
    const crawledDir = join(ROOT, 'data', 'crawled');
    for (const file of readdirSync(crawledDir)) {
      const snapshot = CrawlSnapshotSchema.parse(JSON.parse(readFileSync(join(crawledDir, file), 'utf8')));
      const classified = servers.find((server) => server.slug === snapshot.slug);
      expect(classified, file).toBeDefined();
      expect(classified).not.toHaveProperty('classifierVersion');
      expect(classified!.tools.map((tool) => tool.tool)).toEqual(snapshot.tools.map((tool) => tool.name));
      expect(classified!.tools.map((tool) => tool.fingerprint)).toEqual(snapshot.fingerprints.map((entry) => entry.fingerprint));
    }
  });

  it('is up to date: classifying data/crawled/ anew gives the committed files byte for byte', async () => {
    const crawledDir = join(ROOT, 'data', 'crawled');
    for (const file of readdirSync(crawledDir)) {
      await turnEventLoop();
      const snapshot = CrawlSnapshotSchema.parse(JSON.parse(readFileSync(join(crawledDir, file), 'utf8')));
      const fresh = serializeRecord(ClassifiedServerSchema, classifySnapshot(snapshot).record);
      expect(fresh === readFileSync(join(ROOT, 'data', 'classified', file), 'utf8'), `${file} is stale: bump CODE_REVISION in classifier/version.ts, then npm run classify`).toBe(true);
    }
  });

  it('no generated sentence names another risk level or category than its record', () => {
    let checked = 0;
    for (const server of servers) {
      for (const tool of server.tools) {
        const text = ownWords([...tool.rationale, ...tool.annotations.contradictions.map((c) => c.message), ...tool.policy.rules.map((r) => `${r.name} ${r.on_deny ?? ''}`)].join(' '));
        for (const level of RISK_LEVELS) {
          if (level !== tool.risk) expect(new RegExp(`\\b${level}\\b`, 'i').test(text), `${server.name} ${tool.tool}: says "${level}" but is ${tool.risk}: ${text}`).toBe(false);
        }
        for (const category of CATEGORIES) {
          if (category !== tool.category) expect(new RegExp(`\\bcategory ${category}\\b|\\b${category} tool`, 'i').test(text), `${server.name} ${tool.tool}: says ${category}`).toBe(false);
        }
        // what it does, in its own words, then its category and its risk with why
        expect(tool.rationale[0]).toMatch(/^What it does: /);
        expect(tool.rationale[1]).toMatch(new RegExp(`^Category ${tool.category}: `));
        expect(tool.rationale[2]).toMatch(new RegExp(`^Risk ${tool.risk}: `));
        expect(tool.rationale.some((sentence) => sentence.startsWith(`Destructive (${tool.destructiveScope}):`)), `${tool.tool} destructive`).toBe(tool.destructive);
        expect(tool.destructive).toBe(tool.destructiveScope !== 'none');
        for (const flag of ['financial', 'sensitive'] as const) {
          expect(tool.rationale.some((sentence) => sentence.startsWith(`${flag[0]!.toUpperCase()}${flag.slice(1)}:`)), `${tool.tool} ${flag}`).toBe(tool[flag]);
        }
        // poisoning hides the tool and makes it critical; a note changes nothing
        if (tool.warnings.some((w) => w.severity === 'poisoning')) expect([tool.risk, tool.policy.choice]).toEqual(['critical', 'hide']);
        else expect(tool.policy.choice).not.toBe('hide');
        expect(tool.score).toBeGreaterThanOrEqual({ low: 0, medium: 30, high: 55, critical: 80 }[tool.risk]);
        expect(tool.score).toBeLessThanOrEqual({ low: 29, medium: 54, high: 79, critical: 100 }[tool.risk]);
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(1000);
  });

  it('every quote is an exact substring of the tool definition at the place it names', () => {
    const crawledDir = join(ROOT, 'data', 'crawled');
    for (const server of servers) {
      const snapshot = CrawlSnapshotSchema.parse(JSON.parse(readFileSync(join(crawledDir, `${server.slug}.json`), 'utf8')));
      const context = { name: snapshot.name, title: snapshot.entry.title, description: snapshot.entry.description };
      snapshot.tools.forEach((definition, index) => {
        const classification = server.tools[index]!;
        for (const quote of [...classification.signals, ...classification.evidence, ...classification.warnings.map((w) => w.evidence)]) {
          const source = textAtLocation(definition, quote.where, context);
          expect(source.includes(quote.text), `${server.name} ${definition.name}: ${quote.where} ${JSON.stringify(quote.text)}`).toBe(true);
        }
      });
    }
  });
});

describe('toolrisk classify spread over cores', () => {
  it('classifies a whole catalog in worker threads into the same bytes as the committed files', async () => {
    const data = await tempDir();
    try {
      await cp(join(ROOT, 'data', 'crawled'), join(data.path, 'crawled'), { recursive: true });
      const summary = await classifyCatalog(data.path);
      expect(summary.errors).toEqual([]);
      expect(summary.servers).toBeGreaterThan(100);
      // (on a machine with one core everything runs in the calling thread)
      if (availableParallelism() > 1) expect(summary.inWorkers).toBeGreaterThan(summary.servers / 2);
      for (const file of readdirSync(join(data.path, 'classified'))) {
        expect(readFileSync(join(data.path, 'classified', file), 'utf8') === readFileSync(join(ROOT, 'data', 'classified', file), 'utf8'), file).toBe(true);
      }
    } finally {
      await data.remove();
    }
  }, 120_000);
});

describe('toolrisk classify (catalog)', () => {
  it('classifies once, then reuses every classification by fingerprint and writes nothing', async () => {
    const data = await tempDir();
    try {
      await mkdir(join(data.path, 'crawled'), { recursive: true });
      for (const file of ['io.github.modelcontextprotocol__server-filesystem.json', 'com.stripe__mcp.json']) {
        await cp(join(ROOT, 'data', 'crawled', file), join(data.path, 'crawled', file));
      }
      const first = await classifyCatalog(data.path);
      expect(first).toMatchObject({ servers: 2, reused: 0, unchanged: 0 });
      expect(first.classified).toBe(first.tools);
      const before = await readFile(join(data.path, 'classified', 'com.stripe__mcp.json'), 'utf8');
      expect(before).toBe(await readFile(join(ROOT, 'data', 'classified', 'com.stripe__mcp.json'), 'utf8'));
      const second = await classifyCatalog(data.path);
      expect(second).toMatchObject({ servers: 2, classified: 0, unchanged: 2 });
      expect(second.reused).toBe(first.tools);
    } finally {
      await data.remove();
    }
  });
});

describe('quality on the labelled sets', () => {
  const labels = loadLabels('tools');
  const holdout = loadLabels('holdout');
  const npmSet = loadLabels('npm');
  const npmDev = loadLabels('npm-dev');

  it('covers at least 1,000 real tools and every server in data/ that listed tools, with the tools the verdicts issue named', () => {
    const all = [...labels, ...holdout, ...npmSet, ...npmDev];
    expect(all.length).toBeGreaterThanOrEqual(1000);
    // (servers added later are covered by a later blind round)
    const later = (['fresh', 'fresh2', 'fresh3', 'fresh4', 'fresh5', 'fresh6', 'fresh6-holdout', 'fresh7', 'fresh7-holdout', 'fresh8', 'fresh9', 'fresh10'] as const).flatMap((set) => loadLabelsIfPresent(set));
    const keys = new Set(all.map((label) => `${label.server}\u0000${label.tool}`));
    expect(keys.size).toBe(all.length);
    const servers = new Set([...all, ...later].map((label) => label.server));
    for (const server of loadClassified()) if (server.tools.length) expect(servers.has(server.name), server.name).toBe(true);
    for (const name of ['execute_test_plan', 'generate_mock_api', 'generate_test', 'auto_generate_tests', 'get_test_report', 'generate_html_report', 'firecrawl_research_search_github', 'send-mail', 'update-calendar-event', 'delete_branch']) {
      expect(all.some((label) => label.tool === name), name).toBe(true);
    }
    expect(all.some((label) => label.tool.startsWith('genai-model-eval-delete'))).toBe(true);
    // the held-out part shares no server with the development part's new labels
    expect(holdout.length).toBeGreaterThanOrEqual(100);
  });

  // floors at the figures reached (see docs/quality.md); raise them as the rules improve
  it('category accuracy with annotations removed stays at or above 95% on the development set', () => {
    const result = runEval(labels, false);
    expect(result.categoryAccuracy).toBeGreaterThanOrEqual(0.95);
  });

  it('destructive precision and recall (MCP meaning) stay at or above 0.9 with annotations removed', () => {
    const result = runEval(labels, false);
    expect(result.destructivePrecision).toBeGreaterThanOrEqual(0.9);
    expect(result.destructiveRecall).toBeGreaterThanOrEqual(0.9);
  });

  it('the held-out set, never tuned against, stays at or above 83% category accuracy', () => {
    expect(runEval(holdout, false).categoryAccuracy).toBeGreaterThanOrEqual(0.83);
  });
});
