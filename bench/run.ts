// `npm run bench [-- --only crawler-overhead,sandbox-overhead,index-crawl]`: prints figures and writes bench/results.md.
import { readFile, writeFile } from 'node:fs/promises';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { benchCrawlerOverhead, benchIndexCrawl, benchSandboxOverhead, type Section } from './crawler.ts';
import { benchClassifier } from './classifier.ts';
import { benchSite } from './site.ts';
import { benchSearch } from './search.ts';
import { benchRobustness } from './robustness.ts';
import { benchLighthouse } from './lighthouse.ts';
import { benchScan } from './scan.ts';
import { ROOT } from '../tests/helpers.ts';

const BENCHES: Record<string, () => Promise<Section>> = {
  'crawler-overhead': () => benchCrawlerOverhead(),
  'sandbox-overhead': () => benchSandboxOverhead(),
  'index-crawl': () => benchIndexCrawl(),
  classifier: () => benchClassifier(),
  site: () => benchSite(),
  search: () => benchSearch(),
  robustness: () => benchRobustness(),
  lighthouse: () => benchLighthouse(),
  scan: () => benchScan(),
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

// sections not run this time are kept from the previous results, marked with their own date
const previous = await readFile(join(ROOT, 'bench', 'results.md'), 'utf8').catch(() => '');
const kept = previous
  .split(/\n(?=## )/)
  .slice(1)
  .map((chunk) => ({ title: chunk.slice(3, chunk.indexOf('\n')).trim(), markdown: chunk.slice(chunk.indexOf('\n') + 1).trim() }))
  .filter((section) => !sections.some((fresh) => fresh.title === section.title));
const order = ['Crawler overhead per server', 'Crawling the bundled index', 'Classifier throughput', 'Hostile input', 'Site build', 'Search', 'Lighthouse (mobile)', 'Scan'];
const all = [...kept, ...sections].sort((a, b) => (order.indexOf(a.title) + 1 || 99) - (order.indexOf(b.title) + 1 || 99));

const header = [
  '# Benchmark results',
  '',
  `Written by \`npm run bench\` on ${new Date().toISOString()}: Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB.`,
  'The machine is shared and noisy: compare figures within one section, not across runs.',
  `This run: ${wanted.join(', ')}${kept.length ? `; kept from an earlier run: ${kept.map((section) => section.title).join(', ')}` : ''}.`,
];
await writeFile(join(ROOT, 'bench', 'results.md'), `${[...header, ...all.map((section) => `\n## ${section.title}\n\n${section.markdown}`)].join('\n')}\n`);
console.error('bench: wrote bench/results.md');
