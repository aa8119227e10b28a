// The one extractor of what a model reads in a tool definition: its name, title and description,
// then every schema's description, title and values (default, enum, examples, const), nested
// properties, items and alternatives, and the output schema, each with its location, in the order
// of the one schema walk (schema.ts); computed once per tool and shared by every rule that reads texts.
import type { DescriptionWarning, McpTool } from '../../data/schema.ts';
import { own } from '../../data/own.ts';
import { locationKey, locationParts } from '../../data/location.ts';
import { MAX_ALTERNATIVES, MAX_DEPTH, schemaWalk } from './schema.ts';

// the keys of a schema the walk enters or the loop above reads, and those whose strings only machines read
const WALKED_KEYS: ReadonlySet<string> = new Set(['properties', 'items', 'anyOf', 'oneOf', 'allOf', 'description', 'title']);
const MACHINE_KEYS: ReadonlySet<string> = new Set([
  'format', 'pattern', '$ref', '$schema', '$id', '$anchor', '$dynamicRef', '$dynamicAnchor', 'contentEncoding', 'contentMediaType', 'minimum', 'maximum',
  'minLength', 'maxLength', 'minItems', 'maxItems', 'uniqueItems', 'multipleOf', 'exclusiveMinimum', 'exclusiveMaximum', 'nullable', 'readOnly', 'writeOnly',
  'deprecated',
]);
const JSON_TYPES: ReadonlySet<string> = new Set(['string', 'number', 'integer', 'boolean', 'object', 'array', 'null']);

/**
 * The strings a model is shown under a key of a schema that is neither walked nor a value keyword: a `type` that is no
 * JSON type, a `required` entry that names no parameter, else every string under the key (as far as the values' bounds go;
 * past them is no text of the kind the bounds are for), but the names of JSON types.
 */
function extraStrings(schema: Record<string, unknown>, key: string, value: unknown): string[] {
  if (key === 'type') return (Array.isArray(value) ? value : [value]).filter((type): type is string => typeof type === 'string' && !JSON_TYPES.has(type));
  if (key === 'required') {
    const names = schema.properties && typeof schema.properties === 'object' ? Object.keys(schema.properties) : [];
    return (Array.isArray(value) ? value : []).filter((name): name is string => typeof name === 'string' && !names.includes(name));
  }
  return stringsIn(value, MAX_VALUES).strings.filter((text) => !JSON_TYPES.has(text));
}

/** A text the model reads, and where it is in the definition. */
export interface ModelText {
  where: DescriptionWarning['evidence']['where'];
  text: string;
}

// the schema keywords that hold values (data, not prose), in the order they are read
export const VALUE_KEYWORDS = ['default', 'enum', 'examples', 'const', 'example'] as const;

// bounds on what one definition can make the analyzer read (the walk's own, depth and alternatives, are schema.ts')
const MAX_TEXTS = 400;
const MAX_CHARS = 60_000;
// (and the first strings of a value, down to a depth)
const MAX_VALUES = 50;
const MAX_VALUE_DEPTH = 4;
/** A character as its code point is written in a message: `U+200B`, upper case, at least four digits. */
export const codePointName = (char: string): string => `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/** The bounds in words, for the note that says the analysis stopped at one. */
export const ANALYSIS_LIMITS = `${MAX_DEPTH} levels of nesting, ${MAX_ALTERNATIVES} alternatives, ${MAX_VALUES} values ${MAX_VALUE_DEPTH} levels deep, ${MAX_TEXTS} texts, ${MAX_CHARS.toLocaleString('en-US')} characters`;

const MEMO = new WeakMap<McpTool, { texts: ModelText[]; truncated: boolean }>();

/** Every text of a definition that a model reads, in order, bounded in depth, count and size (worked out once per tool object). */
export function modelTexts(tool: McpTool): { texts: ModelText[]; truncated: boolean } {
  let known = MEMO.get(tool);
  if (!known) MEMO.set(tool, (known = extractTexts(tool)));
  return known;
}

/** Han, kana and Hangul: scripts written without spaces between words, so a run of them is one token. */
export const SPACELESS_SCRIPT = /[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]/;

// (a word: a run of letters and digits; `api_key`, `don't`, `read-only` are two words each)
const WORD = /[\p{L}\p{N}]+/gu;
const WORDS = new WeakMap<McpTool, string[][]>();

/** The words of each text of `modelTexts(tool)`, lower case, in the same order (worked out once per tool object, shared by the rules and the scorer). */
export function modelWords(tool: McpTool): string[][] {
  let known = WORDS.get(tool);
  if (!known) WORDS.set(tool, (known = modelTexts(tool).texts.map(({ text }) => wordsIn(text))));
  return known;
}

/** The words of a text, lower case. */
export function wordsIn(text: string): string[] {
  const words: string[] = [];
  for (const match of text.toLowerCase().matchAll(WORD)) words.push(match[0]);
  return words;
}

