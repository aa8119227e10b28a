// Secrets in client configurations: found so the report can name them, and kept out of every
// output. The report never prints an environment or header value at all; command arguments and
// URLs are printed with their secret parts replaced; and every output passes through a last
// filter that replaces each value this scan decided is a secret (and only those: a plain value
// such as `GITHUB_TOOLSETS=repos` is no secret, so `search_repositories` is printed whole).
//
// A value is a secret when
// - its name is secret-like: a word of the name is KEY, TOKEN, SECRET, PASSWORD, AUTH, COOKIE,
//   SESSION, CREDENTIALS, PAT, BEARER… (`SLACK_BOT_TOKEN`, `X-Api-Key`, `apiKey`; not `MONKEY_MODE`,
//   `KEYBOARD_LAYOUT`, `PATH`), and the name does not end in a word saying it is about the secret
//   rather than the secret (`TOKEN_FILE`, `AUTH_MODE`, `SESSION_TIMEOUT`); then any value is one
//   except a reference, a switch (`true`, `off`) or a file path (`GOOGLE_APPLICATION_CREDENTIALS`);
// - whatever its name, it is shaped like one: a provider's token (ghp_, sk-, xoxb-, ntn_, AKIA…,
//   a JWT), a long random string, `Bearer …`/`Basic …`/`token …`, or it holds one: a password in a
//   connection string (`postgres://user:pw@host`, `password=pw`), a secret-named query parameter,
//   a secret inside a JSON value (`{"Authorization": "Bearer …"}`).
// A connection string without a password (`postgres://localhost:5432/app`) is no secret, whatever
// its name (DSN, DATABASE_URL). References (`${VAR}`, `${input:id}`) never are.
import type { ConfiguredServer } from './configs.ts';

/** A reference to a value kept elsewhere (`${VAR}`, `${env:VAR}`, `${input:id}`, `${VAR:-default}`): not a secret written into the file. */
export function isReference(value: string): boolean {
  return /^\s*\$\{[^}]+\}\s*$/.test(value) || /^\s*\$[A-Z_][A-Z0-9_]*\s*$/.test(value);
}

/** Names of variables a value refers to. */
export function referencedNames(value: string): string[] {
  return [...value.matchAll(/\$\{(?:env:)?([A-Za-z_][A-Za-z0-9_]*)(?::-[^}]*)?\}/g)].map((match) => match[1]!);
}

const SCHEME = /^\s*(?:bearer|basic|token)\s+/i;

/** Made of references with no literal secret beside them: `Bearer ${input:t}`, `sk-${KEY}`, `${USER}:${PASS}`. */
function referenceOnly(value: string): boolean {
  if (isReference(value) || isReference(value.replace(SCHEME, ''))) return true;
  return value.includes('${') && !/[A-Za-z0-9]{4,}/.test(value.replace(/\$\{[^}]*\}/g, '').replace(SCHEME, ''));
}

/** The words of a name: `GITHUB_PERSONAL_ACCESS_TOKEN`, `X-Api-Key`, `apiKey`, `APIKey2` → lower-case words without trailing digits. */
export function nameWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .map((word) => word.toLowerCase().replace(/\d+$/, ''))
    .filter(Boolean);
}

/** Words that make a name secret-like. */
const SECRET_WORDS = new Set([
  'key', 'keys', 'apikey', 'token', 'tokens', 'secret', 'secrets', 'password', 'passwords', 'passwd', 'pwd', 'pass', 'passphrase',
  'auth', 'authorization', 'cookie', 'cookies', 'session', 'credential', 'credentials', 'creds', 'pat', 'bearer', 'jwt',
]);
/** One word run together with its qualifier: `GHTOKEN`, `APPSECRET`, `DBPASSWORD`, `accesskey`. */
const SECRET_WORD_END = /(?:token|secret|passwor?d|passwd|apikey|accesskey|privatekey|sessionid)s?$/;
/** Last words that say the name is about a secret, not the secret itself (`TOKEN_FILE`, `AUTH_MODE`, `SESSION_TIMEOUT`, `KEY_NAME`). */
const ABOUT_WORDS = new Set([
  'file', 'files', 'path', 'paths', 'dir', 'directory', 'folder', 'location', 'url', 'uri', 'urls', 'endpoint', 'host', 'hostname', 'domain', 'port', 'server',
  'mode', 'type', 'kind', 'method', 'scheme', 'strategy', 'provider', 'flow', 'name', 'names', 'label', 'enabled', 'enable', 'disabled', 'disable', 'required',
  'optional', 'timeout', 'ttl', 'expiry', 'expires', 'expiration', 'lifetime', 'age', 'duration', 'interval', 'length', 'size', 'bits', 'format', 'encoding',
  'algorithm', 'alg', 'version', 'region', 'scope', 'scopes', 'audience', 'issuer', 'prefix', 'suffix', 'env', 'var', 'variable', 'count', 'limit', 'retries',
  'through', 'user', 'username', 'login', 'email', 'store', 'backend', 'cache', 'policy',
]);
/** Words before KEY that make it no secret (`PUBLIC_KEY`, `SORT_KEY`, `PRIMARY_KEY`). */
const NOT_SECRET_KEYS = new Set(['public', 'publishable', 'sort', 'primary', 'partition', 'cache', 'foreign', 'hot', 'shortcut', 'routing', 'object', 'idempotency']);

