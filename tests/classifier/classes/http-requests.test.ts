// Classes of mistakes found on the development label sets: an HTTP method of the caller's choosing lets a request change
// or delete what it reaches. Each is tested in words of its own: a positive case that fails without its rule and a
// negative case that stays put.
import { describe, expect, it } from 'vitest';
import { choice, classify, tool, verdict } from '../class-helpers.ts';

describe('an HTTP method of the caller\'s choosing lets a request change or delete what it reaches', () => {
  it('a request tool with a url and a method that can be DELETE: write, one item (high)', () => {
    expect(verdict(classify(tool('http_call', 'Fetches a URL with the given HTTP method and returns the response.', { url: { type: 'string' }, method: { type: 'string', description: 'HTTP method: GET (default), POST, PUT or DELETE.' } })))).toBe('write+destructive high');
    expect(verdict(classify(tool('fetch_url', 'Fetch a URL and return the body.', { url: { type: 'string' }, method: { type: 'string', enum: ['GET', 'POST', 'PUT', 'DELETE'], default: 'GET' } })))).toBe('write+destructive high');
  });

  it('a method that filters captured requests, or one only GET and HEAD, changes nothing', () => {
    expect(verdict(classify(tool('list_captured_calls', 'Lists the network calls captured from the app.', { method: { type: 'string', description: 'Filter by HTTP method (GET, POST, DELETE)' }, url: { type: 'string' } })))).toBe('read low');
    expect(verdict(classify(tool('http_call', 'Fetches a URL with the given HTTP method and returns the response.', { url: { type: 'string' }, method: { type: 'string', enum: ['GET', 'HEAD'] } })))).toBe('read low');
  });
});

describe('requests documented with a method of the caller\'s choosing and an address can change and delete', () => {
  it("\"{ method: 'GET'|'PATCH'|'DELETE', path: … }\" in the description: write, destructive, and a proxy for the API (critical)", () => {
    expect(verdict(classify(tool('api_multi', "Send several API requests at once. Each item: { method: 'GET'|'PATCH'|'DELETE', path: '/v2/items/1', body?: {...} }.", { requests: { type: 'array' } })))).toBe('write+destructive critical');
  });

  it('methods named without an address, or only GET, change nothing', () => {
    expect(verdict(classify(tool('list_requests', "List captured requests. Each has method: 'GET'|'POST'|'DELETE' and a status code.", { tab: { type: 'string' } })))).toBe('read low');
    expect(verdict(classify(tool('api_multi_read', "Send several read requests at once. Each item: { method: 'GET'|'HEAD', path: '/v2/items/1' }.", { requests: { type: 'array' } })))).not.toMatch(/destructive/);
  });
});

describe('a proxy for the API the server is signed in to: any method, or any path, is every call the API has (critical)', () => {
  const github = (properties: Record<string, unknown>) => classify(tool('github_request', 'Make a request to the GitHub REST API.', properties));

  it('a method that can be PUT, PATCH or DELETE with a path within the API', () => {
    const c = github({ method: choice('GET', 'POST', 'PUT', 'PATCH', 'DELETE'), path: { type: 'string', description: 'API path, such as /repos/{owner}/{repo}' } });
    expect(verdict(c)).toBe('write+destructive critical');
    expect(c.rationale.find((s) => s.startsWith('Risk'))).toMatch(/sends requests with any method \(PUT\) to the API it is signed in to/);
  });

  it('a method left free ("HTTP method") with an endpoint, and a whole URL sent with the server\'s credentials', () => {
    expect(classify(tool('call_api', 'Call any endpoint of the Stripe API.', { method: { type: 'string', description: 'HTTP method' }, endpoint: { type: 'string' } })).risk).toBe('critical');
    expect(classify(tool('http_request', 'Sends an authenticated HTTP request to the workspace.', { url: { type: 'string' }, method: choice('GET', 'PUT', 'DELETE') })).risk).toBe('critical');
  });

  it('a POST to any path of the API, described as its endpoint path', () => {
    expect(classify(tool('jira_post', 'Create Jira resources.', { path: { type: 'string', description: 'The Jira API endpoint path' }, body: { type: 'object' } })).risk).toBe('critical');
  });

  it('a public fetcher with any method but no credentials, and a request that only reads, stay below', () => {
    expect(classify(tool('http_fetch', 'Fetches a public URL and returns the response.', { url: { type: 'string' }, method: choice('GET', 'POST', 'PUT', 'DELETE') })).risk).toBe('high');
    expect(github({ method: choice('GET', 'HEAD'), path: { type: 'string' } }).risk).not.toBe('critical');
  });
});
