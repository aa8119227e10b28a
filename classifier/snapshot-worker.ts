// A worker thread that classifies whole server snapshots for classifyCatalog (run.ts): the
// classification is pure and CPU-bound, so a catalog run spreads it over the machine's cores while
// the main thread reads and writes files. Started through snapshot-worker.js, which registers the
// TypeScript loader in the worker first.
import { parentPort } from 'node:worker_threads';
import type { ClassifiedServer, CrawlSnapshot } from '../data/schema.ts';
import { classifySnapshot, type ClassifyFailure } from './catalog.ts';

export interface SnapshotJob {
  id: number;
  snapshot: CrawlSnapshot;
  previous?: ClassifiedServer;
  /** Whether the previous classification was made by this classifier version (its verdicts may be reused). */
  reuse: boolean;
}

parentPort?.on('message', (job: SnapshotJob) => {
  const failures: ClassifyFailure[] = [];
  try {
    const result = classifySnapshot(job.snapshot, job.previous, (failure) => failures.push(failure), job.reuse);
    parentPort!.postMessage({ id: job.id, result, failures });
  } catch (error) {
    parentPort!.postMessage({ id: job.id, error: (error as Error).message ?? String(error) });
  }
});
