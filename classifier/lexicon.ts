// The words the classifier knows. Each lemma maps to the effects it signals; inflected forms
// (deletes, deleted, deleting) are generated.
import type { SignalEffect } from '../data/schema.ts';

type Lexicon = Record<string, SignalEffect[]>;

/** Verbs as they appear in tool names and at the start of descriptions. */
export const VERBS: Lexicon = {
  // read: retrieves or observes
  get: ['read'], list: ['read'], read: ['read'], fetch: ['read', 'openWorld'], search: ['read'], find: ['read'],
  describe: ['read'], show: ['read'], view: ['read'], inspect: ['read'], lookup: ['read'], retrieve: ['read'],
  count: ['read'], check: ['read'], browse: ['read'], export: ['read'], analyze: ['read'], analyse: ['read'],
  summarize: ['read'], explain: ['read'], validate: ['read'], preview: ['read'], diff: ['read'], compare: ['read'],
  resolve: ['read'], query: ['read'], download: ['read', 'openWorld'], scrape: ['read', 'openWorld'], crawl: ['read', 'openWorld'],
  extract: ['read'], ask: ['read'], calculate: ['read'], convert: ['read'], translate: ['read'], parse: ['read'], echo: ['read'], return: ['read'],
  ping: ['read'], monitor: ['read'], watch: ['read'], estimate: ['read'], lint: ['read'], format: ['write'],
  generate: ['read'], think: ['read'], recall: ['read'], load: ['read'], open: ['read'], capture: ['read'],
  screenshot: ['read'], snapshot: ['read'], visualize: ['read'], render: ['read'], measure: ['read'], verify: ['read'],
  test: ['execute'], status: ['read'], wait: ['read'], poll: ['read'], sample: ['read'], scan: ['read'], audit: ['read'],
  discover: ['read'], explore: ['read'], research: ['read', 'openWorld'], detect: ['read'], identify: ['read'], review: ['read'],
  // write: creates, changes or deletes stored data or state, or sends something
  create: ['write'], add: ['write'], insert: ['write'], update: ['write'], edit: ['write'], modify: ['write'],
  set: ['write'], put: ['write'], patch: ['write'], write: ['write'], save: ['write'], upload: ['write', 'openWorld'],
  post: ['write', 'messaging'], publish: ['write', 'openWorld'], send: ['write', 'messaging'], reply: ['write', 'messaging'],
  deliver: ['write', 'messaging'], announce: ['write', 'messaging'], broadcast: ['write', 'messaging'], split: ['write'],
  comment: ['write'], merge: ['write'], push: ['write'], commit: ['write'], rename: ['write'], move: ['write'],
  copy: ['write'], clone: ['write'], assign: ['write'], invite: ['write', 'privileged'], admit: ['write', 'privileged'],
  unprotect: ['write', 'privileged', 'destructive'], archive: ['write'], close: ['write'], reopen: ['write'],
  lock: ['write'], unlock: ['write'], enable: ['write'], disable: ['write'], schedule: ['write'], book: ['write'],
  subscribe: ['write'], star: ['write'], fork: ['write'], tag: ['write'], label: ['write'],
  approve: ['write'], reject: ['write'], register: ['write'], mark: ['write'], complete: ['write'], cancel: ['write'],
  submit: ['write'], import: ['write'], sync: ['write'], upsert: ['write', 'destructive'], append: ['write'], attach: ['write'],
  link: ['write'], pin: ['write'], react: ['write'], notify: ['write', 'messaging'],
  email: ['write', 'messaging'], message: ['write', 'messaging'], tweet: ['write', 'messaging'], store: ['write'],
  remember: ['write'], record: ['write'], log: ['write'], configure: ['write'], apply: ['write'], change: ['write'],
  make: ['write'], build: ['execute'], upgrade: ['write'], install: ['execute'], restore: ['write'], undo: ['write'],
  revert: ['write', 'destructive'], rollback: ['write', 'destructive'], replace: ['write', 'destructive'],
  overwrite: ['write', 'destructive'], transfer: ['write'], grant: ['write', 'privileged'], revoke: ['write', 'privileged', 'destructive'],
  share: ['write'], resize: ['write'], scale: ['write'], rotate: ['write', 'privileged'], reset: ['write', 'destructive'],
  clear: ['write', 'destructive'], forget: ['write', 'destructive'], delete: ['write', 'destructive'], remove: ['write', 'destructive'],
  prune: ['write', 'destructive'],
  destroy: ['write', 'destructive'], drop: ['write', 'destructive'], purge: ['write', 'destructive'], erase: ['write', 'destructive'],
  wipe: ['write', 'destructive'], truncate: ['write', 'destructive'], uninstall: ['execute', 'destructive'], discard: ['write', 'destructive'],
  terminate: ['write', 'destructive'], kill: ['write', 'destructive'], empty: ['write', 'destructive'], unregister: ['write', 'destructive'],
  dismiss: ['write'], resolve_: ['write'], charge: ['write', 'financial'], refund: ['write', 'financial'], pay: ['write', 'financial'],
  purchase: ['write', 'financial'], buy: ['write', 'financial'], sell: ['write', 'financial'], trade: ['write', 'financial'], withdraw: ['write', 'financial'], deposit: ['write', 'financial'],
  finalize: ['write'], void: ['write', 'destructive'], stop: ['write'], start: ['write'], restart: ['write'], reboot: ['write', 'destructive'],
  manage: ['write'], management: ['write'], switch: ['write'], toggle: ['write'], init: ['write'], initialize: ['write'], accept: ['write'],
  decline: ['write'], mute: ['write'], login: ['write'], logout: ['write'], authenticate: ['write'], report: ['write'],
  emulate: ['write'], clean: ['write', 'destructive'], cleanup: ['write', 'destructive'], go: ['execute'], activate: ['write'], deactivate: ['write'],
  suspend: ['write'], resume: ['write'], pause: ['write'], retire: ['write', 'destructive'], deprecate: ['write'],
  // execute: runs code, commands, queries, builds, workflows, or drives a browser, UI or device
  run: ['execute'], exec: ['execute'], execute: ['execute'], eval: ['execute'], evaluate: ['execute'], invoke: ['execute'],
  call: ['execute'], spawn: ['execute'], compile: ['execute'], deploy: ['execute', 'openWorld'], trigger: ['execute'],
  launch: ['execute'], dispatch: ['execute'], click: ['execute'], navigate: ['execute', 'openWorld'], goto: ['execute', 'openWorld'],
  press: ['execute'], hover: ['execute'], drag: ['execute'], scroll: ['execute'], fill: ['execute'], tap: ['execute'],
  swipe: ['execute'], type: ['execute'], select: ['execute'], focus: ['execute'], resize_: ['execute'], interact: ['execute'],
  automate: ['execute'], simulate: ['read'], migrate: ['execute'], provision: ['execute'], rerun: ['execute'], retry: ['execute'],
  shutdown: ['execute'], power: ['execute'], recycle: ['execute'], drain: ['execute'], cordon: ['execute'], uncordon: ['execute'], forward: ['write', 'messaging'], promote: ['execute'],
  play: ['execute'], rollout: ['execute'], reload: ['write'], refresh: ['write'], handle: ['write'],
  release: ['write'], flush: ['write', 'destructive'], snooze: ['write'], postpone: ['write'], advance: ['write'], pull: ['write'],
  end: ['write'], compose: ['write'], draft: ['write'], connect: ['write'], disconnect: ['write'], rebase: ['write', 'destructive'],
  // changing the state of an existing thing (confirming an issue, claiming a task, acknowledging an event, arranging nodes)
  confirm: ['write'], acknowledge: ['write'], claim: ['write'], arrange: ['write'], rearrange: ['write'], reorder: ['write'], renew: ['write'],
  detach: ['write'],
  // changing a quantity or a level in place (`adjust_inventory`, "Adjust the bid"), and rebuilding an index into a target (`reindex`)
  adjust: ['write'], reindex: ['write'],
  // deleting (their scope is listed in VERB_SCOPE)
  evict: ['write', 'destructive'], expunge: ['write', 'destructive'], trash: ['write', 'destructive'], deregister: ['write', 'destructive'], decommission: ['write', 'destructive'],
  // starting a machine, a simulator or an emulator (`ios_boot_simulator`), and clearing a box on a page or an app
  boot: ['execute'], uncheck: ['execute'],
  // adding something new
  duplicate: ['write'], ingest: ['write'], setup: ['write'], enroll: ['write'], upvote: ['write'], downvote: ['write'], join: ['write'], follow: ['write'],
  // working something out and returning it
  diagnose: ['read'], aggregate: ['read'], suggest: ['read'], recommend: ['read'], enumerate: ['read'], classify: ['read'], observe: ['read'], collect: ['read'],
  // trying whether something answers (a connection, credentials, a proxy) and reporting it
  probe: ['read'],
  // letting in or shutting out (`ban_member`, `kick_user`), and making reachable or hidden (`expose_port`, `hide_post`)
  ban: ['write'], unban: ['write'], kick: ['write'], expose: ['write'], unexpose: ['write'], hide: ['write'], unhide: ['write'],
};

