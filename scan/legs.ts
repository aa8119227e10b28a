// The legs of the lethal trifecta one tool gives an agent, read from what the tool does: its action
// (the verdict's category and the verbs of its name) and the things it acts on (the words of its
// name, its description's first sentence and its parameters' names). Each leg rule is a row of
// LEG_RULES: an id, the leg, the words that show it, and the phrase the report says of the tool.
// Pure: a definition and its classification in, the legs with their reasons out.
import type { Classification, McpTool, TrifectaLeg } from '../data/schema.ts';
import { inputProperties } from '../classifier/signals.ts';
import { firstSentence, splitIdentifier, splitText } from '../classifier/words.ts';

/** A word in its singular form, so `issues`, `repositories` and `messages` match `issue`, `repository` and `message`. */
function singular(word: string): string {
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 4 && /(ches|shes|sses|xes)$/.test(word)) return word.slice(0, -2);
  if (word.length > 3 && word.endsWith('s') && !/(ss|us|is)$/.test(word)) return word.slice(0, -1);
  return word;
}

function words(list: string): ReadonlySet<string> {
  return new Set(list.split(/\s+/).filter(Boolean));
}

/** What a tool does, as the leg rules read it. */
export interface ToolActs {
  /** It returns what it reads or observes (its category is read, or its name leads with a retrieving verb). */
  retrieves: boolean;
  /** It runs code, commands or queries the caller writes. */
  runsCode: boolean;
  /** It changes or sends something (its category is write). */
  writes: boolean;
  /** The words of its name (singular). */
  name: ReadonlySet<string>;
  /** Its name's first word, when a verb leads it (`get_issue` → get). */
  verb: string | undefined;
  /** The words of its name and its description's first sentence (singular). */
  subject: ReadonlySet<string>;
  /** The words of its top-level parameters' names (singular). */
  params: ReadonlySet<string>;
  openWorld: boolean;
  sensitive: boolean;
  messaging: boolean;
}

const RETRIEVING = words('get list read fetch search find retrieve show view browse lookup query download describe inspect export extract return scrape crawl navigate visit open load watch poll receive check summarize summarise');
const CODE_PARAMS = words('command cmd code script shell sql query expression javascript js python bash program statement');
const CODE_VERBS = words('execute exec run eval evaluate invoke');
const URL_PARAMS = words('url uri href endpoint webhook link');

export function toolActs(tool: McpTool, classification: Pick<Classification, 'category' | 'openWorld' | 'sensitive' | 'signals'>): ToolActs {
  const nameWords = splitIdentifier(tool.name).map((token) => singular(token.word));
  const lead = firstSentence(tool.description ?? '').text;
  const leadWords = splitText(lead).map((token) => singular(token.word));
  const params = new Set(
    inputProperties(tool.inputSchema)
      .filter((property) => property.depth === 1)
      .flatMap((property) => splitIdentifier(property.name).map((token) => singular(token.word))),
  );
  const first = nameWords[0];
  const verb = first && (RETRIEVING.has(first) || CODE_VERBS.has(first) || SENDING.has(first) || CREATING.has(first)) ? first : undefined;
  const runsCode = classification.category === 'execute' && ([...params].some((word) => CODE_PARAMS.has(word)) || nameWords.some((word) => CODE_VERBS.has(word)));
  return {
    retrieves: classification.category === 'read' || (verb !== undefined && RETRIEVING.has(verb)) || runsCode,
    runsCode,
    writes: classification.category === 'write',
    name: new Set(nameWords),
    verb,
    subject: new Set([...nameWords, ...leadWords]),
    params,
    openWorld: classification.openWorld,
    sensitive: classification.sensitive,
    messaging: classification.signals.some((signal) => signal.effect === 'messaging'),
  };
}

const SENDING = words('send post reply forward publish share upload notify tweet email message broadcast announce submit push dm mail');
const CREATING = words('create add comment open write update edit set put insert append');

export interface LegRule {
  id: string;
  leg: TrifectaLeg['leg'];
  /** What the report says of a tool it fits, after its name: "filesystem/read_file (reads local files)". */
  why: string;
  /** How well the rule shows its leg (3: the textbook case; 1: a tool that can serve). The strongest tools are named. */
  strength: 1 | 2 | 3;
  fits(acts: ToolActs): boolean;
  /** Definitions it must fit and ones it must not (`name: description [param, …]`), run by tests/scan/legs.test.ts. */
  examples: { fits: readonly string[]; not: readonly string[] };
}

const has = (set: ReadonlySet<string>, list: ReadonlySet<string>) => [...list].some((word) => set.has(word));

