// The only definition of every record ToolRisk reads or writes. Other modules import their types
// from here (z.infer). Field order in each z.object is the key order of the files on disk: the
// serializer (data/serialize.ts) writes what these schemas output, in this order.
import { z } from 'zod';

/** Any JSON object, kept as it came (JSON Schemas, _meta, capabilities). */
export const JsonObjectSchema = z.record(z.string(), z.unknown());

// ---------------------------------------------------------------------------------------------
// The index: the official MCP Registry's server.json, plus ToolRisk's own crawl settings.
// ---------------------------------------------------------------------------------------------

export const InputSchema = z.object({
  description: z.string().optional(),
  isRequired: z.boolean().optional(),
  format: z.string().optional(),
  value: z.string().optional(),
  isSecret: z.boolean().optional(),
  default: z.string().optional(),
  choices: z.array(z.string()).optional(),
});

/** A package or runtime argument: `positional` (a value) or `named` (a flag with an optional value). */
export const ArgumentSchema = z.object({
  type: z.enum(['positional', 'named']),
  name: z.string().optional(),
  valueHint: z.string().optional(),
  isRepeated: z.boolean().optional(),
  ...InputSchema.shape,
});

export const KeyValueInputSchema = z.object({
  name: z.string().min(1),
  ...InputSchema.shape,
});

export const TransportSchema = z.object({
  type: z.enum(['stdio', 'streamable-http', 'sse']),
  url: z.string().optional(),
  headers: z.array(KeyValueInputSchema).optional(),
});

export const PackageSchema = z.object({
  /** npm, pypi, oci, nuget, mcpb; the crawler launches npm, pypi and oci. */
  registryType: z.string().min(1),
  registryBaseUrl: z.string().optional(),
  identifier: z.string().min(1),
  version: z.string().optional(),
  runtimeHint: z.string().optional(),
  transport: TransportSchema.optional(),
  runtimeArguments: z.array(ArgumentSchema).optional(),
  packageArguments: z.array(ArgumentSchema).optional(),
  environmentVariables: z.array(KeyValueInputSchema).optional(),
});

export const RemoteSchema = z.object({
  type: z.enum(['streamable-http', 'sse']),
  url: z.string().min(1),
  headers: z.array(KeyValueInputSchema).optional(),
});

export const RepositorySchema = z.object({
  url: z.string(),
  source: z.string().optional(),
  id: z.string().optional(),
  subfolder: z.string().optional(),
});

/** The official MCP Registry's server.json (the fields ToolRisk uses; others are dropped). */
export const ServerJsonSchema = z.object({
  name: z.string().min(1).max(200),
  title: z.string().optional(),
  description: z.string().default(''),
  version: z.string().default(''),
  websiteUrl: z.string().optional(),
  repository: RepositorySchema.optional(),
  packages: z.array(PackageSchema).optional(),
  remotes: z.array(RemoteSchema).optional(),
});

/** Where a server's tools come from when it cannot run on the crawling machine. */
export const StaticSourceSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('recorded'),
    /** A recorded tools/list file, relative to the data folder (e.g. `recorded/x.json`). */
    file: z.string().min(1),
  }),
  z.object({
    kind: z.literal('server-card'),
    /** An MCP Server Card URL (`https://host/.well-known/mcp/server-card.json`). */
    url: z.string().min(1),
  }),
]);

/** ToolRisk's per-entry crawl settings. `{workdir}` and `{home}` in values are replaced by the server's fresh folders. */
export const CrawlSettingsSchema = z.object({
  /** Extra arguments appended to the launch command. */
  arguments: z.array(z.string()).optional(),
  /** Placeholder values for the environment variables the server requires. Never real secrets. */
  placeholders: z.record(z.string(), z.string()).optional(),
  /** Time limit per stage in ms (default 60,000; the first npx install gets more). */
  timeoutMs: z.number().int().positive().optional(),
  /** Use a static source instead of launching the server. */
  source: StaticSourceSchema.optional(),
  /** The server needs the network to list its tools; the sandbox lets it out, and its page says so. */
  network: z.boolean().optional(),
  /** The package's install scripts must run for the server to start (they are off otherwise). */
  installScripts: z.boolean().optional(),
  /** The bin to run, for a package with several. */
  bin: z.string().optional(),
  /** Why and from what the entry was added, for entries not synced from a registry (`toolrisk add`). */
  origin: z
    .object({
      /** `npm`: chosen by npm downloads; `server.json`: the package's repository publishes one. */
      kind: z.enum(['npm', 'server.json', 'hand']),
      /** The date the entry was added (YYYY-MM-DD). */
      addedAt: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
      /** Monthly npm downloads when it was chosen. */
      downloadsPerMonth: z.number().int().nonnegative().optional(),
      /** Where the server.json was read (`owner/repo/path`), or a note on how the entry was made. */
      detail: z.string().optional(),
    })
    .optional(),
});

