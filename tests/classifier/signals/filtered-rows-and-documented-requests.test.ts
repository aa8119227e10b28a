// Rows changed through a filter the call must give are changed many at a time (filteredRowsSignals), and a request
// documented with a method of the caller's choosing may change or delete what it reaches (documentedRequestSignals).
import { describe, expect, it } from 'vitest';
import { documentedRequestSignals, filteredRowsSignals } from '../../../classifier/signals.ts';
import { labels, tool } from '../signal-helpers.ts';

describe('rows changed through a required filter (filteredRowsSignals)', () => {
  const filter = { filter: { type: 'object' } };

  it('reads a change to rows picked by a required filter as broad', () => {
    expect(labels(filteredRowsSignals(tool('update_rows', '', filter, ['filter'])))).toEqual(['broad:phrase:by-filter:filter']);
    expect(labels(filteredRowsSignals(tool('delete_records', '', { where: { type: 'string' } }, ['where'])))).toEqual(['broad:phrase:by-filter:where']);
  });

  it('counts a name with a changing verb among others ("get or update")', () => {
    expect(labels(filteredRowsSignals(tool('get_or_update_rows', '', filter, ['filter'])))).toEqual(['broad:phrase:by-filter:filter']);
  });

  it('needs a name whose verb changes what exists: reading rows by a filter is not broad', () => {
    expect(filteredRowsSignals(tool('list_rows', '', filter, ['filter']))).toEqual([]);
    expect(filteredRowsSignals(tool('count_records', '', filter, ['filter']))).toEqual([]);
  });

  it('takes a name with no object at all without failing', () => {
    expect(filteredRowsSignals(tool('update', '', filter, ['filter']))).toEqual([]);
    expect(filteredRowsSignals(tool('delete', '', filter, ['filter']))).toEqual([]);
  });

  it('counts only a top-level filter the call must give', () => {
    // a filter nested in an options object is not the call's own required filter
    expect(filteredRowsSignals(tool('update_rows', '', { options: { type: 'object', properties: { filter: { type: 'object' } } } }, ['filter']))).toEqual([]);
    expect(filteredRowsSignals(tool('update_rows', '', filter))).toEqual([]);
  });
});

describe('requests documented with a method of the caller’s choosing (documentedRequestSignals)', () => {
  const request = "Body: { requests: [{ method: 'GET'|'PATCH'|'DELETE', url: '/me/events' }] }";

  it('reads a request field whose method may change or delete as a destructive write', () => {
    // (and any method to the API: a proxy for every call it has)
    expect(labels(documentedRequestSignals(tool('batch', `Sends several calls at once. ${request}`)))).toEqual(['write:param:http-method:PATCH', 'destructive:param:http-method:PATCH', 'write:any-request:method:PATCH']);
    // POST alone only adds
    expect(labels(documentedRequestSignals(tool('batch', "Each item is { method: 'GET'|'POST', path: '/items' }.")))).toEqual(['write:param:http-method:POST']);
  });

  it('reads only the first 3,000 characters of a description', () => {
    expect(documentedRequestSignals(tool('batch', `${'Notes on usage. '.repeat(200)}${request}`))).toEqual([]);
  });

  it('needs the address beside the method, not anywhere after it', () => {
    const far = "Each entry names a method: 'GET'|'DELETE' for the call. " + 'The rest of this text is about quotas and paging. '.repeat(8) + 'The url: field is optional.';
    expect(far.indexOf('url:') - far.indexOf('method')).toBeGreaterThan(300);
    expect(documentedRequestSignals(tool('batch', far))).toEqual([]);
  });
});
