// The measured accuracy the methodology page shows, computed at build time by the same code as
// `npm run eval` (tests/eval-labels.ts, tests/eval-poisoning.ts) over the labelled sets in tests/
// and the real tools in data/crawled/: the figures are worked out, never typed. Computed once per build.
import { loadLabels, loadLabelsIfPresent, runEval } from '../../../classifier/eval-labels.ts';
import { loadPoisoningSet, measureDetection, realFalsePositives } from '../../../classifier/eval-poisoning.ts';
import { classifierVersion } from '../../../classifier/classify.ts';
import { SCORER_MODEL } from '../../../classifier/warnings.ts';
import type { Classification } from '../../../data/schema.ts';

export interface SetFigures {
  title: string;
  tools: number;
  servers: number;
  category: number;
  destructivePrecision: number;
  destructiveRecall: number;
  risk: number;
  riskWithinOne: number;
}

export interface Methodology {
  version: string;
  development: SetFigures[];
  neverTuned: SetFigures[];
  poisoning: { title: string; flagged: number; total: number; poisoned: boolean }[];
  realTools: { flagged: number; total: number };
  /** Leave one source out, as measured when the learned scorer's weights were written (classifier/rules/scorer.json). */
  leaveOneSourceOut: NonNullable<typeof SCORER_MODEL.leaveOneSourceOut>;
}

// the never-tuned sets, as `npm run eval` names them
const NEVER_TUNED = [
  ['holdout', 'Held-out catalog tools, labelled before the rules were changed for them'],
  ['npm', 'Servers added from npm by use, labelled blind'],
  ['fresh', 'Catalog tools labelled blind in a later round'],
  ['fresh4', 'A later blind round, servers apart from earlier rounds'],
  ['fresh5', 'A seeded sample, at most four tools a server'],
  ['fresh6-holdout', 'Every tool of new npm servers (never-tuned half)'],
  ['fresh7-holdout', 'Every tool of twelve more new servers (never-tuned half)'],
  ['fresh8', 'Still-unlabelled catalog tools, labelled after the rules were written'],
  ['fresh10', 'One more such sample, labelled after the last rule change'],
  ['fresh18', 'A sample chosen in part for the critical classes, labelled after the rules written on the fifteenth'],
  ['fresh19', 'The same kind of sample, labelled before the rules written on the sixteenth and seventeenth'],
  ['fresh20', 'The same kind of sample, labelled after the rules written on the sixteenth and seventeenth'],
  ['fresh21', 'The same kind of sample, labelled after the rules that followed the twentieth'],
  ['fresh22', 'The same kind of sample, labelled after the rules written on the critical misses of the development sets'],
  ['fresh23', 'The same kind of sample, labelled before the next round of rules'],
] as const;

let computed: Methodology | undefined;
// each labelled server classified once for every set that has tools of it
const classified = new Map<string, Map<string, Classification>>();

function figures(title: string, labels: ReturnType<typeof loadLabels>): SetFigures {
  const result = runEval(labels, false, classified);
  return {
    title,
    tools: result.total,
    servers: new Set(labels.map((label) => label.server)).size,
    category: result.categoryAccuracy,
    destructivePrecision: result.destructivePrecision,
    destructiveRecall: result.destructiveRecall,
    risk: result.riskAccuracy,
    riskWithinOne: result.riskWithinOne,
  };
}