/** One line of a `toolrisk add --from` file: an npm package to index, and what is known about starting it. */
export const NpmCandidateSchema = z.strictObject({
  package: z.string().min(1).max(214),
  /** An exact version; the latest when left out. */
  version: z.string().max(100).optional(),
  /** Environment variables the server needs to start (placeholders are made up for them). */
  env: z.array(z.string().max(200)).max(100).optional(),
  /** Placeholder values chosen by hand, by variable name (never real secrets). */
  placeholders: z.record(z.string(), z.string()).optional(),
  /** Arguments the server needs to start (a root folder as `{workdir}`, a URL on 127.0.0.1). */
  arguments: z.array(z.string()).optional(),
  /** The bin to run, for a package with several. */
  bin: z.string().optional(),
  downloadsPerMonth: z.number().int().nonnegative().optional(),
  /** The server.json the package's repository publishes, and where it was read (`owner/repo/path`). */
  serverJson: z.unknown().optional(),
  serverJsonFrom: z.string().optional(),
});

/** Registry bookkeeping for entries synced from a registry API. */
export const RegistryMetaSchema = z.object({
  baseUrl: z.string(),
  status: z.string().optional(),
  publishedAt: z.string().optional(),
  updatedAt: z.string().optional(),
});

/** One file in `data/index/`: one server. */
export const IndexEntrySchema = z.object({
  server: ServerJsonSchema,
  crawl: CrawlSettingsSchema.default({}),
  registry: RegistryMetaSchema.optional(),
});

// ---------------------------------------------------------------------------------------------
// MCP tool definitions, as a server lists them.
// ---------------------------------------------------------------------------------------------

export const ToolAnnotationsSchema = z.object({
  title: z.string().optional(),
  readOnlyHint: z.boolean().optional(),
  destructiveHint: z.boolean().optional(),
  idempotentHint: z.boolean().optional(),
  openWorldHint: z.boolean().optional(),
});

/** A JSON Schema for tool input: the MCP spec requires an object schema. */
export const ToolInputSchemaSchema = z
  .object({ type: z.literal('object') })
  .catchall(z.unknown());

export const McpToolSchema = z.object({
  name: z.string().min(1),
  title: z.string().optional(),
  description: z.string().optional(),
  inputSchema: ToolInputSchemaSchema,
  outputSchema: ToolInputSchemaSchema.optional(),
  annotations: ToolAnnotationsSchema.optional(),
  _meta: JsonObjectSchema.optional(),
});

// ---------------------------------------------------------------------------------------------
// Crawl snapshots: `data/crawled/<server-slug>.json`.
// ---------------------------------------------------------------------------------------------

/** How the crawler reached the server (or its static description). */
export const LaunchPlanSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('stdio'),
    /** `npm`, `pypi`, `oci`, or `command` for a command given on the command line. */
    from: z.enum(['npm', 'pypi', 'oci', 'command']),
    command: z.string(),
    args: z.array(z.string()),
    /** Names of the placeholder variables set (values are placeholders, kept out of the record). */
    placeholderVariables: z.array(z.string()),
    /** True when npx (or uvx) may have to install the package first. */
    installs: z.boolean(),
  }),
  z.object({
    kind: z.literal('http'),
    url: z.string(),
    /** Transports tried in order. */
    transports: z.array(z.enum(['streamable-http', 'sse'])),
  }),
  z.object({ kind: z.literal('recorded'), file: z.string() }),
  z.object({ kind: z.literal('server-card'), url: z.string() }),
]);

/** How the tools in a snapshot were obtained; pages say so. */
export const ToolSourceSchema = z.enum(['stdio', 'streamable-http', 'sse', 'recorded', 'server-card']);

export const CrawlStageSchema = z.enum(['plan', 'install', 'start', 'initialize', 'list', 'read']);

/** Where a server's code ran: in bubblewrap (with or without network), or as a plain child process. */
export const SandboxFactsSchema = z.object({
  kind: z.enum(['bubblewrap', 'none']),
  network: z.boolean(),
});

export const CrawlFailureSchema = z.object({
  stage: CrawlStageSchema,
  reason: z.string(),
});

export const CrawlWarningSchema = z.object({
  /** Machine-readable kind, e.g. `invalid-tool`, `tool-name`, `stdout-noise`, `duplicate-tool`. */
  code: z.string(),
  /** The tool concerned, if any. */
  tool: z.string().optional(),
  message: z.string(),
});

export const TimingsSchema = z.object({
  installMs: z.number().optional(),
  startMs: z.number().optional(),
  initializeMs: z.number().optional(),
  listMs: z.number().optional(),
  totalMs: z.number(),
});

export const ServerInfoSchema = z.object({
  name: z.string(),
  title: z.string().optional(),
  version: z.string(),
});

export const InitializeFactsSchema = z.object({
  protocolVersion: z.string().optional(),
  serverInfo: ServerInfoSchema.optional(),
  capabilities: JsonObjectSchema.optional(),
  instructions: z.string().optional(),
});

/**
 * A tool the server listed that is not a valid MCP tool definition. When it has a name, a repaired
 * copy (its schema made an object schema, malformed fields dropped) is kept in `tools` and
 * classified with a note; the record keeps what was wrong.
 */
