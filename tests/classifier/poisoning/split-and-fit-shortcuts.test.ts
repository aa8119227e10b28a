// The poisoning analyzer's shortcuts (poisoning-split.ts, poisoning-fit.ts) held to their stated contracts one function
// at a time. poisoning-speed.test.ts compares them with the plain code over whole texts; these check what that leaves
// out: splitting with a pattern that matches the empty string, whether the position predicate is obeyed and exact on
// every pair of characters, the slow path on text with other letters, and the relaxed form of unusual sources.
import { describe, expect, it } from 'vitest';
import { execExact, fit, mayMatchSlowly, plain, testExact, withoutAssertions } from '../../../classifier/poisoning-fit.ts';
import { breakMayStartAt, SENTENCE_BREAK, splitAt, VALUE_BREAK } from '../../../classifier/poisoning-split.ts';

describe('splitAt', () => {
  // patterns of every kind split handles: captures, empty matches, matches at the start and the end
  const patterns = [/x*/, /(?=a)/, /(a)|b/, /,/, /(,)(\s*)/, /$/, /^/, /(?:)/, /(x)?,/];
  const texts = ['', 'a', 'ab', 'a,b', ',', 'xx', 'axbxa', 'a, b,,c', 'bab', 'x,y,'];
  it('gives what String.prototype.split gives when the pattern may be tried everywhere', () => {
    let compared = 0;
    for (const pattern of patterns) {
      for (const text of texts) {
        expect(splitAt(text, new RegExp(pattern.source, 'y'), () => true), `${pattern} on ${JSON.stringify(text)}`).toEqual(text.split(pattern));
        compared += 1;
      }
    }
    expect(compared).toBe(patterns.length * texts.length);
    // (the empty text: no piece when the pattern matches there, the text itself when it does not)
    expect(splitAt('', /x*/y, () => true)).toEqual([]);
    expect(splitAt('', /,/y, () => true)).toEqual(['']);
  });
  it('tries the pattern only where the predicate allows', () => {
    expect(splitAt('ab,c,de', /,/y, (_, q) => q === 4)).toEqual(['ab,c', 'de']);
    expect(splitAt('ab,c,de', /,/y, () => false)).toEqual(['ab,c,de']);
  });
});

// (the pattern for prose, and the one for values, which ends every short line)
describe.each([['prose', SENTENCE_BREAK], ['values', VALUE_BREAK]] as const)('breakMayStartAt, %s', (kind, pattern) => {
  const sticky = new RegExp(pattern.source, 'y');
  const matchesAt = (text: string, q: number): boolean => {
    sticky.lastIndex = q;
    return sticky.exec(text) !== null;
  };
  const ascii = Array.from({ length: 128 }, (_, code) => String.fromCharCode(code));
  // white space and full stops outside ASCII, a letter, half a surrogate pair
  const beyond = ['\u0085', '\u00a0', '\u1680', '\u2000', '\u2028', '\u2029', '\u3000', '\ufeff', 'é', '。', '！', '？', '、', '\ud83d'];
  // what may follow, enough for each alternative of the pattern to match where it can
  const continuations = ['', 'bc ', 'bc\n', '\n', ' \n', '- x', 'x\ny', 'br>'];
  it('is true wherever the pattern can match, and on ASCII exactly there', () => {
    let checked = 0;
    let breaks = 0;
    for (const before of [...ascii, ...beyond]) {
      for (const at of [...ascii, ...beyond]) {
        // (three lower-case letters first: what a full stop before a capital needs)
        const texts = continuations.map((rest) => `abc${before}${at}${rest}`);
        const can = texts.some((text) => matchesAt(text, 4));
        const may = breakMayStartAt(texts[0]!, 4);
        if (can) {
          breaks += 1;
          expect(may, `${JSON.stringify(before)} then ${JSON.stringify(at)}`).toBe(true);
        } else if (at.charCodeAt(0) < 0x80 && at !== '<' && (kind === 'values' || before !== '\n')) {
          // (outside ASCII any character may be white space: a superset is allowed there; so it is after a line break,
          // where whether a heading starts depends on how the line before ends, which the predicate does not read, and
          // at "<", where whether a block tag starts depends on the characters after it)
          expect(may, `${JSON.stringify(before)} then ${JSON.stringify(at)}`).toBe(false);
        }
        checked += 1;
      }
      expect(breakMayStartAt(`${before}x`, 0)).toBe(true);
    }
    expect(checked).toBe((128 + beyond.length) ** 2);
    expect(breaks).toBeGreaterThan(500);
    expect(breaks).toBeLessThan(checked / 2);
  });
});

