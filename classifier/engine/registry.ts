// The classifier's rules, one a file under classifier/rules/<family>/<id>.yaml, read and checked
// once. A malformed file stops everything that classifies, naming the file, the rule and the field.
// The packaged command carries the rules inside its bundle (scan/pack.ts defines __TOOLRISK_RULES__).
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { RuleSchema, type Rule } from '../../data/schema.ts';

declare const __TOOLRISK_RULES__: readonly { file: string; rule: unknown }[] | undefined;

export class RuleFileError extends Error {
  constructor(readonly file: string, readonly ruleId: string | undefined, readonly field: string | undefined, problem: string) {
    super(`${file}${ruleId ? `: rule "${ruleId}"` : ''}${field ? `: field ${field}` : ''}: ${problem}`);
    this.name = 'RuleFileError';
  }
}

export interface LoadedRule extends Rule {
  /** The file it came from, relative to the repository (`classifier/rules/notes/shouting.yaml`). */
  file: string;
  /** The compiled pattern and exclusion, for data rules; each phrase's regex (or its `anyOf` parts), for rules of phrases. */
  compiled?: { regex?: RegExp; unless?: RegExp; phrases?: readonly (readonly RegExp[])[] };
}

export interface RuleSet {
  readonly rules: readonly LoadedRule[];
  readonly byId: ReadonlyMap<string, LoadedRule>;
  /** The rule that gives a signal label (exact label first, then `prefix:*`). */
  ruleOfLabel(label: string): LoadedRule | undefined;
}

/** Where the rule files are in a clone: beside this folder, or under TOOLRISK_REPO_ROOT. */
export function rulesDir(): string {
  return process.env.TOOLRISK_REPO_ROOT ? join(resolve(process.env.TOOLRISK_REPO_ROOT), 'classifier', 'rules') : fileURLToPath(new URL('../rules/', import.meta.url));
}

/**
 * The rule files of a folder, as read from disk (file paths relative to the repository). Parsing the
 * YAML is most of the cost of starting to classify (about 0.4 s), so what it gives is kept in
 * `cacheDir` (the clone's node_modules/.cache/toolrisk, when node_modules exists) under a hash of
 * every file's name and bytes: the same bytes always give the same rules.
 */