export const InvalidToolSchema = z.object({
  index: z.number().int(),
  name: z.string().optional(),
  problems: z.array(z.string()),
  /** True when a repaired copy is in the snapshot's `tools`. */
  repaired: z.boolean().optional(),
  /** The definition as listed, as JSON text, cut at 64 KiB. */
  definition: z.string(),
});

export const ToolChangeSchema = z.object({ name: z.string(), fingerprint: z.string() });

export const HistoryEventSchema = z.object({
  date: z.string(),
  added: z.array(ToolChangeSchema),
  removed: z.array(ToolChangeSchema),
  changed: z.array(z.object({ name: z.string(), from: z.string(), to: z.string() })),
});

export const CrawlSnapshotSchema = z.object({
  /** File name (without `.json`) in `data/crawled/`; derived from `name` by serverSlug(). */
  slug: z.string(),
  /** The server's registry name. */
  name: z.string(),
  status: z.enum(['ok', 'failed']),
  failure: CrawlFailureSchema.optional(),
  source: ToolSourceSchema.optional(),
  crawledAt: z.string(),
  /** When the server last listed its tools successfully, and the entry version it had then. */
  lastOkAt: z.string().optional(),
  lastOkVersion: z.string().optional(),
  entry: ServerJsonSchema,
  launch: LaunchPlanSchema.optional(),
  /** Where the server's code ran (absent for remote servers and static sources: no local code ran). */
  sandbox: SandboxFactsSchema.optional(),
  timings: TimingsSchema,
  initialize: InitializeFactsSchema.optional(),
  tools: z.array(McpToolSchema),
  /** Each tool's sha256 of its canonical definition, in the order of `tools`. */
  fingerprints: z.array(ToolChangeSchema),
  invalidTools: z.array(InvalidToolSchema),
  warnings: z.array(CrawlWarningSchema),
  /** The tail of the server's stderr, capped. */
  stderr: z.string().optional(),
  history: z.array(HistoryEventSchema),
});

// ---------------------------------------------------------------------------------------------
// Static sources.
// ---------------------------------------------------------------------------------------------

/** A recorded tools/list result, as in `data/recorded/` (tools are validated one by one on read). */
export const RecordedToolsFileSchema = z.object({
  server: ServerJsonSchema,
  source: JsonObjectSchema.optional(),
  tools: z.array(z.unknown()),
});

/** The parts of an MCP Server Card (SEP-1649, `/.well-known/mcp/server-card.json`) ToolRisk reads. */
export const ServerCardSchema = z.object({
  serverInfo: ServerInfoSchema.optional(),
  name: z.string().optional(),
  description: z.string().optional(),
  protocolVersion: z.string().optional(),
  capabilities: JsonObjectSchema.optional(),
  instructions: z.string().optional(),
  tools: z.union([z.array(z.unknown()), z.literal('dynamic')]).optional(),
});

export type Input = z.infer<typeof InputSchema>;
export type Argument = z.infer<typeof ArgumentSchema>;
export type KeyValueInput = z.infer<typeof KeyValueInputSchema>;
export type Package = z.infer<typeof PackageSchema>;
export type Remote = z.infer<typeof RemoteSchema>;
export type ServerJson = z.infer<typeof ServerJsonSchema>;
export type CrawlSettings = z.infer<typeof CrawlSettingsSchema>;
export type NpmCandidate = z.infer<typeof NpmCandidateSchema>;
export type StaticSource = z.infer<typeof StaticSourceSchema>;
export type IndexEntry = z.infer<typeof IndexEntrySchema>;
export type ToolAnnotations = z.infer<typeof ToolAnnotationsSchema>;
export type McpTool = z.infer<typeof McpToolSchema>;
export type LaunchPlan = z.infer<typeof LaunchPlanSchema>;
export type ToolSource = z.infer<typeof ToolSourceSchema>;
export type CrawlStage = z.infer<typeof CrawlStageSchema>;
export type SandboxFacts = z.infer<typeof SandboxFactsSchema>;
export type CrawlFailure = z.infer<typeof CrawlFailureSchema>;
export type CrawlWarning = z.infer<typeof CrawlWarningSchema>;
export type Timings = z.infer<typeof TimingsSchema>;
export type InitializeFacts = z.infer<typeof InitializeFactsSchema>;
export type InvalidTool = z.infer<typeof InvalidToolSchema>;
export type HistoryEvent = z.infer<typeof HistoryEventSchema>;
export type CrawlSnapshot = z.infer<typeof CrawlSnapshotSchema>;
export type RecordedToolsFile = z.infer<typeof RecordedToolsFileSchema>;
export type ServerCard = z.infer<typeof ServerCardSchema>;

// ---------------------------------------------------------------------------------------------
// Classifications: `data/classified/<server-slug>.json`.
// ---------------------------------------------------------------------------------------------

export const CategorySchema = z.enum(['read', 'write', 'execute']);
export const RiskSchema = z.enum(['low', 'medium', 'high', 'critical']);
export const RISK_LEVELS = RiskSchema.options;
export const CATEGORIES = CategorySchema.options;