// the things a tool reads that belong to the user or their organisation
const LOCAL_FILES = words('file directory folder filesystem path');
const REPOSITORY = words('repository repo code commit branch gist blob tree');
const DATABASE = words('database db table sql row record collection schema document index');
const MESSAGES = words('email mail inbox message chat conversation dm thread sms');
// names of a message list that say what it holds only in the description (`get_channel_history`: "Get recent messages from a channel")
const MESSAGE_LISTS = words('history inbox replies timeline');
const DOCUMENTS = words('document doc page note drive sheet spreadsheet calendar memory knowledge wiki notebook');
const PEOPLE = words('customer contact lead deal crm user profile employee patient order invoice subscription payment transaction account');
const SECRETS = words('secret credential password token apikey env environment vault keychain');
// the things a tool reads that someone else wrote
const WEB = words('web website webpage internet online html article news feed rss url site');
const DISCUSSION = words('issue pull pr comment review discussion ticket post tweet reply mention notification thread forum');
// a request whose answer comes back to the agent, whatever its method
const REQUESTING = words('navigate browse visit scrape crawl fetch request http curl');
const SEARCH_ENGINES = words('google bing brave duckduckgo tavily exa serp serper perplexity kagi searxng');
// the things a tool sends or makes that others can read
const PUBLIC_CONTENT = words('issue pull pr comment review discussion gist post tweet release page wiki');
const SHARED_PLACES = words('drive bucket storage repository repo share shared upload');
// parameters that carry what a write sends
const CONTENT_PARAMS = words('content body text data file message payload attachment');

/** It reads messages: its name says so, or it names a list of them whose description says messages. */
function readsMessages(acts: ToolActs): boolean {
  return has(acts.name, MESSAGES) || (has(acts.name, MESSAGE_LISTS) && has(acts.subject, MESSAGES));
}

