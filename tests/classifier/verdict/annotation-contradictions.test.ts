// A server that declares readOnlyHint: false for a tool whose definition only reads is told so, with the words that show
// the read; a definition that says nothing either way leaves the hint to decide.
import { describe, expect, it } from 'vitest';
import { classify } from '../class-helpers.ts';

describe('readOnlyHint: false on a tool whose definition only reads', () => {
  it('is a contradiction that quotes the read, when the name and the prose only read', () => {
    const c = classify({ name: 'get_weather', description: 'Returns the current weather for a city.', inputSchema: { type: 'object', properties: { city: { type: 'string' } } }, annotations: { readOnlyHint: false } });
    expect(c.category).toBe('read');
    expect(c.annotations?.contradictions).toEqual([
      { hint: 'readOnlyHint', declared: false, inferred: true, message: 'The server declares readOnlyHint: false, but nothing in the definition shows a side effect (“get” in the tool name).' },
    ]);
  });

  it('is no contradiction when the definition says nothing either way: the hint decides', () => {
    const c = classify({ name: 'zap', description: '', inputSchema: { type: 'object', properties: {} }, annotations: { readOnlyHint: false } });
    expect(c.category).toBe('write');
    expect(c.annotations?.contradictions).toEqual([]);
  });
});
