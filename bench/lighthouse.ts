// Lighthouse 12 (mobile) on the home page, a tool page, a server page and the search page of the
// real catalog, built by `toolrisk build` and served by `toolrisk serve`. Lighthouse runs through
// npx at a pinned version (it is large, and only this benchmark needs it), driving Debian's Chromium.
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, buildSiteInto, serveWithToolrisk } from '../tests/helpers.ts';
import type { Section } from './crawler.ts';

const LIGHTHOUSE = 'lighthouse@12.8.2';
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
const TARGETS: Record<(typeof CATEGORIES)[number], number> = { performance: 95, accessibility: 100, 'best-practices': 100, seo: 100 };

export async function benchLighthouse(): Promise<Section> {
  const work = await mkdtemp(join(tmpdir(), 'toolrisk-lighthouse-'));
  const out = join(work, 'dist');
  await buildSiteInto(out);
  // one real tool and its server: the first tool of the catalog's riskiest list is as good as any
  const catalog = JSON.parse(await readFile(join(out, 'api', 'catalog.json'), 'utf8')) as { tools: { url: string; server: string }[] };
  const tool = catalog.tools.find((entry) => entry.url.includes('/tools/'))!;
  const serverUrl = `/servers/${tool.url.split('/')[2]}/`;
  const pages = [
    ['home', '/'],
    ['tool', tool.url],
    ['server', serverUrl],
    ['search', '/search/?q=delete+file'],
  ] as const;
  const site = await serveWithToolrisk(out);
  const rows: string[] = [];
  try {
    for (const [label, path] of pages) {
      const report = join(work, `${label}.json`);
      const run = spawnSync(
        'npx',
        ['--yes', LIGHTHOUSE, `${site.url}${path}`, '--chrome-path=/usr/bin/chromium', '--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-background-networking', '--form-factor=mobile', `--only-categories=${CATEGORIES.join(',')}`, '--output=json', `--output-path=${report}`, '--quiet'],
        { cwd: ROOT, encoding: 'utf8', timeout: 300_000 },
      );
      if (run.status !== 0) throw new Error(`lighthouse on ${path} exited ${run.status}: ${run.stderr.slice(-1000)}`);
      const result = JSON.parse(await readFile(report, 'utf8')) as { categories: Record<string, { score: number }> };
      const scores = CATEGORIES.map((category) => Math.round(result.categories[category]!.score * 100));
      console.error(`  ${label} ${path}: ${CATEGORIES.map((category, i) => `${category} ${scores[i]}`).join(', ')}`);
      rows.push(`| ${label} (\`${path}\`) | ${scores.map((score, i) => `${score}${score < TARGETS[CATEGORIES[i]!] ? ' (below target)' : ''}`).join(' | ')} |`);
    }
  } finally {
    await site.stop();
    await rm(work, { recursive: true, force: true });
  }
  return {
    title: 'Lighthouse (mobile)',
    markdown: [
      `${LIGHTHOUSE} in its mobile mode (emulated phone, throttled network and CPU) against Debian's Chromium, on the real catalog built by \`toolrisk build\` and served by \`toolrisk serve\`. Targets: performance ≥ 95, accessibility, best practices and SEO 100.`,
      '',
      `| page | ${CATEGORIES.join(' | ')} |`,
      `|---|${CATEGORIES.map(() => '---:').join('|')}|`,
      ...rows,
    ].join('\n'),
  };
}