/**
 * How much existing state a changing verb can lose (the MCP destructiveHint meaning: anything that is
 * not purely additive is destructive). `in-place`: updates, moves or cancels existing things;
 * `item`: deletes or overwrites the whole of one item. Verbs not listed are additive.
 */
export const VERB_SCOPE = new Map<string, 'in-place' | 'item'>([
  ...[
    'update', 'edit', 'modify', 'set', 'patch', 'rename', 'move', 'assign', 'close', 'reopen', 'lock', 'unlock', 'enable', 'disable', 'archive',
    'logout', 'mark', 'complete', 'cancel', 'approve', 'reject', 'resolve_', 'dismiss', 'configure', 'change', 'toggle', 'switch', 'mute', 'pause',
    'resume', 'suspend', 'activate', 'deactivate', 'merge', 'transfer', 'scale', 'resize', 'restore', 'undo', 'accept', 'decline', 'rotate',
    'revoke', 'upgrade', 'deprecate', 'rerank', 'reorder', 'replace_', 'stop', 'restart', 'reboot', 'migrate', 'format', 'rebase', 'detach',
    'transform', 'adjust', 'confirm', 'acknowledge', 'claim', 'arrange', 'rearrange', 'renew', 'refund', 'finalize', 'manage', 'management', 'apply',
    'end', 'snooze', 'postpone', 'advance', 'flush', 'pull', 'power', 'recycle', 'drain', 'shutdown', 'deploy', 'rollout', 'reset_', 'rollback_',
    'revert_', 'retire_', 'void_', 'clean_',
  ].map((verb) => [verb.replace(/_$/, ''), 'in-place'] as const),
  ...['delete', 'remove', 'destroy', 'drop', 'purge', 'erase', 'wipe', 'truncate', 'uninstall', 'discard', 'terminate', 'kill', 'unregister', 'overwrite', 'replace', 'clear',
    'forget', 'reset', 'revert', 'rollback', 'void', 'retire', 'empty', 'clean', 'cleanup', 'evict', 'expunge', 'trash', 'deregister', 'decommission', 'release',
    // putting, as HTTP PUT and object stores mean it, replaces the whole of what is at that place; an upsert replaces a record that exists
    'put', 'upsert', 'reindex'].map((verb) => [verb, 'item'] as const),
]);

