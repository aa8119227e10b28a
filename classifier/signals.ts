// Signals: every observation the classifier makes about a tool, each with the exact substring of
// the definition it came from and where. Pure functions.
import type { McpTool, RawSignal as Signal, SignalEffect } from '../data/schema.ts';
import {
  ACCESS_PLACES,
  ACTION_NOUNS,
  ACTION_PARAMETER,
  BILLED_MACHINES,
  BILLED_RESOURCES,
  BILLED_ON_CONDITION,
  BILLING_COMMITS,
  BROAD_NOUNS,
  CAPACITY_CHANGING_VERBS,
  CAPACITY_PARAMETER,
  PLACEMENT_PARAMETER,
  PROBED_OBJECTS,
  PROVISIONING_VERBS,
  CREDENTIAL_TOKEN_KINDS,
  OTHER_TOKEN_KINDS,
  CURSOR_WORDS,
  DATA_KEY_MODIFIERS,
  KEY_ADMIN_VERBS,
  FILE_NOUNS,
  HOST_APPS,
  IMPERSONAL_MODIFIERS,
  VERB_SCOPE,
  LIFECYCLE_OBJECTS,
  LIFECYCLE_VERBS,
  LIGHT_VERBS,
  MONEY_NOUNS,
  MONEY_RECORDS,
  PAYER_WORDS,
  NEUTRALIZERS,
  PARAMETERS,
  PERSONAL_NOUNS,
  PRIVILEGE_NOUNS,
  QUALIFIERS,
  RECORD_STORES,
  RETRIEVING_VERBS,
  RUNNING_OBJECTS,
  SENSITIVE_NOUNS,
  UI_ACTIONS,
  UI_ONLY,
  WHOLE_ITEM_OBJECTS,
  nameVerbOf,
  verbOf,
} from './lexicon.ts';
import { firstSentence, splitIdentifier, splitText, type Token } from './words.ts';
import { own } from '../data/own.ts';
import { locationKey } from '../data/location.ts';
import { phraseFinder, ruleSet, type RuleSet } from './engine/registry.ts';
import { inputProperties, type PropertyView } from './engine/properties.ts';

export { inputProperties, type PropertyView };

/**
 * A pure function of one string that keeps its last two answers: a tool's description is read by a dozen rules
 * one after another (its first sentence, that sentence's words), each answer is worked out once. Callers only read
 * what it returns.
 */
function lastTwo<T>(compute: (text: string) => T): (text: string) => T {
  let newer: { text: string; value: T } | undefined;
  let older: { text: string; value: T } | undefined;
  return (text) => {
    if (newer?.text === text) return newer.value;
    if (older?.text === text) return older.value;
    older = newer;
    newer = { text, value: compute(text) };
    return newer.value;
  };
}
/** The first sentence of a text (words.ts' firstSentence). */
export const sentenceOf: (text: string) => { readonly text: string; readonly start: number } = lastTwo(firstSentence);
/** The words of a sentence or title (words.ts' splitText). */
export const wordsOf: (text: string) => readonly Token[] = lastTwo(splitText);

export interface ServerContext {
  name: string;
  title?: string;
  description?: string;
}

export interface ServerTraits {
  /** A browser, UI or device automation server: click/type/navigate are actions. */
  ui: boolean;
  /** A database server: a `query` parameter runs arbitrary queries. */
  database: boolean;
  /** A server about people's records (a CRM, personal finance, HR, patients): what its reads return is personal data. */
  personal?: boolean;
  /** A server that keeps books (accounting, budgeting): the money records it writes move no money. */
  books?: boolean;
  /** Evidence for the traits, quoted from the server context. */
  signals: Signal[];
}

const UI_SERVER = /\b(browser|playwright|puppeteer|chrome|chromium|selenium|webdriver|devtools|android|ios|device|appium|computer[- ]use|gui|mouse|keyboard)\b/i;
const DB_SERVER = /\b(postgres(ql)?|mysql|mariadb|sqlite|sql|database|mongo(db)?|redis|clickhouse|snowflake|bigquery|duckdb|supabase|neon|elasticsearch|cassandra|dynamodb)\b/i;

export function serverTraits(context: ServerContext | undefined): ServerTraits {
  const signals: Signal[] = [];
  let ui = false;
  let database = false;
  let personal = false;
  let books = false;
  for (const text of [context?.name, context?.title, context?.description]) {
    if (!text) continue;
    const personalMatch = PERSONAL_SERVER.exec(text);
    if (personalMatch && !personal) {
      personal = true;
      signals.push({ family: 'server', effect: 'sensitive', label: 'server:personal-records', weight: 0, where: 'server', text: personalMatch[0] });
    }
    const uiMatch = UI_SERVER.exec(text);
    if (uiMatch && !ui) {
      ui = true;
      signals.push({ family: 'server', effect: 'execute', label: 'server:ui-automation', weight: 0, where: 'server', text: uiMatch[0] });
    }
    const dbMatch = DB_SERVER.exec(text);
    if (dbMatch && !database) {
      database = true;
      signals.push({ family: 'server', effect: 'execute', label: 'server:database', weight: 0, where: 'server', text: dbMatch[0] });
    }
    const booksMatch = BOOKS_SERVER.exec(text);
    if (booksMatch && !books) {
      books = true;
      signals.push({ family: 'server', effect: 'sensitive', label: 'server:bookkeeping', weight: 0, where: 'server', text: booksMatch[0] });
    }
  }
  return { ui, database, personal, books, signals };
}

// a server that keeps books: its transactions, expenses, bills and journal entries are records of money, written without moving any
const BOOKS_SERVER = /\b(accounting|bookkeeping|budget(s|ing)?|personal\s+finance|expense\s+track\w*|general\s+ledger|ledger|quickbooks|xero|lunch\s*money|ynab|actual\s+budget|firefly)\b/i;
// a server whose records are people's: a CRM, a personal-finance or budgeting app, HR, patients' records,
// an online shop (its orders name the buyer, with an address)
const PERSONAL_SERVER = new RegExp(
  String.raw`\b(crm|customer\s+relationship\s+management|personal\s+finance|budgeting|household\s+budget|human\s+resources|hris|payroll|patients?|ehr` +
    String.raw`|electronic\s+(health|medical)\s+records?|e-?commerce|commerce\s+(platform|store|backend|api)|headless\s+commerce|online\s+(store|shop)s?|storefronts?` +
    String.raw`|shopify|woocommerce|bigcommerce|magento|prestashop)\b`,
  'i',
);
// what such a server keeps about its own setup: the schema, settings and the kinds it offers
const SETUP_WORDS = new Set([
  'attribute', 'attributes', 'field', 'fields', 'schema', 'schemas', 'config', 'configs', 'configuration', 'setting', 'settings', 'definition',
  'definitions', 'type', 'types', 'category', 'categories', 'tag', 'tags', 'stage', 'stages', 'status', 'statuses', 'option', 'options', 'template',
  'templates', 'form', 'forms', 'pipeline', 'pipelines', 'view', 'views', 'workflow', 'workflows', 'property', 'properties',
]);
// what such a server keeps about the people it serves: their records, entries, deals, notes and money (not its setup: fields, lists, workflows)
const PERSONAL_RECORDS = new Set([
  'record', 'records', 'object', 'objects', 'order', 'orders', 'entry', 'entries', 'transaction', 'transactions', 'note', 'notes', 'deal', 'deals',
  'interaction', 'interactions', 'activity', 'activities', 'company', 'companies', 'lead', 'leads', 'opportunity', 'opportunities', 'engagement',
  'engagements', 'payee', 'payees', 'expense', 'expenses', 'applicant', 'applicants', 'candidate', 'candidates', 'appointment', 'appointments',
]);

// rows, records or documents picked by a filter the call must give: a change to them is a change by a filter
const FILTERED_PLURALS = new Set(['rows', 'records', 'documents', 'docs', 'entries', 'items', 'objects']);
const FILTER_PARAMETER = /^(filter|filters|where|where_?clause|criteria|conditions?|selector|match)$/i;
const CHANGING_LEMMAS = new Set(['update', 'modify', 'edit', 'patch', 'set', 'change']);
/** `update_rows(filter)`, `delete_documents(where)`: what such a tool changes is whatever its required filter matches. */
export function filteredRowsSignals(tool: McpTool): Signal[] {
  const tokens = splitIdentifier(tool.name);
  const primary = primaryVerbIndexes(tokens);
  const changes = [...primary].some((i) => {
    const verb = verbOf(tokens[i]!.word);
    return verb !== undefined && (verb.effects.includes('destructive') || CHANGING_LEMMAS.has(verb.lemma));
  });
  if (!changes || !FILTERED_PLURALS.has(tokens[nameObject(tokens, primary)]?.word ?? '')) return [];
  const required = Array.isArray(tool.inputSchema.required) ? (tool.inputSchema.required as unknown[]) : [];
  const filter = inputProperties(tool.inputSchema).find((property) => property.depth === 1 && FILTER_PARAMETER.test(property.name) && required.includes(property.name));
  return filter ? [signal('parameter', 'broad', 'phrase:by-filter', 1, filter.path, filter.name)] : [];
}

