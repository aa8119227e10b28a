// Classes of mistakes found on the development label sets: an HTTP method of the caller's choosing lets a request change
// or delete what it reaches. Each is tested in words of its own: a positive case that fails without its rule and a
// negative case that stays put.
import { describe, expect, it } from 'vitest';
import { classify, tool, verdict } from '../class-helpers.ts';

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
  it("\"{ method: 'GET'|'PATCH'|'DELETE', path: … }\" in the description: write, destructive, high", () => {
    expect(verdict(classify(tool('api_multi', "Send several API requests at once. Each item: { method: 'GET'|'PATCH'|'DELETE', path: '/v2/items/1', body?: {...} }.", { requests: { type: 'array' } })))).toBe('write+destructive high');
  });

  it('methods named without an address, or only GET, change nothing', () => {
    expect(verdict(classify(tool('list_requests', "List captured requests. Each has method: 'GET'|'POST'|'DELETE' and a status code.", { tab: { type: 'string' } })))).toBe('read low');
    expect(verdict(classify(tool('api_multi_read', "Send several read requests at once. Each item: { method: 'GET'|'HEAD', path: '/v2/items/1' }.", { requests: { type: 'array' } })))).not.toMatch(/destructive/);
  });
});