export function readRuleFiles(dir: string = rulesDir(), cacheDir: string | undefined = defaultCacheDir(dir)): { file: string; rule: unknown }[] {
  const root = resolve(dir, '../..');
  const texts: { file: string; text: string }[] = [];
  for (const family of readdirSync(dir, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort()) {
    for (const name of readdirSync(join(dir, family)).filter((n) => n.endsWith('.yaml')).sort()) {
      const path = join(dir, family, name);
      texts.push({ file: relative(root, path).split('\\').join('/'), text: readFileSync(path, 'utf8') });
    }
  }
  const hash = createHash('sha256');
  for (const { file, text } of texts) hash.update(`${file}\u0000${text}\u0000`);
  const cached = cacheDir === undefined ? undefined : join(cacheDir, `rules-${hash.digest('hex').slice(0, 16)}.json`);
  if (cached !== undefined && existsSync(cached)) {
    try {
      return JSON.parse(readFileSync(cached, 'utf8')) as { file: string; rule: unknown }[];
    } catch {
      // (a cache file cut short is read again from the rule files)
    }
  }
  const out = texts.map(({ file, text }) => {
    try {
      return { file, rule: parse(text, { prettyErrors: true }) as unknown };
    } catch (error) {
      throw new RuleFileError(file, undefined, undefined, `not valid YAML: ${(error as Error).message.split('\n')[0]}`);
    }
  });
  if (cached !== undefined) {
    try {
      mkdirSync(cacheDir!, { recursive: true });
      writeFileSync(`${cached}.${process.pid}`, JSON.stringify(out));
      renameSync(`${cached}.${process.pid}`, cached);
      // (one cache file at a time: the rules of an earlier edit are not read again)
      for (const name of readdirSync(cacheDir!)) if (/^rules-[0-9a-f]{16}\.json$/.test(name) && join(cacheDir!, name) !== cached) rmSync(join(cacheDir!, name), { force: true });
    } catch {
      // (a cache that cannot be written only costs the next start the parse)
    }
  }
  return out;
}

/** node_modules/.cache/toolrisk of the clone the rules are in, when it has node_modules. */
function defaultCacheDir(dir: string): string | undefined {
  return cacheDirOf(resolve(dir, '../..'));
}

/** node_modules/.cache/toolrisk of a clone, when it has node_modules: what its runs keep for the next run (never committed). */
export function cacheDirOf(root: string): string | undefined {
  const modules = join(root, 'node_modules');
  return existsSync(modules) ? join(modules, '.cache', 'toolrisk') : undefined;
}

function compile(file: string, id: string, field: string, source: string | undefined, flags: string): RegExp | undefined {
  if (source === undefined) return undefined;
  try {
    return new RegExp(source, flags);
  } catch (error) {
    throw new RuleFileError(file, id, field, `the regex does not compile: ${(error as Error).message}`);
  }
}

/**
 * Where the parts of a phrase (its regex, or the parts of its `anyOf`) first match a text: the match that starts first, and
 * of two at the same place the earlier part's, as one alternation of the parts would find. The parts are not global.
 */
export function firstMatch(parts: readonly RegExp[], text: string): RegExpExecArray | null {
  let first: RegExpExecArray | null = null;
  for (const part of parts) {
    const match = part.exec(text);
    if (match && (!first || match.index < first.index)) {
      first = match;
      if (first.index === 0) break;
    }
  }
  return first;
}

// (a part that refers to its own groups, by number or name, cannot join the others in one regex: their groups would be renumbered or clash)
const OWN_GROUPS = /\\[1-9k]|\(\?<[^=!]/;

/**
 * A phrase's finder: its regex's `exec`, or for `anyOf` parts what firstMatch gives, by one regex of the parts joined
 * (`(?:a)|(?:b)` finds exactly that, in one pass) unless a part refers to its own groups.
 */
export function phraseFinder(parts: readonly RegExp[]): (text: string) => RegExpExecArray | null {
  const one = parts.length === 1 ? parts[0]! : parts.some((part) => OWN_GROUPS.test(part.source)) ? undefined : new RegExp(parts.map((part) => `(?:${part.source})`).join('|'), parts[0]!.flags);
  return one ? (text) => one.exec(text) : (text) => firstMatch(parts, text);
}

/** Checks a rule's phrases: each with a regex or anyOf that compiles, an effect the rule concludes and an order no other phrase has. */
function compilePhrases(file: string, rule: Rule, orders: Map<number, string>): RegExp[][] {
  const phrases = rule.phrases!;
  if (!('signal' in rule.concludes)) throw new RuleFileError(file, rule.id, 'concludes', 'a rule of phrases concludes a signal');
  const { labels, effects } = rule.concludes.signal;
  if (labels.length !== 1 || labels[0]!.endsWith(':*')) throw new RuleFileError(file, rule.id, 'concludes.signal.labels', 'a rule of phrases concludes one exact label (no `*`)');
  if (rule.unless !== undefined || rule.predicates !== undefined) throw new RuleFileError(file, rule.id, rule.unless ? 'unless' : 'predicates', 'an exclusion and predicates are for data rules; a phrase says it in its regex');
  return phrases.map((phrase, i) => {
    const field = `phrases.${i}`;
    if ((phrase.regex === undefined) === (phrase.anyOf === undefined)) throw new RuleFileError(file, rule.id, field, 'a phrase needs a regex or anyOf (one of them)');
    if (!effects.includes(phrase.effect)) throw new RuleFileError(file, rule.id, `${field}.effect`, `${phrase.effect} is not among the effects the rule concludes (${effects.join(', ')})`);
    if (orders.has(phrase.order)) throw new RuleFileError(file, rule.id, `${field}.order`, `${phrase.order} is also the order of a phrase of ${orders.get(phrase.order)}`);
    orders.set(phrase.order, rule.id);
    const flags = phrase.flags ?? '';
    if (phrase.regex !== undefined) return [compile(file, rule.id, `${field}.regex`, phrase.regex, flags)!];
    return phrase.anyOf!.map((part, j) => compile(file, rule.id, `${field}.anyOf.${j}`, part, flags)!);
  });
}

/** Checks every rule file against the schema and against each other; throws a RuleFileError for the first problem. */
export function checkRules(files: readonly { file: string; rule: unknown }[]): RuleSet {
  const rules: LoadedRule[] = [];
  const byId = new Map<string, LoadedRule>();
  const byLabel = new Map<string, LoadedRule>();
  const orders = new Map<number, string>();
  for (const { file, rule: raw } of files) {
    const rawId = typeof raw === 'object' && raw !== null && typeof (raw as { id?: unknown }).id === 'string' ? (raw as { id: string }).id : undefined;
    const parsed = RuleSchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new RuleFileError(file, rawId, issue.path.length ? issue.path.join('.') : undefined, issue.message);
    }
    const rule = parsed.data;
    const [family, name] = file.split('/').slice(-2);
    if (name !== `${rule.id}.yaml`) throw new RuleFileError(file, rule.id, 'id', `the file must be named ${rule.id}.yaml`);
    if (family !== rule.family) throw new RuleFileError(file, rule.id, 'family', `the rule says ${rule.family} but lies in ${family}/`);
    if (byId.has(rule.id)) throw new RuleFileError(file, rule.id, 'id', `also the id of ${byId.get(rule.id)!.file}`);
    const kinds = (['pattern', 'phrases', 'code'] as const).filter((kind) => rule[kind] !== undefined);
    if (kinds.length === 0) throw new RuleFileError(file, rule.id, 'pattern', 'a rule needs a pattern, phrases, or `code` naming the file its logic lives in');
    if (kinds.length > 1) throw new RuleFileError(file, rule.id, kinds[1], `a rule has one of pattern, phrases and code, not ${kinds.join(' and ')}`);
    if (rule.code !== undefined && rule.unless !== undefined) throw new RuleFileError(file, rule.id, 'unless', 'a code rule has its exclusions in its code, not here');
    if (rule.pattern && rule.pattern.regex === undefined && rule.pattern.longerThan === undefined) throw new RuleFileError(file, rule.id, 'pattern', 'a pattern needs a regex or longerThan');
    if (rule.unless && rule.unless.regex === undefined) throw new RuleFileError(file, rule.id, 'unless.regex', 'an exclusion needs a regex');
    if (rule.predicates?.length && rule.code !== undefined) throw new RuleFileError(file, rule.id, 'predicates', 'predicates are for data rules; a code rule checks in its code');
    if (rule.because) {
      const effects: readonly string[] = 'signal' in rule.concludes ? rule.concludes.signal.effects : [];
      const stray = Object.keys(rule.because).find((effect) => !effects.includes(effect));
      if (stray) throw new RuleFileError(file, rule.id, `because.${stray}`, `the rule concludes no ${stray} signal (its effects: ${effects.join(', ') || 'none'})`);
    }
    const loaded: LoadedRule = { ...rule, file };
    if (rule.pattern) loaded.compiled = { regex: compile(file, rule.id, 'pattern.regex', rule.pattern.regex, `${rule.pattern.flags ?? ''}g`), unless: compile(file, rule.id, 'unless.regex', rule.unless?.regex, rule.unless?.flags ?? '') };
    if (rule.phrases) loaded.compiled = { phrases: compilePhrases(file, rule, orders) };
    if ('signal' in rule.concludes) {
      for (const label of rule.concludes.signal.labels) {
        if (byLabel.has(label)) throw new RuleFileError(file, rule.id, 'concludes.signal.labels', `${label} is also given by ${byLabel.get(label)!.id}`);
        byLabel.set(label, loaded);
      }
    }
    rules.push(loaded);
    byId.set(rule.id, loaded);
  }
  const ruleOfLabel = (label: string) => byLabel.get(label) ?? byLabel.get(`${label.slice(0, label.indexOf(':'))}:*`);
  return { rules, byId, ruleOfLabel };
}

let loaded: RuleSet | undefined;

/** The rules (read once): embedded in the packaged command, else from the clone's rule files. */
export function ruleSet(): RuleSet {
  loaded ??= checkRules(typeof __TOOLRISK_RULES__ !== 'undefined' ? __TOOLRISK_RULES__ : readRuleFiles());
  return loaded;
}

/** A digest of what the rules decide: every rule file but its examples (which decide nothing). */
export function rulesDigest(set: RuleSet = ruleSet()): string {
  const hash = createHash('sha256');
  for (const { examples: _examples, file, compiled: _compiled, ...rule } of set.rules) hash.update(`${file}\u0000${JSON.stringify(rule)}\u0000`);
  return hash.digest('hex').slice(0, 8);
}

/** A rule by id, for code that concludes in a rule's name; throws when no file defines it. */
export function ruleById(id: string): LoadedRule {
  const rule = ruleSet().byId.get(id);
  if (!rule) throw new Error(`the classifier names rule "${id}" but no file under classifier/rules/ defines it`);
  return rule;
}