/** Words that only count as actions on a browser, UI or device server (elsewhere they mean other things). */
export const UI_ONLY = new Set(['go', 'type', 'select', 'focus', 'press', 'hover', 'drag', 'scroll', 'fill', 'tap', 'swipe', 'click', 'uncheck']);

/** Verbs that are an action on a browser, UI or device server (open a tab, reload, resize the window) and keep their own meaning elsewhere. */
export const UI_ACTIONS = new Set(['open', 'resize', 'reload', 'refresh', 'handle', 'close', 'navigate', 'emulate']);

/**
 * Running things: these verbs, applied to one of LIFECYCLE_OBJECTS, run or operate it (DESIGN:
 * run/play/trigger/retry/deploy/restart/promote/upgrade of pipelines, jobs, workflows, deployments,
 * processes and environments are execute).
 */
export const LIFECYCLE_VERBS = new Set([
  'submit', 'start', 'stop', 'restart', 'reboot', 'kill', 'terminate', 'cancel', 'retry', 'rerun', 'trigger', 'play', 'promote', 'upgrade', 'scale',
  'apply', 'install', 'uninstall', 'rollout', 'rollback', 'resume', 'pause', 'suspend', 'power', 'recycle', 'drain', 'abort', 'launch', 'run',
  'forward', 'signal', 'close',
]);
/** Creating one of these starts it running (a deployment, a job, a pod). */
export const RUNNING_OBJECTS = new Set([
  'deployment', 'deployments', 'job', 'jobs', 'pod', 'pods', 'container', 'containers', 'workload', 'workloads', 'manifest', 'manifests', 'pipeline',
  'build', 'migration', 'rollout', 'dyno', 'tunnel', 'tunnels', 'pty', 'ptys', 'repl', 'repls', 'shell', 'shells', 'terminal', 'terminals',
]);
export const LIFECYCLE_OBJECTS = new Set([
  'pipeline', 'pipelines', 'job', 'jobs', 'workflow', 'workflows', 'build', 'builds', 'deployment', 'deployments', 'process', 'processes', 'service',
  'services', 'container', 'containers', 'pod', 'pods', 'droplet', 'droplets', 'vm', 'vms', 'machine', 'machines', 'vps', 'agent', 'agents', 'node',
  'nodes', 'cluster', 'migration', 'migrations', 'release', 'chart', 'helm', 'manifest', 'manifests', 'workload', 'workloads', 'terminal', 'shell',
  'task', 'tasks', 'dyno', 'dynos', 'rollout', 'runner', 'daemon', 'server', 'instance', 'instances', 'function', 'lambda', 'engine', 'run', 'runs',
  'port', 'ports', 'pty', 'ptys', 'repl', 'repls', 'queue', 'queues', 'worker', 'workers', 'sandbox', 'sandboxes', 'kernel', 'kernels', 'execution',
  'executions', 'debuggee', 'tunnel', 'tunnels', 'training', 'trainings', 'prediction', 'predictions',
]);