/** Where in a tool's definition a piece of text was found. */
export const LocationSchema = z.union([
  z.enum(['name', 'title', 'description', 'server']),
  /** `inputSchema.properties.<name>[.properties.<name>…]` and optionally `.description`, `.enum`, `.default` or `.examples`; `outputSchema.…` the same for the output */
  z.string().regex(/^(inputSchema|outputSchema)\./),
  /** `annotations.<hint>` */
  z.string().regex(/^annotations\./),
]);

/** A quote from the definition: `text` is an exact substring of the text at `where`. */
export const QuoteSchema = z.object({
  where: LocationSchema,
  text: z.string(),
});

export const SignalFamilySchema = z.enum(['name', 'title', 'description', 'parameter', 'server', 'annotation']);

/** What a signal says about the tool. */
export const SignalEffectSchema = z.enum([
  'read',
  'write',
  'execute',
  'destructive',
  'financial',
  'openWorld',
  'sensitive',
  'privileged',
  'broad',
  'negation',
  'messaging',
]);
export const SIGNAL_EFFECTS = SignalEffectSchema.options;

export const SignalSchema = z.object({
  family: SignalFamilySchema,
  effect: SignalEffectSchema,
  /** Short machine label, e.g. `verb:delete`, `param:command`, `phrase:read-only`. */
  label: z.string(),
  /** How much it counts (annotations weigh less than the definition's own words). */
  weight: z.number(),
  where: LocationSchema,
  text: z.string(),
  /** The id of the rule that concluded it (`classifier/rules/<family>/<id>.yaml`, `/rules/#<id>`). */
  rule: z.string(),
});

export const DescriptionWarningKindSchema = z.enum([
  // poisoning: text aimed at the model that tries to make it do something other than call this tool
  'hidden-instructions',
  'system-override',
  'fake-markers',
  'compliance-directive',
  'tool-coercion',
  'tool-shadowing',
  'argument-tampering',
  'concealment',
  'exfiltration',
  'covert-collection',
  'secret-access',
  'command-injection',
  'filesystem-tampering',
  'invisible-unicode',
  // said openly, not poisoning: a parameter that asks for what the user said, the model's instructions or its identity
  'conversation-collection',
  // notes
  'unknown-tool-reference',
  'extreme-length',
  'shouting',
  'hidden-characters',
  'invalid-definition',
  'truncated-analysis',
]);

/**
 * `poisoning`: text aimed at the model that tries to steer it (the tool becomes critical and is
 * hidden in every policy). `note`: a weak signal shown on the page that never changes risk or policy.
 */
/** poisoning: critical and hidden; high: at least high risk, and a policy rule of its own; note: changes nothing. */
export const WarningSeveritySchema = z.enum(['poisoning', 'high', 'note']);

export const DescriptionWarningSchema = z.object({
  kind: DescriptionWarningKindSchema,
  severity: WarningSeveritySchema,
  /** The id of the rule that raised it (`classifier/rules/<family>/<id>.yaml`, `/rules/#<id>`). */
  rule: z.string(),
  message: z.string(),
  evidence: QuoteSchema,
  /** The whole sentence the evidence is in, as the model reads it (hidden text decoded). */
  sentence: z.string().optional(),
  /** True when the sentence was hidden from people (invisible Unicode, reversed text) and is shown decoded. */
  decoded: z.boolean().optional(),
});

// ---------------------------------------------------------------------------------------------
// Classifier rules: `classifier/rules/<family>/<id>.yaml`, one rule a file.
// ---------------------------------------------------------------------------------------------

export const RuleFamilySchema = z.enum(['actions', 'objects', 'flags', 'risk', 'poisoning', 'notes']);
export const RULE_FAMILIES = RuleFamilySchema.options;

/** The parts of a definition a rule reads. */
export const RuleFieldSchema = z.enum(['name', 'title', 'description', 'parameter-names', 'parameter-descriptions', 'parameter-values', 'output-schema', 'annotations', 'server']);

/** A rule's example: a description alone, or a whole definition (with the names of its server's other tools when they matter). */
export const RuleExampleSchema = z.union([
  z.string().min(1),
  z.strictObject({
    name: z.string().min(1),
    title: z.string().optional(),
    description: z.string().optional(),
    inputSchema: z.record(z.string(), z.unknown()).optional(),
    outputSchema: z.record(z.string(), z.unknown()).optional(),
    annotations: z.record(z.string(), z.unknown()).optional(),
    /** Names of the server's other tools. */
    siblings: z.array(z.string()).optional(),
    /** The server the tool belongs to. */
    server: z.strictObject({ name: z.string(), description: z.string().optional() }).optional(),
    /** The description padded with words to this many characters (for rules about length). */
    padTo: z.number().int().positive().max(200_000).optional(),
    /** Why this example is here, when it is not plain. */
    note: z.string().optional(),
  }),
]);

