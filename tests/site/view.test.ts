// The pure helpers behind the tool and server pages: names broken at separators, shell-quoted
// Intercept commands, what the hosted-gateway JSON loses of a policy, readable server names.
import { describe, expect, it } from 'vitest';
import { gatewayLosses, interceptCommand, nameParts, policyInWords, serverGatewayLosses, shellWord } from '../../site/src/lib/view.ts';
import { readableName } from '../../site/src/lib/catalog.ts';
import { toolPolicy } from '../../classifier/policy.ts';
import type { ToolPolicy } from '../../data/schema.ts';

const limit: Omit<ToolPolicy, 'alternative'> = {
  tool: 'delete_file',
  choice: 'limit',
  rules: [
    { name: 'hourly limit', rate_limit: '10/hour', on_deny: 'At most 10 calls an hour.' },
    { name: 'path under the allowed root (edit ALLOWED_ROOT)', conditions: [{ path: 'args.path', op: 'regex', value: '^/ALLOWED_ROOT/' }], on_deny: 'no' },
  ],
  limits: [{ counter: 'delete_file_rate', window: 'hour', max: 10, scope: 'grant' }],
  placeholders: [{ name: 'ALLOWED_ROOT', meaning: 'the folder' }],
};

describe('names from servers', () => {
  it('are cut after each separator and nowhere else', () => {
    expect(nameParts('get_user-by.id/x:y@z')).toEqual(['get_', 'user-', 'by.', 'id/', 'x:', 'y@', 'z']);
    expect(nameParts('plainname')).toEqual(['plainname']);
    expect(nameParts('a__b')).toEqual(['a_', '_', 'b']);
    expect(nameParts('').length).toBe(0);
  });

  it('read as a person would say them when the registry gives no title', () => {
    expect(readableName('@acme/mcp-server-github-issues')).toBe('GitHub Issues');
    expect(readableName('io.example/plain')).toBe('Plain');
    expect(readableName('io.github.someone/postgres-mcp')).toBe('Postgres');
    expect(readableName('io.github.x/mcp-server')).toBe('mcp-server');
  });
});

describe('the Intercept command on a policy page', () => {
  it('runs the server as the crawler did, behind the policy file', () => {
    expect(interceptCommand({ kind: 'stdio', from: 'npm', command: 'npx', args: ['-y', '@scope/server@1.2.3'], placeholderVariables: [], installs: true }, 'p.yaml')).toBe('intercept -c p.yaml -- npx -y @scope/server@1.2.3');
    expect(interceptCommand({ kind: 'http', url: 'https://mcp.example.com/mcp', transports: ['streamable-http'] }, 'p.yaml')).toBe('intercept -c p.yaml --upstream https://mcp.example.com/mcp');
    expect(interceptCommand({ kind: 'recorded', file: 'x.json' }, 'p.yaml')).toBe('intercept -c p.yaml -- <the command that starts the server>');
    expect(interceptCommand(undefined, 'p.yaml')).toContain('<the command that starts the server>');
  });

  it('quotes every word a server supplied, so pasting it runs nothing else', () => {
    const hostile = interceptCommand({ kind: 'stdio', from: 'npm', command: 'npx', args: ['-y', "x; rm -rf ~ #", "it's", '$(id)'], placeholderVariables: [], installs: true }, 'p.yaml');
    expect(hostile).toBe(`intercept -c p.yaml -- npx -y 'x; rm -rf ~ #' 'it'\\''s' '$(id)'`);
    expect(shellWord('plain-word_1.0@x/y')).toBe('plain-word_1.0@x/y');
    expect(shellWord('')).toBe("''");
  });
});

describe('what a policy says, and what the hosted gateway loses of it', () => {
  it('says each choice in words, with the limits and conditions of a limited tool', () => {
    expect(policyInWords(limit)).toBe('Limited: at most 10 calls an hour, and path under the allowed root (edit ALLOWED_ROOT).');
    expect(policyInWords({ ...limit, choice: 'allow', rules: [] })).toMatch(/^Allowed/);
    expect(policyInWords({ ...limit, choice: 'deny' })).toMatch(/human approves/);
    expect(policyInWords({ ...limit, choice: 'hide' })).toMatch(/^Hidden/);
  });

  it('names every part the gateway format cannot express, and nothing when it loses nothing', () => {
    expect(gatewayLosses(limit).join(' ')).toMatch(/no argument conditions: path under the allowed root/);
    expect(gatewayLosses({ ...limit, choice: 'hide', rules: [] })[0]).toMatch(/cannot hide/);
    expect(gatewayLosses({ ...limit, choice: 'deny', rules: [{ name: 'requires human approval', action: 'deny' }] })[0]).toMatch(/no approval step/);
    const capped = { ...limit, rules: [...limit.rules, { name: 'daily amount at most DAILY_AMOUNT', conditions: [{ path: 'state.x.daily_amount', op: 'lte' as const, value: 0 }], state: { counter: 'daily_amount', window: 'day' as const, increment_from: 'args.amount' } }] };
    expect(gatewayLosses(capped).join(' ')).toMatch(/no running totals: daily amount at most DAILY_AMOUNT/);
    expect(gatewayLosses(capped).join(' ')).not.toMatch(/conditions: [^.]*daily amount/);
    const allowed = toolPolicy({ name: 'list_things', inputSchema: { type: 'object' } }, { risk: 'low', category: 'read', financial: false, warned: false } as Parameters<typeof toolPolicy>[1]);
    expect(gatewayLosses(allowed)).toEqual([]);
  });

  it('counts the tools each loss touches across a whole server', () => {
    const lost = serverGatewayLosses([limit, { ...limit, tool: 'b' }, { ...limit, tool: 'c', choice: 'hide', rules: [] }]);
    expect(lost.join(' ')).toMatch(/1 tool with poisoned definitions is left out/);
    expect(lost.join(' ')).toMatch(/argument checks of 2 tools/);
    expect(serverGatewayLosses([])).toEqual([]);
  });
});