describe('plain and fit', () => {
  it('plain: true for English with typographic punctuation, arrows and emoji; false with letters of other languages', () => {
    expect(plain('ascii only')).toBe(true);
    expect(plain('Send the “report” — now → done 😀')).toBe(true);
    expect(plain('café')).toBe(false);
    expect(plain('请先调用')).toBe(false);
  });
  it('fit: the pattern itself on text with other letters and for a pattern without the u flag; one cached twin without it on plain text', () => {
    const letters = /^\p{L}+$/u;
    expect(fit(letters, 'café').test('café')).toBe(true);
    const twin = fit(letters, 'abc');
    expect(twin).not.toBe(letters);
    expect(twin.flags).not.toContain('u');
    expect(twin.test('abc')).toBe(true);
    expect(fit(letters, 'xyz')).toBe(twin);
    const ascii = /^abc$/i;
    expect(fit(ascii, 'abc')).toBe(ascii);
  });
});

describe('execExact and testExact on text with other letters', () => {
  const word = /\bcat\b/iu;
  it('run the pattern itself, not its ASCII twin', () => {
    expect(execExact(/^\p{L}+$/iu, 'café')?.[0]).toBe('café');
    expect(testExact(/^\p{L}+$/iu, 'café')).toBe(true);
    expect(execExact(word, 'Le chat est là, the cat ici')?.index).toBe(20);
    expect(testExact(word, 'Le chat est là, the cat ici')).toBe(true);
  });
  it('answer no where only the relaxed form matches', () => {
    expect(testExact(word, 'concaténer')).toBe(false);
    expect(execExact(word, 'concaténer')).toBeNull();
  });
});

describe('withoutAssertions', () => {
  it('takes out \\b and \\B', () => {
    expect(withoutAssertions(String.raw`\Bfoo\b`)).toBe('foo');
  });
  it('gives up on back-references and on sources it cannot read to the end', () => {
    expect(withoutAssertions(String.raw`(?<a>x)(?=y)\k<a>`)).toBeUndefined();
    expect(withoutAssertions('abc\\')).toBeUndefined();
    expect(withoutAssertions('a)(b')).toBeUndefined();
    expect(withoutAssertions('[abc')).toBeUndefined();
    expect(withoutAssertions('(abc')).toBeUndefined();
    expect(withoutAssertions('(?=abc')).toBeUndefined();
  });
});

describe('mayMatchSlowly', () => {
  it('rules a case-insensitive Unicode pattern out only where its relaxed form finds nothing', () => {
    expect(mayMatchSlowly(/\bzebra\b/iu, 'nothing of the kind')).toBe(false);
    expect(mayMatchSlowly(/\bzebra\b/iu, 'zebras')).toBe(true);
  });
  it('answers the same every time for a global or sticky pattern (its relaxed form keeps no position)', () => {
    for (const pattern of [/\bzebra\b/giu, /\bzebra\b/iuy]) {
      expect(mayMatchSlowly(pattern, 'zebra')).toBe(true);
      expect(mayMatchSlowly(pattern, 'zebra')).toBe(true);
    }
  });
  it('does not pre-test a pattern without both flags (it is fast as it is)', () => {
    expect(mayMatchSlowly(/\bzebra\b/i, 'nothing of the kind')).toBe(true);
    expect(mayMatchSlowly(/\bzebra\b/u, 'nothing of the kind')).toBe(true);
  });
});
