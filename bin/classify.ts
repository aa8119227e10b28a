// `toolrisk classify`: data/crawled/ → data/classified/ (cached by fingerprint and classifier
// version), and `toolrisk classify <file>` for a saved tools/list result. I/O lives here.
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { ClassifiedServerSchema, McpToolSchema, RISK_LEVELS, type Classification, type ClassifiedServer, type CrawlSnapshot, type Risk } from '../data/schema.ts';
import { DataFileError, formatZodError, parseRecord, serializeRecord, writeTextAtomic } from '../data/serialize.ts';
import { jsonFiles, loadSnapshots } from '../crawler/index-files.ts';
import { checkListedTools } from '../crawler/tools.ts';
import { classifySnapshot, classifyTools } from '../classifier/catalog.ts';
import { renderGateway, renderIntercept, singleToolModel } from '../classifier/policy.ts';

export interface ClassifyCatalogSummary {
  servers: number;
  tools: number;
  classified: number;
  reused: number;
  unchanged: number;
  errors: string[];
  ms: number;
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

/** Classifies every snapshot in data/crawled/ into data/classified/, writing only files whose bytes change. */
export async function classifyCatalog(
  dataDir: string,
  log: (line: string) => void = () => {},
  /** Called with each server's snapshot and classification, for callers that report on them. */
  onServer?: (snapshot: CrawlSnapshot, record: ClassifiedServer) => void,
): Promise<ClassifyCatalogSummary> {
  const started = performance.now();
  const { items: snapshots, errors } = await loadSnapshots(join(dataDir, 'crawled'));
  const summary: ClassifyCatalogSummary = { servers: 0, tools: 0, classified: 0, reused: 0, unchanged: 0, errors: [...errors], ms: 0 };
  const outDir = join(dataDir, 'classified');
  for (const snapshot of snapshots) {
    const file = join(outDir, `${snapshot.slug}.json`);
    const previous = await readPrevious(file);
    const result = classifySnapshot(snapshot, previous?.record, (tool, error) =>
      summary.errors.push(`${snapshot.name}: tool ${JSON.stringify(tool)} could not be classified (skipped): ${error.message}`),
    );
    onServer?.(snapshot, result.record);
    summary.servers += 1;
    summary.tools += result.record.tools.length;
    summary.classified += result.classified;
    summary.reused += result.reused;
    const text = serializeRecord(ClassifiedServerSchema, result.record);
    if (previous?.text === text) {
      summary.unchanged += 1;
      continue;
    }
    await writeTextAtomic(file, text);
    log(`classified ${snapshot.name}: ${result.classified} new, ${result.reused} from the cache`);
  }
  // a classification whose snapshot is gone goes too
  const current = new Set(snapshots.map((snapshot) => `${snapshot.slug}.json`));
  for (const name of await listClassifiedFiles(dataDir)) {
    if (!current.has(name)) {
      await rm(join(outDir, name), { force: true });
      log(`removed classified/${name} (no crawl snapshot)`);
    }
  }
  summary.ms = Math.round(performance.now() - started);
  return summary;
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
  results: ({ name: string; classification: Classification } | { name?: string; index: number; error: string })[];
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
  const { classifications } = classifyTools(checked.tools, checked.tools.map((tool) => checked.fingerprints.get(tool.name)!), server);
  const byName = new Map(classifications.map((classification) => [classification.tool, classification]));
  const invalid = new Map(checked.invalidTools.map((tool) => [tool.index, tool]));
  const seen = new Set<string>();
  const results: FileClassification['results'] = listed.map((raw, index) => {
    const bad = invalid.get(index);
    if (bad) return { name: bad.name, index, error: `not a valid MCP tool definition: ${bad.problems.join('; ')}` };
    const name = McpToolSchema.shape.name.safeParse((raw as { name?: unknown }).name).data!;
    if (seen.has(name)) return { name, index, error: 'duplicate tool name: only the first definition is classified' };
    seen.add(name);
    return { name, classification: byName.get(name)! };
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
    score: classification.score,
    confidence: classification.confidence,
    rationale: classification.rationale.join(' '),
    evidence: classification.evidence,
    warnings: classification.warnings,
    policy: { intercept: renderIntercept(model), gateway: renderGateway(model) },
  };
}

export function atOrAbove(risk: Risk, threshold: Risk): boolean {
  return RISK_LEVELS.indexOf(risk) >= RISK_LEVELS.indexOf(threshold);
}

export function listClassifiedFiles(dataDir: string): Promise<string[]> {
  return jsonFiles(join(dataDir, 'classified'));
}