/** Nouns that name an action: after a light verb ("start a search", "run an audit") the action decides. */
export const ACTION_NOUNS = new Map<string, string>([
  ['search', 'search'], ['searches', 'search'], ['crawl', 'crawl'], ['scan', 'scan'], ['analysis', 'analyze'], ['audit', 'audit'], ['verification', 'verify'], ['trace', 'capture'],
  ['recording', 'record'], ['screencast', 'record'], ['migration', 'migrate'], ['deployment', 'deploy'], ['build', 'build'], ['test', 'test'], ['tests', 'test'],
  ['backup', 'save'], ['export', 'export'], ['import', 'import'], ['installation', 'install'], ['execution', 'execute'], ['upload', 'upload'], ['download', 'download'],
  ['sync', 'sync'], ['session', 'create'], ['conversation', 'create'], ['wait', 'wait'], ['watch', 'watch'],
]);
export const LIGHT_VERBS = new Set(['start', 'begin', 'initiate', 'kick', 'perform', 'do']);

/**
 * What a test only probes: whether a connection, credentials, a proxy or a service answers ("Tests database connectivity",
 * `test-proxy-connection`). Testing one of these reads its state and runs no test suite; testing anything else runs tests.
 */
export const PROBED_OBJECTS = new Set(['connection', 'connections', 'connectivity', 'credential', 'credentials', 'auth', 'authentication', 'login', 'proxy', 'proxies',
  'availability', 'reachability', 'reachable', 'latency', 'alive', 'online', 'network', 'apikey', 'key', 'keys', 'token', 'tokens',
  // (what the caller may reach: "Run auth diagnostics against file access", `test_bucket_access`)
  'access', 'permissions',
  // (a health probe or check reads whether the service is up)
  'health']);

/** Words in a name that turn the rest into a read: the tool shows what would happen instead of doing it. */
export const NEUTRALIZERS = new Set(['preview', 'dry', 'dryrun', 'simulate', 'simulation', 'estimate', 'plan', 'validate', 'check', 'explain', 'diff', 'lint']);

/** Nouns in a name that signal money movement when the tool changes something. */
export const MONEY_NOUNS = new Set(['payment', 'payments', 'charge', 'charges', 'refund', 'refunds', 'payout', 'payouts', 'purchase', 'purchases', 'transaction', 'transactions', 'funds', 'money', 'tip', 'tips', 'donation', 'donations']);

/**
 * Billing objects that move no money when created or read (a draft invoice, a subscription record),
 * and the verbs that commit money through them: finalizing or paying an invoice, changing what a
 * subscription bills (DESIGN's critical row).
 */
export const BILLING_COMMITS = new Map<string, ReadonlySet<string>>([
  ['invoice', new Set(['finalize', 'pay', 'capture'])],
  ['invoices', new Set(['finalize', 'pay', 'capture'])],
  // (pausing, resuming or renewing a subscription stops, restarts or extends what it bills)
  ['subscription', new Set(['update', 'change', 'modify', 'upgrade', 'downgrade', 'switch', 'pause', 'resume', 'unpause', 'reactivate', 'renew'])],
  ['subscriptions', new Set(['update', 'change', 'modify', 'upgrade', 'downgrade', 'switch', 'pause', 'resume', 'unpause', 'reactivate', 'renew'])],
  // (changing the plan or tier of a paid service changes what it bills; a plan of work or a test plan bills nothing: weighed in classify)
  ['plan', new Set(['change', 'modify', 'upgrade', 'downgrade', 'switch'])],
  ['plans', new Set(['change', 'modify', 'upgrade', 'downgrade', 'switch'])],
  ['tier', new Set(['change', 'modify', 'upgrade', 'downgrade', 'switch'])],
]);
/** The billed things of BILLING_COMMITS whose change commits money only where the call says so (weighed in classify.ts). */
export const BILLED_ON_CONDITION = /^(subscription|plan|tier)/;
/** What says a plan or tier is paid for: billing words, or a paid tier among the values the call may choose. */
export const PAID_PLAN_TEXT = /\b(bill(s|ed|ing)?|prorat\w+|charg(e|es|ed|ing)|invoic\w*|pric(e|es|ing)|paid|subscription|pro|premium|business|enterprise)\b/i;
/** Parameters that say what a subscription bills: changing them changes the charge. */
export const BILLED_PARAMETERS = /^(price|prices|price_?id|plan|plans|plan_?id|items|quantity|amount|units|seats|product_?id)$/i;
/** What a subscription's description says it bills by: a change of it changes the charge ("Stop billing while retaining the subscription", "with proration"). */
export const BILLING_TEXT = /\b(bill(s|ed|ing)?|prorat\w+|charg(e|es|ed|ing)|invoic\w+|seats?|price|plan|tier)\b/i;

/**
 * Provisioning capacity that is billed while it exists (the rubric's high row): machines are billed
 * whenever they are created; the other resources when the call also chooses their size, tier or region
 * (a Notion database, a Docker volume or a component instance costs nothing).
 */
