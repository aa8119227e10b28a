// The classifier's version: a revision bumped by hand when its code changes what it decides, and a
// digest of its rule files (without their examples), so that editing a rule redoes cached results
// by itself. It is recorded once, in data/classifier.json: a bump that changes no verdict rewrites no
// other data file.
import { rulesDigest } from './engine/registry.ts';

/** Bumped whenever a change to the classifier's code can alter any classification. */
export const CODE_REVISION = 'rules-165';

let version: string | undefined;

/** `rules-162+1a2b3c4d`: the code revision and the digest of the rules it runs. */
export function classifierVersion(): string {
  version ??= `${CODE_REVISION}+${rulesDigest()}`;
  return version;
}
