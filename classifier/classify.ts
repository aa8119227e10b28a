// One tool definition plus its server's context gives one Classification. Pure: no I/O.
// Every sentence, the badge and the policy come from the same record.
import type { AnnotationComparison, Category, Classification, DescriptionWarning, DestructiveScope, McpTool, Operation, Risk, RawSignal as Signal, Signal as SignalWithRule, SignalEffect } from '../data/schema.ts';
import { ruleById, ruleSet } from './engine/registry.ts';
import { RISK_LEVELS } from '../data/schema.ts';
import { toolPolicy } from './policy.ts';
import {
  addedStateSignals,
  documentedRequestSignals,
  hostLaunchSignals,
  filteredRowsSignals,
  personalRecordSignals,
  annotationSignals,
  ephemeralClearSignals,
  linkOnlySignals,
  nameObject,
  OBJECT_JOINERS,
  billedResourceSignals,
  clusterConfigSignals,
  inSForm,
  installedCodeSignals,
  issuedCredentialSignals,
  sharedAccessSignals,
  proseAccessSignals,
  listedOperations,
  moneyRecordSignals,
  nameSignals,
  NOUN_LIKE,
  nounWordsOfName,
  PHRASE_END,
  platformCodeSignals,
  primaryVerbIndexes,
  parameterSignals,
  proseSignals,
  sentenceOf,
  wordsOf,
  replacesWholeSignals,
  serverTraits,
  sideMoneySignals,
  wholeContentSignals,
  type ServerContext,
  type ServerTraits,
} from './signals.ts';
import { collectedArguments } from './collection.ts';
import { descriptionWarnings, isPoisoning } from './warnings.ts';
import { ACTION_PARAMETER, BILLED_ON_CONDITION, BILLED_PARAMETERS, BILLING_TEXT, PAID_PLAN_TEXT, CODE_PARAMETER_LABELS, CREDENTIAL_TOKEN_KINDS, FILE_WRITING_VERBS, LIGHT_VERBS, UMBRELLA_VERBS, VERB_SCOPE, WRITABLE_QUERY_LABELS, nameVerbOf, verbOf } from './lexicon.ts';
import { decisiveSignals, evidenceFor, placeName, rationaleFor } from './rationale.ts';
import { firstSentence, splitIdentifier, type Token } from './words.ts';
import { inputProperties } from './engine/properties.ts';
import { locationKey, locationParts } from '../data/location.ts';
import { isCut } from '../crawler/bounded.ts';

// (the rules' version, bumped whenever a change can alter any classification, lives in version.ts)
export { classifierVersion } from './version.ts';

export interface ClassifyInput {
  tool: McpTool;
  fingerprint: string;
  server?: ServerContext;
  /** Precomputed traits of the server (saves work when classifying many tools of one server). */
  traits?: ServerTraits;
  /** Names of the server's tools (a reference to one of them is not a warning). */
  siblings?: ReadonlySet<string>;
  /** Why the server's definition is not valid MCP, when it was repaired to be classified. */
  problems?: readonly string[];
}

// plain loops, not reduce/filter callbacks: these run for every signal of every tool
function strongest(signals: Signal[], effect: SignalEffect): Signal | undefined {
  let best: Signal | undefined;
  for (const s of signals) if (s.effect === effect && (!best || s.weight > best.weight)) best = s;
  return best;
}

// what makes a file (on a browser or device server too, saving a PDF or recording a screencast writes a file)
const SAVES_FILE = new Set(['param:output-file', 'param:save-switch', 'phrase:writes-file', 'verb:save', 'verb:export', 'verb:record']);
const FILE_TARGET = new Set(['param:output-file', 'param:file-name', 'phrase:writes-file']);
const FILE_PRODUCING = new Set(['verb:generate', 'verb:export', 'verb:download', 'verb:save', 'verb:render', 'verb:write', 'verb:record']);
// a name that saves in a file format (`browser_pdf_save`, `save_as_png`) writes that file, wherever it lands
const FILE_FORMATS = /^(pdf|png|jpe?g|svg|gif|webp|csv|tsv|xlsx?|docx?|pptx?|mp4|webm|mp3|m4a|wav|zip)$/i;
const READ_LANGUAGES = /dsl|promql|logql|kql|kusto|graphql|sparql|esql|es\|ql/i;
// what a browser or device server keeps of a session rather than shows in it
const SESSION_STATE: ReadonlySet<string> = new Set(['logs', 'log', 'recording', 'recordings', 'screencast', 'history', 'telemetry', 'buffer', 'cache', 'trace', 'traces', 'har']);
// what a browser, UI or device tool acts on: changing one of these drives the UI
const UI_TARGET = /\b(page|pages|tab|tabs|browser|element|elements|window|dialog|viewport|device|screen|app|form|frame|cookies?|storage|emulat\w*|click\w*)\b/i;
// what runs on the server's own host whatever the server drives
const HOST_PROCESS_OBJECTS: ReadonlySet<string> = new Set(['object:repl', 'object:repls', 'object:pty', 'object:ptys', 'object:terminal', 'object:terminals']);
// JavaScript runs in a page or a vendor's runtime, not in a shell on the host
const HOST_CODE_LABELS = new Set([...CODE_PARAMETER_LABELS].filter((label) => label !== 'param:javascript' && label !== 'param:js'));
const STORING_VERBS = new Set(['verb:create', 'verb:save', 'verb:write', 'verb:update', 'verb:edit', 'verb:add', 'verb:set', 'verb:put', 'verb:store', 'verb:upload', 'verb:commit', 'verb:push', 'verb:insert', 'verb:upsert', 'verb:patch', 'verb:modify', 'verb:append', 'verb:replace']);

export interface Verdict {
  category: Category;
  destructive: boolean;
  /** How much a destructive change can lose; `none` when it is not destructive. */
  destructiveScope: DestructiveScope;
  financial: boolean;
  openWorld: boolean;
  sensitive: boolean;
  privileged: boolean;
  hostCode: boolean;
  /** Arbitrary queries that can write (SQL and the like, with no read-only promise). */
  writeQuery: boolean;
  /** Acts on many things at once, by a filter or all of them (a batch named by id counts as one: the rubric rates it so). */
  many: 'one' | 'filter';
  /** The server drives a browser, UI or device. */
  ui: boolean;
  /** Creates or resizes capacity that is billed while it exists (a droplet, a volume, a database cluster). */
  bills: boolean;
  /** Puts configuration of the caller's choosing on a cluster (a manifest, a Helm chart, a resource of any kind). */
  clusterConfig: boolean;
  /** Returns every secret or environment variable of a place at once (the rubric's "dump all environment variables or secrets"). */
  dumpsSecrets: boolean;
  /** Sends requests with any method to the API the server is signed in to (a proxy for every call the API has). */
  anyRequest: boolean;
}

const SCOPE_ORDER: readonly DestructiveScope[] = ['none', 'in-place', 'item', 'broad'];
const widerScope = (a: DestructiveScope, b: DestructiveScope): DestructiveScope => (SCOPE_ORDER.indexOf(a) >= SCOPE_ORDER.indexOf(b) ? a : b);

/** The verbs that say what the tool does: the name's primary verbs, the title's and description's leading verbs, action enums. */
function isDecidingVerb(s: Signal): boolean {
  if (!s.label.startsWith('verb:') && !s.label.startsWith('enum:')) return false;
  if (s.family === 'name') return s.weight >= 3;
  return s.weight >= 1.5;
}

// (the description's main clause says what a name's "delete" removes: "Remove an issue from a cycle" takes the issue off a cycle
// that stays, and the issue stays too; a description that also says the removal is permanent still deletes: `delete_issue_emoji_reaction`)
const DETACHING_VERBS = new Set(['remove', 'delete']);

const CELL_WRITING_VERBS = new Set(['verb:write', 'verb:insert', 'verb:put', 'verb:paste', 'verb:fill']);
// action values that name what a call shows (`action: "list" | "get" | "members"`)
const SHOWN_NOUNS = new Set(['members', 'status', 'info', 'details', 'stats', 'statistics', 'summary', 'metrics', 'history', 'logs', 'health', 'usage', 'overview', 'count']);
const DOCUMENT_CONTEXT = /\b(diagrams?|documents?|docs?|notebooks?|canvas(es)?|slides?|decks?|wiki|pdfs?|drawings?|sketch(es)?|whiteboards?|notion)\b/i;
const INVOKING_VERBS = new Set(['verb:call', 'verb:invoke', 'verb:execute', 'verb:run', 'verb:trigger']);

