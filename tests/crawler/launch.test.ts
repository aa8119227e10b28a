// Launch plans built from index entries (npm, pypi, oci, remotes), placeholders and plan errors.
// uvx and docker cannot run here, so their plans are checked by the command they build.
import { describe, expect, it } from 'vitest';
import { expandTokens, launchPlanFor, npxPackage, placeholderVariables, PlanError, planForPackage, serverEnvironment } from '../../crawler/launch.ts';
import { IndexEntrySchema } from '../../data/schema.ts';

const entry = (server: object, crawl: object = {}) => IndexEntrySchema.parse({ server: { name: 'io.example/x', version: '1.0.0', ...server }, crawl });

describe('launch plans', () => {
  it('npm: npx -y identifier@version with package arguments and extra crawl arguments', () => {
    const plan = launchPlanFor(
      entry(
        {
          packages: [
            {
              registryType: 'npm',
              identifier: '@modelcontextprotocol/server-filesystem',
              version: '2025.8.21',
              transport: { type: 'stdio' },
              packageArguments: [
                { type: 'positional', value: '{workdir}' },
                { type: 'named', name: '--read-only' },
                { type: 'named', name: '--port', value: '0' },
              ],
              environmentVariables: [
                { name: 'API_KEY', isRequired: true, isSecret: true },
                { name: 'OPTIONAL_THING' },
              ],
            },
          ],
        },
        { arguments: ['--verbose'] },
      ),
    );
    expect(plan).toEqual({
      kind: 'stdio',
      from: 'npm',
      command: 'npx',
      args: ['-y', '@modelcontextprotocol/server-filesystem@2025.8.21', '{workdir}', '--read-only', '--port', '0', '--verbose'],
      placeholderVariables: ['API_KEY'],
      installs: true,
    });
  });

  it('pypi: uvx identifier==version', () => {
    const plan = launchPlanFor(entry({ packages: [{ registryType: 'pypi', identifier: 'mcp-server-fetch', version: '2025.4.7', packageArguments: [{ type: 'named', name: '--ignore-robots-txt' }] }] }));
    expect(plan).toEqual({ kind: 'stdio', from: 'pypi', command: 'uvx', args: ['mcp-server-fetch==2025.4.7', '--ignore-robots-txt'], placeholderVariables: [], installs: true });
  });

  it('oci: docker run -i --rm, passing only the placeholder variables by name', () => {
    const plan = launchPlanFor(
      entry({
        packages: [
          {
            registryType: 'oci',
            identifier: 'ghcr.io/github/github-mcp-server',
            version: '0.9.0',
            environmentVariables: [{ name: 'GITHUB_PERSONAL_ACCESS_TOKEN', isRequired: true }],
          },
        ],
      }),
    );
    expect(plan).toEqual({
      kind: 'stdio',
      from: 'oci',
      command: 'docker',
      args: ['run', '-i', '--rm', '-e', 'GITHUB_PERSONAL_ACCESS_TOKEN', 'ghcr.io/github/github-mcp-server:0.9.0'],
      placeholderVariables: ['GITHUB_PERSONAL_ACCESS_TOKEN'],
      installs: false,
    });
    // an image that already names its tag is left as it is
    const tagged = launchPlanFor(entry({ packages: [{ registryType: 'oci', identifier: 'docker.io/mcp/time:latest', version: '1' }] }));
    expect(tagged.kind === 'stdio' && tagged.args.at(-1)).toBe('docker.io/mcp/time:latest');
  });

  it('prefers npm over pypi over oci, and packages over remotes', () => {
    const both = entry({
      packages: [
        { registryType: 'oci', identifier: 'img' },
        { registryType: 'pypi', identifier: 'py' },
        { registryType: 'npm', identifier: 'js', version: '1.0.0' },
      ],
      remotes: [{ type: 'streamable-http', url: 'https://example.com/mcp' }],
    });
    expect(launchPlanFor(both)).toMatchObject({ from: 'npm', args: ['-y', 'js@1.0.0'] });
  });

  it('remotes: Streamable HTTP with SSE fallback; an SSE remote uses SSE only', () => {
    expect(launchPlanFor(entry({ remotes: [{ type: 'streamable-http', url: 'https://example.com/mcp' }] }))).toEqual({
      kind: 'http',
      url: 'https://example.com/mcp',
      transports: ['streamable-http', 'sse'],
    });
    expect(launchPlanFor(entry({ remotes: [{ type: 'sse', url: 'https://example.com/sse' }] }))).toMatchObject({ transports: ['sse'] });
  });

  it('a static source wins over packages', () => {
    expect(launchPlanFor(entry({ packages: [{ registryType: 'npm', identifier: 'js' }] }, { source: { kind: 'recorded', file: 'recorded/x.json' } }))).toEqual({
      kind: 'recorded',
      file: 'recorded/x.json',
    });
  });

  it('explains entries that cannot be launched', () => {
    expect(() => launchPlanFor(entry({}))).toThrow('the entry has no packages and no remotes to crawl');
    expect(() => launchPlanFor(entry({ packages: [{ registryType: 'npm', identifier: 'js', transport: { type: 'streamable-http' } }] }))).toThrow(
      /serves streamable-http itself/,
    );
    expect(() => launchPlanFor(entry({ packages: [{ registryType: 'npm', identifier: 'js', packageArguments: [{ type: 'positional', isRequired: true, valueHint: 'directory' }] }] }))).toThrow(
      'required package argument "directory" has no value; give one in the entry\'s crawl.arguments',
    );
  });

  it('placeholder variables: required ones get a value, given ones override, optional ones are left out', () => {
    const values = placeholderVariables(
      entry({}, { placeholders: { STRIPE_KEY: 'sk_test_placeholder' } }),
      { registryType: 'npm', identifier: 'x', environmentVariables: [{ name: 'STRIPE_KEY', isRequired: true }, { name: 'REGION', isRequired: true, default: 'eu' }, { name: 'DEBUG' }] },
    );
    expect(values).toEqual({ STRIPE_KEY: 'sk_test_placeholder', REGION: 'eu' });
  });

  it('the server environment holds the allowlist, fresh folders, the shared npm cache and placeholders only', () => {
    process.env.TOOLRISK_SECRET_FOR_TEST = 'x';
    try {
      const env = serverEnvironment({ ROOT_DIR: '{workdir}/root' }, { home: '/tmp/h', workdir: '/tmp/w' }, '/cache/npm');
      expect(env.TOOLRISK_SECRET_FOR_TEST).toBeUndefined();
      expect(env).toMatchObject({ HOME: '/tmp/h', TMPDIR: '/tmp/w', npm_config_cache: '/cache/npm', ROOT_DIR: '/tmp/w/root' });
      expect(env.PATH).toBe(process.env.PATH);
    } finally {
      delete process.env.TOOLRISK_SECRET_FOR_TEST;
    }
    expect(expandTokens('{home}/.config and {workdir}', { home: '/h', workdir: '/w' })).toBe('/h/.config and /w');
  });
});

