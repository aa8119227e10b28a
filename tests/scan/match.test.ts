// What a configured server runs, and which catalog server that is (against the repository's catalog).
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { dataCatalog, type Catalog } from '../../scan/catalog.ts';
import type { ConfiguredServer } from '../../scan/configs.ts';
import { launchOf, matchServer, normaliseUrl } from '../../scan/match.ts';
import { ROOT } from '../helpers.ts';

function server(command: string, args: string[] = [], extra: Partial<ConfiguredServer> = {}): ConfiguredServer {
  return { name: 's', client: 'mcp-json', file: '/x/.mcp.json', line: 1, scope: 'project', transport: 'stdio', command, args, env: new Map(), headers: new Map(), disabled: false, ...extra };
}

describe('launchOf', () => {
  it('reads npm launchers in their many spellings', () => {
    expect(launchOf(server('npx', ['-y', '@modelcontextprotocol/server-github@2025.4.8']))).toEqual({ kind: 'npm', identifier: '@modelcontextprotocol/server-github', version: '2025.4.8', pinned: true });
    expect(launchOf(server('npx', ['-y', '@modelcontextprotocol/server-memory']))).toMatchObject({ kind: 'npm', identifier: '@modelcontextprotocol/server-memory', pinned: false });
    expect(launchOf(server('npx', ['pkg@latest']))).toMatchObject({ identifier: 'pkg', version: 'latest', pinned: false });
    expect(launchOf(server('npx', ['pkg@^1.2.0']))).toMatchObject({ identifier: 'pkg', pinned: false });
    expect(launchOf(server('npx', ['--package=@scope/pkg@1.0.0', 'bin-name', '--flag']))).toMatchObject({ identifier: '@scope/pkg', version: '1.0.0', pinned: true });
    expect(launchOf(server('npx', ['-p', 'pkg', 'bin']))).toMatchObject({ identifier: 'pkg', pinned: false });
    expect(launchOf(server('pnpm', ['dlx', 'pkg@2.0.0']))).toMatchObject({ kind: 'npm', identifier: 'pkg', pinned: true });
    expect(launchOf(server('bunx', ['pkg']))).toMatchObject({ kind: 'npm', identifier: 'pkg' });
    expect(launchOf(server('npm', ['exec', '--', 'pkg@1.0.0']))).toMatchObject({ kind: 'npm', identifier: 'pkg', version: '1.0.0' });
    // Windows wraps the launcher in cmd /c
    expect(launchOf(server('cmd', ['/c', 'npx', '-y', 'Pkg@1.0.0']))).toMatchObject({ kind: 'npm', identifier: 'pkg', version: '1.0.0', pinned: true });
    expect(launchOf(server('C:\\Program Files\\nodejs\\npx.cmd', ['-y', 'pkg']))).toMatchObject({ kind: 'npm', identifier: 'pkg' });
  });

  it('reads PyPI, container and remote servers, and leaves local programs local', () => {
    expect(launchOf(server('uvx', ['mcp-server-fetch']))).toEqual({ kind: 'pypi', identifier: 'mcp-server-fetch', pinned: false });
    expect(launchOf(server('uvx', ['--from', 'Mcp_Server.Git==1.2.0', 'mcp-server-git']))).toEqual({ kind: 'pypi', identifier: 'mcp-server-git', version: '1.2.0', pinned: true });
    expect(launchOf(server('uv', ['tool', 'run', 'pkg@0.3']))).toMatchObject({ kind: 'pypi', identifier: 'pkg', version: '0.3', pinned: true });
    expect(launchOf(server('docker', ['run', '-i', '--rm', '-e', 'GITHUB_TOKEN', 'ghcr.io/github/github-mcp-server:v1.0.0']))).toEqual({ kind: 'oci', identifier: 'ghcr.io/github/github-mcp-server', version: 'v1.0.0', pinned: true });
    expect(launchOf(server('docker', ['run', '-i', '--rm', 'docker.io/library/mcp:latest']))).toMatchObject({ kind: 'oci', identifier: 'mcp', pinned: false });
    expect(launchOf(server('docker', ['run', '-i', 'mcp/time@sha256:abc']))).toMatchObject({ kind: 'oci', identifier: 'mcp/time', version: 'sha256:abc', pinned: true });
    expect(launchOf(server('', [], { transport: 'http', url: 'https://mcp.example.com/mcp' }))).toEqual({ kind: 'remote', identifier: 'https://mcp.example.com/mcp', pinned: false });
    expect(launchOf(server('node', ['./server.js']))).toMatchObject({ kind: 'local' });
    expect(launchOf(server('npx', ['./local-folder']))).toMatchObject({ kind: 'local' });
  });

  it('compares URLs without case in the host, query or trailing slash', () => {
    expect(normaliseUrl('HTTPS://MCP.Example.com/mcp/?key=1#x')).toBe('https://mcp.example.com/mcp');
  });
});

