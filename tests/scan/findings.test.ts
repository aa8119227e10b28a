// The scan's judgements one by one: which config values are secrets (and that none leaks through the
// redactor), and the overrides file.
import { describe, expect, it } from 'vitest';
import type { ScanTool } from '../../data/schema.ts';
import type { ConfiguredServer } from '../../scan/configs.ts';
import { launchOf } from '../../scan/match.ts';
import { choicesFor, OverridesError, parseOverrides } from '../../scan/overrides.ts';
import { displayCommand, displayUrl, isReference, Redactor, secretsOf } from '../../scan/secrets.ts';
import { expandValue, valuesFor, PLACEHOLDER } from '../../scan/live.ts';

function server(extra: Partial<ConfiguredServer>): ConfiguredServer {
  return { name: 's', client: 'mcp-json', file: '/p/.mcp.json', line: 1, scope: 'project', transport: 'stdio', command: 'npx', args: [], env: new Map(), headers: new Map(), disabled: false, ...extra };
}

function tool(name: string, fields: Partial<ScanTool>): ScanTool {
  return {
    tool: name,
    fingerprint: `sha256:${name}`,
    category: 'read',
    risk: 'low',
    score: 10,
    confidence: 0.8,
    destructive: false,
    destructiveScope: 'none',
    financial: false,
    openWorld: false,
    sensitive: false,
    effects: [],
    why: [],
    warnings: [],
    contradictions: [],
    legs: [],
    policy: { tool: name, choice: 'allow', rules: [], limits: [], placeholders: [] },
    ...fields,
  };
}

describe('secrets in a configuration', () => {
  it('finds literal secrets by name, by shape and in URLs, and leaves references alone', () => {
    const found = secretsOf(
      server({
        args: ['-y', 'pkg', '--api-key=abc123def456', '--token', 'plainvalue99', 'postgresql://u:pw-zz-99@h/db', 'ghp_Q9mXv2LrT8kZp4Wn7Yb3Jc6Hd1Fs5Ga0Ue2R', '/usr/lib/node_modules/x/index.js'],
        env: new Map([
          ['GITHUB_TOKEN', 'literal-value'],
          ['API_KEY', '${API_KEY}'],
          ['SLACK_TOKEN', '${input:slack}'],
          ['LOG_LEVEL', 'debug'],
          ['OPAQUE', 'sk-proj-Aa1Bb2Cc3Dd4Ee5Ff6Gg7Hh8'],
        ]),
      }),
    );
    expect(found.map((secret) => secret.where)).toEqual(['env GITHUB_TOKEN', 'env OPAQUE', 'argument 3 (--api-key)', 'argument 5 (--token)', 'argument 6 (a password in a connection URL)', 'argument 7']);
    const remote = secretsOf(server({ transport: 'http', url: 'https://user:pass-word@x.example/mcp?api_key=k-123&page=2', headers: new Map([['Authorization', 'Bearer literal-token-1'], ['X-Other', 'Bearer ${input:t}'], ['Accept', 'application/json']]) }));
    expect(remote.map((secret) => secret.where)).toEqual(['header Authorization', 'url (password)', 'url (query api_key)']);
    expect(isReference('${env:HOME}')).toBe(true);
    expect(isReference('prefix-${VAR}')).toBe(false);
  });

  it('shows commands and URLs without their secrets, and redacts every form of a value', () => {
    const config = server({ args: ['-y', 'pkg', '--api-key=abc123def456', 'ok'] });
    expect(displayCommand(config)).toBe('npx -y pkg --api-key=*** ok');
    expect(displayUrl('https://u:p@x.example/mcp?key=abc&x=1')).toBe('https://x.example/mcp?key=***&x=***');
    const redactor = new Redactor();
    redactor.add(['s"cret/value', 'abcd']);
    expect(redactor.redact('a s"cret/value b s\\"cret/value c s%22cret%2Fvalue abcd')).toBe('a *** b *** c *** ***');
    // the launch a lock file records carries no secret either
    expect(launchOf(server({ transport: 'http', url: 'https://x.example/mcp?key=abc' })).identifier).toBe('https://x.example/mcp?key=***');
  });

  it('fills references from the environment only when asked', () => {
    expect(expandValue('Bearer ${TOKEN}', { TOKEN: 't1' })).toBe('Bearer t1');
    expect(expandValue('${env:TOKEN}', { TOKEN: 't1' })).toBe('t1');
    expect(expandValue('${MISSING:-fallback}', {})).toBe('fallback');
    expect(expandValue('${input:token}', { token: 'x' })).toBeUndefined();
    expect(expandValue('${constructor}', {})).toBeUndefined();
    const env = new Map([['A', 'literal'], ['B', '${B}']]);
    expect(valuesFor(env, false, { B: 'real' })).toEqual({ A: PLACEHOLDER, B: PLACEHOLDER });
    expect(valuesFor(env, true, { B: 'real' })).toEqual({ A: 'literal', B: 'real' });
  });
});

describe('the overrides file', () => {
  it('applies per tool, then "*", then the recommendation', () => {
    const overrides = parseOverrides('o.yaml', 'servers:\n  b:\n    send_message: deny\n    "*": hide\n');
    const choices = choicesFor('b', [tool('send_message', {}), tool('fetch_page', {})], overrides);
    expect([...choices]).toEqual([
      ['send_message', 'deny'],
      ['fetch_page', 'hide'],
    ]);
    expect([...choicesFor('a', [tool('x', {})], overrides)]).toEqual([['x', 'allow']]);
  });

  it('names the file and line of what is wrong', () => {
    expect(() => parseOverrides('o.yaml', 'servers:\n  b:\n    x: sometimes\n')).toThrow(new OverridesError('o.yaml:3: b / x: the choice is allow, limit, deny, hide, got "sometimes"'));
    expect(() => parseOverrides('o.yaml', 'tools:\n  x: deny\n')).toThrow(/^o\.yaml:1: unknown key "tools"/);
    expect(() => parseOverrides('o.yaml', 'servers: [1, 2]\n')).toThrow(/^o\.yaml:1: "servers" should map/);
    expect(() => parseOverrides('o.yaml', 'servers:\n  b: deny\n')).toThrow(/^o\.yaml:2: server "b" should map tool names/);
    expect(() => parseOverrides('o.yaml', 'servers:\n  b:\n    x: deny\n    x: allow\n')).toThrow(/^o\.yaml:4: not valid YAML/);
  });
});
