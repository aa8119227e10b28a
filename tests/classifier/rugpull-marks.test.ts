// markRugPulls and the cache helpers of classifier/catalog.ts, one case at a time, in the test process: rugpull.test.ts shows the whole path over
// a real server, but the catalog run classifies in workers, where no mutation run can see which rule decided. A rug pull
// is a tool whose definition changed since the last classification and whose new definition carries poisoning the old
// one did not; the mark stays while the definition does.
import { describe, expect, it } from 'vitest';
import { cacheFrom, cacheKey, classifyTools, markRugPulls, repairedProblems, serverContextOf } from '../../classifier/catalog.ts';
import { classifierVersion } from '../../classifier/classify.ts';
import type { ClassifiedServer, Classification, CrawlSnapshot, McpTool } from '../../data/schema.ts';

const POISON = { kind: 'hidden-instructions', severity: 'poisoning', message: 'hidden', evidence: { where: 'description', text: 'x' } };
const NOTE = { kind: 'long-description', severity: 'note', message: 'long', evidence: { where: 'description', text: 'x' } };
/** Only the fields markRugPulls reads. */
const tool = (name: string, fingerprint: string, warnings: unknown[] = [], rugPull?: Classification['rugPull']) =>
  ({ tool: name, fingerprint, warnings, ...(rugPull ? { rugPull } : {}) }) as unknown as Classification;
const previous = (...tools: Classification[]) => ({ tools }) as unknown as ClassifiedServer;
const snapshot = (history: { date: string; changed: { name: string; to: string }[] }[], lastOk = true) =>
  ({ history, ...(lastOk ? { lastOkAt: '2026-11-20' } : {}), crawledAt: '2026-11-21' }) as unknown as CrawlSnapshot;
const marks = (result: Classification[]) => result.map((c) => `${c.tool}:${c.rugPull ? `${c.rugPull.date}<${c.rugPull.previousFingerprint}` : '-'}`);

describe('markRugPulls', () => {
  it('marks a tool whose new definition is poisoned and whose old one was not, with the date of the crawl that changed it', () => {
    const history = [
      { date: '2026-11-01', changed: [{ name: 'send', to: 'sha256:old' }] },
      { date: '2026-11-10', changed: [{ name: 'other', to: 'sha256:new' }, { name: 'send', to: 'sha256:new' }] },
      { date: '2026-11-12', changed: [{ name: 'send', to: 'sha256:later' }] },
    ];
    const result = markRugPulls(snapshot(history), [tool('send', 'sha256:new', [POISON]), tool('read', 'sha256:r')], previous(tool('send', 'sha256:old'), tool('read', 'sha256:r')));
    expect(marks(result)).toEqual(['send:2026-11-10<sha256:old', 'read:-']);
  });

  it('dates the change by the last crawl, else the crawl itself, when the history does not record it', () => {
    const now = [tool('send', 'sha256:new', [POISON])];
    const before = previous(tool('send', 'sha256:old'));
    // (a change of another tool to the same fingerprint, or of this tool to another, is not this change)
    const unrelated = [{ date: '2026-11-05', changed: [{ name: 'other', to: 'sha256:new' }, { name: 'send', to: 'sha256:else' }] }];
    expect(marks(markRugPulls(snapshot(unrelated), now, before))).toEqual(['send:2026-11-20<sha256:old']);
    expect(marks(markRugPulls(snapshot([], false), now, before))).toEqual(['send:2026-11-21<sha256:old']);
  });

  it('does not mark a tool poisoned from the start, a new tool, or a change that carries only notes', () => {
    expect(marks(markRugPulls(snapshot([]), [tool('send', 'sha256:new', [POISON])], previous(tool('send', 'sha256:old', [POISON]))))).toEqual(['send:-']);
    expect(marks(markRugPulls(snapshot([]), [tool('fresh', 'sha256:new', [POISON])], previous(tool('send', 'sha256:old'))))).toEqual(['fresh:-']);
    expect(marks(markRugPulls(snapshot([]), [tool('send', 'sha256:new', [NOTE])], previous(tool('send', 'sha256:old'))))).toEqual(['send:-']);
    // with no earlier classification there is nothing to compare
    expect(marks(markRugPulls(snapshot([]), [tool('send', 'sha256:new', [POISON])], undefined))).toEqual(['send:-']);
  });

  it('keeps the mark while the definition stays as it was, and drops it once the poisoning is gone', () => {
    const mark = { date: '2026-11-10', previousFingerprint: 'sha256:old' };
    const before = previous(tool('send', 'sha256:new', [POISON], mark));
    expect(marks(markRugPulls(snapshot([]), [tool('send', 'sha256:new', [POISON])], before))).toEqual(['send:2026-11-10<sha256:old']);
    // (a mark the new classification already has is kept as it is)
    const own = { date: '2026-11-11', previousFingerprint: 'sha256:older' };
    expect(marks(markRugPulls(snapshot([]), [tool('send', 'sha256:new', [POISON], own)], before))).toEqual(['send:2026-11-11<sha256:older']);
    // the server took the poisoning out again: no mark, and no rugPull key left behind
    const clean = markRugPulls(snapshot([]), [tool('send', 'sha256:clean', [], mark)], before);
    expect(marks(clean)).toEqual(['send:-']);
    expect(Object.keys(clean[0]!)).not.toContain('rugPull');
  });

  it('leaves a marked tool as it is when the definition changed again and is still poisoned, as the old one was', () => {
    const mark = { date: '2026-11-10', previousFingerprint: 'sha256:old' };
    const result = markRugPulls(snapshot([]), [tool('send', 'sha256:newer', [POISON])], previous(tool('send', 'sha256:new', [POISON], mark)));
    expect(marks(result)).toEqual(['send:-']);
  });
});

