// A team that lets a money tool run capped instead of asking a human each time (`limit` in
// toolrisk.policy.yaml) gets, in the policy the scan writes, what the variant's label promises:
// Stripe's create_refund capped on its amount, and finalize_invoice, which takes no amount, limited
// in rate only. Run as a process, offline, with the repository's catalog.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateInterceptPolicy } from '../../classifier/validate-policy.ts';
import { tempDir, toolriskAt, writeFileIn } from '../helpers.ts';

let dir: { path: string; remove(): Promise<void> };
beforeAll(async () => {
  dir = await tempDir('toolrisk-money-policy-');
});
afterAll(() => dir.remove());

interface Rule {
  name: string;
  conditions?: { path: string; op: string; value: unknown }[];
  rate_limit?: string;
}

describe('scan --policy for money tools the team limits', () => {
  it('caps the amount where the tool takes one, and only limits the rate where it takes none', async () => {
    const project = join(dir.path, 'project');
    await writeFileIn(join(project, '.vscode', 'mcp.json'), JSON.stringify({ servers: { stripe: { command: 'npx', args: ['-y', '@stripe/mcp@0.2.5'] } } }));
    await writeFileIn(join(project, 'toolrisk.policy.yaml'), 'servers:\n  stripe:\n    create_refund: limit\n    finalize_invoice: limit\n');
    const result = await toolriskAt(project, { HOME: join(dir.path, 'home') }, 'scan', '--offline', '--policy', 'intercept-yaml', '--policy-dir', join(project, 'policies'));
    expect(result.code, result.stderr).toBe(0);
    const policy = parseYaml(await readFile(join(project, 'policies', 'stripe.yaml'), 'utf8')) as { tools: Record<string, { rules: Rule[] }> };
    expect(validateInterceptPolicy(policy)).toEqual([]);
    const refund = policy.tools.create_refund!.rules;
    expect(refund.some((rule) => rule.rate_limit)).toBe(true);
    expect(refund.flatMap((rule) => rule.conditions ?? [])).toContainEqual({ path: 'args.amount', op: 'lte', value: 0 });
    const invoice = policy.tools.finalize_invoice!.rules;
    expect(invoice.some((rule) => rule.rate_limit)).toBe(true);
    expect(invoice.flatMap((rule) => rule.conditions ?? [])).toEqual([]);
  });
});
