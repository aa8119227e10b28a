// Which words a regular expression cannot match without, worked out from the expression itself, and
// a cheap test of a text against them: most patterns of the classifier look for phrases that most
// texts have no word of, and a scan of a text's words costs a few nanoseconds a character where a
// large pattern costs a microsecond a sentence. Pure.
//
// The words of a text are its runs of ASCII letters, case-folded. A word is known to the prefilter
// by its *key*: its first three letters, or the whole word when it is shorter ("nc", "rm"). A pattern
// is summed up as clauses of keys (conjunctive normal form): a match is only possible when every
// clause has one of its keys among the text's words. The clauses are derived so that they are
// implied by any match (keys the analysis cannot be sure of are left out), so a text the prefilter
// turns away is one the pattern cannot match; `tests/classifier/prefilter.test.ts` checks that
// against the patterns' own generated matches and every real and attack text.
//
// Not yet wired into the classifier. Measured on the synthetic 100,000-tool catalog with the
// judging detectors' patterns: evaluated clause by clause, a gate made of them turned away 68% of
// texts but cost 2.4 µs a text; evaluated as one graph fed key by key (an inverted index, tried and
// taken out again), it turned away 49% for 2 µs a text (10 keys found, 94 nodes reached). Either
// costs more than the judging it saves: see docs/design.md for what it needs next.
import { RegExpParser, type AST } from '@eslint-community/regexpp';

/** A pattern's prefilter: whether a text's key bits allow a match. */
export interface Prefilter {
  /** The clauses, for tests and inspection; empty when the pattern needs no known word. */
  readonly clauses: readonly Clause[];
  /** The test of a text's key bits (see mayMatch). */
  readonly test: (bits: Int32Array) => boolean;
  /** The highest bit it looks at: a text scanned before that bit existed cannot be judged by it. */
  readonly top: number;
}

// ---------------------------------------------------------------------------------------------
// From a pattern to clauses
// ---------------------------------------------------------------------------------------------
// A pattern's possible matches are summed up as a few abstract strings: letters a–z, characters
// that are keys of their own (KEYED_CHARACTERS, and letters of other scripts), and four marks:
// NONLETTER a run of one or more other non-letters, LETTERS a run of one or more unknown letters,
// ANY a run of any characters (possibly none), and BOUNDARY a word boundary (zero width). A part too
// varied to spell out (too many strings) is summed up by clauses instead, and the spelling starts
// again after it.

const NONLETTER = '\u0001';
const LETTERS = '\u0002';
const ANY = '\u0003';
const BOUNDARY = '\u0004';
const MAX_STRINGS = 256;
const MAX_LENGTH = 80;
const MAX_CLAUSES = 4;
const MAX_CLASS = 6;
// ASCII characters that are keys of their own: rare in ordinary prose, and what markup, addresses and shell lines need
const KEYED_CHARACTERS = '@~$|<>[]{}`&;_(\\\'"';

/** One of some keys, or one of some alternatives' clauses (each alternative a conjunction of clauses). */
type Clause = readonly string[] | { readonly any: readonly Clause[][] };
const MAX_BRANCHES = 64;
/** Either the node's possible strings (clauses still to be derived in context), or its clauses. */
type Summary = { strings: Set<string>; clauses?: undefined } | { strings?: undefined; clauses: Clause[] };

const RUNS = new RegExp(`${NONLETTER}{2,}|${LETTERS}{2,}|${BOUNDARY}{2,}|${ANY}[${NONLETTER}${LETTERS}${ANY}]*${ANY}|${ANY}{2,}`, 'g');
function normalise(text: string): string {
  // runs of one kind are one run; an ANY takes in the runs around it
  return text.replace(RUNS, (run) => run[0]!);
}

function product(left: Set<string>, right: Set<string>): Set<string> | null {
  if (left.size * right.size > MAX_STRINGS) return null;
  const out = new Set<string>();
  for (const a of left) {
    for (const b of right) {
      const joined = normalise(a + b);
      if (joined.length > MAX_LENGTH) return null;
      out.add(joined);
    }
  }
  return out;
}

const isLetter = (char: string | undefined) => char !== undefined && ((char >= 'a' && char <= 'z') || char === LETTERS);
const isConcrete = (char: string | undefined) => char !== undefined && char >= 'a' && char <= 'z';

/**
 * The keys a match spelled `text` must have among its text's words and characters: a whole word
 * ('w'), a word's first four or three letters ('q', 'p'), three letters in a row inside a word ('t'),
 * a keyed character ('c').
 */
