// `npm run bench [-- --only crawler-overhead,index-crawl]`: prints figures and writes bench/results.md.
import { writeFile } from 'node:fs/promises';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { benchCrawlerOverhead, benchIndexCrawl, type Section } from './crawler.ts';
import { ROOT } from '../tests/helpers.ts';

const BENCHES: Record<string, () => Promise<Section>> = {
  'crawler-overhead': () => benchCrawlerOverhead(),
  'index-crawl': () => benchIndexCrawl(),
};

const { values } = parseArgs({ options: { only: { type: 'string' } } });
const wanted = values.only ? values.only.split(',') : Object.keys(BENCHES);
const unknown = wanted.filter((name) => !(name in BENCHES));
if (unknown.length) {
  console.error(`bench: unknown benchmark(s) ${unknown.join(', ')}; choose from ${Object.keys(BENCHES).join(', ')}`);
  process.exit(2);
}

const sections: Section[] = [];
for (const name of wanted) {
  console.error(`bench: ${name}…`);
  const section = await BENCHES[name]!();
  sections.push(section);
  console.log(`\n## ${section.title}\n\n${section.markdown}\n`);
}

const header = [
  '# Benchmark results',
  '',
  `Written by \`npm run bench\` on ${new Date().toISOString()}: Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB.`,
  'The machine is shared and noisy: compare figures within one run, not across runs.',
];
await writeFile(join(ROOT, 'bench', 'results.md'), `${[...header, ...sections.map((section) => `\n## ${section.title}\n\n${section.markdown}`)].join('\n')}\n`);
console.error('bench: wrote bench/results.md');
