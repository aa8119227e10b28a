// `npm run eval`: the classifier against the labelled set, with and without declared annotations.
// `npm run eval -- --llm [--model …]`: the same figures for a model's answers and for the merged
// verdicts (answers cached like `toolrisk inspect --llm`'s, in TOOLRISK_CACHE_DIR or ~/.cache).
import { parseArgs } from 'node:util';
import { formatEval, type EvalResult, type Label } from '../classifier/evaluate.ts';
import type { Classification } from '../data/schema.ts';
import { LLM_OPTIONS, LlmSettingsError, llmSettings } from '../bin/llm.ts';
import { ModelReviewer, userCacheDir } from '../classifier/review.ts';
import { agreement, loadLabels, loadLabelsIfPresent, loadSecondLabels, runEval, runModelEval } from '../classifier/eval-labels.ts';
import { formatDetection, loadPoisoningSet, measureDetection, publicCorpus, realFalsePositives } from '../classifier/eval-poisoning.ts';
import { formatLeaveOneSourceOut, leaveOneSourceOut, loadExamples } from '../classifier/scorer-train.ts';
import { rationaleSharing } from '../classifier/eval-rationale.ts';
import { join } from 'node:path';

function parse() {
  try {
    return parseArgs({ args: process.argv.slice(2), options: { misses: { type: 'boolean' }, ...LLM_OPTIONS }, strict: true }).values;
  } catch (error) {
    console.error(`${(error as Error).message}\nUsage: npm run eval -- [--misses] [--llm --model <name> …]`);
    process.exit(2);
  }
}
const values = parse();
// each labelled server classified once (with and without annotations) for every set that has tools of it
const classified = new Map<string, Map<string, Classification>>();
const labels = loadLabels('tools');
const holdout = loadLabels('holdout');
const npmSet = loadLabels('npm');
const npmDev = loadLabels('npm-dev');