function keysIn(text: string): string[] {
  const keys: string[] = [];
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (char.charCodeAt(0) > 4 && !isLetter(char) && isKeyedCharacter(char.charCodeAt(0))) keys.push(`c${char}`);
    if (!isLetter(char) || isLetter(text[i - 1])) continue;
    let end = i;
    while (isLetter(text[end])) end++;
    const word = text.slice(i, end);
    // a word's start is known after anything but an ANY (a non-letter, a boundary, a keyed character)
    const before = text[i - 1];
    const started = before !== undefined && before !== ANY;
    const after = text[end];
    const ended = after !== undefined && after !== ANY;
    const known = (count: number) => [...word.slice(0, count)].every(isConcrete) && word.length >= count;
    if (started && ended && [...word].every(isConcrete)) keys.push(`w${word}`);
    if (started && known(4)) keys.push(`q${word.slice(0, 4)}`);
    if (started && known(3)) keys.push(`p${word.slice(0, 3)}`);
    // three known letters in a row anywhere in the word
    for (let k = 0; k + 3 <= word.length; k++) {
      if (isConcrete(word[k]) && isConcrete(word[k + 1]) && isConcrete(word[k + 2])) {
        keys.push(`t${word.slice(k, k + 3)}`);
        break;
      }
    }
  }
  return keys;
}

// words too common in tool texts to pick as a clause's key when another one will do (any key is
// right; a rare one turns more texts away)
const STOP_WORDS = 'a an the to of and or for in on is it be by as at this that with from you your are was were use using used all any can if get set new not when will has have do does each other only must should also then than into about which what there their them they may more most some such tool tools user users file files data list name names value values id ids type types default string number true false return returns result results field fields object array item items page query request response content text message messages error errors format time date path key keys option options parameter parameters search create update delete read write send run call first after before following instead information details output input provide provided specified specific available current system account project api url';
const STOP = new Set(STOP_WORDS.split(' '));
// words nearly every text has: a clause one of them satisfies tells nothing
const UBIQUITOUS = new Set('the a an to of and or for in on is it be by as at this that with from you your are not all any can if will when each use'.split(' ').flatMap((word) => [`w${word}`, ...(word.length >= 3 ? [`p${word.slice(0, 3)}`] : []), ...(word.length >= 4 ? [`q${word.slice(0, 4)}`] : [])]));
const STOP_HEADS = new Set([...STOP].flatMap((word) => [word.slice(0, 3), word.slice(0, 4)]));
/** Lower is rarer: whole long words first, then four-letter heads, …, letters inside words last; common words after all. */
function rank(key: string): number {
  const body = key.slice(1);
  const common = key[0] === 'w' ? STOP.has(body) : key[0] === 'c' ? body === '"' || body === "'" : STOP_HEADS.has(body) || STOP.has(body);
  const kind = { w: body.length >= 5 ? 0 : body.length >= 3 ? 2 : 4, q: 1, p: 3, c: 2, t: 5 }[key[0] as 'w' | 'q' | 'p' | 'c' | 't'];
  return kind + (common ? 10 : 0);
}

/** Clauses implied by "the match is one of `strings`" (each string read with unknown surroundings). */
function clausesOf(strings: Iterable<string>): Clause[] {
  const perString: string[][] = [];
  for (const text of strings) {
    // (the commonest words are no use: a string with nothing else needs nothing known)
    const keys = [...new Set(keysIn(`${ANY}${text}${ANY}`))].filter((key) => !UBIQUITOUS.has(key));
    if (keys.length === 0) return [];
    keys.sort((a, b) => rank(a) - rank(b));
    perString.push(keys);
  }
  if (perString.length === 0) return [];
  // a key every string has is a clause of its own; the rarest few are kept
  const shared = perString[0]!.filter((key) => perString.every((keys) => keys.includes(key)));
  const clauses: Clause[] = shared.slice(0, MAX_CLAUSES).map((key) => [key]);
  const rest = perString.map((keys) => keys.filter((key) => !shared.includes(key)).slice(0, MAX_CLAUSES - 1));
  if (rest.some((keys) => keys.length === 0)) return clauses;
  // then one of the strings, each with its own rarest keys
  if (rest.length === 1) return [...clauses, ...rest[0]!.map((key) => [key])];
  return [...clauses, { any: rest.map((keys) => keys.map((key) => [key])) }];
}

function clausesOfSummary(summary: Summary): Clause[] {
  return summary.strings ? clausesOf(summary.strings) : summary.clauses;
}

