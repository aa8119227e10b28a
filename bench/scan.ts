// `npm run bench -- --only scan`: the installable scan package's size on disk, and the time a scan of
// a config with 10 catalogued servers takes to report (no live inspection), for the installed command
// with its packed catalog and for the repository's command with data/, each against the same
// command's start-up (`--help`) measured in the same run.
import { spawnSync } from 'node:child_process';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { dataCatalog } from '../scan/catalog.ts';
import { buildPackage } from '../scan/pack.ts';
import { installTarball, ROOT, tempDir, writeFileIn } from '../tests/helpers.ts';
import type { Section } from './crawler.ts';

async function bytesOf(path: string): Promise<number> {
  const info = await stat(path);
  if (!info.isDirectory()) return info.size;
  let total = 0;
  for (const entry of await readdir(path)) total += await bytesOf(join(path, entry));
  return total;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[sorted.length >> 1]!;
}

function timed(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv, runs = 7): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const result = spawnSync(command, args, { cwd, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    times.push(performance.now() - start);
    if (result.status !== 0 && !args.includes('--help')) throw new Error(`${command} ${args.join(' ')} exited ${result.status}: ${result.stderr.slice(-2000)}`);
  }
  return median(times);
}

const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MiB`;
const ms = (value: number) => `${value.toFixed(0)} ms`;

export async function benchScan(): Promise<Section> {
  const dir = await tempDir('toolrisk-bench-scan-');
  try {
    const packed = await buildPackage(ROOT, { outDir: join(dir.path, 'pkg'), packDestination: dir.path });
    const prefix = join(dir.path, 'installed');
    await installTarball(packed.tarball!, prefix);
    const installed = await bytesOf(join(prefix, 'node_modules'));
    const tarball = (await stat(packed.tarball!)).size;
    const repoModules = await bytesOf(join(ROOT, 'node_modules'));

    // ten catalogued npm servers, pinned to the versions the catalog crawled
    const catalog = await dataCatalog(join(ROOT, 'data'));
    const servers = new Map<string, { command: string; args: string[] }>();
    for (const server of catalog.servers) {
      const pkg = server.packages.find((candidate) => candidate.registryType === 'npm' && candidate.version);
      if (!pkg || servers.size >= 10 || !(await catalog.load(server.slug))?.tools.length) continue;
      servers.set(server.slug.replace(/[^a-z0-9]+/gi, '-').slice(0, 40), { command: 'npx', args: ['-y', `${pkg.identifier}@${pkg.version}`] });
    }
    const project = join(dir.path, 'project');
    await writeFileIn(join(project, '.cursor', 'mcp.json'), JSON.stringify({ mcpServers: Object.fromEntries(servers) }, null, 2));
    const env = { ...process.env, HOME: join(dir.path, 'home') };
    const installedBin = join(prefix, 'node_modules', 'toolrisk', 'toolrisk.mjs');
    const repoBin = join(ROOT, 'bin', 'toolrisk.js');
    const rows = [
      { label: 'installed package, packed catalog', bin: installedBin },
      { label: 'repository, data/ folder', bin: repoBin },
    ].map(({ label, bin }) => {
      const startup = timed(process.execPath, [bin, '--help'], project, env);
      const scan = timed(process.execPath, [bin, 'scan', '--offline', '--json'], project, env);
      return `| ${label} | ${ms(scan)} | ${ms(startup)} | ${ms(scan - startup)} |`;
    });
    const markdown = [
      `A config with ${servers.size} catalogued npm servers (Cursor's .cursor/mcp.json), \`scan --offline --json\`, median of 7 runs; the start-up column is the same command's \`--help\` in the same run, so the last column is the scan's own work (reading the catalog, matching, the report).`,
      '',
      '| command | time to report | start-up (--help) | scan work |',
      '|---|---|---|---|',
      ...rows,
      '',
      `Package: tarball ${mib(tarball)}, installed ${mib(installed)} on disk (no dependencies: the command is one bundled file of ${mib(packed.bytes.bundle)}, the catalog ${mib(packed.bytes.catalog)} for ${packed.catalogServers} servers and ${packed.catalogTools} tools, crawled until ${packed.crawledUntil.slice(0, 10)}). For comparison, the repository's own node_modules (the site's build tools, the test tools) is ${mib(repoModules)}.`,
    ].join('\n');
    return { title: 'Scan', markdown };
  } finally {
    await dir.remove();
  }
}
