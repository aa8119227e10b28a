// The search worker: loads the index from /search/ on demand and answers queries off the main thread.
import { SearchEngine, type SearchFilters } from './engine.ts';

const fetchJson = async <T,>(path: string): Promise<T> => {
  const response = await fetch(path);
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  return (await response.json()) as T;
};

const engine = new SearchEngine({
  names: () => fetchJson('/search/names.json'),
  words: (shard) => fetchJson(`/search/words-${encodeURIComponent(shard)}.json`),
  records: (shard) => fetchJson(`/search/records-${shard}.json`),
  hash8: async (name) => {
    const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(name)));
    return [...digest.slice(0, 4)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
  },
});

self.addEventListener('message', async (event: MessageEvent<{ id: number; query: string; filters: SearchFilters }>) => {
  const { id, query, filters } = event.data;
  try {
    const { results, total } = await engine.search(query, filters);
    self.postMessage({ id, results, total });
    // description lines follow as their shards arrive
    self.postMessage({ id, lines: await engine.describe(results.map((result) => result.id)) });
  } catch (error) {
    self.postMessage({ id, error: (error as Error).message });
  }
});