/** Clauses implied by "one of these alternatives matched". */
function either(alternatives: Clause[][]): Clause[] {
  if (alternatives.length === 0 || alternatives.some((clauses) => clauses.length === 0)) return [];
  // alternatives of one clause of keys each: one clause of all their keys
  if (alternatives.every((clauses) => clauses.length === 1 && Array.isArray(clauses[0]))) return [[...new Set(alternatives.flatMap((clauses) => clauses[0] as string[]))]];
  // a few alternatives are kept apart: a text needs all the clauses of one of them
  if (alternatives.length <= MAX_BRANCHES) return [{ any: alternatives.flatMap((clauses) => (clauses.length === 1 && !Array.isArray(clauses[0]) ? (clauses[0] as { any: Clause[][] }).any : [clauses])) }];
  // many: each clause takes one clause of every alternative (its keys, or all keys below it)
  const width = Math.min(MAX_CLAUSES, Math.max(...alternatives.map((clauses) => clauses.length)));
  const out: Clause[] = [];
  for (let j = 0; j < width; j++) out.push([...new Set(alternatives.flatMap((clauses) => keysBelow(clauses[Math.min(j, clauses.length - 1)]!)))]);
  return out;
}

/** Every key that can satisfy a clause (for a clause of alternatives: the keys of each one's first clause, one of which a text that satisfies it has). */
function keysBelow(clause: Clause): string[] {
  if (Array.isArray(clause)) return clause as string[];
  return (clause as { any: Clause[][] }).any.flatMap((clauses) => keysBelow(clauses[0]!));
}

/** A character as the scan reads it: a letter a–z, a keyed character (folded), or null for any other non-letter. */
function spell(code: number): string | null {
  if (code >= 65 && code <= 90) return String.fromCharCode(code + 32);
  if (code >= 97 && code <= 122) return String.fromCharCode(code);
  if (isKeyedCharacter(code)) return foldOf(code);
  return null;
}

/** What one element of a pattern can be: characters spelled, and whether it can also be an unknown letter or other character. */
function characterKinds(node: AST.CharacterClassElement | AST.Character): { spelled: Set<string>; other: boolean; unknownLetters: boolean } {
  const spelled = new Set<string>();
  switch (node.type) {
    case 'Character': {
      const char = spell(node.value);
      if (char) spelled.add(char);
      // the Kelvin sign and the long s: letters to some patterns
      if (node.value === 0x212a || node.value === 0x17f) return { spelled, other: true, unknownLetters: true };
      return { spelled, other: char === null, unknownLetters: false };
    }
    case 'CharacterClassRange': {
      let other = false;
      const { min, max } = { min: node.min.value, max: node.max.value };
      // (a range of other scripts is not spelled out: it is some non-letter, or unknown when it spans letters)
      if (max - min > 64 || max >= 128) return { spelled, other: true, unknownLetters: min <= 122 || (min <= 0x212a && max >= 0x17f) };
      for (let code = min; code <= max; code++) {
        const char = spell(code);
        if (char) spelled.add(char);
        else other = true;
      }
      return { spelled, other, unknownLetters: false };
    }
    case 'CharacterSet':
      if (node.kind === 'digit') return node.negate ? { spelled, other: true, unknownLetters: true } : { spelled, other: true, unknownLetters: false };
      if (node.kind === 'space') return node.negate ? { spelled, other: true, unknownLetters: true } : { spelled, other: true, unknownLetters: false };
      if (node.kind === 'word') return node.negate ? { spelled, other: true, unknownLetters: false } : { spelled, other: true, unknownLetters: true };
      return { spelled, other: true, unknownLetters: true };
    default:
      return { spelled, other: true, unknownLetters: true };
  }
}

function characterSummary(kinds: { spelled: Set<string>; other: boolean; unknownLetters: boolean }): Summary {
  if (kinds.unknownLetters) return { strings: new Set([kinds.other || [...kinds.spelled].some((char) => !isConcrete(char)) ? ANY : LETTERS]) };
  const letters = [...kinds.spelled].filter(isConcrete);
  if (kinds.other) {
    // some non-letter, or unknown when letters are among the choices
    return { strings: new Set([letters.length ? ANY : NONLETTER]) };
  }
  if (kinds.spelled.size <= MAX_CLASS) return { strings: kinds.spelled };
  return { strings: new Set([letters.length === kinds.spelled.size ? LETTERS : letters.length ? ANY : NONLETTER]) };
}

