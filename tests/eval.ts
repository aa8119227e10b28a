// `npm run eval`: the classifier against the labelled set, with and without declared annotations.
import { formatEval } from '../classifier/evaluate.ts';
import { loadLabels, runEval } from './eval-labels.ts';

const labels = loadLabels();
const verbose = process.argv.includes('--misses');
for (const withAnnotations of [true, false]) {
  const result = runEval(labels, withAnnotations);
  console.log(formatEval(withAnnotations ? 'With annotations' : 'Annotations removed', result));
  if (verbose) for (const miss of result.misses) console.log(`    ${miss.server.split('/')[1]} ${miss.tool}: labelled ${miss.labelled}, predicted ${miss.predicted}`);
  console.log('');
}