/** Whether a variable, header, flag or parameter name says its value is a secret (`SLACK_BOT_TOKEN`, `X-Api-Key`: yes; `GITHUB_TOOLSETS`, `KEYBOARD_LAYOUT`, `TOKEN_FILE`: no). */
export function isSecretName(name: string): boolean {
  if (/^(?:PWD|OLDPWD)$/.test(name)) return false; // the shell's working folders
  const words = nameWords(name);
  if (!words.length || ABOUT_WORDS.has(words[words.length - 1]!)) return false;
  return words.some((word, i) => (SECRET_WORDS.has(word) || SECRET_WORD_END.test(word)) && !((word === 'key' || word === 'keys') && i > 0 && NOT_SECRET_KEYS.has(words[i - 1]!)));
}

/** Changes between lower-case letters, upper-case letters and digits: many in generated strings, few in words and versions. */
function classChanges(text: string): number {
  const classes = [...text.replace(/[^A-Za-z0-9]/g, '')].map((char) => (/[a-z]/.test(char) ? 0 : /[A-Z]/.test(char) ? 1 : 2));
  return classes.filter((cls, i) => i > 0 && cls !== classes[i - 1]).length;
}

/** Well-known token shapes (provider prefixes, JWTs, cloud key ids, private keys), found anywhere in a value. */
const TOKEN_SHAPES =
  /(?<![A-Za-z0-9])(?:sk-[A-Za-z0-9_-]{16,}|(?:sk|rk|whsec)_(?:live_|test_)?[A-Za-z0-9]{16,}|gh[pousr]_[A-Za-z0-9]{30,}|github_pat_[A-Za-z0-9_]{40,}|glpat-[A-Za-z0-9_-]{20,}|xox[abposre]-[A-Za-z0-9-]{10,}|xapp-[A-Za-z0-9-]{10,}|(?:AKIA|ASIA)[0-9A-Z]{16}|AIza[0-9A-Za-z_-]{35}|npm_[A-Za-z0-9]{36}|hf_[A-Za-z0-9]{30,}|ntn_[A-Za-z0-9]{30,}|secret_[A-Za-z0-9]{32,}|pypi-[A-Za-z0-9_-]{50,}|shp(?:at|ss|ca|pa)_[A-Fa-f0-9]{32}|dop_v1_[a-f0-9]{64}|lin_(?:api|oauth)_[A-Za-z0-9]{30,}|SG\.[A-Za-z0-9_-]{16,}\.[A-Za-z0-9_-]{16,}|sntr[ysu]_[A-Za-z0-9+/=_-]{30,}|eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,})(?![A-Za-z0-9])/g;
const PRIVATE_KEY = /-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?(?:-----END [A-Z ]*PRIVATE KEY-----|$)/g;

/** The tokens of known shapes in a text (a prefix alone is not enough: `sk-learn-server-tools` is a package name, not a key). */
function tokensIn(text: string): string[] {
  return [...[...text.matchAll(TOKEN_SHAPES)].map((match) => match[0]).filter((token) => classChanges(token) >= 3 || /^(?:AKIA|ASIA)/.test(token)), ...[...text.matchAll(PRIVATE_KEY)].map((match) => match[0])];
}

/** A file path (`/run/secrets/db`, `~/.ssh/id_ed25519`, `C:\keys\sa.json`): where a secret is kept, not the secret. */
function isFilePath(value: string): boolean {
  return /^(?:(?:~|\.{1,2})?\/|[A-Za-z]:[\\/])[^\s]*[\\/][^\s]*$/.test(value.trim());
}