function summarise(node: AST.Node): Summary {
  switch (node.type) {
    case 'Pattern':
    case 'Group':
    case 'CapturingGroup': {
      const branches = node.alternatives.map(summarise);
      if (branches.every((branch) => branch.strings)) {
        const all = new Set<string>();
        for (const branch of branches) for (const text of branch.strings!) all.add(text);
        if (all.size <= MAX_STRINGS) return { strings: all };
      }
      return { clauses: either(branches.map(clausesOfSummary)) };
    }
    case 'Alternative': {
      let spelled = new Set<string>(['']);
      const clauses: Clause[] = [];
      let cut = false;
      for (const element of node.elements) {
        // what a positive lookaround asks for is in the text too, beside the match
        if (element.type === 'Assertion' && (element.kind === 'lookahead' || element.kind === 'lookbehind') && !element.negate) {
          clauses.push(...either(element.alternatives.map((alternative) => clausesOfSummary(summarise(alternative)))));
          cut = cut || clauses.length > 0;
          continue;
        }
        const part = summarise(element);
        const joined = part.strings ? product(spelled, part.strings) : null;
        if (joined) {
          spelled = joined;
          continue;
        }
        // too varied to spell on: what was spelled so far gives its clauses, and spelling starts again
        cut = true;
        clauses.push(...clausesOf(spelled));
        if (part.strings) spelled = new Set([...part.strings].map((text) => normalise(ANY + text)));
        else {
          clauses.push(...part.clauses);
          spelled = new Set([ANY]);
        }
      }
      if (!cut) return { strings: spelled };
      clauses.push(...clausesOf(spelled));
      return { clauses };
    }
    case 'Quantifier': {
      const inner = summarise(node.element);
      if (!inner.strings) return { clauses: node.min >= 1 ? inner.clauses : [] };
      const strings = inner.strings;
      const only = (mark: string) => [...strings].every((text) => text === mark);
      const repeated = new Set<string>();
      if (node.min === 0) repeated.add('');
      if (only(NONLETTER) || only(LETTERS) || only(ANY)) {
        repeated.add([...strings][0]!);
        return { strings: repeated };
      }
      if (node.max <= 3) {
        // each count spelled out: "(\w+\s+){0,2}", "s?", "(ab){2}"
        let current: Set<string> | null = new Set(['']);
        for (let count = 1; count <= node.max && current; count++) {
          current = product(current, strings);
          if (current && count >= node.min) for (const text of current) repeated.add(text);
        }
        if (current && repeated.size <= MAX_STRINGS) return { strings: repeated };
      }
      // one round spelled out, the rest unknown
      const once = [...strings].map((text) => normalise(text + ANY));
      return { strings: new Set(node.min === 0 ? ['', ...once] : once) };
    }
    case 'Character':
      return characterSummary(characterKinds(node));
    case 'CharacterSet':
      if (node.kind === 'any') return { strings: new Set([ANY]) };
      return characterSummary(characterKinds(node));
    case 'CharacterClass': {
      if (node.negate) return { strings: new Set([ANY]) };
      const spelled = new Set<string>();
      let other = false;
      let unknownLetters = false;
      for (const element of node.elements) {
        if (element.type !== 'Character' && element.type !== 'CharacterClassRange' && element.type !== 'CharacterSet') return { strings: new Set([ANY]) };
        const kinds = characterKinds(element);
        for (const char of kinds.spelled) spelled.add(char);
        other ||= kinds.other;
        unknownLetters ||= kinds.unknownLetters;
      }
      return characterSummary({ spelled, other, unknownLetters });
    }
    case 'Assertion':
      if (node.kind === 'word') return { strings: new Set([node.negate ? '' : BOUNDARY]) };
      if (node.kind === 'start' || node.kind === 'end') return { strings: new Set([BOUNDARY]) };
      return { strings: new Set(['']) };
    default:
      return { strings: new Set([ANY]) };
  }
}

/** Clauses of keys that any match of `pattern` has among the words and characters of the text it was found in (an empty list: none known). */
export function requiredKeys(pattern: RegExp): Clause[] {
  const parser = new RegExpParser({ ecmaVersion: 2025 });
  const ast = parser.parsePattern(pattern.source, 0, pattern.source.length, { unicode: pattern.unicode });
  return clausesOfSummary(summarise(ast));
}