describe('matchServer against the repository catalog', () => {
  let catalog: Catalog;
  beforeAll(async () => {
    catalog = await dataCatalog(join(ROOT, 'data'));
  });

  it('finds a server by npm package, pinned or not, and loads its tools', async () => {
    const catalogued = catalog.servers.filter((entry) => entry.packages.some((pkg) => pkg.registryType === 'npm'));
    expect(catalogued.length).toBeGreaterThan(100);
    for (const entry of catalogued.slice(0, 40)) {
      const pkg = entry.packages.find((candidate) => candidate.registryType === 'npm')!;
      const match = matchServer(launchOf(server('npx', ['-y', `${pkg.identifier}@${pkg.version ?? '1.0.0'}`])), catalog);
      expect(match, pkg.identifier).toBeDefined();
      // another entry may share the package; the match is one that lists it
      expect(match!.server.packages.some((candidate) => candidate.identifier === pkg.identifier)).toBe(true);
    }
    const github = matchServer(launchOf(server('npx', ['-y', '@modelcontextprotocol/server-github'])), catalog)!;
    expect(github.by).toBe('npm package @modelcontextprotocol/server-github');
    const loaded = await catalog.load(github.server.slug);
    expect(loaded!.tools.length).toBeGreaterThan(10);
    expect(loaded!.tools.every((tool) => /^sha256:[0-9a-f]{64}$/.test(tool.fingerprint) && tool.why.length >= 3)).toBe(true);
  });

  it('finds a remote server by its URL, and nothing for an unknown package or a local program', () => {
    // (the repository's catalog holds no remote server yet: one is added to a copy of its keys)
    const withRemote = { ...catalog, servers: [...catalog.servers, { slug: 'r', name: 'example/remote', version: '1', packages: [], remotes: [{ type: 'streamable-http', url: 'https://mcp.example.com/mcp/' }] }] };
    expect(matchServer(launchOf(server('', [], { transport: 'http', url: 'https://MCP.example.com/mcp?session=1' })), withRemote)?.server.slug).toBe('r');
    expect(matchServer(launchOf(server('', [], { transport: 'sse', url: 'https://mcp.example.com/sse' })), withRemote)).toBeUndefined();
    expect(matchServer(launchOf(server('npx', ['-y', 'surely-not-a-catalogued-package-xyz'])), catalog)).toBeUndefined();
    expect(matchServer(launchOf(server('node', ['server.js'])), catalog)).toBeUndefined();
  });

  it('finds a PyPI server by its normalised name and a container server by its image', () => {
    const pypi = catalog.servers.filter((entry) => entry.packages.some((pkg) => pkg.registryType === 'pypi'));
    expect(pypi.length).toBeGreaterThan(0);
    for (const entry of pypi) {
      const pkg = entry.packages.find((candidate) => candidate.registryType === 'pypi')!;
      // uvx takes the name in any case and with _ or . for -
      const spelled = pkg.identifier.toUpperCase().replace(/-/g, '_');
      expect(matchServer(launchOf(server('uvx', [`${spelled}==${pkg.version ?? '1.0'}`])), catalog)?.server.slug, pkg.identifier).toBe(entry.slug);
    }
    // (the repository's catalog holds no container server yet: one is added to a copy of its keys)
    const withImage = { ...catalog, servers: [...catalog.servers, { slug: 'i', name: 'example/image', version: '1', packages: [{ registryType: 'oci', identifier: 'docker.io/mcp/time', version: '1.0.0' }], remotes: [] }] };
    expect(matchServer(launchOf(server('docker', ['run', '-i', '--rm', '-e', 'TZ', 'mcp/time:1.0.0'])), withImage)?.by).toBe('oci package image docker.io/mcp/time');
    expect(matchServer(launchOf(server('docker', ['run', '-i', 'other/time'])), withImage)).toBeUndefined();
  });

  it('matches a remote URL with the registry entry template variables filled in', () => {
    const templated = { ...catalog, servers: [{ slug: 't', name: 'example/t', version: '1', packages: [], remotes: [{ type: 'streamable-http', url: 'https://api.example.com/{tenant}/mcp' }] }] };
    expect(matchServer(launchOf(server('', [], { transport: 'http', url: 'https://api.example.com/acme/mcp' })), templated)?.server.slug).toBe('t');
    expect(matchServer(launchOf(server('', [], { transport: 'http', url: 'https://api.example.com/acme/other/mcp' })), templated)).toBeUndefined();
  });
});
