// The description-lines worker: the page asks it for the lines of the results it has rendered. It
// runs beside the search worker, so fetching and parsing description shards never delays the next
// keystroke's results.
import { DescriptionLines } from './engine.ts';
import { fetchJson } from './fetch-json.ts';

const lines = new DescriptionLines((shard) => fetchJson(`/search/records-${shard}.json`));

/** The newest answer's id: lines of answers already replaced are not worth loading. */
let newest = 0;

self.addEventListener('message', async (event: MessageEvent<{ id: number; ids: number[] }>) => {
  const { id, ids } = event.data;
  newest = Math.max(newest, id);
  // a short pause: while the user types on, newer answers arrive and these lines are never shown
  await new Promise((wait) => setTimeout(wait, 30));
  if (id !== newest) return;
  try {
    self.postMessage({ id, lines: await lines.describe(ids) });
  } catch (error) {
    self.postMessage({ id, error: (error as Error).message });
  }
});