export const LEG_RULES: readonly LegRule[] = [
  { id: 'private-local-files', leg: 'private', why: 'reads local files', strength: 3, fits: (acts) => acts.retrieves && !acts.runsCode && has(acts.name, LOCAL_FILES) && !has(acts.name, DISCUSSION) && !has(acts.subject, REPOSITORY) && !has(acts.subject, WEB), examples: { fits: ['read_file: Read the complete contents of a file from the file system [path]', 'list_directory: Get a detailed listing of all files and directories in a specified path [path]', 'search_files: Recursively search for files and directories matching a pattern [path, pattern]'], not: ['get_pull_request_files: Get the list of files changed in a pull request [owner, repo, pull_number]', 'write_file: Create a new file or completely overwrite an existing file [path, content]', 'get_file_contents: Get the contents of a file or directory from a GitHub repository [owner, repo, path]'] } },
  { id: 'private-repository', leg: 'private', why: 'reads repository contents (private repositories too)', strength: 2, fits: (acts) => acts.retrieves && !acts.runsCode && has(acts.subject, REPOSITORY) && (has(acts.name, LOCAL_FILES) || has(acts.name, words('code commit branch blob tree content'))), examples: { fits: ['get_file_contents: Get the contents of a file or directory from a GitHub repository [owner, repo, path]', 'list_commits: Get list of commits of a branch in a GitHub repository [owner, repo, sha]'], not: ['create_repository: Create a new GitHub repository in your account [name, private]', 'search_repositories: Search for GitHub repositories [query]'] } },
  { id: 'private-database', leg: 'private', why: 'reads a database', strength: 2, fits: (acts) => acts.retrieves && (has(acts.name, DATABASE) || (has(acts.subject, words('database db sql')) && (acts.runsCode || has(acts.name, words('query select table'))))), examples: { fits: ['query: Run a read-only SQL query [sql]', 'list_tables: List the tables in the database [schema]', 'find_documents: Find documents in a MongoDB collection [collection, filter]'], not: ['drop_table: Drop a table from the database [table]', 'get_weather: Get the weather forecast for a city [city]'] } },
  { id: 'private-messages', leg: 'private', why: 'reads email or messages', strength: 3, fits: (acts) => acts.retrieves && !acts.writes && readsMessages(acts), examples: { fits: ['slack_get_channel_history: Get recent messages from a channel [channel_id, limit]', 'search_emails: Searches for emails using Gmail search syntax [query]'], not: ['slack_post_message: Post a new message to a Slack channel [channel_id, text]', 'send_email: Sends a new email [to, subject, body]'] } },
  { id: 'private-documents', leg: 'private', why: 'reads documents, notes or memory', strength: 2, fits: (acts) => acts.retrieves && !acts.writes && (has(acts.name, DOCUMENTS) || has(acts.subject, words('knowledge note notebook document'))) && !has(acts.subject, WEB), examples: { fits: ['read_graph: Read the entire knowledge graph', 'get_page: Retrieve a Notion page by its id [page_id]', 'list_notes: List the notes of the user'], not: ['create_page: Create a new page in Notion [parent, title]', 'fetch_webpage: Fetch a web page and return its text [url]'] } },
  { id: 'private-records', leg: 'private', why: 'reads customer, user or business records', strength: 2, fits: (acts) => acts.retrieves && !acts.writes && has(acts.name, PEOPLE), examples: { fits: ['list_customers: Fetch a list of customers from Stripe [email, limit]', 'get_contact: Get a contact from the CRM by id [contact_id]'], not: ['list_prices: Fetch a list of prices from Stripe [product, limit]', 'create_customer: Create a customer in Stripe [name, email]'] } },
  { id: 'private-secrets', leg: 'private', why: 'reads secrets, credentials or personal data', strength: 3, fits: (acts) => acts.retrieves && !acts.writes && (acts.sensitive || has(acts.name, SECRETS)), examples: { fits: ['get_secret: Read a secret value from the vault [name]', 'list_env_vars: List the environment variables of a project [project_id]'], not: ['rotate_secret: Rotate a secret in the vault [name]', 'get_forecast: Get the weather forecast for a location [latitude, longitude]'] } },
  { id: 'private-host-code', leg: 'private', why: 'runs code or commands that can read what the host holds', strength: 1, fits: (acts) => acts.runsCode && !has(acts.subject, words('page browser')), examples: { fits: ['run_command: Run a shell command on the host and return its output [command]', 'execute_code: Execute Python code [code]'], not: ['puppeteer_evaluate: Execute JavaScript in the browser page console [script]', 'browser_close: Close the browser page'] } },

  { id: 'untrusted-web-page', leg: 'untrusted', why: 'fetches or browses web pages', strength: 3, fits: (acts) => (has(acts.params, URL_PARAMS) || has(acts.name, WEB) || has(acts.name, words('navigate browse scrape crawl'))) && (has(acts.name, REQUESTING) || (acts.retrieves && !acts.writes)), examples: { fits: ['fetch: Fetches a URL from the internet and extracts its contents as markdown [url]', 'puppeteer_navigate: Navigate to a URL [url]', 'scrape_page: Scrape a website and return its content [url]', 'fetch: Perform HTTP requests with full control over method, headers and body [url, method, headers, body]'], not: ['browser_resize: Resize the browser window [width, height]', 'create_webhook: Create a webhook that posts events to a URL [url, events]'] } },
  { id: 'untrusted-search-results', leg: 'untrusted', why: 'returns web search results', strength: 3, fits: (acts) => acts.retrieves && !acts.writes && has(acts.name, words('search')) && (has(acts.subject, WEB) || has(acts.subject, SEARCH_ENGINES)), examples: { fits: ['brave_web_search: Performs a web search using the Brave Search API [query, count]', 'search: Search the web with Google and return the results [q]'], not: ['search_files: Recursively search for files and directories matching a pattern [path, pattern]', 'search_repositories: Search for GitHub repositories [query]'] } },
  { id: 'untrusted-discussion', leg: 'untrusted', why: 'reads issues, pull requests or comments others wrote', strength: 3, fits: (acts) => acts.retrieves && !acts.writes && has(acts.name, DISCUSSION), examples: { fits: ['get_issue: Get details of a specific issue in a GitHub repository [owner, repo, issue_number]', 'list_pull_requests: List pull requests in a GitHub repository [owner, repo]', 'get_pull_request_comments: Get the review comments on a pull request [owner, repo, pull_number]'], not: ['create_issue: Create a new issue in a GitHub repository [owner, repo, title, body]', 'add_issue_comment: Add a comment to an existing issue [owner, repo, issue_number, body]'] } },
  { id: 'untrusted-inbound-messages', leg: 'untrusted', why: 'reads inbound email or messages', strength: 3, fits: (acts) => acts.retrieves && !acts.writes && readsMessages(acts), examples: { fits: ['read_email: Retrieves the content of a specific email [messageId]', 'slack_get_thread_replies: Get all replies in a message thread [channel_id, thread_ts]'], not: ['send_email: Sends a new email [to, subject, body]', 'slack_list_channels: List public channels in the workspace [limit]'] } },
  { id: 'untrusted-shared-documents', leg: 'untrusted', why: 'reads documents others can edit', strength: 1, fits: (acts) => acts.retrieves && !acts.writes && has(acts.name, words('document doc page wiki sheet spreadsheet')), examples: { fits: ['get_document: Get the contents of a Google Doc [document_id]', 'read_wiki_page: Read a page of the team wiki [page]'], not: ['create_document: Create a new Google Doc [title]', 'read_file: Read the complete contents of a file from the file system [path]'] } },

  { id: 'exit-message', leg: 'exfiltration', why: 'sends messages or email', strength: 3, fits: (acts) => acts.writes && has(acts.name, SENDING) && (acts.messaging || has(acts.subject, MESSAGES)) && !acts.name.has('draft'), examples: { fits: ['slack_post_message: Post a new message to a Slack channel [channel_id, text]', 'send_email: Sends a new email [to, subject, body]', 'slack_reply_to_thread: Reply to a specific message thread in Slack [channel_id, thread_ts, text]'], not: ['slack_get_channel_history: Get recent messages from a channel [channel_id, limit]', 'draft_email: Save an email as a draft without sending it [subject, body]'] } },
  { id: 'exit-caller-url', leg: 'exfiltration', why: 'requests a URL the caller chooses', strength: 2, fits: (acts) => has(acts.params, URL_PARAMS) && (acts.openWorld || has(acts.name, words('fetch request navigate get post call http visit open browse scrape crawl'))), examples: { fits: ['fetch: Fetches a URL from the internet and extracts its contents as markdown [url]', 'puppeteer_navigate: Navigate to a URL [url]', 'http_request: Send an HTTP request to any URL [url, method, body]'], not: ['browser_close: Close the browser page', 'read_file: Read the complete contents of a file from the file system [path]'] } },
  { id: 'exit-public-content', leg: 'exfiltration', why: 'creates content others can read', strength: 3, fits: (acts) => acts.writes && has(acts.name, CREATING) && has(acts.name, PUBLIC_CONTENT), examples: { fits: ['create_issue: Create a new issue in a GitHub repository [owner, repo, title, body]', 'add_issue_comment: Add a comment to an existing issue [owner, repo, issue_number, body]', 'create_pull_request: Create a new pull request in a GitHub repository [owner, repo, title, head, base]'], not: ['get_issue: Get details of a specific issue in a GitHub repository [owner, repo, issue_number]', 'create_directory: Create a new directory [path]'] } },
  { id: 'exit-shared-place', leg: 'exfiltration', why: 'writes to a shared place', strength: 2, fits: (acts) => acts.writes && (has(acts.name, words('upload share push publish sync')) || (has(acts.name, CREATING) && has(acts.subject, SHARED_PLACES) && has(acts.params, CONTENT_PARAMS))), examples: { fits: ['upload_file: Upload a file to Google Drive [name, content]', 'push_files: Push multiple files to a GitHub repository in a single commit [owner, repo, branch, files]', 'create_or_update_file: Create or update a single file in a GitHub repository [owner, repo, path, content]'], not: ['write_file: Create a new file or completely overwrite an existing file [path, content]', 'create_entities: Create multiple new entities in the knowledge graph [entities]'] } },
  { id: 'exit-runs-code', leg: 'exfiltration', why: 'runs code or commands that can send data anywhere', strength: 2, fits: (acts) => acts.runsCode, examples: { fits: ['run_command: Run a shell command on the host and return its output [command]', 'puppeteer_evaluate: Execute JavaScript in the browser page console [script]'], not: ['browser_close: Close the browser page', 'browser_resize: Resize the browser window [width, height]'] } },
];