// ---------------------------------------------------------------------------------------------
// From a text to its keys
// ---------------------------------------------------------------------------------------------
// Keys: 'p' and three letters, a word's first three; 'w' and one or two letters, a whole short word;
// 't' and three letters, three letters in a row anywhere in a word; 'c' and a character, a keyed
// character anywhere. Every key a prefilter asks for gets a bit, and a text's keys are those bits:
// keys no prefilter asks for are not recorded, so a text's bits are a few 32-bit words.

/** Three letters to a number: slots of 1–26. */
const KEY_SPACE = 27 * 27 * 27;
const keyOf = (a: number, b: number, c: number) => (a * 27 + b) * 27 + c;
const TRIGRAM_BITS = new Int32Array(KEY_SPACE).fill(-1);
const ASCII_BITS = new Int32Array(128).fill(-1);
/** Bits of keyed characters outside ASCII, by folded character; and by character as met in texts. */
const FOLDED_BITS = new Map<string, number>();
const OTHER_BITS = new Map<number, number>();
// Words and heads of words by a hash of their letters, in an open-addressing table: two different
// words with one hash share a bit, which only lets a few more texts through.
const SLOTS = 1 << 13;
const slotHash = new Int32Array(SLOTS);
const slotBit = new Int32Array(SLOTS).fill(-1);
const WHOLE = 1;
const HEAD3 = 2;
const HEAD4 = 3;
/** A word key's hash: the running hash of its letters (h = h·31 + letter, letters 1–26), its kind and length. */
const finish = (hash: number, kind: number, length: number) => Math.imul(hash ^ (kind << 28) ^ (length << 20), 0x9e3779b1) | 0;
function slotOf(hash: number): number {
  let slot = (hash >>> 19) & (SLOTS - 1);
  while (slotBit[slot] !== -1 && slotHash[slot] !== hash) slot = (slot + 1) & (SLOTS - 1);
  return slot;
}
let keyCount = 0;
let trigrams = false;

function isKeyedCharacter(code: number): boolean {
  if (code < 128) return KEYED_CHARACTERS.includes(String.fromCharCode(code));
  return code >= 0xc0 && code < 0xd800 && code !== 0x212a && code !== 0x17f;
}

/** A character as case-insensitive patterns compare it (upper then lower case, where each is one character). */
function foldOf(code: number): string {
  const char = String.fromCharCode(code);
  const upper = char.toUpperCase();
  const lower = (upper.length === 1 ? upper : char).toLowerCase();
  // (a character that folds into ASCII, the dotless ı, still matches only itself: it stays as it is)
  return lower.length === 1 && lower.charCodeAt(0) >= 128 ? lower : char;
}

function bitOf(key: string): number {
  const kind = key[0];
  const body = key.slice(1);
  const next = () => keyCount++;
  if (kind === 'c') {
    const code = body.charCodeAt(0);
    if (code < 128) return ASCII_BITS[code] === -1 ? (ASCII_BITS[code] = next()) : ASCII_BITS[code]!;
    if (!FOLDED_BITS.has(body)) {
      FOLDED_BITS.set(body, next());
      // characters met before are looked up again
      OTHER_BITS.clear();
    }
    return FOLDED_BITS.get(body)!;
  }
  const codes = [...body].map((char) => char.charCodeAt(0) - 96);
  if (kind === 't') {
    trigrams = true;
    const id = keyOf(codes[0]!, codes[1]!, codes[2]!);
    if (TRIGRAM_BITS[id] === -1) TRIGRAM_BITS[id] = next();
    return TRIGRAM_BITS[id]!;
  }
  let hash = 0;
  for (const code of codes) hash = (Math.imul(hash, 31) + code) | 0;
  const hashed = finish(hash, kind === 'w' ? WHOLE : kind === 'p' ? HEAD3 : HEAD4, codes.length);
  const slot = slotOf(hashed);
  if (slotBit[slot] === -1) {
    slotHash[slot] = hashed;
    slotBit[slot] = next();
  }
  return slotBit[slot]!;
}

