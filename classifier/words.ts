// Splitting identifiers and text into words, keeping each word's exact text so evidence can quote it.

export interface Token {
  /** Lowercase form used for matching. */
  word: string;
  /** The exact substring of the source. */
  text: string;
  /** Offset of `text` in the source. */
  start: number;
}

const IDENTIFIER_PART = /[A-Z]+(?![a-z])|[A-Z]?[a-z]+|[0-9]+|[^\x00-\x7f]+/g;

/**
 * Words of a tool or parameter name: snake_case, camelCase, PascalCase, kebab-case, dotted and
 * slashed names (`get_issue`, `deleteFile`, `browser_click`, `policies.remove`, `getHTTPResponse`).
 */
export function splitIdentifier(name: string): Token[] {
  // (a tool's name is split by a dozen rules: the last few are kept; callers only read the tokens)
  const known = IDENTIFIER_CACHE.get(name);
  if (known) return known;
  const tokens: Token[] = [];
  // (exec in a loop finds what matchAll would, without a copy of the pattern per call; no match is empty, and the loop ends with lastIndex 0)
  IDENTIFIER_PART.lastIndex = 0;
  for (let match = IDENTIFIER_PART.exec(name); match !== null; match = IDENTIFIER_PART.exec(name)) {
    tokens.push({ word: match[0].toLowerCase(), text: match[0], start: match.index });
  }
  if (IDENTIFIER_CACHE.size >= 256) IDENTIFIER_CACHE.clear();
  IDENTIFIER_CACHE.set(name, tokens);
  return tokens;
}
const IDENTIFIER_CACHE = new Map<string, Token[]>();

const TEXT_WORD = /[A-Za-z][A-Za-z'-]*[A-Za-z]|[A-Za-z]/g;

/** Words of prose, in order. */
export function splitText(text: string): Token[] {
  const tokens: Token[] = [];
  TEXT_WORD.lastIndex = 0;
  for (let match = TEXT_WORD.exec(text); match !== null; match = TEXT_WORD.exec(text)) {
    tokens.push({ word: match[0].toLowerCase(), text: match[0], start: match.index });
  }
  return tokens;
}

/** The first sentence of a description (up to the first period, newline or 300 characters). */
export function firstSentence(text: string): { text: string; start: number } {
  const trimmedStart = text.search(/\S/);
  if (trimmedStart === -1) return { text: '', start: 0 };
  const rest = text.slice(trimmedStart, trimmedStart + 300);
  const end = rest.search(/\.(\s|$)|\n/);
  return { text: end === -1 ? rest : rest.slice(0, end), start: trimmedStart };
}
