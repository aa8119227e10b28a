// `toolrisk rules [--json]`: every rule of the classifier (classifier/rules/), what it concludes, why,
// its examples, and how many tools of the catalog in data/classified/ it fires on.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ClassifiedServerSchema } from '../data/schema.ts';
import { readRecord } from '../data/serialize.ts';
import { listClassifiedFiles } from '../classifier/run.ts';
import { ruleSet } from '../classifier/engine/registry.ts';
import { conclusionText, exampleText, ruleHits, ruleReport, type RuleReport } from '../classifier/engine/report.ts';
import { terminalSafe } from '../crawler/terminal.ts';

/** Hits over the classified catalog of a data folder; undefined when it has none. A broken file is named and skipped. */
async function catalogHits(dataDir: string, warn: (line: string) => void): Promise<Map<string, number> | undefined> {
  if (!existsSync(join(dataDir, 'classified'))) return undefined;
  const classifications = [];
  for (const name of await listClassifiedFiles(dataDir)) {
    const file = join(dataDir, 'classified', name);
    try {
      classifications.push(...(await readRecord(file, ClassifiedServerSchema)).tools);
    } catch (error) {
      warn(`rules: ${file} was skipped in the counts: ${(error as Error).message.split('\n')[0]}`);
    }
  }
  return ruleHits(classifications);
}

export async function rulesCommand(options: { json: boolean; dataDir: string }): Promise<number> {
  const hits = await catalogHits(options.dataDir, (line) => console.error(terminalSafe(line)));
  const reports: RuleReport[] = ruleSet().rules.map((rule) => ruleReport(rule, hits));
  if (options.json) {
    console.log(JSON.stringify(reports, null, 2));
    return 0;
  }
  let family = '';
  for (const report of reports) {
    if (report.family !== family) {
      family = report.family;
      console.log(`\n${family}`);
    }
    const count = report.hits === null ? '' : ` — fires on ${report.hits.toLocaleString('en-US')} catalog tool${report.hits === 1 ? '' : 's'}`;
    console.log(`  ${report.id}: ${conclusionText(report.concludes)}${count}`);
    console.log(`      ${terminalSafe(report.why)}`);
    console.log(`      e.g. ${terminalSafe(exampleText(report.examples.match[0]!, 100))}`);
  }
  const total = hits ? `; counts over ${options.dataDir}/classified` : '';
  console.log(`\n${reports.length} rules in ${new Set(reports.map((r) => r.family)).size} families (classifier/rules/<family>/<id>.yaml)${total}`);
  return 0;
}
