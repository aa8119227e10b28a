// The scan runs where a team's code is: the packed tarball, installed into an empty folder, runs a
// scan with the repository hidden (bubblewrap lays an empty folder over it), from its own catalog.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ScanCatalogSchema } from '../../data/schema.ts';
import { buildPackage, type PackResult } from '../../scan/pack.ts';
import { installTarball, ROOT, runCommand, tempDir, writeFileIn } from '../helpers.ts';

let dir: { path: string; remove(): Promise<void> };
let packed: PackResult;

beforeAll(async () => {
  dir = await tempDir('toolrisk-pack-');
  packed = await buildPackage(ROOT, { outDir: join(dir.path, 'pkg'), packDestination: dir.path });
}, 180_000);
afterAll(() => dir.remove());

describe('the installable scan package', () => {
  it('packs the command, a dated catalog of every classified server, and no dependency', async () => {
    expect(packed.tarball).toMatch(/toolrisk-\d+\.\d+\.\d+\.tgz$/);
    const manifest = JSON.parse(await readFile(join(packed.dir, 'package.json'), 'utf8')) as Record<string, unknown>;
    expect(manifest.dependencies).toBeUndefined();
    expect(manifest.bin).toEqual({ toolrisk: 'toolrisk.mjs' });
    const catalog = ScanCatalogSchema.parse(JSON.parse(gunzipSync(await readFile(join(packed.dir, 'catalog.json.gz'))).toString('utf8')));
    expect(catalog.servers.length).toBe(packed.catalogServers);
    expect(catalog.servers.length).toBeGreaterThan(400);
    expect(catalog.crawledUntil).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    // the bundle does not reach back into the repository
    expect((await readFile(join(packed.dir, 'toolrisk.mjs'), 'utf8')).includes(ROOT)).toBe(false);
  });

  it('installs into an empty folder and scans there with the repository out of sight', async () => {
    const prefix = join(dir.path, 'installed');
    await installTarball(packed.tarball!, prefix);
    const project = join(dir.path, 'team-project');
    await writeFileIn(join(project, '.cursor', 'mcp.json'), JSON.stringify({ mcpServers: { memory: { command: 'npx', args: ['-y', '@modelcontextprotocol/server-memory@2026.8.31'] } } }));
    const bin = join(prefix, 'node_modules', '.bin', 'toolrisk');
    const env = { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: join(dir.path, 'home'), COLUMNS: '200' };
    // an empty tmpfs over the repository: nothing of it can be read while the installed command runs
    const hidden = (args: string[]) => runCommand('bwrap', ['--dev-bind', '/', '/', '--tmpfs', ROOT, '--chdir', project, process.execPath, bin, ...args], { env });
    const probe = await runCommand('bwrap', ['--dev-bind', '/', '/', '--tmpfs', ROOT, 'ls', ROOT]);
    expect(probe.code, probe.stderr).toBe(0);
    expect(probe.stdout).toBe('');
    const scan = await hidden(['scan', '--offline', '--fail-on', 'critical']);
    expect(scan.code, scan.stderr).toBe(0);
    expect(scan.stdout).toContain(`catalog ${join(prefix, 'node_modules', 'toolrisk', 'catalog.json.gz')} (crawled until ${packed.crawledUntil.slice(0, 10)})`);
    expect(scan.stdout).toMatch(/^memory +Cursor +catalog +9 +0 +3 +3 +3 +npx -y @modelcontextprotocol\/server-memory@2026\.8\.31$/m);
    const sarif = await hidden(['scan', '--offline', '--sarif']);
    expect(sarif.code, sarif.stderr).toBe(0);
    expect(JSON.parse(sarif.stdout)).toMatchObject({ version: '2.1.0', runs: [{ tool: { driver: { name: 'ToolRisk', version: packed.version } } }] });
    // its help lists only the commands it has
    const help = await hidden(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^ {2}toolrisk scan /m);
    expect(help.stdout).toMatch(/^ {2}toolrisk classify <file> /m);
    expect(help.stdout).not.toMatch(/toolrisk (crawl|build|serve|add|import|catalog|check-data)\b|toolrisk classify \[--data/);
    const build = await hidden(['build']);
    expect(build.code).toBe(2);
    expect(build.stderr).toContain('"build" works in a clone of the ToolRisk repository');
  }, 120_000);
});
