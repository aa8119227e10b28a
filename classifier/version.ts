/** Bumped whenever a change can alter any classification; cached results of other versions are redone. */
// (in a file of its own, so that a bump changes no line of the rules)
export const CLASSIFIER_VERSION = 'rules-161';