export const BILLED_MACHINES = new Set(['droplet', 'droplets', 'vm', 'vms', 'nodepool', 'nodepools', 'gpu', 'gpus']);
export const BILLED_RESOURCES = new Set([
  'volume', 'volumes', 'cluster', 'clusters', 'instance', 'instances', 'server', 'servers', 'machine', 'machines', 'share', 'shares', 'database',
  'databases', 'db', 'registry', 'registries', 'sandbox', 'sandboxes', 'disk', 'disks', 'index', 'indexes', 'indices',
]);
/** Verbs that bring billed capacity into being or change how much of it there is ("add" mostly attaches what exists: `firewall-add-droplets`). */
export const PROVISIONING_VERBS = new Set(['create', 'provision', 'launch', 'resize', 'scale']);
/** Verbs that change an existing resource: they change its bill only when the call sets its capacity. */
export const CAPACITY_CHANGING_VERBS = new Set(['update', 'modify', 'change', 'set', 'upgrade', 'configure']);
/** Parameters that choose how much capacity a resource has (a size in GiB, a tier, a node count, vCPUs, memory, a machine type). */
export const CAPACITY_PARAMETER = new RegExp(
  String.raw`^(size|size_?(gi\w*|gb|mb|mi\w*)|\w*storage_?size\w*|disk_?(size|gb|gib)\w*|num_?nodes|node_?count|count|min_?nodes|max_?nodes|replicas|vcpus?|cpus?` +
    String.raw`|memory(_?(mb|gb|mib|gib))?|ram(_?(mb|gb))?|\w*tier(_?slug)?|plan|sku|(machine|instance|node|vm)_?(type|class|size))$`,
  'i',
);
/** Parameters that place a new resource in a provider's region. */
export const PLACEMENT_PARAMETER = /^(region|region_?(slug|name|id)|location|cloud|provider_?region|zone|availability_?zone|datacenter(_?code)?)$/i;

/**
 * What removing "from" one of these deletes: an entry of a store of records (a job from a queue, a document
 * from a collection, an account from the cache). Removing from anything else (a label from an issue, a
 * reaction from a message, droplets from a firewall) takes the thing off an item that stays: an in-place update.
 */
export const RECORD_STORES = new Set(['queue', 'queues', 'directory', 'folder', 'trash', 'bin', 'database', 'db', 'collection', 'registry', 'cache', 'list', 'library', 'gallery', 'calendar',
  'project', 'workspace', 'repository', 'repo', 'index', 'bucket', 'store', 'storage', 'server', 'system', 'account', 'drive', 'vault', 'catalog', 'inventory', 'namespace', 'cluster',
  'disk', 'memory', 'graph', 'base', 'table', 'service', 'platform', 'history', 'archive', 'organization', 'org', 'app', 'application', 'filesystem', 'machine', 'device', 'computer']);

/** Applications on the user's machine: opening one launches it (an editor, the devtools, a simulator). */
export const HOST_APPS = new Set(['editor', 'ide', 'devtools', 'simulator', 'emulator', 'application', 'app', 'browser', 'window', 'viewer', 'dashboard', 'finder', 'inspector', 'debugger', 'studio', 'terminal']);

/**
 * Changes that replace or end the whole of one item, though their verbs usually change things in place: merging
 * a pull request or a branch rewrites the target branch, restoring from a backup or snapshot overwrites what is
 * there (the current state is not kept), cancelling a subscription, a meeting, a booking or an order ends it for everyone it binds.
 */
export const WHOLE_ITEM_OBJECTS = new Map<string, ReadonlySet<string>>([
  ['merge', new Set(['pull', 'pr', 'prs', 'mr', 'mrs', 'request', 'requests', 'branch', 'branches'])],
  // (restoring a revision keeps the replaced one in the history: an in-place change)
  ['restore', new Set(['backup', 'backups', 'snapshot', 'snapshots', 'checkpoint', 'checkpoints'])],
  ['cancel', new Set(['subscription', 'subscriptions', 'event', 'events', 'meeting', 'meetings', 'appointment', 'appointments', 'booking', 'bookings', 'reservation', 'reservations', 'order', 'orders'])],
]);

/** Records of money paid or owed: read with the customer they belong to, they are personal data (the rubric's medium row). */
export const MONEY_RECORDS = new Set(['invoice', 'invoices', 'payment', 'payments', 'subscription', 'subscriptions', 'dispute', 'disputes', 'charge', 'charges', 'order', 'orders',
  'transaction', 'transactions', 'checkout', 'checkouts', 'refund', 'refunds', 'payout', 'payouts', 'receipt', 'receipts', 'purchase', 'purchases',
  'quote', 'quotes', 'bill', 'bills', 'estimate', 'estimates', 'expense', 'expenses']);
/** Words that tie a money record to the person who paid or owes it. */
export const PAYER_WORDS = /\b(customers?|buyers?|payers?|payees?|cardholders?|billing\s+details|payment\s+details|contacts?|suppliers?|vendors?|counterpart(y|ies)|bank\s+accounts?)\b/i;

