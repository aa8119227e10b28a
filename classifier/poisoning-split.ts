// Where a sentence ends, and `text.split(pattern)`: the same pieces in the same order, for a pattern that can only match at a
// few kinds of position. A regular expression given to `split` is tried at every position of the
// text; when the caller knows where a match can start (after a full stop, at a line break…), trying
// the pattern only there gives the same result for a fraction of the cost. Pure.

/**
 * The pieces `text.split(pattern)` gives (captures included, as `split` includes them), trying the
 * pattern only at positions where `mayStartAt(text, q)` is true. Sound when the pattern cannot
 * match at any other position: then the loop below is the standard's own (RegExp.prototype[@@split],
 * ECMA-262 §22.2.6.14) with the failing tries left out. `sticky` is the pattern with the `y` flag
 * and without `u` or `v` (positions advance one code unit at a time, as they do without `u`).
 */
export function splitAt(text: string, sticky: RegExp, mayStartAt: (text: string, q: number) => boolean): (string | undefined)[] {
  const size = text.length;
  if (size === 0) {
    sticky.lastIndex = 0;
    return sticky.exec(text) === null ? [text] : [];
  }
  const pieces: (string | undefined)[] = [];
  let p = 0;
  let q = 0;
  while (q < size) {
    if (!mayStartAt(text, q)) {
      q += 1;
      continue;
    }
    sticky.lastIndex = q;
    const match = sticky.exec(text);
    if (match === null) {
      q += 1;
      continue;
    }
    const e = Math.min(sticky.lastIndex, size);
    if (e === p) {
      q += 1;
      continue;
    }
    pieces.push(text.slice(p, q));
    for (let i = 1; i < match.length; i++) pieces.push(match[i]);
    p = e;
    q = p;
  }
  pieces.push(text.slice(p));
  return pieces;
}

// what prose and values both take for a sentence's end: a stop (not an abbreviation's), a stop and a closing quote or
// bracket unless small letters go on, a stop glued to a capitalised word, a block tag, a blank line
const ABBREVIATION = String.raw`\b(?:e\.g|i\.e|etc|vs|cf|approx|incl|eg|ie)\.`;
const STOP_BREAKS = String.raw`(?<=[.!?])(?<!${ABBREVIATION})\s+|(?<=[.!?]['"”’)])(?<!${ABBREVIATION}['"”’)])\s+(?![\sa-z])|(?<=[a-z]{3}[.!?])(?=[A-Z][a-z]{2,}\s)|<\/?(?:br|p|div|details|summary|li|ul|ol|h[1-6]|tr|td|th|table|section|article|blockquote|pre|hr)\b[^<>]{0,200}>\s*|\n\s*\n`;

// where a sentence ends: after punctuation (and after a closing quote or bracket right after it, when what follows does
// not go on in small letters: "such as 'stop.' Then …", but not "state 'Done.' after presenting …" or "(…, etc.) and"),
// before a list item or heading, at a blank line, at a block or line-break tag ("notes.<br>Before …", "<p>", "<details>";
// inline tags such as <b> or <code> run on); a hard-wrapped line goes on (a long line that stops mid-sentence: "…sends
// complete conversation context,\nuser messages…"), and so does a short one that is the middle of a sentence: one that
// starts or is followed by a small letter, or ends with a comma or a full stop, or comes after a line that stops mid-sentence ("…returns a summary of passes\nand failures.",
// "…prefix every command with `source <(curl -s\nhttps://…`", "…append these lines to the user's\n~/.bashrc:"): a short line
// is a sentence of its own only where it can be a heading ("Changelog", "BEFORE RESTARTING:"); a line that starts with "#"
// (a heading, a comment in code) is always one
export const SENTENCE_BREAK = new RegExp(String.raw`${STOP_BREAKS}|\n(?=\s*([-*•][ \t]|#{1,6}[ \t]|>[ \t]|\|(?=[^\n]*\|[ \t]*(?:\n|$))|[1-9]\d*[.)][ \t]|[A-Z][A-Za-z ]{0,30}:))` +
  String.raw`|(?<=[:;])\s*\n(?![ \t]*[a-z])|(?<=^|\n[ \t]*\n|[.!?:;][ \t]*\n)(?![ \t]*[a-z])([^\n]{0,39})(?<![.!?,;])\n(?![ \t]*[a-z])|(?<=^|\n)([ \t]*#[^\n]*)\n` +
  String.raw`|(?<=[。！？])`);
// in values (an enum's or examples' strings, one per line), every short line is one value: a sentence of its own
export const VALUE_BREAK = new RegExp(String.raw`${STOP_BREAKS}|\n(?=\s*([-*•#>|]|\d+[.)]|[A-Z][A-Za-z ]{0,30}:))|(?<=[:;])\s*\n|(?<=^|\n)([^\n]{0,39})\n|(?<=[。！？])`);
// SENTENCE_BREAK tried at one position at a time (`splitAt`)
const STICKY_BREAK = new RegExp(SENTENCE_BREAK.source, 'y');
const STICKY_VALUE_BREAK = new RegExp(VALUE_BREAK.source, 'y');
/**
 * Whether SENTENCE_BREAK can match starting at q. Each alternative needs, at q:
 * `(?<=[.!?])\s+` and `(?<=[:;])\s*\n` a `.!?` (alone or with a closing quote or bracket) or `:;` before and a space at q;
 * `(?<=[a-z]{3}[.!?])(?=[A-Z]…)` a `.!?` before and a capital at q; a block tag `<`, `\n\s*\n` and `\n(?=…)` a line break at q;
 * `(?<=^|\n)([^\n]{0,39})\n` the start or a line break before; `(?<=[。！？])` one of those before.
 */
export function breakMayStartAt(text: string, q: number): boolean {
  if (q === 0) return true;
  const at = text.charCodeAt(q);
  // (a block or line-break tag: "notes.<br>Before …")
  if (at === 0x3c) return true;
  switch (text.charCodeAt(q - 1)) {
    case 0x2e: // .
      return mayBeSpace(at) || (at >= 0x41 && at <= 0x5a);
    case 0x21: // !
    case 0x3f: // ?
      return mayBeSpace(at) || (at >= 0x41 && at <= 0x5a);
    case 0x3a: // :
    case 0x3b: // ;
      return mayBeSpace(at);
    case 0x27: // ' " ” ’ ) after a sentence's end ("such as 'stop.' Then …")
    case 0x22:
    case 0x201d:
    case 0x2019:
    case 0x29:
      return (mayBeSpace(at) && endsSentence(text.charCodeAt(q - 2))) || at === 0x0a;
    case 0x0a: // \n
    case 0x3002: // 。
    case 0xff01: // ！
    case 0xff1f: // ？
      return true;
  }
  return at === 0x0a;
}
/** Whether a code unit is `.`, `!` or `?`. */
function endsSentence(code: number): boolean {
  return code === 0x2e || code === 0x21 || code === 0x3f;
}
/** Whether a code unit may be `\s`: ASCII white space, or anything outside ASCII (a superset). */
function mayBeSpace(code: number): boolean {
  return code === 0x20 || (code >= 0x09 && code <= 0x0d) || code > 0x7f;
}

/** The pieces of `chunk.split(SENTENCE_BREAK)` (or of VALUE_BREAK, for values; captures and all), the pattern tried only where it can start. */
export function sentencePieces(chunk: string, values = false): (string | undefined)[] {
  return splitAt(chunk, values ? STICKY_VALUE_BREAK : STICKY_BREAK, breakMayStartAt);
}
