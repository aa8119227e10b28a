// Every trifecta leg rule against its own examples: the definitions it must fit and the ones it must
// not. Each example is classified by the real classifier first, as a catalog tool is.
import { describe, expect, it } from 'vitest';
import type { McpTool } from '../../data/schema.ts';
import { classifyTool } from '../../classifier/classify.ts';
import { LEG_RULES, toolActs, trifectaLegs } from '../../scan/legs.ts';

/** `name: description [param, …]` as a definition. */
function definition(example: string): McpTool {
  const match = /^([^:]+): ([^[]*?)\s*(?:\[([^\]]*)\])?$/.exec(example);
  if (!match) throw new Error(`example "${example}" is not "name: description [params]"`);
  const params = (match[3] ?? '').split(',').map((param) => param.trim()).filter(Boolean);
  return { name: match[1]!, description: match[2]!, inputSchema: { type: 'object', properties: Object.fromEntries(params.map((param) => [param, { type: 'string' }])), required: params } };
}

function actsOf(example: string) {
  const tool = definition(example);
  return toolActs(tool, classifyTool({ tool, fingerprint: 'sha256:example' }));
}

describe('trifecta leg rules', () => {
  it('have unique ids, and both kinds of example each', () => {
    expect(new Set(LEG_RULES.map((rule) => rule.id)).size).toBe(LEG_RULES.length);
    for (const rule of LEG_RULES) {
      expect(rule.examples.fits.length, `${rule.id} has no example it fits`).toBeGreaterThan(0);
      expect(rule.examples.not.length, `${rule.id} has no example it must not fit`).toBeGreaterThan(0);
    }
  });

  for (const rule of LEG_RULES) {
    it(`${rule.id} fits its examples and not its counter-examples`, () => {
      for (const example of rule.examples.fits) expect(rule.fits(actsOf(example)), `${rule.id} should fit ${example}`).toBe(true);
      for (const example of rule.examples.not) expect(rule.fits(actsOf(example)), `${rule.id} should not fit ${example}`).toBe(false);
    });
  }

  it('gives a tool every leg it stands in, each once, with the strongest rule', () => {
    const tool = definition('puppeteer_navigate: Navigate to a URL [url]');
    const legs = trifectaLegs(tool, classifyTool({ tool, fingerprint: 'sha256:x' }));
    expect(legs.map((leg) => [leg.leg, leg.rule])).toEqual([
      ['untrusted', 'untrusted-web-page'],
      ['exfiltration', 'exit-caller-url'],
    ]);
    const closer = definition('browser_close: Close the browser page');
    expect(trifectaLegs(closer, classifyTool({ tool: closer, fingerprint: 'sha256:y' }))).toEqual([]);
  });
});
