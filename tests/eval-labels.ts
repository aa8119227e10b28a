// Loads the labelled set (tests/labels/tools.json) and classifies each labelled tool from
// data/crawled/, with its annotations and with them removed. Shared by `npm run eval` and the test.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { classifyTools, serverContextOf } from '../classifier/catalog.ts';
import { evaluate, type EvalResult, type Label } from '../classifier/evaluate.ts';
import { CrawlSnapshotSchema, type McpTool } from '../data/schema.ts';
import { serverSlug } from '../data/slug.ts';
import { ROOT } from './helpers.ts';

export function loadLabels(): Label[] {
  return JSON.parse(readFileSync(join(ROOT, 'tests', 'labels', 'tools.json'), 'utf8')) as Label[];
}

export function runEval(labels: Label[], withAnnotations: boolean): EvalResult {
  const byServer = new Map<string, Label[]>();
  for (const label of labels) byServer.set(label.server, [...(byServer.get(label.server) ?? []), label]);
  const pairs: Parameters<typeof evaluate>[0] = [];
  for (const [server, serverLabels] of byServer) {
    const snapshot = CrawlSnapshotSchema.parse(JSON.parse(readFileSync(join(ROOT, 'data', 'crawled', `${serverSlug(server)}.json`), 'utf8')));
    const strip = (tool: McpTool): McpTool => {
      if (withAnnotations) return tool;
      const { annotations: _dropped, ...rest } = tool;
      return rest;
    };
    const tools = snapshot.tools.map(strip);
    const { classifications } = classifyTools(tools, snapshot.fingerprints.map((entry) => entry.fingerprint), serverContextOf(snapshot));
    const byName = new Map(classifications.map((classification) => [classification.tool, classification]));
    for (const label of serverLabels) {
      const classification = byName.get(label.tool);
      if (!classification) throw new Error(`labelled tool ${label.server} / ${label.tool} is not in data/crawled/`);
      pairs.push({ label, classification });
    }
  }
  return evaluate(pairs);
}