describe('the longer first start', () => {
  it('gives initialize the install time only when npx does not have the exact package yet', async () => {
    const { mkdir, writeFile } = await import('node:fs/promises');
    const { join } = await import('node:path');
    const { tempDir } = await import('../helpers.ts');
    const { needsInstall } = await import('../../crawler/crawl.ts');
    const cache = await tempDir();
    try {
      const npm = entry({ packages: [{ registryType: 'npm', identifier: '@scope/server', version: '1.2.0' }] });
      const plan = launchPlanFor(npm);
      expect(await needsInstall(plan, npm, cache.path)).toBe(true);
      const installed = join(cache.path, '_npx', 'abc123', 'node_modules', '@scope', 'server');
      await mkdir(installed, { recursive: true });
      await writeFile(join(installed, 'package.json'), JSON.stringify({ name: '@scope/server', version: '1.1.0' }));
      expect(await needsInstall(plan, npm, cache.path)).toBe(true); // another version
      await writeFile(join(installed, 'package.json'), JSON.stringify({ name: '@scope/server', version: '1.2.0' }));
      expect(await needsInstall(plan, npm, cache.path)).toBe(false);
      const remote = entry({ remotes: [{ type: 'streamable-http', url: 'https://example.com/mcp' }] });
      expect(await needsInstall(launchPlanFor(remote), remote, cache.path)).toBe(false);
      const pypi = entry({ packages: [{ registryType: 'pypi', identifier: 'x' }] });
      expect(await needsInstall(launchPlanFor(pypi), pypi, cache.path)).toBe(true);
    } finally {
      await cache.remove();
    }
  });
});

