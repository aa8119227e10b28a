// What hostile input costs: `toolrisk classify --json` of a 50,000-tool file (wall time and peak
// memory of the real command), and a schema 5,000 levels deep beside a flat one, in the same run.
import { spawn } from 'node:child_process';
import { readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { ROOT } from '../tests/helpers.ts';
import { realTools } from './synthetic.ts';
import type { Section } from './crawler.ts';

/** Runs `toolrisk` with `args`, sampling its resident memory from /proc; the best of `rounds` runs. */
async function measure(args: string[], rounds = 3): Promise<{ ms: number; peakMiB: number; code: number }> {
  let best = { ms: Infinity, peakMiB: 0, code: 0 };
  for (let round = 0; round < rounds; round++) {
    const started = performance.now();
    const child = spawn(process.execPath, [join(ROOT, 'bin', 'toolrisk.js'), ...args], { stdio: ['ignore', 'ignore', 'ignore'] });
    let peak = 0;
    const sample = setInterval(() => {
      readFile(`/proc/${child.pid}/status`, 'utf8')
        .then((status) => (peak = Math.max(peak, Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0))))
        .catch(() => undefined);
    }, 50);
    const code = await new Promise<number>((done) => child.once('exit', (exit) => done(exit ?? 1)));
    clearInterval(sample);
    const ms = performance.now() - started;
    if (ms < best.ms) best = { ms, peakMiB: peak / 1024, code };
  }
  return best;
}

export async function benchRobustness(): Promise<Section> {
  const work = join(ROOT, 'bench', '.work', 'robustness');
  await rm(work, { recursive: true, force: true });
  await mkdir(work, { recursive: true });
  const { tools } = realTools();
  // 50,000 tools: the real ones repeated under distinct names
  const many = Array.from({ length: 50_000 }, (_, i) => ({ ...tools[i % tools.length]!, name: `${tools[i % tools.length]!.name}_${i}` }));
  await writeFile(join(work, 'many.json'), JSON.stringify({ tools: many }));
  await writeFile(join(work, 'one.json'), JSON.stringify({ tools: [many[0]] }));
  let deep = '{"type":"string"}';
  for (let i = 0; i < 5_000; i++) deep = `{"type":"object","properties":{"next":${deep}}}`;
  await writeFile(join(work, 'deep.json'), `{"tools":[{"name":"deep_tool","description":"Reads a value.","inputSchema":{"type":"object","properties":{"config":${deep}}}}]}`);
  await writeFile(join(work, 'flat.json'), '{"tools":[{"name":"flat_tool","description":"Reads a value.","inputSchema":{"type":"object","properties":{"config":{"type":"string"}}}}]}');

  const one = await measure(['classify', '--json', join(work, 'one.json')]);
  const bulk = await measure(['classify', '--json', join(work, 'many.json')], 2);
  const flat = await measure(['classify', '--json', join(work, 'flat.json')]);
  const nested = await measure(['classify', '--json', join(work, 'deep.json')]);
  await rm(work, { recursive: true, force: true });
  if ([one, bulk, flat, nested].some((run) => run.code !== 0)) throw new Error('robustness bench: a classify run failed');
  const row = (what: string, run: { ms: number; peakMiB: number }, baseline?: { ms: number }) =>
    `| ${what} | ${(run.ms / 1000).toFixed(2)} s | ${run.peakMiB.toFixed(0)} MiB | ${baseline ? `${run.ms >= baseline.ms ? '+' : '−'}${(Math.abs(run.ms - baseline.ms) / 1000).toFixed(2)} s` : ''} |`;
  console.error(`  50,000 tools: ${(bulk.ms / 1000).toFixed(1)} s, ${bulk.peakMiB.toFixed(0)} MiB; 5,000 levels: ${(nested.ms / 1000).toFixed(2)} s vs flat ${(flat.ms / 1000).toFixed(2)} s`);
  return {
    title: 'Hostile input',
    markdown: [
      '`toolrisk classify --json` as a process (best of 2–3 runs; peak memory is VmHWM sampled from /proc). The 50,000 tools are the real ones repeated under distinct names; the deep schema is nested 5,000 levels and is cut at 64 where it enters (crawler/bounded.ts).',
      '',
      '| input | wall | peak RSS | over its baseline |',
      '|---|---:|---:|---:|',
      row('1 tool (baseline: start-up)', one),
      row('50,000 tools', bulk, one),
      row('1 tool, flat schema (baseline)', flat),
      row('1 tool, schema 5,000 levels deep', nested, flat),
    ].join('\n'),
  };
}