/** Nouns that make a destructive action broad in scope. */
export const BROAD_NOUNS = new Set([
  'repository', 'repositories', 'repo', 'repos', 'database', 'databases', 'db', 'schema', 'table', 'tables', 'project', 'projects', 'organization',
  'organisation', 'org', 'orgs', 'account', 'accounts', 'bucket', 'buckets', 'cluster', 'clusters', 'namespace', 'workspace', 'workspaces', 'team',
  'teams', 'index', 'indices', 'collection', 'collections', 'zone', 'volume', 'volumes', 'environment', 'all', 'everything', 'bulk',
  'stack', 'vault', 'keyspace', 'graph', 'store', 'directory', 'many', 'mass', 'registry', 'registries', 'calendar', 'calendars', 'channel',
  'channels', 'folder', 'folders', 'board', 'boards', 'space', 'spaces', 'guild', 'guilds', 'mailbox', 'mailboxes', 'share', 'shares',
  'namespaces', 'environments', 'vpc', 'vpcs', 'notebook', 'notebooks', 'section', 'sections',
]);

/** Nouns that make a write an act of privilege or credential administration. */
export const PRIVILEGE_NOUNS = new Set([
  'permission', 'permissions', 'role', 'roles', 'admin', 'admins', 'collaborator', 'collaborators', 'member', 'members', 'membership', 'acl', 'iam',
  'rls', 'grant', 'grants', 'credential', 'credentials', 'token', 'tokens', 'apikey', 'secret', 'secrets', 'password', 'passwords', 'access',
  'certificate', 'certificates', 'oauth', 'sso', 'owner', 'owners', 'ownership',
  // the controls that decide who may reach a thing: a branch's protection, a domain's privacy, an allowlist of addresses
  'protection', 'protections', 'privacy', 'allowlist', 'allowlists', 'whitelist', 'whitelists',
]);

/**
 * Where being a member is being let in: a member of a team, a project, an organization, a workspace, a repository, a
 * chat or a shared document can reach what it holds. A member of anything else (an audience, a mailing list, a card,
 * a dataset, a club, a parliament) is listed there and reaches nothing by it. Singular forms; a plural is read as its singular.
 */
export const ACCESS_PLACES = new Set(['organization', 'organisation', 'org', 'team', 'group', 'project', 'workspace', 'repository', 'repo', 'account', 'tenant',
  'enterprise', 'company', 'realm', 'namespace', 'cluster', 'database', 'vault', 'space', 'site', 'board', 'channel', 'room', 'chat', 'conversation', 'guild',
  'server', 'folder', 'drive', 'document', 'doc', 'file', 'calendar', 'app', 'application', 'role', 'permission', 'access', 'acl', 'policy']);

/** Words before a noun that say which or how many, or in what state, never what it belongs to ("a new member", "all active members"). */
export const QUALIFIERS = new Set(['new', 'old', 'all', 'active', 'inactive', 'former', 'other', 'every', 'each', 'any', 'some', 'many', 'multiple', 'more', 'bulk', 'batch',
  'first', 'last', 'next', 'previous', 'top', 'recent', 'individual', 'single', 'specific', 'current', 'existing', 'given', 'following', 'such']);

/** Verbs that issue or withdraw a key: creating, deleting or attaching an API, access or SSH key administers a credential (renaming one does not). */
export const KEY_ADMIN_VERBS = new Set(['create', 'add', 'generate', 'delete', 'remove', 'revoke', 'rotate', 'regenerate', 'reset', 'attach', 'detach', 'destroy']);
/** Keys that are not credentials: a table's, an index's. */
export const DATA_KEY_MODIFIERS = new Set(['foreign', 'primary', 'sort', 'partition', 'composite', 'unique', 'cache', 'object', 'idempotency']);

/** Nouns that mark sensitive data. */
// (a session, a terminal's or a browser's, holds no secret of its own: its cookies and tokens do)
export const SENSITIVE_NOUNS = new Set(['secret', 'secrets', 'credential', 'credentials', 'password', 'passwords', 'token', 'tokens', 'apikey', 'env', 'environment', 'ssn', 'passport', 'cookie', 'cookies', 'private', 'keychain', 'vault', 'pii']);
/** What makes a token a credential ("access token", `auth_token`); other tokens are coins, design values or a model's units. */
export const CREDENTIAL_TOKEN_KINDS = new Set(['access', 'auth', 'api', 'bearer', 'refresh', 'session', 'oauth', 'jwt', 'personal', 'service', 'deploy', 'id', 'csrf', 'security', 'secret', 'sso']);
/** What makes a token something other than a credential: a design value, a model's unit of text, a coin. */
export const OTHER_TOKEN_KINDS = new Set(['design', 'color', 'colour', 'typography', 'spacing', 'style', 'theme', 'css', 'input', 'output', 'prompt', 'completion', 'context', 'max', 'usage', 'erc20', 'erc721', 'nft', 'fungible', 'meme']);
/** Words before `token` in a parameter name that make it a cursor through results (`page_token`, `continuationToken`), not a secret. */
export const CURSOR_WORDS = new Set(['page', 'next', 'continuation', 'cursor', 'sync', 'delta', 'skip', 'resume']);

/**
 * People and their private communications: a read whose object is one of these returns personal
 * data (the rubric's medium row: customers, contacts, users, private messages and emails).
 */
