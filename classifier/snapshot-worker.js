// Worker entry for classifier/snapshot-worker.ts: worker threads do not inherit the parent's
// module hooks, so the TypeScript loader is registered here before the worker's module loads.
import { register } from 'tsx/esm/api';

register();
await import('./snapshot-worker.ts');