/** A trigger word: one lower-case word, a whole token of the text. */
export const RuleWordSchema = z.string().regex(/^[\p{Ll}\p{Lo}\p{N}]+$/u, 'a trigger word is one lower-case word (letters and digits; the text is split at everything else)');
/** A rule's regex: at most 300 characters. */
export const RuleRegexSchema = z.string().min(1).max(300);
/** Regex flags (`i`, `u`, `s`, `m`); none means case-sensitive. */
export const RuleRegexFlagsSchema = z.string().regex(/^[imsu]*$/);

/** A pattern a data rule matches in the texts it reads: a short regex with named parts, gated by its trigger words. */
export const RulePatternSchema = z.strictObject({
  /** Words (lower case, whole tokens) of which a text must hold one before the regex is tried: the rule's trigger words. */
  words: z.array(RuleWordSchema).min(1).optional(),
  /** At most 300 characters; named groups (`(?<tool>…)`) can be quoted in the message. */
  regex: RuleRegexSchema.optional(),
  flags: RuleRegexFlagsSchema.optional(),
  /** The text is longer than this many characters. */
  longerThan: z.number().int().positive().optional(),
});

/**
 * A phrase a signal rule finds in a tool's title or description (read by classifier/signals.ts' proseSignals, in the first
 * 4,000 characters): where its regex first matches, the rule's one label is concluded with this effect and weight. The code
 * keeps what is particular to a label (a phrase past the first sentence weighs less or not at all; a negated text drops
 * destructive and executing phrases).
 */
export const RulePhraseSchema = z.strictObject({
  /**
   * Where the phrase stands among the phrases of every rule (lowest first, each number once): proseSignals tries them, and a
   * tool's signals list them, in this order (which reaches data/classified/ and the rationales).
   */
  order: z.number().int().nonnegative(),
  effect: SignalEffectSchema,
  /** The signal's weight where the phrase is in the first sentence. */
  weight: z.number().nonnegative(),
  /** The phrase is tried only on a text holding one of these words: every match of the regex must hold one. */
  words: z.array(RuleWordSchema).min(1),
  /** The pattern (at most 300 characters); or `anyOf`. */
  regex: RuleRegexSchema.optional(),
  /**
   * A long alternation in parts (`a|b|c` as `a|b` and `c`), each at most 300 characters: the match is the one that starts
   * first, and of two at the same place the earlier part's, as the single alternation's would be.
   */
  anyOf: z.array(RuleRegexSchema).min(2).optional(),
  flags: RuleRegexFlagsSchema.optional(),
});

/** The named checks of the engine that a data rule may ask for beside its pattern. */
export const RulePredicateSchema = z.enum([
  /** The named group `tool` names none of the server's listed tools, nor the tool itself. */
  'names-unlisted-tool',
  /** No poisoning rule found invisible Unicode hiding text in the tool. */
  'no-invisible-unicode-warning',
  /** Near the match (the sentence before it, its own, the start of the next) a tool is named whose name's verb changes, sends, runs or pays. */
  'names-changing-tool',
]);

export const RuleConclusionSchema = z.union([
  z.strictObject({
    signal: z.strictObject({
      /** The signal labels the rule gives (`verb:*` stands for every `verb:` label). */
      labels: z.array(z.string().regex(/^[a-z-]+:(\*|[\w.-]+)$/)).min(1),
      effects: z.array(SignalEffectSchema).min(1),
    }),
  }),
  z.strictObject({
    warning: z.strictObject({
      kind: DescriptionWarningKindSchema,
      severity: WarningSeveritySchema,
      /** For data rules, the warning's message: `{match}`, `{length}`, `{codepoint}` and named groups (`{tool}`) are filled in. */
      message: z.string().optional(),
    }),
  }),
]);

export const RuleSchema = z.strictObject({
  /** Stable, kebab-case, the file's name. */
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
  family: RuleFamilySchema,
  reads: z.array(RuleFieldSchema).min(1),
  /**
   * One of three: data rules give `pattern` (classifier/engine/data-rules.ts runs them), signal rules of phrases give
   * `phrases`, and a rule that needs code names the file its logic lives in.
   */
  code: z.string().regex(/^classifier\/[\w/.-]+\.ts$/).optional(),
  pattern: RulePatternSchema.optional(),
  /** The phrases that conclude the rule's one signal label, for a signal rule of phrases. */
  phrases: z.array(RulePhraseSchema).min(1).optional(),
  /** Texts the pattern matches but the rule must not fire on. */
  unless: RulePatternSchema.optional(),
  predicates: z.array(RulePredicateSchema).optional(),
  concludes: RuleConclusionSchema,
  /** What the rule looks for and why it matters, in general (the /rules/ page shows it). */
  why: z.string().min(10),
  /**
   * The clause a tool's rationale gives when this rule's signal of an effect decides the tool's risk, in that tool's words:
   * `{text}` stands for what the rule matched there ("it mints {text}, which grant access beyond the call").
   */
  because: z.partialRecord(SignalEffectSchema, z.string().min(10).regex(/\{text\}/, 'says {text}, the words the rule matched in the tool')).optional(),
  /**
   * What the rule was written from, for the leave-one-source-out figures (`npm run eval` measures each set also without
   * the rules written from it): `own:<batch>` (an own batch of tests/poisoning/), `public:<owner/repo>` (a source of the
   * public corpus), `set:<file>` (another set of tests/poisoning/, such as `set:public3`), or `vocabulary` (what an attacker
   * must say, from no set).
   */
  source: z.array(z.string().regex(/^(own:[\w-]+|public:[\w.-]+\/[\w.-]+|set:[\w-]+|vocabulary)$/)).min(1).optional(),
  /** OWASP MCP Top 10 (`MCP03:2025`) and SAFE-MCP technique (`SAFE-T1001`) ids, where they fit. */
  references: z.array(z.string().regex(/^(MCP\d{2}:\d{4}|SAFE-T\d{4}(\.\d{3})?)$/)).optional(),
  examples: z.strictObject({
    match: z.array(RuleExampleSchema).min(1),
    noMatch: z.array(RuleExampleSchema).min(1),
    /** Known misses, kept honestly: they must still not match (move one to `match` when the rule learns it). */
    todo: z.array(RuleExampleSchema).optional(),
  }),
});
export type Rule = z.infer<typeof RuleSchema>;
export type RuleExample = z.infer<typeof RuleExampleSchema>;
export type RulePhrase = z.infer<typeof RulePhraseSchema>;
export type RuleFamily = z.infer<typeof RuleFamilySchema>;
export type RuleField = z.infer<typeof RuleFieldSchema>;