/** The prefilter of a pattern: its clauses, compiled to a test of a text's key bits. */
export function prefilterOf(pattern: RegExp): Prefilter {
  const clauses = requiredKeys(pattern);
  let top = -1;
  const compileClause = (clause: Clause): ((bits: Int32Array) => boolean) => {
    if (!Array.isArray(clause)) {
      const branches = (clause as { any: Clause[][] }).any.map(compileAll);
      // (a text that satisfies one alternative has a key of its first clause: most texts have none of them)
      const quick = compileClause(keysBelow(clause));
      return (bits) => {
        if (!quick(bits)) return false;
        for (const branch of branches) if (branch(bits)) return true;
        return false;
      };
    }
    const byWord = new Map<number, number>();
    for (const key of clause as string[]) {
      const bit = bitOf(key);
      top = Math.max(top, bit);
      byWord.set(bit >>> 5, (byWord.get(bit >>> 5) ?? 0) | (1 << (bit & 31)));
    }
    const words = Int32Array.from(byWord.keys());
    const masks = Int32Array.from(byWord.values());
    return (bits) => {
      for (let k = 0; k < words.length; k++) if ((bits[words[k]!]! & masks[k]!) !== 0) return true;
      return false;
    };
  };
  function compileAll(all: readonly Clause[]): (bits: Int32Array) => boolean {
    const tests = all.map(compileClause);
    return (bits) => {
      for (const test of tests) if (!test(bits)) return false;
      return true;
    };
  }
  return { clauses, test: compileAll(clauses), top };
}

function otherBit(code: number): number {
  let bit = OTHER_BITS.get(code);
  if (bit === undefined) {
    bit = isKeyedCharacter(code) ? (FOLDED_BITS.get(foldOf(code)) ?? -1) : -1;
    OTHER_BITS.set(code, bit);
  }
  return bit;
}

/**
 * Calls `found` with the id of every key a text has (only keys some prefilter asks for, an id as
 * often as it occurs), until `found` returns true. Whether it stopped early.
 */
export function scanKeys(text: string, found: (key: number) => boolean): boolean {
  const length = text.length;
  let letters = 0;
  let hash = 0;
  let head3 = 0;
  let head4 = 0;
  let a = 0;
  let b = 0;
  let key = -1;
  for (let i = 0; i <= length; i++) {
    const code = i < length ? text.charCodeAt(i) : 32;
    const letter = code >= 97 && code <= 122 ? code - 96 : code >= 65 && code <= 90 ? code - 64 : 0;
    if (letter !== 0) {
      hash = (Math.imul(hash, 31) + letter) | 0;
      letters++;
      if (letters === 3) head3 = hash;
      else if (letters === 4) head4 = hash;
      // the last three letters
      if (trigrams && letters >= 3) {
        key = TRIGRAM_BITS[(a * 27 + b) * 27 + letter]!;
        if (key !== -1 && found(key)) return true;
      }
      a = b;
      b = letter;
      continue;
    }
    if (letters !== 0) {
      // the whole word, and its heads of three and four letters
      for (let kind = WHOLE; kind <= HEAD4; kind++) {
        if (kind === HEAD3 && letters < 3) break;
        if (kind === HEAD4 && letters < 4) break;
        const hashed = finish(kind === WHOLE ? hash : kind === HEAD3 ? head3 : head4, kind, kind === WHOLE ? letters : kind === HEAD3 ? 3 : 4);
        let slot = (hashed >>> 19) & (SLOTS - 1);
        for (key = slotBit[slot]!; key !== -1; key = slotBit[slot]!) {
          if (slotHash[slot] === hashed) {
            if (found(key)) return true;
            break;
          }
          slot = (slot + 1) & (SLOTS - 1);
        }
      }
      letters = 0;
      hash = 0;
      a = 0;
      b = 0;
    }
    if (code < 128) key = ASCII_BITS[code]!;
    else if (code === 0x212a || code === 0x17f) {
      // the Kelvin sign and the long s are letters to some patterns (i and u flags) and not to others: any key may be there
      for (let all = 0; all < keyCount; all++) if (found(all)) return true;
      return false;
    } else key = otherBit(code);
    if (key !== -1 && found(key)) return true;
  }
  return false;
}

/**
 * The key bits of a text's words and characters (only keys some prefilter asks for), and last the
 * number of keys there were when it was scanned; written into `into` when it is given and fits
 * (a buffer used again and again, for bits that are read at once).
 */
export function keysOf(text: string, into?: Int32Array): Int32Array {
  const size = (keyCount >>> 5) + 1;
  const bits = into && into.length === size + 1 ? into.fill(0) : new Int32Array(size + 1);
  bits[size] = keyCount;
  scanKeys(text, (key) => {
    bits[key >>> 5]! |= 1 << (key & 31);
    return false;
  });
  return bits;
}

/** Whether a text with these key bits can hold a match of the pattern the prefilter was made for. */
export function mayMatch(prefilter: Prefilter, bits: Int32Array): boolean {
  // (a prefilter made after the text was scanned asks for bits it may lack)
  if (prefilter.top >= bits[bits.length - 1]!) return true;
  return prefilter.test(bits);
}
