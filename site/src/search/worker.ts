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

/** The newest query's id: description lines of results already replaced are not worth loading. */
let newest = 0;

self.addEventListener('message', async (event: MessageEvent<{ id: number; query: string; filters: SearchFilters }>) => {
  const { id, query, filters } = event.data;
  newest = Math.max(newest, id);
  try {
    const { results, total } = await engine.search(query, filters);
    if (id !== newest) return;
    self.postMessage({ id, results, total });
    // description lines follow as their shards arrive, unless the user has typed on: loading and
    // parsing them would only hold up the next keystroke's results
    await new Promise((wait) => setTimeout(wait, 30));
    if (id !== newest) return;
    self.postMessage({ id, lines: await engine.describe(results.map((result) => result.id)) });
  } catch (error) {
    self.postMessage({ id, error: (error as Error).message });
  }
});