export const DestructiveScopeSchema = z.enum(['none', 'in-place', 'item', 'broad']);

export const OperationSchema = z.object({
  /** The operation as the definition names it (an enum value, or a verb listed in the description). */
  name: z.string(),
  where: LocationSchema,
  category: CategorySchema,
  destructiveScope: DestructiveScopeSchema,
  risk: RiskSchema,
  /** True for the operation that decided the tool's category and risk. */
  decisive: z.boolean(),
});

export const AnnotationHintSchema = z.enum(['readOnlyHint', 'destructiveHint', 'idempotentHint', 'openWorldHint']);

export const AnnotationComparisonSchema = z.object({
  declared: ToolAnnotationsSchema.omit({ title: true }),
  inferred: z.object({ readOnlyHint: z.boolean(), destructiveHint: z.boolean(), openWorldHint: z.boolean() }),
  contradictions: z.array(z.object({ hint: AnnotationHintSchema, declared: z.boolean(), inferred: z.boolean(), message: z.string() })),
});

// Intercept policies (PolicyLayer/Intercept POLICY.md). The model keeps tools as a list so any tool
// name, `__proto__` included, survives; renderers turn it into the documented object form.
export const WindowSchema = z.enum(['minute', 'hour', 'day']);
export const OperatorSchema = z.enum(['eq', 'neq', 'in', 'not_in', 'lt', 'lte', 'gt', 'gte', 'regex', 'contains', 'exists']);

export const ConditionSchema = z.object({
  path: z.string(),
  op: OperatorSchema,
  value: z.unknown(),
});

export const StateSchema = z.object({
  counter: z.string(),
  window: WindowSchema,
  increment: z.number().optional(),
  increment_from: z.string().optional(),
});

export const PolicyRuleSchema = z.object({
  name: z.string(),
  action: z.enum(['evaluate', 'deny']).optional(),
  conditions: z.array(ConditionSchema).optional(),
  rate_limit: z.string().optional(),
  state: StateSchema.optional(),
  on_deny: z.string().optional(),
});

const ToolPolicyCoreSchema = z.object({
  tool: z.string(),
  /** allow: listed with no rules; limit: rate and argument rules; deny: a deny rule; hide: hidden. */
  choice: z.enum(['allow', 'limit', 'deny', 'hide']),
  rules: z.array(PolicyRuleSchema),
  /** Hosted-gateway limits for the tool (empty for allow; absent tools are denied by default). */
  limits: z.array(z.object({ counter: z.string(), window: WindowSchema, max: z.number().int().positive(), scope: z.literal('grant') })),
  /** Placeholders in the rules that the user must edit, with what they stand for. */
  placeholders: z.array(z.object({ name: z.string(), meaning: z.string() })),
});

export const ToolPolicySchema = ToolPolicyCoreSchema.extend({
  /**
   * A looser variant offered beside the recommendation, for a user who accepts its trade-off (money
   * movement: capped amounts instead of human approval). Never applied unless the user picks it.
   */
  alternative: ToolPolicyCoreSchema.extend({ label: z.string() }).optional(),
});

export const PolicyModelSchema = z.object({
  description: z.string(),
  default: z.enum(['allow', 'deny']),
  tools: z.array(ToolPolicySchema),
});

/** A verdict in brief: what the rules or a model decided. */
export const VerdictSummarySchema = z.object({
  category: CategorySchema,
  destructive: z.boolean(),
  financial: z.boolean(),
  openWorld: z.boolean(),
  sensitive: z.boolean(),
  risk: RiskSchema,
});

/**
 * A model's answer for one tool, as the model must give it (the response_format schema is made from
 * this). Every evidence quote must be an exact substring of the tool's definition.
 */