/** Tool poisoning: own sets (development parts tuned on; untouched and final parts measured, never tuned on), real tools, the public corpus. */
function printPoisoning(): void {
  console.log('Tool poisoning (detected = a poisoning warning, risk critical, hidden in every policy; or a request for the conversation in a parameter, which the policy refuses)');
  for (const [part, poisoned] of [['poisoned-dev', true], ['benign-dev', false], ['poisoned-untouched', true], ['benign-untouched', false], ['poisoned-final', true], ['benign-final', false], ['poisoned-holdout2', true], ['benign-holdout2', false], ['poisoned-wip4', true], ['benign-wip4', false], ['poisoned-wip5', true], ['benign-wip5', false], ['poisoned-holdout5', true], ['benign-holdout5', false], ['poisoned-wip6', true], ['benign-wip6', false], ['poisoned-holdout6', true], ['benign-holdout6', false], ['benign-wip7', false], ['poisoned-wip8', true], ['benign-wip8', false], ['poisoned-holdout8', true], ['benign-holdout8', false], ['poisoned-wip9', true], ['poisoned-holdout9', true], ['poisoned-wip10', true], ['benign-wip10', false], ['poisoned-holdout10', true], ['benign-holdout10', false], ['poisoned-wip11', true], ['benign-wip11', false], ['poisoned-holdout11', true], ['benign-holdout11', false], ['poisoned-wip12', true], ['benign-wip12', false], ['poisoned-holdout12', true], ['benign-holdout12', false], ['poisoned-wip13', true], ['benign-wip13', false], ['poisoned-wip14', true], ['benign-wip14', false], ['poisoned-wip15', true], ['benign-wip15', false], ['poisoned-wip16', true], ['benign-wip16', false], ['poisoned-wip17', true], ['benign-wip17', false], ['poisoned-wip18', true], ['benign-wip18', false], ['poisoned-wip19', true], ['benign-wip19', false], ['poisoned-holdout13', true], ['benign-holdout13', false], ['poisoned-holdout14', true], ['benign-holdout14', false], ['poisoned-holdout15', true], ['benign-holdout15', false], ['poisoned-holdout16', true], ['benign-holdout16', false], ['poisoned-holdout17', true], ['benign-holdout17', false], ['poisoned-holdout18', true], ['benign-holdout18', false], ['poisoned-holdout19', true], ['benign-holdout19', false], ['poisoned-holdout20', true], ['benign-holdout20', false], ['poisoned-holdout21', true], ['benign-holdout21', false], ['poisoned-holdout22', true], ['benign-holdout22', false], ['poisoned-holdout23', true], ['benign-holdout23', false], ['poisoned-holdout24', true], ['benign-holdout24', false], ['poisoned-holdout25', true], ['benign-holdout25', false], ['poisoned-wip20', true], ['benign-wip20', false], ['public2', true], ['public2-benign', false], ['public3', true], ['public3-benign', false]] as const) {
    const cases = loadPoisoningSet(part);
    if (!cases.length) continue;
    const result = measureDetection(cases, poisoned);
    console.log(formatDetection(`  own set ${part}`, result, poisoned).replace(/\n/g, '\n  '));
    // only the development parts' mistakes are printed: the others are not tuned against
    if (values.misses && part.endsWith('-dev')) for (const wrong of result.wrong.filter((w) => (w.detail === '') === poisoned)) console.log(`      ${wrong.id} [${wrong.class}] ${wrong.detail.slice(0, 160)}`);
  }
  const real = realFalsePositives();
  console.log(`  real tools in data/crawled/: ${real.flagged.length}/${real.total} with a poisoning warning (${((100 * real.flagged.length) / real.total).toFixed(2)}%)`);
  for (const flagged of real.flagged) console.log(`      ${flagged.server} ${flagged.tool}: ${flagged.kind}: ${flagged.sentence.slice(0, 160)}`);
  const corpus = publicCorpus();
  if (corpus) console.log(formatDetection(`  public corpus (${process.env.TOOLRISK_PUBLIC_CORPUS})`, measureDetection(corpus), true).replace(/\n/g, '\n  '));
  else console.log('  public corpus: skipped (set TOOLRISK_PUBLIC_CORPUS to its file to measure it)');
  console.log('  (the learned scorer is trained on the own batches but holdout13, holdout14, holdout20 to holdout25 and wip17 to wip20, and on the public corpus: their figures above include it as it was trained; holdout13, holdout14, holdout20 to holdout22, holdout24, holdout25 and public2 were never trained or tuned on (holdout15 to holdout19 and holdout23 are tuned on since later sets were measured); the table below is the estimate for each source)');
  console.log('');
  console.log(formatLeaveOneSourceOut(leaveOneSourceOut(loadExamples(process.env.TOOLRISK_PUBLIC_CORPUS))));
  console.log('');
}

/** A never-tuned set: its figures only, never its misses. */
function printNeverTuned(title: string, result: EvalResult): void {
  console.log(formatEval(title, result));
  console.log('');
}

/** How many servers a label set covers. */
const serverCount = (set: readonly Label[]) => new Set(set.map((label) => label.server)).size;

function print(title: string, result: EvalResult): void {
  console.log(formatEval(title, result));
  if (values.misses) for (const miss of result.misses) console.log(`    ${miss.server.split('/')[1]} ${miss.tool}: labelled ${miss.labelled}, predicted ${miss.predicted}`);
  console.log('');
}