const MOVES_MONEY = new Set(['phrase:pays', 'phrase:moves-assets', 'signed:transfer', 'noun:trade-order']);
const MANY_FILTER = new Set(['many', 'all', 'bulk', 'everything', 'mass']);
// a credential the call takes (`password`, `token`, `api_key`): what the tool needs to connect, not what it returns
// the words of secrets, as a signal's text quotes them (not personal data)
const SECRET_TEXT = /\b(api[_ -]?keys?|access[_ -]?tokens?|secrets?|passwords?|credentials?|private[_ -]?keys?|tokens?|keys?|vaults?|keychains?|keystores?)\b/i;
// a negation that is about files ("does not write any files", "nothing is saved to disk")
const NEGATED_FILES = /\b(files?|disk|saves?|saved|saving|writes?|writing|written|stores?|stored|persist\w*|local\w*)\b/i;
/** A negation that says what is removed is not deleted ("does not delete the actual notebook"). */
const KEEPS_CONTENTS = /\b(does\s+not|doesn'?t|never|will\s+not)\s+delete/i;
// the name verbs that take away the one thing they name (a forced one also unlinks what refers to it)
const ONE_ITEM_REMOVERS = new Set(['verb:delete', 'verb:remove', 'verb:destroy', 'verb:terminate', 'verb:kill', 'verb:uninstall', 'verb:unregister', 'verb:deregister']);
const INPUT_CREDENTIAL_LABELS = new Set(['param:password', 'param:secret', 'param:token', 'param:apikey', 'param:credentials']);

/**
 * Weights summed by effect (every signal's weight is at least 0; the strong sums take those of at least 1.5):
 * decide gathers all it sums in one pass over the signals.
 */
class Sums {
  read = 0;
  write = 0;
  execute = 0;
  messaging = 0;
  destructive = 0;
  openWorld = 0;
  sensitive = 0;
  broad = 0;
  privileged = 0;
  strongWrite = 0;
  strongExecute = 0;

  add(s: Signal): void {
    const weight = s.weight;
    switch (s.effect) {
      case 'read': this.read += weight; break;
      case 'write': this.write += weight; break;
      case 'execute': this.execute += weight; break;
      case 'messaging': this.messaging += weight; break;
      case 'destructive': this.destructive += weight; break;
      case 'openWorld': this.openWorld += weight; break;
      case 'sensitive': this.sensitive += weight; break;
      case 'broad': this.broad += weight; break;
      case 'privileged': this.privileged += weight; break;
    }
    if (weight >= 1.5) {
      if (s.effect === 'write') this.strongWrite += weight;
      else if (s.effect === 'execute') this.strongExecute += weight;
    }
  }
}
const NO_STATES: ReadonlySet<string> = new Set();

// the kinds of label (the part before the colon) that decide asks about, as bits, worked out once per label (labels repeat)
const KINDS = ['object', 'platform-code', 'adds-state', 'whole', 'container', 'issues-credential', 'grants-access', 'bills', 'cluster-config', 'ephemeral', 'any-request', 'launch'] as const;
const KIND_BITS = new Map<string, number>();
function kindBits(label: string): number {
  let bits = KIND_BITS.get(label);
  if (bits === undefined) {
    bits = 0;
    for (let i = 0; i < KINDS.length; i++) if (label.startsWith(`${KINDS[i]}:`)) bits |= 1 << i;
    if (KIND_BITS.size >= 10_000) KIND_BITS.clear();
    KIND_BITS.set(label, bits);
  }
  return bits;
}
const kind = (bits: number, name: (typeof KINDS)[number]): boolean => (bits & (1 << KINDS.indexOf(name))) !== 0;

/** Decides category and flags from the signals. */
export function decide(signals: Signal[]): Verdict {
  const fromName: Signal[] = [];
  // (one pass gathers what the rules ask of every signal: the sums by effect, of all signals, the name's and the parameters',
  // the labels and the kinds of label before their colon, asked of a set; decide runs for every tool and every operation of one)
  const sums = new Sums();
  const nameSums = new Sums();
  const parameterSums = new Sums();
  const labels = new Set<string>();
  let kinds = 0;
  let negated = false;
  let nameNeutralized = false;
  // what a read returns that is sensitive (a password or token it takes to connect is only an input)
  let sensitiveOutput = 0;
  // ("Passwords are never returned": what the secrets were the read still says is not what it hands back)
  const withheld = signals.some((s) => s.label === 'phrase:secrets-withheld');
  for (const s of signals) {
    sums.add(s);
    if (s.family === 'name') {
      fromName.push(s);
      nameSums.add(s);
      if (s.effect === 'negation') nameNeutralized = true;
    } else {
      if (s.effect === 'negation') negated = true;
      if (s.family === 'parameter') parameterSums.add(s);
    }
    if (s.effect === 'sensitive' && !INPUT_CREDENTIAL_LABELS.has(s.label) && !(withheld && SECRET_TEXT.test(s.text))) sensitiveOutput += s.weight;
    labels.add(s.label);
    kinds |= kindBits(s.label);
  }
  const read = sums.read;
  let write = sums.write + 0.5 * sums.messaging;
  let execute = sums.execute;
  let strongWrite = sums.strongWrite;
  let strongExecute = sums.strongExecute;
  if (negated) {
    // "read-only", "does not modify": the prose outweighs weak write hints, never the name's own verb
    // (nor a file the tool is told where to save, unless the negation is about files: "read-only on the remote side", then
    // "Local destination path", still writes that file; "writes nothing to disk" does not)
    const negations = signals.filter((s) => s.label === 'phrase:negation').map((s) => s.text).join(' ');
    const savesAnyway = NEGATED_FILES.test(negations) ? 0 : signals.reduce((sum, s) => (s.label === 'param:output-file' ? sum + s.weight : sum), 0);
    write = nameSums.write + savesAnyway;
    strongWrite = nameSums.strongWrite + savesAnyway;
    execute = nameSums.execute + parameterSums.execute;
    strongExecute = nameSums.strongExecute + parameterSums.strongExecute;
  }
  // a parameter that takes a command or code to run makes the tool run it (`start_process(command)`),
  // unless the name says the code is only stored (`create_script`, `save_snippet`)
  const codeParameter = signals.some((s) => CODE_PARAMETER_LABELS.has(s.label) && s.weight >= 1.5);
  const stores = fromName.some((s) => s.effect === 'write' && s.weight >= 3 && STORING_VERBS.has(s.label));
  // a tool whose own verb produces files (`generate_test(filename)`, `generate_html_report(output)`) writes them
  // (a name without a verb of its own leaves that to the description's leading verb: `browser_pdf`, "Generate a PDF of the page")
  const namedVerb = fromName.some((s) => s.weight >= 3 && s.label.startsWith('verb:'));
  const producesFiles = fromName.some((s) => s.weight >= 3 && FILE_PRODUCING.has(s.label)) || (!namedVerb && signals.some((s) => (s.family === 'description' || s.family === 'title') && s.weight >= 2 && FILE_PRODUCING.has(s.label)));
  // (and so does one that may overwrite what is there: `download_template(overwrite)`, `generate_rules(overwrite_existing)`)
  if ((labels.has('param:file-name') || labels.has('param:overwrite')) && producesFiles) strongWrite += 1.5;
  let category: Category;
  if (nameNeutralized && nameSums.write === 0 && nameSums.execute === 0) category = 'read';
  // a clear action outweighs reading (`get_or_create`, `run_query`); a side effect outweighs a read
  else if (strongExecute >= 2 && (strongExecute >= strongWrite || (codeParameter && !stores))) category = 'execute';
  else if (strongWrite >= 1.5 && strongWrite >= strongExecute) category = 'write';
  else if (execute > read && execute >= write) category = 'execute';
  else if (write > read) category = 'write';
  else category = 'read';

  // a tool that only builds a link for the user to open does nothing the link leads to
  if (category !== 'read' && labels.has('phrase:link-only') && !codeParameter) category = 'read';
  // running a query someone saved reads its results
  if (category === 'execute' && (labels.has('saved-query:name') || labels.has('saved-query:description'))) category = 'read';
  // a read that can empty what it read (`get_console_logs(clear)`) changes it in place
  const clearsAfter = category === 'read' && !nameNeutralized && labels.has('param:clears');
  if (clearsAfter) category = 'write';
  // what the first sentence says replaces the whole of what is there is a write, whatever verb leads ("Load a file, replacing the entire diagram")
  if (category === 'read' && !negated && !nameNeutralized && labels.has('phrase:replaces-whole')) category = 'write';
  // a lifecycle verb acting on something that runs (`kubectl_apply` a manifest, `stop_port_forward`) operates it
  if (category === 'write' && kind(kinds, 'object')) category = 'execute';
  // on a browser, UI or device server, changing the page or device is driving it
  // (saving a screenshot or a log to a file is still a write)
  if (category === 'write' && labels.has('server:ui-automation') && labels.has('ui:target') && signals.some((s) => s.effect === 'write' && s.weight >= 1.5 && !SAVES_FILE.has(s.label))) category = 'execute';
  const changes = category !== 'read';
  const ui = labels.has('server:ui-automation');
  // scripts on a browser or device server run in the page or app, not on the host
  // (and code a platform compiles and runs: statements run inside a game or app, the body of a trigger or function written to a platform)
  // (script run inside an app's own runtime, a web view, a page or a plugin reaches what that app reaches)
  const hostCode =
    !ui &&
    ((category === 'execute' &&
      !labels.has('phrase:runs-in-app') &&
      signals.some(
        (s) =>
          HOST_CODE_LABELS.has(s.label) ||
          s.label === 'param-text:code-body' ||
          s.label === 'param-text:installs-named-package' ||
          (s.label === 'phrase:runs-code' && /command|shell|bash|terminal|script|python|repl|pty|stdin/i.test(s.text)),
      )) ||
      (category === 'write' && kind(kinds, 'platform-code'))) ||
    // (a program or a browser command line of the caller's choosing starts on the host, a browser server's too)
    (changes && kind(kinds, 'launch')) ||
    // (and so does what a device or browser server types into a REPL, a PTY or a terminal of its own host: `repl_spawn(cmd)`,
    // `repl_send`; a device's `adb shell` is the device's)
    (ui && category === 'execute' && signals.some((s) => HOST_PROCESS_OBJECTS.has(s.label)) && signals.some((s) => HOST_CODE_LABELS.has(s.label) || s.label === 'phrase:runs-code'));
  // SQL, Cypher and the like can write; Query DSL, PromQL, KQL and other read languages cannot
  // ("arbitrary JavaScript in the app" is the app's code, not a query)
  const writeQuery =
    category === 'execute' &&
    !negated &&
    signals.some((s) => WRITABLE_QUERY_LABELS.has(s.label) && !READ_LANGUAGES.test(s.text) && !(s.label === 'phrase:arbitrary' && labels.has('phrase:runs-in-app')));

  // destructive, in the MCP specification's sense: any change that is not purely additive
  let scope: DestructiveScope = 'none';
  // (`update_many`, or prose that acts on what a filter finds: "all records that match", "droplets by tag")
  // (a request to an API path of the caller's choosing can change any resource the API has)
  const anyResource = changes && labels.has('param:api-path');
  const many = fromName.some((s) => s.effect === 'broad' && MANY_FILTER.has(s.text.toLowerCase())) || labels.has('phrase:by-filter') || anyResource ? 'filter' : 'one';
  // a browser or device action changes the page session, not stored data (unless it deletes)
  // (a lifecycle verb on something that runs, "Cancel a running test execution", operates that run, not the page)
  const drivesUi = ui && category === 'execute';
  const sessionOnly = drivesUi && !kind(kinds, 'object');
  // removing something from an item that stays ("a label from an issue") changes that item in place
  const detaches = labels.has('phrase:detaches');
  // approving a request or claiming what no one held adds state ("Approve a DM request", `claim_next_task`)
  const addsState = kind(kinds, 'adds-state') ? new Set(signals.filter((s) => s.label.startsWith('adds-state:')).map((s) => s.label.slice('adds-state:'.length))) : NO_STATES;
  if (changes && !nameNeutralized) {
    for (const s of signals) {
      if (!isDecidingVerb(s) || (negated && s.family !== 'name')) continue;
      const lemma = s.label.slice(s.label.indexOf(':') + 1);
      if (addsState.has(lemma)) continue;
      const verbScope = detaches && DETACHING_VERBS.has(lemma) ? 'in-place' : VERB_SCOPE.get(lemma);
      // (closing a page, tab or browser still ends what it held)
      if (verbScope && !(sessionOnly && verbScope === 'in-place' && s.label !== 'verb:close')) scope = widerScope(scope, verbScope);
    }
    // a tool whose job is to write files at a path the caller names can overwrite one (`generate_test(filename)`, `save_as_pdf`)
    const writesFile = producesFiles && signals.some((s) => FILE_TARGET.has(s.label));
    if (writesFile) scope = widerScope(scope, 'item');
    if (fromName.some((s) => s.weight >= 3 && s.label === 'verb:save') && labels.has('name:format')) scope = widerScope(scope, 'item');
    // writing or pushing files at named paths (`write_file`, `push_files`) replaces any that exist
    if (fromName.some((s) => s.weight >= 3 && FILE_WRITING_VERBS.has(s.label)) && fromName.some((s) => s.label === 'noun:file')) scope = widerScope(scope, 'item');
    // merging a pull request, restoring from a backup, cancelling a subscription: the whole item is replaced or ended
    if (kind(kinds, 'whole')) scope = widerScope(scope, 'item');
    // writing or inserting into cells the caller names replaces what they held (`write_to_sheet(range)`, `insert_link(range)`)
    // (inserting rows, columns or a sheet adds to the grid)
    if (labels.has('param:cell-range') && fromName.some((s) => s.weight >= 3 && CELL_WRITING_VERBS.has(s.label)) && !fromName.some((s) => s.label === 'name:grid-part')) scope = widerScope(scope, 'in-place');
    // an agent given a task acts on what it reaches, changes included
    if (category === 'execute' && labels.has('param:agent-task')) scope = widerScope(scope, 'in-place');
    // calling a tool, function or action of the caller's choosing runs whatever it does, changes included
    if (category === 'execute' && labels.has('param:invoked-tool') && signals.some((s) => isDecidingVerb(s) && INVOKING_VERBS.has(s.label))) scope = widerScope(scope, 'in-place');
    if (clearsAfter) scope = widerScope(scope, 'in-place');
    // a batch of the server's own operations does whatever they do, changes included
    if (category === 'execute' && labels.has('param:call-batch')) scope = widerScope(scope, 'in-place');
    // a request to any path of an API can change what exists there, whatever its method
    if (anyResource) scope = widerScope(scope, 'in-place');
    // money paid or assets moved leave a wallet or an account with less than it held
    if (signals.some((s) => MOVES_MONEY.has(s.label))) scope = widerScope(scope, 'in-place');
    // submitting a form changes whatever the form changes
    if (labels.has('param:submit')) scope = widerScope(scope, 'in-place');
    // code run in a page, an app or a plugin can change what the page or the app holds
    if ((drivesUi || (category === 'execute' && labels.has('phrase:runs-in-app'))) && signals.some((s) => CODE_PARAMETER_LABELS.has(s.label) || s.label === 'param-text:javascript' || s.label === 'phrase:runs-code')) {
      scope = widerScope(scope, 'in-place');
    }
    // (a mode that replaces what exists on a conflict is weighed below, after the sweep: it replaces the one item in the way)
    const modeWeight = signals.reduce((sum, s) => (s.label === 'param:overwrite-mode' || s.label === 'phrase:overwrite-mode' ? sum + s.weight : sum), 0);
    const overwriteMode = modeWeight > 0;
    const destructiveScore = category !== 'write' ? sums.destructive : sums.destructive - modeWeight;
    if (scope === 'none' && (destructiveScore >= 1.5 || nameSums.destructive > 0)) scope = 'item';
    // (an overwrite said past the first sentence of a tool that already updates in place is about one of its fields: "Setting attendees replaces the entire attendee list";
    // of a tool that only adds, it says the addition can replace what exists: "an existing file is overwritten")
    if (signals.some((s) => s.label === 'phrase:irreversible' || (s.label === 'phrase:overwrite' && (s.weight >= 1.5 || scope === 'none')) || s.label === 'param:overwrite' || s.label === 'param:truncate')) scope = widerScope(scope, 'item');
    // (a tool that also undoes what it does, "subscribe or unsubscribe", takes away what exists in place)
    if (category === 'write' && labels.has('phrase:undoes')) scope = widerScope(scope, 'in-place');
    // ("Create or update the mapping": what exists is changed in place)
    if (labels.has('phrase:upsert')) scope = widerScope(scope, 'in-place');
    // (a switch that has the call delete something besides, `drop_target`, `delete_source_branch`, `in_trash`, deletes that whole thing)
    if (labels.has('param:deletes')) scope = widerScope(scope, 'item');
    // (a switch that amends what was made last rewrites that one thing in place: `amend` on a commit)
    if (labels.has('param:amend')) scope = widerScope(scope, 'in-place');
    // (forcing a file writer overwrites the one file it writes)
    // (`force` on a delete of one thing, "delete even if it is in use", takes that one thing and its links, not a sweep;
    // where what is deleted holds others, a container, it sweeps them as the container rule says; a forced push or clean still sweeps)
    const deletesOne = fromName.some((s) => s.weight >= 3 && ONE_ITEM_REMOVERS.has(s.label));
    // (a forced push replaces the remote's history with the local one: the rubric's force-push)
    if (labels.has('param:force') && fromName.some((s) => s.weight >= 3 && s.label === 'verb:push')) scope = widerScope(scope, 'broad');
    // (a domain taken off a project keeps the records its name's noun would sweep)
    const sweepingName = nameSums.broad >= 0.01 && !labels.has('phrase:unbinds');
    // (a container said not to be deleted, "Does NOT delete the actual notebook, only the local entry", loses nothing it holds)
    const keepsContents = signals.some((s) => s.label === 'phrase:negation' && KEEPS_CONTENTS.test(s.text));
    const sweeping = (!keepsContents && (sweepingName || kind(kinds, 'container'))) || signals.some((s) => s.label === 'param:recursive' || s.label === 'param:cascade' || s.label === 'param:truncate' || (s.label === 'param:force' && !writesFile && !deletesOne) || s.label === 'phrase:history');
    if (scope === 'item' && (sweeping || many === 'filter')) scope = 'broad';
    if (overwriteMode && category === 'write') scope = widerScope(scope, 'item');
    // clearing a cache, a buffer, a session or a counter loses nothing anyone stored
    if (scope === 'item' && kind(kinds, 'ephemeral')) scope = 'in-place';
    // code, commands or queries of the caller's choosing can delete anything
    if (hostCode || writeQuery) scope = 'broad';
  }
  // money moves when the name or the prose says so (charge, refund, payment…); an amount parameter alone is not enough
  // (on a server that keeps books, a transaction, an expense, a bill or a journal entry written is a record of money, not money
  // moved: only a paying verb moves it there, "pays one or more existing bills")
  const books = labels.has('server:bookkeeping');
  const financial =
    changes &&
    !nameNeutralized &&
    signals.some((s) => s.effect === 'financial' && s.weight >= 1 && (s.family === 'name' || s.family === 'description' || s.family === 'title') && !(books && BOOK_RECORDS.test(s.text)));
  return {
    category,
    destructive: scope !== 'none',
    destructiveScope: scope,
    financial,
    openWorld: sums.openWorld >= 0.75 || (category === 'write' && sums.messaging >= 2),
    // (what a read returns decides whether it is sensitive: a password or token it takes to connect is only an input)
    sensitive: (category === 'read' ? sensitiveOutput : sums.sensitive) >= 1,
    // (or a credential made under another word: an agent registered with its key, a database user; or an item shared in a role;
    // or tokens minted by exchanging a code or refreshing, whatever verb the name uses)
    // (and a name that hands over a credential reveals it, a read or an export to a file alike, unless the prose says only names come back: "read-only" withholds nothing)
    privileged:
      (changes && (nameSums.privileged >= 0.01 || kind(kinds, 'issues-credential') || kind(kinds, 'grants-access')) && signals.some((s) => isDecidingVerb(s) && (s.effect === 'write' || s.effect === 'execute'))) ||
      (!withheld && labels.has('reveals:credential')) ||
      labels.has('issues-credential:exchange'),
    hostCode,
    writeQuery,
    many,
    ui,
    bills: changes && kind(kinds, 'bills'),
    clusterConfig: changes && !negated && !nameNeutralized && kind(kinds, 'cluster-config'),
    dumpsSecrets: category === 'read' && !withheld && labels.has('phrase:dumps-secrets'),
    // (any method, or a change to any path of the API: `jira_post(path)`, "the Jira API endpoint path")
    anyRequest: changes && (kind(kinds, 'any-request') || anyResource),
  };
}

/** The rubric: the riskiest thing the tool can do decides. Notes never change it; poisoning makes it critical. */
export function riskOf(verdict: Verdict, warnings: readonly DescriptionWarning[]): Risk {
  if (warnings.some(isPoisoning)) return 'critical';
  let level: number;
  if (verdict.category === 'read') level = verdict.sensitive ? 1 : 0;
  else if (verdict.category === 'write') {
    const scope = verdict.destructiveScope;
    level = scope === 'broad' ? 3 : scope === 'item' ? 2 : scope === 'in-place' && verdict.many === 'filter' ? 2 : 1;
  } else level = verdict.destructiveScope === 'broad' ? 3 : 2;
  if (verdict.bills || verdict.dumpsSecrets) level = Math.max(level, 2);
  if (verdict.financial || verdict.privileged || verdict.hostCode || verdict.writeQuery || verdict.clusterConfig || verdict.anyRequest) level = 3;
  // (what a parameter asks of the conversation goes to the server: at least high)
  if (warnings.some((warning) => warning.severity === 'high')) level = Math.max(level, 2);
  return RISK_LEVELS[level]!;
}

export const BANDS: Record<Risk, [number, number]> = { low: [5, 29], medium: [30, 54], high: [55, 79], critical: [80, 100] };

function scoreOf(risk: Risk, verdict: Verdict, warnings: readonly DescriptionWarning[], signals: Signal[]): number {
  const [low, high] = BANDS[risk];
  let score = low + 4;
  score += { none: 0, 'in-place': 3, item: 6, broad: 9 }[verdict.destructiveScope];
  if (verdict.financial) score += 5;
  if (verdict.privileged) score += 4;
  if (verdict.hostCode) score += 6;
  if (verdict.openWorld) score += 3;
  if (verdict.sensitive) score += 3;
  for (const warning of warnings) if (isPoisoning(warning)) score += 4;
  let named = 0;
  for (const s of signals) if (s.family === 'name' && s.weight >= 3) named++;
  score += Math.min(4, named);
  return Math.max(low, Math.min(high, Math.round(score)));
}

function confidenceOf(verdict: Verdict, signals: Signal[]): number {
  // (one pass: the three sums, in the signals' order, and whether any signal comes from the definition)
  let read = 0;
  let write = 0;
  let execute = 0;
  let fromDefinition = false;
  for (const s of signals) {
    if (s.effect === 'read') read += s.weight;
    else if (s.effect === 'write') write += s.weight;
    else if (s.effect === 'execute') execute += s.weight;
    if (s.family === 'name' || s.family === 'description' || s.family === 'title' || s.family === 'parameter') fromDefinition = true;
  }
  const top = verdict.category === 'read' ? read : verdict.category === 'write' ? write : execute;
  // (the other two, in the order read, write, execute)
  const runnerUp = verdict.category === 'read' ? Math.max(0, write, execute) : verdict.category === 'write' ? Math.max(0, read, execute) : Math.max(0, read, write);
  if (top === 0) return fromDefinition ? 0.4 : 0.25;
  const margin = (top - runnerUp) / (top + runnerUp);
  const strength = Math.min(1, top / 4);
  return Math.round(Math.max(0.2, Math.min(0.99, 0.35 + 0.35 * margin + 0.3 * strength)) * 100) / 100;
}

function compareAnnotations(tool: McpTool, verdict: Verdict, signals: Signal[]): AnnotationComparison {
  // (the annotations less their title, copied as a spread copies them: deleting the title from a copy made it a slow dictionary object)
  const { title: _title, ...declared } = tool.annotations ?? {};
  const inferred = { readOnlyHint: verdict.category === 'read', destructiveHint: verdict.destructive, openWorldHint: verdict.openWorld };
  const contradictions: AnnotationComparison['contradictions'] = [];
  const quote = (effect: SignalEffect) => {
    const best = strongest(signals.filter((s) => s.family !== 'annotation' && s.family !== 'server'), effect);
    return best ? ` (“${best.text}” in the ${placeName(best.where)})` : '';
  };
  const scopeWords = { none: '', 'in-place': 'changes existing things in place', item: 'deletes or overwrites the whole of an item', broad: 'can delete or overwrite many items' }[verdict.destructiveScope];
  if (declared.readOnlyHint === true && !inferred.readOnlyHint) {
    contradictions.push({ hint: 'readOnlyHint', declared: true, inferred: false, message: `The server declares readOnlyHint: true, but the definition says the tool changes things${quote(verdict.category === 'execute' ? 'execute' : 'write')}.` });
  }
  if (declared.destructiveHint === false && inferred.destructiveHint) {
    contradictions.push({ hint: 'destructiveHint', declared: false, inferred: true, message: `The server declares destructiveHint: false (only additive changes), but the tool ${scopeWords}${quote('destructive') || quote(verdict.category === 'execute' ? 'execute' : 'write')}.` });
  }
  if (declared.destructiveHint === true && !inferred.destructiveHint && verdict.category !== 'read') {
    contradictions.push({ hint: 'destructiveHint', declared: true, inferred: false, message: 'The server declares destructiveHint: true, but nothing in the definition changes or removes existing things; its changes look purely additive.' });
  }
  if (declared.readOnlyHint === false && inferred.readOnlyHint && signals.some((s) => s.family !== 'annotation' && s.effect === 'read')) {
    contradictions.push({ hint: 'readOnlyHint', declared: false, inferred: true, message: `The server declares readOnlyHint: false, but nothing in the definition shows a side effect${quote('read')}.` });
  }
  if (declared.openWorldHint === false && inferred.openWorldHint) {
    contradictions.push({ hint: 'openWorldHint', declared: false, inferred: true, message: `The server declares openWorldHint: false, but the definition reaches outside systems${quote('openWorld')}.` });
  }
  return { declared, inferred, contradictions };
}

/** The name's own verbs only read (`list_todos`): an action enum on it filters rather than acts. */
function readsByName(signals: readonly Signal[]): boolean {
  return signals.some((s) => s.family === 'name' && s.effect === 'read' && s.weight >= 3) && !signals.some((s) => s.family === 'name' && (s.effect === 'write' || s.effect === 'execute') && s.weight >= 3);
}

function isRequired(tool: McpTool, where: string): boolean {
  const [root, properties, name] = locationParts(where); // (part by part: a name may hold a dot, `ops.kind` at `inputSchema.properties.ops\.kind.enum`)
  return root === 'inputSchema' && properties === 'properties' && Array.isArray(tool.inputSchema.required) && (tool.inputSchema.required as unknown[]).includes(name);
}

/** The name's primary verb when it is its only verb-like word, not first, and mostly a noun (`prometheus_build_info`'s "build"). */
function nounLikeNameVerb(tokens: Token[]): string | undefined {
  const primary = [...primaryVerbIndexes(tokens)];
  if (primary.length !== 1 || primary[0] === 0) return undefined;
  const token = tokens[primary[0]!]!;
  return NOUN_LIKE.has(token.word) ? token.text : undefined;
}

// verbs that turn something into another form of itself
const TRANSFORMING = /^(convert|optimi[sz]|compact|transform)(s|es|ed|ing|e)?$/;
const ITEM_ID = /(^|[_-]|[a-z])(id|ID|Id)$/;
// a parameter that names the new item a conversion makes (`newName`, `destination`): the original stays
const NEW_ITEM = /^(new_?(name|title)|destination\w*|target_?(name|folder\w*|path)|output\w*)$/i;
/**
 * Converting, optimizing or compacting a stored item named by its id (`convertIssueToSubtask(issueId)`, `compact_story_handoffs(story_id)`,
 * `optimize_itinerary(itineraryId)`) changes that item in place; converting what the call passes in (`convert_css(css)`, `convert_time(time)`)
 * returns the result, and a conversion into a new item it names (`newName`) adds one.
 */
// what a credential is called when a name hands one over (`get_credentials`, `password_read`, `fetch_api_token`)
const CREDENTIAL_HEADS = new Set(['credential', 'credentials', 'password', 'passwords', 'passphrase', 'secret', 'secrets', 'apikey', 'apikeys', 'token', 'tokens']);
// what makes a key a credential when a name reveals it: `api_key`, `access_key`, `private_key`, `secret_key`, `ssh_key`, `deploy_key`
const KEY_CREDENTIAL_KINDS = new Set([...CREDENTIAL_TOKEN_KINDS, 'private', 'ssh', 'gpg', 'pgp']);
const REVEALING_VERBS = new Set(['verb:get', 'verb:read', 'verb:retrieve', 'verb:fetch', 'verb:show', 'verb:reveal', 'verb:export', 'verb:dump', 'verb:view', 'verb:print', 'verb:decrypt', 'verb:copy']);

/**
 * A read whose job is to hand over a credential: its name's object is the credential (`vector-db-get-credentials`,
 * `password_read`; not `get_password_policy`, not `list_api_keys`, which lists names) with a verb that returns it. The
 * rubric rates revealing credentials that grant access critical. (A switch that unmasks values, `reveal` or `decrypt`,
 * reveals credentials where the definition says what it unmasks are passwords, secrets, keys or tokens: unmaskedCredentialSignals;
 * on an environment or a browser's storage it dumps values, which the rubric rates lower.)
 */
function revealedCredentialSignals(signals: Signal[], tokens: Token[]): Signal[] {
  const at = nameObject(tokens, primaryVerbIndexes(tokens));
  const head = tokens[at];
  if (!head) return [];
  // ("a token" must be a credential: `erc20_token`, `page_token` are not)
  const credentialWord = CREDENTIAL_HEADS.has(head.word) && signals.some((s) => s.family === 'name' && s.effect === 'sensitive' && s.text === head.text);
  // (a credential named in two words: `get_api_key`, `show_private_key`, `get_secret_value`; a sort key, an object's key or a field's value is not one)
  const modifier = tokens[at - 1]?.word ?? '';
  const credentialPair = ((head.word === 'key' || head.word === 'keys') && KEY_CREDENTIAL_KINDS.has(modifier)) || ((head.word === 'value' || head.word === 'values') && CREDENTIAL_HEADS.has(modifier) && modifier !== 'token' && modifier !== 'tokens');
  if (!credentialWord && !credentialPair) return [];
  // (a credential named after a preposition is what the tool works from, not what it returns: `get_address_from_private_key`; "of" names whose it is, `get_value_of_secret`, and "and" joins it, `get_username_and_password`)
  if (tokens.slice(0, at).some((token) => !OBJECT_JOINERS.has(token.word) && PHRASE_END.has(token.word))) return [];
  if (!signals.some((s) => s.family === 'name' && s.weight >= 3 && REVEALING_VERBS.has(s.label))) return [];
  return [{ family: 'name', effect: 'privileged', label: 'reveals:credential', weight: 0, where: 'name', text: head.text }];
}

// what a switch unmasks, said as a credential: "returns unmasked passwords and connection URLs", "include the secret value in plaintext"
// (with the words before and after that make it a phrase: "the secret value", "their plaintext passwords")
const UNMASKED_CREDENTIAL = /\b((the|its|their|all|any|unmasked|plaintext|decrypted)\s+)*(passwords?|passphrases?|credentials?|secrets?|(api|access|auth|bearer|refresh|session|personal\s+access)[ _-]?(keys?|tokens?)|private[ _-]?keys?|connection\s+(strings?|urls?))(\s+values?)?\b/i;

/**
 * A switch that unmasks what a read returns (`reveal`, `decrypt`, `include_secrets`) where the switch or the tool says what
 * it unmasks is a credential (a database's passwords, a vault item's secret value): the call can hand the credential over.
 */
function unmaskedCredentialSignals(tool: McpTool, signals: readonly Signal[]): Signal[] {
  if (signals.some((s) => s.label === 'reveals:credential')) return [];
  const unmasking = signals.find((s) => s.label === 'param:reveals');
  if (!unmasking) return [];
  const property = inputProperties(tool.inputSchema).find((candidate) => candidate.path === unmasking.where);
  const own = typeof property?.schema.description === 'string' ? property.schema.description : '';
  const inOwn = UNMASKED_CREDENTIAL.exec(own);
  if (inOwn) return [{ family: 'parameter', effect: 'privileged', label: 'reveals:credential', weight: 0, where: `${unmasking.where}.description`, text: inOwn[0] }];
  const inDescription = UNMASKED_CREDENTIAL.exec((tool.description ?? '').slice(0, 400));
  return inDescription ? [{ family: 'description', effect: 'privileged', label: 'reveals:credential', weight: 0, where: 'description', text: inDescription[0] }] : [];
}

// money records a ledger keeps (what a bookkeeping server writes without paying anything)
const BOOK_RECORDS = /^(transactions?|expenses?|bills?|purchases?|receipts?|journals?|entry|entries)$/i;

// what a name or a first sentence runs that someone saved before: a BI card or question, a saved search or report
const SAVED_QUERY_NOUNS = new Set(['card', 'cards', 'question', 'questions']);
const SAVED_QUERY_TEXT = /\b(runs?|execut(e|es)|get)\s+(an?\s+|the\s+)?(existing\s+)?(saved|stored)\s+(question|query|search|report|card)s?\b|\b(runs?|execut(e|es))\s+(an?\s+|the\s+)?[\w-]+\s+(question|card)s?\s+(and|to)\s+(get|return)/i;

/**
 * Running a query someone saved (`execute_card`, "Execute a saved question and get the results") reads its results: the
 * caller writes no statement, so it is not a query language run (the labelling guide's execute row). Not when the tool
 * also takes code or a query of the caller's.
 */
function savedQuerySignals(tool: McpTool, signals: readonly Signal[], tokens: readonly Token[]): Signal[] {
  if (signals.some((s) => CODE_PARAMETER_LABELS.has(s.label) || WRITABLE_QUERY_LABELS.has(s.label) || s.label === 'param:query-language')) return [];
  const runs = tokens.some((token) => token.word === 'execute' || token.word === 'run');
  const saved = runs ? tokens.find((token) => SAVED_QUERY_NOUNS.has(token.word)) : undefined;
  if (saved) return [{ family: 'name', effect: 'read', label: 'saved-query:name', weight: 0, where: 'name', text: saved.text }];
  const said = SAVED_QUERY_TEXT.exec(firstSentence(tool.description ?? '').text);
  return said ? [{ family: 'description', effect: 'read', label: 'saved-query:description', weight: 0, where: 'description', text: said[0] }] : [];
}

function transformedItemSignals(tool: McpTool, tokens: Token[]): Signal[] {
  if (!tokens.some((token) => TRANSFORMING.test(token.word))) return [];
  const firstPrimary = primaryVerbIndexes(tokens).values().next().value;
  const verb = tokens.find((token, i) => TRANSFORMING.test(token.word) && (i === 0 || i === firstPrimary || !verbOf(tokens[i - 1]!.word)));
  if (!verb) return [];
  const names = Object.keys((tool.inputSchema.properties ?? {}) as Record<string, unknown>);
  if (!names.some((name) => ITEM_ID.test(name))) return [];
  // (a description that leads with reading says what the call does: "Get storage optimization recommendations")
  const lead = tool.description ? wordsOf(sentenceOf(tool.description).text)[0] : undefined;
  const leadVerb = lead && verbOf(lead.word);
  if (leadVerb && leadVerb.effects[0] === 'read' && !TRANSFORMING.test(lead.word)) return [];
  // (converting files from one format into another makes new files: `convertPdfToGoogleDoc(fileId, newName)`, `bulkConvertFolderPdfs`)
  if (names.some((name) => NEW_ITEM.test(name)) || tokens.some((token) => FILE_FORMATS.test(token.word.replace(/s$/, '')))) return [{ family: 'name', effect: 'write', label: 'verb:create', weight: 1.5, where: 'name', text: verb.text }];
  return [{ family: 'name', effect: 'write', label: 'verb:transform', weight: 3, where: 'name', text: verb.text }];
}

/**
 * "test" leading a name mostly names a test thing (`test_notification` sends a test notification, `test_results` returns them):
 * when the description or title leads with another verb ("Send a test desktop notification"), that verb says what the tool does.
 */
function testAsModifier(signals: Signal[]): void {
  const named = signals.filter((s) => s.family === 'name' && s.weight >= 3 && s.label === 'verb:test');
  if (named.length && signals.some((s) => (s.family === 'description' || s.family === 'title') && s.label.startsWith('verb:') && s.weight >= 2 && s.label !== 'verb:test')) for (const s of named) s.weight = 1;
}

// what a name's rest says when it only reads: a read verb (`search`, `get`), or a noun for what a read returns (`plugin-info`)
const READ_NOUNS = new Set(['info', 'information', 'details', 'detail', 'stats', 'statistics', 'metadata', 'summary']);

/** The verbs leading the description and title, when every one of them only reads ("Search the pattern store", "Get detailed info"). */
function leadsWithRead(signals: readonly Signal[]): boolean {
  const leads = signals.filter((s) => (s.family === 'description' || s.family === 'title') && s.label.startsWith('verb:') && s.weight >= 2);
  return leads.some((s) => s.effect === 'read') && leads.every((s) => s.effect === 'read' || s.effect === 'openWorld');
}

/**
 * A name's first word that is a verb but not the tool's action, when the description leads with a read: a namespace before the
 * rest of the name (`transfer_store-search`, `deploy_plugin-info`), which says what the call does (search, info, list, get), or a
 * plural noun before another noun or alone (`claims_board`, `drafts_overview`, `logs`). Real actions keep it: "Transfers money to…" does not read.
 */
function nameHeadNotVerb(signals: Signal[], tokens: readonly Token[]): void {
  const head = tokens[0];
  if (!head || !primaryVerbIndexes(tokens).has(0) || !leadsWithRead(signals)) return;
  const headVerb = nameVerbOf(head.word);
  // (a light verb takes the action after it: `start_render_highlight` starts something)
  if (!headVerb || headVerb.effects.includes('read') || LIGHT_VERBS.has(headVerb.lemma)) return;
  // (no verb of the lexicon both reads and changes something, so a reading verb is a read)
  const restReads = tokens.slice(1).some((token) => READ_NOUNS.has(token.word) || nameVerbOf(token.word)?.effects.includes('read') === true);
  const plural = inSForm(head.word) && !(tokens[1] && nameVerbOf(tokens[1].word));
  if (!restReads && !plural) return;
  for (const s of signals) if (s.family === 'name' && s.weight >= 3 && s.text === head.text) s.weight = 0;
  // (and what it would have run goes with it when it was the name's only verb: `launch_agent-info` reads about a launch agent)
  if (primaryVerbIndexes(tokens).size === 1) for (let i = signals.length - 1; i >= 0; i--) if (signals[i]!.family === 'name' && signals[i]!.label.startsWith('object:')) signals.splice(i, 1);
}

/**
 * A description or title that leads with a word the name uses as a noun ("Test counts grouped by…" for `sbox_tests_per_test_name`,
 * "Build logs of a job" for `get_build_logs`): the word is that noun again, not the tool's action.
 */
function nameNounLead(signals: Signal[], tokens: readonly Token[]): void {
  const primary = primaryVerbIndexes(tokens);
  const nouns = nounWordsOfName(tokens, primary);
  // (and when the name opens with its one verb and that verb reads, a verb-like word between it and the last word qualifies
  // what is read: `get_build_logs`, `get_test_report`; in `genai-model-eval-run-workflow` "run" may be the action)
  if (primary.size === 1 && primary.has(0) && nameVerbOf(tokens[0]!.word)?.effects.includes('read')) {
    for (let i = 1; i < tokens.length - 1; i++) nouns.add(i);
  }
  const nounLemmas = new Set([...nouns].map((i) => nameVerbOf(tokens[i]!.word)?.lemma));
  const primaryLemmas = new Set([...primary].map((i) => nameVerbOf(tokens[i]!.word)?.lemma));
  for (const s of signals) {
    if ((s.family !== 'description' && s.family !== 'title') || !s.label.startsWith('verb:') || s.weight < 2) continue;
    const lemma = verbOf(s.text.toLowerCase())?.lemma;
    if (lemma && NOUN_LIKE.has(lemma) && nounLemmas.has(lemma) && !primaryLemmas.has(lemma)) s.weight = 0;
  }
}

/** All signals for a tool: name, title, description, parameters, server context, annotations. */
// the rules that read a whole definition at once, in the order their signals are listed
const WHOLE_TOOL_RULES: readonly ((tool: McpTool) => Signal[])[] = [
  billedResourceSignals, moneyRecordSignals, sideMoneySignals, addedStateSignals, ephemeralClearSignals, wholeContentSignals, replacesWholeSignals,
  linkOnlySignals, platformCodeSignals, installedCodeSignals, clusterConfigSignals, issuedCredentialSignals, sharedAccessSignals, documentedRequestSignals,
  proseAccessSignals, hostLaunchSignals,
];

export function collectSignals(tool: McpTool, traits: ServerTraits): Signal[] {
  // (lists are appended in loops: push(...spread) copies each into arguments first)
  const signals: Signal[] = nameSignals(tool.name, traits);
  if (tool.title) for (const s of proseSignals(tool.title, 'title', traits)) signals.push(s);
  if (tool.annotations?.title && tool.annotations.title !== tool.title) {
    // an annotation title is still the server's own words about the tool; counted like a title
    for (const s of proseSignals(tool.annotations.title, 'title', traits)) signals.push({ ...s, where: 'annotations.title' as const });
  }
  if (tool.description) for (const s of proseSignals(tool.description, 'description', traits)) signals.push(s);
  // (the name's action, where the prose leading with one of two verbs of the name says which: `linear_getReleasePipelines`)
  const nameTokens = splitIdentifier(tool.name);
  proseConfirmsEarlierVerb(signals, nameTokens);
  const parameters = parameterSignals(tool, traits);
  // an action enum on a tool whose name only reads is a filter (`list_todos(action: "assign" | "merge")`), not an operation
  const onlyReads = readsByName(signals);
  for (const s of parameters) if (!(onlyReads && s.label.startsWith('enum:') && !isRequired(tool, s.where))) signals.push(s);
  for (const s of annotationSignals(tool)) signals.push(s);
  // a name whose only verb-like word is mostly a noun (`prometheus_build_info`, `logs`, `session_record`) says less than
  // the verb leading its description or title ("Get Prometheus build information", "Search Datadog logs")
  // (when they agree, `file_push` and "Push local file to device", the name keeps its weight)
  const nounVerb = nounLikeNameVerb(nameTokens);
  const leading = nounVerb ? signals.filter((s) => (s.family === 'description' || s.family === 'title') && s.label.startsWith('verb:') && s.weight >= 2) : [];
  // (that verb is the name's only one, so what it would act on is no object of an action, and goes: `workflow_run_logs`, "Export the logs of a workflow run")
  const named = signals.filter((s) => s.family === 'name' && s.weight >= 3 && ((s.text === nounVerb && s.label.startsWith('verb:')) || s.label.startsWith('object:')));
  if (leading.length && !named.some((s) => leading.some((lead) => lead.effect === s.effect))) {
    for (const s of named) if (s.label.startsWith('object:')) signals.splice(signals.indexOf(s), 1); else s.weight = 1;
  }
  testAsModifier(signals);
  nameHeadNotVerb(signals, nameTokens);
  nameNounLead(signals, nameTokens);
  for (const s of transformedItemSignals(tool, nameTokens)) signals.push(s);
  for (const s of revealedCredentialSignals(signals, nameTokens)) signals.push(s);
  for (const s of unmaskedCredentialSignals(tool, signals)) signals.push(s);
  for (const s of savedQuerySignals(tool, signals, nameTokens)) signals.push(s);
  // a description that connects "to" a server says what the name's "connect" is: a client connection, no lasting effect
  if (signals.some((s) => s.label === 'phrase:connects-to')) for (const s of signals) if (s.family === 'name' && s.label === 'verb:connect') s.weight = 0;
  for (const rule of WHOLE_TOOL_RULES) for (const s of rule(tool)) signals.push(s);
  for (const s of personalRecordSignals(tool, traits)) signals.push(s);
  for (const s of filteredRowsSignals(tool)) signals.push(s);
  // the rows, columns or sheet a name adds (`insert_rows`; not `write_to_sheet`, which writes into one, nor a `sheets_` prefix)
  for (const [i, token] of nameTokens.entries()) if (i > 0 && /^(rows?|columns?|sheets?|tabs?)$/.test(token.word) && !/^(to|in|into|on)$/.test(nameTokens[i - 1]!.word)) signals.push({ family: 'name', effect: 'write', label: 'name:grid-part', weight: 0, where: 'name', text: token.text });
  for (const token of nameTokens) if (FILE_FORMATS.test(token.word)) signals.push({ family: 'name', effect: 'write', label: 'name:format', weight: 0, where: 'name', text: token.text });
  // what the name left unweighed (BILLED_ON_CONDITION) commits money when the call says so: a subscription when the call takes
  // a price, plan or items or its description says what it bills by; a plan or a tier when the description or the values
  // offered say it is paid for
  const conditional = signals.filter((s) => s.label.startsWith('commits:') && BILLED_ON_CONDITION.test(s.label.slice('commits:'.length)));
  if (conditional.length) {
    const properties = tool.inputSchema.properties;
    const head = (tool.description ?? '').slice(0, 400);
    const billedSubscription = (properties && typeof properties === 'object' && Object.keys(properties).some((name) => BILLED_PARAMETERS.test(name))) || BILLING_TEXT.test(head);
    const paidPlan = PAID_PLAN_TEXT.test(`${head} ${JSON.stringify(properties ?? {}).slice(0, 2000)}`);
    for (const s of conditional) if (s.label.startsWith('commits:subscription') ? billedSubscription : paidPlan) s.weight = 1;
  }
  if (traits.ui) {
    const inName = UI_TARGET.exec(tool.name.replace(/[_-]/g, ' '));
    const target = inName ?? (tool.description ? UI_TARGET.exec(tool.description.slice(0, 300)) : null);
    // (a page of a diagram, a document or a notebook is that document's, not a browser's: `add_page` on a diagram editor)
    const documentPage = target !== null && /^pages?$/i.test(target[0]) && DOCUMENT_CONTEXT.test(`${tool.name.replace(/[_-]/g, ' ')} ${(tool.description ?? '').slice(0, 300)}`);
    // (what the server keeps of a session, its logs or recordings, is changed without driving the page: `wipeLogs`,
    // `clear_recording`, `screencast_stop`)
    const head = nameTokens[nameTokens.length - 1]?.word ?? '';
    const keptState = SESSION_STATE.has(head) || (verbOf(head) !== undefined && SESSION_STATE.has(nameTokens[nameTokens.length - 2]?.word ?? ''));
    if (target && !documentPage && !keptState) signals.push({ family: 'name', effect: 'execute', label: 'ui:target', weight: 0, where: inName ? 'name' : 'description', text: target[0] });
  }
  // (a bookkeeping server's trait decides alone: its money records move no money)
  for (const s of traits.signals) if (traits.ui || traits.database || s.label === 'server:bookkeeping') signals.push({ ...s, weight: 0 });
  return signals;
}

const CATEGORY_ORDER: readonly Category[] = ['read', 'write', 'execute'];

/**
 * A tool fronting many operations (an action enum, or operations its description lists): each
 * operation is judged as if it were a tool of its own, named by the operation and the tool's nouns
 * (`manage_branch` + `delete`), or by the listed verb and its object ("executing SQL queries"), with
 * the tool's other parameters. The riskiest one decides.
 */
function operationVerdicts(tool: McpTool, traits: ServerTraits, signals: Signal[]): { operations: Operation[]; verdicts: Verdict[]; onlyReads: boolean } {
  const none = { operations: [], verdicts: [], onlyReads: false };
  const listed = actionValues(tool);
  if (listed && readsByName(signals) && !isRequired(tool, listed[0]!.where)) return none;
  // the tool's other parameters and the server's traits, the same for every operation (made when the first is judged: most tools have none)
  let context: Signal[] | undefined;
  const operations: Operation[] = [];
  const verdicts: Verdict[] = [];
  // every value of the enum is an operation the rules can judge
  let known = true;
  const judge = (name: string, where: Operation['where'], own: Signal[]) => {
    context ??= [...signals.filter((s) => s.family === 'parameter' && !s.label.startsWith('enum:')), ...traits.signals.map((s) => ({ ...s, weight: 0 }))];
    const verdict = decide([...own, ...context]);
    verdicts.push(verdict);
    operations.push({ name, where, category: verdict.category, destructiveScope: verdict.destructiveScope, risk: riskOf(verdict, []), decisive: false });
  };
  if (listed) {
    // the tool name without its own action (`kubectl_rollout` keeps "rollout", `manage_branches` drops "manage")
    const nameTokens = splitIdentifier(tool.name);
    const action = primaryVerbIndexes(nameTokens);
    const nouns = nameTokens.filter((_, i) => !action.has(i)).map((token) => token.word);
    for (const { value, where } of listed) {
      const words = splitIdentifier(value);
      if (!words.some((token) => nameVerbOf(token.word))) {
        // (a bare noun that names what is shown, `members`, `status`, `stats`, reads it; any other leaves the operations unknown)
        if (!words.every((token) => SHOWN_NOUNS.has(token.word))) known = false;
        continue;
      }
      const ownNouns = words.some((token) => !verbOf(token.word));
      judge(value, where, nameSignals(ownNouns ? value : [value, ...nouns].join('_'), traits));
    }
  } else if (tool.description && !readsByName(signals)) {
    // (a bare verb under an "Actions:" heading acts on what the tool's name says: `helpdesk_tickets` + "get")
    const nameTokens = splitIdentifier(tool.name);
    const action = primaryVerbIndexes(nameTokens);
    const nouns = nameTokens.filter((_, i) => !action.has(i)).map((token) => token.word);
    for (const operation of listedOperations(tool.description)) {
      const said = operation.object ? `${operation.lemma} ${operation.object}` : [operation.lemma, ...nouns].join('_');
      // the verb and its object as a name, and what the words say ("SQL queries" can write)
      judge(operation.text, 'description', [...nameSignals(said, traits), ...proseSignals(said, 'description', traits).filter((s) => s.label.startsWith('phrase:'))]);
    }
  }
  // one verb among modes (`mode: soft | mixed | hard | merge`) is a setting, not a set of operations
  return operations.length >= 2 ? { operations, verdicts, onlyReads: known && operations.every((operation) => operation.category === 'read') } : none;
}

interface ActionValue {
  value: string;
  where: Operation['where'];
}

/**
 * The operations an action parameter names: its enum (`action: "list" | "create"`), or the constants that tell apart
 * the argument shapes of a union, one shape per operation (`anyOf: [{ operation: { const: "get-site" } }, …]`),
 * at the schema's top or in one parameter.
 */
function actionValues(tool: McpTool): ActionValue[] | undefined {
  const properties = tool.inputSchema.properties;
  // (the properties are walked once: a union's constants count only when no action enum is found)
  const entries = properties && typeof properties === 'object' ? Object.entries(properties as Record<string, unknown>) : [];
  for (const [name, schema] of entries) {
    if (!ACTION_PARAMETER.test(name) || !schema || typeof schema !== 'object') continue;
    const values = (schema as { enum?: unknown }).enum;
    if (!Array.isArray(values)) continue;
    const strings = values.filter((value): value is string => typeof value === 'string' && value.length > 0 && value.length <= 80).slice(0, 100);
    if (strings.length >= 2) return strings.map((value) => ({ value, where: `inputSchema.properties.${locationKey(name)}.enum` }));
  }
  const top = unionConstants(tool.inputSchema, 'inputSchema');
  if (top.length >= 2) return top;
  // (a parameter's path is made only for one that is a union)
  for (const [name, schema] of entries) {
    if (!isUnion(schema)) continue;
    const found = unionConstants(schema, `inputSchema.properties.${locationKey(name)}`);
    if (found.length >= 2) return found;
  }
  return undefined;
}

/** A schema with an anyOf or oneOf list: the only ones unionConstants finds anything in. */
function isUnion(schema: unknown): boolean {
  return !!schema && typeof schema === 'object' && (Array.isArray((schema as Record<string, unknown>).anyOf) || Array.isArray((schema as Record<string, unknown>).oneOf));
}

function unionConstants(schema: unknown, path: string): ActionValue[] {
  const out: ActionValue[] = [];
  if (!schema || typeof schema !== 'object') return out;
  for (const keyword of ['anyOf', 'oneOf'] as const) {
    const variants = (schema as Record<string, unknown>)[keyword];
    if (!Array.isArray(variants)) continue;
    variants.slice(0, 100).forEach((variant, i) => {
      const variantProperties = variant && typeof variant === 'object' ? (variant as { properties?: unknown }).properties : undefined;
      if (!variantProperties || typeof variantProperties !== 'object') return;
      for (const [name, property] of Object.entries(variantProperties as Record<string, unknown>)) {
        const constant = property && typeof property === 'object' ? (property as { const?: unknown }).const : undefined;
        if (ACTION_PARAMETER.test(name) && typeof constant === 'string' && constant.length > 0 && constant.length <= 80) out.push({ value: constant, where: `${path}.${keyword}.${i}.properties.${locationKey(name)}.const` });
      }
    });
  }
  return out;
}

/** The riskier of two verdicts, field by field: a tool can do whatever any of its operations does. */
function riskier(a: Verdict, b: Verdict): Verdict {
  return {
    category: CATEGORY_ORDER.indexOf(b.category) > CATEGORY_ORDER.indexOf(a.category) ? b.category : a.category,
    destructive: a.destructive || b.destructive,
    destructiveScope: widerScope(a.destructiveScope, b.destructiveScope),
    financial: a.financial || b.financial,
    openWorld: a.openWorld || b.openWorld,
    sensitive: a.sensitive || b.sensitive,
    privileged: a.privileged || b.privileged,
    hostCode: a.hostCode || b.hostCode,
    writeQuery: a.writeQuery || b.writeQuery,
    many: a.many === 'filter' || b.many === 'filter' ? 'filter' : 'one',
    ui: a.ui || b.ui,
    bills: a.bills || b.bills,
    clusterConfig: a.clusterConfig || b.clusterConfig,
    dumpsSecrets: a.dumpsSecrets || b.dumpsSecrets,
    anyRequest: a.anyRequest || b.anyRequest,
  };
}

/** A signal with the rule that gives its label (classifier/rules/); a label no rule file gives is a defect, and says so. */
function withRule(signal: Signal): SignalWithRule {
  const rule = ruleSet().ruleOfLabel(signal.label);
  if (!rule) throw new Error(`the classifier gave the signal label "${signal.label}" but no file under classifier/rules/ concludes it`);
  return { ...signal, rule: rule.id };
}

export function classifyTool(input: ClassifyInput): Classification {
  const { tool } = input;
  const traits = input.traits ?? serverTraits(input.server);
  const signals = collectSignals(tool, traits);
  const warnings = descriptionWarnings(tool, input.siblings);
  if (input.problems?.length) {
    const listed = input.problems.slice(0, 3).join('; ').slice(0, 300);
    // a definition cut to the crawler's bounds is valid MCP, only too big to read whole
    const cut = input.problems.every(isCut);
    const message = cut ? `the server's definition is larger than a definition may be (${listed}); it was classified from what was read` : `the server's definition is not a valid MCP tool (${listed}); it was classified from what it has`;
    warnings.push({ kind: 'invalid-definition', severity: 'note', rule: ruleById('invalid-definition').id, message, evidence: { where: 'name', text: tool.name } });
  }
  const { operations, verdicts, onlyReads } = operationVerdicts(tool, traits, signals);
  // a tool's operations are judged one by one below; its own verdict leaves their enum values out, so the riskiest one is seen deciding
  // (a value of that enum past the ones judged still counts: padding an enum does not hide its last operation)
  // (when every operation reads, "Manage Motion workspaces" says only that it fronts them: its umbrella verb is left out too)
  const judged = new Set(operations.map((operation) => operation.name));
  const listedAt = new Set<string>(operations.map((operation) => operation.where));
  const unjudged = (s: Signal) => s.label.startsWith('enum:') && listedAt.has(s.where) && !judged.has(s.text);
  let verdict = decide(operations.length ? signals.filter((s) => (!s.label.startsWith('enum:') || unjudged(s)) && !(onlyReads && UMBRELLA_VERBS.has(s.label))) : signals);
  if (operations.length) {
    let top = 0;
    // (among operations of equal risk, the one that does the most: execute over write over read, then the wider scope)
    const weight = (operation: Operation) => RISK_LEVELS.indexOf(operation.risk) * 100 + CATEGORY_ORDER.indexOf(operation.category) * 10 + SCOPE_ORDER.indexOf(operation.destructiveScope);
    operations.forEach((operation, i) => {
      if (weight(operation) > weight(operations[top]!)) top = i;
    });
    // the riskiest operation decides only when it is riskier than what the rest of the definition says
    // (what the other operations of that risk do counts too: one can run what another deletes)
    const merged = verdicts.reduce((all, other, i) => (operations[i]!.risk === operations[top]!.risk ? riskier(all, other) : all), verdict);
    if (RISK_LEVELS.indexOf(riskOf(merged, [])) > RISK_LEVELS.indexOf(riskOf(verdict, [])) || merged.category !== verdict.category) {
      operations[top]!.decisive = true;
      verdict = merged;
    }
    // what a lower operation does the tool can still do: its flags count, though its category and risk do not decide
    // (`orders` with `charge` and `delete` deletes too; a `files` tool that reads the web and deletes a file reaches the web)
    for (const other of verdicts) {
      verdict = { ...verdict, destructive: verdict.destructive || other.destructive, destructiveScope: widerScope(verdict.destructiveScope, other.destructiveScope), openWorld: verdict.openWorld || other.openWorld, sensitive: verdict.sensitive || other.sensitive };
    }
  }
  const risk = riskOf(verdict, warnings);
  const annotations = compareAnnotations(tool, verdict, signals);
  const confidence = confidenceOf(verdict, signals);
  const policy = toolPolicy(tool, { risk, financial: verdict.financial, warned: warnings.some(isPoisoning), category: verdict.category, collects: warnings.some((warning) => warning.kind === 'conversation-collection') ? collectedArguments(tool) : undefined });
  const decisive = decisiveSignals(verdict, signals);
  return {
    tool: tool.name,
    fingerprint: input.fingerprint,
    category: verdict.category,
    destructive: verdict.destructive,
    financial: verdict.financial,
    openWorld: verdict.openWorld,
    sensitive: verdict.sensitive,
    warnings,
    destructiveScope: verdict.destructiveScope,
    operations,
    risk,
    score: scoreOf(risk, verdict, warnings, signals),
    confidence,
    signals: signals.map(withRule),
    rationale: rationaleFor(tool, risk, verdict, signals, warnings, annotations, operations, policy, confidence, decisive, input.server?.name),
    evidence: evidenceFor(verdict, signals, warnings, decisive),
    annotations,
    policy,
  };
}

/**
 * A name whose action was taken to be a later verb because the verb-like word before it looked like part of a compound noun
 * (`genai-model-eval-delete-run`: a model eval is a thing, delete is the action), when the description or title leads with that
 * earlier word instead: the two agree that it is the action, and the later one is the start of its object
 * (`linear_getReleasePipelines`, "Get release pipelines"; `jira_get_create_metadata`, "Get metadata for creating issues").
 * A lead that is the later verb, or neither, leaves the name's reading as it is.
 */
function proseConfirmsEarlierVerb(signals: Signal[], tokens: readonly Token[]): void {
  const primary = primaryVerbIndexes(tokens);
  if (primary.size !== 1) return;
  const at = primary.values().next().value!;
  const earlier = tokens[at - 1];
  const later = nameVerbOf(tokens[at]!.word);
  const before = earlier && nameVerbOf(earlier.word);
  if (!before || !later || before.lemma === later.lemma) return;
  const leads = new Set(signals.filter((s) => (s.family === 'description' || s.family === 'title') && s.label.startsWith('verb:') && s.weight >= 2).map((s) => verbOf(s.text.toLowerCase())?.lemma));
  if (!leads.has(before.lemma) || leads.has(later.lemma)) return;
  // (only a word the name's grammar left a verb has signals to promote: not a plural after a noun nor a fixed noun phrase)
  const promoted = signals.filter((s) => s.family === 'name' && s.label.startsWith('verb:') && s.text === earlier.text);
  if (!promoted.length) return;
  for (const s of promoted) s.weight = 3;
  for (let i = signals.length - 1; i >= 0; i--) {
    const s = signals[i]!;
    if (s.family !== 'name') continue;
    // (what the later verb would have acted on was resolved for it, and goes with it)
    if (s.label.startsWith('object:')) signals.splice(i, 1);
    else if (s.label.startsWith('verb:') && s.text === tokens[at]!.text && s.weight >= 3) s.weight = 0.75;
  }
}
