// What the CLI prints of server-supplied text (crawler/terminal.ts), in the test process: the CLI tests see it only
// through child processes, so a mutation run reached none of it. Names and descriptions are attacker-controlled: a
// control character can move the cursor or rewrite the screen, a bidirectional one reorder what is read.
import { describe, expect, it } from 'vitest';
import { fit, renderTable, terminalSafe } from '../../crawler/terminal.ts';

describe('terminalSafe', () => {
  it('shows control, bidirectional and invisible characters as escapes, and leaves the rest as it is', () => {
    expect(terminalSafe('plain text, ünïcödé, 工具, emoji 🙂')).toBe('plain text, ünïcödé, 工具, emoji 🙂');
    expect(terminalSafe('\u001b[2Jcleared')).toBe('\\u001b[2Jcleared');
    expect(terminalSafe('a\u0000b\u007fc\u0085d\u009fe')).toBe('a\\u0000b\\u007fc\\u0085d\\u009fe');
    expect(terminalSafe('x\u200bx\u200fx\u202ax\u202ex\u2060x\u2069x\ufeffx')).toBe('x\\u200bx\\u200fx\\u202ax\\u202ex\\u2060x\\u2069x\\ufeffx');
    // tag characters (text hidden from people) are escaped whole, as one code point
    expect(terminalSafe('a\u{e0041}\u{e007f}b')).toBe('a\\u{e0041}\\u{e007f}b');
    // (the characters around each range stay)
    expect(terminalSafe('\u00a0\u200a\u2010\u2070\u{e0080}')).toBe('\u00a0\u200a\u2010\u2070\u{e0080}');
  });

  it('turns line breaks and tabs into spaces, so one value stays on one line', () => {
    expect(terminalSafe('one\ntwo\tthree\r')).toBe('one two three\\u000d');
  });
});

describe('fit', () => {
  it('pads to the width, or cuts at a code point and marks the cut', () => {
    expect(fit('abc', 5)).toBe('abc  ');
    expect(fit('abcde', 5)).toBe('abcde');
    expect(fit('abcdef', 5)).toBe('abcd…');
    expect(fit('🙂🙂🙂', 2)).toBe('🙂…');
    expect(fit('abc', 1)).toBe('…');
    expect(fit('abc', 0)).toBe('…');
  });
});

describe('renderTable', () => {
  it('sizes each column to its widest cell up to its limit, separates columns by two spaces, and trims the line end', () => {
    const table = renderTable(['NAME', 'RISK'], [['delete_file', 'high'], ['x', 'low']], [20, 10]);
    expect(table.split('\n')).toEqual(['NAME         RISK', '-----------  ----', 'delete_file  high', 'x            low']);
  });

  it('cuts a cell at its column\'s limit, a header included, and takes 40 for a column without one', () => {
    const table = renderTable(['TOOL', 'WHY'], [['a_very_long_tool_name', 'y'.repeat(60)]], [8]);
    expect(table.split('\n')).toEqual(['TOOL      WHY', '--------  ----------------------------------------', `a_very_…  ${'y'.repeat(39)}…`]);
    expect(renderTable(['LONGHEADER'], [['a']], [4]).split('\n')).toEqual(['LON…', '----', 'a']);
  });

  it('makes every cell terminal-safe before measuring it, and takes a missing cell as empty', () => {
    const table = renderTable(['A', 'B'], [['\u001b[31mred', 'x'], ['only']], [30, 30]);
    // (the escape is 13 characters wide: the column is)
    expect(table.split('\n')).toEqual([`A${' '.repeat(12)}  B`, `${'-'.repeat(13)}  -`, '\\u001b[31mred  x', 'only']);
  });
});
