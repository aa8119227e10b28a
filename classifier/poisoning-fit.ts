// How the analyzer runs its patterns that have the `u` flag. That flag makes a pattern many times
// slower, and with `i` too V8 runs its word boundaries and lookarounds as case-folding lookbehinds,
// 10 to 40 times slower again. Two ways round it, each giving exactly the pattern's own result:
// text with no letters outside ASCII is matched by a twin without the flag, and other text is first
// tried with the pattern's assertions taken out (a relaxed form that matches wherever the pattern
// does, so when it finds nothing the slow run is skipped). Pure.

// text with no letters outside ASCII (plain English, with or without curly quotes, dashes, arrows
// or emoji) is matched by a twin without the flag
export const ASCII_ONLY = /^[\x00-\x7f]*$/;
const FOREIGN_LETTER = /(?![\x00-\x7f])[\p{L}\p{M}]/u;
/** True when the text has no letters outside ASCII: other languages' words cannot occur in it. */
export function plain(text: string): boolean {
  return ASCII_ONLY.test(text) || !FOREIGN_LETTER.test(text);
}
const ASCII_TWINS = new Map<RegExp, RegExp>();
/** The pattern to run on `text`: its twin without the u flag when the text is plain (the languages it adds cannot match there). */
export function fit(pattern: RegExp, text: string, isPlain = plain(text)): RegExp {
  if (!isPlain || !pattern.flags.includes('u')) return pattern;
  let twin = ASCII_TWINS.get(pattern);
  if (!twin) {
    // (a letter class is spelled out for ASCII: `[^\p{L}]` becomes `[^A-Za-z]`)
    const source = pattern.source.replace(/\[(\^?)\\p\{L\}/g, '[$1A-Za-z').replace(/\\p\{L\}/g, '[A-Za-z]');
    twin = new RegExp(source, pattern.flags.replace('u', ''));
    ASCII_TWINS.set(pattern, twin);
  }
  return twin;
}
/** `fit(pattern, text).exec(text)`; on text with other letters, run only when the pattern's relaxed form (`mayMatchSlowly`) finds something. */
export function execFit(pattern: RegExp, text: string, isPlain = plain(text)): RegExpExecArray | null {
  return execExact(pattern, text, isPlain);
}
export function testFit(pattern: RegExp, text: string, isPlain = plain(text)): boolean {
  return testExact(pattern, text, isPlain);
}
const SURROGATE = /[\ud800-\udfff]/;
/**
 * True when a pattern's ASCII twin (`fit`) matches exactly as the pattern does: no letters or marks
 * outside ASCII (the only characters `i` with `u` folds differently, ſ and K, are letters) and no
 * surrogates (with `u`, `.` and `[^…]` take a pair as one character, without it as two).
 */
export function strictlyPlain(text: string): boolean {
  return ASCII_ONLY.test(text) || (!FOREIGN_LETTER.test(text) && !SURROGATE.test(text));
}
/**
 * `pattern.exec(text)`, exactly, by the fastest way the text allows (for patterns used on any text, not only through `fit`).
 * `execFit` and `testFit` run the same two ways, trusting the looser `plain` for the patterns written for `fit`.
 */
export function execExact(pattern: RegExp, text: string, strict = strictlyPlain(text)): RegExpExecArray | null {
  if (strict) return fit(pattern, text, true).exec(text);
  return mayMatchSlowly(pattern, text) ? pattern.exec(text) : null;
}
export function testExact(pattern: RegExp, text: string, strict = strictlyPlain(text)): boolean {
  if (strict) return fit(pattern, text, true).test(text);
  return mayMatchSlowly(pattern, text) && pattern.test(text);
}

// ---------------------------------------------------------------------------------------------
// The relaxed form
// ---------------------------------------------------------------------------------------------

/**
 * The source of a pattern with its assertions taken out: `\b`, `\B`, `(?=…)`, `(?!…)`, `(?<=…)` and
 * `(?<!…)` (with what they contain); `^` and `$` stay. Undefined when the source has a back-reference
 * (taking a lookaround out renumbers the groups inside it) or cannot be read to the end.
 */
export function withoutAssertions(source: string): string | undefined {
  let out = '';
  let i = 0;
  // the group depths of the lookarounds being left out (a lookaround inside one is left out with it)
  const skips: number[] = [];
  let depth = 0;
  let inClass = false;
  while (i < source.length) {
    const char = source[i]!;
    let token: string;
    if (char === '\\') {
      const next = source[i + 1];
      if (next === undefined) return undefined;
      // (`\1`…`\9`, `\k<name>`: a back-reference; `\0` is the NUL character)
      if (!inClass && (/[1-9]/.test(next) || next === 'k')) return undefined;
      token = char + next;
      i += 2;
      if (!inClass && (next === 'b' || next === 'B')) continue;
      // (`\p{…}`, `\u{…}`, `\x..`, `\u....` are read as their first two characters and then plain characters: none holds a bracket or a parenthesis that counts)
    } else if (inClass) {
      token = char;
      i += 1;
      if (char === ']') inClass = false;
    } else if (char === '[') {
      token = char;
      i += 1;
      inClass = true;
    } else if (char === '(') {
      const lookaround = source.startsWith('(?=', i) || source.startsWith('(?!', i) ? 3 : source.startsWith('(?<=', i) || source.startsWith('(?<!', i) ? 4 : 0;
      depth += 1;
      if (lookaround) {
        skips.push(depth);
        i += lookaround;
        continue;
      }
      token = char;
      i += 1;
    } else if (char === ')') {
      if (depth === 0) return undefined;
      i += 1;
      if (skips.length > 0 && skips[skips.length - 1] === depth) {
        skips.pop();
        depth -= 1;
        continue;
      }
      depth -= 1;
      token = char;
    } else {
      token = char;
      i += 1;
    }
    if (skips.length === 0) out += token;
  }
  if (inClass || depth !== 0 || skips.length !== 0) return undefined;
  return out;
}

const RELAXED = new Map<RegExp, RegExp | null>();

/**
 * Whether `pattern` may match `text`: false only when it cannot (its relaxed form finds nothing;
 * an assertion only ever turns a match away). Patterns without both `i` and `u` are fast as they
 * are and are not pre-tested.
 */
export function mayMatchSlowly(pattern: RegExp, text: string): boolean {
  let relaxed = RELAXED.get(pattern);
  if (relaxed === undefined) {
    const source = pattern.ignoreCase && pattern.unicode ? withoutAssertions(pattern.source) : undefined;
    relaxed = source === undefined ? null : new RegExp(source, pattern.flags.replace(/[gy]/g, ''));
    RELAXED.set(pattern, relaxed);
  }
  return relaxed === null || relaxed.test(text);
}