function extractTexts(tool: McpTool): { texts: ModelText[]; truncated: boolean } {
  const texts: ModelText[] = [];
  let chars = 0;
  let truncated = false;
  const add = (where: ModelText['where'], text: string) => {
    if (!text) return;
    if (texts.length >= MAX_TEXTS || chars >= MAX_CHARS) {
      truncated = true;
      return;
    }
    const kept = text.length > MAX_CHARS - chars ? text.slice(0, MAX_CHARS - chars) : text;
    // (a text cut short is as unread as a text left out)
    if (kept.length < text.length) truncated = true;
    chars += kept.length;
    texts.push({ where, text: kept });
  };
  add('name', tool.name);
  if (tool.title) add('title', tool.title);
  if (tool.description) add('description', tool.description);
  // (each schema object's own description, title and values, in the order of the one walk: schema.ts)
  for (const [root, rootPath] of [[tool.inputSchema, 'inputSchema'], [tool.outputSchema, 'outputSchema']] as const) {
    const walk = schemaWalk(root, rootPath);
    if (walk.truncated) truncated = true;
    for (const { schema: node, path } of walk.nodes) {
      // (the schema's own description and title too: a model sees them like any other text)
      if (typeof node.description === 'string') add(`${path}.description` as ModelText['where'], node.description);
      if (typeof node.title === 'string') add(`${path}.title` as ModelText['where'], node.title);
      // (the schema's own values too: examples of a whole call at the top of an input schema are read like a parameter's)
      for (const key of VALUE_KEYWORDS) {
        const value = node[key];
        if (value === undefined) continue;
        const { strings, cut } = stringsIn(value, MAX_VALUES);
        if (cut) truncated = true;
        if (strings.length) add(`${path}.${key}` as ModelText['where'], strings.join('\n'));
      }
      // (and every other string a model is shown there: a `$comment`, an `x-` extension, a `type` that is no type, a
      // `required` entry that is no parameter, the value of a key no schema has, schemas the walk does not enter such as
      // `patternProperties`; what only machines read, a `format`, a `pattern`, a `$ref`, is not prose)
      // (a property whose schema is a list is no schema: there is nothing more under it to read)
      for (const [key, value] of Array.isArray(node) ? [] : Object.entries(node)) {
        if (WALKED_KEYS.has(key) || MACHINE_KEYS.has(key) || (VALUE_KEYWORDS as readonly string[]).includes(key)) continue;
        const strings = extraStrings(node, key, value);
        if (strings.length) add(`${path}.${locationKey(key)}` as ModelText['where'], strings.join('\n'));
      }
    }
  }
  return { texts, truncated };
}

/**
 * The text at a schema location (`inputSchema.…`, `outputSchema.…`) as the analyzer reads it: a
 * string as it is, values (enum, default, examples) one per line, and a parameter itself by its name.
 * Evidence quotes are substrings of this text; pages show them in it.
 */
export function schemaTextAt(tool: McpTool, where: string): string {
  const parts = locationParts(where).slice(1);
  let node: unknown = where.startsWith('outputSchema.') ? tool.outputSchema : tool.inputSchema;
  let parent: unknown;
  for (const part of parts) {
    parent = node;
    node = node !== null && typeof node === 'object' ? own(node as Record<string, unknown>, part) : undefined;
  }
  // (a key of a schema that is neither walked nor a value keyword: the strings extractTexts read there)
  const last = parts.at(-1);
  const extra = last !== undefined && parts.at(-2) !== 'properties' && !WALKED_KEYS.has(last) && !MACHINE_KEYS.has(last) && !(VALUE_KEYWORDS as readonly string[]).includes(last);
  if (extra && node !== undefined && parent !== null && typeof parent === 'object' && !Array.isArray(parent)) return extraStrings(parent as Record<string, unknown>, last, node).join('\n');
  if (typeof node === 'string') return node;
  // values (enum, default, examples, const) one per line; `properties.enum` is a parameter named "enum", not values
  const values = parts.length > 0 && parts.at(-2) !== 'properties' && (VALUE_KEYWORDS as readonly string[]).includes(parts.at(-1)!);
  if (values && node !== null && typeof node === 'object') return stringsIn(node, Infinity).strings.join('\n');
  // a parameter (whatever its schema is, even an array) is quoted by its name; a location that leads nowhere has no text
  if (node !== null && typeof node === 'object') return parts.at(-1) ?? '';
  return node === undefined || node === null ? '' : String(node);
}

/**
 * The text at any location a quote can point to: the tool's name, title and description, an
 * annotation, the server's own texts (`server`), or a schema location (`schemaTextAt`). The site
 * shows quotes in this text, and tests check that every quote is a substring of it.
 */
export function textAtLocation(tool: McpTool, where: string, server?: { name: string; title?: string; description?: string }): string {
  if (where === 'name') return tool.name;
  if (where === 'title') return tool.title ?? '';
  if (where === 'description') return tool.description ?? '';
  if (where === 'annotations.title') return tool.annotations?.title ?? '';
  if (where === 'server') return server ? [server.name, server.title, server.description].filter(Boolean).join(' · ') : '';
  if (where.startsWith('annotations.')) {
    // (a hint the tool lacks has no text, like any location that leads nowhere)
    const hint = own(tool.annotations as Record<string, unknown> | undefined, where.slice('annotations.'.length));
    return hint === undefined || hint === null ? '' : String(hint);
  }
  return schemaTextAt(tool, where);
}

/** The strings of a value down to MAX_VALUE_DEPTH, in order, at most `max`; `cut` when there was more (an example object's fields are read as the model reads them). */
function stringsIn(value: unknown, max: number): { strings: string[]; cut: boolean } {
  const strings: string[] = [];
  let cut = false;
  const walk = (item: unknown, depth: number) => {
    if (typeof item === 'string') {
      if (strings.length < max) strings.push(item);
      else cut = true;
    } else if (item && typeof item === 'object') {
      // (an empty object or list deeper down holds nothing left unread)
      if (depth >= MAX_VALUE_DEPTH) cut ||= Array.isArray(item) ? item.length > 0 : Object.keys(item).length > 0;
      else for (const inner of Array.isArray(item) ? item : Object.values(item)) {
        if (cut && strings.length >= max) return;
        walk(inner, depth + 1);
      }
    }
  };
  walk(value, 0);
  return { strings, cut };
}