export function methodology(): Methodology {
  if (computed) return computed;
  const neverTuned = NEVER_TUNED.flatMap(([set, title]) => {
    const labels = set === 'holdout' || set === 'npm' ? loadLabels(set) : loadLabelsIfPresent(set);
    return labels.length ? [figures(title, labels)] : [];
  });
  const poisoning = (
    [
      ['poisoned-dev', 'Own poisoned definitions the rules were developed on'],
      ['benign-dev', 'Own hard negatives (legitimate guidance) the rules were developed on'],
      ['poisoned-untouched', 'Own poisoned definitions kept aside, never tuned on'],
      ['benign-untouched', 'Own hard negatives kept aside, never tuned on'],
      ['poisoned-holdout13', 'A blind batch by another author in the intent families, never tuned or trained on'],
      ['benign-holdout13', 'Its hard negatives, never tuned on'],
      ['poisoned-holdout14', 'A blind batch, 36 of 60 in eight other languages, never tuned or trained on'],
      ['benign-holdout14', 'Its hard negatives (defences, guidance, user-directed sends), never tuned on'],
      ['poisoned-holdout17', 'A blind batch, wording without stock phrases; tuned on since holdout19 was measured, trained on since holdout21'],
      ['benign-holdout17', 'Its hard negatives (scanners, defences, sends and secrets the user controls), tuned on since holdout19'],
      ['poisoned-holdout18', 'A blind batch written after the night rules, attacks that mislead the user among them; tuned and trained on since holdout21 was measured'],
      ['benign-holdout18', 'Its hard negatives (defences, the user\'s own secrets, scanners, prompt authoring), tuned on since holdout21'],
      ['poisoned-holdout19', 'A blind batch written before the rules written on holdout17 (paraphrase, pretexts, split payloads); tuned and trained on since holdout21 was measured'],
      ['benign-holdout19', 'Its hard negatives (defences, telemetry, secret managers, prompt audits the user asks for), tuned on since holdout21'],
      ['poisoned-holdout20', 'A blind batch written after the rules written on holdout17 (euphemism, data contracts, persisted orders), never tuned or trained on'],
      ['benign-holdout20', 'Its hard negatives (defences quoting attacks, the user\'s own prompts and keys, telemetry said openly), never tuned on'],
      ['poisoned-holdout21', 'A blind batch written after the rules written on holdout17 (pretexts, changelog notes, orders for later turns, other tools\' recipients), never tuned or trained on'],
      ['benign-holdout21', 'Its hard negatives (defences, confirmations, telemetry and audit logs said openly, prompt and security tools), never tuned on'],
      ['poisoned-holdout22', 'A blind batch written after the rules written on holdout18 and holdout19 (specs, footnotes, migration notes, uncommon domains), never tuned or trained on'],
      ['benign-holdout22', 'Its hard negatives (fees disclosed, failures reported, consent, defences, the user\'s own prompts and files), never tuned on'],
      ['poisoned-holdout23', 'A blind batch written after the rules written on wip17 to wip19, as an attacker evading keyword scanners would; tuned on since holdout24 was measured, never trained on'],
      ['benign-holdout23', 'Its hard negatives (warnings quoting injections, sends the user asks for, disclosed telemetry, the user\'s own bots), tuned on since holdout24'],
      ['poisoned-holdout24', 'A blind batch of realistic long definitions of popular services, one payload sentence or field each, never tuned or trained on'],
      ['benign-holdout24', 'Its hard negatives (long honest definitions: warnings quoting injections, secret managers, the user\'s own addresses and bots), never tuned on'],
      ['poisoned-holdout25', 'A blind batch against coding agents (git, shells, registries, CI, cloud CLIs), terse to long, never tuned or trained on'],
      ['benign-holdout25', 'Its hard negatives (guarded shells and force pushes, the user\'s own secrets and agent instructions, injection warnings), never tuned on'],
    ] as const
  ).flatMap(([part, title]) => {
    // (a set of attacks is named poisoned-…, its hard negatives benign-…)
    const poisoned = part.startsWith('poisoned-');
    const cases = loadPoisoningSet(part);
    if (!cases.length) return [];
    const result = measureDetection(cases, poisoned);
    return [{ title, flagged: result.flagged, total: result.total, poisoned }];
  });
  const real = realFalsePositives();
  computed = {
    version: classifierVersion(),
    development: [figures('Development set (the rules are tuned against it)', loadLabels('tools'))],
    neverTuned,
    poisoning,
    realTools: { flagged: real.flagged.length, total: real.total },
    leaveOneSourceOut: SCORER_MODEL.leaveOneSourceOut ?? [],
  };
  return computed;
}