if (!values.llm) {
  for (const withAnnotations of [true, false]) print(`Development set, ${withAnnotations ? 'with annotations' : 'annotations removed'}`, runEval(labels, withAnnotations, classified));
  // the held-out set's misses are not printed: the rules are never tuned against it
  const held = runEval(holdout, false, classified);
  printNeverTuned('Held-out set (labelled before the rules were changed for it; never tuned against), annotations removed', held);
  print(`Development batch from new npm servers (${serverCount(npmDev)} servers, labelled blind; being tuned against, joins the development set at 95%), annotations removed`, runEval(npmDev, false, classified));
  printNeverTuned(`Servers added from npm by use (${serverCount(npmSet)} servers, labelled blind; never tuned against), annotations removed`, runEval(npmSet, false, classified));
  // a later round of blind labels from the grown catalog, never tuned against (when present)
  const fresh = loadLabelsIfPresent('fresh');
  if (fresh.length) printNeverTuned(`Fresh catalog tools (${serverCount(fresh)} servers, labelled blind; never tuned against), annotations removed`, runEval(fresh, false, classified));
  // a second blind round, chosen the same way (the last unlabelled tool of each server, a second one of every third), used for development
  const fresh2 = loadLabelsIfPresent('fresh2');
  if (fresh2.length) print(`Second fresh batch (${serverCount(fresh2)} servers, labelled blind; tuned against after its first measurement), annotations removed`, runEval(fresh2, false, classified));
  // a random sample of the rest (at most five tools a server), labelled blind, its servers split in two: fresh3 for
  // development after its first measurement, fresh4 never tuned against
  const fresh3 = loadLabelsIfPresent('fresh3');
  const fresh4 = loadLabelsIfPresent('fresh4');
  if (fresh3.length) print(`Third fresh batch (${serverCount(fresh3)} servers, labelled blind; tuned against after its first measurement), annotations removed`, runEval(fresh3, false, classified));
  if (fresh4.length) printNeverTuned(`Fourth fresh batch (${serverCount(fresh4)} other servers, labelled blind; never tuned against), annotations removed`, runEval(fresh4, false, classified));
  // a fifth blind round, a seeded random sample of the tools still unlabelled (at most four a server), never tuned against
  const fresh5 = loadLabelsIfPresent('fresh5');
  if (fresh5.length) printNeverTuned(`Fifth fresh batch (${serverCount(fresh5)} servers, labelled blind; never tuned against), annotations removed`, runEval(fresh5, false, classified));
  // every tool of 37 npm servers new to the catalog (servers the rules had never seen), labelled blind before the rules
  // were run on them; their servers split in two: fresh6 for development after its first measurement, fresh6-holdout never tuned against
  const fresh6 = loadLabelsIfPresent('fresh6');
  const fresh6Holdout = loadLabelsIfPresent('fresh6-holdout');
  if (fresh6.length) print(`Servers new to the catalog, development half (${serverCount(fresh6)} servers, every tool, labelled blind; tuned against after its first measurement), annotations removed`, runEval(fresh6, false, classified));
  if (fresh6Holdout.length) printNeverTuned(`Servers new to the catalog, held-out half (${serverCount(fresh6Holdout)} other servers, every tool, labelled blind; never tuned against), annotations removed`, runEval(fresh6Holdout, false, classified));
  // every tool of twelve more servers new to the catalog, split the same way
  const fresh7 = loadLabelsIfPresent('fresh7');
  const fresh7Holdout = loadLabelsIfPresent('fresh7-holdout');
  if (fresh7.length) print(`Twelve more new servers, development half (${serverCount(fresh7)} servers, every tool, labelled blind; tuned against after its first measurement), annotations removed`, runEval(fresh7, false, classified));
  if (fresh7Holdout.length) printNeverTuned(`Twelve more new servers, held-out half (${serverCount(fresh7Holdout)} other servers, every tool, labelled blind; never tuned against), annotations removed`, runEval(fresh7Holdout, false, classified));
  // a seeded sample of the tools still unlabelled (at most two a server), labelled blind after the day's rules were written
  const fresh8 = loadLabelsIfPresent('fresh8');
  if (fresh8.length) printNeverTuned(`Eighth fresh batch (${serverCount(fresh8)} servers, labelled blind; never tuned against), annotations removed`, runEval(fresh8, false, classified));
  // a later sample of the same kind (at most three a server), measured once and then used for development
  const fresh9 = loadLabelsIfPresent('fresh9');
  if (fresh9.length) print(`Ninth fresh batch (${serverCount(fresh9)} servers, labelled blind; tuned against after its first measurement), annotations removed`, runEval(fresh9, false, classified));
  // one more such sample, labelled after the afternoon's classes were written, never tuned against
  const fresh10 = loadLabelsIfPresent('fresh10');
  if (fresh10.length) printNeverTuned(`Tenth fresh batch (${serverCount(fresh10)} servers, labelled blind; never tuned against), annotations removed`, runEval(fresh10, false, classified));
  const fresh11 = loadLabelsIfPresent('fresh11');
  if (fresh11.length) print(`Eleventh fresh batch (${serverCount(fresh11)} servers, labelled blind, half chosen for the critical classes; tuned against after its first measurement), annotations removed`, runEval(fresh11, false, classified));
  const fresh12 = loadLabelsIfPresent('fresh12');
  if (fresh12.length) print(`Twelfth fresh batch (${serverCount(fresh12)} servers, labelled blind, 100 of 220 chosen for the critical classes; tuned against after its first measurement), annotations removed`, runEval(fresh12, false, classified));
  // one more such sample, labelled blind before the evening's rule changes of 2026-11-29, never tuned against
  const fresh13 = loadLabelsIfPresent('fresh13');
  if (fresh13.length) print(`Thirteenth fresh batch (${serverCount(fresh13)} servers, labelled blind, chosen like the twelfth; tuned against after its first measurement), annotations removed`, runEval(fresh13, false, classified));
  const fresh14 = loadLabelsIfPresent('fresh14');
  if (fresh14.length) print(`Fourteenth fresh batch (${serverCount(fresh14)} servers, labelled blind, chosen like the twelfth; tuned against after fresh15 was measured), annotations removed`, runEval(fresh14, false, classified));
  // one more, labelled blind before the night's rule changes of 2026-11-29, and tuned against once fresh17 was measured
  const fresh15 = loadLabelsIfPresent('fresh15');
  if (fresh15.length) print(`Fifteenth fresh batch (${serverCount(fresh15)} servers, labelled blind, chosen like the twelfth; tuned against after fresh17 was measured), annotations removed`, runEval(fresh15, false, classified));
  // two more, labelled blind after the night's rules of 2026-11-29 and before the rules written on fresh15, tuned against once fresh19 was measured
  const fresh16 = loadLabelsIfPresent('fresh16');
  if (fresh16.length) print(`Sixteenth fresh batch (${serverCount(fresh16)} servers, labelled blind after the night's rules; tuned against after fresh19 was measured), annotations removed`, runEval(fresh16, false, classified));
  const fresh17 = loadLabelsIfPresent('fresh17');
  if (fresh17.length) print(`Seventeenth fresh batch (${serverCount(fresh17)} servers, labelled blind before the rules written on fresh15; tuned against after fresh19 was measured), annotations removed`, runEval(fresh17, false, classified));
  // one more, labelled blind after the rules written on fresh15 and holdout17, never tuned against
  const fresh18 = loadLabelsIfPresent('fresh18');
  if (fresh18.length) printNeverTuned(`Eighteenth fresh batch (${serverCount(fresh18)} servers, labelled blind after the rules written on fresh15; never tuned against), annotations removed`, runEval(fresh18, false, classified));
  // one more, labelled blind after the rules written on fresh15 and before those written on fresh16 and fresh17, never tuned against
  const fresh19 = loadLabelsIfPresent('fresh19');
  if (fresh19.length) printNeverTuned(`Nineteenth fresh batch (${serverCount(fresh19)} servers, labelled blind before the rules written on fresh16 and fresh17; never tuned against), annotations removed`, runEval(fresh19, false, classified));
  // one more, labelled blind after the rules written on fresh16 and fresh17, never tuned against
  const fresh20 = loadLabelsIfPresent('fresh20');
  if (fresh20.length) printNeverTuned(`Twentieth fresh batch (${serverCount(fresh20)} servers, labelled blind after the rules written on fresh16 and fresh17; never tuned against), annotations removed`, runEval(fresh20, false, classified));
  // one more, labelled blind after the rules that followed fresh20, never tuned against
  const fresh21 = loadLabelsIfPresent('fresh21');
  if (fresh21.length) printNeverTuned(`Twenty-first fresh batch (${serverCount(fresh21)} servers, labelled blind after the rules that followed fresh20; never tuned against), annotations removed`, runEval(fresh21, false, classified));
  // one more, labelled blind after the rules written on the development sets' critical misses, never tuned against
  const fresh22 = loadLabelsIfPresent('fresh22');
  if (fresh22.length) printNeverTuned(`Twenty-second fresh batch (${serverCount(fresh22)} servers, labelled blind after the rules written on the development sets' critical misses; never tuned against), annotations removed`, runEval(fresh22, false, classified));
  // one more, labelled blind before the rules of 2026-11-30, never tuned against
  const fresh23 = loadLabelsIfPresent('fresh23');
  if (fresh23.length) printNeverTuned(`Twenty-third fresh batch (${serverCount(fresh23)} servers, labelled blind before the rules of 2026-11-30; never tuned against), annotations removed`, runEval(fresh23, false, classified));
  // a second labeller, blind to the first labels and to the rules, labelled the never-tuned sets again: how far the
  // labels themselves agree bounds what any rule can reach, and the rules on the tools both agree on is the cleanest figure
  const sets = [['held-out', holdout, loadSecondLabels('holdout')], ['npm held-out', npmSet, loadSecondLabels('npm')], ['fresh held-out', fresh, loadSecondLabels('fresh')], ['new servers held-out', fresh6Holdout, loadSecondLabels('fresh6-holdout')], ['twelve more new servers held-out', fresh7Holdout, loadSecondLabels('fresh7-holdout')]] as const;
  if (sets.some(([, , second]) => second)) {
    console.log('Second blind labeller over the never-tuned sets (tests/labels/second/), annotations removed');
    const percent = (fraction: number) => `${(100 * fraction).toFixed(1)}%`;
    for (const [name, first, second] of sets) {
      if (!second || !first.length) continue;
      const agreed = agreement(first, second);
      console.log(`  ${name} (${agreed.total}): labellers agree on category ${percent(agreed.category)}, destructive ${percent(agreed.destructive)}, risk ${percent(agreed.risk)}; rules' category accuracy on the ${agreed.agreed.length} tools both agree on ${percent(runEval(agreed.agreed, false, classified).categoryAccuracy)}`);
    }
    console.log('');
  }
  console.log(formatEval('Every labelled tool (development, held-out, both npm sets and the twenty-three fresh sets), annotations removed', runEval([...labels, ...holdout, ...npmSet, ...npmDev, ...fresh, ...fresh2, ...fresh3, ...fresh4, ...fresh5, ...fresh6, ...fresh6Holdout, ...fresh7, ...fresh7Holdout, ...fresh8, ...fresh9, ...fresh10, ...fresh11, ...fresh12, ...fresh13, ...fresh14, ...fresh15, ...fresh16, ...fresh17, ...fresh18, ...fresh19, ...fresh20, ...fresh21, ...fresh22, ...fresh23], false, classified)));
  console.log('');
  const sharing = rationaleSharing(join(import.meta.dirname, '..', 'data', 'classified'));
  console.log(`Rationales (data/classified/): ${sharing.shared}/${sharing.total} tools (${((100 * sharing.shared) / sharing.total).toFixed(1)}%) share theirs with five or more others (quotes, names and digits taken out); the most shared, by ${sharing.top[0]?.tools ?? 0} tools: ${sharing.top[0]?.rationale.slice(0, 160) ?? ''}`);
  console.log('');
  printPoisoning();
  console.log('For a model: npm run eval -- --llm --model <name> (with OPENAI_API_KEY, or OPENAI_BASE_URL for a local server).');
} else {
  let settings;
  try {
    settings = llmSettings(values)!;
  } catch (error) {
    if (!(error instanceof LlmSettingsError)) throw error;
    console.error(error.message);
    process.exit(2);
  }
  const reviewer = new ModelReviewer(settings, (line) => console.error(line));
  const result = await runModelEval(labels, reviewer, userCacheDir());
  print('Rules (with annotations)', result.rules);
  if (result.answered) print(`Model answers (${settings.model}; ${result.answered} of ${labels.length} answered validly)`, result.model);
  else console.log(`Model answers (${settings.model}): none of ${labels.length} was answered validly; see the messages above.\n`);
  print('Rules and model merged (the catalog verdict)', result.merged);
  console.log(reviewer.report());
}