/** A long run of letters and digits mixing both, as generated keys are (not a path, a version, a UUID or a long word). */
function looksGenerated(value: string): boolean {
  const token = value.trim();
  if (token.length < 20 || !/^[A-Za-z0-9_\-+/=.~]+$/.test(token) || /^(?:~|\.{0,2})\//.test(token)) return false;
  return token.split(/[-_.~/+=]/).some((part) => part.length >= 16 && /[0-9]/.test(part) && /[A-Za-z]/.test(part) && classChanges(part) >= 4 && new Set(part).size >= 10);
}

/** `Bearer …`, `Basic …`, `token …` with a credential after it (not `Bearer token`): the credential. */
function schemeCredential(value: string): string | undefined {
  const match = /^\s*(?:bearer|basic|token)\s+(\S{8,})\s*$/i.exec(value);
  if (!match || referenceOnly(match[1]!)) return undefined;
  return /[0-9+/=._~-]|.[A-Z]/.test(match[1]!) ? match[1] : undefined;
}

export function looksLikeSecretValue(value: string): boolean {
  return tokensIn(value).length > 0 || looksGenerated(value) || schemeCredential(value) !== undefined;
}

/** A switch, not a secret, even under a secret-like name (`AUTH=false`, `USE_SESSION=on`). */
function isSwitch(value: string): boolean {
  return /^\s*(?:true|false|yes|no|on|off|null|none|enabled|disabled)\s*$/i.test(value);
}

const URL_PASSWORD = /^\s*[a-z][a-z0-9+.-]*:\/\/[^/\s:@]*:([^/\s@]+)@/i;
const KEYWORD_PASSWORD = /(?:^|[\s;&?])(?:password|passwd|pwd|pass)\s*=\s*('[^']*'|"[^"]*"|[^\s;&]+)/gi;

/** Passwords in a connection string: `postgres://user:pw@host/db`, `host=db password=pw`, `Server=x;Password=pw;`. */
function connectionPasswords(value: string): string[] {
  const found: string[] = [];
  const url = URL_PASSWORD.exec(value);
  if (url) found.push(url[1]!);
  for (const match of value.matchAll(KEYWORD_PASSWORD)) found.push(match[1]!.replace(/^(['"])(.*)\1$/, '$2'));
  return found.filter((password) => password.length > 0 && !referenceOnly(password)).flatMap((password) => {
    let decoded = password;
    try {
      decoded = decodeURIComponent(password);
    } catch {
      // (kept as written)
    }
    return decoded === password ? [password] : [password, decoded];
  });
}

/** Secret query parameters of a URL-shaped value: by name (`?api_key=`) or shape. */
function queryValues(value: string): { name: string; value: string }[] {
  if (!/^\s*[a-z][a-z0-9+.-]*:\/\/\S+\s*$/i.test(value)) return [];
  try {
    return [...new URL(value.trim()).searchParams].filter(([name, param]) => param && !referenceOnly(param) && (isSecretName(name) || looksLikeSecretValue(param))).map(([name, param]) => ({ name, value: param }));
  } catch {
    return [];
  }
}

export interface SecretFinding {
  /** Where: `env FOO`, `env FOO (Authorization)`, `header Authorization`, `argument 3 (--api-key)`, `url (password)`. */
  where: string;
  /** The secret as it stands there (an argument's is what its display replaces). */
  value: string;
  /** Other text that gives it away, kept out of output too: the token without `Bearer `, the password in a DSN, the whole JSON value around a secret. */
  related?: string[];
}

/** A finding; its related text without repeats or the value itself. */
function secretAt(where: string, value: string, related: readonly string[] = []): SecretFinding {
  const others = [...new Set(related)].filter((text) => text && text !== value);
  return others.length ? { where, value, related: others } : { where, value };
}

/** The secret parts a value holds whatever its name, or none. */
function heldSecrets(value: string): string[] {
  const credential = schemeCredential(value);
  const parts = [...connectionPasswords(value), ...queryValues(value).map((param) => param.value), ...tokensIn(value), ...(credential ? [value, credential] : []), ...(looksGenerated(value) ? [value] : [])];
  return [...new Set(parts)];
}

/** A JSON object or array written as a string value (`OPENAPI_MCP_HEADERS={"Authorization": …}`), or undefined. */
function jsonIn(value: string): unknown {
  if (!/^\s*[[{]/.test(value)) return undefined;
  try {
    const parsed: unknown = JSON.parse(value);
    return parsed !== null && typeof parsed === 'object' ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/** The secrets inside a parsed JSON value, each named by its key path (`Authorization`, `auth.token`). */
function jsonSecrets(json: unknown, where: string, path: string[] = [], key = ''): SecretFinding[] {
  if (path.length > 32) return []; // (no config nests deeper; a value that does is not walked into)
  if (Array.isArray(json)) return json.flatMap((item, i) => jsonSecrets(item, where, [...path, String(i)], key));
  if (json !== null && typeof json === 'object') return Object.entries(json).flatMap(([name, item]) => jsonSecrets(item, where, [...path, name], name));
  if (typeof json !== 'string' && typeof json !== 'number') return [];
  return namedSecrets(key, String(json), `${where} (${path.join('.')})`, false);
}

/**
 * The secrets of a value under a name (an env variable, a header, a flag): all of it when the name
 * is secret-like; else what it holds. `whole`: the finding's value is the whole value (an env or
 * header value, never printed), not only the part a display of it replaces.
 */
function namedSecrets(name: string, value: string, where: string, whole = true): SecretFinding[] {
  if (!value.trim() || referenceOnly(value)) return [];
  const json = jsonIn(value);
  if (json !== undefined) {
    const inner = jsonSecrets(json, where);
    const innerValues = inner.flatMap((secret) => [secret.value, ...(secret.related ?? [])]);
    if (isSecretName(name)) return [secretAt(where, value, innerValues)];
    return inner.map((secret) => secretAt(secret.where, secret.value, [...(secret.related ?? []), value]));
  }
  if (isSecretName(name) && !isSwitch(value) && !isFilePath(value)) {
    const credential = value.replace(SCHEME, '');
    return [secretAt(where, value, [...(credential !== value && !referenceOnly(credential) ? [credential.trim()] : []), ...heldSecrets(value)])];
  }
  const held = heldSecrets(value);
  if (!held.length) return [];
  return whole ? [secretAt(where, value, held)] : held.map((part) => secretAt(where, part));
}

/** The secrets of one command argument (its display replaces each finding's value). */
function argumentSecrets(args: readonly string[], i: number): SecretFinding[] {
  const arg = args[i]!;
  const at = `argument ${i + 1}`;
  const flag = /^(--?)([A-Za-z][\w.-]*)=([\s\S]+)$/.exec(arg);
  if (flag) return namedSecrets(flag[2]!, flag[3]!, `${at} (${flag[1]}${flag[2]})`, false);
  const previous = i > 0 ? /^--?([A-Za-z][\w.-]*)$/.exec(args[i - 1]!) : null;
  if (previous && isSecretName(previous[1]!) && !arg.startsWith('-')) return namedSecrets(previous[1]!, arg, `${at} (${args[i - 1]})`, false);
  const assignment = /^([A-Za-z_][A-Za-z0-9_]*)=([\s\S]*)$/.exec(arg);
  if (assignment) return namedSecrets(assignment[1]!, assignment[2]!, `${at} (${assignment[1]})`, false);
  const header = /^([A-Za-z][\w-]*)\s*:\s*(\S[\s\S]*)$/.exec(arg);
  if (header && !arg.includes('://') && isSecretName(header[1]!)) return namedSecrets(header[1]!, header[2]!, `${at} (header ${header[1]})`, false);
  const json = jsonIn(arg);
  if (json !== undefined) return jsonSecrets(json, at);
  if (arg.startsWith('/') || arg.includes('/node_modules/')) return [];
  const passwords = connectionPasswords(arg);
  if (passwords.length) return passwords.map((password) => ({ where: `${at} (a password in a connection URL)`, value: password }));
  const query = queryValues(arg);
  if (query.length) return query.map((param) => ({ where: `${at} (query ${param.name})`, value: param.value }));
  return heldSecrets(arg).map((value) => ({ where: at, value }));
}

/** One finding per place: several secrets found at one place (two passwords in an argument) are one finding. */
function merged(found: readonly SecretFinding[]): SecretFinding[] {
  const byPlace = new Map<string, SecretFinding>();
  for (const secret of found) {
    const known = byPlace.get(secret.where);
    byPlace.set(secret.where, known ? secretAt(known.where, known.value, [...(known.related ?? []), secret.value, ...(secret.related ?? [])]) : secret);
  }
  return [...byPlace.values()];
}

/** The secrets of each command argument, by its index in `args`. */
function argumentsSecrets(server: ConfiguredServer): SecretFinding[][] {
  return server.args.map((_, i) => merged(argumentSecrets(server.args, i)));
}

/** The secrets written into a server's entry: literal values of secret-named variables and headers, token-shaped values, passwords in connection strings and URLs, secrets inside JSON values. */
export function secretsOf(server: ConfiguredServer): SecretFinding[] {
  const found: SecretFinding[] = [];
  for (const [name, value] of server.env) found.push(...namedSecrets(name, value, `env ${name}`));
  for (const [name, value] of server.headers) found.push(...namedSecrets(name, value, `header ${name}`));
  found.push(...argumentsSecrets(server).flat());
  if (server.url) {
    try {
      const url = new URL(server.url);
      if (url.password) found.push(secretAt('url (password)', decodeURIComponent(url.password), [url.password]));
      else if (url.username && looksLikeSecretValue(decodeURIComponent(url.username))) found.push(secretAt('url (user)', decodeURIComponent(url.username), [url.username]));
      for (const [name, value] of url.searchParams) if (value && !referenceOnly(value) && (isSecretName(name) || looksLikeSecretValue(value))) found.push({ where: `url (query ${name})`, value });
      for (const segment of url.pathname.split('/')) {
        const decoded = decodeURIComponent(segment);
        if (looksLikeSecretValue(decoded)) found.push(secretAt('url (path)', decoded, [segment]));
      }
    } catch {
      // (an unparsable url was refused when the config was read)
    }
  }
  return merged(found);
}

/** The shortest value the redactor replaces: a shorter one (`PASSWORD=ab`) would replace letters all over the report. */
export const MIN_REDACTED = 4;
/** Values at least this long are replaced wherever they appear; shorter ones only where they stand alone, not inside a word or name (`test` in `get_latest`). */
export const REDACTED_ANYWHERE = 16;

/** Every value of a server that must never be printed: the secrets this scan found in it and the text around them that gives them away. Nothing else: a plain value is not redacted. */
export function secretValues(server: ConfiguredServer): string[] {
  const values = secretsOf(server).flatMap((secret) => [secret.value, ...(secret.related ?? [])]);
  return [...new Set(values)].filter((value) => value.trim().length >= MIN_REDACTED && !isReference(value));
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Replaces each secret value in a text (longest first, so a value containing another goes whole),
 * in each form it may be printed in (as is, JSON-escaped, URL-encoded). A short value is replaced
 * only where it stands alone (not inside a run of letters, digits, `_` and `-`), so a tool name is
 * never cut; one right after a `%XX` or `\n` escape still counts as alone.
 */
export class Redactor {
  private readonly values: { form: string; pattern?: RegExp }[] = [];

  add(values: Iterable<string>): void {
    for (const value of values) {
      if (value.trim().length < MIN_REDACTED) continue;
      for (const form of [value, JSON.stringify(value).slice(1, -1), encodeURIComponent(value)]) {
        if (form.length < MIN_REDACTED || this.values.some((known) => known.form === form)) continue;
        const pattern = value.length >= REDACTED_ANYWHERE ? undefined : new RegExp(`(?<=^|[^A-Za-z0-9_-]|%[0-9A-Fa-f]{2}|\\\\[nrtbf])${escapeRegExp(form)}(?=$|[^A-Za-z0-9_-])`, 'g');
        this.values.push({ form, ...(pattern ? { pattern } : {}) });
      }
    }
    this.values.sort((a, b) => b.form.length - a.form.length);
  }

  redact(text: string): string {
    let out = text;
    for (const { form, pattern } of this.values) {
      if (!out.includes(form)) continue;
      out = pattern ? out.replace(pattern, '***') : out.split(form).join('***');
    }
    return out;
  }
}

/** The command line as the report shows it: each argument with its own secrets replaced, nothing of env or headers. */
export function displayCommand(server: ConfiguredServer): string {
  if (server.transport !== 'stdio') return displayUrl(server.url ?? '');
  const secrets = argumentsSecrets(server);
  const shown = server.args.map((arg, i) => {
    const values = [...new Set(secrets[i]!.flatMap((secret) => [secret.value, ...(secret.related ?? [])]))].filter(Boolean).sort((a, b) => b.length - a.length);
    for (const secret of values) if (arg.includes(secret)) arg = arg.split(secret).join('***');
    return arg;
  });
  return [server.command ?? '', ...shown].map((arg) => (/^[\w@%+=:,./*-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`)).join(' ');
}

/** A URL without its user, password and query values (which carry keys). */
export function displayUrl(raw: string): string {
  try {
    const url = new URL(raw);
    url.username = '';
    url.password = '';
    for (const key of [...url.searchParams.keys()]) url.searchParams.set(key, '***');
    return url.href.replace(/%2A%2A%2A/g, '***');
  } catch {
    return '(an unreadable url)';
  }
}