describe('the cache of a catalog run and the problems of repaired definitions (catalog.ts)', () => {
  const server = (...tools: Classification[]) => ({ tools }) as unknown as ClassifiedServer;
  const reviewed = { ...tool('b', 'sha256:b'), review: { model: 'm' } } as unknown as Classification;

  it('reuses a classification of this classifier version by fingerprint and name, never a reviewed one', () => {
    const cache = cacheFrom(server(tool('a', 'sha256:a'), reviewed));
    expect([...cache.keys()]).toEqual([cacheKey('sha256:a', 'a')]);
    expect(cache.get(cacheKey('sha256:a', 'a'))!.tool).toBe('a');
    // (another version's verdicts, or none, give an empty cache)
    expect(cacheFrom(server(tool('a', 'sha256:a')), false).size).toBe(0);
    expect(cacheFrom(undefined).size).toBe(0);
    // the key tells name, fingerprint and version apart
    expect(new Set([cacheKey('sha256:a', 'a'), cacheKey('sha256:a', 'b'), cacheKey('sha256:b', 'a')]).size).toBe(3);
    expect(cacheKey('sha256:a', 'a')).toContain(classifierVersion());
  });

  it('names the problems of each repaired definition that has a name, and only those', () => {
    const problems = repairedProblems([
      { index: 0, name: 'fixed', repaired: true, problems: ['inputSchema: not an object'] },
      { index: 1, name: 'dropped', repaired: false, problems: ['name: missing'] },
      { index: 2, repaired: true, problems: ['name: missing'] },
    ] as unknown as Parameters<typeof repairedProblems>[0]);
    expect([...problems]).toEqual([['fixed', ['inputSchema: not an object']]]);
  });

  it('takes the server title from its index entry, else from what the server said of itself', () => {
    const snap = (title: string | undefined, said: string | undefined) => ({ name: 'io.example/s', entry: { description: 'D', ...(title ? { title } : {}) }, ...(said ? { initialize: { serverInfo: { name: 's', version: '1', title: said } } } : {}) }) as unknown as CrawlSnapshot;
    expect(serverContextOf(snap('Entry', 'Said'))).toEqual({ name: 'io.example/s', title: 'Entry', description: 'D' });
    expect(serverContextOf(snap(undefined, 'Said'))).toEqual({ name: 'io.example/s', title: 'Said', description: 'D' });
    expect(serverContextOf(snap(undefined, undefined)).title).toBeUndefined();
  });
});

describe('classifyTools: a tool the classifier fails on costs only itself (catalog.ts)', () => {
  const plain = (name: string): McpTool => ({ name, description: `Lists ${name}.`, inputSchema: { type: 'object', properties: {} } });
  // a definition whose description cannot be read: what a broken or hostile object in memory would do to the rules
  const throwing = (name: string, message: string): McpTool => Object.defineProperty({ name, inputSchema: { type: 'object', properties: {} } }, 'description', { enumerable: true, get: () => { throw new Error(message); } }) as McpTool;

  it('reports the tool with its position, name and error, tells the caller, and classifies the others', () => {
    const told: unknown[] = [];
    const result = classifyTools([plain('first'), throwing('broken', 'cannot read'), plain('third')], ['sha256:1', 'sha256:2', 'sha256:3'], { name: 'io.example/s' }, new Map(), (failure) => told.push(failure));
    expect(result.classifications.map((c) => c.tool)).toEqual(['first', 'third']);
    expect(result.failures).toEqual([{ index: 1, tool: 'broken', error: 'cannot read' }]);
    expect(told).toEqual(result.failures);
    expect([result.classified, result.reused]).toEqual([2, 0]);
  });

  it('names an error without a message by what was thrown, and needs no one to tell', () => {
    const result = classifyTools([throwing('broken', '')], ['sha256:1'], { name: 'io.example/s' });
    expect(result.failures).toEqual([{ index: 0, tool: 'broken', error: 'Error' }]);
  });

  it('dates a rug pull by the latest crawl that changed the tool to its definition, when it changed there more than once', () => {
    const history = [
      { date: '2026-11-01', changed: [{ name: 'send', to: 'sha256:new' }] },
      { date: '2026-11-05', changed: [{ name: 'send', to: 'sha256:other' }] },
      { date: '2026-11-09', changed: [{ name: 'send', to: 'sha256:new' }] },
    ];
    expect(marks(markRugPulls(snapshot(history), [tool('send', 'sha256:new', [POISON])], previous(tool('send', 'sha256:old'))))).toEqual(['send:2026-11-09<sha256:old']);
  });
});