export const PERSONAL_NOUNS = new Set(['user', 'users', 'member', 'members', 'contact', 'contacts', 'customer', 'customers', 'people', 'person', 'persons', 'employee', 'employees',
  'follower', 'followers', 'subscriber', 'subscribers', 'attendee', 'attendees', 'patient', 'patients', 'message', 'messages', 'email', 'emails', 'mail', 'mails', 'mailbox', 'mailboxes', 'inbox',
  'conversation', 'conversations', 'chats', 'dm', 'dms', 'recording', 'recordings', 'voicemail', 'voicemails', 'meeting', 'meetings', 'appointment', 'appointments', 'human', 'humans',
  // the people an item is shared with, sent to or filed under
  'collaborator', 'collaborators', 'correspondent', 'correspondents', 'delegate', 'delegates', 'recipient', 'recipients', 'participant', 'participants',
  'invitee', 'invitees', 'applicant', 'applicants', 'teammate', 'teammates',
  // what people said to each other: a mail thread, a phone call (its transcript is theirs too: signals.ts PERSONAL_PARTS)
  'thread', 'threads', 'call', 'calls',
  // records about a person: their pay and hours, who watches an item, an invitation's invitee
  'payroll', 'payslip', 'payslips', 'salary', 'salaries', 'timesheet', 'timesheets', 'watcher', 'watchers', 'invitation', 'invitations']);
/** Verbs that retrieve stored things (what echo, translate or generate return is the caller's own input). */
export const RETRIEVING_VERBS = new Set(['get', 'list', 'read', 'fetch', 'search', 'find', 'retrieve', 'show', 'view', 'browse', 'lookup', 'query', 'download', 'describe', 'inspect', 'export', 'extract', 'return']);
/** Words before a personal noun that make it a program's output or the caller's own (console messages, commit messages, the current user). */
export const IMPERSONAL_MODIFIERS = new Set(['console', 'log', 'logs', 'error', 'errors', 'commit', 'system', 'debug', 'status', 'current', 'me', 'my', 'own', 'self', 'authenticated', 'sample', 'test',
  // (calls a program makes, threads a processor runs, a video's transcript)
  'api', 'tool', 'function', 'rpc', 'http', 'network', 'captured', 'cpu', 'worker', 'video', 'youtube', 'podcast', 'queue']);

/** Parameter names and what they signal. */
export const PARAMETERS: Record<string, SignalEffect[]> = {
  command: ['execute'], cmd: ['execute'], commands: ['execute'], script: ['execute'], code: ['execute'], sql: ['execute'],
  expression: ['execute'], javascript: ['execute'], js: ['execute'], python: ['execute'], shell: ['execute'], bash: ['execute'],
  statement: ['execute'], program: ['execute'], snippet: ['execute'],
  url: ['openWorld'], uri: ['openWorld'], urls: ['openWorld'], href: ['openWorld'], endpoint: ['openWorld'], website: ['openWorld'], webhook: ['openWorld'],
  to: ['messaging'], recipient: ['messaging'], recipients: ['messaging'], cc: ['messaging'], bcc: ['messaging'],
  channel: ['messaging'], email: ['messaging'], phone: ['messaging'], chat: ['messaging'],
  amount: ['financial'], price: ['financial'], currency: ['financial'], cost: ['financial'],
  submit: ['destructive'], force: ['destructive'], recursive: ['destructive'], cascade: ['destructive'], overwrite: ['destructive'], purge: ['destructive'], hard: ['destructive'],
  truncate: ['destructive'], amend: ['destructive'],
  password: ['sensitive'], secret: ['sensitive'], token: ['sensitive'], apikey: ['sensitive'], credentials: ['sensitive'],
};

/** Signal labels of a parameter or text that takes code or a command to run (`start_process(command)`). */
export const CODE_PARAMETER_LABELS: ReadonlySet<string> = new Set(['param:command', 'param:cmd', 'param:commands', 'param:shell', 'param:bash', 'param:script', 'param:python', 'param:code', 'param:javascript', 'param:js', 'param-text:runs-code']);
/** Signal labels of queries the caller writes in a language that can change data (SQL and the like). */
export const WRITABLE_QUERY_LABELS: ReadonlySet<string> = new Set(['param:sql', 'param:sql-query', 'param:database-query', 'phrase:arbitrary', 'phrase:query-language']);

/** Parameters whose enum lists the operations a tool fronts (`action: "list" | "create" | "delete"`). */
export const ACTION_PARAMETER = /^(action|actions|operation|operations|op|method|command|subcommand|mode|type|task|verb)$/i;

/** Verbs that say only that a tool fronts operations ("Manage Datadog users", `handle_invoices`): its operations say what it does. */
export const UMBRELLA_VERBS: ReadonlySet<string> = new Set(['verb:manage', 'verb:management', 'verb:handle']);

/** Verbs that write a file at the path named (`write_file`, `push_files`): the file may already exist. */
export const FILE_WRITING_VERBS: ReadonlySet<string> = new Set(['verb:write', 'verb:save', 'verb:push', 'verb:put']);
export const FILE_NOUNS: ReadonlySet<string> = new Set(['file', 'files']);

