// Fingerprints and the history built from them (crawler/fingerprint.ts), in the test process: the crawl tests reach
// this code only through child processes, so a mutation run saw little of it. A fingerprint must not change when only
// key order does, and a history must name every tool whose definition changed between two crawls.
import { describe, expect, it } from 'vitest';
import { canonicalJson, diffFingerprints, nextHistory, toolFingerprint } from '../../crawler/fingerprint.ts';
import type { CrawlSnapshot, McpTool } from '../../data/schema.ts';

/** A fixed shuffle (a linear congruential generator), so the test reads the same keys in the same order every run. */
const shuffled = <T>(items: readonly T[]): T[] => {
  const out = [...items];
  let seed = 12345;
  for (let i = out.length - 1; i > 0; i--) {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    const j = seed % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
};

describe('canonicalJson', () => {
  it('writes object keys sorted at every depth, and arrays in their own order', () => {
    expect(canonicalJson({ b: 1, a: { d: [{ z: 1, y: 2 }, 3, [{ c: 0, b: 0 }]], c: null } })).toBe('{"a":{"c":null,"d":[{"y":2,"z":1},3,[{"b":0,"c":0}]]},"b":1}');
    expect(canonicalJson(['b', 'a'])).toBe('["b","a"]');
    expect(canonicalJson('text')).toBe('"text"');
    expect(canonicalJson(null)).toBe('null');
  });

  it('gives the same text for an object with hundreds of keys whatever order they were written in', () => {
    const names = Array.from({ length: 300 }, (_, i) => `p${(i * 7919) % 1000}_${String.fromCharCode(97 + (i % 26))}`);
    const sorted = [...names].sort();
    const written = Object.fromEntries(shuffled(names).map((name) => [name, { type: 'string' }]));
    const text = canonicalJson({ type: 'object', properties: written });
    expect(Object.keys((JSON.parse(text) as { properties: object }).properties)).toEqual(sorted);
    expect(text).toBe(canonicalJson({ properties: Object.fromEntries(sorted.map((name) => [name, { type: 'string' }])), type: 'object' }));
  });

  it('keeps a key named __proto__ as an ordinary key', () => {
    expect(canonicalJson(JSON.parse('{"b":1,"__proto__":{"y":1,"x":2}}'))).toBe('{"__proto__":{"x":2,"y":1},"b":1}');
  });
});

describe('toolFingerprint', () => {
  const tool: McpTool = { name: 'read_file', description: 'Reads a file: ünïcödé, 工具.', inputSchema: { type: 'object', properties: { path: { type: 'string' } } } };

  it('is sha256: and 64 hex digits', () => {
    expect(toolFingerprint(tool)).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it('does not change with key order or _meta, and changes with the definition', () => {
    const reordered: McpTool = { inputSchema: { properties: { path: { type: 'string' } }, type: 'object' }, description: tool.description, name: tool.name };
    expect(toolFingerprint(reordered)).toBe(toolFingerprint(tool));
    expect(toolFingerprint({ ...tool, _meta: { build: 42 } })).toBe(toolFingerprint(tool));
    expect(toolFingerprint({ ...tool, description: 'Reads a file: ünïcödé, 工具!' })).not.toBe(toolFingerprint(tool));
  });
});

describe('diffFingerprints', () => {
  it('names a tool whose fingerprint changed, with both fingerprints, beside those added and removed', () => {
    const before = new Map([['read', 'sha256:1'], ['write', 'sha256:2'], ['gone', 'sha256:3']]);
    const after = new Map([['read', 'sha256:1'], ['write', 'sha256:4'], ['new', 'sha256:5']]);
    expect(diffFingerprints(before, after, '2026-11-01')).toEqual({
      date: '2026-11-01',
      added: [{ name: 'new', fingerprint: 'sha256:5' }],
      removed: [{ name: 'gone', fingerprint: 'sha256:3' }],
      changed: [{ name: 'write', from: 'sha256:2', to: 'sha256:4' }],
    });
  });

  it('gives only the change when only a definition changed, and null when nothing did', () => {
    const before = new Map([['read', 'sha256:1']]);
    expect(diffFingerprints(before, new Map([['read', 'sha256:9']]), 'd')).toEqual({ date: 'd', added: [], removed: [], changed: [{ name: 'read', from: 'sha256:1', to: 'sha256:9' }] });
    expect(diffFingerprints(before, new Map(before), 'd')).toBeNull();
  });
});

describe('nextHistory', () => {
  it('records every tool as added after a crawl that never succeeded, and appends what changed since the last good one', () => {
    const now = new Map([['read', 'sha256:1']]);
    expect(nextHistory(undefined, now, 'd1')).toEqual([{ date: 'd1', added: [{ name: 'read', fingerprint: 'sha256:1' }], removed: [], changed: [] }]);
    const failedOnly = { history: [], fingerprints: [{ name: 'read', fingerprint: 'sha256:0' }] } as unknown as CrawlSnapshot;
    expect(nextHistory(failedOnly, now, 'd1')[0]!.added).toEqual([{ name: 'read', fingerprint: 'sha256:1' }]);
    const history = nextHistory(undefined, now, 'd1');
    const previous = { history, lastOkAt: 'd1', fingerprints: [{ name: 'read', fingerprint: 'sha256:1' }] } as unknown as CrawlSnapshot;
    expect(nextHistory(previous, new Map(now), 'd2')).toBe(history);
    expect(nextHistory(previous, new Map([['read', 'sha256:2']]), 'd2')).toEqual([...history, { date: 'd2', added: [], removed: [], changed: [{ name: 'read', from: 'sha256:1', to: 'sha256:2' }] }]);
  });
});
