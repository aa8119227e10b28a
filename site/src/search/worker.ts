// The search worker: loads the index from /search/ on demand and answers queries off the main
// thread. Description lines come from lines-worker.ts, so loading them never delays an answer.
import { SearchEngine, warmUp, type SearchFilters } from './engine.ts';
import { fetchJson } from './fetch-json.ts';

const engine = new SearchEngine({
  names: () => fetchJson('/search/names.json'),
  words: (shard) => fetchJson(`/search/words-${encodeURIComponent(shard)}.json`),
});

// names.json is needed by every query: start loading it now, and warm the engine up meanwhile (it
// runs through without yielding, so a query arriving now simply waits for it)
engine.preload();
void warmUp().catch(() => undefined);

/** The newest query's id: answers to older ones are not sent (the page would drop them). */
let newest = 0;

self.addEventListener('message', async (event: MessageEvent<{ id: number; query: string; filters: SearchFilters; limit?: number }>) => {
  const { id, query, filters, limit } = event.data;
  newest = Math.max(newest, id);
  try {
    const { results, total } = await engine.search(query, filters, limit);
    if (id === newest) self.postMessage({ id, results, total });
  } catch (error) {
    self.postMessage({ id, error: (error as Error).message });
  }
});