/** Parameter words naming a file system location (for path conditions in policies). */
export const PATH_WORDS = new Set(['path', 'paths', 'file', 'files', 'filepath', 'filename', 'directory', 'dir', 'folder', 'root', 'cwd', 'source', 'destination', 'dest', 'target']);
/** Parameter words naming a URL (for host conditions in policies). */
export const URL_WORDS = new Set(['url', 'uri', 'urls', 'href', 'endpoint', 'website', 'webhook', 'link']);

const forms = new Map<string, { lemma: string; effects: SignalEffect[] }>();
for (const [rawLemma, effects] of Object.entries(VERBS)) {
  const lemma = rawLemma.replace(/_$/, '');
  const add = (form: string) => {
    if (!forms.has(form)) forms.set(form, { lemma, effects });
  };
  add(lemma);
  add(`${lemma}s`);
  add(`${lemma}es`);
  if (lemma.endsWith('e')) {
    add(`${lemma}d`);
    add(`${lemma.slice(0, -1)}ing`);
  } else if (lemma.endsWith('y') && !/[aeiou]y$/.test(lemma)) {
    add(`${lemma.slice(0, -1)}ies`);
    add(`${lemma.slice(0, -1)}ied`);
    add(`${lemma}ing`);
  } else {
    add(`${lemma}ed`);
    add(`${lemma}ing`);
    // run → running, stop → stopped
    if (/[^aeiou][aeiou][bdgmnprt]$/.test(lemma)) {
      add(`${lemma}${lemma.at(-1)}ed`);
      add(`${lemma}${lemma.at(-1)}ing`);
    }
  }
}
// a change undone (`unconfirm`, "Unpublishes a post", `unassign_ticket`): un- and a verb that creates or changes things
// changes an existing thing back, in place (not purely additive). What undoing a privileged act does stays privileged
// (`uninvite`). Verbs with a sense of their own keep it (`uninstall`, `unregister`, `uncordon`, `unlock`); reading verbs are
// not undone (`unread`, `unlist` are adjectives or other words), nor are deleting ones (`unclear`, `unclean`); participles
// and "-ing" forms are left out, being mostly adjectives ("unsaved changes", "unmodified files", "unending").
for (const [form, { lemma, effects }] of [...forms]) {
  if (!effects.includes('write') || effects.includes('destructive') || effects.includes('execute') || lemma.startsWith('un')) continue;
  if (/(ed|en|ing)$/.test(form) && form !== lemma) continue;
  const undone = `un${lemma}`;
  if (Object.hasOwn(VERBS, undone)) continue;
  if (!forms.has(`un${form}`)) forms.set(`un${form}`, { lemma: undone, effects: effects.includes('privileged') ? ['write', 'privileged'] : ['write'] });
  if (!VERB_SCOPE.has(undone)) VERB_SCOPE.set(undone, 'in-place');
}
// irregular forms
for (const [form, lemma] of [['ran', 'run'], ['sent', 'send'], ['made', 'make'], ['wrote', 'write'], ['written', 'write'], ['bought', 'buy'], ['paid', 'pay'], ['built', 'build'], ['found', 'find'], ['read', 'read']] as const) {
  forms.set(form, { lemma, effects: VERBS[lemma]! });
}

/** Verbs only in prose ("Use this tool to setup a repository"): in a name they are mostly nouns (`flightbox_setup`, `get_setup_guide`, `setup_app_password`). */
const PROSE_ONLY_VERBS = new Set(['setup']);

/** The verb a word of a name is a form of, if any (what `verbOf` says, less the verbs only prose uses). */
export function nameVerbOf(word: string): { lemma: string; effects: SignalEffect[] } | undefined {
  const verb = verbOf(word);
  return verb && PROSE_ONLY_VERBS.has(verb.lemma) ? undefined : verb;
}

/** The verb a word is a form of, if any; a verb done again (`redeploy`, `resends`, `repay`; not `rego`) is that verb. */
export function verbOf(word: string): { lemma: string; effects: SignalEffect[] } | undefined {
  const known = forms.get(word);
  if (known || !word.startsWith('re') || word.length < 5) return known;
  return doneAgain(word);
}

// (words such as "repository", "request" and "result" are asked about again and again: each answer is worked out once,
// which is safe as `forms` is complete once this module has loaded; the cache is bounded as words come from servers)
const DONE_AGAIN = new Map<string, { lemma: string; effects: SignalEffect[] } | null>();
function doneAgain(word: string): { lemma: string; effects: SignalEffect[] } | undefined {
  let verb = DONE_AGAIN.get(word);
  if (verb === undefined) {
    const again = forms.get(word.slice(2));
    verb = again && again.effects.length > 0 ? again : null;
    if (DONE_AGAIN.size >= 4096) DONE_AGAIN.clear();
    DONE_AGAIN.set(word, verb);
  }
  return verb ?? undefined;
}