/** The legs a tool stands in, each with the strongest rule that put it there. */
export function trifectaLegs(tool: McpTool, classification: Pick<Classification, 'category' | 'openWorld' | 'sensitive' | 'signals'>): TrifectaLeg[] {
  const acts = toolActs(tool, classification);
  const best = new Map<TrifectaLeg['leg'], LegRule>();
  for (const rule of LEG_RULES) {
    if (!rule.fits(acts)) continue;
    const known = best.get(rule.leg);
    if (!known || rule.strength > known.strength) best.set(rule.leg, rule);
  }
  return (['private', 'untrusted', 'exfiltration'] as const).flatMap((leg) => {
    const rule = best.get(leg);
    return rule ? [{ leg, rule: rule.id, why: rule.why, strength: rule.strength }] : [];
  });
}

// verbs that return what a thing holds, before those that list or search it
const CONTENT_VERBS = ['read', 'get', 'fetch', 'download', 'retrieve', 'query', 'view', 'open', 'navigate', 'send', 'post', 'create', 'run', 'execute'];

/** How plainly a tool's name shows what it does, for picking a leg's examples (lower first): a leading content verb, then fewer words. */
export function exampleRank(toolName: string): number {
  const parts = splitIdentifier(toolName).map((token) => token.word);
  const verbAt = parts.findIndex((word) => CONTENT_VERBS.includes(word));
  return (verbAt === -1 ? 100 : verbAt * 10 + CONTENT_VERBS.indexOf(parts[verbAt]!) / 10) + parts.length;
}
