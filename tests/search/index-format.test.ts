// The search index format (issue 5's foundation): words, shards, postings and records.
import { describe, expect, it } from 'vitest';
import { buildSearchIndex, deltaDecode, deltaEncode, packMeta, searchWords, shardOf, unpackMeta, type SearchInput } from '../../site/src/search/index-format.ts';

const tool = (name: string, serverName: string, line: string, risk: SearchInput['risk'] = 'low', category: SearchInput['category'] = 'read'): SearchInput => ({
  name,
  slug: name.toLowerCase().replace(/[^a-z0-9]+/g, '-'),
  serverName,
  serverSlug: serverName.replace('/', '__'),
  risk,
  category,
  line,
});

describe('the search index', () => {
  it('normalizes words from identifiers and prose, dropping stop words and accents', () => {
    expect(searchWords('create_issue')).toEqual(['create', 'issue']);
    expect(searchWords('getHTTPResponse for the Café')).toEqual(['get', 'http', 'response', 'cafe']);
    expect(searchWords('policies.remove')).toEqual(['policies', 'remove']);
  });

  it('delta-encodes postings losslessly', () => {
    const ids = [3, 4, 10, 250, 251, 100000];
    expect([...deltaDecode(deltaEncode(ids))]).toEqual(ids);
  });

  it('indexes names, server names and the description start, sharded by first character', () => {
    const tools = [
      tool('create_issue', 'io.github.github/github-mcp', 'Create a new issue in a repository.', 'medium', 'write'),
      tool('delete_file', 'io.example/files', 'Delete a file permanently.', 'high', 'write'),
      tool('工具', 'io.example/files', 'Lists things.'),
    ];
    const index = buildSearchIndex(tools);
    expect(index.names.servers).toEqual([
      ['io.github.github/github-mcp', 'io.github.github__github-mcp'],
      ['io.example/files', 'io.example__files'],
    ]);
    expect(index.names.tools).toEqual(['create_issue', 'delete_file', '工具']);
    expect(index.names.meta.map(unpackMeta)).toEqual([
      { server: 0, risk: 1, category: 1 },
      { server: 1, risk: 2, category: 1 },
      { server: 1, risk: 0, category: 0 },
    ]);
    // the packing holds for large server indexes too
    expect(unpackMeta(packMeta(123_456, 3, 2))).toEqual({ server: 123_456, risk: 3, category: 2 });
    expect([...deltaDecode(index.words.get('i')!.issue!)]).toEqual([0]);
    expect([...deltaDecode(index.words.get('g')!.github!)]).toEqual([0]);
    expect([...deltaDecode(index.words.get('f')!.files!)]).toEqual([1, 2]);
    expect([...deltaDecode(index.words.get('r')!.repository!)]).toEqual([0]);
    expect(index.words.get('_')!['工具']).toEqual([2]);
    expect(shardOf('工具')).toBe('_');
    expect(index.records[0]).toEqual(['Create a new issue in a repository.', 'Delete a file permanently.', 'Lists things.']);
  });
});