export const ModelAnswerSchema = z.strictObject({
  ...VerdictSummarySchema.shape,
  rationale: z.string(),
  evidence: z.array(z.string()),
  /** Whether the definition carries text aimed at the model that tries to steer it (a second opinion on poisoning). */
  poisoning: z.boolean(),
  /** The sentence that does, copied exactly; empty when there is none. */
  poisoningQuote: z.string(),
});

export const ReviewedFieldSchema = z.enum(['category', 'destructive', 'financial', 'openWorld', 'sensitive', 'risk']);

/** A model's review of a tool, merged into its classification (`toolrisk classify --llm`). */
export const ModelReviewSchema = z.object({
  model: z.string(),
  promptVersion: z.string(),
  status: z.enum(['ok', 'failed']),
  /** The rules' verdict, before the model's was merged in. */
  rules: VerdictSummarySchema,
  /** The model's verdict, when it gave a valid answer. */
  answer: VerdictSummarySchema.extend({ rationale: z.string(), evidence: z.array(QuoteSchema) }).optional(),
  /** The model's second opinion on tool poisoning, shown as such: it never replaces the rules' finding. */
  poisoning: z.object({ poisoning: z.boolean(), quote: QuoteSchema.optional(), borderline: z.boolean() }).optional(),
  /** Where the model and the rules disagree, and what the merged verdict took. */
  disagreements: z.array(z.object({ field: ReviewedFieldSchema, rules: z.string(), model: z.string(), outcome: z.string() })),
  /** Why no answer of the model was used (the rules' verdict stands). */
  error: z.string().optional(),
});

export const ClassificationSchema = z.object({
  tool: z.string(),
  fingerprint: z.string(),
  category: CategorySchema,
  destructive: z.boolean(),
  financial: z.boolean(),
  openWorld: z.boolean(),
  sensitive: z.boolean(),
  warnings: z.array(DescriptionWarningSchema),
  /**
   * How much a destructive change can lose (MCP destructiveHint meaning: any change that is not
   * purely additive): `none` (reads, and purely additive changes), `in-place` (updates, moves or
   * cancels existing things), `item` (deletes or overwrites the whole of one item), `broad` (a
   * container of many items, many by a filter, or irreversible history).
   */
  destructiveScope: DestructiveScopeSchema,
  /** For a tool that fronts many operations: each operation found, with its own verdict. */
  operations: z.array(OperationSchema),
  risk: RiskSchema,
  score: z.number().int().min(0).max(100),
  confidence: z.number().min(0).max(1),
  signals: z.array(SignalSchema),
  /** Sentences generated from the signals; the badge, the pages and the FAQ use these. */
  rationale: z.array(z.string()),
  evidence: z.array(QuoteSchema),
  annotations: AnnotationComparisonSchema,
  policy: ToolPolicySchema,
  /** A model's review, when model-assisted classification was used; the fields above are then the merged verdict. */
  review: ModelReviewSchema.optional(),
  /** The definition changed between crawls and the new one carries poisoning: a rug pull. */
  rugPull: z.object({ date: z.string(), previousFingerprint: z.string() }).optional(),
});

/** Cached model answers for one server's tools: `data/llm/<server-slug>.json`. */
export const ModelAnswerCacheSchema = z.object({
  slug: z.string(),
  name: z.string(),
  entries: z.array(
    z.object({
      tool: z.string(),
      fingerprint: z.string(),
      model: z.string(),
      promptVersion: z.string(),
      askedAt: z.string(),
      status: z.enum(['ok', 'failed']),
      answer: ModelAnswerSchema.optional(),
      error: z.string().optional(),
      usage: z.object({ inputTokens: z.number().int().min(0), outputTokens: z.number().int().min(0) }),
    }),
  ),
});

export const ClassifiedServerSchema = z.object({
  slug: z.string(),
  name: z.string(),
  tools: z.array(ClassificationSchema),
  /** The whole-server policy: every tool's recommended choice combined. */
  policy: PolicyModelSchema,
  /** Tools the classifier failed on, with the error: unknown, so never allowed (and absent from `tools`). */
  unclassified: z.array(z.object({ tool: z.string(), index: z.number().int().min(0), error: z.string() })).optional(),
});

/**
 * `data/classifier.json`: the classifier version the whole of data/classified/ was last made with,
 * recorded once (so a bump that changes no verdict rewrites no server's file). A run of another
 * version reclassifies every tool and rewrites only the files whose verdicts changed.
 */
export const ClassifierStateSchema = z.object({
  classifierVersion: z.string(),
});