describe('launch plans: arguments, versions and the errors that name what is missing', () => {
  const npm = (fields: object) => entry({ packages: [{ registryType: 'npm', identifier: 'js', version: '1.0.0', ...fields }] });
  const failure = (build: () => unknown): Error => {
    try {
      build();
    } catch (error) {
      return error as Error;
    }
    throw new Error('no error thrown');
  };

  it('a plan error is a PlanError by name too (what the crawl records as a plan failure)', () => {
    const error = failure(() => launchPlanFor(entry({})));
    expect(error).toBeInstanceOf(PlanError);
    expect(error.name).toBe('PlanError');
  });

  it('a named argument without a name is an error naming where it stands (runtime or package)', () => {
    expect(() => launchPlanFor(npm({ runtimeArguments: [{ type: 'named' }] }))).toThrow('a named runtime argument has no name');
    expect(() => launchPlanFor(npm({ packageArguments: [{ type: 'named', value: 'x' }] }))).toThrow('a named package argument has no name');
  });

  it('an optional positional argument without a value is left out; a required one is named by its hint, its description, or "positional"', () => {
    expect(launchPlanFor(npm({ packageArguments: [{ type: 'positional', valueHint: 'folder' }, { type: 'positional', default: 'fallback' }] }))).toMatchObject({ args: ['-y', 'js@1.0.0', 'fallback'] });
    expect(() => launchPlanFor(npm({ runtimeArguments: [{ type: 'positional', isRequired: true, description: 'the node flags' }] }))).toThrow('required runtime argument "the node flags" has no value');
    expect(() => launchPlanFor(npm({ packageArguments: [{ type: 'positional', isRequired: true }] }))).toThrow('required package argument "positional" has no value');
  });

  it('a version "latest" or none runs the bare identifier; any other is pinned', () => {
    expect(launchPlanFor(npm({ version: 'latest' }))).toMatchObject({ args: ['-y', 'js'] });
    expect(launchPlanFor(entry({ packages: [{ registryType: 'pypi', identifier: 'py', version: 'latest' }] }))).toMatchObject({ args: ['py'] });
    expect(launchPlanFor(entry({ packages: [{ registryType: 'pypi', identifier: 'py' }] }))).toMatchObject({ args: ['py'] });
  });

  it('a registry type it cannot launch, asked for directly, is an error listing the ones it can', () => {
    expect(() => planForPackage(npm({}), { registryType: 'nuget', identifier: 'Acme.Mcp', transport: { type: 'stdio' } })).toThrow(
      'package registry type "nuget" cannot be launched (supported: npm, pypi, oci, remotes)',
    );
  });

  it("names every reason an entry cannot be launched, once each: a launchable package's own, then each other registry type", () => {
    const stuck = entry({
      packages: [
        { registryType: 'npm', identifier: 'js', packageArguments: [{ type: 'positional', isRequired: true, valueHint: 'directory' }] },
        { registryType: 'nuget', identifier: 'Acme.Mcp' },
      ],
    });
    expect(failure(() => launchPlanFor(stuck)).message).toBe(
      'required package argument "directory" has no value; give one in the entry\'s crawl.arguments; package registry type "nuget" cannot be launched',
    );
  });
});

describe('npxPackage: the package an npx command installs, for a sandboxed inspect', () => {
  it('reads the package, its version and the arguments after it, past -y and --yes', () => {
    expect(npxPackage(['-y', '@scope/server@1.2.3', '--flag', 'x'])).toEqual({ identifier: '@scope/server', version: '1.2.3', args: ['--flag', 'x'] });
    expect(npxPackage(['--yes', '-y', 'server'])).toEqual({ identifier: 'server', version: undefined, args: [] });
    expect(npxPackage(['@scope/server'])).toEqual({ identifier: '@scope/server', version: undefined, args: [] });
    // (an empty version is none)
    expect(npxPackage(['server@', '--flag'])).toEqual({ identifier: 'server', version: undefined, args: ['--flag'] });
    // a name that only ends in a dash is still a name
    expect(npxPackage(['-y', 'server-'])).toEqual({ identifier: 'server-', version: undefined, args: [] });
  });

  it('skips only the whole flags -y and --yes', () => {
    expect(npxPackage(['x-y', 'server'])).toEqual({ identifier: 'x-y', version: undefined, args: ['server'] });
    expect(npxPackage(['--yesterday', 'server'])).toBeUndefined();
  });

  it('is undefined for a command that is not that simple form: no package, another flag first, or no npm package name', () => {
    for (const args of [[], ['-y'], ['-y', '--package', 'server'], ['-y', 'https://evil.example/x.tgz'], ['-y', '../local'], ['-y', '@scope']]) {
      expect(npxPackage(args), JSON.stringify(args)).toBeUndefined();
    }
  });
});

describe('serverEnvironment: npm kept quiet', () => {
  it('turns off the update notifier, funding and audit messages npx would print', () => {
    const env = serverEnvironment({}, { home: '/h', workdir: '/w' }, '/c');
    expect(env).toMatchObject({ npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false', NO_UPDATE_NOTIFIER: '1' });
  });
});
