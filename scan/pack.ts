// The package a team installs to scan its own configurations without cloning ToolRisk: the command
// bundled into one file with everything it imports (so it has no dependencies to install: no Astro,
// no site build tools), the catalog's verdicts in brief (`catalog.json.gz`, with its date), a
// README and a package.json. `npm run pack` builds it into pkg/ and packs it into toolrisk-<version>.tgz.
import { spawnSync } from 'node:child_process';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { ScanCatalogSchema } from '../data/schema.ts';
import { serializeRecord } from '../data/serialize.ts';
import { buildScanCatalog } from './catalog.ts';
import { checkRules, readRuleFiles } from '../classifier/engine/registry.ts';

/** The rule files of a clone, checked (a malformed one stops the packing, named). */
function rulesForBundle(root: string): { file: string; rule: unknown }[] {
  const files = readRuleFiles(join(root, 'classifier', 'rules'));
  checkRules(files);
  return files;
}

export interface PackResult {
  dir: string;
  version: string;
  tarball?: string;
  catalogServers: number;
  catalogTools: number;
  crawledUntil: string;
  bytes: { bundle: number; catalog: number };
}

const PACKAGE_README = (version: string, crawledUntil: string, servers: number, tools: number) => `# toolrisk ${version}

What the tools of the MCP servers you configured can do, how risky each is, why, and the gateway
policy to put in front of them.

    npx toolrisk scan                      # finds .mcp.json, .cursor/mcp.json, .vscode/mcp.json, then user configs
    npx toolrisk scan --sarif > toolrisk.sarif
    npx toolrisk scan --fail-on critical --fail-on-warning
    npx toolrisk scan --policy intercept-yaml --policy-dir policies/

It carries the ToolRisk catalog's verdicts for ${servers} servers and ${tools} tools, crawled until
${crawledUntil.slice(0, 10)}; \`--catalog <data-folder|file|site-url>\` uses a newer one. Servers the
catalog does not know are inspected in a bubblewrap sandbox when it is installed. Secrets in
configurations are never printed. \`toolrisk --help\` lists every option.
`;

export async function buildPackage(root: string, options: { dataDir?: string; outDir?: string; tarball?: boolean; packDestination?: string; onProblem?: (message: string) => void } = {}): Promise<PackResult> {
  const dir = options.outDir ?? join(root, 'pkg');
  const own = JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as { version: string; description: string; license: string; engines: Record<string, string> };
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  await build({
    entryPoints: [join(root, 'bin', 'packaged.ts')],
    outfile: join(dir, 'toolrisk.mjs'),
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    minify: true,
    legalComments: 'linked',
    // the classifier's rule files, read and checked here: the installed command carries them inside its bundle
    define: { __TOOLRISK_RULES__: JSON.stringify(rulesForBundle(root)) },
    // bundled CommonJS dependencies call require(): give the ES module one
    banner: { js: "#!/usr/bin/env node\nimport { createRequire as __toolriskRequire } from 'node:module'; const require = __toolriskRequire(import.meta.url);" },
    logLevel: 'warning',
  });
  const catalog = await buildScanCatalog(options.dataDir ?? join(root, 'data'), options.onProblem);
  // written by the project's serializer, then compressed: the same bytes every time for the same data
  const catalogBytes = gzipSync(serializeRecord(ScanCatalogSchema, catalog), { level: 9 });
  await writeFile(join(dir, 'catalog.json.gz'), catalogBytes);
  const tools = catalog.servers.reduce((sum, server) => sum + server.tools.length, 0);
  await writeFile(join(dir, 'README.md'), PACKAGE_README(own.version, catalog.crawledUntil, catalog.servers.length, tools));
  const manifest = {
    name: 'toolrisk',
    version: own.version,
    description: own.description,
    license: own.license,
    type: 'module',
    bin: { toolrisk: 'toolrisk.mjs' },
    files: ['toolrisk.mjs', 'toolrisk.mjs.LEGAL.txt', 'catalog.json.gz', 'README.md'],
    engines: own.engines,
    toolrisk: { catalogCrawledUntil: catalog.crawledUntil, classifierVersion: catalog.classifierVersion },
  };
  await writeFile(join(dir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  const bundleBytes = (await readFile(join(dir, 'toolrisk.mjs'))).length;
  let tarball: string | undefined;
  if (options.tarball !== false) {
    const destination = options.packDestination ?? root;
    const packed = spawnSync('npm', ['pack', '--silent', '--pack-destination', destination], { cwd: dir, encoding: 'utf8' });
    if (packed.status !== 0) throw new Error(`npm pack failed: ${packed.stderr}`);
    tarball = join(destination, packed.stdout.trim().split('\n').pop()!);
  }
  return { dir, version: own.version, ...(tarball ? { tarball } : {}), catalogServers: catalog.servers.length, catalogTools: tools, crawledUntil: catalog.crawledUntil, bytes: { bundle: bundleBytes, catalog: catalogBytes.length } };
}
