// Secrets in client configurations: found so the report can name them, and kept out of every
// output. The report never prints an environment or header value at all; command arguments and
// URLs are printed with their secret parts replaced; and every output passes through a last
// filter that replaces any secret value this scan saw.
import type { ConfiguredServer } from './configs.ts';

/** A reference to a value kept elsewhere (`${VAR}`, `${env:VAR}`, `${input:id}`, `${VAR:-default}`): not a secret written into the file. */
export function isReference(value: string): boolean {
  return /^\s*\$\{[^}]+\}\s*$/.test(value) || /^\s*\$[A-Z_][A-Z0-9_]*\s*$/.test(value);
}

/** Names of variables a value refers to. */
export function referencedNames(value: string): string[] {
  return [...value.matchAll(/\$\{(?:env:)?([A-Za-z_][A-Za-z0-9_]*)(?::-[^}]*)?\}/g)].map((match) => match[1]!);
}

const SECRET_NAME = /(^|[_\-.])(api[_-]?key|apikey|key|token|secret|password|passwd|pwd|pat|credentials?|auth|authorization|private[_-]?key|cookie|session|bearer|access[_-]?key|client[_-]?secret|dsn|connection[_-]?string)($|[_\-.])|token|secret|password|apikey/i;

/** Well-known token shapes (provider prefixes, JWTs, AWS key ids). */
const TOKEN_SHAPE =
  /\b(?:sk-[A-Za-z0-9_-]{16,}|sk_(?:live|test)_[A-Za-z0-9]{16,}|rk_(?:live|test)_[A-Za-z0-9]{16,}|gh[pousr]_[A-Za-z0-9]{30,}|github_pat_[A-Za-z0-9_]{40,}|glpat-[A-Za-z0-9_-]{20,}|xox[abposr]-[A-Za-z0-9-]{10,}|AKIA[0-9A-Z]{16}|AIza[0-9A-Za-z_-]{35}|npm_[A-Za-z0-9]{36}|hf_[A-Za-z0-9]{30,}|eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,})\b/;

/** A long run of letters and digits mixing both, as generated keys are. */
function looksGenerated(value: string): boolean {
  const token = value.trim();
  return token.length >= 24 && /^[A-Za-z0-9_\-+/=.]+$/.test(token) && /[0-9]/.test(token) && /[A-Za-z]/.test(token) && new Set(token).size >= 12;
}

export function looksLikeSecretValue(value: string): boolean {
  return TOKEN_SHAPE.test(value) || looksGenerated(value);
}

export interface SecretFinding {
  /** Where: `env FOO`, `header Authorization`, `argument 3 (--api-key)`, `url`. */
  where: string;
  value: string;
}

const CONNECTION_WITH_PASSWORD = /^[a-z][a-z0-9+.-]*:\/\/[^/\s:@]+:[^/\s@]+@/i;

/** The secrets written into a server's entry: literal values of secret-named variables and headers, token-shaped arguments, passwords in URLs. */
export function secretsOf(server: ConfiguredServer): SecretFinding[] {
  const found: SecretFinding[] = [];
  for (const [name, value] of server.env) {
    if (!value.trim() || isReference(value)) continue;
    if (SECRET_NAME.test(name) || looksLikeSecretValue(value) || CONNECTION_WITH_PASSWORD.test(value)) found.push({ where: `env ${name}`, value });
  }
  for (const [name, value] of server.headers) {
    if (!value.trim() || isReference(value)) continue;
    const bare = value.replace(/^\s*(bearer|basic|token)\s+/i, '');
    if (isReference(bare)) continue;
    if (SECRET_NAME.test(name) || looksLikeSecretValue(bare)) found.push({ where: `header ${name}`, value });
  }
  server.args.forEach((arg, i) => {
    const flag = /^--?([A-Za-z][\w-]*)=(.+)$/.exec(arg);
    if (flag && SECRET_NAME.test(flag[1]!) && !isReference(flag[2]!)) found.push({ where: `argument ${i + 1} (--${flag[1]})`, value: flag[2]! });
    else if (i > 0 && /^--?[A-Za-z][\w-]*$/.test(server.args[i - 1]!) && SECRET_NAME.test(server.args[i - 1]!.replace(/^-+/, '')) && !arg.startsWith('-') && !isReference(arg)) found.push({ where: `argument ${i + 1} (${server.args[i - 1]})`, value: arg });
    else if (looksLikeSecretValue(arg) && !arg.startsWith('/') && !arg.includes('/node_modules/')) found.push({ where: `argument ${i + 1}`, value: arg });
    else if (CONNECTION_WITH_PASSWORD.test(arg)) found.push({ where: `argument ${i + 1} (a password in a connection URL)`, value: /^[^:]+:\/\/[^:]+:([^@]+)@/.exec(arg)![1]! });
  });
  if (server.url) {
    try {
      const url = new URL(server.url);
      if (url.password) found.push({ where: 'url (password)', value: decodeURIComponent(url.password) });
      for (const [name, value] of url.searchParams) if ((SECRET_NAME.test(name) || looksLikeSecretValue(value)) && !isReference(value)) found.push({ where: `url (query ${name})`, value });
    } catch {
      // (an unparsable url was refused when the config was read)
    }
  }
  return found;
}

/** Every value of a server that must never be printed: all env and header values, and the secrets found in its arguments and URL. */
export function secretValues(server: ConfiguredServer): string[] {
  return [...server.env.values(), ...server.headers.values(), ...secretsOf(server).map((secret) => secret.value)].filter((value) => value.trim().length >= 4 && !isReference(value));
}

/** Replaces each secret value in a text (longest first, so a value containing another goes whole). */
export class Redactor {
  private readonly values: string[] = [];

  add(values: Iterable<string>): void {
    for (const value of values) {
      for (const form of [value, JSON.stringify(value).slice(1, -1), encodeURIComponent(value)]) if (form.length >= 4 && !this.values.includes(form)) this.values.push(form);
    }
    this.values.sort((a, b) => b.length - a.length);
  }

  redact(text: string): string {
    let out = text;
    for (const value of this.values) if (out.includes(value)) out = out.split(value).join('***');
    return out;
  }
}

/** The command line as the report shows it: secret arguments replaced, nothing of env or headers. */
export function displayCommand(server: ConfiguredServer): string {
  if (server.transport !== 'stdio') return displayUrl(server.url ?? '');
  const secrets = new Set(secretsOf(server).filter((secret) => secret.where.startsWith('argument')).map((secret) => secret.value));
  const shown = [server.command ?? '', ...server.args].map((arg) => {
    for (const secret of secrets) if (arg.includes(secret)) arg = arg.split(secret).join('***');
    return arg;
  });
  return shown.map((arg) => (/^[\w@%+=:,./*-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`)).join(' ');
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