// a request documented in the description with a method of the caller's choosing and an address
// ("{ method: 'GET'|'POST'|'PATCH'|'DELETE', url: '/me/messages' }"): each request can change or delete what it reaches
const DOCUMENTED_METHODS = /\bmethod['"]?\s*[:=]\s*((['"]?(GET|POST|PUT|PATCH|DELETE|HEAD)['"]?\s*[|,/]\s*)+['"]?(GET|POST|PUT|PATCH|DELETE|HEAD)['"]?)/;
const DOCUMENTED_ADDRESS = /\b(url|uri|path|endpoint)['"]?\s*[:=]/i;
/** `graph-batch` "Body: { requests: [{ method: 'GET'|'POST'|'DELETE', url }] }": the HTTP method rule, where the method is a documented field. */
export function documentedRequestSignals(tool: McpTool): Signal[] {
  const text = (tool.description ?? '').slice(0, 3000);
  if (!text.includes('method')) return [];
  const offered = DOCUMENTED_METHODS.exec(text);
  if (!offered || !DOCUMENTED_ADDRESS.test(text.slice(offered.index, offered.index + 300))) return [];
  const methods = offered[1]!.match(HTTP_WRITE_METHODS_ALL) ?? [];
  const out = httpMethodSignals(methods, 'description', 'description');
  // (a batch of such requests to the API the server is signed in to: every call the API has, any method)
  const removing = changingMethod(methods);
  if (removing) out.push(signal('description', 'write', 'any-request:method', 0, 'description', removing));
  return out;
}

/** The first of the methods a request may use that can change or delete what it reaches: any write method but POST. */
const changingMethod = (methods: readonly string[]): string | undefined => methods.find((method) => !/^post$/i.test(method));

/** The write methods a request may use (POST, PUT, PATCH, DELETE), as signals: it writes, and any method but POST can change or delete what it reaches. */
function httpMethodSignals(methods: readonly string[], family: Signal['family'], where: Signal['where']): Signal[] {
  if (!methods.length) return [];
  const out = [signal(family, 'write', 'param:http-method', 2, where, methods[0]!)];
  const removing = changingMethod(methods);
  if (removing) out.push(signal(family, 'destructive', 'param:http-method', 1.5, where, removing));
  return out;
}

/** On a server about people's records, a read of those records returns personal data (`search_records`, `get_transactions`); its setup does not. */
export function personalRecordSignals(tool: McpTool, traits: ServerTraits): Signal[] {
  if (!traits.personal) return [];
  const tokens = splitIdentifier(tool.name);
  const primary = primaryVerbIndexes(tokens);
  if (![...primary].some((i) => verbOf(tokens[i]!.word)?.effects.includes('read'))) return [];
  // (what the name acts on decides: `list_deal_stages` reads the stages a deal can be in, not deals)
  if (SETUP_WORDS.has(tokens[nameObject(tokens, primary)]?.word ?? '')) return [];
  // (a record word that qualifies another, as in `getObjectSchema` or `fieldsByObjectKey`, names no record read)
  const record = tokens.find((token, i) => !primary.has(i) && PERSONAL_RECORDS.has(token.word) && !PHRASE_END.has(tokens[i - 1]?.word ?? '') && !SETUP_WORDS.has(tokens[i + 1]?.word ?? ''));
  if (record) return [signal('name', 'sensitive', 'records:personal', 1, 'name', record.text)];
  // a name that is a retrieving verb and nothing else (`search`, `fetch`) retrieves the server's records themselves
  const verbOnly = tokens.length === primary.size && [...primary].every((i) => RETRIEVING_VERBS.has(verbOf(tokens[i]!.word)?.lemma ?? ''));
  return verbOnly ? [signal('name', 'sensitive', 'records:personal', 1, 'name', tokens[0]!.text)] : [];
}

function signal(family: Signal['family'], effect: SignalEffect, label: string, weight: number, where: Signal['where'], text: string): Signal {
  return { family, effect, label, weight, where, text };
}

/** Effects a verb has in this context (UI verbs act only on UI servers; elsewhere they are neutral). */
function verbEffects(lemma: string, effects: SignalEffect[], traits: ServerTraits): SignalEffect[] {
  if (UI_ONLY.has(lemma)) return traits.ui ? effects : [];
  // opening a tab, reloading or resizing the window drives a browser; elsewhere these keep their meaning
  if (UI_ACTIONS.has(lemma) && traits.ui) return ['execute'];
  // on a database server, "query" runs a query of the caller's choosing
  if (lemma === 'query' && traits.database) return ['execute'];
  return effects;
}

const PLACING = new Set(['place', 'places', 'placing', 'placed']);
// what may stand between "place" and "order" ("place a new food order", `place_the_order`)
const ORDER_MODIFIERS = new Set(['a', 'an', 'the', 'new', 'this', 'that', 'your', 'my', 'our', 'their', 'its', 'food', 'grocery', 'delivery', 'purchase', 'sales', 'buy', 'sell']);
/** Where a name's object is for the noun rules: its last word (`delete_repository`), or the word before a final verb (`repo_delete`). */
function nameHead(tokens: readonly Token[]): number {
  const last = tokens.length - 1;
  return verbOf(tokens[last]?.word ?? '') && last > 0 && !verbOf(tokens[0]?.word ?? '') ? last - 1 : last;
}

function nounSignals(tokens: readonly Token[], family: Signal['family'], where: Signal['where'], weight: number): Signal[] {
  const out: Signal[] = [];
  // (a name that starts with its verb ends with its object: `create_payment_link` acts on a link)
  const head = family === 'name' ? nameHead(tokens) : -1;
  for (const [i, token] of tokens.entries()) {
    // an order on a market ("a limit order", `place_futures_market_order`) trades money or assets; a shop's order need not,
    // unless it is placed: placing an order buys what it orders ("Place the order using a saved card", `place_order`)
    const isOrder = token.word === 'order' || token.word === 'orders';
    const placing = isOrder ? tokens.slice(Math.max(0, i - 4), i).find((earlier, k, before) => PLACING.has(earlier.word) && before.slice(k + 1).every((between) => ORDER_MODIFIERS.has(between.word) || TRADE_ORDER_KINDS.has(between.word))) : undefined;
    if (isOrder && (TRADE_ORDER_KINDS.has(tokens[i - 1]?.word ?? '') || placing) && (family !== 'name' || i === head)) {
      // (a sentence that opens by placing an order says what the tool does: "Places a limit order…", "Place the order with…")
      const leads = placing !== undefined && family !== 'name' && tokens[0] === placing;
      out.push(signal(family, 'financial', placing && !TRADE_ORDER_KINDS.has(tokens[i - 1]?.word ?? '') ? 'verb:place-order' : 'noun:trade-order', leads ? Math.max(weight, 1) : weight, where, token.text));
      // ("place" is a verb here, and only here: `map_place_details` names a place)
      if (placing) out.push(signal(family, 'write', 'verb:place', weight, where, placing.text));
    }
    // verifying a domain, a sender or an identity has the provider check and record who owns it (`verify_domain`): its verified state changes
    // (said by the name, whose object it is; prose that verifies an identity mostly looks one up)
    if (OWNED_IDENTITIES.has(token.word) && tokens.slice(Math.max(0, i - 3), i).some((earlier) => earlier.word === 'verify' || earlier.word === 'verifies') && family === 'name' && i === head) {
      out.push(signal(family, 'write', 'verb:verify-ownership', 3, where, token.text));
    }
    const kinds = NOUN_KINDS.get(token.word);
    if (kinds === undefined) continue;
    // in a name, money moves when the money noun is the thing acted on (`create_refund`), not a modifier (`create_payment_link`)
    if (kinds & MONEY_NOUN && (family !== 'name' || i === head)) out.push(signal(family, 'financial', `noun:${token.word}`, weight, where, token.text));
    // "all" right after a verb that changes what exists (`delete_all`, `mark_all_done`) acts on everything a filter finds
    if (kinds & BROAD_NOUN && (family !== 'name' || i === head || sweeping(tokens, i))) out.push(signal(family, 'broad', `noun:${token.word}`, weight, where, token.text));
    // (a token is a credential when the word before says so, "access token", and grants nothing when it names another
    // kind, a design token, a model's input tokens, an ERC-20 token)
    const isToken = token.word === 'token' || token.word === 'tokens';
    const kindOfToken = tokens[i - 1]?.word ?? '';
    if (kinds & PRIVILEGE_NOUN && (!MEMBER_NOUNS.has(token.word) || memberLetIn(tokens, i)) && !(isToken && OTHER_TOKEN_KINDS.has(kindOfToken))) out.push(signal(family, 'privileged', `noun:${token.word}`, weight, where, token.text));
    const credentialToken = !isToken || CREDENTIAL_TOKEN_KINDS.has(kindOfToken);
    if (kinds & SENSITIVE_NOUN && credentialToken) out.push(signal(family, 'sensitive', `noun:${token.word}`, weight, where, token.text));
  }
  return out;
}

// which of nounSignals' four lists a word is in, as bits: one lookup per word instead of four (the lists are not changed once lexicon.ts has loaded)
const MONEY_NOUN = 1;
const BROAD_NOUN = 2;
const PRIVILEGE_NOUN = 4;
const SENSITIVE_NOUN = 8;
const NOUN_KINDS = new Map<string, number>();
for (const [bit, nouns] of [[MONEY_NOUN, MONEY_NOUNS], [BROAD_NOUN, BROAD_NOUNS], [PRIVILEGE_NOUN, PRIVILEGE_NOUNS], [SENSITIVE_NOUN, SENSITIVE_NOUNS]] as const) {
  for (const noun of nouns) NOUN_KINDS.set(noun, (NOUN_KINDS.get(noun) ?? 0) | bit);
}

/** A word that acts on everything a filter finds: "everything", "bulk", or "all" right after a verb that changes what exists. */
function sweeping(tokens: readonly Token[], i: number): boolean {
  const word = tokens[i]!.word;
  if (word === 'everything' || word === 'bulk') return true;
  if (word !== 'all') return false;
  const previous = tokens[i - 1] && verbOf(tokens[i - 1]!.word);
  return Boolean(previous && (previous.effects.includes('destructive') || VERB_SCOPE.has(previous.lemma)));
}

// (a calendar's view, an event's instances, a message's MIME or body, a thread's replies are the events and messages themselves;
// a user's public replies are posts)
const PERSONAL_PARTS = new Set(['profile', 'profiles', 'attachment', 'attachments', 'view', 'views', 'instances', 'delta', 'mime', 'body', 'replies', 'transcript', 'transcripts', 'transcription', 'transcriptions']);
const TRASH_WORDS = new Set(['trash', 'bin', 'recycle', 'wastebasket']);
const SHARED_ITEMS = new Set(['file', 'files', 'document', 'documents', 'folder', 'folders', 'calendar', 'calendars', 'drive', 'item', 'items', 'sharing', 'share', 'team', 'teams', 'project', 'projects', 'group', 'groups']);
const PERSONAL_SOURCES = new Set(['calendar', 'calendars', 'event', 'events', 'thread', 'threads', 'call', 'calls']);
// what is kept about a person (`get_customer_orders`, `get_member_history`): personal when a person's, as the word before says
const PERSON_RECORDS = new Set(['order', 'orders', 'details', 'history', 'activity', 'activities', 'address', 'addresses', 'payments', 'transactions', 'invoices', 'reviews', 'info', 'information', 'record', 'records', 'notes', 'preferences', 'ids', 'emails', 'phones', 'profile', 'profiles']);
// (not `user` alone: `get_user_info` is most often the caller's own account)
const PEOPLE = new Set([
  'users', 'member', 'members', 'contact', 'contacts', 'customer', 'customers', 'person', 'people', 'employee', 'employees', 'follower', 'followers',
  'subscriber', 'subscribers', 'attendee', 'attendees', 'patient', 'patients', 'human', 'humans', 'client', 'clients', 'guest', 'guests', 'student',
  'students', 'candidate', 'candidates',
]);

/** A personal noun that is not a program's output or the caller's own (`list_contacts`, not `get_console_message`). */
function isPersonal(tokens: readonly Token[], i: number): boolean {
  const word = tokens[i]?.word;
  if (!word) return false;
  const previous = tokens[i - 1]?.word ?? '';
  // the events of a calendar are meetings with attendees; a profile or attachment is personal when it is a person's or a message's
  // (`get_user_profile`, `get_email_attachment`; not `list_browser_profiles`)
  const personal =
    PERSONAL_NOUNS.has(word) ||
    (PERSON_RECORDS.has(word) && PEOPLE.has(previous) && !IMPERSONAL_MODIFIERS.has(tokens[i - 2]?.word ?? '')) ||
    ((word === 'event' || word === 'events') && tokens.some((token) => token.word === 'calendar' || token.word === 'calendars')) ||
    // (who may open an item: a file's or a calendar's sharing permissions list the people it is shared with)
    ((word === 'permissions' || word === 'memberships') && SHARED_ITEMS.has(previous)) ||
    (PERSONAL_PARTS.has(word) &&
      (PERSONAL_NOUNS.has(previous) || PERSONAL_SOURCES.has(previous)) &&
      (word !== 'replies' || /^(thread|threads|message|messages)$/.test(previous)));
  return personal && !IMPERSONAL_MODIFIERS.has(previous);
}

/**
 * A name that issues or withdraws a key (`create_api_key`, `spaces-key-delete`, `CreateNewSigningKey`) administers a credential;
 * the keys a keyboard presses or a key-value store or table holds are not credentials.
 */
function credentialKeySignals(tokens: readonly Token[], primary: ReadonlySet<number>, traits: ServerTraits): Signal[] {
  if (traits.ui || traits.database || ![...primary].some((i) => KEY_ADMIN_VERBS.has(verbOf(tokens[i]!.word)?.lemma ?? ''))) return [];
  const object = nameObject(tokens, primary);
  const key = tokens[object];
  // (keys named by what they do, such as an animation's `reset_keys`, are not credentials either)
  const modifier = tokens[object - 1];
  if (!key || (key.word !== 'key' && key.word !== 'keys') || (modifier && !primary.has(object - 1) && !CREDENTIAL_TOKEN_KINDS.has(modifier.word) && (DATA_KEY_MODIFIERS.has(modifier.word) || verbOf(modifier.word)))) return [];
  return [signal('name', 'privileged', 'noun:key', 1, 'name', key.text)];
}

// words that end the noun phrase a verb acts on ("messages from a channel", "users in the workspace")
export const PHRASE_END = new Set(['of', 'from', 'in', 'on', 'for', 'with', 'by', 'to', 'about', 'and', 'or', 'that', 'which', 'who', 'including', 'across', 'within', 'at', 'as', 'matching', 'using', 'via', 'sent', 'received']);

// what may follow a name's object without ending it: "of" joins a part to what holds it (`get_value_of_secret`,
// `get_list_of_contacts`), "and" and "or" join another object (`get_username_and_password`)
export const OBJECT_JOINERS: ReadonlySet<string> = new Set(['of', 'and', 'or']);

/**
 * The object a name acts on: the word before a preposition or clause that follows it (`get_api_key_for_project` returns
 * a key, `delete_rows_from_table` deletes rows); else its last word past a version suffix (`mail_listMailboxesV1`), or
 * the word before a final action (`contacts_list`).
 */
export function nameObject(tokens: readonly Token[], primary: ReadonlySet<number>): number {
  const verb = Math.min(...primary);
  // (a preposition right after the verb opens its object, "search_for_users")
  const end = tokens.findIndex((token, i) => i > verb + 1 && PHRASE_END.has(token.word) && !OBJECT_JOINERS.has(token.word));
  if (end > 0) return end - 1;
  let last = tokens.length - 1;
  while (last > 0 && /^(\d+|v)$/.test(tokens[last]!.word)) last--;
  return primary.has(last) && last > 0 ? last - 1 : last;
}

/** A name that only retrieves (`list_contacts`, `getMailMessage`) and whose object is people or their messages returns personal data. */
function personalNameSignals(tokens: readonly Token[], primary: ReadonlySet<number>): Signal[] {
  if (primary.size === 0) return [];
  for (const i of primary) if (!RETRIEVING_VERBS.has(verbOf(tokens[i]!.word)?.lemma ?? '')) return [];
  const object = nameObject(tokens, primary);
  // (`list_payables_by_contact` lists payables)
  if (PHRASE_END.has(tokens[object - 1]?.word ?? '')) return [];
  return isPersonal(tokens, object) ? [signal('name', 'sensitive', `personal:${tokens[object]!.word}`, 1, 'name', tokens[object]!.text)] : [];
}

/** A retrieving verb leading prose whose object is people or their messages ("Retrieves messages from a channel", "Search for users") returns personal data. */
function personalProseSignals(words: readonly Token[], lead: number, sentence: string, family: Signal['family'], where: Signal['where']): Signal[] {
  for (let i = lead + 1; i < Math.min(words.length, lead + 6); i++) {
    // the object phrase ends at a preposition or clause ("droplets for the user" are droplets); "search for users" has none yet
    if (PHRASE_END.has(words[i]!.word) && i > lead + 1) return [];
    const next = words[i + 1];
    // the head of its phrase: the sentence, a clause or a preposition follows ("email metrics" are metrics)
    const between = next ? sentence.slice(words[i]!.start + words[i]!.text.length, next.start) : '';
    const ends = !next || PHRASE_END.has(next.word) || /[,;:(]/.test(between);
    if (ends && isPersonal(words, i)) return [signal(family, 'sensitive', `personal:${words[i]!.word}`, 1, where, words[i]!.text)];
    if (/[,;:(]/.test(between)) return [];
  }
  return [];
}

/** The head noun a name acts on: its last word before a preposition (`create-index-for-model`, `create_or_update_index`, and written before its last verb `index_for_model_create`, act on an index). */
function headObject(tokens: readonly Token[], primary: ReadonlySet<number>): Token | undefined {
  const after = [...primary].sort((a, b) => a - b)[0] ?? 0;
  const end = tokens.findIndex((token, i) => (i > 0 && i < after && NAME_PREPOSITIONS.has(token.word) && nameObject(tokens, primary) < after) || (i > after && PHRASE_END.has(token.word) && !(CONJUNCTIONS.has(token.word) && primary.has(i - 1) && primary.has(i + 1))));
  return end > 0 ? tokens[end - 1] : tokens[nameObject(tokens, primary)];
}

/**
 * A name that creates or resizes capacity billed while it exists: a machine (`droplet-create`, `add_nodepool`), or a
 * volume, cluster, database, file share… whose size, tier or region the call chooses (`volume-create(SizeGigaBytes)`,
 * `update_cluster(num_nodes)`). The rubric's high row: provisioning something that bills.
 */
export function billedResourceSignals(tool: McpTool): Signal[] {
  const tokens = splitIdentifier(tool.name);
  const primary = primaryVerbIndexes(tokens);
  const lemmas = [...primary].map((i) => verbOf(tokens[i]!.word)?.lemma ?? '');
  const provisions = lemmas.some((lemma) => PROVISIONING_VERBS.has(lemma));
  if (!provisions && !lemmas.some((lemma) => CAPACITY_CHANGING_VERBS.has(lemma))) return [];
  const object = headObject(tokens, primary);
  // (a free tier is not billed: `create_free_cluster`)
  if (!object || primary.has(tokens.indexOf(object)) || tokens.some((token) => token.word === 'free')) return [];
  const parameters = inputProperties(tool.inputSchema).map((property) => property.name);
  const sized = parameters.some((name) => CAPACITY_PARAMETER.test(name));
  const placed = parameters.some((name) => PLACEMENT_PARAMETER.test(name));
  // (a service or an app created from a repository or an image is built and kept running on the platform's machines)
  const deployed = provisions && DEPLOYED_UNITS.has(object.word) && inputProperties(tool.inputSchema).some((property) => property.depth <= 3 && DEPLOY_SOURCE.test(property.name));
  const billed = BILLED_MACHINES.has(object.word) ? provisions || sized : (BILLED_RESOURCES.has(object.word) && (sized || (provisions && placed))) || deployed;
  return billed ? [signal('name', 'write', `bills:${object.word}`, 0, 'name', object.text)] : [];
}
// what a hosting platform builds and runs for as long as it exists, and the parameters that name the code it runs
const DEPLOYED_UNITS = new Set(['service', 'services', 'app', 'apps', 'application', 'applications', 'worker', 'workers']);
const DEPLOY_SOURCE = /^(repo|repository|repo_?url|repo_?clone_?url|git|github|gitlab|git_?url|image|docker_?image|container_?image|dockerfile|dockerfile_?path|build_?command|start_?command)$/i;

const MEMBER_NOUNS = new Set(['member', 'members', 'membership', 'memberships']);
// (what a preposition's phrase may hold before its head: articles, qualifiers, names and kinds, never a verb or a clause)
const PLACE_PREPOSITIONS = new Set(['to', 'from', 'of', 'in', 'into', 'on', 'within']);

/**
 * Whether the member at `i` is one that is let in somewhere (ACCESS_PLACES), as the words around it say where it
 * belongs: the noun before it ("team member", `custom_audience_member`) or the head of the phrase after "to", "from",
 * "of", "in" or "on" ("Add a member to a Facebook custom audience", "List members of a partitioned dataset"). When
 * the words do not say where (`add_member`, "Remove a member"), it may be anywhere: let in, as before.
 */
/** Whether a word, read as its singular, names a place where being a member is being let in (ACCESS_PLACES). */
function letsIn(word: string): boolean {
  return ACCESS_PLACES.has(word) || ACCESS_PLACES.has(word.endsWith('ies') ? `${word.slice(0, -3)}y` : word.replace(/s$/, ''));
}

function memberLetIn(tokens: readonly Token[], i: number): boolean {
  // (words joined by more than one character, "team state: members" or "a project (Enterprise only)", are in different phrases;
  // an identifier's words are joined by one separator or none)
  const joined = (k: number) => tokens[k + 1]!.start - tokens[k]!.start - tokens[k]!.text.length <= 1;
  const places: string[] = [];
  // ("a group's members": the owner is the place; a word that is also a verb, "chat members", is one when it is a place)
  // (prose words keep a straight apostrophe, "group's", and split at a curly one, "group", "s")
  const owner = tokens[i - 1]?.word === 's' && i > 1 && joined(i - 2) ? i - 2 : i - 1;
  const before = owner >= 0 && joined(i - 1) ? tokens[owner]!.word.replace(/'s$/, '') : undefined;
  if (before !== undefined && (letsIn(before) || (!DETERMINERS.has(before) && !QUALIFIERS.has(before) && !PHRASE_END.has(before) && !/(?:ed|ing|\d)$/.test(before) && !verbOf(before)))) places.push(before);
  if (i + 1 < tokens.length && joined(i) && PLACE_PREPOSITIONS.has(tokens[i + 1]!.word)) {
    // the phrase's head: its last word before another preposition, a conjunction, a verb or a break, at most four words on
    let head: string | undefined;
    for (let k = i + 2; k < Math.min(tokens.length, i + 6) && joined(k - 1); k++) {
      const word = tokens[k]!.word;
      if (PHRASE_END.has(word) || (head !== undefined && verbOf(word) && !ACCESS_PLACES.has(word))) break;
      if (!DETERMINERS.has(word) && !QUALIFIERS.has(word)) head = word;
    }
    if (head !== undefined) places.push(head);
  }
  return places.length === 0 || places.some(letsIn);
}

const MEMBERSHIP_NOUNS = new Set(['user', 'users', 'member', 'members', 'collaborator', 'collaborators', 'people', 'person', 'admin', 'admins', 'owner', 'owners', 'guest', 'guests']);
// words before the head of a noun phrase that say which one, not what it is
const DETERMINERS = new Set(['a', 'an', 'the', 'this', 'that', 'its', 'their', 'his', 'her', 'your', 'my', 'our', 'one', 'specific', 'single', 'given', 'specified', 'existing', 'containing', 'parent', 'same', 'current', 'selected']);

/**
 * "Remove a label from an issue", "Removes droplets from a firewall", "Remove a dependency between tasks": what is
 * removed comes off an item that stays, an in-place update. Not when it is removed from a store of records ("a job
 * from the queue", "a document from a collection") or from a service by name ("a contact from Resend"): that deletes it.
 */
function detachingSignals(words: readonly Token[], lead: number, sentence: string, family: Signal['family'], where: Signal['where']): Signal[] {
  // (the phrase quoted: from the verb to the word at `end`)
  const detached = (end: number) => signal(family, 'write', 'phrase:detaches', 0, where, sentence.slice(words[lead]!.start, words[end]!.start + words[end]!.text.length));
  for (let i = lead + 1; i < Math.min(words.length, lead + 8); i++) {
    const word = words[i]!.word;
    if (word === 'between') return [detached(i)];
    if (word !== 'from') continue;
    const person = words.slice(lead + 1, i).some((token) => MEMBERSHIP_NOUNS.has(token.word) || PEOPLE.has(token.word));
    let head = i + 1;
    while (words[head] && DETERMINERS.has(words[head]!.word)) head++;
    // a service by name: "from Resend", "from OmniFocus" (an item with its article is still an item: "from a Load Balancer")
    if (!words[head] || (head === i + 1 && /^[A-Z]/.test(words[head]!.text))) return [];
    // the phrase's head: its last word before a clause or a preposition ("from a Discord message in a channel")
    const end = phraseEnd(words, head, sentence, 8);
    const place = words.slice(head, end + 1);
    // taking a person off a team, a group or a project changes membership; off a card, an issue's watchers or an
    // audience it changes that item, and the person stays (a store of records holds people as entries, not as records)
    if (person) return place.some((token) => letsIn(token.word)) ? [] : [detached(end)];
    // (taken out of the trash or a recycle bin, an item is restored, not deleted: "Remove a message from the trash")
    if (place.some((token) => TRASH_WORDS.has(token.word))) return [detached(end)];
    if (place.some((token) => RECORD_STORES.has(token.word.replace(/s$/, '')) || RECORD_STORES.has(token.word))) return [];
    return [detached(end)];
  }
  return [];
}

/** Where the noun phrase after `lead` ends: before a preposition or a clause, at most `max` words on. */
function phraseEnd(words: readonly Token[], lead: number, sentence: string, max = 5): number {
  let end = lead;
  while (end + 1 < Math.min(words.length, lead + max + 1) && !PHRASE_END.has(words[end + 1]!.word) && !/[,;:(]|\.\s/.test(sentence.slice(words[end]!.start + words[end]!.text.length, words[end + 1]!.start))) end++;
  return end;
}

// what is bound to a project, an app or a service rather than stored in it
const BINDINGS = new Set(['domain', 'domains', 'hostname', 'hostnames', 'alias', 'aliases']);

/** "Delete a container registry by its id": a deleting verb whose object is a container of many items deletes them all. */
function containerObjectSignals(words: readonly Token[], lead: number, sentence: string, family: Signal['family'], where: Signal['where']): Signal[] {
  const end = phraseEnd(words, lead, sentence);
  const head = words[end];
  // (a domain taken off what it is bound to, "Remove a domain from a project", leaves its zone and records alone: the one
  // binding goes, not what the domain holds)
  if (head && BINDINGS.has(head.word) && words[end + 1]?.word === 'from') return [signal(family, 'write', 'phrase:unbinds', 0, where, sentence.slice(words[lead]!.start, words[end + 1]!.start + words[end + 1]!.text.length))];
  return end > lead && head && BROAD_NOUNS.has(head.word) && head.word !== 'all' ? [signal(family, 'broad', `container:${head.word}`, 1, where, head.text)] : [];
}

// (a scan can probe or attack what it scans; an audit or an analysis reads)
// (and running a search reads: "Run a search across companies", "Execute multiple searches in parallel")
const OBSERVING_ACTIONS = new Set(['audit', 'analyze', 'search']);
/**
 * "Opens the draw.io editor with a diagram", "Open a URL in the iOS Simulator": opening an application on the
 * user's machine launches it, which the rubric counts as driving a UI (execute), not as reading.
 */
function opensAppSignals(words: readonly Token[], lead: number, sentence: string, family: Signal['family'], where: Signal['where']): Signal[] {
  const end = phraseEnd(words, lead, sentence);
  let app = end > lead && HOST_APPS.has(words[end]!.word) ? words[end] : undefined;
  // "… in the editor", "… on the simulator"
  if (!app && (words[end + 1]?.word === 'in' || words[end + 1]?.word === 'on')) {
    let next = end + 2;
    while (words[next] && DETERMINERS.has(words[next]!.word)) next++;
    const place = words[phraseEnd(words, next - 1, sentence, 3)];
    if (place && HOST_APPS.has(place.word)) app = place;
  }
  return app ? [signal(family, 'execute', 'phrase:opens-app', 2.5, where, app.text)] : [];
}

/** "Merge a pull request", `cancel_subscription`, "Restore a droplet from a backup": the change replaces or ends the whole item. */
function wholeItemSignals(tokens: readonly Token[], lemma: string, family: Signal['family'], where: Signal['where']): Signal[] {
  const objects = WHOLE_ITEM_OBJECTS.get(lemma);
  const object = objects && tokens.find((token) => objects.has(token.word));
  return object ? [signal(family, 'destructive', `whole:${lemma}`, 0, where, object.text)] : [];
}

/**
 * A name that only retrieves money records (`list_invoices`, `checkouts-retrieve`) returns personal data when the
 * definition ties them to the customer who paid ("customer (str, optional)", "View customer info and payment details");
 * the caller's own invoices from a provider name no one.
 */
export function moneyRecordSignals(tool: McpTool): Signal[] {
  const tokens = splitIdentifier(tool.name);
  const primary = primaryVerbIndexes(tokens);
  if (primary.size === 0 || [...primary].some((i) => !RETRIEVING_VERBS.has(verbOf(tokens[i]!.word)?.lemma ?? ''))) return [];
  // (`list_refunds_for_order`: what a filter names is not what is read)
  const end = tokens.findIndex((token) => PHRASE_END.has(token.word));
  const record = tokens.slice(0, end === -1 ? undefined : end).find((token, i) => !primary.has(i) && MONEY_RECORDS.has(token.word));
  if (!record) return [];
  const payer = (tool.description ? PAYER_WORDS.exec(tool.description.slice(0, 1000)) : null)?.[0] ?? inputProperties(tool.inputSchema).find((property) => PAYER_WORDS.test(property.name.replace(/[_-]/g, ' ')))?.name;
  return payer ? [signal('name', 'sensitive', `money-record:${record.word}`, 1, 'name', record.text)] : [];
}

// the call itself pays: "it will be paid automatically from the wallet", "with automatic x402 payment handling",
// "Requires x402 USDC payment", "by paying via x402" (a payment protocol or a wallet settles what the call costs)
const PAYS_ON_CALL = new RegExp(
  String.raw`\b(?:(?:paid|pays?|paying|charged|debited|deducted)\s+(?:\w+\s+){0,3}?(?:automatically|from\s+(?:the|your|its|a)\s+(?:\w+\s+)?(?:wallet|balance|credits))` +
    // (money someone is paid when the call is made: "the escrowed funds are paid out to the freelancer", "the reward is released to the worker")
    String.raw`|(?:funds|payments?|money|rewards?|bount(?:y|ies)|escrow)\s+(?:\w+\s+)?(?:is|are|gets?|will\s+be)\s+(?:paid\s+out|released|disbursed)\s+to` +
    String.raw`|automatically\s+(?:pays?|paid|paying|charges?|charged|debits?)|automatic\s+(?:\w+\s+)?payments?` +
    String.raw`|(?:requires?|with|via|using|through)\s+(?:an?\s+)?(?:x402|l402|lightning|usdc|stablecoin|crypto|on-?chain)\s+(?:\w+\s+)?payments?` +
    String.raw`|(?:paid|pays?|paying)\s+(?:\w+\s+){0,3}?(?:via|with|through|using)\s+(?:x402|l402|lightning|usdc))\b`,
  'i',
);
// a blockchain call that changes state moves assets: an arbitrary state-changing contract function, a transaction sent or signed
const MOVES_ASSETS = /\bstate[- ]changing\s+(?:\w+\s+)?(?:functions?|methods?|calls?|transactions?)\b|\b(?:sends?|broadcasts?|submits?)\s+(?:an?\s+|the\s+)?(?:signed\s+|raw\s+)+transactions?\b|\bsign(?:s|ed)?\s+(?:\w+\s+){0,4}?with\s+(?:a|the|your|its)\s+private\s+key\b/i;
// (asking whether a call would pay is not paying: "Check if a URL requires x402 payment"; nor is a call that does not)
const ASKS_OR_DENIES = /\b(?:if|whether|no|not|without|never|free)\b[^.]*$/i;
// what signs a blockchain transaction (`privateKey`, `mnemonic`)
const SIGNING_KEY = /^(private_?key|priv_?key|mnemonic|seed_?phrase)$/i;
const HANDING_OVER = new Set(['transfer', 'send']);

// What the tool does, as its first sentence says, moves money: an action whose object is a payment, a refund, a payout,
// a bank transfer, funds or coins ("Issue a refund to the customer", "Captures a payment intent", "Initiate a bank
// transfer", "Send 10 USDC to an address", "Tool for disbursing payouts"). The verb alone may be a read ("capture") or
// unknown ("issue", "process", "initiate"): with money as its object it is a payment made.
const MONEY_OPENING = String.raw`(?:this\s+tool\s+(?:will\s+|can\s+)?|(?:an?\s+)?tool\s+(?:to|that|for)\s+|use[ds]?\s+(?:this\s+)?(?:tool\s+)?to\s+|allows?\s+(?:you\s+|users?\s+|the\s+\w+\s+)?to\s+|lets?\s+(?:you|users?|the\s+\w+)\s+|helps?\s+(?:you\s+)?(?:to\s+)?|(?:will|can)\s+)`;
const MONEY_VERB = String.raw`(?:issu(?:e|es|ing)|process(?:es|ing)?|captur(?:e|es|ing)|authori[sz](?:e|es|ing)|initiat(?:e|es|ing)|execut(?:e|es|ing)|submit(?:s|ting)?` +
  String.raw`|mak(?:e|es|ing)|send(?:s|ing)?|creat(?:e|es|ing)|schedul(?:e|es|ing)|complet(?:e|es|ing)|confirm(?:s|ing)?|settl(?:e|es|ing)|approv(?:e|es|ing)` +
  String.raw`|releas(?:e|es|ing)|disburs(?:e|es|ing)|remit(?:s|ting)?|wir(?:e|es|ing)|collect(?:s|ing)?|accept(?:s|ing)?|tak(?:e|es|ing)|request(?:s|ing)?` +
  String.raw`|transfer(?:s|ring)?|mov(?:e|es|ing)|withdraw(?:s|ing)?|deposit(?:s|ing)?|swap(?:s|ping)?|bridg(?:e|es|ing)|stak(?:e|es|ing)|unstak(?:e|es|ing))`;
// (a word between the verb and the money is an article, an amount or a kind, never a preposition: "Send a reminder about the payment" pays nothing)
const MONEY_GAP = String.raw`(?:(?!(?:for|about|of|on|to|with|from|regarding|after|before|when|that|if|and|or|up)\b)[\w$€£.,'-]+\s+)`;
const MONEY_THING = String.raw`(?:payment\s+intents?|payments?|refunds?|payouts?|charges?|purchases?|donations?|remittances?|disbursements?|reimbursements?|withdrawals?|funds|money` +
  String.raw`|cash|(?:bank|wire|money|fund|ach|sepa|swift|international|domestic|instant|outgoing|pending|p2p|peer-to-peer)\s+transfers?|usdc|usdt|eth|ether|btc` +
  String.raw`|bitcoin|sol|lamports|sats|satoshis|stablecoins?|crypto(?:currency|currencies)?|tokens?|coins?)`;
// the money is the head of what the verb acts on, not a word naming what follows ("a payment link", "refund requests", "a charge schema"),
// and tokens or coins are money only when they go to a wallet or an address, or are swapped, bridged or staked
const MONEY_HEAD = String.raw`(?=\s*$|\s*[.,;:!?)(]|\s+(?:to|for|from|of|on|in|into|via|with|using|by|and|or|that|which|when|if|as|at|between|against|immediately|now|instantly|automatically|-|–|—)\b)`;
// (where the action is said: at the sentence's start, after an opening, or as the second of two things the tool does:
// "Look up contacts and transfer funds to a contact", "List members and remove a member from a team")
const ACTION_LEAD = String.raw`(?:^\W*${MONEY_OPENING}?|\b(?:and|then|or)\s+(?:also\s+)?)`;
/** The words of a match without the opening or the coordinator before its verb. */
const actionSaid = (match: string) => match.replace(/^\W*(?:(?:and|then|or)\s+(?:also\s+)?)?/i, '');
const MONEY_ACTION = new RegExp(String.raw`${ACTION_LEAD}(?:(?:donat|reimburs)(?:e|es|ing)\b|top(?:s|ping)?[- ]?up\b|${MONEY_VERB}\s+${MONEY_GAP}{0,3}?(?:[\w-]+\s+(?:or|and)\s+)?${MONEY_THING}\b${MONEY_HEAD})`, 'i');
const COINS_ONLY = /^(?:tokens?|coins?|stablecoins?)$/i;
const COINS_MOVED = /^\W*(?:\w+\s+){0,6}?(?:swap|bridg|stak|unstak)\w*\b|\b(?:tokens?|coins?)\s+to\s+(?:an?\s+|the\s+|another\s+)?(?:[\w-]+\s+)?(?:wallets?|addresse?s?|recipients?)\b/i;
// the money words every match of MONEY_ACTION holds: the cheap test before the pattern
const MONEY_WORD = /payment|refund|payout|charge|purchase|donat|remittance|disburse|reimburs|deposit|withdrawal|funds|money|cash|transfer|usdc|usdt|eth|btc|bitcoin|sol|lamports|sats|satoshi|stablecoin|crypto|token|coin|top/i;

/**
 * Money that moves on the side of what a tool says it does: a fetch that pays the endpoint from a wallet, a registration that
 * requires an x402 payment, a call of a state-changing contract function, a transfer signed with a private key
 * (the rubric's critical row: moving money). Reading balances or calling view functions moves nothing.
 */
export function sideMoneySignals(tool: McpTool): Signal[] {
  const out: Signal[] = [];
  const text = (tool.description ?? '').slice(0, 1500);
  // (neither pattern can match without one of its words: the trigger-word scan proseSignals made of the description, kept, tells)
  const words = triggersIn(proseHead(tool.description ?? ''));
  const pays = words & PAYING_BIT ? PAYS_ON_CALL.exec(text) : null;
  if (pays && !ASKS_OR_DENIES.test(sentenceBefore(text, pays.index))) {
    out.push(signal('description', 'write', 'phrase:pays', 1.5, 'description', pays[0]), signal('description', 'financial', 'phrase:pays', 1.5, 'description', pays[0]));
  }
  const assets = words & ASSETS_BIT ? MOVES_ASSETS.exec(text) : null;
  if (assets && !ASKS_OR_DENIES.test(sentenceBefore(text, assets.index))) {
    out.push(signal('description', 'write', 'phrase:moves-assets', 1.5, 'description', assets[0]), signal('description', 'financial', 'phrase:moves-assets', 1.5, 'description', assets[0]));
  }
  const first = sentenceOf(proseHead(tool.description ?? '')).text;
  const action = MONEY_WORD.test(first) ? MONEY_ACTION.exec(first) : null;
  // (the last word of the match is the money: tokens and coins count only when moved to a wallet or swapped)
  if (action && (!COINS_ONLY.test(/(\w+)\W*$/.exec(action[0])?.[1] ?? '') || COINS_MOVED.test(first))) {
    const said = actionSaid(action[0]);
    out.push(signal('description', 'write', 'phrase:moves-money', 2.5, 'description', said), signal('description', 'financial', 'phrase:moves-money', 1.5, 'description', said));
  }
  const tokens = splitIdentifier(tool.name);
  const handsOver = [...primaryVerbIndexes(tokens)].find((i) => HANDING_OVER.has(verbOf(tokens[i]!.word)?.lemma ?? ''));
  const key = handsOver !== undefined && inputProperties(tool.inputSchema).find((property) => property.depth === 1 && SIGNING_KEY.test(property.name));
  if (handsOver !== undefined && key) out.push(signal('name', 'financial', 'signed:transfer', 1, 'name', tokens[handsOver]!.text));
  return out;
}

// What the tool does, as its first sentence says, administers access (the rubric's critical row): it issues, rotates,
// reveals or revokes a credential ("Issue a new API key", "Rotate the client secret", "Mint a JWT for the service
// account"), changes who may do what ("Grant a role to a user", "Add a member to the organization"), or who may see
// a thing ("Make the repository public"). The name may say nothing of it (`tool`, `api_keys`, `manage_access`).
// (stems that drop an e before -ing, then stems that take -s and -ing as they are: "renews", "renewing")
const CREDENTIAL_VERB = String.raw`(?:(?:creat|issu|generat|regenerat|rotat|revok|delet|remov|expir|invalidat|chang|updat)(?:e|es|ing)|(?:mint|reveal|add|roll|reset|set|renew)(?:s|ting|ing)?)`;
const CREDENTIAL = String.raw`(?:api[ _-]?keys?|access[ _-]?keys?|secret[ _-]?keys?|signing[ _-]?keys?|ssh[ _-]?keys?|deploy[ _-]?keys?` +
  String.raw`|(?:access|auth|authentication|bearer|refresh|session|personal\s+access|api|service\s+account|deploy|bot|oauth|id|trigger)[ _-]?tokens?|jwts?` +
  String.raw`|client[ _-]?secrets?|webhook[ _-]?secrets?|secrets?|credentials?|passwords?|certificates?)`;
// (roles and permissions are granted, assigned or taken away; members and collaborators are added, invited or removed:
// "Assign a member to a card" gives no one access)
const GRANT_VERB = String.raw`(?:(?:grant|assign|revok|remov|add|chang|updat|set|elevat)(?:e|es|s|ed|ing)?)`;
const GRANTED = String.raw`(?:roles?|permissions?|privileges?|access|admin(?:istrator)?\s+rights|ownership)`;
const MEMBER_VERB = String.raw`(?:(?:add|remov|invit|revok|promot|demot|updat|kick|ban)(?:e|es|s|ed|ing)?)`;
const MEMBERS = String.raw`(?:members?|memberships?|collaborators?|owners?|admins?)`;
// (what the verb acts on ends the phrase: "the API key description" and "access logs" are something else)
const ACCESS_HEAD = String.raw`(?=\s*$|\s*[.,;:!?)(]|\s+(?:to|for|from|of|on|in|into|with|by|and|or|that|which|when|if|as|at|so|before|after|until|once|-|–|—)\b)`;
// (a word between the verb and what it acts on is an article or a kind, never a preposition; "your" or "my" credential is
// the caller's own, handed to the tool to use: "Set your API token" configures the tool; and credentials the tool keeps
// for its user, "stored", "saved", "cached" or "local", are that user's session: removing them logs out)
const ACCESS_GAP = String.raw`(?:(?!(?:for|about|of|on|to|with|from|in|by|when|that|if|and|or|your|my|stored|saved|cached|local)\b)[\w'’-]+\s+)`;
const ADMINISTERS_ACCESS = new RegExp(String.raw`${ACTION_LEAD}(?:(${CREDENTIAL_VERB})\s+${ACCESS_GAP}{0,3}?(${CREDENTIAL})|(${GRANT_VERB})\s+${ACCESS_GAP}{0,3}?${GRANTED}` +
  String.raw`|(${MEMBER_VERB})\s+${ACCESS_GAP}{0,3}?${MEMBERS}|(mak(?:e|es|ing)|set(?:s|ting)?)\s+${ACCESS_GAP}{0,3}?(?:public|private)` +
  String.raw`|(chang(?:e|es|ing)|set(?:s|ting)?|updat(?:e|es|ing))\s+(?:the\s+|its\s+)?visibility)${ACCESS_HEAD}`, 'i');
const ACCESS_WORD = /key|token|jwt|secret|credential|password|certificate|role|permission|privilege|access|admin|member|collaborator|owner|public|private|visibility/i;
// a generator of passwords or secrets for the caller to use grants no one anything
const GENERATED_VALUE = /^generat/i;

/** A credential issued, rotated, revealed or revoked, or access granted or taken away, as the first sentence says it (a kind the verdict reads as privileged). */
export function proseAccessSignals(tool: McpTool): Signal[] {
  const first = sentenceOf(proseHead(tool.description ?? '')).text;
  const match = ACCESS_WORD.test(first) ? ADMINISTERS_ACCESS.exec(first) : null;
  if (!match) return [];
  const [said] = match;
  const verb = match[1] ?? match[3] ?? match[4] ?? match[5] ?? match[6] ?? '';
  const credential = match[2];
  if (credential && GENERATED_VALUE.test(verb) && /^(passwords?|secrets?)$/i.test(credential)) return [];
  // (a member added to an audience, a card or a mailing list is let in nowhere)
  if (match[4] !== undefined) {
    const words = splitText(first);
    const noun = words.findLastIndex((token) => token.start < match.index + said.length);
    if (MEMBER_NOUNS.has(words[noun]?.word ?? '') && !memberLetIn(words, noun)) return [];
  }
  const text = actionSaid(said);
  const out = [signal('description', 'privileged', credential ? 'issues-credential:prose' : 'grants-access:prose', 0, 'description', text)];
  // (a verb the lexicon does not know as a change, "issue", "mint", "generate", still changes who may do what here; and
  // a second action, "List members and remove a member", is one the sentence's lead verb does not speak for)
  const known = verbOf(verb.toLowerCase());
  // (only ACTION_LEAD's second branch puts a coordinator before the verb)
  const second = /^\W*(?:and|then|or)\b/i.test(said);
  if (second || !known?.effects.some((effect) => effect === 'write' || effect === 'execute')) out.push(signal('description', 'write', `verb:${known?.lemma ?? lemmaOf(verb.toLowerCase())}`, second ? 2.5 : 2, 'description', verb));
  return out;
}

/** The base form of a verb the lexicon does not know ("issues", "issuing" → "issue"; "mints" → "mint"). */
function lemmaOf(word: string): string {
  const stem = word.replace(/(?:ing|es|ed|s)$/, '');
  return stem !== word && /(?:issu|generat|rotat|revok|expir|invalidat|elevat|promot|demot|invit|remov|delet|chang|updat|creat)$/.test(stem) ? `${stem}e` : stem;
}

/** The part of the sentence before `index`. */
function sentenceBefore(text: string, index: number): string {
  const before = text.slice(0, index);
  return before.slice(Math.max(before.lastIndexOf('. '), before.lastIndexOf('\n')) + 1);
}

// what a tap, click, swipe or keystroke lands on
const UI_OBJECTS = /\b(device|screen|simulator|emulator|page|element|button|coordinates|viewport|window|browser|tab|app|into\s+view|text\s?input|input\s+field|text\s+field|checkbox|radio\s+button|dropdown|keyboard|mouse|touch(es)?|taps?|gestures?)\b/i;
// what a person's keyboard, mouse or touch screen sends, and the verbs that send it
const UI_INPUT = /\b(key\s*(events?|codes?|press(es)?|strokes?)|keyboard|mouse|touch(es)?|gestures?|viewport)\b/i;
const INPUT_VERBS = new Set(['send', 'move', 'switch', 'emulate', 'simulate', 'dispatch', 'set']);
// where a UI action happens: on a device, a simulator or emulator, in a browser or a tab
const ON_A_DEVICE = /\b(on|in)\s+(the\s+|a\s+|an\s+)?(ios\s+|android\s+|connected\s+|running\s+|booted\s+)?(simulators?|emulators?|devices?|browsers?|tabs?)\b/i;
const CONJUNCTIONS = new Set(['and', 'or', 'then', 'plus']);
/** Verbs that are more often nouns inside a name (`monitor_delete`, `DeleteCall`, `get_test_report`). */
export const NOUN_LIKE = new Set([
  'monitor', 'call', 'record', 'log', 'message', 'post', 'comment', 'tag', 'label', 'link', 'order', 'report', 'test', 'book', 'star', 'email',
  'schedule', 'build', 'query', 'search', 'change', 'commit', 'push', 'status', 'snapshot', 'screenshot', 'record', 'store', 'set', 'check', 'scan',
  'audit', 'sample', 'type', 'import', 'export', 'archive', 'deposit', 'transfer', 'review', 'format', 'plan', 'diff', 'watch', 'drop', 'reply',
  'run', 'duplicate',
]);

/**
 * Verbs that are the first word of a fixed noun phrase ("pull request", "merge request", "change log", "push notification"):
 * before these nouns they name a thing, not the tool's action (`get_pull_request_files`).
 */
// what a purchase leaves on record: after "purchase" in a name these name a document (`purchase_order_get`), not a purchase made
// (in prose, "Create a purchase order" stays a money move: on a shop's own billing it places the order and charges for it)
const PURCHASE_RECORDS = ['order', 'orders', 'invoice', 'invoices', 'receipt', 'receipts', 'requisition', 'requisitions', 'request', 'requests', 'history', 'record', 'records', 'entry', 'entries'];
const FIXED_NOUN_PHRASES = new Map<string, ReadonlySet<string>>([
  ['pull', new Set(['request', 'requests', 'req', 'reqs'])],
  ['merge', new Set(['request', 'requests', 'req', 'reqs'])],
  ['change', new Set(['request', 'requests', 'log', 'logs', 'set', 'sets'])],
  ['feature', new Set(['request', 'requests'])],
  ['push', new Set(['notification', 'notifications'])],
  // (a purchase order, invoice or receipt is a record of a purchase: `purchase_invoice_get` reads one)
  ['purchase', new Set(PURCHASE_RECORDS)],
]);

/** A verb-like word that opens a fixed noun phrase (`pull` in `pull_request`). */
export function opensNounPhrase(tokens: readonly Token[], i: number): boolean {
  const next = tokens[i + 1]?.word;
  return next !== undefined && FIXED_NOUN_PHRASES.get(tokens[i]!.word)?.has(next) === true;
}

/** A verb in its "-s" form (`tests`, `drafts`, `replies`, and done again: `redeploys`): the plural of a noun as often as a verb. */
export function inSForm(word: string): boolean {
  const lemma = verbOf(word)?.lemma;
  return lemma !== undefined && lemma !== word && (word.endsWith(`${lemma}s`) || word.endsWith(`${lemma}es`) || word.endsWith(`${lemma.slice(0, -1)}ies`));
}

// prepositions after which a name's word is the object of the preposition, not its action (`tests_per_test_name`)
const NAME_PREPOSITIONS = new Set(['per', 'by', 'of', 'for', 'from', 'in', 'on', 'with', 'about', 'across', 'within', 'at', 'via']);

/**
 * A word of a name in its "-s" form after a noun, a number or an adjective (`total_tests`, `sbox_tests_queued`) is a plural noun,
 * not a verb: names give their action in the base form.
 */
function pluralNounInName(tokens: readonly Token[], i: number): boolean {
  if (i === 0 || !inSForm(tokens[i]!.word)) return false;
  const previous = tokens[i - 1]!.word;
  return !nameVerbOf(previous) && !CONJUNCTIONS.has(previous);
}

/**
 * The verb-like words of a name that its grammar makes nouns: a plural after a noun (`total_tests`), a first word in the "-s" form that
 * is not the action (`labels-list`), the object of a preposition (`tests_per_test_name`), a word of a fixed noun phrase (`pull_request`).
 */
export function nounWordsOfName(tokens: readonly Token[], primary: ReadonlySet<number>): Set<number> {
  const out = new Set<number>();
  tokens.forEach((token, i) => {
    if (primary.has(i) || !nameVerbOf(token.word)) return;
    if (pluralNounInName(tokens, i) || (i === 0 && inSForm(token.word)) || opensNounPhrase(tokens, i) || NAME_PREPOSITIONS.has(tokens[i - 1]?.word ?? '')) out.add(i);
  });
  return out;
}

function inCompound(tokens: readonly Token[], candidates: readonly number[], i: number): boolean {
  return i > 0 && !verbOf(tokens[i - 1]!.word) && candidates.includes(i + 1) && !NOUN_LIKE.has(tokens[i + 1]!.word);
}

/**
 * The name's primary verbs: the first word when it is a verb, a verb right after and/or/then
 * (`get_or_create`, `read_and_delete`), and otherwise the first word in a verb's base form
 * (`TwilioApiV2010--ListCalls`, `issue_create`). Other verb-like words (`get_record`'s "record")
 * are mostly nouns and count little.
 */
export function primaryVerbIndexes(tokens: readonly Token[]): ReadonlySet<number> {
  // (a dozen rules ask for the primary verbs of the tool's name, some with a copy of its tokens: the answer is worked out
  // once per list of the same token objects; tokens are never changed once made, and callers only read the set)
  const first = tokens[0];
  if (!first) return new Set();
  const known = PRIMARY_VERBS.get(first);
  if (known && sameTokens(known.tokens, tokens)) return known.primary;
  const primary = findPrimaryVerbs(tokens);
  PRIMARY_VERBS.set(first, { tokens: tokens.slice(), primary });
  return primary;
}
const PRIMARY_VERBS = new WeakMap<Token, { tokens: readonly Token[]; primary: ReadonlySet<number> }>();

function sameTokens(a: readonly Token[], b: readonly Token[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function findPrimaryVerbs(tokens: readonly Token[]): Set<number> {
  const primary = new Set<number>();
  // a first word in its "-s" form before a verb in its base form is the resource, a plural noun (`claims_list`, `tags_create`)
  const pluralResource = (i: number) => i === 0 && /s$/.test(tokens[0]!.word) && verbOf(tokens[0]!.word)?.lemma !== tokens[0]!.word && tokens.slice(1).some((token) => verbOf(token.word)?.lemma === token.word && !NOUN_LIKE.has(token.word));
  tokens.forEach((token, i) => {
    if (!nameVerbOf(token.word) || pluralResource(i) || opensNounPhrase(tokens, i)) return;
    if (i === 0 || CONJUNCTIONS.has(tokens[i - 1]!.word)) primary.add(i);
    // the verb before "or"/"and" is coordinated with the one after (`wiki_create_or_update_page`)
    if (i >= 2 && CONJUNCTIONS.has(tokens[i - 1]!.word) && nameVerbOf(tokens[i - 2]!.word)) primary.add(i - 2);
  });
  if (!primary.size) {
    // `issue_create`, `TwilioApi--DeleteCall`, `firecrawl_monitor_delete`: the first base-form verb that
    // is not usually a noun; when every candidate is noun-like, the last one
    // (not a word of a fixed noun phrase, `pull_request`, nor the object of a preposition, `tests_per_test_name`)
    const candidates = tokens.map((token, i) => (nameVerbOf(token.word)?.lemma === token.word && !opensNounPhrase(tokens, i) && !NAME_PREPOSITIONS.has(tokens[i - 1]?.word ?? '') ? i : -1)).filter((i) => i !== -1);
    // a verb-like word right after a noun, with a real verb later, is part of a compound noun
    // (`genai-model-eval-delete-run`: "model-eval" is a thing, "delete" is the action)
    const index = candidates.find((i) => !NOUN_LIKE.has(tokens[i]!.word) && !inCompound(tokens, candidates, i)) ?? candidates.at(-1);
    if (index !== undefined) primary.add(index);
  }
  return primary;
}

/** The action a light verb introduces: the first action noun within three words after it. */
function actionAfter(tokens: readonly Token[], i: number): string | undefined {
  for (let j = i + 1; j < Math.min(tokens.length, i + 4); j++) {
    const action = ACTION_NOUNS.get(tokens[j]!.word);
    if (action) return action;
  }
  return undefined;
}

/** "Run an accessibility audit", `runSeoAudit`: running an audit or an analysis only observes and reports, as auditing does. */
function observationRun(tokens: readonly Token[], i: number): string | undefined {
  for (let j = i + 1; j < Math.min(tokens.length, i + 6) && !PHRASE_END.has(tokens[j]!.word); j++) {
    const action = ACTION_NOUNS.get(tokens[j]!.word);
    if (action) return OBSERVING_ACTIONS.has(action) ? action : undefined;
  }
  return undefined;
}

/** The work item "resolve" at `i` acts on, past a determiner and one modifier ("a review thread"), unless it only names it ("the thread id"). */
function resolvedWork(tokens: readonly Token[], i: number): boolean {
  let j = i + 1;
  if (RESOLVE_DETERMINERS.has(tokens[j]?.word ?? '')) j += 1;
  if (!RESOLVED_WORK.has(tokens[j]?.word ?? '') && RESOLVED_WORK.has(tokens[j + 1]?.word ?? '')) j += 1;
  return RESOLVED_WORK.has(tokens[j]?.word ?? '') && !NAMING_HEADS.has(tokens[j + 1]?.word ?? '');
}

/** The thing a lifecycle verb runs or operates (`restart_service`, `power-off-droplet`, `create_deployment`), if any. */
function runningObject(tokens: readonly Token[], i: number, lemma: string): Token | undefined {
  // (closing ends only what runs in a process: `close_task` or `close_release` closes a record)
  // (opening a shell, a terminal or a tunnel starts it, ending one stops it: `open_nodes` of a graph only reads them)
  // (text sent or written to a REPL, a shell or a terminal is typed into it, and runs)
  const objects = lemma === 'close' || lemma === 'end' || lemma === 'open' || lemma === 'attach' ? CLOSED_PROCESSES : LIFECYCLE_VERBS.has(lemma) ? LIFECYCLE_OBJECTS : lemma === 'create' ? RUNNING_OBJECTS : TYPING_VERBS.has(lemma) ? TYPED_INTO : undefined;
  if (!objects) return undefined;
  for (let j = Math.max(0, i - 3); j < Math.min(tokens.length, i + 5); j++) if (j !== i && (objects.has(tokens[j]!.word) || processSession(tokens, j))) return tokens[j];
  return undefined;
}

const TYPING_VERBS = new Set(['send', 'write', 'type', 'pipe']);
const TYPED_INTO = new Set(['repl', 'repls', 'shell', 'shells', 'terminal', 'terminals', 'pty', 'ptys', 'stdin']);
// what a session can be of that runs as a process: a shell, a terminal, an SSH login, a browser, a REPL
const SESSION_PROCESSES = new Set(['ssh', 'shell', 'terminal', 'browser', 'repl', 'pty', 'tmux', 'interact', 'interactive', 'kernel', 'debug', 'debugger', 'sftp', 'console']);
/** Whether the word at `j` is a session that runs as a process ("an SSH session", `ssh_session_close`, "the live interact session"). */
function processSession(tokens: readonly Token[], j: number): boolean {
  const word = tokens[j]!.word;
  return (word === 'session' || word === 'sessions') && (SESSION_PROCESSES.has(tokens[j - 1]?.word ?? '') || SESSION_PROCESSES.has(tokens[j - 2]?.word ?? ''));
}

// starting, stopping, restarting, reloading or killing one of these controls a program that runs
// (an app, a game, a browser, a database server, an emulator); reloading a page, tab or window re-runs what it shows
const RUNNING_PROGRAMS = new Set(['app', 'apps', 'application', 'applications', 'game', 'games', 'program', 'programs', 'browser', 'browsers', 'emulator', 'emulators', 'simulator', 'simulators', 'database', 'databases', 'db', 'bot', 'bots']);
const RELOADED_VIEWS = new Set(['page', 'pages', 'tab', 'tabs', 'window', 'windows', 'webview', 'frame']);
const PROCESS_CONTROL_VERBS = new Set(['start', 'stop', 'restart', 'reload', 'kill', 'terminate', 'launch', 'shutdown']);

/**
 * What a start, stop, restart, reload or kill at \`i\` controls when it is a running program (\`application-stop\`,
 * "Stop the currently running project", \`Page_reload\`): the rubric's execute row (starting, stopping, restarting
 * processes, services and environments). An activity right after the verb is what stops (\`stop_sharing\`, "stop watching a list").
 */
function controlledProgram(tokens: readonly Token[], i: number, lemma: string): Token | undefined {
  if (!PROCESS_CONTROL_VERBS.has(lemma)) return undefined;
  const next = tokens[i + 1];
  if (next && next.word.endsWith('ing') && verbOf(next.word) && next.word !== 'running') return undefined;
  // (the head of its phrase: a "simulator recording" is a recording)
  const head = (j: number) => !tokens[j + 1] || PHRASE_END.has(tokens[j + 1]!.word) || j + 1 === i || PROCESS_CONTROL_VERBS.has(verbOf(tokens[j + 1]!.word)?.lemma ?? '');
  const runs = (j: number) => (RUNNING_PROGRAMS.has(tokens[j]!.word) || (lemma === 'reload' && RELOADED_VIEWS.has(tokens[j]!.word))) && head(j);
  for (let j = i + 1; j < Math.min(tokens.length, i + 6) && !PHRASE_END.has(tokens[j]!.word); j++) {
    if (runs(j)) return tokens[j];
    // "the currently running project", "all running apps": what runs is the head of the phrase
    if (tokens[j]!.word === 'running' && j > i + 1) {
      for (let k = j + 1; k < Math.min(tokens.length, j + 4) && !PHRASE_END.has(tokens[k]!.word); k++) if (!tokens[k + 1] || PHRASE_END.has(tokens[k + 1]!.word)) return tokens[k];
    }
  }
  // the object before the verb in a name (\`application-stop\`, \`Page_reload\`)
  for (let j = i - 1; j >= Math.max(0, i - 2); j--) if (runs(j)) return tokens[j];
  return undefined;
}

type Verb = NonNullable<ReturnType<typeof verbOf>>;

/** The billing object a verb commits money through (`finalize_invoice`, `update_subscription`), if any. */
function committedBilling(tokens: readonly Token[], lemma: string): Token | undefined {
  return tokens.find((token) => BILLING_COMMITS.get(token.word)?.has(lemma));
}

/**
 * What the deciding verb at `i` does: a light verb takes the action after it (`start_search`, "Start
 * a streaming search"), and a lifecycle verb names the thing it runs, if any (`restart_service`).
 */
function resolveAction(tokens: readonly Token[], i: number, verb: Verb): { verb: Verb; object: Token | undefined } {
  // sending a task or a prompt to a model asks it ("Send a task to a local LLM"): the answer comes back, nothing reaches anyone
  if (SENDING_TO_MODEL.has(verb.lemma) && toModel(tokens, i)) return { verb: verbOf('ask')!, object: undefined };
  const observed = observationToggle(tokens, i, verb.lemma) ?? judgedEvaluation(tokens, i, verb.lemma);
  if (observed) return { verb: observed, object: undefined };
  // building a report, a profile, a summary or a query composes an answer: nothing is compiled or run (`build_risk_profile`)
  if (verb.lemma === 'build' && composedThing(tokens, i)) return { verb: verbOf('generate')!, object: undefined };
  // "Set up a repository", `set_up_webhook`: setting a thing up creates or configures it, as "setup" does
  if (verb.lemma === 'set' && tokens[i + 1]?.word === 'up') verb = verbOf('setup')!;
  // resolving a work item (`resolve_task`, "Resolve an incident") closes it; resolving a name, an id or an address looks it up
  if (verb.lemma === 'resolve' && resolvedWork(tokens, i)) verb = verbOf('close')!;
  const action = LIGHT_VERBS.has(verb.lemma) || verb.lemma === 'run' || verb.lemma === 'execute' ? (probeRun(tokens, i) ?? (LIGHT_VERBS.has(verb.lemma) ? actionAfter(tokens, i) : observationRun(tokens, i))) : undefined;
  let resolved = (action && verbOf(action)) || verb;
  if (resolved.lemma === 'test' && probedObject(tokens, i)) resolved = verbOf('probe')!;
  return { verb: resolved, object: runningObject(tokens, i, resolved.lemma) ?? controlledProgram(tokens, i, resolved.lemma) };
}

// what is built by putting information together, not by compiling code
const COMPOSED_THINGS = new Set([
  'profile', 'profiles', 'report', 'reports', 'summary', 'summaries', 'plan', 'plans', 'prompt', 'prompts', 'query', 'queries', 'url', 'urls',
  'link', 'links', 'payload', 'outline', 'timeline', 'checklist', 'matrix', 'digest', 'brief', 'briefing', 'description', 'filter', 'filters',
  'chart', 'graph', 'overview',
]);
/** Whether "build" at `i` makes one of COMPOSED_THINGS: the head of its phrase, after the verb in prose or a name, or before it in a name (`risk_profile_build`). */
function composedThing(tokens: readonly Token[], i: number): boolean {
  for (let j = i + 1; j < Math.min(tokens.length, i + 5) && !PHRASE_END.has(tokens[j]!.word); j++) if (COMPOSED_THINGS.has(tokens[j]!.word) && (j + 1 === tokens.length || PHRASE_END.has(tokens[j + 1]!.word) || !COMPOSED_THINGS.has(tokens[j + 1]!.word))) return true;
  return i > 0 && i === tokens.length - 1 && COMPOSED_THINGS.has(tokens[i - 1]!.word);
}
const SENDING_TO_MODEL = new Set(['send', 'submit', 'pass', 'forward', 'delegate', 'offload', 'hand', 'route']);
const MODEL_WORDS = new Set(['llm', 'llms', 'model', 'models', 'ai', 'gpt', 'chatgpt', 'claude', 'gemini', 'ollama']);
const MODEL_MODIFIERS = new Set(['the', 'a', 'an', 'your', 'local', 'remote', 'configured', 'second', 'another', 'other', 'language', 'small', 'large', 'cheaper', 'faster', 'reasoning', 'coding', 'code']);
/** Whether the verb at `i` sends to a model: "to" within eight words, then a model word past up to five modifiers ("to the configured local coding LLM"). */
function toModel(tokens: readonly Token[], i: number): boolean {
  for (let j = i + 1; j < Math.min(tokens.length, i + 9); j++) {
    if (tokens[j]!.word !== 'to') continue;
    let k = j + 1;
    while (k < tokens.length && k < j + 6 && MODEL_MODIFIERS.has(tokens[k]!.word)) k += 1;
    return MODEL_WORDS.has(tokens[k]?.word ?? '');
  }
  return false;
}
/** A description whose first sentence hands a task to a model: the code or text it takes is for the model to read. */
const ASKS_MODEL = /^[^.]{0,80}?\b(send|sends|submit|submits|pass|passes|forward|forwards|delegate|delegates|offload|offloads|hand|hands)\b[^.]{0,60}?\bto\s+(an?\s+|the\s+|your\s+)?((local|remote|configured|second|another|other)\s+)?(llm|language\s+model|ai\s+model|model|gpt)\b/i;

// what profiling and tracing watch: starting or stopping one only switches an observation on or off
const OBSERVATION_NOUNS = new Set(['profiling', 'profiler', 'profilers', 'profile', 'tracing', 'tracer', 'trace']);
const TOGGLING_VERBS = new Set(['start', 'stop', 'begin', 'end', 'pause', 'resume']);
/**
 * "Start CPU profiling", `stop_heap_profiler`, `trace_stop`: starting or stopping a profiler or a trace of a running
 * program records its behaviour in memory and reads it back, which observes (a capture) and changes nothing; the
 * program itself is not what starts or stops. (A recording stays a recording: it can save a file.)
 */
function observationToggle(tokens: readonly Token[], i: number, lemma: string): Verb | undefined {
  if (!TOGGLING_VERBS.has(lemma)) return undefined;
  const near = (j: number) => OBSERVATION_NOUNS.has(tokens[j]!.word);
  for (let j = i + 1; j < Math.min(tokens.length, i + 4) && !PHRASE_END.has(tokens[j]!.word); j++) if (near(j)) return verbOf('capture');
  // the noun before the verb in a name (`profiler_start`, `trace_stop`)
  if (i > 0 && near(i - 1)) return verbOf('capture');
  return undefined;
}

const HTTP_METHOD_NAME = /^(method|http_?method|request_?method|verb|http_?verb)$/i;
const HTTP_WRITE_METHODS_ALL = /\b(POST|PUT|PATCH|DELETE)\b/g;
const HTTP_METHOD_FILTER = /\b(filter\w*|only|match(es|ing)?|restrict\w*)\b/i;
const ADDRESS_PARAMETER = /^(url|uri|endpoint|path|href|route|api_?path|resource|target_?url|request_?url)$/i;
// an address within one API (not a whole URL): the server adds the host and its credentials
const API_ADDRESS_PARAMETER = /^(endpoint|path|route|api_?path|resource)$/i;
// a request made with what the server is signed in with
const SIGNED_IN_TEXT = /\b(authenticated|authorized|with\s+(the\s+)?(configured|stored|server'?s?|your|user'?s?)\s+(credentials|token|api\s+key|key|session)|auth(entication)?\s+(headers?|token)\s+(is|are)\s+(added|attached|included))\b/i;
// what an expression or a formula can be without being code: one a calculator, a scheduler or a matcher computes
const NON_CODE_QUALIFIERS = new Set([
  'math', 'maths', 'mathematical', 'arithmetic', 'numeric', 'numerical', 'algebraic', 'cron', 'crontab', 'regular', 'regex', 'glob', 'date', 'time',
  'duration', 'unit', 'boolean', 'logical', 'filter', 'search', 'jq', 'jsonpath', 'jmespath', 'xpath', 'css', 'spreadsheet', 'excel', 'latex',
]);
const NON_CODE_EXPRESSION = new RegExp(String.raw`\b(${[...NON_CODE_QUALIFIERS].join('|')})\s+(expressions?|formulas?)\b`, 'i');
// what evaluating runs: code, and what code runs in (a page, a frame, a debugger's context)
const EVALUATED_CODE = /^(javascript|js|typescript|ts|python|lua|script|scripts|code|snippets?|expressions?|statements?|functions?|formulas?|commands?|queries|query|sql|page|pages|tab|tabs|frame|frames|browser|webview|window|context|console|repl|runtime)$/;
/**
 * "Evaluate a design against the brand framework", `evaluate_compliance`: evaluating a named thing that is not code judges
 * it and reports a score, as reviewing does. Evaluating code or in a page (`evaluate_script`, "Evaluate JavaScript in the
 * page", `puppeteer_evaluate` with no object) stays running it.
 */
function judgedEvaluation(tokens: readonly Token[], i: number, lemma: string): Verb | undefined {
  if (lemma !== 'evaluate' && lemma !== 'eval') return undefined;
  let object = false;
  for (let j = i + 1; j < Math.min(tokens.length, i + 6) && !PHRASE_END.has(tokens[j]!.word); j++) {
    // (a math, cron or regular expression is computed, not run: "Evaluate math expressions")
    if (/^(expressions?|formulas?)$/.test(tokens[j]!.word) && NON_CODE_QUALIFIERS.has(tokens[j - 1]!.word)) return verbOf('calculate');
    if (EVALUATED_CODE.test(tokens[j]!.word)) return undefined;
    if (!DETERMINERS.has(tokens[j]!.word)) object = true;
  }
  return object ? verbOf('review') : undefined;
}

// what a run that only reports is: diagnostics, a check, a probe
// (not tests: "Run the login tests" runs a suite)
const CHECK_NOUNS = new Set(['diagnostics', 'diagnostic', 'check', 'checks', 'healthcheck', 'healthchecks', 'probe', 'probes', 'ping']);
/**
 * "Run auth diagnostics against the API", `run_connectivity_check`, "Perform a credentials check": running a check of
 * something a probe tries (access, a connection, credentials) only reports whether it answers. Running tests of anything else
 * (a suite, a file) or a command stays a run.
 */
function probeRun(tokens: readonly Token[], i: number): string | undefined {
  let check = false;
  let probed = false;
  for (let j = i + 1; j < Math.min(tokens.length, i + 6) && !PHRASE_END.has(tokens[j]!.word); j++) {
    if (CHECK_NOUNS.has(tokens[j]!.word)) check = true;
    if (PROBED_OBJECTS.has(tokens[j]!.word)) probed = true;
  }
  return check && probed ? 'probe' : undefined;
}

/** What a test at `i` probes, if it only probes (`test_db_connection`, "Test the proxy connection with…", `auth_token_test`): near it, before a preposition or clause. */
function probedObject(tokens: readonly Token[], i: number): Token | undefined {
  for (let j = i + 1; j < Math.min(tokens.length, i + 6) && !PHRASE_END.has(tokens[j]!.word); j++) if (PROBED_OBJECTS.has(tokens[j]!.word)) return tokens[j];
  // (an object before the verb: `proxy_connection_test`)
  for (let j = i - 1; j >= Math.max(0, i - 3) && !PHRASE_END.has(tokens[j]!.word); j--) if (PROBED_OBJECTS.has(tokens[j]!.word)) return tokens[j];
  return undefined;
}

/**
 * "preview", "dry run", "validate"… neutralize a name when they are its action (`preview_delete`, `validate_config`;
 * not when a conjunction joins another action to them: `check_and_delete_file` deletes, while `validate_create_or_update_payload`
 * joins two verbs it governs) or modify the action right beside them (`delete_preview`, `deploy_dry_run`); elsewhere they are nouns (`execute_test_plan`, `genai-simulation-cancel-run`).
 */
function neutralizing(tokens: readonly Token[], primary: ReadonlySet<number>, i: number): boolean {
  const word = tokens[i]!.word;
  if (!NEUTRALIZERS.has(word) || (word === 'dry' && tokens[i + 1]?.word !== 'run')) return false;
  return (
    (i === 0 &&
      ![...primary].some(
        (j) =>
          j > 1 &&
          CONJUNCTIONS.has(tokens[j - 1]!.word) &&
          !NEUTRALIZERS.has(tokens[j]!.word) &&
          !(primary.has(j - 2) && !NEUTRALIZERS.has(tokens[j - 2]!.word)),
      )) ||
    ((word === 'preview' || word === 'dry' || word === 'dryrun') && (primary.has(i - 1) || primary.has(i + 1) || (word === 'dry' && primary.has(i + 2))))
  );
}

/** Signals from the tool's name: its verbs, modifiers and nouns. */
export function nameSignals(name: string, traits: ServerTraits): Signal[] {
  const tokens = splitIdentifier(name);
  const out: Signal[] = [];
  const primary = primaryVerbIndexes(tokens);
  const neutralized = tokens.some((_, i) => neutralizing(tokens, primary, i));
  const nouns = nounWordsOfName(tokens, primary);
  for (const [i, token] of tokens.entries()) {
    if (token.word === 'dry' && tokens[i + 1]?.word === 'run' && neutralizing(tokens, primary, i)) {
      // (read as "dryrun" and "preview" are: the call only shows what would happen)
      const text = name.slice(token.start, tokens[i + 1]!.start + tokens[i + 1]!.text.length);
      out.push(signal('name', 'negation', 'modifier:dry-run', 3, 'name', text));
      out.push(signal('name', 'read', 'verb:dry-run', 3, 'name', text));
      continue;
    }
    if (neutralizing(tokens, primary, i)) {
      out.push(signal('name', 'negation', `modifier:${token.word}`, 3, 'name', token.text));
      out.push(signal('name', 'read', `verb:${token.word}`, 3, 'name', token.text));
      continue;
    }
    if (tokens[i - 1]?.word === 'dry' && token.word === 'run' && neutralizing(tokens, primary, i - 1)) continue;
    let verb = nameVerbOf(token.word);
    if (!verb) continue;
    // a plural noun (`total_tests`, `labels-list`'s "labels") or a fixed noun phrase (`pull_request`) names a thing, not an action
    // (nor is a word after a preposition: `tests_per_test_name`)
    if (nouns.has(i)) continue;
    const weight = primary.has(i) ? 3 : 0.75;
    if (primary.has(i)) {
      const billing = committedBilling(tokens, verb.lemma);
      // a subscription, a plan or a tier bills differently only when the call says so (weighed in classify)
      if (billing) out.push(signal('name', 'financial', `commits:${billing.word}`, BILLED_ON_CONDITION.test(billing.word) ? 0 : 1, 'name', billing.text));
      const resolved = resolveAction(tokens, i, verb);
      verb = resolved.verb;
      if (resolved.object && !neutralized) out.push(signal('name', 'execute', `object:${resolved.object.word}`, 3, 'name', resolved.object.text));
    }
    for (const effect of verbEffects(verb.lemma, verb.effects, traits)) {
      // a neutralized name keeps its reading but loses what it would have done
      if (neutralized && effect !== 'read' && effect !== 'openWorld') continue;
      out.push(signal('name', effect, `verb:${verb.lemma}`, weight, 'name', token.text));
    }
  }
  out.push(...nounSignals(tokens, 'name', 'name', 1));
  out.push(...personalNameSignals(tokens, primary));
  out.push(...credentialKeySignals(tokens, primary, traits));
  // "create or update" a file, a page, a record from the content given: when it exists, it is replaced as a whole (an upsert)
  const lemmas = [...primary].map((i) => verbOf(tokens[i]!.word)?.lemma);
  if (!neutralized && lemmas.some((lemma) => lemma === 'create' || lemma === 'insert' || lemma === 'add') && lemmas.some((lemma) => lemma === 'update' || lemma === 'replace')) out.push(signal('name', 'destructive', 'whole:upsert', 0, 'name', name));
  // (`unapprove_merge_request`: a "merge request" is a thing, not the action)
  if (!neutralized) for (const i of primary) if (!/^requests?$/.test(tokens[i + 1]?.word ?? '')) out.push(...wholeItemSignals(tokens.filter((_, j) => j !== i), verbOf(tokens[i]!.word)?.lemma ?? '', 'name', 'name'));
  // `open_devtools`, `open_simulator`: opening an application launches it
  const object = tokens[nameObject(tokens, primary)];
  // (the verb first: `app_open` opens an app's bundle file)
  if (!traits.ui && object && HOST_APPS.has(object.word) && [...primary].some((i) => i < tokens.indexOf(object) && verbOf(tokens[i]!.word)?.lemma === 'open')) out.push(signal('name', 'execute', 'phrase:opens-app', 3, 'name', object.text));
  // what a file-writing verb acts on (`push_files`): evidence for the classifier, no weight of its own
  for (const token of tokens) if (FILE_NOUNS.has(token.word)) out.push(signal('name', 'write', 'noun:file', 0, 'name', token.text));
  return out;
}

const NEGATIONS = new RegExp(
  String.raw`\b(read[- ]only|does\s+not\s+(modify|change|write|delete|alter|create|update|execute|run)|doesn'?t\s+(modify|change|write|delete|alter)` +
    String.raw`|without\s+(making\s+)?(any\s+)?(changes|modif\w*|side[- ]effects|writing|executing|altering)|no\s+side[- ]effects|non[- ]destructive` +
    String.raw`|never\s+(modif\w+|changes?|writes?|deletes?)|will\s+not\s+(modify|change|write|delete)|safe\s+to\s+call|only\s+(reads|retrieves|returns|lists)` +
    String.raw`|select\s+(quer(y|ies)|statements?)|only\s+select)\b`,
  'i',
);

// ("Execute a SELECT query": a statement that can only read)
const NEGATION_WORDS = ['read', 'not', 'doesn', 'without', 'side', 'non', 'never', 'safe', 'only', 'select'];
// the words every match of OPERATION_LIST or OPERATION_HEADING (in listedOperations) has as a whole word: without one, neither can match
// (each keyword of theirs starts at a word boundary and is followed by a space or a colon; "sub-commands" has "commands")
const LISTING_WORDS = ['command', 'commands', 'subcommand', 'subcommands', 'operation', 'operations', 'action', 'actions', 'capability', 'capabilities',
  'include', 'includes', 'support', 'supports', 'provide', 'provides'];
// the words every match of PAYS_ON_CALL and of MOVES_ASSETS (in sideMoneySignals) has as a whole word, each followed by a space
// within the match (so a match in the first 1,500 characters has it whole in the first 4,000): a paying verb, "automatic(ally)",
// a payment rail ("on-chain" has "chain"); "changing" (state-changing), "signed" or "raw" (transactions), "private" (key)
const PAYING_WORDS = ['paid', 'pay', 'pays', 'paying', 'charged', 'debited', 'deducted', 'automatically', 'automatic', 'x402', 'l402', 'lightning', 'usdc', 'stablecoin', 'crypto', 'onchain', 'chain',
  'released', 'disbursed'];
const ASSETS_WORDS = ['changing', 'signed', 'raw', 'private'];
// which of the word lists each trigger word is in, as bits: the negation, listing, paying and asset-moving words, then the trigger
// words of each phrase (one scan of the text ORs the bits of the words found: a list has a word present when its bit is set)
const NEGATION_BIT = 1;
const LISTING_BIT = 2;
const PAYING_BIT = 4;
const ASSETS_BIT = 8;
const FIRST_PHRASE_BIT = 4;
/** The bit of the i-th phrase: past 28 phrases two share one, and each is tried where the other's words are too (which only costs a regex). */
const phraseBit = (i: number) => 1 << (FIRST_PHRASE_BIT + (i % (32 - FIRST_PHRASE_BIT)));

/** A phrase of a rule's `phrases` (classifier/rules/flags/*-phrase.yaml), as proseSignals tries it. */
export interface DescriptionPhrase {
  /** Where the phrase first matches a text: its regex's match, or the one of its `anyOf` parts that starts first. */
  find: (text: string) => RegExpExecArray | null;
  effect: SignalEffect;
  label: string;
  weight: number;
  /** The scan's bit for its trigger words: the phrase is tried only on a text that holds one of them. */
  bit: number;
}

export interface PhraseTable {
  /** Every phrase of the rules, in their `order`. */
  readonly phrases: readonly DescriptionPhrase[];
  /**
   * The bits of the word lists that have a word in the text (case aside): a maximal run of ASCII letters and digits equal to
   * one of them. (A description is scanned by proseSignals, listedOperations and sideMoneySignals: the answer is kept.)
   */
  readonly triggersIn: (text: string) => number;
}

/** The phrases of a set of rules, in their `order`, with one scan of a text for all their trigger words and the lists above. */
export function phraseTable(set: RuleSet): PhraseTable {
  const entries = set.rules.flatMap((rule) => {
    // (checkRules holds a rule of phrases to one exact signal label)
    if (!rule.phrases || !('signal' in rule.concludes)) return [];
    const label = rule.concludes.signal.labels[0]!;
    return rule.phrases.map(({ order, words, effect, weight }, i) => ({ order, words, effect, label, weight, find: phraseFinder(rule.compiled!.phrases![i]!) }));
  });
  entries.sort((a, b) => a.order - b.order);
  const phrases: DescriptionPhrase[] = entries.map(({ find, effect, label, weight }, i) => ({ find, effect, label, weight, bit: phraseBit(i) }));
  // every trigger word in one pattern: one scan tells which phrases are worth trying
  // (a word ends at any character but an ASCII letter or digit, as \b does but for "_": "api_key" has "api")
  const lists: [number, readonly string[]][] = [[NEGATION_BIT, NEGATION_WORDS], ...entries.map(({ words }, i): [number, readonly string[]] => [phrases[i]!.bit, words]),
    [LISTING_BIT, LISTING_WORDS], [PAYING_BIT, PAYING_WORDS], [ASSETS_BIT, ASSETS_WORDS]];
  const bits = new Map<string, number>();
  for (const [bit, words] of lists) for (const word of words) bits.set(word, (bits.get(word) ?? 0) | bit);
  const triggers = new RegExp(`(?<![a-z0-9])(?:${[...bits.keys()].join('|')})(?![a-z0-9])`, 'gi');
  const triggersIn = lastTwo((text: string): number => {
    let found = 0;
    triggers.lastIndex = 0;
    for (let match = triggers.exec(text); match !== null; match = triggers.exec(text)) found |= bits.get(match[0].toLowerCase()) ?? 0;
    return found;
  });
  return { phrases, triggersIn };
}

let rulePhrases: PhraseTable | undefined;
/** The phrase table of the classifier's rules, built when first needed (a malformed rule file throws its RuleFileError then, not on import). */
function descriptionPhrases(): PhraseTable {
  rulePhrases ??= phraseTable(ruleSet());
  return rulePhrases;
}

/** The bits of the word lists that have a word in the text, for the rules' phrase table. */
const triggersIn = (text: string): number => descriptionPhrases().triggersIn(text);

/** The part of a prose field that proseSignals reads: real descriptions say what they do early; huge ones are flagged elsewhere. */
function proseHead(text: string): string {
  return text.length > 4000 ? text.slice(0, 4000) : text;
}

function isLeadVerb(token: Token | undefined, traits: ServerTraits): boolean {
  if (!token || (token.text.length > 1 && token.text === token.text.toUpperCase())) return false;
  const verb = verbOf(token.word);
  return Boolean(verb && verbEffects(verb.lemma, verb.effects, traits).length > 0);
}

/** A verb that can lead a title or description (a noun-like word in a Title Case title cannot: "Email Metrics"). */
function isLead(token: Token | undefined, family: 'title' | 'description', traits: ServerTraits): boolean {
  return isLeadVerb(token, traits) && !(family === 'title' && (NOUN_LIKE.has(token!.word) || (inSForm(token!.word) && NOUN_LIKE.has(verbOf(token!.word)!.lemma))));
}

/** The first word leads only when nothing but punctuation or symbols comes before it ("讀上一次 run_tests…" does not start with "run"). */
function atStart(token: Token, text: string): boolean {
  return !/[\p{L}\p{N}]/u.test(text.slice(0, token.start));
}

// words for the tool itself before "for …ing" ("Commands for managing…", "PRIMARY TOOL for editing files", "Used for sending…")
const TOOL_SELF = new Set(['tool', 'tools', 'command', 'commands', 'operation', 'operations', 'action', 'actions', 'utility', 'utilities', 'helper', 'function', 'functions',
  'endpoint', 'method', 'api', 'interface', 'wrapper', 'server', 'service', 'capability', 'capabilities', 'used', 'useful', 'designed', 'meant', 'intended', 'built', 'primarily', 'mainly', 'only']);
/**
 * "for …ing" says what the tool does after the tool itself or at the start ("Tool for creating issues", "For sending SMS");
 * after another noun the verb is inside that noun's phrase ("the setup guide for adding webhooks", "examples for writing configs").
 */
function forsTheTool(words: readonly Token[], i: number): boolean {
  return i === 0 || TOOL_SELF.has(words[i - 1]!.word);
}

/** "Deprecated: use X" is a status, not an action. */
function isParticiple(token: Token): boolean {
  return /(ed|en)$/.test(token.word) && verbOf(token.word)?.lemma !== token.word;
}

// what follows "call" or "invoke" when it tells the model when to call this tool ("call FIRST", "Call after the user has signed in", "Invoke this before…")
const WHEN_TO_CALL = new Set(['first', 'this', 'after', 'before', 'when', 'whenever', 'once', 'it', 'me', 'only', 'if', 'early', 'immediately']);
/** "PRIMARY TOOL — call FIRST…", "Call after the user signs in": advice to the model about calling this tool, not what the tool does. */
function callsThisTool(words: readonly Token[], i: number): boolean {
  const lemma = verbOf(words[i]?.word ?? '')?.lemma;
  return (lemma === 'call' || lemma === 'invoke') && WHEN_TO_CALL.has(words[i + 1]?.word ?? '');
}

const HEADING_SEPARATOR = /\b(operations?|tools?|commands?|actions?|management|api)\s*(\s[-–—:]\s|:\s)/i;

/** Signals from a prose field (title or description): its leading verb, key phrases and negations. */
export function proseSignals(text: string, family: 'title' | 'description', traits: ServerTraits, table: PhraseTable = descriptionPhrases()): Signal[] {
  const out: Signal[] = [];
  const where = family;
  const head = proseHead(text);
  const present = table.triggersIn(head);
  const negation = present & NEGATION_BIT ? NEGATIONS.exec(head) : null;
  if (negation) {
    out.push(signal(family, 'negation', 'phrase:negation', 2, where, negation[0]));
    out.push(signal(family, 'read', 'phrase:negation', 2, where, negation[0]));
  }
  const sentence = family === 'title' ? { text: head, start: 0 } : sentenceOf(head);
  const words = wordsOf(sentence.text);
  // what the tool does is said by the sentence's first word ("Deletes a file", "List issues") or
  // the verb after an opening like "Tool to…", "Use this to…", "Allows you to…"
  let lead = isLead(words[0], family, traits) && atStart(words[0]!, sentence.text) && !isParticiple(words[0]!) && !callsThisTool(words, 0) && !opensNounPhrase(words, 0) ? words[0] : undefined;
  if (!lead) {
    // "Tool to delete…", "Use this to…", "This tool will refund…", "Commands for managing…"
    const to = words.slice(0, 8).findIndex((token, i) => (token.word === 'to' || token.word === 'will' || (token.word === 'for' && words[i + 1]?.word.endsWith('ing') && forsTheTool(words, i))) && isLead(words[i + 1], family, traits) && !callsThisTool(words, i + 1));
    if (to !== -1) lead = words[to + 1];
  }
  if (!lead) {
    // "Azure Container Registry operations - Manage registries…": the verb after a dash or colon that follows a heading
    const separator = HEADING_SEPARATOR.exec(sentence.text);
    if (separator) lead = words.find((token, i) => token.start >= separator.index + separator[0].length && isLead(token, family, traits) && token.start < separator.index + separator[0].length + 2 && !callsThisTool(words, i));
  }
  // "Tap on the device at (x, y)", "Click the element": a UI action on a screen, page or device the sentence names drives it,
  // though the server's own description does not say it automates one
  const uiVerb = !lead && !traits.ui && words[0] && atStart(words[0], sentence.text) ? verbOf(words[0].word) : undefined;
  if (uiVerb && UI_ONLY.has(uiVerb.lemma) && UI_OBJECTS.test(sentence.text)) out.push(signal(family, 'execute', 'phrase:drives-ui', 2, where, words[0]!.text));
  // "Check a checkbox or radio button": ticking a control on a page drives it, though "check" elsewhere verifies
  else if (words[0] && atStart(words[0], sentence.text) && /^(check|checks|tick|ticks|toggle|toggles)$/i.test(words[0].word) && /^\W*\w+\s+(an?\s+|the\s+)?(checkbox|check\s+box|radio\s+button|toggle\s+switch)\b/i.test(sentence.text)) {
    out.push(signal(family, 'execute', 'phrase:drives-ui', 2, where, words[0].text));
  }
  // "Open deep link on simulator/device", "Navigate to the screen in the emulator": opening or navigating on a device or a browser drives it
  else if (lead && !traits.ui && lead === words[0] && UI_ACTIONS.has(verbOf(lead.word)?.lemma ?? '') && ON_A_DEVICE.test(sentence.text)) out.push(signal(family, 'execute', 'phrase:drives-ui', 2, where, lead.text));
  // "Send key event to device", "Move mouse to coordinates", "Switch keyboard language on simulator", "Set focus on a node … scrolling
  // the viewport": input sent to an app or a device as a person's keyboard, mouse or touch would send it drives it
  else if (lead && lead === words[0] && INPUT_VERBS.has(verbOf(lead.word)?.lemma ?? '') && UI_INPUT.test(sentence.text)) out.push(signal(family, 'execute', 'phrase:drives-ui', 2, where, lead.text));
  if (lead) {
    const { verb, object } = resolveAction(words, words.indexOf(lead), verbOf(lead.word)!);
    // "Connect to a MongoDB instance": a client connection leaves nothing behind; "Connect a Git repository" links one
    const connectsTo = verb.lemma === 'connect' && !traits.ui && words[words.indexOf(lead) + 1]?.word === 'to';
    if (connectsTo) out.push(signal(family, 'read', 'phrase:connects-to', 2, where, sentence.text.slice(lead.start, words[words.indexOf(lead) + 1]!.start + 2)));
    else for (const effect of verbEffects(verb.lemma, verb.effects, traits)) {
      if (negation && (effect === 'write' || effect === 'destructive' || effect === 'execute')) continue;
      out.push(signal(family, effect, `verb:${verb.lemma}`, 2, where, lead.text));
    }
    if (object && !negation) out.push(signal(family, 'execute', `object:${object.word}`, 2, where, object.text));
    if (RETRIEVING_VERBS.has(verb.lemma)) out.push(...personalProseSignals(words, words.indexOf(lead), sentence.text, family, where));
    const leadIndex = words.indexOf(lead);
    // what is restored from is said after the object ("from a backup"); what is merged or cancelled is the object
    if (!negation) out.push(...wholeItemSignals(verb.lemma === 'restore' ? words.slice(leadIndex + 1) : words.slice(leadIndex + 1, phraseEnd(words, leadIndex, sentence.text) + 1), verb.lemma, family, where));
    if (verb.lemma === 'open' && !traits.ui) out.push(...opensAppSignals(words, words.indexOf(lead), sentence.text, family, where));
    if (verb.lemma === 'remove') out.push(...detachingSignals(words, words.indexOf(lead), sentence.text, family, where));
    if (VERB_SCOPE.get(verb.lemma) === 'item' && !negation) out.push(...containerObjectSignals(words, words.indexOf(lead), sentence.text, family, where));
  }
  const firstEnd = sentence.start + sentence.text.length;
  for (const { find, effect, label, weight, bit } of table.phrases) {
    if (!(present & bit)) continue;
    if (negation && (effect === 'destructive' || effect === 'execute')) continue;
    const match = find(head);
    if (!match) continue;
    // what the tool acts on is said in its first sentence; a filter mentioned later is a parameter's option
    // (as is the program a tool runs, and what it loads into: "…or run an existing query via the CLI" later on is advice)
    if ((label === 'phrase:by-filter' || label === 'phrase:upsert' || label === 'phrase:runs-program' || label === 'phrase:loads-into') && match.index >= firstEnd) continue;
    // an action mentioned past the first sentence ("…before running commands") says less about this tool
    // (secrets mentioned later are mostly setup notes: "With Reddit credentials, posts include scores")
    // (an overwrite said later is mostly about one field: "Setting attendees replaces the entire attendee list")
    const where_ = match.index < firstEnd ? weight : Math.min(weight, effect === 'execute' || effect === 'financial' || effect === 'sensitive' ? 0.5 : label === 'phrase:overwrite' ? 0.75 : weight);
    out.push(signal(family, effect, label, where_, where, match[0]));
  }
  out.push(...nounSignals(words.slice(0, 12), family, where, 0.5));
  return out;
}

// parameter names repeat across a catalog (path, query, id…): what a name alone says is worked out once per name
// (a pure function of the name; bounded, as names come from servers)
const PARAMETER_NAMES = new Map<string, ParameterName>();

/** What a parameter's name says, whatever its type and description. */
interface ParameterName {
  tokens: Token[];
  words: string[];
  last: string | undefined;
  /** The name's words that PARAMETERS lists, in order, with what they signal. */
  keyed: { token: Token; effects: SignalEffect[] }[];
  /** One of its words names code or a command to run (`cmd`, `script`). */
  executes: boolean;
  /** Its last word names a query language (`logql`, `cypher`). */
  queryLanguage: boolean;
  cellRange: boolean;
  reveals: boolean;
  apiPath: boolean;
  outputName: boolean;
  fileName: boolean;
  bareFileName: boolean;
  action: boolean;
  codeHint: boolean;
}

function parameterName(name: string): ParameterName {
  let known = PARAMETER_NAMES.get(name);
  if (!known) {
    const tokens = splitIdentifier(name);
    const words = tokens.map((token) => token.word);
    const last = words[words.length - 1];
    const keyed: ParameterName['keyed'] = [];
    for (const token of tokens) {
      const effects = own(PARAMETERS, token.word);
      if (effects) keyed.push({ token, effects });
    }
    known = {
      tokens,
      words,
      last,
      keyed,
      executes: keyed.some(({ effects }) => effects.includes('execute')),
      queryLanguage: QUERY_LANGUAGE_NAME.test(last ?? ''),
      cellRange: CELL_RANGE_PARAMETER.test(name),
      reveals: REVEALING_PARAMETER.test(name),
      apiPath: API_PATH_PARAMETER.test(name),
      outputName: OUTPUT_NAME.test(name),
      // (`requestFilePath`, `output_dir`: a name whose head word is a file location)
      fileName: FILE_NAME.test(name) || FILE_HEADS.has(last ?? ''),
      bareFileName: BARE_FILE_NAME.test(name),
      action: ACTION_PARAMETER.test(name),
      codeHint: CODE_HINT.test(name),
    };
    if (PARAMETER_NAMES.size > 100_000) PARAMETER_NAMES.clear();
    PARAMETER_NAMES.set(name, known);
  }
  return known;
}

const SAVING_SWITCH_VERBS = new Set(['save', 'write', 'persist', 'store', 'record', 'update']);
// a switch that has the call delete something besides (`delete_source_branch`, `drop_target`, `delete_volumes`, `in_trash`, `hard_delete`)
// (a filter on what is listed, `include_archived`, `is_trashed`, starts with another word)
const DELETING_SWITCH_VERBS = new Set(['delete', 'drop', 'destroy', 'erase', 'wipe', 'trash', 'shred', 'truncate']);
// (`permanent` alone is as often a redirect's 301 or an install that outlives the session)
const TRASHING_SWITCH = /^(in[_-]?trash|move[_-]?to[_-]?trash|hard[_-]?delete|permanent(ly)?[_-]?delete|delete|truncate)$/i;
const CLEARING_SWITCH = /^(clear|purge|flush|drain|consume|wipe)([_-]?(after|after[_-]?read(ing)?|on[_-]?read|buffer|logs?|messages?|queue|events?|entries|history))?$/i;
// action parameters whose name says as readily that they pick a kind of thing
const KIND_PARAMETER = /^(type|mode)$/i;
const INVOKED_NAME = /^(tool|tool_?name|name|action_?name|function_?name|operation_?name)$/i;
const INVOKED_ARGUMENTS = /^(args|arguments|params|parameters|input|payload|tool_?args|tool_?input)$/i;
const REVEALING_PARAMETER = /^(reveal|reveal_?(values?|secrets?|env_?\w*|passwords?)|unmask|decrypt|include_?(values|secrets?|credentials|passwords|tokens)|show_?secrets?|with_?secrets?)$/i;
const OUTPUT_NAME = new RegExp(
  [
    String.raw`^(output|save|export|download|destination|dest|target)[_-]?(path|dir|directory|file|filename|folder|to|as|location)([_-]?(name|path))?$`,
    String.raw`^(save|output|export)[_-]?(png|pdf|file|path|dir|to)$`,
    String.raw`^(savePath|outputDir|outputPath|outputFile|saveTo|saveAs|downloadPath|downloadDir|localPath)$`,
  ].join('|'),
  'i',
);
const FILE_NAME = /^(file|filename|file_?name|file_?path|path|filepath|dir|directory|folder)$/i;
const FILE_HEADS = new Set(['file', 'filename', 'filepath', 'path', 'dir', 'directory', 'folder']);
// a parameter described as a file location ("Filename to save as", "Path where the trace is written")
const FILE_DESCRIBED = /^\s*(the\s+)?(file\s*name|file\s*path|(absolute\s+|relative\s+|local\s+)?path|directory|folder)\b/i;
// ("saved to", "output in"; and a location given to save into: "File path to save the PDF", "Directory where to write the report")
const OUTPUT_TEXT = /\b(save[sd]?|saving|writ(e|es|ten|ing)|output)\b[^.]{0,40}\b(to|into|in|at|as|under)\b|\b(path|file|folder|directory|dir|location|where)\s+(to|in\s+which\s+to)\s+(save|write|store|export|download)\b/i;
const JUDGED_TEXT = /\b(code|script|snippet|source|component|sql|quer(y|ies))s?\b[^.]{0,30}?\bto\s+(be\s+)?(review(ed)?|analy[sz]ed?|lint(ed)?|audit(ed)?|score[sd]?|grade[sd]?|assess(ed)?|explain(ed)?|optimi[sz]ed?|repair(ed)?|evaluated?\s+against)\b/i;
/**
 * Whether a parameter's description hands its code or query over to be judged ("The code to review", "SQL query to
 * optimize"), unless the tool says it runs it too ("Use EXPLAIN ANALYZE - actually executes the query").
 */
function judgedText(tool: McpTool, description: string): boolean {
  return JUDGED_TEXT.test(description) && !RUNS_THE_QUERY.test(`${tool.description ?? ''} ${JSON.stringify(tool.inputSchema ?? {})}`);
}
// (a tool that says it runs the query it is given; not "the error received when executing the query")
const RUNS_THE_QUERY = /(?<!\b(when|while|after|before|from)\s+)\b(execut\w*|runs?|running)\s+(the|this|that|your|a)\s+(sql\s+)?(query|statement)\b/i;
const CODE_WORDS = /command|script|code|expression|shell|bash|terminal|javascript/i;
const SUB_COMMAND = /\b(sub-?commands?|against\s+the\s+(specified\s+)?tool|tool\s+command|command\s+name|name\s+of\s+the\s+command|operation\s+to\s+perform)\b/i;
const SQL_HINT = /\b(sql|select\s+\w|cypher|graphql|sparql|mongo(db)?\s+query|aggregation\s+pipeline|query\s+language|query\s+dsl|es\|ql|esql|promql|logql|kql|kusto|ksql)\b/i;
// query languages by name (a product's search syntax, such as JQL or a search box's, is not one: that is read)
const QUERY_LANGUAGE_NAME = /^(sql|logql|promql|metricsql|kql|kusto|cypher|sparql|graphql|esql|ksql|traceql|flux)$/i;
const QUERY_LANGUAGE_TEXT = /\b(sql|logql|promql|metricsql|kql|kusto|cypher|sparql|graphql|es\|ql|esql|ksql|traceql|flux)\s+(query|queries|expression|expressions|matcher|selector|statement|statements)\b/i;
// what is resolved by closing it, not by looking it up
const RESOLVED_WORK = new Set([
  'task', 'tasks', 'issue', 'issues', 'ticket', 'tickets', 'incident', 'incidents', 'alert', 'alerts', 'conflict', 'conflicts', 'thread', 'threads',
  'dispute', 'disputes', 'case', 'cases', 'bug', 'bugs', 'finding', 'findings', 'problem', 'problems', 'escalation', 'escalations',
]);
const RESOLVE_DETERMINERS = new Set(['a', 'an', 'the', 'this', 'that', 'one', 'each', 'every', 'all', 'any', 'its', 'their', 'your']);
// what only names or points at an item ("the incident id"): resolving it looks it up
const NAMING_HEADS = new Set(['id', 'ids', 'name', 'names', 'number', 'numbers', 'key', 'keys', 'url', 'urls', 'link', 'links', 'path', 'paths', 'reference', 'references', 'ref', 'refs', 'slug', 'slugs', 'uri', 'handle']);
// what closing ends by stopping a process: a terminal, a REPL, a kernel, a sandbox
const CLOSED_PROCESSES = new Set(['terminal', 'terminals', 'shell', 'shells', 'process', 'processes', 'pty', 'ptys', 'repl', 'repls', 'kernel', 'kernels', 'sandbox', 'sandboxes', 'tunnel', 'tunnels', 'daemon', 'runner', 'debugger', 'debuggee']);
// what kind of order a market takes (`market_order`, "stop-limit order", "futures order")
// what a provider verifies ownership of
const OWNED_IDENTITIES = new Set(['domain', 'domains', 'sender', 'senders', 'identity', 'identities']);
const TRADE_ORDER_KINDS = new Set(['market', 'limit', 'stop', 'futures', 'spot', 'margin', 'perp', 'perpetual', 'options', 'option', 'bracket', 'trailing', 'oco', 'trade', 'trading', 'buy', 'sell']);
// head nouns after which a code word only says what the value refers to
const CODE_REFERRING_HEADS = new Set(['id', 'ids', 'ref', 'refs', 'reference', 'references', 'hash', 'sha', 'version', 'versions', 'language', 'lang', 'type', 'types', 'style', 'format']);
const CODE_HINT = /\b(command|shell|bash|script|code|javascript|typescript|python|expression|statement|program)s?\b/i;

// (regular expressions without the g flag keep no state between calls: one object serves every call)
const INVOKED_TEXT = /\b(tools?|functions?|actions?)\b/i;
const TASK_PARAMETER = /^(task|prompt|instructions?|goal|objective)$/i;
const BATCH_PARAMETER = /^(steps|operations|ops|calls|commands|actions|requests|batch|tool_?calls)$/i;
// (several of the server's own operations, tools or commands run in one call)
const BATCH_TEXT = /\b(multiple|several|many|batch(ed)?|a\s+(sequence|series|list)\s+of)\s+(\w+\s+)?(tools?|operations?|commands?|actions?|steps|calls|requests)\b|\b(tools?|operations?|commands?|actions?|steps|calls)\s+(\w+\s+)?(in\s+sequence|in\s+(a\s+single|one)\s+call|sequentially)\b/i;
const READS_ONLY_AGENT = /\b(research\w*|extract\w*|returns?\s+(structured\s+)?(data|json))\b|\bnot\s+(drive|control|automate)\b/i;
const AGENT_TEXT = /\b(agents?|autonomous(ly)?|computer[- ]use)\b/i;
const ACTING_AGENT_TEXT = /\b(interact\w*|navigat\w*|click\w*|browser[- ]automation|browser[- ]based|performs?\s+(actions|interactions)|takes?\s+actions)\b/i;
const CODE_FIRST_WORD = /^(source|js|python|script|program)$/;
// what says a `code` parameter holds code to run: a verb of running near a word for code, or a programming language
const CODE_TO_RUN = new RegExp(
  [
    String.raw`\b(code|snippet|script|program|source)s?\b[^.]{0,40}\b(run|runs|ran|execut\w*|evaluat\w*|eval|interpret\w*|inject\w*)\b`,
    String.raw`\b(run|runs|execut\w*|evaluat\w*|eval|interpret\w*|inject\w*)\b[^.]{0,40}\b(code|snippet|script|program)s?\b`,
    String.raw`\b(javascript|typescript|python|bash|shell|lua|ruby|php|perl|powershell|deno|node\.?js|jupyter|repl)\b`,
  ].join('|'),
  'i',
);
const TIME_TEXT = /\b(time|date|until|end|timestamp|range|epoch|seconds?)\b/i;
const RUNS_CODE_TEXT = /\b(commands?|scripts?|code|expression)\s+to\s+(run|execute|evaluate)\b|\b(shell|bash|terminal)\s+command\b/i;
const RUNS_JAVASCRIPT_TEXT = /\bjavascript\b.*\b(execute|evaluate|run)\b|\b(execute|evaluate|run)\b.*\bjavascript\b/i;
const JAVASCRIPT_WORD = /\bjavascript\b/i;
const CELL_RANGE_PARAMETER = /^(range|cell|cells|a1_?notation|range_?address|cell_?range)$/i;
const API_PATH_PARAMETER = /^(path|endpoint|api_?path|resource_?path|route)$/i;
const API_PATH_TEXT = /\b(api\s+(endpoint\s+)?path|endpoint\s+path)\b/i;
const REPLACING_VALUE = /^(replace|overwrite|rewrite|upsert|force)$/i;
const BARE_FILE_NAME = /^(filename|file_?name|output|out)$/i;
const UNDERSCORE_OR_DASH = /[_-]/g;

/** Signals from parameter names, types, enums and descriptions. */
export function parameterSignals(tool: McpTool, traits: ServerTraits): Signal[] {
  const all: Signal[] = [];
  // a tool, function or action named by the caller, with its arguments (`call(toolName, args)`): the call runs whatever that one does
  const names = Object.keys((tool.inputSchema.properties ?? {}) as Record<string, unknown>);
  let invoked: string | undefined;
  let task: string | undefined;
  for (const name of names) {
    if (invoked === undefined && INVOKED_NAME.test(name)) invoked = name;
    if (task === undefined && TASK_PARAMETER.test(name)) task = name;
  }
  if (invoked && names.some((name) => INVOKED_ARGUMENTS.test(name)) && INVOKED_TEXT.test(`${tool.name.replace(UNDERSCORE_OR_DASH, ' ')} ${sentenceOf(tool.description ?? '').text}`)) {
    all.push(signal('parameter', 'execute', 'param:invoked-tool', 0, `inputSchema.properties.${locationKey(invoked)}`, invoked));
  }
  // a batch of calls, each one of the server's operations of the caller's choosing ("Run multiple tools in sequence", `steps: [...]`):
  // the call does whatever those do
  const batch = names.find((name) => BATCH_PARAMETER.test(name) && own(tool.inputSchema.properties as Record<string, { type?: unknown } | undefined>, name)?.type === 'array');
  if (batch && BATCH_TEXT.test(`${tool.name.replace(UNDERSCORE_OR_DASH, ' ')} ${sentenceOf(tool.description ?? '').text}`)) {
    all.push(signal('parameter', 'execute', 'param:call-batch', 0, `inputSchema.properties.${locationKey(batch)}`, batch));
  }
  // a task handed to an agent that acts on its own ("The agent will navigate and interact with web pages"): it does whatever the task needs
  if (task) {
    const head = (tool.description ?? '').slice(0, 400);
    // (a research agent that navigates to read returns data; a tool that says it does not drive the browser does not)
    const readsOnly = READS_ONLY_AGENT.test(head);
    if (!readsOnly && AGENT_TEXT.test(`${tool.name.replace(UNDERSCORE_OR_DASH, ' ')} ${head}`) && ACTING_AGENT_TEXT.test(head)) {
      all.push(signal('parameter', 'execute', 'param:agent-task', 2.5, `inputSchema.properties.${locationKey(task)}`, task));
    }
  }
  // (asked only of the few parameters that need them: most tools take no code and no HTTP method)
  let asksModel: boolean | undefined;
  let addresses: string[] | undefined;
  let runsCode: boolean | undefined;
  for (const property of inputProperties(tool.inputSchema)) {
    // (this parameter's signals go straight to the list: they are the ones from `from` on)
    const out = all;
    const from = all.length;
    const named = parameterName(property.name);
    const { tokens, words, last } = named;
    const type = property.schema.type;
    const description = typeof property.schema.description === 'string' ? property.schema.description : '';
    // a command or script chosen from a fixed list (`cmd: "ls" | "cat" | "stat"`) names one of the tool's operations, not code to run
    // (an enum that is not itself the command, such as a sandbox policy "for shell command execution", still tells what runs)
    const chosen = Array.isArray(property.schema.enum) && property.schema.enum.length > 0 && named.executes;
    // (whether the parameter's code or query is handed over to be judged: worked out once, when first asked)
    let judged: boolean | undefined;
    for (const { token, effects: listed } of named.keyed) {
      let effects = listed;
      // a boolean `force` or `recursive` widens a destructive action; as a string it is something else
      if (effects.includes('destructive') && type !== undefined && type !== 'boolean') continue;
      // `code` in `country_code`, `status_code`, `zip_code` is not code to run
      if (effects.includes('execute') && chosen) continue;
      // code handed over to be judged ("The code to review", "the snippet to evaluate against the style guide") is text, not code to run
      if (effects.includes('execute') && (judged ??= judgedText(tool, description))) continue;
      // (and so is code handed to a model with the task: "Send a code-specific task to the local LLM")
      if (effects.includes('execute') && (asksModel ??= ASKS_MODEL.test(tool.description ?? ''))) continue;
      if (effects.includes('execute') && words.length > 1 && token.word === 'code' && words[words.length - 1] === 'code' && !CODE_FIRST_WORD.test(words[0]!)) continue;
      // a bare `code` is code to run only when the definition says so: a coupon, airport, country or verification code is a value
      if (effects.includes('execute') && token.word === 'code' && words.length === 1 && !(runsCode ??= CODE_TO_RUN.test(`${tool.name.replace(/[_.-]+/g, ' ')} ${tool.title ?? ''} ${(tool.description ?? '').slice(0, 600)}`)) && !CODE_TO_RUN.test(description)) continue;
      // a word that names code only qualifies a head noun after it (`code_refs`, `script_id`, `command_language`): the value refers to code, it is none
      if (effects.includes('execute') && token !== tokens[tokens.length - 1] && CODE_REFERRING_HEADS.has(words[words.length - 1]!)) continue;
      if (effects.includes('execute') && type !== undefined && type !== 'string' && !(Array.isArray(type) && type.includes('string')) && type !== 'array') continue;
      if (effects.includes('financial') && ((type !== undefined && type !== 'number' && type !== 'integer' && type !== 'string') || token !== tokens[tokens.length - 1])) continue;
      // ("Math expression to evaluate", "Cron expression (5 fields)": computed, not run)
      if (effects.includes('execute') && /^(expressions?|formulas?)$/.test(token.word) && NON_CODE_EXPRESSION.test(`${words.join(' ')} ${description}`)) continue;
      // `page_token`, `continuationToken`: a cursor through results, not a secret
      if (effects.includes('sensitive') && token.word === 'token' && CURSOR_WORDS.has(tokens[tokens.indexOf(token) - 1]?.word ?? '')) continue;
      // `to` alone is a messaging recipient only when it is free text
      if (token.word === 'to' && (words.length > 1 || (type !== undefined && type !== 'string') || TIME_TEXT.test(description))) effects = [];
      // a `command` that names a sub-command of a router tool is not a shell command
      if ((token.word === 'command' || token.word === 'commands') && description && SUB_COMMAND.test(description)) effects = [];
      for (const effect of effects) out.push(signal('parameter', effect, `param:${token.word}`, effect === 'execute' ? 2 : 1, property.path, property.name));
    }
    // a `query` parameter runs arbitrary queries on a database server or when its text says SQL
    // a parameter named after a query language (`logql`, `promql`, `cypher`), or described as a statement in one
    // ("The LogQL matcher expression to execute"), takes a query the caller writes
    const language = type === undefined || type === 'string' ? (named.queryLanguage ? property.name : QUERY_LANGUAGE_TEXT.exec(description)?.[0]) : undefined;
    if (language && last !== 'query' && last !== 'queries' && last !== 'sql') out.push(signal('parameter', 'execute', 'param:sql-query', 2, named.queryLanguage ? property.path : `${property.path}.description`, language));
    if (last === 'query' || last === 'queries' || last === 'sql') {
      // (a query handed over to be judged, "SQL query to optimize", is text, as code to review is)
      judged ??= judgedText(tool, description);
      const sqlInDescription = judged ? null : SQL_HINT.exec(description);
      if (sqlInDescription) out.push(signal('parameter', 'execute', 'param:sql-query', 2, `${property.path}.description`, sqlInDescription[0]));
      else if (traits.database && type === 'string' && !judged) out.push(signal('parameter', 'execute', 'param:database-query', 1.5, property.path, property.name));
    }
    // an aggregation pipeline on a database server is a query the caller writes, and its stages can write ($out, $merge)
    if (last === 'pipeline' && traits.database && (type === 'array' || type === undefined)) out.push(signal('parameter', 'execute', 'param:database-query', 1.5, property.path, property.name));
    // (a LogQL or PromQL expression "to execute" is a query in that language, not code run on the host)
    if (description && !chosen && !language && CODE_WORDS.test(description) && !SUB_COMMAND.test(description) && !NON_CODE_EXPRESSION.test(description)) {
      const code = RUNS_CODE_TEXT.exec(description);
      if (code) out.push(signal('parameter', 'execute', 'param-text:runs-code', 1.5, `${property.path}.description`, code[0]));
      else if (named.codeHint === false && RUNS_JAVASCRIPT_TEXT.test(description)) {
        const js = JAVASCRIPT_WORD.exec(description)!;
        out.push(signal('parameter', 'execute', 'param-text:javascript', 1.5, `${property.path}.description`, js[0]));
      }
    }
    // cells named by the caller (`range: "Sheet1!A1:B2"`): what is written there replaces what they held
    if (named.cellRange && (type === 'string' || type === undefined)) out.push(signal('parameter', 'write', 'param:cell-range', 0, property.path, property.name));
    // a switch that has a reading tool also save or update what it made (`save_baseline`, `write_report`, `update_snapshots`)
    // (not one that keeps it in a cache or encodes it: `storeInCache`, `storeBase64`, whose digits are a word of their own)
    if (type === 'boolean' && words.length >= 2 && SAVING_SWITCH_VERBS.has(words[0]!) && !words.some((word, i) => word === 'cache' || word === 'cached' || (word === 'base' && words[i + 1] === '64'))) out.push(signal('parameter', 'write', 'param:save-switch', 1.5, property.path, property.name));
    // a switch that empties what the tool reads once it is read (`clear: true`, `purge_after_read`): the captured logs or messages are gone
    if (type === 'boolean' && CLEARING_SWITCH.test(property.name)) out.push(signal('parameter', 'destructive', 'param:clears', 0, property.path, property.name));
    else if (type === 'boolean' && ((words.length >= 2 && DELETING_SWITCH_VERBS.has(words[0]!)) || TRASHING_SWITCH.test(property.name))) {
      out.push(signal('parameter', 'destructive', 'param:deletes', 1.5, property.path, property.name));
      // (truncating empties the whole table first: `truncateFirst`, `truncate_before_import`)
      if (words[0] === 'truncate') out.push(signal('parameter', 'broad', 'param:truncate', 1, property.path, property.name));
    }
    // a switch that reveals what is masked (`reveal`, `includeValues`, `decrypt`): the call can return secrets in plaintext
    if (named.reveals) out.push(signal('parameter', 'sensitive', 'param:reveals', 1, property.path, property.name));
    // an API path of the caller's choosing ("The Jira API endpoint path"): the call reaches every resource the API has
    if ((type === 'string' || type === undefined) && named.apiPath && API_PATH_TEXT.test(description)) {
      out.push(signal('parameter', 'broad', 'param:api-path', 0, property.path, property.name));
    }
    // a parameter naming where output is saved: the tool writes a file even when its job is to read
    if (named.outputName || ((named.fileName || FILE_DESCRIBED.test(description)) && OUTPUT_TEXT.test(description))) {
      out.push(signal('parameter', 'write', 'param:output-file', 1.5, property.path, property.name));
    }
    const values = Array.isArray(property.schema.enum) ? property.schema.enum : [];
    // an HTTP method of the caller's choosing (`method: "GET" | "POST" | "DELETE"`): a request can change or delete what it reaches
    // (one that picks captured requests to show, "Filter by HTTP method", sends nothing; nor does a tool that names no address to send to)
    if (HTTP_METHOD_NAME.test(property.name) && !HTTP_METHOD_FILTER.test(description) && (addresses ??= Object.keys(tool.inputSchema.properties ?? {}).filter((name) => ADDRESS_PARAMETER.test(name))).length > 0) {
      // (the methods offered in the enum, else those its description names)
      const inEnum = values.filter((value): value is string => typeof value === 'string' && /^(post|put|patch|delete)$/i.test(value));
      const methods = inEnum.length ? inEnum : (description.match(HTTP_WRITE_METHODS_ALL) ?? []);
      const where = inEnum.length ? `${property.path}.enum` : `${property.path}.description`;
      for (const s of httpMethodSignals(methods, 'parameter', where)) out.push(s);
      // (to a path of the API the server is signed in to, or to any URL with the server's credentials: a proxy for every call the API has)
      // (a method left free, "HTTP method", is any method)
      const free = !values.length && !methods.length && (type === 'string' || type === undefined);
      const removing = free ? property.name : changingMethod(methods);
      if (removing && (addresses.some((name) => API_ADDRESS_PARAMETER.test(name)) || SIGNED_IN_TEXT.test(tool.description ?? ''))) {
        out.push(signal('parameter', 'write', 'any-request:method', 0, free ? property.path : where, removing));
      }
    }
    // a conflict or write mode that replaces what exists (`conflictBehavior: "replace"`, `mode: "rewrite"`)
    const replacing = values.find((value): value is string => typeof value === 'string' && REPLACING_VALUE.test(value));
    if (replacing) out.push(signal('parameter', 'destructive', 'param:overwrite-mode', 1.5, `${property.path}.enum`, replacing));
    // a bare file name (`filename`, `output: "report.html"`): the tool writes it when its verb produces files (decided in classify)
    else if (named.bareFileName && (type === 'string' || type === undefined)) {
      out.push(signal('parameter', 'write', 'param:file-name', 0.5, property.path, property.name));
    }
    // an enum of actions: a multi-action tool can do the most dangerous of them
    if (named.action && values.length) {
      // (a `type` or `mode` whose values are mostly not verbs lists kinds, not operations: a log `type` of
      // "error", "warning", "log", "info" does not log anything)
      const verbs = values.map((value) => (typeof value === 'string' ? verbOf(splitIdentifier(value)[0]?.word ?? '') : undefined));
      const kinds = KIND_PARAMETER.test(property.name) && verbs.filter(Boolean).length * 2 < values.length;
      for (let i = 0; i < verbs.length && !kinds; i++) {
        const verb = verbs[i];
        if (!verb) continue;
        for (const effect of verbEffects(verb.lemma, verb.effects, traits)) {
          if (effect === 'read') continue;
          // (`action: "eval"` on a calculator evaluates math, not code)
          if (effect === 'execute' && (verb.lemma === 'evaluate' || verb.lemma === 'eval') && NON_CODE_EXPRESSION.test(`${tool.description ?? ''} ${description}`)) continue;
          out.push(signal('parameter', effect, `enum:${verb.lemma}`, 1.5, `${property.path}.enum`, values[i] as string));
        }
      }
    }
    // a parameter nested inside another says less about the tool than a top-level one
    if (property.depth > 1) for (let i = from; i < all.length; i++) all[i]!.weight /= 2;
  }
  return all;
}

/** Declared annotations: evidence from an untrusted server, weighed below the definition's own words. */
export function annotationSignals(tool: McpTool): Signal[] {
  const out: Signal[] = [];
  const annotations = tool.annotations ?? {};
  if (annotations.readOnlyHint === true) out.push(signal('annotation', 'read', 'hint:readOnly', 1, 'annotations.readOnlyHint', 'true'));
  if (annotations.readOnlyHint === false) out.push(signal('annotation', 'write', 'hint:notReadOnly', 0.5, 'annotations.readOnlyHint', 'false'));
  if (annotations.destructiveHint === true && annotations.readOnlyHint !== true) {
    out.push(signal('annotation', 'destructive', 'hint:destructive', 0.75, 'annotations.destructiveHint', 'true'));
  }
  if (annotations.openWorldHint === true) out.push(signal('annotation', 'openWorld', 'hint:openWorld', 0.75, 'annotations.openWorldHint', 'true'));
  return out;
}

/** An operation a description lists in prose ("Commands for creating, listing and deleting workbooks"). */
export interface ListedOperation {
  /** The words as the description has them ("executing SQL queries"). */
  text: string;
  lemma: string;
  /** The object it acts on, shared with the next item when the item is only a verb ("creating, updating and listing file systems"). */
  object: string;
}

// a list of operations follows "commands / operations / actions for|to|including", "includes operations for", "supports", "provides sub-commands to"
const OPERATION_LIST = /\b(?:(?:sub-?commands?|commands?|operations?|actions?|capabilit(?:y|ies))\s+(?:for|to|including|like|such\s+as)|includes?\s+operations\s+(?:for|to)|supports?|provides?\s+(?:sub-?commands?|commands?|operations?)\s+(?:for|to))\s+/gi;
const LIST_SEPARATOR = /\s*[,;]\s*(?:(?:and|or)\s+)?|\s+(?:and\/or|and|or|as\s+well\s+as|plus)\s+/;
// an object ends where a clause about something else starts
const OBJECT_END = /:|\s(?:in|across|for|from|with|using|via|within|when|that|which|to|based|backed|used|at|by|on)\s/i;
// examples of what the list's objects are end the list of operations
const LIST_END = /\s(?:including|such\s+as|e\.g\.|like)\s/i;

/**
 * Operations a description lists in prose: coordinated verbs after an operations heading
 * ("Commands for creating, listing and deleting workbooks", "Manage branches: list, create, delete"),
 * or a description that opens with several verbs sharing one object ("Create, list, update or remove
 * events"). Two or more distinct verbs make a list; anything else is one action, judged by the
 * sentence rules.
 */
export function listedOperations(text: string): ListedOperation[] {
  const head = text.length > 2000 ? text.slice(0, 2000) : text;
  const segments: string[] = [];
  // "Actions: list (with filters), get (by ID)": bare verbs under a heading are operations on what the tool fronts
  const bare: string[] = [];
  // (the first 2,000 characters are within the 4,000 that proseSignals scans for trigger words, whose answer is kept)
  if (triggersIn(proseHead(text)) & LISTING_BIT) {
    for (const match of head.matchAll(OPERATION_LIST)) segments.push(clauseAfter(head, match.index + match[0].length));
    for (const match of head.matchAll(OPERATION_HEADING)) bare.push(clauseAfter(head, match.index + match[0].length));
  }
  const first = sentenceOf(head).text;
  // "Manage branches: list, create, delete": bare verbs after the colon act on what comes before it, as under a heading
  const colon = first.indexOf(': ');
  if (colon !== -1) bare.push(clauseAfter(first, colon + 2));
  // "Create, list, update or remove events": verbs in a row at the start share the object after them
  if (OPENING_LIST.test(first) && openingVerbs(first) >= 2) segments.push(clauseAfter(first, 0));
  if (segments.length === 0 && bare.length === 0) return [];
  const operations: ListedOperation[] = [];
  const seen = new Set<string>();
  for (const [segment, headed] of [...segments.map((segment) => [segment, false] as const), ...bare.map((segment) => [segment, true] as const)]) {
    for (const operation of operationsIn(segment, headed)) {
      // "Select and run one of the following read operations": choosing an operation is not one
      if (CHOSEN_OPERATION.test(operation.object)) continue;
      const key = `${operation.lemma} ${operation.object.toLowerCase()}`;
      if (seen.has(key)) continue;
      seen.add(key);
      operations.push(operation);
    }
  }
  return new Set(operations.map((o) => o.lemma)).size >= 2 ? operations.slice(0, 30) : [];
}

// a heading of the operations a tool fronts, anywhere in its description ("Actions: list, get", "Supported operations: create, delete")
const OPERATION_HEADING = /(?:^|[.;\n]\s*|\s)(?:(?:available|supported)\s+)?(?:actions|operations|sub-?commands|commands)\s*:\s+/gi;

// the object of verbs that pick one of the tool's operations ("one of the following operations", "the requested action")
const CHOSEN_OPERATION = /^(?:(?:one|any|each)\s+of\b|.*\b(?:operations?|actions?|sub-?commands?)$)/i;

// two words joined by a comma, "and" or "or" at the start: the cheap test before the words are looked up
const OPENING_LIST = /^\W*[A-Za-z]+(?:\s*,\s*|\s+(?:and|or)\s+)[A-Za-z]/;

/** How many verbs open the text with only "and", "or" and commas between them. */
function openingVerbs(text: string): number {
  const words = wordsOf(text);
  if (!words[0] || !atStart(words[0], text)) return 0;
  let verbs = 0;
  // in the same form as the first ("Create or update", "Moves or renames"): "Get changes" is a verb and its object
  for (const token of words) {
    if (token.word === 'and' || token.word === 'or') continue;
    if (!verbOf(token.word)?.effects.length || verbForm(token) !== verbForm(words[0])) break;
    verbs++;
  }
  return verbs;
}

/** A verb's form: the bare verb, or the ending of an inflected one ("-ing", "-s", "-d"). */
function verbForm(token: Token): string {
  return verbOf(token.word)?.lemma === token.word ? 'base' : token.word.endsWith('ing') ? 'ing' : token.word.slice(-1);
}

function clauseAfter(text: string, from: number): string {
  // (asides in brackets dropped; "…sending SMSThis tool is…": a sentence glued to the next one is split)
  const rest = text.slice(from, from + 400).replace(/\([^)]{0,200}\)/g, ' ').replace(/(\S)(This tool\b)/g, '$1. $2');
  const end = rest.search(/\.(\s|$|[A-Z])|\n|:\s|\s[-–—]\s|\s(including|such\s+as|e\.g\.)\s/);
  return end === -1 ? rest : rest.slice(0, end);
}

/** The operations of one list; `headed`: under an operations heading, verbs without an object are operations on what the tool fronts. */
function operationsIn(segment: string, headed = false): ListedOperation[] {
  const out: ListedOperation[] = [];
  const waiting: { text: string; lemma: string }[] = [];
  let afterObjects = false;
  let form: string | undefined;
  // "locking/unlocking settings", "get(id) / delete(id)" (its asides taken out): two verbs joined by a slash are two operations
  const text = segment.replace(/\b([A-Za-z]+)\s*\/\s*([A-Za-z]+)\b/g, (all, a: string, b: string) => (verbOf(a.toLowerCase()) && verbOf(b.toLowerCase()) ? `${a} or ${b}` : all));
  for (const item of text.split(LIST_SEPARATOR)) {
    if (LIST_END.test(` ${item} `.slice(0, 12))) break;
    // (under a heading, an operation written as an identifier, `get_order`, is one operation with its own object)
    const identifier = headed ? /^\s*([A-Za-z]+)[_-]([A-Za-z][\w-]*)\s*$/.exec(item) : null;
    const named = identifier && verbOf(identifier[1]!.toLowerCase());
    if (identifier && named?.effects.length) {
      out.push({ text: item.trim(), lemma: named.lemma, object: identifier[2]!.replace(/[_-]/g, ' ') });
      continue;
    }
    const words = splitText(item);
    const verb = words[0] && atStart(words[0], item) ? verbOf(words[0].word) : undefined;
    // after objects ("by author, date, or commit message"), or in another form than the list's verbs
    // ("managing resources, test configurations"), a word that is also a noun is one
    const noun = words[0] !== undefined && (afterObjects || (form !== undefined && verbForm(words[0]) !== form)) && (NOUN_LIKE.has(words[0].word) || isParticiple(words[0]));
    // an item that does not start with a verb continues the list's objects ("listing servers and databases")
    if (!verb || verb.effects.length === 0 || noun) {
      if (out.length === 0 && waiting.length === 0 && words.length > 0) return out;
      afterObjects = true;
      continue;
    }
    afterObjects = false;
    form ??= verbForm(words[0]!);
    const rest = ` ${item.slice(words[0]!.start + words[0]!.text.length).replace(/^[_-]+/, '').trim()} `;
    const end = rest.search(OBJECT_END);
    // the object is what the verb acts on; a verb followed only by a preposition keeps that ("filtering by author")
    const phrase = end === -1 || end === 0 ? rest : rest.slice(0, end);
    const object = phrase.replace(/[.,;:!?]+\s*$/, '').trim().split(/\s+/).filter(Boolean).slice(0, 6).join(' ');
    if (!object) {
      waiting.push({ text: words[0]!.text, lemma: verb.lemma });
      continue;
    }
    for (const w of waiting.splice(0)) out.push({ text: `${w.text} ${object}`, lemma: w.lemma, object });
    out.push({ text: `${words[0]!.text} ${object}`, lemma: verb.lemma, object });
  }
  if (headed) for (const w of waiting.splice(0)) out.push({ text: w.text, lemma: w.lemma, object: '' });
  return out;
}

// what a request asks for decides what approving it does: a payment, a transfer or a deployment moves money or replaces what runs,
// and a merge, pull or change request is a change to review, not a request to let something in
const CHANGING_REQUESTS = new Set(['merge', 'pull', 'change', 'payment', 'payments', 'transfer', 'transfers', 'withdrawal', 'refund', 'purchase', 'payout', 'deploy', 'deployment', 'release', 'spending', 'spend']);
const ADMITTING_VERBS = new Set(['approve', 'accept']);
// what no one holds yet: claiming it takes it for the caller and takes it from no one (an "open" ticket is one not closed, held or not)
const UNHELD = new Set(['unclaimed', 'unassigned', 'available', 'free', 'next']);
// a parameter that says the call also changes an existing record ("Team member ID (updates member status to working)")
const SIDE_UPDATE = /\b(updates|updating|changes|overwrites|replaces|removes|deletes|resets)\b/i;

/**
 * Approving or accepting a request (a DM request, a contact request, a join request) lets in what was asked, and claiming
 * an unclaimed or the next available item takes what no one held (`claim_next_task`): state is added, nothing existing is
 * changed or lost, so these verbs are not destructive here. A request for money, a transfer or a deployment, or a merge
 * request, keeps its own verdict, and so does a definition that says the call also updates something.
 */
// what clearing or resetting throws away that no one stored: a cache, a buffer, a recording session, a counter
const EPHEMERAL_NOUNS = new Set(['cache', 'caches', 'cached', 'buffer', 'buffers', 'session', 'sessions', 'counter', 'counters', 'timer', 'timers']);
const CLEARING_VERBS = new Set(['clear', 'reset', 'flush', 'discard', 'purge', 'drop', 'wipe']);
const EPHEMERAL_TEXT = /^\W*(clear|clears|reset|resets|flush|flushes|discard|discards|purge|purges|wipe|wipes)\s+(the\s+|a\s+|an\s+|its\s+)?([\w-]+\s+){0,3}?(cache|caches|buffer|buffers|session|sessions|counter|counters|timer|timers)\b/i;

/**
 * Clearing or resetting what only the server holds for a while (`clear_codegen_session`, "Clear snapshot cache",
 * "Reset autopilot iteration counter"): a change in place, not the loss of a stored item.
 */
export function ephemeralClearSignals(tool: McpTool): Signal[] {
  const tokens = splitIdentifier(tool.name);
  const verb = tokens.find((token) => CLEARING_VERBS.has(nameVerbOf(token.word)?.lemma ?? ''));
  if (!verb) return [];
  const noun = tokens.find((token) => EPHEMERAL_NOUNS.has(token.word));
  if (noun) return [signal('name', 'destructive', 'ephemeral:' + noun.word, 0, 'name', noun.text)];
  const said = EPHEMERAL_TEXT.exec(sentenceOf(tool.description ?? '').text);
  return said ? [signal('description', 'destructive', 'ephemeral:' + said[4]!.toLowerCase(), 0, 'description', said[0])] : [];
}

export function addedStateSignals(tool: McpTool): Signal[] {
  const nameTokens = splitIdentifier(tool.name);
  const sentence = sentenceOf(tool.description ?? '').text;
  const words = wordsOf(sentence);
  const candidates: [readonly Token[], number, Signal['family'], string][] = [...primaryVerbIndexes(nameTokens)].map((i) => [nameTokens, i, 'name', tool.name] as [readonly Token[], number, Signal['family'], string]);
  if (words[0] && verbOf(words[0].word)) candidates.push([words, 0, 'description', sentence]);
  for (const [tokens, i, family] of candidates) {
    const lemma = verbOf(tokens[i]!.word)?.lemma ?? '';
    let found: Token | undefined;
    // (the request may come before the verb in a name: `dm_request_accept`)
    const span = tokens.slice(Math.max(0, family === 'name' ? i - 3 : i), i + 6);
    if (ADMITTING_VERBS.has(lemma)) {
      const at = span.findIndex((token) => token.word === 'request' || token.word === 'requests');
      // (the head of its phrase: a "request completion" is a completion)
      const next = span[at + 1];
      if (at !== -1 && !CHANGING_REQUESTS.has(span[at - 1]?.word ?? '') && (!next || PHRASE_END.has(next.word) || verbOf(next.word)?.lemma === lemma)) found = span[at];
    } else if (lemma === 'claim') found = tokens.slice(i + 1, i + 4).find((token) => UNHELD.has(token.word));
    if (!found) continue;
    const properties = inputProperties(tool.inputSchema);
    if (properties.some((property) => typeof property.schema.description === 'string' && SIDE_UPDATE.test(property.schema.description))) return [];
    return [signal(family, 'write', `adds-state:${lemma}`, 0, family === 'name' ? 'name' : 'description', found.text)];
  }
  return [];
}

const ITEM_ID = /(^|[_-]|[a-z])(id|ID|Id)$/;
const CONTENT_UPDATING_VERBS = new Set(['update', 'edit', 'modify', 'change', 'replace', 'set']);
// items whose content is one body of text or data: given whole, it replaces what the item held
const CONTENT_ITEMS = new Set(['file', 'files', 'document', 'documents', 'doc', 'docs', 'page', 'pages', 'note', 'notes', 'diagram', 'diagrams', 'drawing', 'drawings', 'canvas', 'template', 'templates', 'readme']);
const WHOLE_CONTENT_PARAMETER = /^(new_?|file_?|full_?|page_?|document_?|doc_?|note_?)?(content|contents|body|text|data|markdown|html|xml)$/i;
// an edit of part of the item: what to find, where to put it, a patch or a list of edits
const PARTIAL_EDIT_PARAMETER = /^(old|search|find|pattern|patch|diff|edits?$|operations?$|changes$|line|lines$|start_?line|end_?line|range$|offset$|position$|append|prepend|insert|section|anchor|after$|before$|location$|mode$)/i;
const PARTIAL_EDIT_TEXT = /\b(append(s|ed)?|prepend(s|ed)?|insert(s|ed)?|patch|diff|partial|section|added\s+to|to\s+add)\b/i;

/**
 * Updating a file, document, page or note with its whole new content (`update_file(fileId, content)`): what the item
 * held is replaced, the rubric's "overwrite the whole of one item" (high). An edit of part of it (an old string to find,
 * a line range, a patch, an append mode) and an update of a record's fields are in place.
 */
export function wholeContentSignals(tool: McpTool): Signal[] {
  const tokens = splitIdentifier(tool.name);
  const primary = primaryVerbIndexes(tokens);
  if (![...primary].some((i) => CONTENT_UPDATING_VERBS.has(verbOf(tokens[i]!.word)?.lemma ?? ''))) return [];
  const object = headObject(tokens, primary);
  if (!object || !CONTENT_ITEMS.has(object.word)) return [];
  // (an issue's or a merge request's note is a comment on it, a record: `update_issue_note`)
  const before = tokens[tokens.indexOf(object) - 1];
  if (/^notes?$/.test(object.word) && before && !primary.has(tokens.indexOf(before))) return [];
  const properties = inputProperties(tool.inputSchema);
  if (properties.some((property) => PARTIAL_EDIT_PARAMETER.test(property.name) || (Array.isArray(property.schema.enum) && property.schema.enum.some((value) => typeof value === 'string' && /^(append|prepend|insert|patch)$/i.test(value))))) return [];
  const content = properties.find((property) => property.depth === 1 && WHOLE_CONTENT_PARAMETER.test(property.name) && (property.schema.type === 'string' || property.schema.type === undefined));
  if (!content || PARTIAL_EDIT_TEXT.test(typeof content.schema.description === 'string' ? content.schema.description : '')) return [];
  // (content among many fields is one field of a record: a document's title, tags, owner, dates… and its searchable text)
  const fields = properties.filter((property) => property.depth === 1 && property !== content && !ITEM_ID.test(property.name) && !/^(id|path|file_?path|name|uri|url)$/i.test(property.name));
  if (fields.length > 4) return [];
  return [signal('parameter', 'destructive', 'whole:content', 0, content.path, content.name)];
}

// "overwrite", "replacing the entire…", not said of what the call leaves alone ("without overwriting", "never replaces the whole")
const REPLACES_WHOLE = /\b(overwrit(e|es|ing)|replac(e|es|ing)\s+(the\s+)?(entire|existing|whole|all))\b/i;
const DENIED_BEFORE = /\b(not|without|never|no|won't|doesn't|don't|avoid\w*|instead\s+of|unless|if)\s+(\w+\s+){0,2}$/i;

/**
 * A tool whose first sentence says that what it does replaces the whole of what is there ("Load a file into the
 * current session, replacing the entire diagram", "Download the file, overwriting the local copy") writes, whatever its
 * leading verb: it overwrites one item.
 */
// a tool that only builds a link for the user to open ("Generate a GitHub issue URL … the user can open to submit"): the action is the user's
const BUILDS_LINK = /\b(generates?|generating|builds?|building|constructs?|returns?|gives?|produces?|composes?)\s+(an?\s+|the\s+)?([\w-]+\s+){0,3}(links?|urls?|uris?)\b/i;
const LINK_WORD = /\b(links?|urls?|uris?)\b/i;
const LINK_ONLY = new RegExp(
  String.raw`\b(pre-?fill(ed|s)?|pre-?selected|pre-?populated|(the\s+)?user\s+can\s+open|opens?\s+(it\s+)?in\s+(a|the|their)\s+browser` +
    String.raw`|nothing\s+is\s+(submitted|filed|created|sent|posted)|does\s+not\s+(submit|file|create|send|post)` +
    String.raw`|(allows?|lets?)\s+(the\s+)?users?\s+(to\s+)?(see|view|open|explore|browse|experiment))\b`,
  'i',
);

/** A tool whose description says it builds a link (pre-filled, for the user to open) rather than doing what the link leads to. */
export function linkOnlySignals(tool: McpTool): Signal[] {
  const description = (tool.description ?? '').slice(0, 600);
  const first = sentenceOf(description).text;
  // (most descriptions name no link in their first sentence: one small search before the verbs)
  if (!LINK_WORD.test(first)) return [];
  const built = BUILDS_LINK.exec(first);
  if (!built || !LINK_ONLY.test(description)) return [];
  return [signal('description', 'read', 'phrase:link-only', 0, 'description', built[0])];
}

export function replacesWholeSignals(tool: McpTool): Signal[] {
  const sentence = sentenceOf(tool.description ?? '').text;
  const match = REPLACES_WHOLE.exec(sentence);
  if (!match || DENIED_BEFORE.test(sentence.slice(0, match.index))) return [];
  return [signal('description', 'write', 'phrase:replaces-whole', 0, 'description', match[0])];
}

// a parameter that holds code a platform compiles and runs: statements in a language, a function's body, the body of a trigger
// (JavaScript and TypeScript are mostly run in a page or a vendor's sandbox, judged by their own rules)
const CODE_BODY_TEXT = new RegExp(
  String.raw`\b(source\s+code|function\s+body|code\s+to\s+(run|execute|evaluate)` +
    String.raw`|(?!javascript|typescript)(apex|lua|python|ruby|php|groovy|vba|powershell|[a-z]*script)\s+(code|statements?|source|snippets?)` +
    String.raw`|statements?,?\s+(compiled|executed|evaluated|run)\b|body\s+of\s+(the|an?)\s+(\w+\s+)?(trigger|function|procedure|macro|class|method))\b`,
  'i',
);
const CODE_BODY_PARAMETER = /^(body|source|src|code|script|definition|content|statements?|function_?body|source_?code)$/i;
// what a platform runs when it fires: its body is code
const CODE_UNITS = new Set(['trigger', 'triggers', 'function', 'functions', 'procedure', 'procedures', 'macro', 'macros', 'class', 'classes', 'udf', 'udfs']);
const CODE_WRITING_VERBS = new Set(['create', 'update', 'write', 'save', 'put', 'upsert', 'edit', 'modify', 'replace', 'set', 'deploy', 'add']);

/**
 * Code that the target platform compiles and runs: a parameter of statements to run inside a game, an app or a server
 * ("GDScript statements, compiled as a function body"), or the body of a trigger, function, procedure or macro written
 * to a platform that runs it (`write_apex_trigger(body: "Full body of the Apex trigger")`). The rubric's critical row:
 * arbitrary code on the user's infrastructure. A file whose content happens to be code is a file.
 */
export function platformCodeSignals(tool: McpTool): Signal[] {
  const out: Signal[] = [];
  const body = inputProperties(tool.inputSchema).find(
    (property) =>
      property.depth === 1 &&
      (property.schema.type === 'string' || property.schema.type === undefined) &&
      CODE_BODY_PARAMETER.test(property.name) &&
      typeof property.schema.description === 'string' &&
      CODE_BODY_TEXT.test(property.schema.description) &&
      !SQL_HINT.test(property.schema.description),
  );
  if (!body) return out;
  out.push(signal('parameter', 'execute', 'param-text:code-body', 0, `${body.path}.description`, CODE_BODY_TEXT.exec(body.schema.description as string)![0]));
  const tokens = splitIdentifier(tool.name);
  const primary = primaryVerbIndexes(tokens);
  const object = headObject(tokens, primary);
  if (object && CODE_UNITS.has(object.word) && [...primary].some((i) => CODE_WRITING_VERBS.has(verbOf(tokens[i]!.word)?.lemma ?? ''))) out.push(signal('name', 'write', `platform-code:${object.word}`, 0, 'name', object.text));
  return out;
}

// where an installed package comes from and runs on the host: a package manager's registry, or an MCP server that the client launches
const HOST_PACKAGE_SOURCES = /\b(npx|uvx|npm|pypi|pip3?|pipx|cargo|rubygems|gem|composer|mcp\s+servers?)\b/i;
const NAMED_PACKAGE = /^(name|package|package_?name|pkg|packages|spec|path|repo|repository|url|source|server|server_?name|module)$/i;
/**
 * "Install an MCP server via npx or uvx", `pip_install(package)`: installing a package the caller names from a registry or a
 * local path runs its install scripts and then its code on the user's host. The rubric's critical row (arbitrary code on the
 * host), not the high of running one fixed thing. Installing an app on a device or an extension in a browser stays high.
 */
export function installedCodeSignals(tool: McpTool): Signal[] {
  // installing is what the tool does: its name says install, or its description opens with it ("Install a package…", not "Use when `npm i` is wrong")
  const first = sentenceOf(tool.description ?? '').text;
  const installs = /(^|[_-])install([_-]|$)/i.test(tool.name) || /^\W*install(s|ing)?\b/i.test(first);
  if (!installs) return [];
  const source = HOST_PACKAGE_SOURCES.exec(first) ?? HOST_PACKAGE_SOURCES.exec(tool.name.replace(/[_-]/g, ' '));
  if (!source) return [];
  const named = inputProperties(tool.inputSchema).find((property) => NAMED_PACKAGE.test(property.name) && (property.schema.type === 'string' || property.schema.type === 'array') && !Array.isArray(property.schema.enum));
  // (the quote is the package source where the text says it: the description, or else the parameter's name)
  const inDescription = HOST_PACKAGE_SOURCES.test(first);
  return named ? [inDescription ? signal('description', 'execute', 'param-text:installs-named-package', 0, 'description', source[0]) : signal('parameter', 'execute', 'param-text:installs-named-package', 0, named.path, named.name)] : [];
}

// a cluster orchestrator: what is written to it runs there
const CLUSTER_CONTEXT = /\b(kubernetes|k8s|kubectl|helm|openshift|kustomiz\w*|k3s)\b/i;
// a document of cluster configuration: manifests, charts (any kind of resource, RBAC and workloads included)
const CLUSTER_DOCUMENT_PARAMETER = /^(manifests?|yaml(_?content)?|chart|chart_?(name|ref|url)|values_?file|patch(_?data|_?file)?|kustomization)$/i;
const CLUSTER_DOCUMENT_TEXT = /\b(manifests?|helm (charts?|releases?)|charts?|kustomiz\w*)\b/i;
// a resource of any kind the caller names (`resourceType: "clusterrolebinding"`)
const RESOURCE_KIND_PARAMETER = /^(resource_?type|resource_?kind|kind)$/i;
// putting configuration on a cluster
const CONFIGURING_VERBS = new Set(['apply', 'create', 'patch', 'replace', 'install', 'upgrade', 'deploy', 'edit']);
// taking a release or a manifest off a cluster removes every resource it made
const UNCONFIGURING_VERBS = new Set(['uninstall', 'remove', 'delete']);

/**
 * A tool that puts configuration of the caller's choosing on a cluster: applies, creates or patches a manifest or a
 * resource of any kind, installs, upgrades or uninstalls a Helm chart (`kubectl_apply(manifest)`, `helm_install(chart, repo)`,
 * `k8s_patch(resourceType, patchData)`). A manifest can run any image with any command and change who may do what:
 * the rubric's critical row, arbitrary code on the user's infrastructure. Scaling or restarting what is there is not.
 */
export function clusterConfigSignals(tool: McpTool): Signal[] {
  // (any verb of the name: `release_install` installs; asked first, as it is the cheaper of the two tests)
  const lemmas = splitIdentifier(tool.name).map((token) => nameVerbOf(token.word)?.lemma ?? '');
  const configures = lemmas.some((lemma) => CONFIGURING_VERBS.has(lemma));
  if (!configures && !lemmas.some((lemma) => UNCONFIGURING_VERBS.has(lemma))) return [];
  const text = `${tool.name.replace(/[_\-.]/g, ' ')} ${tool.title ?? ''} ${(tool.description ?? '').slice(0, 300)}`;
  if (!CLUSTER_CONTEXT.test(text)) return [];
  const properties = inputProperties(tool.inputSchema).filter((property) => property.depth === 1);
  const document = properties.find((property) => CLUSTER_DOCUMENT_PARAMETER.test(property.name));
  if (document) return [signal('parameter', 'execute', 'cluster-config:document', 0, document.path, document.name)];
  // (quoted where it is said: the description, or else the name as it is written)
  if (/helm|manifest|kustomiz/i.test(text) && CLUSTER_DOCUMENT_TEXT.test(text)) {
    const said = CLUSTER_DOCUMENT_TEXT.exec((tool.description ?? '').slice(0, 300));
    return [said ? signal('description', 'execute', 'cluster-config:document', 0, 'description', said[0]) : signal('name', 'execute', 'cluster-config:document', 0, 'name', tool.name)];
  }
  // (deleting one resource of a kind the caller names deletes one item: high, not this)
  const kind = configures && properties.find((property) => RESOURCE_KIND_PARAMETER.test(property.name) && !Array.isArray(property.schema.enum));
  if (kind) return [signal('parameter', 'execute', 'cluster-config:any-kind', 0, kind.path, kind.name)];
  return [];
}

// a name that makes something new (an account, an agent, an instance, a user)
const ISSUING_VERBS = new Set(['create', 'register', 'spawn', 'add', 'provision', 'issue', 'generate', 'new', 'signup', 'enroll', 'onboard']);
// what the call hands back: "Returns the child's API key", "returns instance and optional initial auth token", "获取 API Key"
const RETURNED_CREDENTIAL = new RegExp(
  [
    String.raw`\b(returns?|returning|receives?|obtains?|issues?|gets?|comes? with|along with|together with|including)\b[^.;\n]{0,60}?\b(api[ _-]?keys?` +
      String.raw`|(auth|authentication|access|bearer|bot|api)[ _-]?tokens?|secret[ _-]?keys?|client[ _-]?secrets?|passwords?|credentials?)\b`,
    String.raw`(获取|返回|生成)\s*(api[ _-]?key|token|密钥|令牌)`,
  ].join('|'),
  'i',
);
// a code, grant or refresh token exchanged for tokens, a token refreshed, an OAuth callback handled (not a callback
// mentioned: "opens deep links such as OAuth callbacks"): new credentials minted
const CREDENTIAL_EXCHANGE = new RegExp(
  [
    String.raw`\b(exchang\w*|trad(e|es|ing)|swap\w*|redeem\w*)\b[^.;]{0,60}?\b(codes?|grants?|assertions?|refresh[ _-]?tokens?)\b[^.;]{0,40}?\b(for|into)\b` +
      String.raw`[^.;]{0,30}?\b(tokens?|credentials?|keys?)\b`,
    String.raw`\b(refresh(es|ing)?|renew(s|ing)?)\s+(an?\s+|the\s+|your\s+)?(expired\s+)?(access|auth|oauth|bearer|session|api)[ _-]?(tokens?|credentials?)\b`,
    String.raw`\b(handles?|handling|process(es|ing)?|completes?|completing)\s+(the\s+|an?\s+)?oauth2?\s+callback\b`,
  ].join('|'),
  'i',
);
// a login of a database: its user, with a password of its own
const DATABASE_CONTEXT = /\b(database|databases|db|dbs|postgres\w*|mysql|mariadb|mongo\w*|redis|sql)\b/i;
const LOGIN_NOUNS = new Set(['user', 'users', 'login', 'logins']);
const LOGIN_VERBS = new Set(['create', 'add', 'delete', 'remove', 'drop']);

/**
 * A call that makes a credential under another word: something new whose result is an API key, a token or a password
 * (registering an agent that gets its key, an instance that comes with its auth token), or a login of a database (a
 * database user). The rubric's critical row: creating or revoking credentials that grant access.
 */
export function issuedCredentialSignals(tool: McpTool): Signal[] {
  const tokens = splitIdentifier(tool.name);
  const lemmas = tokens.map((token) => nameVerbOf(token.word)?.lemma ?? '');
  const description = (tool.description ?? '').slice(0, 400);
  if (lemmas.some((lemma) => ISSUING_VERBS.has(lemma))) {
    const returned = RETURNED_CREDENTIAL.exec(description);
    if (returned) return [signal('description', 'privileged', 'issues-credential:returned', 0, 'description', returned[0])];
  }
  // (an authorization code, a grant or a refresh token traded for new tokens: the call mints them)
  // (quoted where it is said: the description, the title, or the name as a whole)
  const exchanged = CREDENTIAL_EXCHANGE.exec(description);
  if (exchanged) return [signal('description', 'privileged', 'issues-credential:exchange', 0, 'description', exchanged[0])];
  const titled = tool.title ? CREDENTIAL_EXCHANGE.exec(tool.title) : null;
  if (titled) return [signal('title', 'privileged', 'issues-credential:exchange', 0, 'title', titled[0])];
  if (CREDENTIAL_EXCHANGE.test(tool.name.replace(/[_\-.]+/g, ' '))) return [signal('name', 'privileged', 'issues-credential:exchange', 0, 'name', tool.name)];
  const login = tokens.findLast((token) => LOGIN_NOUNS.has(token.word));
  const context = () => `${tool.name.replace(/[_\-.]/g, ' ')} ${sentenceOf(description).text}`;
  if (login && lemmas.some((lemma) => LOGIN_VERBS.has(lemma)) && DATABASE_CONTEXT.test(context())) return [signal('name', 'privileged', 'issues-credential:database-login', 0, 'name', login.text)];
  return [];
}

// a parameter that decides who may see an item: `visibility: "public" | "private"`, `is_public`, `privacy`
// (and its setting or level: `privacy_setting`, `visibility_level`)
const VISIBILITY_PARAMETER = /^(visibility|privacy|is_?public|public|make_?public|is_?private|private|access_?type|sharing|share_?mode)([_-]?(setting|level|mode|status))?$/i;
// (a value that starts with one: "public_to_workspace", "private_to_team")
const VISIBILITY_VALUE = /^(public|private|unlisted|internal|team|anyone|everyone|workspace|org(anization)?)(_|$)/i;
// a switch named for publishing that the text says makes the item public ("publish: make the package public")
const PUBLISH_PARAMETER = /^(publish|published|is_?published)$/i;
// who may see an item, said in a name (`make_bucket_public`), unless it qualifies another thing (`public_key`, `private_ip`)
const EXPOSURE_WORDS = new Set(['public', 'publicly', 'private', 'privately']);
const EXPOSURE_NOUNS = new Set([
  'key', 'keys', 'ip', 'ips', 'address', 'addresses', 'subnet', 'subnets', 'network', 'networks', 'endpoint', 'endpoints', 'dns', 'zone', 'zones',
  'registry', 'registries', 'link', 'links', 'url', 'urls', 'channel', 'channels', 'message', 'messages', 'note', 'notes', 'repos', 'repositories',
  'projects', 'templates', 'datasets',
]);
// what makes a link one that whoever holds it may open, in a name and in prose
// (an invite link lets whoever holds it join: `create_invite_link`, "チャットへの招待リンクを作成します")
const SHARE_LINK_WORDS = new Set(['public', 'publicly', 'share', 'sharing', 'shareable', 'sharable', 'invite', 'invitation']);
const SHARE_LINK_TEXT = new RegExp(
  String.raw`\b(?:public|publicly accessible|shar(?:e|ing|e?able)|invite|invitation)\s+(?:links?|urls?)\b|\banyone with the link\b|招待リンク|共有リンク|邀请链接|分享链接|共享链接|초대\s*링크|공유\s*링크` +
    String.raw`|ссылк\p{L}*[\s-]+приглашени\p{L}*|публичн\p{L}*\s+ссылк\p{L}*|lien\s+(?:d'invitation|de\s+partage|public)|Einladungslink|Freigabelink` +
    String.raw`|enlace\s+(?:de\s+invitación|para\s+compartir|público)|link\s+(?:de\s+convite|de\s+compartilhamento|público)`,
  'iu',
);
// verbs that set what exists to public or private (not create or list: `create_private_channel` makes a new item)
const EXPOSING_VERBS = new Set(['make', 'set', 'toggle', 'change', 'update', 'mark', 'switch', 'turn', 'convert']);
// verbs that make a new item, whose visibility is its own (`upload_file(is_private)`, `insert_image(makePublic)`)
const NEW_ITEM_VERBS = new Set(['upload', 'insert', 'post', 'submit', 'import', 'save', 'put', 'send', 'publish']);

/**
 * Changing who may see an item (the rubric's critical row: a change of visibility): an update with a visibility parameter
 * (`update_workspace(visibility)`, `edit_list(public)`), or a name that makes a public link (`create_dashboard_public_link`).
 * Creating an item with a visibility of its own (`create_repo(private)`) changes no one's access to what exists.
 */
function visibilitySignal(tool: McpTool, tokens: readonly Token[], primary: ReadonlySet<number>): Signal | undefined {
  const verbs = [...primary].map((i) => nameVerbOf(tokens[i]!.word));
  const lemmas = verbs.map((verb) => verb?.lemma ?? '');
  if (lemmas.length === 0 || lemmas.every((lemma) => RETRIEVING_VERBS.has(lemma))) return undefined;
  // a link whoever holds may open (`create_dashboard_public_link`, `create-drive-item-share-link`, "a shareable link, so anyone
  // with the link can view it") lets in people the owner never named: a change of who may see the item
  const linkWord = tokens.find((token) => SHARE_LINK_WORDS.has(token.word));
  if (linkWord && tokens.some((token) => token.word === 'link' || token.word === 'links' || token.word === 'url' || (linkWord.word !== 'share' && (token.word === 'share' || token.word === 'sharing')))) {
    return signal('name', 'privileged', 'grants-access:visibility', 0, 'name', linkWord.text);
  }
  const sharedLink = SHARE_LINK_TEXT.exec(sentenceOf((tool.description ?? '').slice(0, 400)).text);
  if (sharedLink && lemmas.some((lemma) => lemma === 'share' || ISSUING_VERBS.has(lemma))) return signal('description', 'privileged', 'grants-access:visibility', 0, 'description', sharedLink[0]);
  // a name that makes or sets an existing item public or private (`make_bucket_public`, `set_repo_private`): not a public key, IP or network
  const exposed = tokens.findIndex((token, i) => EXPOSURE_WORDS.has(token.word) && !EXPOSURE_NOUNS.has(tokens[i + 1]?.word ?? ''));
  if (exposed !== -1 && lemmas.some((lemma) => EXPOSING_VERBS.has(lemma))) return signal('name', 'privileged', 'grants-access:visibility', 0, 'name', tokens[exposed]!.text);
  if (!verbs.some((verb) => verb?.effects.some((effect) => effect !== 'read' && effect !== 'openWorld')) || (lemmas.some((lemma) => ISSUING_VERBS.has(lemma) || NEW_ITEM_VERBS.has(lemma)) && !lemmas.some((lemma) => lemma === 'upsert' || CONTENT_UPDATING_VERBS.has(lemma)))) return undefined;
  for (const property of inputProperties(tool.inputSchema)) {
    if (property.depth !== 1) continue;
    const values = Array.isArray(property.schema.enum) ? property.schema.enum : [];
    const description = typeof property.schema.description === 'string' ? property.schema.description : '';
    const chooses = property.schema.type === 'boolean' || values.some((value) => typeof value === 'string' && VISIBILITY_VALUE.test(value)) || /\bpublic(\b|_)/i.test(description);
    if ((VISIBILITY_PARAMETER.test(property.name) && chooses) || (PUBLISH_PARAMETER.test(property.name) && /\bpublic(ly)?\b/i.test(description))) {
      return signal('parameter', 'privileged', 'grants-access:visibility', 0, property.path, property.name);
    }
  }
  return undefined;
}

// a level of access the call sets for an action or a feature (`push_access_level`, `wiki_access_level`: "Access level for
// pushing (0=No access, 30=Developer, 40=Maintainer)"), not a bound a listing filters by (`min_access_level`)
const ACCESS_LEVEL_PARAMETER = /^(?!(min|max|minimum|maximum)[_-]?)([a-z]+[_-]?)?access[_-]?levels?$/i;

/**
 * A call that sets who may push, merge, see or use something (`protect_branch(push_access_level, merge_access_level)`,
 * `update_project(wiki_access_level)`) changes permissions: the rubric's critical row. A read that filters by one does not.
 */
function accessLevelSignal(tool: McpTool, tokens: readonly Token[], primary: ReadonlySet<number>): Signal | undefined {
  const lemmas = [...primary].map((i) => nameVerbOf(tokens[i]!.word)?.lemma ?? '');
  if (lemmas.some((lemma) => RETRIEVING_VERBS.has(lemma)) && !lemmas.some((lemma) => lemma !== '' && !RETRIEVING_VERBS.has(lemma))) return undefined;
  const level = inputProperties(tool.inputSchema).find((property) => property.depth === 1 && ACCESS_LEVEL_PARAMETER.test(property.name));
  return level ? signal('parameter', 'privileged', 'grants-access:role', 0, level.path, level.name) : undefined;
}

// what a share gives: a role or permission on the item (`role: "writer"`, "provides permissions to the recipients")
const GRANTED_ROLE_PARAMETER = /^(roles?|permissions?|permission_?level|access|access_?(level|role|type|mode)|share_?(role|type))$/i;
// who a share gives access to (`share_document(email)`, `share_folder(users)`): naming a person is granting them the item
const SHARE_RECIPIENT_PARAMETER = /^(emails?|email_?address(es)?|users?|user_?(ids?|emails?|names?)|usernames?|recipients?|grantees?|principals?|members?|collaborators?|invitees?|people|share_?with|with)$/i;
const GRANTED_ROLE_TEXT = /\b(permissions?|roles?|access levels?|as (an? )?(owner|editor|writer|viewer|commenter|reader))\b/i;

/**
 * Sharing an item with someone in a role (`share_file(email, role)`, "A sharing invitation provides permissions to the
 * recipients") changes who may read or write it: the rubric's critical row, a change of permissions. A link to an item
 * (whoever holds it may view) and a share of storage (a file share, a shared label) are left as they were.
 */
export function sharedAccessSignals(tool: McpTool): Signal[] {
  const tokens = splitIdentifier(tool.name);
  const primary = primaryVerbIndexes(tokens);
  const visibility = visibilitySignal(tool, tokens, primary);
  if (visibility) return [visibility];
  const account = accountHolderSignal(tool, tokens, primary);
  if (account) return [account];
  const level = accessLevelSignal(tool, tokens, primary);
  // (a name with no verb of the lexicon, `protect_branch`, sets those levels: that is its action)
  if (level) return primary.size ? [level] : [level, signal('parameter', 'write', 'verb:set', 2, level.where, level.text)];
  if (![...primary].some((i) => verbOf(tokens[i]!.word)?.lemma === 'share') || tokens.some((token) => token.word === 'link' || token.word === 'links')) return [];
  const role = inputProperties(tool.inputSchema).find((property) => property.depth === 1 && GRANTED_ROLE_PARAMETER.test(property.name));
  if (role) return [signal('parameter', 'privileged', 'grants-access:role', 0, role.path, role.name)];
  const said = GRANTED_ROLE_TEXT.exec((tool.description ?? '').slice(0, 400));
  if (said) return [signal('description', 'privileged', 'grants-access:role', 0, 'description', said[0])];
  const recipient = inputProperties(tool.inputSchema).find((property) => property.depth === 1 && SHARE_RECIPIENT_PARAMETER.test(property.name));
  return recipient ? [signal('parameter', 'privileged', 'grants-access:recipient', 0, recipient.path, recipient.name)] : [];
}

// who signs in to the service itself: its users, and the delegates let into an account or a mailbox
const ACCOUNT_HOLDERS = new Set(['user', 'users', 'delegate', 'delegates']);
// what makes, lets in, shuts out or ends one (not an update of a user's profile, a lookup or a social block)
// (lemmas as nameVerbOf gives them: "reactivate" is read as "activate")
const MEMBERSHIP_VERBS = new Set(['create', 'add', 'invite', 'remove', 'delete', 'deactivate', 'suspend', 'unsuspend', 'ban', 'unban', 'kick', 'disable', 'enable', 'activate',
  'provision']);

const ACCOUNT_RECORD = /\b(customers?|contacts?|leads?|records?|profiles?)\b/i;

/**
 * Creating, inviting, suspending or removing a user of the service (`crm_create_user`, `n8n_delete_user`, `add_delegate`)
 * changes who may sign in to it: the rubric's critical row, a change of membership. The user must be what the name acts
 * on (its last word, or followed by where it is let in, `add_user_to_team`), not what a user owns (`delete_user_data`)
 * or a list that is no place of access (`add_users_to_audience`).
 */
function accountHolderSignal(tool: McpTool, tokens: readonly Token[], primary: ReadonlySet<number>): Signal | undefined {
  const holder = tokens.findIndex((token) => ACCOUNT_HOLDERS.has(token.word));
  if (holder === -1 || ![...primary].some((i) => i < holder && MEMBERSHIP_VERBS.has(nameVerbOf(tokens[i]!.word)?.lemma ?? ''))) return undefined;
  if (holder !== tokens.length - 1 && !(PLACE_PREPOSITIONS.has(tokens[holder + 1]!.word) && memberLetIn(tokens, holder))) return undefined;
  // (a user who is a record of someone outside: "Creates a customer user record in the CRM")
  if (ACCOUNT_RECORD.test(sentenceOf((tool.description ?? '').slice(0, 400)).text)) return undefined;
  return signal('name', 'privileged', 'grants-access:membership', 0, 'name', tokens[holder]!.text);
}

// a program of the caller's choosing that the server starts on its host (`executablePath`, `chrome_path`)
const EXECUTABLE_PARAMETER = /^(executable|executable_?path|exe_?path|binary_?path|browser_?(path|executable|binary)|chrome_?(path|executable)|chromium_?path|firefox_?path|interpreter_?path)$/i;
// the command line a launched browser or process gets (`args: ["--remote-debugging-port=…"]`): its flags can run commands
const LAUNCH_ARGS_PARAMETER = /^(args|arguments|launch_?args|browser_?args|chrome_?args|chromium_?args|extra_?args|command_?line_?(args|flags)|cli_?args|launch_?options)$/i;
const LAUNCHING_VERBS = new Set(['launch', 'start', 'open', 'spawn', 'new', 'create', 'connect']);
const LAUNCHED_PROGRAMS = /\b(browsers?|chrome|chromium|firefox|webkit|electron|playwright|puppeteer)\b/i;

/**
 * Starting a program on the server's host with what the caller gives: a path to any executable, or the command line of a
 * browser it launches (Chromium's flags can run a command). The rubric's critical row: commands on the user's host.
 */
export function hostLaunchSignals(tool: McpTool): Signal[] {
  const properties = inputProperties(tool.inputSchema);
  const executable = properties.find((property) => EXECUTABLE_PARAMETER.test(property.name) && (property.schema.type === 'string' || property.schema.type === undefined) && !Array.isArray(property.schema.enum));
  if (executable) return [signal('parameter', 'execute', 'launch:executable', 0, executable.path, executable.name)];
  const tokens = splitIdentifier(tool.name);
  if (!tokens.some((token) => LAUNCHING_VERBS.has(verbOf(token.word)?.lemma ?? token.word))) return [];
  if (!LAUNCHED_PROGRAMS.test(`${tokens.map((token) => token.word).join(' ')} ${firstSentence(tool.description ?? '').text}`)) return [];
  const args = properties.find((property) => property.depth === 1 && LAUNCH_ARGS_PARAMETER.test(property.name) && (property.schema.type === 'array' || property.schema.type === 'string' || property.schema.type === 'object'));
  return args ? [signal('parameter', 'execute', 'launch:args', 0, args.path, args.name)] : [];
}

/**
 * The phrases whose pattern matches a prose field's head while the trigger scan says none of its words is there (and the
 * same for a list of operations and for money moved on a call): each is a phrase proseSignals never tries on that text
 * (the scan only saves work, so this is always empty when the word lists are whole). Tests hold it empty over the catalog
 * and over words joined as identifiers are ("api_key", "accessToken"); `scan` stands in for the trigger scan, so a test
 * can show that a scan which misses words is caught.
 */
export function phrasesTheTriggersMiss(text: string, scan: (head: string) => number = triggersIn): string[] {
  const head = proseHead(text);
  const present = scan(head);
  const missed = descriptionPhrases().phrases.filter(({ find, bit }) => !(present & bit) && find(head) !== null).map(({ label }) => label);
  if (!(present & NEGATION_BIT) && NEGATIONS.test(head)) missed.push('phrase:negation');
  // (listedOperations reads the first 2,000 characters for a list, sideMoneySignals the first 1,500 for money moved)
  const listing = head.slice(0, 2000);
  if (!(present & LISTING_BIT) && (listing.search(OPERATION_LIST) !== -1 || listing.search(OPERATION_HEADING) !== -1)) missed.push('listing');
  if (!(present & PAYING_BIT) && PAYS_ON_CALL.test(head.slice(0, 1500))) missed.push('phrase:pays');
  if (!(present & ASSETS_BIT) && MOVES_ASSETS.test(head.slice(0, 1500))) missed.push('phrase:moves-assets');
  return missed;
}
