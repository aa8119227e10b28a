// What a tool does, as a verb and its object in its own words (classifier/action.ts): what the rationale's why opens with.
import { describe, expect, it } from 'vitest';
import { actionOf, actionPhrase } from '../../classifier/action.ts';
import type { McpTool } from '../../data/schema.ts';

const tool = (name: string, description?: string): McpTool => ({ name, ...(description ? { description } : {}), inputSchema: { type: 'object' } });
const phrase = (name: string, description?: string, server?: string) => actionPhrase(actionOf(tool(name, description), server));

describe('actionOf', () => {
  it('reads the verb and what follows it from names in any case style, the verb as its lemma', () => {
    expect(phrase('list_pull_requests')).toBe('list pull requests');
    expect(phrase('deleteRepository')).toBe('delete repository');
    expect(phrase('Deletes-Webhook')).toBe('delete webhook');
  });

  it("drops the server's own name and the words that only say it is a tool", () => {
    expect(phrase('hubspot-get-user-details', undefined, 'com.hubspot/mcp-server')).toBe('get user details');
    expect(phrase('mcp_tool_get_status')).toBe('get status');
    // unless nothing else would be left
    expect(phrase('hubspot', undefined, 'com.hubspot/mcp-server')).toBe('hubspot');
  });

  it('a name whose verb comes last takes the words before it', () => {
    expect(phrase('issue_get')).toBe('get issue');
  });

  it("a name that is only a verb takes its object from the description's first sentence, up to a preposition", () => {
    expect(phrase('search', 'Search the web using Exa and return results.')).toBe('search web');
  });

  it("a name without a verb takes the description's verb", () => {
    expect(actionOf(tool('weather_forecast', 'Gets the forecast for a city.'))).toEqual({ verb: 'get', object: 'weather forecast' });
    expect(actionOf(tool('weather_forecast', 'Forecast for a city.'))).toEqual({ object: 'weather forecast' });
  });

  it('version numbers and single letters are not words of the action', () => {
    expect(phrase('domains_getOutgoingDomainMoveV1')).toBe('get outgoing domain move');
  });
});
