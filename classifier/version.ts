// The classifier's version: a revision bumped by hand when its code changes what it decides, and a
// digest of its rule files (without their examples) and of the learned scorer's weights, so that editing a rule or
// retraining the scorer redoes cached results by itself. It is recorded once, in data/classifier.json: a bump that changes no verdict rewrites no
// other data file.
import { createHash } from 'node:crypto';
import { rulesDigest } from './engine/registry.ts';
import { SCORER_MODEL } from './warnings.ts';

/** Bumped whenever a change to the classifier's code can alter any classification. */
export const CODE_REVISION = 'rules-226';

let version: string | undefined;

/** `rules-162+1a2b3c4d`: the code revision and a digest of the rules it runs and of the learned scorer's weights. */
export function classifierVersion(): string {
  version ??= `${CODE_REVISION}+${createHash('sha256').update(`${rulesDigest()}\u0000${JSON.stringify(SCORER_MODEL)}`).digest('hex').slice(0, 8)}`;
  return version;
}