export type Category = z.infer<typeof CategorySchema>;
export type Risk = z.infer<typeof RiskSchema>;
export type Location = z.infer<typeof LocationSchema>;
export type Quote = z.infer<typeof QuoteSchema>;
export type Signal = z.infer<typeof SignalSchema>;
/** A signal as the classifier's code gives it, before the rule that gives its label is attached. */
export type RawSignal = Omit<Signal, 'rule'>;
export type SignalEffect = z.infer<typeof SignalEffectSchema>;
export type DescriptionWarning = z.infer<typeof DescriptionWarningSchema>;
export type DescriptionWarningKind = z.infer<typeof DescriptionWarningKindSchema>;
export type WarningSeverity = z.infer<typeof WarningSeveritySchema>;
export type DestructiveScope = z.infer<typeof DestructiveScopeSchema>;
export type Operation = z.infer<typeof OperationSchema>;
export type AnnotationComparison = z.infer<typeof AnnotationComparisonSchema>;
export type Condition = z.infer<typeof ConditionSchema>;
export type PolicyRule = z.infer<typeof PolicyRuleSchema>;
export type ToolPolicy = z.infer<typeof ToolPolicySchema>;
export type PolicyModel = z.infer<typeof PolicyModelSchema>;
export type Classification = z.infer<typeof ClassificationSchema>;
export type ClassifiedServer = z.infer<typeof ClassifiedServerSchema>;
export type VerdictSummary = z.infer<typeof VerdictSummarySchema>;
export type ModelAnswer = z.infer<typeof ModelAnswerSchema>;
export type ModelReview = z.infer<typeof ModelReviewSchema>;
export type ModelAnswerCache = z.infer<typeof ModelAnswerCacheSchema>;
export type ModelAnswerCacheEntry = ModelAnswerCache['entries'][number];

// ---------------------------------------------------------------------------------------------
// The scan (`toolrisk scan`): the catalog's verdicts in brief, shipped with the package, and the
// lock file a team commits to notice when its servers' tools change.
// ---------------------------------------------------------------------------------------------

/** One tool's verdict in brief: what the scan reports and the policy it writes. */
/** One leg of the lethal trifecta a tool stands in, with the rule that put it there (scan/legs.ts). */
export const TrifectaLegSchema = z.object({
  /** private: it reads private data; untrusted: it reads content others wrote; exfiltration: it can send data out. */
  leg: z.enum(['private', 'untrusted', 'exfiltration']),
  rule: z.string(),
  /** What the tool does that puts it in the leg, as the report says it ("reads local files"). */
  why: z.string(),
  /** How well it shows the leg (3: the textbook case); the strongest tools are named. */
  strength: z.number().int().min(1).max(3),
});

export const ScanToolSchema = z.object({
  tool: z.string(),
  fingerprint: z.string(),
  category: CategorySchema,
  risk: RiskSchema,
  score: z.number().int().min(0).max(100),
  confidence: z.number().min(0).max(1),
  destructive: z.boolean(),
  destructiveScope: DestructiveScopeSchema,
  financial: z.boolean(),
  openWorld: z.boolean(),
  sensitive: z.boolean(),
  /** What the tool's signals said it does (the effects of its signals, deduplicated, in schema order). */
  effects: z.array(SignalEffectSchema),
  /** The rationale's sentences: what it does, its category, its risk with why. */
  why: z.array(z.string()),
  warnings: z.array(DescriptionWarningSchema.pick({ kind: true, severity: true, message: true })),
  /** Declared annotations the definition contradicts, in words. */
  contradictions: z.array(z.string()),
  /** The legs of the lethal trifecta it stands in. */
  legs: z.array(TrifectaLegSchema),
  policy: ToolPolicySchema,
});

export const ScanCatalogServerSchema = z.object({
  slug: z.string(),
  name: z.string(),
  title: z.string().optional(),
  /** The version the catalog crawled (the registry entry's). */
  version: z.string(),
  crawledAt: z.string(),
  status: z.enum(['ok', 'failed']),
  packages: z.array(z.object({ registryType: z.string(), identifier: z.string(), version: z.string().optional() })),
  remotes: z.array(z.object({ type: z.string(), url: z.string() })),
  tools: z.array(ScanToolSchema),
});

/** `catalog.json.gz` in the package, `/api/scan-catalog.json` on the site. */
export const ScanCatalogSchema = z.object({
  format: z.literal('toolrisk-scan-catalog/2'),
  /** The newest crawl in it (the catalog's date). */
  crawledUntil: z.string(),
  classifierVersion: z.string(),
  servers: z.array(ScanCatalogServerSchema),
});

/** `toolrisk.lock.json`: each configured server's version and tool fingerprints when it was locked. */
export const ScanLockSchema = z.object({
  lockfileVersion: z.literal(2),
  /** Whether the user's own configs (not the project's) were locked (`scan --lock --include-user`). */
  includeUser: z.boolean(),
  servers: z.array(
    z.object({
      /** The config file: relative to the project, `~/…` for the user's own, else absolute. */
      config: z.string(),
      /** The server's name in that file. */
      name: z.string(),
      /** What runs: `npm:pkg`, `pypi:pkg`, `oci:image`, a URL, or the command. */
      source: z.string(),
      version: z.string().optional(),
      tools: z.array(ToolChangeSchema),
    }),
  ),
});

export type ScanTool = z.infer<typeof ScanToolSchema>;
export type TrifectaLeg = z.infer<typeof TrifectaLegSchema>;
export type ScanCatalogServer = z.infer<typeof ScanCatalogServerSchema>;
export type ScanCatalog = z.infer<typeof ScanCatalogSchema>;
export type ScanLock = z.infer<typeof ScanLockSchema>;
